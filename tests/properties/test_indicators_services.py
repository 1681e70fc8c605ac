"""Property tests of the indicators app's writes (indicator sets, own indicators and their
values, experiential surveys, results and results files, HYTE scores and funding rules):
whatever the input, a service either refuses (ValidationError) with the database exactly as
it was, or returns and the database changed as it promises. These services take no user:
their pages ask the permission before calling them (tests/core/test_access_matrix.py). See
tests/properties/support.py."""

import csv
import datetime
import io
import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elinvoima.indicators.enums import (
    ExperientialDomain,
    FundingLevel,
    Gender,
    IndicatorSetKind,
    IndicatorSource,
)
from elinvoima.indicators.experiential.parsing import COLUMNS, DOMAIN_ALIASES
from elinvoima.indicators.experiential.services import (
    experiential_result_add,
    experiential_results_import,
    experiential_survey_create,
)
from elinvoima.indicators.hyte.services import hyte_funding_rule_save, hyte_score_save
from elinvoima.indicators.indicator_sets.services import (
    indicator_set_create,
    indicator_set_delete,
    indicator_set_item_add,
    indicator_set_item_move,
    indicator_set_item_remove,
    indicator_set_update,
)
from elinvoima.indicators.models import (
    ExperientialResult,
    ExperientialSurvey,
    HyteCoefficientScore,
    HyteFundingRule,
    Indicator,
    IndicatorSet,
    IndicatorSetItem,
    IndicatorValue,
)
from elinvoima.indicators.own_indicators.selectors import OwnValue
from elinvoima.indicators.own_indicators.services import own_indicator_delete, own_indicator_save
from tests.factories import (
    GoalIndicatorFactory,
    IndicatorFactory,
    IndicatorSetFactory,
    IndicatorValueFactory,
    MunicipalityFactory,
    PlanFactory,
    RegionFactory,
    VillageFactory,
    coordinator_of,
    region_of,
)

from .support import (
    examples,
    filled_texts,
    ints,
    maybe,
    models_of,
    mostly,
    refused_or_kept,
    spoiled,
    texts,
    years,
)

pytestmark = pytest.mark.both_databases

TABLES = models_of("indicators")
SET_TABLES = {"indicators.IndicatorSet", "indicators.IndicatorSetItem"}
KINDS = st.one_of(st.sampled_from(IndicatorSetKind.values), texts(40))


@pytest.fixture
def world(db):
    home = MunicipalityFactory()
    indicators = [IndicatorFactory(owner_municipality=home) for _ in range(3)]
    indicator_set = IndicatorSetFactory(municipality=home)
    for indicator in indicators[:2]:
        indicator_set_item_add(indicator_set=indicator_set, indicator=indicator)
    survey = ExperientialSurvey.objects.create(municipality=home, title="Kysely", year=2024)
    return {
        "home": home,
        "indicators": indicators,
        "set": indicator_set,
        "survey": survey,
        "village": VillageFactory(municipality=home),
        "foreign_village": VillageFactory(),
        "coordinator": coordinator_of(home),
    }


@examples(40)
@given(data=st.data(), name=filled_texts(), kind=KINDS, description=texts(), year=maybe(years()))
def test_indicator_set_create__any_input__refused_unchanged_or_created_as_given(
    world, data, name, kind, description, year
):
    copy_from = data.draw(st.sampled_from([None, world["set"]]))

    def promise(created, before, after):
        row = IndicatorSet.objects.get(pk=created.pk)
        assert (row.name, row.kind, row.description, row.year) == (name, kind, description, year)
        assert row.municipality == world["home"] and not row.is_preset
        expected = list(copy_from.items.values_list("indicator_id", flat=True)) if copy_from else []
        assert list(row.items.order_by("position").values_list("indicator_id", flat=True)) == (
            expected
        )

    refused_or_kept(
        lambda: indicator_set_create(
            name=name,
            kind=kind,
            description=description,
            year=year,
            municipality=world["home"],
            copy_from=copy_from,
        ),
        TABLES,
        may_change=SET_TABLES,
        promise=promise,
    )


