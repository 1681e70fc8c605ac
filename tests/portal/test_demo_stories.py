"""The seeds' stories in the demo data (issue 12): Utajärvi's welfare plan with the strategic
goal of the Ikäihmiset card, Vaala's approved welfare report with goals by age group,
Utajärvi's vitality group with its roles and nine village associations, and Lapinjärvi's
steering group with its partners (seeds 000 and 001)."""

from django.urls import reverse

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import User
from elinvoima.networks.enums import NetworkKind, NetworkRole
from elinvoima.networks.models import Network
from elinvoima.strategy.enums import PlanKind, PlanState
from elinvoima.strategy.models import Goal, Plan

CARD_GOALS = [
    "Turvallinen asuminen ja turvallisuudentunne",
    "Yksinäisyyden vähentäminen",
    "Kaatumisten ehkäisy",
]
AGE_GROUPS = ["Lapset ja lapsiperheet", "Nuoret", "Työikäiset", "Ikäihmiset"]


def test_utajarvi__approved_welfare_plan__strategic_goal_with_the_cards_three_sub_goals(demo):
    plan = Plan.objects.get(municipality__code="889", kind=PlanKind.WELFARE_PLAN)
    assert plan.state == PlanState.APPROVED
    assert [decision.body for decision in plan.decisions.all()] == list(plan.approval_chain)
    strategic = Goal.objects.get(plan=plan, title_fi="Aktiivinen ja turvallinen ikääntyminen")
    assert strategic.parent is None
    sub_goals = list(strategic.sub_goals.order_by("position"))
    assert [goal.title_fi for goal in sub_goals] == CARD_GOALS
    assert all(
        goal.title_sv and goal.priority_area == strategic.priority_area for goal in sub_goals
    )


def test_utajarvi__measures__associations_carry_them_out(demo):
    plan = Plan.objects.get(municipality__code="889", kind=PlanKind.WELFARE_PLAN)
    implementers: dict[str, set[str]] = {}
    for measure in plan.measures.prefetch_related("implementers").select_related("goal"):
        names = implementers.setdefault(measure.goal.title_fi, set())
        names.update(organisation.name_fi for organisation in measure.implementers.all())
    assert "Utajärven reumayhdistys ry" in implementers["Kaatumisten ehkäisy"]
    villages = implementers["Yksinäisyyden vähentäminen"]
    assert sum(name.endswith("kyläyhdistys ry") for name in villages) == 9


def test_utajarvi__coordinators_work_list__a_late_measure_and_one_without_implementer(demo):
    from elinvoima.core.registry import registry

    user = User.objects.get(username="hyte.utajarvi")
    work = {str(item.label): item.count for item in registry.dashboard_work_for(user)}
    assert work["myöhässä oleva toimenpide (Utajärvi)"] == 1
    assert work["toimenpide (Utajärvi) ilman toteuttajaa"] == 1


def test_vaala__approved_report__goals_under_each_age_group(demo):
    report = Plan.objects.get(municipality__code="785", kind=PlanKind.WELFARE_REPORT)
    assert report.state == PlanState.APPROVED
    areas = list(report.priority_areas.prefetch_related("goals"))
    assert [area.title_fi for area in areas] == AGE_GROUPS
    assert all(area.title_sv for area in areas)
    for area in areas:
        goals = list(area.goals.all())
        assert goals, area.title_fi
        assert all(goal.target_groups.exists() for goal in goals)


def test_utajarvi__vitality_group__chair_secretary_and_nine_village_associations(demo):
    group = Network.objects.get(name_fi="Utajärven elinvoimaryhmä")
    assert group.kind == NetworkKind.VITALITY_GROUP
    roles = {membership.role: membership.user for membership in group.people.all()}
    chair = group.people.get(role=NetworkRole.CHAIR).user
    secretary = group.people.get(role=NetworkRole.SECRETARY).user
    assert chair.memberships.get().title == "kunnanjohtaja"
    assert secretary.memberships.get().title == "toimistosihteeri"
    assert not chair.has_usable_password()  # a person of the story, not a demo login
    assert NetworkRole.MEMBER in roles
    assert "esittelijänä kulttuurisihteeri" in group.description_fi
    assert "kultursekreteraren" in group.description_sv
    villages = group.members.filter(kind=OrganisationKind.VILLAGE_ASSOCIATION)
    assert villages.count() == 9
    for association in villages:
        assert association.regular_activities_fi and association.regular_activities_sv
        assert association.villages.filter(municipality__code="889").exists()
        assert list(association.target_groups.values_list("code", flat=True)) == ["everyone"]
        assert association.themes.exists()


def test_lapinjarvi__steering_group_with_the_partners(demo):
    steering = Network.objects.get(municipality__code="407", kind=NetworkKind.STEERING_GROUP)
    partners = set(steering.members.values_list("name_fi", flat=True))
    assert {
        "Lapinjärven vanhus- ja vammaisneuvosto",
        "Lapinjärven nuorisovaltuusto Nuva",
        "Lapinjärven Liikuntaseura ry",
        "MLL Lapinjärven yhdistys ry",
    } <= partners
    assert steering.members.filter(kind=OrganisationKind.SPORTS_CLUB).exists()
    working = Network.objects.get(municipality__code="407", kind=NetworkKind.HYTE_NETWORK)
    assert working.coordinator == steering.coordinator


def test_stories__pages_show_them(client_for):
    client = client_for(None)
    plan = Plan.objects.get(municipality__code="889", kind=PlanKind.WELFARE_PLAN)
    html = client.get(reverse("strategy:plan-detail", kwargs={"pk": plan.pk})).text
    for title in ["Aktiivinen ja turvallinen ikääntyminen", *CARD_GOALS]:
        assert title in html
    networks = client.get(reverse("networks:municipality-networks", kwargs={"code": "407"})).text
    assert "Lapinjärven hyvinvoinnin ja terveyden edistämisen monialainen ohjausryhmä" in networks
    assert "Lapinjärven nuorisovaltuusto Nuva" in networks
