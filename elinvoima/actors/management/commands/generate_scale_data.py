from time import perf_counter

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from elinvoima.actors.scale import (
    ORGANISATIONS,
    PEOPLE,
    ScaleDataError,
    scale_data_generate,
)
from elinvoima.actors.services import reference_data_load


class Command(BaseCommand):
    help = (
        "Generate the national-scale actors of DESIGN.md deterministically from --seed: "
        "organisations, people and memberships on top of the reference data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, required=True)
        parser.add_argument(
            "--replace", action="store_true", help="Delete earlier generated data first."
        )
        parser.add_argument("--organisations", type=int, default=ORGANISATIONS)
        parser.add_argument("--people", type=int, default=PEOPLE)

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
        written = perf_counter()
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner picks bad plans (PERFORMANCE.md).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        if result.replaced:
            self.stdout.write(
                f"Deleted the earlier scale data: {result.replaced['organisations']} "
                f"organisations, {result.replaced['people']} people."
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