@examples(30)
@given(name=filled_texts(), kind=KINDS, description=texts(), year=maybe(years()))
def test_indicator_set_update__any_input__refused_unchanged_or_saved_as_given(
    world, name, kind, description, year
):
    indicator_set = IndicatorSet.objects.get(pk=world["set"].pk)

    def promise(saved, before, after):
        row = IndicatorSet.objects.get(pk=saved.pk)
        assert (row.name, row.kind, row.description, row.year) == (name, kind, description, year)

    refused_or_kept(
        lambda: indicator_set_update(
            indicator_set=indicator_set, name=name, kind=kind, description=description, year=year
        ),
        TABLES,
        may_change=SET_TABLES,
        promise=promise,
    )


@examples(30)
@given(data=st.data(), offset=ints(), item_id=ints())
def test_indicator_set_items__any_add_move_remove__positions_stay_0_to_n(
    world, data, offset, item_id
):
    indicator_set = world["set"]
    operation = data.draw(st.sampled_from(["add", "move", "remove"]))
    existing = list(indicator_set.items.order_by("position").values_list("pk", flat=True))
    item_id = data.draw(st.sampled_from([*existing, item_id]))
    indicator = data.draw(st.sampled_from(world["indicators"]))
    calls = {
        "add": lambda: indicator_set_item_add(indicator_set=indicator_set, indicator=indicator),
        "move": lambda: indicator_set_item_move(
            indicator_set=indicator_set, item_id=item_id, offset=offset
        ),
        "remove": lambda: indicator_set_item_remove(indicator_set=indicator_set, item_id=item_id),
    }

    def promise(_result, before, after):
        items = list(indicator_set.items.order_by("position", "id"))
        assert [item.position for item in items] == list(range(len(items)))
        assert len({item.indicator_id for item in items}) == len(items)
        ids = {item.pk for item in items}
        if operation == "remove":
            assert item_id not in ids and len(items) == len(existing) - 1
        if operation == "move":
            assert ids == set(existing)

    refused_or_kept(calls[operation], TABLES, may_change=SET_TABLES, promise=promise)


@examples(40)
@given(
    title=filled_texts(),
    year=years(),
    method=texts(),
    description=texts(),
    respondents=maybe(ints()),
)
def test_experiential_survey_create__any_input__refused_unchanged_or_created_as_given(
    world, title, year, method, description, respondents
):
    def promise(created, before, after):
        row = ExperientialSurvey.objects.get(pk=created.pk)
        assert (row.title, row.year, row.method, row.description, row.respondents) == (
            title,
            year,
            method,
            description,
            respondents,
        )

    refused_or_kept(
        lambda: experiential_survey_create(
            municipality=world["home"],
            user=world["coordinator"],
            title=title,
            year=year,
            method=method,
            description=description,
            respondents=respondents,
        ),
        TABLES,
        may_change={"indicators.ExperientialSurvey"},
        promise=promise,
    )


@examples(40)
@given(
    data=st.data(),
    domain=st.one_of(st.sampled_from(ExperientialDomain.values), texts(40)),
    question=filled_texts(),
    group=texts(),
    value=maybe(st.floats()),
    unit=texts(),
    respondents=maybe(ints()),
    summary=texts(),
)
def test_experiential_result_add__any_input__refused_unchanged_or_added_as_given(
    world, data, domain, question, group, value, unit, respondents, summary
):
    village = data.draw(st.sampled_from([None, world["village"], world["foreign_village"]]))

    def promise(result, before, after):
        row = ExperientialResult.objects.get(pk=result.pk)
        assert (row.domain, row.question, row.group, row.unit, row.summary) == (
            domain,
            question,
            group,
            unit,
            summary,
        )
        assert row.respondents == respondents and row.village == village
        assert value is None or row.value == value
        assert village != world["foreign_village"]

    refused_or_kept(
        lambda: experiential_result_add(
            survey=world["survey"],
            domain=domain,
            question=question,
            village=village,
            group=group,
            value=value,
            unit=unit,
            respondents=respondents,
            summary=summary,
        ),
        TABLES,
        may_change={"indicators.ExperientialResult", "indicators.ExperientialSurvey"},
        promise=promise,
    )


# --- HYTE scores ------------------------------------------------------------------------------

