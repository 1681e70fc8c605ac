"""Grant rounds (issue 15, first slice): the coordinator prepares a round tied to the goals
of the welfare plan and the wellbeing cards, changes it without overwriting a colleague's
save, and publishes it; a draft is the coordinators' own, a published round everyone's."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from elinvoima.grants.enums import GrantKind
from elinvoima.grants.models import GrantRound
from elinvoima.grants.permissions import rounds_visible_to
from elinvoima.grants.services import (
    GrantRoundData,
    grant_round_publish,
    grant_round_save,
    round_version,
)
from tests.factories.actors import (
    MunicipalityFactory,
    client_of,
    coordinator_of,
    official_of,
)
from tests.factories.strategy import GoalFactory, PlanFactory, PriorityAreaFactory

TODAY = timezone.localdate()


def _data(goals=(), **changes) -> GrantRoundData:
    values = {
        "kind": GrantKind.OPERATING,
        "texts": {"name_fi": "Toiminta-avustukset", "name_sv": "Verksamhetsbidrag"},
        "budget": Decimal("25000"),
        "period_starts_on": datetime.date(TODAY.year + 1, 1, 1),
        "period_ends_on": datetime.date(TODAY.year + 1, 12, 31),
        "opens_on": TODAY,
        "closes_on": TODAY + datetime.timedelta(days=30),
        "goals": tuple(goals),
    }
    return GrantRoundData(**{**values, **changes})


@pytest.fixture
def world(db):
    municipality = MunicipalityFactory()
    plan = PlanFactory(municipality=municipality, approved=True)
    goal = GoalFactory(priority_area=PriorityAreaFactory(plan=plan), title_fi="Ikääntyminen")
    return {
        "municipality": municipality,
        "goal": goal,
        "coordinator": coordinator_of(municipality),
        "official": official_of(municipality),
    }


def test_round__a_draft_is_the_coordinators_published_everyones(world):
    grant_round = grant_round_save(
        user=world["coordinator"], municipality=world["municipality"], data=_data([world["goal"]])
    )
    outsider = coordinator_of(MunicipalityFactory())
    assert (grant_round.name_fi, grant_round.name_sv) == (
        "Toiminta-avustukset",
        "Verksamhetsbidrag",
    )
    assert list(grant_round.goals.all()) == [world["goal"]]

    for user, sees in ((world["coordinator"], True), (world["official"], False), (outsider, False)):
        assert user.has_perm("grants.view_round", grant_round) is sees
        assert (grant_round in set(rounds_visible_to(user))) is sees
    with pytest.raises(Http404):
        grant_round_publish(user=outsider, grant_round=grant_round)
    grant_round = grant_round_publish(user=world["coordinator"], grant_round=grant_round)

    assert world["official"].has_perm("grants.view_round", grant_round)
    assert grant_round in set(rounds_visible_to(outsider))
    with pytest.raises(PermissionDenied):  # read, never changed, by another municipality
        grant_round_save(
            user=outsider, municipality=world["municipality"], grant_round=grant_round, data=_data()
        )


def test_round__dates_budget_and_goals_checked(world):
    other_goal = GoalFactory()
    with pytest.raises(ValidationError) as refused:
        grant_round_save(
            user=world["coordinator"],
            municipality=world["municipality"],
            data=_data([other_goal]),
        )
    assert "goals" in refused.value.error_dict
    with pytest.raises(ValidationError) as refused:
        grant_round_save(
            user=world["coordinator"],
            municipality=world["municipality"],
            data=_data(closes_on=TODAY - datetime.timedelta(days=1)),
        )
    assert set(refused.value.error_dict) == {"closes_on"}
    with pytest.raises(ValidationError) as refused:
        grant_round_save(
            user=world["coordinator"],
            municipality=world["municipality"],
            data=_data(texts={"name_fi": " "}),
        )
    assert set(refused.value.error_dict) == {"name_fi"}
    assert not GrantRound.objects.exists()


def test_round__two_coordinators_do_not_overwrite_each_other(world):
    grant_round = grant_round_save(
        user=world["coordinator"], municipality=world["municipality"], data=_data()
    )
    loaded = round_version(grant_round)
    grant_round_save(
        user=world["coordinator"],
        municipality=world["municipality"],
        grant_round=grant_round,
        data=_data(budget=Decimal("30000")),
        loaded_version=loaded,
    )
    with pytest.raises(ValidationError) as refused:
        grant_round_save(
            user=coordinator_of(world["municipality"]),
            municipality=world["municipality"],
            grant_round=grant_round,
            data=_data(budget=Decimal("1")),
            loaded_version=loaded,
        )
    assert refused.value.code == "conflict"
    grant_round.refresh_from_db()
    assert grant_round.budget == Decimal("30000")


def test_pages__coordinator_prepares_and_publishes(world):
    client = client_of(world["coordinator"])
    code = world["municipality"].code
    form = {
        "name_fi": "Tapahtuma-avustukset",
        "kind": "event",
        "budget": "5 000,50",
        "period_starts_on": f"{TODAY.year + 1}-01-01",
        "period_ends_on": f"{TODAY.year + 1}-12-31",
        "opens_on": TODAY.isoformat(),
        "closes_on": (TODAY - datetime.timedelta(days=1)).isoformat(),
        "goals": [world["goal"].pk],
    }
    refused = client.post(reverse("grants:round-new", kwargs={"code": code}), form)
    assert refused.status_code == 200 and not GrantRound.objects.exists()

    form["closes_on"] = (TODAY + datetime.timedelta(days=14)).isoformat()
    made = client.post(reverse("grants:round-new", kwargs={"code": code}), form)
    grant_round = GrantRound.objects.get()
    assert grant_round.budget == Decimal("5000.50")
    page = reverse("grants:round", kwargs={"pk": grant_round.pk})
    assert made["Location"] == page
    assert client_of(world["official"]).get(page).status_code == 404  # a draft
    assert client_of(world["official"]).post(page).status_code == 404
    assert client.post(page).status_code == 302
    grant_round.refresh_from_db()
    assert grant_round.published_at is not None
    listing = client_of(None).get(reverse("grants:municipality-rounds", kwargs={"code": code}))
    assert "Tapahtuma-avustukset" in listing.content.decode()
