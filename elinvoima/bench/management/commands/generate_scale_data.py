from time import perf_counter

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from elinvoima.actors.services import reference_data_load
from elinvoima.bench.scale.activities import (
    ActivityScaleError,
    activity_scale_delete,
    activity_scale_generate,
)
from elinvoima.bench.scale.actors import (
    ORGANISATIONS,
    PEOPLE,
    ScaleDataError,
    scale_data_generate,
)
from elinvoima.bench.scale.budgets import (
    BudgetScaleError,
    budget_scale_delete,
    budget_scale_generate,
)
from elinvoima.bench.scale.indicators import (
    INDICATORS,
    VALUES,
    IndicatorScaleError,
    indicator_scale_generate,
)
from elinvoima.bench.scale.networks import (
    NetworkScaleError,
    network_scale_delete,
    network_scale_generate,
)
from elinvoima.bench.scale.strategy import PlanScaleError, plan_scale_generate
from elinvoima.indicators.regions import RegionIdTaken


class Command(BaseCommand):
    help = (
        "Generate the national-scale data (docs/performance.md) deterministically from --seed: "
        "organisations, people and memberships on top of the reference data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, required=True)
        parser.add_argument(
            "--replace", action="store_true", help="Delete earlier generated data first."
        )
        parser.add_argument("--organisations", type=int, default=ORGANISATIONS)
        parser.add_argument("--people", type=int, default=PEOPLE)
        parser.add_argument(
            "--indicators",
            type=int,
            default=None,
            help=f"Indicators with ~{VALUES // INDICATORS} values each; default {INDICATORS}, "
            "or none when --organisations or --people is given.",
        )

    def handle(self, *args, seed, replace, organisations, people, **options):
        if organisations < 0 or people < 0:
            raise CommandError("--organisations and --people must not be negative.")
        if people and not organisations:
            raise CommandError("People need organisations to be members of.")
        started = perf_counter()
        reference_data_load()
        try:
            result = scale_data_generate(
                seed=seed, organisations=organisations, people=people, replace=replace
            )
        except ScaleDataError as error:
            raise CommandError(str(error)) from error
        # 3,000 indicators with ~4,000,000 values (elinvoima.bench.scale.indicators); a run with
        # its own --organisations or --people makes indicators only when asked.
        indicator_count = options.get("indicators")
        if indicator_count is None:
            full = (organisations, people) == (ORGANISATIONS, PEOPLE)
            indicator_count = INDICATORS if full else 0
        indicators = None
        if indicator_count > 0:
            try:
                indicators = indicator_scale_generate(
                    seed=seed,
                    indicators=indicator_count,
                    values=VALUES * indicator_count // INDICATORS,
                    replace=replace,
                )
            except (IndicatorScaleError, RegionIdTaken) as error:
                raise CommandError(str(error)) from error
        # Plans of every municipality and county, ~600,000 measures (scale.strategy),
        # with the full national scale only.
        # and on them 1,000,000 activity reports and a card decision (scale.activities), and
        # a participatory budget with 200,000 ballots (scale.budgets).
        plans = activities = budget = networks = None
        if (organisations, people) == (ORGANISATIONS, PEOPLE):
            try:
                if replace:
                    activity_scale_delete()  # they point at the plans' goals
                    budget_scale_delete()  # its proposals point at the plans' measures
                    network_scale_delete()
                plans = plan_scale_generate(seed=seed, replace=replace)
                activities = activity_scale_generate(seed=seed)
                budget = budget_scale_generate(seed=seed)
                networks = network_scale_generate(seed=seed)
            except (
                PlanScaleError,
                ActivityScaleError,
                BudgetScaleError,
                NetworkScaleError,
            ) as error:
                raise CommandError(str(error)) from error
        written = perf_counter()
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner picks bad plans (docs/performance.md).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        if result.replaced:
            self.stdout.write(
                f"Deleted the earlier scale data: {result.replaced['organisations']} "
                f"organisations, {result.replaced['people']} people."
            )
        if indicators is not None:
            self.stdout.write(
                f"Wrote {indicators.indicators} indicators ({indicators.municipal_indicators} "
                f"with municipal values), {indicators.values} values, {indicators.regions} "
                f"regions in {indicators.seconds:.1f} s."
            )
        if plans is not None:
            self.stdout.write(
                f"Wrote {plans.plans} plans, {plans.goals} goals and {plans.measures} measures "
                f"in {plans.seconds:.1f} s."
            )
        if activities is not None:
            self.stdout.write(
                f"Wrote {activities.activities} activities with {activities.goal_links} links "
                f"to goals in {activities.seconds:.1f} s."
            )
        if budget is not None:
            self.stdout.write(
                f"Wrote a participatory budget with {budget.ballots} ballots and "
                f"{budget.choices} choices in {budget.seconds:.1f} s."
            )
        if networks is not None:
            self.stdout.write(
                f"Wrote {networks.networks} networks, {networks.meetings} meetings and "
                f"{networks.items} annual clock items in {networks.seconds:.1f} s."
            )
        self.stdout.write(
            f"Wrote {result.organisations} organisations ({result.with_business_id} with a "
            f"Y-tunnus, {result.municipality_links} municipalities of operation), "
            f"{result.people} people and {result.memberships} memberships "
            f"(seed {seed}) in {written - started:.1f} s"
            + (
                f", ANALYZE {perf_counter() - written:.1f} s."
                if connection.vendor == "postgresql"
                else "."
            )
        )