SCORE_FIELDS = spoiled(
    {
        "year": st.sampled_from([2025, 2024, 2023]),
        "level": st.sampled_from(FundingLevel.values),
        "recipient": st.sampled_from(["county", "municipality", "both", "none"]),
        "score": maybe(st.decimals(min_value=0, max_value=100, places=2)),
        "population": maybe(st.integers(0, 10**6)),
        "population_year": maybe(st.integers(2015, 2024)),
        "source": st.sampled_from(["", "THL"]),
    },
    {
        "year": years(),
        "level": texts(40),
        "score": st.one_of(
            st.decimals(allow_nan=False, allow_infinity=False),
            st.sampled_from(
                [Decimal("100.01"), Decimal("-0.01"), Decimal("999.99"), Decimal("1e20")]
            ),
            st.sampled_from([Decimal("NaN"), Decimal("Infinity"), Decimal("1.001")]),
        ),
        "population": ints(),
        "population_year": years(),
        "source": st.one_of(texts(), st.just("Asetus\x00")),
    },
)


@pytest.fixture
def hyte_world(world):
    county = world["home"].wellbeing_county
    score = HyteCoefficientScore.objects.create(
        year=2024, level=FundingLevel.WELLBEING_COUNTY, wellbeing_county=county, score=50
    )
    rule = HyteFundingRule.objects.create(
        year=2024, level=FundingLevel.WELLBEING_COUNTY, euros_per_resident=Decimal("42.00")
    )
    return {**world, "county": county, "score": score, "rule": rule}


@examples(30)
@given(data=st.data(), fields=SCORE_FIELDS)
def test_hyte_score_save__any_input__refused_unchanged_or_saved_as_given(hyte_world, data, fields):
    """A new score or the county's 2024 score changed: saved as given, one recipient that
    matches the level, at most one score per recipient and year."""
    editing = data.draw(st.booleans())
    instance = (
        HyteCoefficientScore.objects.get(pk=hyte_world["score"].pk)
        if editing
        else HyteCoefficientScore()
    )
    recipient = fields.pop("recipient")
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.wellbeing_county = hyte_world["county"] if recipient in ("county", "both") else None
    instance.municipality = hyte_world["home"] if recipient in ("municipality", "both") else None
    score = fields.pop("score")

    def promise(saved, before, after):
        row = HyteCoefficientScore.objects.get(pk=saved.pk)
        assert {name: getattr(row, name) for name in fields} == fields
        assert (row.score is None) == (score is None) and (score is None or row.score == score)
        assert (row.wellbeing_county_id is None) != (row.municipality_id is None)
        assert (row.level == FundingLevel.WELLBEING_COUNTY) == (row.wellbeing_county_id is not None)
        assert not (
            HyteCoefficientScore.objects.filter(
                year=row.year,
                wellbeing_county_id=row.wellbeing_county_id,
                municipality_id=row.municipality_id,
            )
            .exclude(pk=row.pk)
            .exists()
        )
        grew = (
            after["indicators.HyteCoefficientScore"][0]
            - before["indicators.HyteCoefficientScore"][0]
        )
        assert grew == (0 if editing else 1)

    refused_or_kept(
        lambda: hyte_score_save(score=instance),
        TABLES,
        may_change={"indicators.HyteCoefficientScore"},
        promise=promise,
    )


RULE_FIELDS = spoiled(
    {
        "year": st.sampled_from([2025, 2024]),
        "level": st.sampled_from(FundingLevel.values),
        "euros_per_resident": st.decimals(min_value=0, max_value=999_999, places=2),
        "source": st.sampled_from(["", "Valtioneuvoston asetus"]),
    },
    {
        "year": years(),
        "level": texts(40),
        "euros_per_resident": st.one_of(
            st.decimals(allow_nan=False, allow_infinity=False),
            st.sampled_from([Decimal("-1"), Decimal("1e20"), Decimal("1.001"), Decimal("NaN")]),
        ),
        "source": st.one_of(texts(), st.just("Asetus\x00")),
    },
    at_most=1,
)


