"""The demo reports of Päijät-Häme (seed 001): its welfare report of last year, being
written (reports/welfare/demo_data.py), and its cooperation surveys: last year's, closed with its
results published, and this year's, open. The answers are made up, deterministically, so
that the county's leadership sees cooperation more positively than the municipalities' (as
in the seed) and the associations stay below five answers (their results hidden).
Created once: what people later change is kept."""

import datetime
import random

from django.utils import timezone

from elinvoima.actors.demo_data import PAIJAT_HAME
from elinvoima.actors.interfaces.models import InterfaceTheme
from elinvoima.actors.models import WellbeingCounty
from elinvoima.core.demo import DemoContext
from elinvoima.indicators.enums import Gender, RegionCategory
from elinvoima.indicators.models import IndicatorValue, Region
from elinvoima.indicators.regions import regions_ensure
from elinvoima.reports.enums import ContributionKind, ReportKind, RespondentGroup, SurveyState
from elinvoima.reports.surveys.models import (
    StatementAnswer,
    Survey,
    SurveyInvitation,
    SurveyResponse,
    ThemeAnswer,
)
from elinvoima.reports.surveys.services import (
    SurveyData,
    default_survey_data,
    invitation_token,
    survey_save,
)
from elinvoima.reports.welfare import demo_data as welfare_demo_data
from elinvoima.reports.welfare.models import Report
from elinvoima.reports.welfare.selectors import contributor_choices
from elinvoima.reports.welfare.services import (
    CardData,
    ReportData,
    contribution_deliver,
    contributions_request,
    report_data_read,
    report_save,
)
from elinvoima.strategy.enums import PlanKind
from elinvoima.strategy.models import GoalIndicator, Plan

# (group, responses, the answers' mean leaning: 0 poor … 1 good)
ANSWERERS = [
    (RespondentGroup.COUNTY_LEADERSHIP, 12, 0.65),
    (RespondentGroup.MUNICIPAL_LEADERSHIP, 9, 0.45),
    (RespondentGroup.ASSOCIATIONS, 3, 0.5),
]
OBSERVATIONS = [
    "Palveluverkkovalmistelu on vienyt yhteistyötä taaksepäin – luottamus pitää rakentaa "
    "uudelleen.",
    "Neuvotteluiden rooli on keskeinen: toimivat foorumit ja aito vuoropuhelu.",
    "Talouden tilanne haastaa yhteistyötä.",
]


def _value(rng: random.Random, leaning: float, top: int) -> int | None:
    if rng.random() < 0.08:
        return None  # cannot say
    return max(1, min(top, round(rng.gauss(1 + leaning * (top - 1), 0.9))))


def _answers(survey: Survey, rng: random.Random, shift: float, day: datetime.date) -> int:
    statements = list(survey.statements.all())
    themes = list(survey.themes.all())
    made = 0
    for group, count, leaning in ANSWERERS:
        for number in range(count):
            lean = min(1.0, leaning + shift)
            response = SurveyResponse.objects.create(
                survey=survey,
                group=group,
                maturity=_value(rng, lean, 6),
                observations=OBSERVATIONS[number] if number < len(OBSERVATIONS) else "",
                submitted_on=day,
            )
            StatementAnswer.objects.bulk_create(
                StatementAnswer(response=response, statement=s, value=v)
                for s in statements
                if (v := _value(rng, lean, 5)) is not None
            )
            ThemeAnswer.objects.bulk_create(
                ThemeAnswer(response=response, theme=t, value=v)
                for t in themes
                if (v := _value(rng, lean, 5)) is not None
            )
            SurveyInvitation.objects.create(
                survey=survey,
                group=group,
                email=f"vastaaja{made + 1}.{survey.year}@example.fi",
                answered=True,
                sent_at=timezone.now(),
            )
            made += 1
    return made


def reports_demo_load(context: DemoContext) -> None:
    county = WellbeingCounty.objects.get(code=PAIJAT_HAME)
    if not Report.objects.filter(wellbeing_county=county).exists():
        _indicator_values_load(county)
        _welfare_report_load(county, context)
    if not Survey.objects.filter(wellbeing_county=county).exists():
        _surveys_load(county, context)


# Seed 001's goal card: "24.8 % (2021) 25.7 % (2023) – target < 24 % (2025)"; 2019 made up.
COUNTY_VALUES = {2019: 23.6, 2021: 24.8, 2023: 25.7}


