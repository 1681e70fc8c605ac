"""The goal tracking card of seed 001: the page, the period updates and their history, the
static part on a frozen plan, and two people saving at once."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from elinvoima.actors.models import User
from elinvoima.strategy.enums import PlanState, StatusLevel
from elinvoima.strategy.goal_cards.models import GoalCard, GoalCardUpdate
from elinvoima.strategy.goal_cards.selectors import change_target, status_text
from elinvoima.strategy.goal_cards.services import (
    GoalCardConflict,
    GoalCardTaskData,
    goal_card_save,
    goal_card_update_save,
    goal_card_version,
    period_bounds,
    period_current,
    period_next,
    period_of,
    period_previous,
)
from elinvoima.strategy.models import Goal, Plan

pytestmark = pytest.mark.both_databases

CARD_GOAL = "Nuorten kokema terveydentila kohenee."


@pytest.fixture
def card_goal(demo) -> Goal:
    return Goal.objects.get(title_fi=CARD_GOAL)


@pytest.fixture
def card(card_goal) -> GoalCard:
    return card_goal.card


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _update_data(**changes) -> dict:
    year, tertial = period_current()
    data = {
        "year": year,
        "tertial": tertial,
        "status": StatusLevel.MINOR_DEVIATIONS,
        "status_reasons": "Tukea ei vielä tarjota riittävästi.",
        "achieved": "Koulujen henkilökunnan kanssa on puhuttu.",
        "planned": "Vertaisryhmät käyntiin.",
        "risks": "Huoltajat eivät koe asiaa tärkeäksi.",
    }
    data.update(changes)
    return data


# --- Periods --------------------------------------------------------------------------------


def test_period__months__split_into_three_four_month_periods():
    assert period_of(datetime.date(2024, 1, 1)) == (2024, 1)
    assert period_of(datetime.date(2024, 4, 30)) == (2024, 1)
    assert period_of(datetime.date(2024, 5, 1)) == (2024, 2)
    assert period_of(datetime.date(2024, 9, 1)) == (2024, 3)
    assert period_previous(2024, 1) == (2023, 3)
    assert period_next(2024, 3) == (2025, 1)
    assert period_bounds(2024, 2) == (datetime.date(2024, 5, 1), datetime.date(2024, 8, 31))
    assert period_bounds(2024, 3)[1] == datetime.date(2024, 12, 31)


# --- The card page --------------------------------------------------------------------------


def test_change_target__seed_card__reads_as_the_seed_in_finnish(card):
    target = change_target(link=card.goal_indicator, card=card)
    assert target.baseline == "24,8 % (2021)"
    assert target.latest == "25,7 % (2023)"
    assert target.target == "< 24 % (2025)"
    assert target.text.startswith("24,8 % (2021) → 25,7 % (2023) – ")
    assert target.text.endswith("< 24 % (2025)")


def test_goal_card_page__anonymous__approved_plan_card_in_seed_order(client, card_goal):
    response = client.get(reverse("strategy:goal-card", kwargs={"pk": card_goal.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Johanna Huttunen ja Marja Koivisto",
        "24,8 % (2021) → 25,7 % (2023)",
        "Mieli ry",
        "neuvola-asetus",
        "Kouluterveyskysely 2025 tulokset",
        "Palvelupolut ja matalan kynnyksen tuki",
        "Ilmiö ja siihen vaikuttavat tekijät",
        "Hoitoon pääsy pitkittyy",
    ):
        assert text in html, text
    # Sections numbered as on the seed's card, in order.
    positions = [html.index(f'id="card-s{number}"') for number in range(1, 10)]
    assert positions == sorted(positions)
    # The four-level status: text, not only the filled dot.
    assert status_text(2) in html
    assert html.count("status-dot--filled") >= 1
    # Anonymous readers get no edit links.
    assert reverse("strategy:goal-card-update", kwargs={"pk": card_goal.pk}) not in html


def test_goal_card_print__anonymous__printable_page(client, card_goal):
    response = client.get(reverse("strategy:goal-card-print", kwargs={"pk": card_goal.pk}))
    assert response.status_code == 200
    assert "Johanna Huttunen ja Marja Koivisto" in response.content.decode()


def test_goal_card_page__owner__links_to_update_and_says_why_static_part_is_frozen(
    client_for, card_goal
):
    html = client_for("hyte.asikkala").get(card_goal.card.get_absolute_url()).content.decode()
    assert reverse("strategy:goal-card-update", kwargs={"pk": card_goal.pk}) in html
    assert "13.06.2022" in html  # the reason: approved on that day, frozen
    assert "?year=2024&amp;tertial=1" in html  # each period's update can be opened
    assert reverse("strategy:goal-card-edit", kwargs={"pk": card_goal.pk}) not in html


# --- Period updates -------------------------------------------------------------------------


def test_goal_card_update_save__new_period_on_approved_plan__added_and_history_kept(card):
    assert card.goal.plan.state == PlanState.APPROVED
    owner = _user("hyte.asikkala")
    update = goal_card_update_save(card=card, user=owner, **_update_data())
    assert update.author == owner
    periods = list(card.updates.values_list("year", "tertial"))
    assert periods == [period_current(), (2024, 1)]  # newest first, the seed's kept


def test_goal_card_update_save__future_period__refused(card):
    year, tertial = period_next(*period_current())
    with pytest.raises(ValidationError) as error:
        goal_card_update_save(card=card, user=None, **_update_data(year=year, tertial=tertial))
    assert error.value.error_dict["year"][0].code == "future_period"


def test_goal_card_update_save__before_the_plan__refused(card):
    with pytest.raises(ValidationError) as error:
        goal_card_update_save(card=card, user=None, **_update_data(year=2019, tertial=3))
    assert error.value.error_dict["year"][0].code == "before_plan"


def test_goal_card_update_save__without_reasons__refused(card):
    with pytest.raises(ValidationError) as error:
        goal_card_update_save(card=card, user=None, **_update_data(status_reasons=" "))
    assert "status_reasons" in error.value.error_dict


def test_goal_card_update_save__two_people_add_same_period__second_told_who(card):
    first = goal_card_update_save(
        card=card, user=_user("hyte.asikkala"), **_update_data(achieved="Ensimmäisen teksti")
    )
    with pytest.raises(GoalCardConflict) as conflict:
        goal_card_update_save(
            card=card,
            user=_user("hva.paijathame"),
            loaded_version="",  # loaded before the first save: no update then
            **_update_data(achieved="Toisen teksti"),
        )
    assert "Minna Salonen" in conflict.value.messages[0]
    assert conflict.value.current.pk == first.pk
    first.refresh_from_db()
    assert first.achieved == "Ensimmäisen teksti"  # nothing silently overwritten


def test_goal_card_update_save__edit_with_current_version__saved(card):
    first = goal_card_update_save(card=card, user=_user("hyte.asikkala"), **_update_data())
    again = goal_card_update_save(
        card=card,
        user=_user("hva.paijathame"),
        loaded_version=goal_card_version(first),
        **_update_data(achieved="Korjattu"),
    )
    assert again.pk == first.pk
    assert again.achieved == "Korjattu"
    assert again.author.username == "hva.paijathame"


def test_update_page__two_people_save_same_period__second_sees_the_others_text(
    client_for, card_goal
):
    url = reverse("strategy:goal-card-update", kwargs={"pk": card_goal.pk})
    owner, planner = client_for("hyte.asikkala"), client_for("hva.paijathame")
    # Both open the form of the current period, which has no update yet.
    for client in (owner, planner):
        page = client.get(url)
        assert page.status_code == 200
        assert page.context["form"].initial["loaded_version"] == ""
    year, tertial = period_current()
    post = {
        "year": year,
        "tertial": tertial,
        "loaded_version": "",
        "status": StatusLevel.ON_TRACK,
        "status_reasons": "Omistajan perustelut",
        "achieved": "Omistajan saavutukset",
        "planned": "",
        "risks": "",
    }
    saved = owner.post(url, post)
    assert saved.status_code == 302
    refused = planner.post(
        url, {**post, "status_reasons": "Suunnittelijan perustelut", "achieved": "Toinen"}
    )
    assert refused.status_code == 200
    html = refused.content.decode()
    [error] = refused.context["form"].non_field_errors()
    assert "Minna Salonen" in error and escape(error) in html  # told who saved, and when
    assert "Omistajan saavutukset" in html  # the other's saved text is shown
    assert "Suunnittelijan perustelut" in html  # and the second person's text is kept
    update = GoalCardUpdate.objects.get(card=card_goal.card, year=year, tertial=tertial)
    assert update.status_reasons == "Omistajan perustelut"
    # Having seen it, the second save goes through.
    form_version = refused.context["form"].data["loaded_version"]
    assert form_version == goal_card_version(update)
    resaved = planner.post(
        url, {**post, "status_reasons": "Suunnittelijan perustelut", "loaded_version": form_version}
    )
    assert resaved.status_code == 302
    update.refresh_from_db()
    assert update.status_reasons == "Suunnittelijan perustelut"


def test_update_page__existing_period__form_filled_with_its_text(client_for, card_goal):
    url = reverse("strategy:goal-card-update", kwargs={"pk": card_goal.pk})
    page = client_for("hyte.asikkala").get(url, {"year": 2024, "tertial": 1})
    assert page.status_code == 200
    assert page.context["existing"] is not None
    assert "Palvelupolut ja matalan kynnyksen tuki" in page.content.decode()


@pytest.mark.parametrize(
    ("username", "status"),
    [("yhdistys.mll", 403), ("hyte.vaala", 403), ("hva.paijathame", 200), ("admin", 200)],
)
def test_update_page__roles(client_for, card_goal, username, status):
    url = reverse("strategy:goal-card-update", kwargs={"pk": card_goal.pk})
    assert client_for(username).get(url).status_code == status


# --- The static part ------------------------------------------------------------------------


def test_goal_card_save__frozen_plan__refused_with_reason(card):
    with pytest.raises(ValidationError) as error:
        goal_card_save(
            goal=card.goal,
            user=_user("hyte.asikkala"),
            loaded_version=goal_card_version(card),
            partners="Muutettu",
        )
    assert error.value.code == "frozen"
    assert "13.06.2022" in error.value.messages[0]
    card.refresh_from_db()
    assert "Mieli ry" in card.partners


def test_edit_page__frozen_plan__tells_why_and_changes_nothing(client_for, card):
    url = reverse("strategy:goal-card-edit", kwargs={"pk": card.goal_id})
    client = client_for("hyte.asikkala")
    page = client.get(url)
    assert page.status_code == 200
    assert "form" not in page.context
    assert "13.06.2022" in page.content.decode()
    response = client.post(
        url, {"card-loaded_version": goal_card_version(card), "card-partners": "Muutettu"}
    )
    assert response.status_code == 200
    card.refresh_from_db()
    assert "Mieli ry" in card.partners


@pytest.fixture
def draft_goal(demo) -> Goal:
    """A goal of Vaala's annual plan, which is still in planning; its owner is hyte.vaala."""
    goal = Goal.objects.filter(plan__municipality__code="785", plan__state=PlanState.PLANNING)
    return goal.order_by("pk").first()