@examples(30)
@given(data=st.data(), fields=RULE_FIELDS)
def test_hyte_funding_rule_save__any_input__refused_unchanged_or_saved_as_given(
    hyte_world, data, fields
):
    """A new rule or the 2024 county rule changed: saved as given; a second rule of a year
    and level is refused (the one there is edited instead)."""
    editing = data.draw(st.booleans())
    rule = HyteFundingRule.objects.get(pk=hyte_world["rule"].pk) if editing else HyteFundingRule()
    for name, value in fields.items():
        setattr(rule, name, value)

    def promise(saved, before, after):
        row = HyteFundingRule.objects.get(pk=saved.pk)
        assert {name: getattr(row, name) for name in fields} == fields
        assert HyteFundingRule.objects.filter(year=row.year, level=row.level).count() == 1
        grew = after["indicators.HyteFundingRule"][0] - before["indicators.HyteFundingRule"][0]
        assert grew == (0 if editing else 1)

    refused, _ = refused_or_kept(
        lambda: hyte_funding_rule_save(rule=rule),
        TABLES,
        may_change={"indicators.HyteFundingRule"},
        promise=promise,
    )
    if not editing and (fields["year"], fields["level"]) == (2024, FundingLevel.WELLBEING_COUNTY):
        assert refused


# --- Own indicators ---------------------------------------------------------------------------

OWN_VALUES = mostly(
    st.builds(
        OwnValue,
        year=st.integers(2015, 2024),
        gender=st.sampled_from(Gender.values),
        value=st.floats(-1e6, 1e6),
    ),
    st.builds(OwnValue, year=years(), gender=texts(10), value=st.floats()),
)
OWN_FIELDS = spoiled(
    {
        "title_fi": st.text(
            st.characters(codec="utf-8", categories=("L", "N")), min_size=1, max_size=40
        ),
        "title_sv": st.sampled_from(["", "Indikator"]),
        "description_fi": st.sampled_from(["", "Kuvaus."]),
        "value_type_fi": st.sampled_from(["", "%"]),
        "organization_fi": st.sampled_from(["", "Asukaskysely"]),
        "decimals": st.integers(0, 4),
    },
    {
        "title_fi": texts(),
        "title_sv": texts(),
        "description_fi": texts(),
        "value_type_fi": texts(),
        "organization_fi": texts(),
        "decimals": ints(),
    },
)


@pytest.fixture
def own_world(world):
    """The home municipality's own indicator with values on its region (and one stray value
    elsewhere), in the set; another followed by a goal of a plan."""
    home = world["home"]
    indicator = world["indicators"][0]
    for year in (2022, 2023):
        IndicatorValueFactory(indicator=indicator, region=region_of(home), year=year)
    IndicatorValueFactory(indicator=indicator, region=RegionFactory(), year=2023)
    followed = GoalIndicatorFactory(
        indicator=world["indicators"][1], goal__priority_area__plan__municipality=home
    ).indicator
    return {**world, "indicator": indicator, "followed": followed}


OWN_TABLES = models_of("indicators", "strategy")


@examples(30)
@given(data=st.data(), fields=OWN_FIELDS, values=st.lists(OWN_VALUES, max_size=4))
def test_own_indicator_save__any_input__refused_unchanged_or_indicator_and_values_as_given(
    own_world, data, fields, values
):
    """A new own indicator or the existing one: its texts as given, source OWN, owned by the
    municipality, and its values exactly the given ones, on the municipality's region only.
    A form loaded before someone else saved is refused."""
    home = own_world["home"]
    editing = data.draw(st.booleans())
    indicator = Indicator.objects.get(pk=own_world["indicator"].pk) if editing else Indicator()
    loaded = data.draw(st.sampled_from(["none", "stale", "fresh"]))
    loaded_at = {
        "none": None,
        "stale": datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC),
        "fresh": datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC),
    }[loaded]
    for name, value in fields.items():
        setattr(indicator, name, value)

    def promise(saved, before, after):
        assert not (editing and loaded == "stale")
        row = Indicator.objects.get(pk=saved.pk)
        assert {name: getattr(row, name) for name in fields} == fields
        assert row.source == IndicatorSource.OWN and row.sotkanet_id is None
        assert row.owner_municipality == home
        stored = {
            (value.year, value.gender): value.value
            for value in IndicatorValue.objects.filter(indicator=row)
        }
        assert set(stored) == {(value.year, value.gender) for value in values}
        for value in values:
            assert stored[(value.year, value.gender)] == value.value
        assert (
            not IndicatorValue.objects.filter(indicator=row)
            .exclude(region__municipality=home)
            .exists()
        )
        assert after["indicators.Indicator"][0] == before["indicators.Indicator"][0] + (
            0 if editing else 1
        )

    refused_or_kept(
        lambda: own_indicator_save(
            indicator=indicator, municipality=home, values=values, loaded_at=loaded_at
        ),
        OWN_TABLES,
        may_change={"indicators.Indicator", "indicators.IndicatorValue", "indicators.Region"},
        promise=promise,
    )


