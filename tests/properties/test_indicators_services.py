"""Property tests of the indicators app's writes (indicator sets, experiential surveys and
results, HYTE scores and funding rules): whatever the input, a service either refuses
(ValidationError) with the database exactly as it was, or returns and the database changed
as it promises. These services take no user: their pages ask the permission before calling
them (tests/core/test_access_matrix.py). See tests/properties/support.py."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elinvoima.indicators.enums import ExperientialDomain, FundingLevel, IndicatorSetKind
from elinvoima.indicators.experiential.services import (
    experiential_result_add,
    experiential_survey_create,
)
from elinvoima.indicators.hyte.services import hyte_funding_rule_save
from elinvoima.indicators.indicator_sets.services import (
    indicator_set_create,
    indicator_set_item_add,
    indicator_set_item_move,
    indicator_set_item_remove,
    indicator_set_update,
)
from elinvoima.indicators.models import (
    ExperientialResult,
    ExperientialSurvey,
    HyteFundingRule,
    IndicatorSet,
)
from tests.factories import (
    IndicatorFactory,
    IndicatorSetFactory,
    MunicipalityFactory,
    VillageFactory,
    coordinator_of,
)

from .support import (
    examples,
    filled_texts,
    ints,
    maybe,
    models_of,
    refused_or_kept,
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


@examples(30)
@given(
    year=years(),
    level=st.one_of(st.sampled_from(FundingLevel.values), texts(40)),
    euros=st.one_of(
        st.decimals(allow_nan=False, allow_infinity=False),
        st.sampled_from([Decimal("0"), Decimal("-1"), Decimal("1e20"), Decimal("1.001")]),
    ),
    source=texts(),
)
def test_hyte_funding_rule_save__any_input__refused_unchanged_or_saved_as_given(
    world, year, level, euros, source
):
    rule = HyteFundingRule(year=year, level=level, euros_per_resident=euros, source=source)

    def promise(saved, before, after):
        row = HyteFundingRule.objects.get(pk=saved.pk)
        assert (row.year, row.level, row.source) == (year, level, source)
        assert Decimal(row.euros_per_resident) == euros

    refused_or_kept(
        lambda: hyte_funding_rule_save(rule=rule),
        TABLES,
        may_change={"indicators.HyteFundingRule"},
        promise=promise,
    )