def test_goal_card_save__draft_plan__card_and_tasks_saved(draft_goal):
    user = _user("hyte.vaala")
    card = goal_card_save(
        goal=draft_goal,
        user=user,
        loaded_version="",
        data_content="Perheiden osuus",
        partners="MLL Vaalan yhdistys",
        intermediate_year=2024,
        intermediate_value=12.5,
        tasks=[GoalCardTaskData("Perhekahvila", "2025"), GoalCardTaskData("  ")],
    )
    assert card.updated_by == user
    assert list(card.tasks.values_list("text", "schedule")) == [("Perhekahvila", "2025")]


def test_goal_card_save__value_without_year__refused(draft_goal):
    with pytest.raises(ValidationError) as error:
        goal_card_save(goal=draft_goal, user=None, loaded_version="", intermediate_value=3.0)
    assert "intermediate_year" in error.value.error_dict


def test_goal_card_save__two_people_edit_the_card__second_told_who_and_when(draft_goal):
    first = goal_card_save(
        goal=draft_goal, user=_user("hyte.vaala"), loaded_version="", partners="Alku"
    )
    loaded = goal_card_version(first)
    goal_card_save(
        goal=draft_goal, user=_user("hyte.vaala"), loaded_version=loaded, partners="Ensimmäinen"
    )
    with pytest.raises(GoalCardConflict) as conflict:
        goal_card_save(
            goal=draft_goal, user=_user("admin"), loaded_version=loaded, partners="Toinen"
        )
    assert "Jukka Leinonen" in conflict.value.messages[0]
    assert conflict.value.current.partners == "Ensimmäinen"