@examples(10)
@given(data=st.data())
def test_own_indicator_delete__any_indicator__refused_while_a_goal_follows_it_else_gone_whole(
    own_world, data
):
    """Refused (nothing changed) while a goal follows the indicator; otherwise the
    indicator, its values and its places in sets are gone, and nothing else."""
    target = data.draw(
        st.sampled_from([own_world["indicator"], own_world["followed"], own_world["indicators"][2]])
    )
    target = Indicator.objects.get(pk=target.pk)

    def promise(_result, before, after):
        assert not Indicator.objects.filter(pk=target.pk).exists()
        assert after["indicators.Indicator"][0] == before["indicators.Indicator"][0] - 1
        assert not IndicatorValue.objects.filter(indicator_id=target.pk).exists()
        assert not IndicatorSetItem.objects.filter(indicator_id=target.pk).exists()

    refused, _ = refused_or_kept(
        lambda: own_indicator_delete(indicator=target),
        OWN_TABLES,
        may_change={
            "indicators.Indicator",
            "indicators.IndicatorValue",
            "indicators.IndicatorSetItem",
            "indicators.ChartImage",
        },
        promise=promise,
    )
    assert refused == (target == own_world["followed"])


# --- Indicator sets: delete -------------------------------------------------------------------


@pytest.fixture
def sets_world(world):
    preset = IndicatorSetFactory(municipality=None, is_preset=True)
    linked = IndicatorSetFactory(municipality=world["home"])
    PlanFactory(municipality=world["home"]).indicator_sets.add(linked)
    return {**world, "sets": [world["set"], preset, linked]}


@examples(10)
@given(data=st.data())
def test_indicator_set_delete__any_set__only_that_set_its_items_and_links_gone(sets_world, data):
    """A set of the municipality, a preset, or a set a plan refers to: that set, its items
    and the plans' links to it are gone; the indicators and the plans stay."""
    target = data.draw(st.sampled_from(sets_world["sets"]))
    target = IndicatorSet.objects.get(pk=target.pk)
    pk = target.pk

    def promise(_result, before, after):
        assert not IndicatorSet.objects.filter(pk=pk).exists()
        assert after["indicators.IndicatorSet"][0] == before["indicators.IndicatorSet"][0] - 1
        assert not IndicatorSetItem.objects.filter(indicator_set_id=pk).exists()

    refused, _ = refused_or_kept(
        lambda: indicator_set_delete(indicator_set=target),
        OWN_TABLES,
        may_change={
            "indicators.IndicatorSet",
            "indicators.IndicatorSetItem",
            "strategy.Plan_indicator_sets",
            "strategy.Goal_indicator_sets",
        },
        promise=promise,
    )
    assert not refused


# --- Experiential results: CSV import ---------------------------------------------------------

HEADER_NAMES = sorted({alias for names in COLUMNS.values() for alias in names})
DOMAIN_WORDS = sorted(
    {*ExperientialDomain.values, *(a for aliases in DOMAIN_ALIASES.values() for a in aliases)}
)
NUMBER_WORDS = [
    "12,5",
    "71.5 %",
    "1\u00a0000",
    "1e400",
    "-1e400",
    "1e-400",
    "nan",
    "Infinity",
    "1e999999999999",
    "１２",
    str(2**70),
    "-0",
]
COUNT_WORDS = ["0", "10000000", "10000001", "²", "١٢", "-1", "1.5", str(2**70), "１２", "7" * 5000]


