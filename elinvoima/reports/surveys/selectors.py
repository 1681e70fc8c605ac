"""Reads of the cooperation survey: a county's surveys, the invitation counts of the
organisers' page and the results — percentage distributions per respondent group, the
comparison between groups, the clarity of the division of work per theme, the maturity
scale, the free-text observations and the change from year to year.

Anonymity: a group of fewer than MIN_GROUP_SIZE responses is never shown, neither its
distributions nor its observations; and "all respondents" adds up only the groups shown,
so that a hidden group cannot be worked out by subtracting the shown ones from a total."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import cast

from django.db import models
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from elinvoima.reports.enums import Clarity, Maturity, Realisation, RespondentGroup
from elinvoima.reports.permissions import surveys_visible_to
from elinvoima.reports.surveys.models import (
    StatementAnswer,
    Survey,
    SurveyInvitation,
    SurveyResponse,
    ThemeAnswer,
)

MIN_GROUP_SIZE = 5
ALL = "all"


def surveys_of(county, user) -> QuerySet[Survey]:
    return surveys_visible_to(user).filter(wellbeing_county=county).order_by("-year")


@dataclass(frozen=True)
class Share:
    value: int | None  # None: cannot say
    label: str
    count: int
    percent: float


@dataclass
class Distribution:
    """How the `n` answers of a group spread over a scale (and "cannot say")."""

    n: int
    scale: type[models.IntegerChoices] = Realisation
    counts: dict[int, int] = field(default_factory=dict)

    @property
    def cannot_say(self) -> int:
        return self.n - sum(self.counts.values())

    @property
    def shares(self) -> list[Share]:
        rows = [
            Share(value, label, self.counts.get(value, 0), self._percent(self.counts.get(value, 0)))
            for value, label in self.scale.choices
        ]
        rows.append(Share(None, _("Cannot say"), self.cannot_say, self._percent(self.cannot_say)))
        return rows

    @property
    def bar(self) -> list[tuple[float, float, str]]:
        """The stacked bar: (x, width, value) of each non-empty share, in percent."""
        segments, x = [], 0.0
        for share in self.shares:
            if share.percent:
                segments.append(
                    (x, share.percent, "none" if share.value is None else str(share.value))
                )
                x += share.percent
        return segments

    @property
    def positive_percent(self) -> float | None:
        """The share of the two best answers (4–5), of all answers."""
        return self._percent(self.counts.get(4, 0) + self.counts.get(5, 0)) if self.n else None

    @property
    def mean(self) -> float | None:
        given = sum(self.counts.values())
        if not given:
            return None
        return sum(value * count for value, count in self.counts.items()) / given

    def _percent(self, count: int) -> float:
        return round(100 * count / self.n, 1) if self.n else 0.0

    def add(self, other: "Distribution") -> None:
        self.n += other.n
        for value, count in other.counts.items():
            self.counts[value] = self.counts.get(value, 0) + count


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    n: int
    shown: bool


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    distribution: Distribution
    change: float | None


@dataclass
class QuestionResult:
    """One statement, theme or the maturity question: a distribution per shown group and
    over them all (ALL), and the positive shares of the previous survey."""

    label: str
    by_group: dict[str, Distribution]
    previous_positive: dict[str, float | None] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # shown groups and ALL

    @property
    def rows(self) -> list[Row]:
        return [
            Row(key, label, self.by_group[key], self.change(key))
            for key, label in self.labels.items()
            if key in self.by_group
        ]

    def change(self, key: str) -> float | None:
        """The change of the positive share from the previous year, percentage points."""
        now = self.by_group.get(key)
        before = self.previous_positive.get(key)
        if now is None or before is None or now.positive_percent is None:
            return None
        return round(now.positive_percent - before, 1)


@dataclass
class SurveyResults:
    survey: Survey
    groups: list[Group]
    statements: list[QuestionResult]
    themes: list[QuestionResult]
    maturity: QuestionResult
    observations: list[tuple[str, str]]  # (group label, text)
    previous: Survey | None

    @property
    def any_shown(self) -> bool:
        return any(group.shown for group in self.groups)


def _group_sizes(survey: Survey) -> dict[str, int]:
    rows = SurveyResponse.objects.filter(survey=survey).values("group").annotate(n=Count("id"))
    return {row["group"]: row["n"] for row in rows}


def _groups(sizes: dict[str, int]) -> list[Group]:
    return [
        Group(key, str(label), sizes.get(key, 0), sizes.get(key, 0) >= MIN_GROUP_SIZE)
        for key, label in RespondentGroup.choices
    ]


def _distributions(answers: QuerySet, key: str, shown: dict[str, int], scale) -> dict:
    """{question id: {group: Distribution}} for the shown groups."""
    found: dict = defaultdict(lambda: _empty(shown, scale))
    rows = (
        answers.filter(response__group__in=shown)
        .values(key, "response__group", "value")
        .annotate(count=Count("id"))
        .order_by()
    )
    for row in rows:
        found[row[key]][row["response__group"]].counts[row["value"]] = row["count"]
    return found


def _with_total(by_group: dict[str, Distribution], scale) -> dict[str, Distribution]:
    """The groups' distributions and ALL, their sum (of the shown groups only)."""
    total = Distribution(0, scale)
    for distribution in by_group.values():
        total.add(distribution)
    return {**by_group, ALL: total}


def _empty(shown: dict[str, int], scale) -> dict[str, Distribution]:
    return {group: Distribution(n, scale) for group, n in shown.items()}