def test_edit_page__draft_plan__card_with_tasks_saved_and_conflict_shown(client_for, draft_goal):
    url = reverse("strategy:goal-card-edit", kwargs={"pk": draft_goal.pk})
    client = client_for("hyte.vaala")
    page = client.get(url)
    assert page.status_code == 200
    post = {
        "card-loaded_version": "",
        "card-data_content": "Sisältö",
        "card-partners": "Seurakunta",
        "card-dependencies": "",
        "card-follow_up_sources": "Kouluterveyskysely\nSotkanet",
        "tasks-TOTAL_FORMS": "2",
        "tasks-INITIAL_FORMS": "0",
        "tasks-MIN_NUM_FORMS": "0",
        "tasks-MAX_NUM_FORMS": "50",
        "tasks-0-text": "Perhekahvila",
        "tasks-0-schedule": "2025",
        "tasks-1-text": "",
        "tasks-1-schedule": "",
    }
    assert client.post(url, post).status_code == 302
    card = GoalCard.objects.get(goal=draft_goal)
    assert card.partners == "Seurakunta"
    assert [task.text for task in card.tasks.all()] == ["Perhekahvila"]
    # A second person who loaded the empty card saves over it: refused and shown the card.
    refused = client_for("admin").post(url, {**post, "card-partners": "Joku muu"})
    assert refused.status_code == 200
    html = refused.content.decode()
    [error] = refused.context["form"].non_field_errors()
    assert "Jukka Leinonen" in error and escape(error) in html
    assert "Seurakunta" in html
    card.refresh_from_db()
    assert card.partners == "Seurakunta"


