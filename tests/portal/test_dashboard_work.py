"""The dashboard's work list ("Needs you now"): what each app registers as waiting for the
user, counted with one query per kind however much waits."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from elinvoima.actors.demo_data import DEMO_ACCOUNTS
from elinvoima.actors.models import Municipality, Organisation, User
from elinvoima.core.registry import registry
from elinvoima.indicators.enums import ImportStatus
from elinvoima.indicators.models import ImportJob
from elinvoima.strategy.enums import MeasureStatus
from elinvoima.strategy.measures.selectors import my_measures, my_work
from tests.factories.strategy import GoalCardFactory, GoalFactory, MeasureFactory, PlanFactory

URL = reverse("portal:dashboard")


def _work(username: str) -> dict[str, int]:
    user = User.objects.get(username=username)
    return {str(item.label): item.count for item in registry.dashboard_work_for(user)}


@pytest.mark.parametrize("username", [account["username"] for account in DEMO_ACCOUNTS])
def test_my_work__the_same_counts_as_my_measures_shows(demo, username):
    user = User.objects.get(username=username)
    mine = my_measures(user=user)
    counted = my_work(user=user)
    assert counted.measures_to_report == sum(1 for row in mine.measures if row.due)
    assert counted.goal_cards_to_update == sum(1 for row in mine.goals if row.due)


def test_dashboard__work_first_then_tasks_then_account_links(client_for):
    html = client_for("hyte.vaala").get(URL).text
    assert html.index("Tarvitsee sinua nyt") < html.index("Mitä voit tehdä")
    assert html.index("Mitä voit tehdä") < html.index(reverse("api:docs"))


def test_dashboard__coordinator__late_measures_counted_and_linked(client_for):
    work = _work("hyte.vaala")
    assert work["myöhässä olevaa toimenpidettä (Vaala)"] == 7
    vaala = Municipality.objects.get(name_fi="Vaala")
    html = client_for("hyte.vaala").get(URL).text
    link = f"{reverse('strategy:measures-attention')}?municipality={vaala.code}&amp;reason=late"
    assert f'<a href="{link}"><span class="work-list__count">7</span>' in html


def test_dashboard__nothing_waits__says_so(client_for):
    html = client_for("valtuutettu.vaala").get(URL).text
    assert "Mikään ei odota sinua juuri nyt." in html


def test_dashboard__association__profile_not_updated_this_year(demo, client_for):
    Organisation.objects.filter(name_fi="Utajärven reumayhdistys ry").update(
        updated_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    work = _work("yhdistys.reuma")
    assert work.pop("profiili (Utajärven reumayhdistys ry) päivittämättä tänä vuonna") == 1
    assert work.pop("vastattava hyvinvointikortti") == 1  # the demo's Ikäihmiset-kortti
    # The action item its representative took at the vitality group's meeting (the demo).
    assert work.pop("1 toimenpide tehtävänä") == 1
    # Besides the profile only what it carries out in Utajärvi's welfare plan (the demo).
    assert work and all(label.startswith("raportoitava") for label in work), work


def test_dashboard__failed_import__for_who_imported_it(demo):
    admin = User.objects.get(username="admin")
    ImportJob.objects.create(
        kind=ImportJob.Kind.REGIONS, status=ImportStatus.FAILED, created_by=admin
    )
    assert _work("admin") == {"hylätty tuonti viimeisen 30 päivän aikana": 1}
    # An importer, but not of this file (the rest of the list is Utajärvi's measures).
    assert not [label for label in _work("hyte.utajarvi") if "tuonti" in label]


@pytest.mark.parametrize("username", ["hyte.vaala", "hva.paijathame", "yhdistys.mll", "admin"])
def test_dashboard__queries__the_same_however_much_waits(demo, client_for, username):
    """One query per kind of item: 30 more late measures, goal cards and measures to report
    in the user's places change no number of queries."""
    client = client_for(username)
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    before = _work(username)
    user = User.objects.get(username=username)
    memberships = user.memberships.select_related("organisation")
    organisations = [membership.organisation for membership in memberships]
    vaala = Municipality.objects.get(name_fi="Vaala")
    plan = PlanFactory(municipality=vaala, start_year=2025, end_year=2030)
    for _n in range(30):
        goal = GoalFactory(plan=plan, owner_users=[user])
        GoalCardFactory(goal=goal)
        MeasureFactory(
            goal=goal,
            status=MeasureStatus.IN_PROGRESS,
            ends_on=datetime.date(2025, 1, 31),
            implementers=organisations,
        )
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(many) == len(few), [q["sql"][:90] for q in many.captured_queries]
    if username != "admin":  # the others have more waiting now
        assert _work(username) != before
