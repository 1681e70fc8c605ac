"""The factories of tests/factories: each builds a valid object with its translated fields
filled in every language, and the role helpers grant what the permission predicates ask."""

import pytest
from django.conf import settings
from modeltranslation.translator import translator
from stdnum.fi import ytunnus

from elinvoima.actors.enums import OrganisationKind, Role
from elinvoima.actors.services import REFERENCE_DATA_DIR
from tests import factories as f

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]

FACTORIES = [
    f.WellbeingCountyFactory,
    f.MunicipalityFactory,
    f.ThemeFactory,
    f.TargetGroupFactory,
    f.InterfaceThemeFactory,
    f.VillageFactory,
    f.OrganisationFactory,
    f.UserFactory,
    f.MembershipFactory,
    f.ContactFactory,
    f.MeetingPlaceFactory,
    f.InterfaceContactFactory,
    f.NetworkFactory,
    f.NetworkMembershipFactory,
    f.RegionFactory,
    f.IndicatorFactory,
    f.IndicatorValueFactory,
    f.IndicatorSetFactory,
    f.PlanFactory,
    f.PriorityAreaFactory,
    f.GoalFactory,
    f.GoalIndicatorFactory,
    f.MeasureFactory,
    f.GoalCardFactory,
]


def untranslated(obj) -> list[str]:
    """The translation fields of `obj` left empty, e.g. ["name_en"]."""
    if type(obj) not in translator.get_registered_models():
        return []
    fields = translator.get_options_for_model(type(obj)).fields
    return [
        f"{field}_{language}"
        for field in fields
        for language in LANGUAGES
        if not getattr(obj, f"{field}_{language}")
    ]


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda factory: factory.__name__)
def test_factory__builds_a_valid_object_in_every_language(factory):
    first, second = factory(), factory()

    for obj in (first, second):
        obj.full_clean()
        assert untranslated(obj) == []
    assert first.pk != second.pk


def test_factory__languages_are_the_sites():
    assert LANGUAGES == ["fi", "sv", "en"]


def test_municipality_factory__three_digit_codes_no_real_municipality_has():
    real = {line.split(",")[0] for line in (REFERENCE_DATA_DIR / "municipalities.csv").open()}

    codes = [municipality.code for municipality in f.MunicipalityFactory.create_batch(20)]

    assert len(set(codes)) == 20
    assert all(len(code) == 3 and code.isdigit() for code in codes)
    assert not set(codes) & real
    assert "999" not in codes


def test_municipality_factory__linked_to_its_county():
    municipality = f.MunicipalityFactory()

    assert municipality in municipality.wellbeing_county.municipalities.all()


def test_organisation_factory__business_id_valid_and_unique_where_set():
    plain = f.OrganisationFactory()
    with_ids = f.OrganisationFactory.create_batch(30, with_business_id=True)

    assert plain.business_id == ""
    assert all(ytunnus.is_valid(o.business_id) for o in with_ids)
    assert all(o.business_id == ytunnus.format(o.business_id) for o in with_ids)
    assert len({o.business_id for o in with_ids}) == 30


def test_organisation_factory__operates_in_its_home_municipality_and_lists():
    other = f.MunicipalityFactory()
    theme, group = f.ThemeFactory(code="peer_support"), f.TargetGroupFactory()

    organisation = f.OrganisationFactory(
        municipalities=[other], themes=[theme], target_groups=[group]
    )

    assert set(organisation.municipalities.all()) == {organisation.municipality, other}
    assert list(organisation.themes.all()) == [theme]
    assert list(organisation.target_groups.all()) == [group]
    assert (theme.name_fi, theme.name_sv, theme.name_en) == (
        "Vertaistuki",
        "Kamratstöd",
        "Peer support",
    )


def test_reference_themes_and_target_groups__all_rows_once():
    themes = f.reference_themes()
    groups = f.reference_target_groups()

    assert len(themes) == 16 and "integration" in themes
    assert list(groups) == [
        "children_and_families",
        "young_people",
        "working_age",
        "older_people",
        "everyone",
    ]
    assert f.reference_themes() == themes  # get_or_create: no duplicates


def test_municipality_organisation__one_acting_organisation_per_municipality():
    municipality = f.MunicipalityFactory()

    organisation = f.municipality_organisation(municipality)

    assert organisation.kind == OrganisationKind.MUNICIPALITY
    assert organisation.name_fi == municipality.name_fi
    assert f.municipality_organisation(municipality) == organisation