def test_update_page__goal_without_card__sent_to_set_it_up(client_for, draft_goal):
    url = reverse("strategy:goal-card-update", kwargs={"pk": draft_goal.pk})
    response = client_for("hyte.vaala").get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("strategy:goal-card-edit", kwargs={"pk": draft_goal.pk})


def test_goal_card_page__draft_plan__hidden_from_the_public(client, client_for, draft_goal):
    url = reverse("strategy:goal-card", kwargs={"pk": draft_goal.pk})
    assert client.get(url).status_code == 302
    assert client_for("yhdistys.reuma").get(url).status_code == 404  # hidden, as in the API
    assert client_for("hyte.vaala").get(url).status_code == 200
    assert Plan.objects.get(pk=draft_goal.plan_id).state == PlanState.PLANNING


def test_goal_card_page__queries_do_not_grow_with_the_history(client_for, card):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("hyte.asikkala")
    url = card.get_absolute_url()
    client.get(url)  # warm up the session and the user's grants

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count()
    for year in (2021, 2022, 2023):
        for tertial in (1, 2, 3):
            GoalCardUpdate.objects.create(
                card=card, year=year, tertial=tertial, status=1, status_reasons="x"
            )
    assert count() == before


def test_update_page__future_period_posted__error_shown_nothing_saved(client_for, card_goal):
    url = reverse("strategy:goal-card-update", kwargs={"pk": card_goal.pk})
    year, _tertial = period_current()
    response = client_for("hyte.asikkala").post(
        url,
        {
            "year": year + 1,
            "tertial": 1,
            "loaded_version": "",
            "status": 1,
            "status_reasons": "x",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not GoalCardUpdate.objects.filter(card=card_goal.card, year=year + 1).exists()


def test_edit_page__goal_without_indicators__says_where_to_add_them(client_for, draft_goal):
    # Issue 12: the indicator list was empty, and nothing said it comes from the goal.
    draft_goal.goal_indicators.all().delete()
    page = client_for("hyte.vaala").get(
        reverse("strategy:goal-card-edit", kwargs={"pk": draft_goal.pk})
    )
    html = page.content.decode()
    goal_edit = reverse("strategy:goal-edit", kwargs={"pk": draft_goal.pk})
    assert "Tavoitetta ei vielä seurata millään indikaattorilla" in html
    assert f'<a href="{goal_edit}">' in html