def previous_survey(survey: Survey) -> Survey | None:
    return (
        Survey.objects.filter(wellbeing_county_id=survey.wellbeing_county_id, year__lt=survey.year)
        .order_by("-year")
        .first()
    )


def _positive_by_statement_text(survey: Survey) -> dict[str, dict[str, float | None]]:
    """The previous survey's positive shares, keyed by the Finnish text of the statement
    (a statement reworded is a new one), for its shown groups."""
    sizes = _group_sizes(survey)
    shown = {g.key: g.n for g in _groups(sizes) if g.shown}
    texts = dict(survey.statements.values_list("pk", "text_fi"))
    found = _distributions(
        StatementAnswer.objects.filter(response__survey=survey), "statement", shown, Realisation
    )
    result = {}
    for pk, text in texts.items():
        by_group = _with_total(found.get(pk, _empty(shown, Realisation)), Realisation)
        result[text] = {key: d.positive_percent for key, d in by_group.items()}
    return result


def survey_results(survey: Survey) -> SurveyResults:
    """The results of a survey as its results page, its API and its report show them."""
    sizes = _group_sizes(survey)
    groups = _groups(sizes)
    shown = {g.key: g.n for g in groups if g.shown}
    statements = list(survey.statements.all())
    themes = list(survey.themes.all())
    by_statement = _distributions(
        StatementAnswer.objects.filter(response__survey=survey), "statement", shown, Realisation
    )
    by_theme = _distributions(
        ThemeAnswer.objects.filter(response__survey=survey), "theme", shown, Clarity
    )
    maturity: dict[str, Distribution] = _empty(shown, Maturity)
    for row in (
        SurveyResponse.objects.filter(survey=survey, group__in=shown, maturity__isnull=False)
        .values("group", "maturity")
        .annotate(count=Count("id"))
        .order_by()
    ):
        maturity[row["group"]].counts[cast(int, row["maturity"])] = row["count"]
    previous = previous_survey(survey)
    earlier = _positive_by_statement_text(previous) if previous else {}
    labels = {key: str(label) for key, label in RespondentGroup.choices}
    shown_labels = {key: labels[key] for key in shown}
    if shown:
        shown_labels[ALL] = _("All shown groups")
    observations = [
        (str(labels[group]), text)
        for group, text in SurveyResponse.objects.filter(survey=survey, group__in=shown)
        .exclude(observations="")
        .order_by("group", "observations")  # never in the order they came
        .values_list("group", "observations")
    ]
    return SurveyResults(
        survey=survey,
        groups=groups,
        statements=[
            QuestionResult(
                s.text,
                _with_total(by_statement.get(s.pk, _empty(shown, Realisation)), Realisation),
                earlier.get(getattr(s, "text_fi"), {}),  # noqa: B009 (a translation column)
                shown_labels,
            )
            for s in statements
        ],
        themes=[
            QuestionResult(
                t.name,
                _with_total(by_theme.get(t.pk, _empty(shown, Clarity)), Clarity),
                labels=shown_labels,
            )
            for t in themes
        ],
        maturity=QuestionResult(
            _("Where does the cooperation stand?"),
            _with_total(maturity, Maturity) if shown else {},
            labels=shown_labels,
        ),
        observations=observations,
        previous=previous,
    )


@dataclass(frozen=True)
class YearRow:
    survey: Survey
    groups: dict[str, tuple[int, float | None]]  # group → (n, mean maturity), shown groups


def survey_years(survey: Survey, user) -> list[YearRow]:
    """The change over time: each survey of the county the user may see, with each shown
    group's size and mean maturity level (one query for all years)."""
    surveys = list(surveys_of(survey.wellbeing_county, user).order_by("year"))
    rows = (
        SurveyResponse.objects.filter(survey__in=surveys)
        .values("survey", "group", "maturity")
        .annotate(count=Count("id"))
        .order_by()
    )
    counted: dict = defaultdict(lambda: defaultdict(lambda: Distribution(0, Maturity)))
    for row in rows:
        distribution = counted[row["survey"]][row["group"]]
        distribution.n += row["count"]
        if row["maturity"] is not None:
            distribution.counts[row["maturity"]] = row["count"]
    result = []
    for each in surveys:
        groups = {}
        for key, distribution in counted[each.pk].items():
            if distribution.n >= MIN_GROUP_SIZE:
                groups[key] = (distribution.n, distribution.mean)
        result.append(YearRow(each, groups))
    return result


@dataclass(frozen=True)
class InvitationCount:
    group: str
    label: str
    invited: int
    answered: int
    unsent: int


def invitation_counts(survey: Survey) -> list[InvitationCount]:
    """Per group: invited, answered, not yet sent — never who answered."""
    empty = {"invited": 0, "answered": 0, "unsent": 0}
    rows: dict[str, dict] = {
        row["group"]: dict(row)
        for row in SurveyInvitation.objects.filter(survey=survey)
        .values("group")
        .annotate(
            invited=Count("id"),
            answered=Count("id", filter=Q(answered=True)),
            unsent=Count("id", filter=Q(sent_at__isnull=True)),
        )
        .order_by()
    }
    return [
        InvitationCount(
            key,
            str(label),
            rows.get(key, empty)["invited"],
            rows.get(key, empty)["answered"],
            rows.get(key, empty)["unsent"],
        )
        for key, label in RespondentGroup.choices
    ]