# --- Role helpers and the predicates --------------------------------------------------------
def test_coordinator_of__manages_that_municipality_only():
    municipality, other = f.MunicipalityFactory(), f.MunicipalityFactory()
    organisation = f.OrganisationFactory(municipality=municipality)

    coordinator = f.coordinator_of(municipality)

    assert coordinator.memberships.get().role == Role.COORDINATOR
    assert coordinator.has_perm("actors.manage_municipality", municipality)
    assert coordinator.has_perm("actors.add_organisation", municipality)
    assert coordinator.has_perm("actors.change_organisation", organisation)
    assert coordinator.has_perm("indicators.manage_municipality_indicators", municipality)
    assert coordinator.has_perm("strategy.add_municipality_plan", municipality)
    assert not coordinator.has_perm("actors.manage_municipality", other)


def test_official_of__works_in_the_municipality_without_managing_it():
    municipality = f.MunicipalityFactory()

    official = f.official_of(municipality)

    assert official.has_perm("actors.view_interfaces", municipality)
    assert official.has_perm("indicators.view_experiential_data", municipality)
    assert not official.has_perm("actors.manage_municipality", municipality)


def test_county_official_of__works_for_the_county_and_its_municipalities():
    county = f.WellbeingCountyFactory()
    municipality = f.MunicipalityFactory(wellbeing_county=county)
    elsewhere = f.MunicipalityFactory()

    official = f.county_official_of(county)

    assert official.has_perm("actors.view_county_interfaces", county)
    assert official.has_perm("indicators.record_hyte_scores", county)
    assert official.has_perm("strategy.add_county_plan", county)
    assert official.has_perm("actors.change_interface_contacts", municipality)
    assert not official.has_perm("actors.change_interface_contacts", elsewhere)
    assert not official.has_perm("actors.manage_municipality", municipality)


def test_representative_of__edits_own_organisation_only():
    organisation, other = f.OrganisationFactory(), f.OrganisationFactory()

    representative = f.representative_of(organisation)

    assert representative.has_perm("actors.change_organisation", organisation)
    assert not representative.has_perm("actors.change_organisation", other)
    assert not representative.has_perm("actors.delete_organisation", organisation)


def test_member_of__named_user_reused():
    first = f.member_of(f.OrganisationFactory(), username="sama.henkilo")
    second = f.member_of(f.OrganisationFactory(), Role.OFFICIAL, username="sama.henkilo")

    assert first == second
    assert second.memberships.count() == 2
    assert second.check_password(f.PASSWORD)


def test_chair_of__runs_the_network_member_does_not():
    network = f.NetworkFactory()

    chair, member = f.chair_of(network), f.network_member_of(network)

    assert chair.has_perm("networks.run_network", network)
    assert not member.has_perm("networks.run_network", network)


def test_plan_factory__owner_planners_change_it():
    plan = f.PlanFactory()
    county_plan = f.PlanFactory(for_county=True)
    network_plan = f.PlanFactory(for_network=True)

    assert f.coordinator_of(plan.municipality).has_perm("strategy.change_plan", plan)
    assert f.county_official_of(county_plan.wellbeing_county).has_perm(
        "strategy.change_plan", county_plan
    )
    assert f.chair_of(network_plan.network).has_perm("strategy.change_plan", network_plan)
    assert not f.UserFactory().has_perm("strategy.view_plan", plan)
    assert f.UserFactory().has_perm("strategy.view_plan", f.PlanFactory(approved=True))
    for owned in (county_plan, network_plan):
        owned.full_clean()


def test_goal_and_measure_factories__same_plan_and_their_people():
    association = f.OrganisationFactory()
    goal = f.GoalFactory(owner_organisations=[association])
    measure = f.MeasureFactory(goal=goal, implementers=[association])
    representative = f.representative_of(association)

    assert goal.plan == goal.priority_area.plan == measure.plan
    assert representative.has_perm("strategy.update_goal_card", goal)
    assert representative.has_perm("strategy.report_measure", measure)
    assert not f.UserFactory().has_perm("strategy.report_measure", measure)


def test_indicator_factory__own_and_sotkanet_kinds():
    own = f.IndicatorFactory()
    sotkanet = f.IndicatorFactory(sotkanet=True)
    value = f.IndicatorValueFactory(indicator=own)

    assert own.sotkanet_id is None and own.owner_municipality is not None
    assert sotkanet.sotkanet_id is not None and sotkanet.owner_municipality is None
    assert value.region == f.region_of(own.owner_municipality)
    assert value.region.municipality == own.owner_municipality
    assert f.coordinator_of(own.owner_municipality).has_perm(
        "indicators.manage_municipality_indicators", own.owner_municipality
    )
