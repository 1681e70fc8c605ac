"""Support in kind and the money view (issue 15): the coordinators record what the
municipality gives its associations besides money, with an estimated value; the money view
shows per goal the year's published grants — under the goal of the measure a grant was given
for, or split evenly between the goals its association committed to — the support in kind,
and what the associations did for the goal."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from elinvoima.cards.activities.services import ActivityData, activity_report
from elinvoima.cards.enums import ActivityKind
from elinvoima.grants.applications.services import grant_application_submit
from elinvoima.grants.enums import SupportKind
from elinvoima.grants.models import GrantRound, SupportInKind
from elinvoima.grants.money.selectors import money_by_goal
from elinvoima.grants.review.services import (
    Award,
    DecisionData,
    grant_decision_save,
    grant_decisions_publish,
    grants_award,
)
from elinvoima.grants.services import GrantRoundData, grant_round_publish, grant_round_save
from elinvoima.grants.support.services import SupportData, support_delete, support_save
from tests.factories.actors import (
    MunicipalityFactory,
    OrganisationFactory,
    client_of,
    coordinator_of,
)
from tests.factories.strategy import GoalFactory, MeasureFactory, PriorityAreaFactory
from tests.grants.conftest import TODAY, draft_application

YEAR = TODAY.year


def _support(world, **changes) -> SupportData:
    values = {
        "organisation": world["association"],
        "year": YEAR,
        "kind": SupportKind.FACILITY_USE,
        "description": "Liikuntahalli tiistaisin",
        "estimated_value": Decimal("1000"),
        "goal": world["goal"],
    }
    return SupportData(**{**values, **changes})


def test_support__recorded_by_the_coordinators__checked(world):
    municipality = world["round"].municipality
    coordinator = world["coordinator"]
    support = support_save(user=coordinator, municipality=municipality, data=_support(world))
    assert support.estimated_value == Decimal("1000")
    elsewhere = OrganisationFactory(kind="association", municipality=MunicipalityFactory())
    with pytest.raises(ValidationError) as refused:
        support_save(
            user=coordinator,
            municipality=municipality,
            data=_support(world, organisation=elsewhere, goal=GoalFactory(), year=1999),
        )
    assert set(refused.value.message_dict) == {"organisation", "goal", "year"}
    other_coordinator = coordinator_of(MunicipalityFactory())
    with pytest.raises(PermissionDenied):
        support_save(user=other_coordinator, municipality=municipality, data=_support(world))
    with pytest.raises(PermissionDenied):
        support_delete(user=world["representative"], support=support)
    support_delete(user=coordinator, support=support)
    assert not SupportInKind.objects.exists()


def test_money__per_goal__the_measures_goal_or_the_commitments_split(world):
    municipality = world["round"].municipality
    coordinator = world["coordinator"]
    second_goal = GoalFactory(priority_area=PriorityAreaFactory(plan=world["goal"].plan))
    world["round"].goals.add(second_goal)
    application = grant_application_submit(
        user=world["representative"],
        application=draft_application(
            world,
            requested_amount=Decimal("801"),
            commitments=((world["goal"], "Jumppaa"), (second_goal, "Kahvila")),
        ),
    )
    GrantRound.objects.filter(pk=world["round"].pk).update(
        opens_on=TODAY - datetime.timedelta(days=60),
        closes_on=TODAY - datetime.timedelta(days=30),
        period_starts_on=datetime.date(YEAR, 1, 1),
        period_ends_on=datetime.date(YEAR, 12, 31),
    )
    grant_round = GrantRound.objects.get(pk=world["round"].pk)
    grant_decision_save(
        user=coordinator,
        application=application,
        data=DecisionData(granted_amount=Decimal("801"), reasons="Hyvä"),
    )
    assert money_by_goal(municipality, YEAR)[0].granted == 0  # not published yet
    grant_decisions_publish(user=coordinator, grant_round=grant_round)
    # A participatory budget's grant on a measure of the first goal.
    measure = MeasureFactory(goal=world["goal"])
    awarded = grant_round_publish(
        user=None,
        grant_round=grant_round_save(
            user=None,
            municipality=municipality,
            data=GrantRoundData(
                kind="operating",
                texts={"name_fi": "Osallistuva budjetti"},
                budget=Decimal("500"),
                period_starts_on=datetime.date(YEAR, 1, 1),
                period_ends_on=datetime.date(YEAR, 12, 31),
                opens_on=TODAY,
                closes_on=TODAY,
            ),
        ),
    )
    other = world["other"].memberships.get().organisation
    grants_award(
        user=None,
        grant_round=awarded,
        awards=(Award(other, Decimal("500"), "Kerho", "Äänestyksen tulos", measure=measure),),
    )
    support_save(user=coordinator, municipality=municipality, data=_support(world))
    activity_report(
        user=world["representative"],
        organisation=world["association"],
        data=ActivityData(
            kind=ActivityKind.CLUB,
            name="Tuolijumppa",
            starts_on=TODAY,
            participants=12,
            sub_goals=(world["goal"],),
        ),
    )

    rows = {row.goal: row for row in money_by_goal(municipality, YEAR)}
    first, second = rows[world["goal"]], rows[second_goal]
    assert first.granted == Decimal("400.50") + Decimal("500")  # half of 801, and the award
    assert second.granted == Decimal("400.50")
    assert first.support == Decimal("1000")
    mine = first.recipients[world["association"].pk]
    assert (mine.granted, mine.activities, mine.participants) == (Decimal("400.50"), 1, 12)
    assert first.recipients[other.pk].granted == Decimal("500")

    page = client_of(None).get(
        reverse("grants:money", kwargs={"code": municipality.code}), {"year": YEAR}
    )
    assert page.status_code == 200 and "900,50" in page.content.decode()
    # An association out of the directory is counted but not named to those who may not
    # see it; its municipality's coordinator sees its name.
    world["association"].is_published = False
    world["association"].save(update_fields=["is_published"])
    name = str(world["association"].name)
    money = reverse("grants:money", kwargs={"code": municipality.code})
    support = reverse("grants:support", kwargs={"code": municipality.code})
    for url in (money, support):
        anonymous = client_of(None).get(url, {"year": YEAR}).content.decode()
        assert name not in anonymous and "900,50" in client_of(None).get(money).content.decode()
        assert name in client_of(world["coordinator"]).get(url, {"year": YEAR}).content.decode()


def test_support_pages__public_list__the_coordinators_form(world):
    municipality = world["round"].municipality
    new = reverse("grants:support-new", kwargs={"code": municipality.code})
    coordinator = client_of(world["coordinator"])
    response = coordinator.post(
        new,
        {
            "organisation": world["association"].pk,
            "year": YEAR,
            "kind": "facility_use",
            "description": "Kokoustila",
            "estimated_value": "250,50",
            "goal": world["goal"].pk,
        },
    )
    assert response.status_code == 302
    support = SupportInKind.objects.get()
    assert support.estimated_value == Decimal("250.50")
    listing = client_of(None).get(
        reverse("grants:support", kwargs={"code": municipality.code}), {"year": YEAR}
    )
    assert "Kokoustila" in listing.content.decode()
    assert client_of(world["representative"]).get(new).status_code == 403
    delete = reverse("grants:support-delete", kwargs={"pk": support.pk})
    assert client_of(world["representative"]).post(delete).status_code == 403
    assert coordinator.post(delete).status_code == 302
    assert not SupportInKind.objects.exists()