def _cells(column: str | None, villages: list[str], *, clean: bool) -> st.SearchStrategy[str]:
    """A cell of a column: what the column expects (huge and odd numbers included), or in a
    file that is not clean, sometimes anything."""
    expected = {
        "domain": st.sampled_from(DOMAIN_WORDS),
        "village": st.sampled_from(["", *villages]),
        "question": st.one_of(filled_texts(), st.just("Viihdyn\x00 kylässä")),
        "value": st.one_of(
            st.floats(-1e6, 1e6).map(str), st.sampled_from(NUMBER_WORDS), st.floats().map(str)
        ),
        "respondents": st.one_of(
            st.integers(0, 10**4).map(str), st.sampled_from(COUNT_WORDS), ints().map(str)
        ),
        "summary": mostly(st.just("Tiivistelmä"), texts()),
    }.get(column or "", texts(20))
    return expected if clean else mostly(expected, texts(20))


@st.composite
def results_files(draw, villages: list[str]) -> bytes:
    """A results file: a header of known and unknown columns, rows that fit it or not,
    written with any separator and quoting, in UTF-8 or not, cut or spiced with bytes.
    Half of the files are clean (known columns, expected cells, UTF-8, ; or ,), so that
    some get imported."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.one_of(st.just(b""), st.binary(max_size=200)))
    clean = draw(st.booleans())
    required = ["domain", "question", *([draw(st.sampled_from(["value", "summary"]))] * clean)]
    optional = draw(st.lists(st.sampled_from(list(COLUMNS)), unique=True, max_size=6))
    columns = draw(st.permutations([*required, *(c for c in optional if c not in required)]))
    header = [
        draw(
            st.sampled_from(COLUMNS[c])
            if clean
            else mostly(
                st.sampled_from(COLUMNS[c]), st.one_of(st.sampled_from(HEADER_NAMES), texts(10))
            )
        )
        for c in columns
    ]
    body = []
    for _ in range(draw(st.integers(0 if not clean else 1, 4))):
        row = [draw(_cells(column, villages, clean=clean)) for column in columns]
        if not clean and draw(st.integers(0, 9)) == 0:
            row = row[:-1] if draw(st.booleans()) else [*row, "ylimääräinen"]
        body.append(row)
    separators = [";", ","] if clean else [";", ",", "\t", "|"]
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=draw(st.sampled_from(separators)),
        lineterminator=draw(st.sampled_from(["\r\n", "\n", "\r"])),
        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
    )
    writer.writerows([header, *body])
    text = buffer.getvalue()
    encodings = ["utf-8", "utf-8-sig"] if clean else ["utf-8", "utf-8-sig", "utf-16", "cp1252"]
    if not clean and draw(st.integers(0, 4)) == 0:
        text = text.replace('"', "")  # the quotes lost: separators inside cells split them
    data = text.encode(draw(st.sampled_from(encodings)), errors="replace")
    if not clean and draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(data)))
        spice = draw(st.sampled_from([b"\xff", b"\xc3", b"\x00", b"\xe2\x82"]))
        data = data[:at] + spice + data[at:]
    return data


@examples(30)
@given(data=st.data())
def test_experiential_results_import__any_file__refused_unchanged_or_every_row_imported(
    world, data
):
    """All or nothing: a refused file writes no result; an imported one adds a result of the
    survey per row, each a known domain, a question, a village of the municipality or none,
    and a value or a summary."""
    village = world["village"]
    names = [village.name_fi, village.name_sv, world["foreign_village"].name_fi]
    content = data.draw(results_files(names))
    survey = ExperientialSurvey.objects.get(pk=world["survey"].pk)
    known = set(ExperientialResult.objects.values_list("pk", flat=True))

    def promise(result, before, after):
        added = ExperientialResult.objects.exclude(pk__in=known)
        assert result.created == added.count() >= 1
        assert result.separator in (";", ",")
        for row in added:
            assert row.survey_id == survey.pk
            assert row.domain in ExperientialDomain.values
            assert 0 < len(row.question) <= 500
            assert row.village_id in (None, village.pk)
            assert row.value is not None or row.summary
            assert row.value is None or math.isfinite(row.value)

    refused_or_kept(
        lambda: experiential_results_import(survey=survey, data=content),
        TABLES,
        may_change={"indicators.ExperientialResult", "indicators.ExperientialSurvey"},
        promise=promise,
    )