def _indicator_values_load(county: WellbeingCounty) -> None:
    """The values of the indicator of Päijät-Häme's goal card for the county (the seed's)
    and, made up around them, for its municipalities and the country, so that the report's
    charts have lines to show."""
    link = (
        GoalIndicator.objects.filter(goal__plan__wellbeing_county=county)
        .select_related("indicator")
        .first()
    )
    if link is None:
        return
    codes = sorted(county.municipalities.values_list("code", flat=True))
    regions_ensure(municipality_codes=codes)
    rows = {Region.objects.get(wellbeing_county=county).pk: COUNTY_VALUES}
    country = Region.objects.filter(category=RegionCategory.COUNTRY).order_by("pk").first()
    if country is not None:
        rows[country.pk] = {year: round(value - 1.1, 1) for year, value in COUNTY_VALUES.items()}
    for code, region_id in Region.objects.filter(municipality__code__in=codes).values_list(
        "municipality__code", "pk"
    ):
        shift = (int(code) % 7 - 3) * 0.6
        rows[region_id] = {year: round(value + shift, 1) for year, value in COUNTY_VALUES.items()}
    IndicatorValue.objects.bulk_create(
        [
            IndicatorValue(
                indicator=link.indicator,
                region_id=region_id,
                year=year,
                gender=Gender.TOTAL,
                value=value,
            )
            for region_id, values in rows.items()
            for year, value in values.items()
        ],
        ignore_conflicts=True,
    )


def _welfare_report_load(county: WellbeingCounty, context: DemoContext) -> None:
    """Päijät-Häme's welfare report of last year, being written: the seed's sections, the
    municipality cards asked of every municipality (Asikkala and Hollola have delivered,
    the rest are missing), the hyte unit's sector card; its data read."""
    year = timezone.localdate().year - 1
    plan = Plan.objects.filter(wellbeing_county=county, kind=PlanKind.REGIONAL_WELFARE_PLAN).first()
    report = report_save(
        user=None,
        owner=county,
        data=ReportData(
            kind=ReportKind.COUNTY_YEARLY,
            title_fi="Hyvinvointiraportti",
            title_sv="Välfärdsrapport",
            start_year=year,
            end_year=year,
            plan=plan,
            collection_due_on=timezone.localdate() + datetime.timedelta(days=30),
        ),
    )
    for section in report.sections.all():
        section.text_fi, section.text_sv = welfare_demo_data.SECTIONS[section.key]
        section.save()
    due = report.collection_due_on
    municipalities = list(contributor_choices(report, ContributionKind.MUNICIPALITY_CARD))
    contributions_request(
        user=None,
        report=report,
        kind=ContributionKind.MUNICIPALITY_CARD,
        organisations=municipalities,
        due_on=due,
    )
    hyte_unit = context.objects["organisations"]["paijathame-hyte"]
    contributions_request(
        user=None,
        report=report,
        kind=ContributionKind.SECTOR_CARD,
        organisations=[hyte_unit],
        due_on=due,
    )
    for contribution in report.contributions.select_related("organisation__municipality"):
        key = (
            "county"
            if contribution.kind == ContributionKind.SECTOR_CARD
            else contribution.organisation.municipality.code
        )
        texts = welfare_demo_data.CARDS.get(key)
        if texts:
            contribution_deliver(user=None, contribution=contribution, data=CardData(**texts))
    report_data_read(user=None, report=report)
    context.count("welfare report cards", report.contributions.count())


def _surveys_load(county: WellbeingCounty, context: DemoContext) -> None:
    today = timezone.localdate()
    rng = random.Random(2023)  # noqa: S311 (made-up demo answers, not security)
    for year, shift, state in (
        (today.year - 1, 0.0, SurveyState.CLOSED),
        (today.year, 0.08, SurveyState.OPEN),
    ):
        start = default_survey_data(year)
        start["statements_fi"] = tuple(start["statements_fi"].splitlines())
        start["statements_sv"] = tuple(start["statements_sv"].splitlines())
        start["themes"] = tuple(
            InterfaceTheme.objects.filter(pk__in=[t.pk for t in start["themes"]])
        )
        closes_on = (
            datetime.date(year, 12, 31)
            if state == SurveyState.OPEN
            else datetime.date(year, 11, 30)
        )
        survey = survey_save(
            user=None, county=county, data=SurveyData(closes_on=closes_on, **start)
        )
        survey.state = state
        if state == SurveyState.CLOSED:
            survey.results_published = True
            survey.observations_fi = (
                "Hyvinvointialueen johto näkee yhteistyön toteutumisen kuntajohtoa "
                "myönteisemmin. Selkeästi määritellyt vastuuhenkilöt arvioidaan myönteisimmin; "
                "yhteinen tietopohja ja tilannekuva sekä yhteistyön suunnitelmallisuus heikoimmin."
            )
            survey.observations_sv = (
                "Välfärdsområdets ledning ser samarbetet mer positivt än kommunledningen. "
                "Tydligt utsedda ansvarspersoner bedöms mest positivt; det gemensamma "
                "kunskapsunderlaget och lägesbilden samt planmässigheten svagast."
            )
        survey.save()
        answered = _answers(survey, rng, shift, min(closes_on, today))
        context.count(f"survey {year} responses", answered)
        if state == SurveyState.OPEN:
            invitation = SurveyInvitation.objects.create(
                survey=survey,
                group=RespondentGroup.MUNICIPAL_LEADERSHIP,
                email="kunnanjohtaja@asikkala.example.fi",
                sent_at=timezone.now(),
            )
            context.accounts.append(
                (
                    "survey answer link (Päijät-Häme, municipal leadership)",
                    f"/fi/survey-answers/{invitation_token(invitation)}/",
                )
            )
