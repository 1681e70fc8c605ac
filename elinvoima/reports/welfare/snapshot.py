"""The data a welfare report is assembled from, read once into a snapshot (JSON on the
report): one consistent read of the database (core.snapshots), so that what changes while
a report is being made never shows half in it, and so that an approved report keeps the
data it was approved with.

Texts that have two languages are kept in both ({"fi": …, "sv": …}) and choices as their
codes: the report is rendered in Finnish or Swedish from the same snapshot. Organisations
are named as the public sees them (an unpublished one is counted, not named): an approved
report is public.

Parts (seed 001): the state of wellbeing (the plan's indicators for the area, its county and
the country; the HYTE coefficient; experiential data), the structures (the area's networks),
the actions (goals, their measures and who works on them), part 2's municipality, sector and
association cards with the contributors' deliveries (missing ones as missing), and part 3's
separate plans."""

from collections import defaultdict
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, Sum
from django.utils import timezone

from elinvoima.actors.models import Municipality
from elinvoima.cards.activities.models import Activity
from elinvoima.core.snapshots import consistent_read
from elinvoima.indicators.enums import Gender, RegionCategory
from elinvoima.indicators.models import ExperientialResult, HyteCoefficientScore, Region
from elinvoima.indicators.selectors import chart_values
from elinvoima.networks.models import Network
from elinvoima.reports.enums import ContributionKind, ContributionState
from elinvoima.reports.impact.selectors import MAIN_KINDS, current_plan, plan_impact
from elinvoima.reports.welfare.models import Report
from elinvoima.reports.welfare.selectors import ASSOCIATION_KINDS
from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.models import GoalIndicator, Measure, Plan

SNAPSHOT_VERSION = 1


def tr(obj, name: str) -> dict[str, str]:
    """A translated field in both languages (Swedish falls back to Finnish)."""
    fi = getattr(obj, f"{name}_fi", None) or getattr(obj, name, "") or ""
    return {"fi": fi, "sv": getattr(obj, f"{name}_sv", None) or fi}


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value.quantize(Decimal("1")))


def _regions(report: Report) -> list[dict]:
    """The regions the charts compare: the area's own, (for a municipality) its county's,
    and the whole country's (one query)."""
    if report.owner_kind == "municipality":
        county_id = report.municipality.wellbeing_county_id
        wanted = [
            ("municipality", lambda r: r.municipality_id == report.municipality_id),
            ("county", lambda r: r.wellbeing_county_id == county_id),
        ]
        condition = Q(municipality_id=report.municipality_id) | Q(wellbeing_county_id=county_id)
    else:
        wanted = [("municipality", lambda r: r.wellbeing_county_id == report.wellbeing_county_id)]
        condition = Q(wellbeing_county_id=report.wellbeing_county_id)
    wanted.append(("country", lambda r: r.category == RegionCategory.COUNTRY))
    rows = list(
        Region.objects.filter(condition | Q(category=RegionCategory.COUNTRY)).order_by("pk")
    )
    found = []
    for role, matches in wanted:
        match = next((r for r in rows if matches(r)), None)  # a real Sotkanet id first
        if match is not None:
            found.append(
                {"id": match.pk, "title": tr(match, "title"), "role": role, "code": match.code}
            )
    return found


def _indicators(plan: Plan | None, region_ids: list[int], extra_regions: list[int]) -> list[dict]:
    if plan is None:
        return []
    links = list(
        GoalIndicator.objects.filter(goal__plan=plan)
        .select_related("indicator", "goal")
        .order_by("goal__priority_area__position", "goal__position", "position", "pk")
    )
    seen, chosen = set(), []
    for link in links:
        if link.indicator_id not in seen:
            seen.add(link.indicator_id)
            chosen.append(link)
    series = chart_values(
        indicator_ids=[link.indicator_id for link in chosen],
        region_ids=[*region_ids, *extra_regions],
        gender=Gender.TOTAL,
    )
    return [
        {
            "id": link.indicator_id,
            "title": tr(link.indicator, "title"),
            "unit": tr(link.indicator, "value_type"),
            "decimals": link.indicator.decimals,
            "goal": tr(link.goal, "title"),
            "direction": link.direction,
            "comparison": link.target_comparison,
            "target_value": link.target_value,
            "target_year": link.target_year,
            "baseline_value": link.baseline_value,
            "baseline_year": link.baseline_year,
            "series": {
                str(region): {str(year): value for year, value in sorted(values.items())}
                for region, values in series.get(link.indicator_id, {}).items()
            },
        }
        for link in chosen
    ]


def _hyte(report: Report) -> list[dict]:
    condition = (
        Q(municipality_id=report.municipality_id)
        if report.owner_kind == "municipality"
        else Q(wellbeing_county_id=report.wellbeing_county_id)
        | Q(municipality__wellbeing_county_id=report.wellbeing_county_id)
    )
    rows = HyteCoefficientScore.objects.filter(
        condition, year__lte=report.end_year + 1
    ).select_related("municipality", "wellbeing_county")
    return [
        {
            "year": row.year,
            "name": tr(row.municipality or row.wellbeing_county, "name"),
            "county": row.municipality_id is None,
            "score": None if row.score is None else float(row.score),
        }
        for row in rows.order_by("-year", "municipality__name")
    ]


