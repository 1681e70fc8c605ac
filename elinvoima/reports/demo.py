"""The demo cooperation surveys of Päijät-Häme (seed 001): last year's, closed with its
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
from elinvoima.reports.enums import RespondentGroup, SurveyState
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
    today = timezone.localdate()
    if Survey.objects.filter(wellbeing_county=county).exists():
        return
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