def _experiential(municipality_ids: list[int]) -> list[dict]:
    """The latest experiential survey of each municipality, its results."""
    results = list(
        ExperientialResult.objects.filter(survey__municipality_id__in=municipality_ids)
        .select_related("survey__municipality")
        .order_by("survey__municipality__name", "-survey__year", "domain", "pk")
    )
    latest: dict[int, int] = {}
    for result in results:
        latest.setdefault(result.survey.municipality_id, result.survey.year)
    return [
        {
            "municipality": tr(r.survey.municipality, "name"),
            "survey": r.survey.title,
            "year": r.survey.year,
            "domain": r.domain,
            "question": r.question,
            "value": r.value,
            "unit": r.unit,
        }
        for r in results
        if r.survey.year == latest[r.survey.municipality_id]
    ]


def _structures(report: Report) -> list[dict]:
    area = (
        Q(municipality_id=report.municipality_id)
        if report.owner_kind == "municipality"
        else Q(wellbeing_county_id=report.wellbeing_county_id)
    )
    networks = (
        Network.objects.filter(area, is_public=True)
        .annotate(current_people=Count("people", filter=Q(people__ends_on__isnull=True)))
        .order_by("name")
    )
    return [{"name": tr(n, "name"), "kind": n.kind, "people": n.current_people} for n in networks]


def _goals(plan: Plan | None, year: int) -> list[dict]:
    if plan is None:
        return []
    impact = plan_impact(plan, AnonymousUser(), year=year)
    implementers = defaultdict(list)
    for measure_id, name_fi, name_sv in Measure.implementers.through.objects.filter(
        measure__plan=plan, organisation__is_published=True
    ).values_list("measure_id", "organisation__name_fi", "organisation__name_sv"):
        implementers[measure_id].append({"fi": name_fi, "sv": name_sv or name_fi})
    return [
        {
            "id": row.goal.pk,
            "title": tr(row.goal, "title"),
            "depth": row.depth,
            "flagged": row.flagged,
            "movements": [trend.movement for trend in row.trends],
            "measures": [
                {
                    "title": tr(measure, "title"),
                    "status": measure.status,
                    "implementers": implementers.get(measure.pk, []),
                }
                for measure in row.measures
            ],
            "activities": row.activities,
            "participants": row.participants,
            "organisations": len(row.actors) + row.unnamed_actors,
            "granted": _money(row.granted),
        }
        for row in impact.goals
    ]


def _contribution(contribution) -> dict:
    delivered = contribution.state == ContributionState.DELIVERED
    return {
        "kind": contribution.kind,
        "organisation": tr(contribution.organisation, "name"),
        "organisation_id": contribution.organisation_id,
        "municipality_id": contribution.organisation.municipality_id,
        "due_on": contribution.due_on.isoformat(),
        "delivered": delivered,
        "delivered_on": contribution.delivered_at.date().isoformat() if delivered else None,
        "texts": {
            name: getattr(contribution, name)
            for name in ("done", "successes", "challenges", "next_steps")
        }
        if delivered
        else None,
        "people_reached": contribution.people_reached if delivered else None,
    }


def _municipality_cards(report: Report, indicator_ids: list[int], year: int, cards: list[dict]):
    """Part 2 of a county's report: each municipality's key indicators, the summary of its
    own plan's goals, and its delivered card (or that it is missing)."""
    if report.owner_kind != "wellbeing_county":
        return []
    municipalities = list(
        Municipality.objects.filter(wellbeing_county_id=report.wellbeing_county_id).order_by("name")
    )
    regions = dict(
        Region.objects.filter(municipality__in=municipalities).values_list("municipality_id", "pk")
    )
    series = chart_values(
        indicator_ids=indicator_ids, region_ids=list(regions.values()), gender=Gender.TOTAL
    )
    by_municipality = {
        c["municipality_id"]: c for c in cards if c["kind"] == ContributionKind.MUNICIPALITY_CARD
    }
    anonymous = AnonymousUser()
    result = []
    for municipality in municipalities:
        plan = current_plan(municipality, anonymous)
        impact = plan_impact(plan, anonymous, year=year) if plan is not None else None
        region = regions.get(municipality.pk)
        result.append(
            {
                "id": municipality.pk,
                "code": municipality.code,
                "name": tr(municipality, "name"),
                "region": region,
                "values": {
                    str(pk): {
                        str(y): v for y, v in sorted(series.get(pk, {}).get(region, {}).items())
                    }
                    for pk in indicator_ids
                }
                if region
                else {},
                "plan": tr(plan, "title") if plan is not None else None,
                "goals": len(impact.goals) if impact else None,
                "flagged": len(impact.flagged) if impact else None,
                "active_measures": impact.active_measures if impact else None,
                "activities": impact.activities if impact else None,
                "participants": impact.participants if impact else None,
                "granted": _money(impact.granted) if impact else None,
                "card": by_municipality.get(municipality.pk),
            }
        )
    return result


def _association_card(report: Report, year: int) -> dict:
    """What associations did in the area in the year, by the goals their activities served
    and by municipality, with numbers (the association card of seed 001)."""
    area = (
        Q(municipality_id=report.municipality_id)
        if report.owner_kind == "municipality"
        else Q(municipality__wellbeing_county_id=report.wellbeing_county_id)
    )
    activities = Activity.objects.filter(
        area, starts_on__year=year, organisation__kind__in=ASSOCIATION_KINDS
    )
    totals = activities.aggregate(
        activities=Count("id"),
        participants=Sum("participants"),
        associations=Count("organisation", distinct=True),
        volunteer_hours=Sum("volunteer_hours"),
    )
    by_goal = (
        activities.filter(sub_goals__isnull=False)
        .values("sub_goals__title_fi", "sub_goals__title_sv")
        .annotate(
            activities=Count("id", distinct=True),
            participants=Sum("participants"),
            associations=Count("organisation", distinct=True),
        )
        .order_by("-activities", "sub_goals__title_fi")[:40]
    )
    by_municipality = (
        activities.values("municipality__name_fi", "municipality__name_sv")
        .annotate(
            activities=Count("id"),
            participants=Sum("participants"),
            associations=Count("organisation", distinct=True),
        )
        .order_by("municipality__name_fi")
    )
    return {
        "activities": totals["activities"] or 0,
        "participants": totals["participants"] or 0,
        "associations": totals["associations"] or 0,
        "volunteer_hours": float(totals["volunteer_hours"] or 0),
        "by_goal": [
            {
                "goal": {
                    "fi": row["sub_goals__title_fi"],
                    "sv": row["sub_goals__title_sv"] or row["sub_goals__title_fi"],
                },
                "activities": row["activities"],
                "participants": row["participants"] or 0,
                "associations": row["associations"],
            }
            for row in by_goal
        ],
        "by_municipality": [
            {
                "municipality": {
                    "fi": row["municipality__name_fi"],
                    "sv": row["municipality__name_sv"] or row["municipality__name_fi"],
                },
                "activities": row["activities"],
                "participants": row["participants"] or 0,
                "associations": row["associations"],
            }
            for row in by_municipality
        ],
    }


def _separate_plans(report: Report) -> list[dict]:
    """Part 3: the owner's approved separate plans in force in the years reported."""
    plans = (
        Plan.objects.filter(
            **{f"{report.owner_kind}_id": getattr(report, f"{report.owner_kind}_id")},
            state=PlanState.APPROVED,
            start_year__lte=report.end_year,
            end_year__gte=report.start_year,
        )
        .exclude(kind__in=MAIN_KINDS)
        .annotate(goal_count=Count("goals", distinct=True))
        .prefetch_related("priority_areas")
        .order_by("title")
    )
    statuses = defaultdict(dict)
    for plan_id, status, count in (
        Measure.objects.filter(plan__in=plans)
        .values_list("plan_id", "status")
        .annotate(n=Count("id"))
        .order_by()
    ):
        statuses[plan_id][status] = count
    return [
        {
            "title": tr(plan, "title"),
            "kind": plan.kind,
            "start_year": plan.start_year,
            "end_year": plan.end_year,
            "areas": [tr(area, "title") for area in plan.priority_areas.all()],
            "goals": plan.goal_count,
            "measures": statuses.get(plan.pk, {}),
        }
        for plan in plans
    ]


def snapshot_read(report: Report) -> dict:
    """Everything the report shows, read in one consistent transaction."""
    with consistent_read():
        report = Report.objects.select_related("municipality", "wellbeing_county", "plan").get(
            pk=report.pk
        )
        year = report.end_year
        owner = report.owner
        regions = _regions(report)
        municipality_ids = (
            [report.municipality_id]
            if report.owner_kind == "municipality"
            else list(
                Municipality.objects.filter(
                    wellbeing_county_id=report.wellbeing_county_id
                ).values_list("pk", flat=True)
            )
        )
        indicators = _indicators(report.plan, [r["id"] for r in regions], [])
        contributions = [
            _contribution(c)
            for c in report.contributions.select_related("organisation").order_by(
                "kind", "organisation__name"
            )
        ]
        return {
            "version": SNAPSHOT_VERSION,
            "taken_at": timezone.now().isoformat(),
            "owner": {"kind": report.owner_kind, "name": tr(owner, "name"), "code": owner.code},
            "plan": tr(report.plan, "title") if report.plan else None,
            "year": year,
            "regions": regions,
            "indicators": indicators,
            "hyte": _hyte(report),
            "experiential": _experiential(municipality_ids),
            "structures": _structures(report),
            "goals": _goals(report.plan, year),
            "municipality_cards": _municipality_cards(
                report, [i["id"] for i in indicators], year, contributions
            ),
            "contributions": contributions,
            "association_card": _association_card(report, year),
            "separate_plans": _separate_plans(report),
        }


def report_snapshot_take(report: Report) -> None:
    """Read the report's data into `report.snapshot` (the caller saves it)."""
    report.snapshot = snapshot_read(report)
    report.snapshot_at = timezone.now()
