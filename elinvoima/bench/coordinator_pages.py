"""plan_page_coordinator_pg and goal_card_update_pg: what a signed-in welfare coordinator
does most, at national scale.

plan_page_coordinator_pg
  A: `GET /fi/plans/<id>/` as the plan's coordinator, warm: the editable view of the
     largest plan — a new version in planning of Tampere's newest plan (50 goals, 300
     measures), with every edit link and form the coordinator gets.
  B: the plan page's hand-written SQL (elinvoima.bench.plan_page) for the same plan, plus
     what any signed-in request reads — the session, the user and the user's memberships
     (the roles every permission is decided from) — plus the same client's `/healthz`.
  Checked: the page and the SQL show the same goals and measures, and the page is the
  editable one (it links to editing the plan).

goal_card_update_pg
  A: `POST /fi/goals/<id>/card/update/` as the coordinator: saving the update of the current
     four-month period of a goal of Tampere's approved plan (the follow-up), which answers
     with a redirect to the card.
  B: the same change by hand in one transaction — the session, the user and the memberships
     read, the card locked with its goal and plan, the period's update read, its change
     written to the audit log (old and new text, as the page logs it) and the update
     written — plus the same client's `/healthz`.
  Checked: each A's text is in the database afterwards.

The coordinator (`bench.coordinator`), the new plan version and the goal card are made
before measuring and deleted afterwards.
"""

import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client

from elinvoima.actors.enums import OrganisationKind, Role
from elinvoima.actors.models import Membership, Organisation, User
from elinvoima.strategy.enums import StatusLevel
from elinvoima.strategy.goal_cards.models import GoalCard, GoalCardUpdate
from elinvoima.strategy.goal_cards.services import (
    goal_card_update_save,
    goal_card_version,
    period_current,
)
from elinvoima.strategy.models import Goal, Measure, Plan, PriorityArea
from elinvoima.strategy.plans.services import plan_new_version

from .harness import Result, alternate, result_from_samples
from .plan_page import RAW_SQL, _check_same_rows, bench_plan_with_data

PAIRS = 30
USERNAME = "bench.coordinator"
EDIT_LINK = re.compile(r'href="/fi/plans/(\d+)/edit/"')

# What every signed-in request reads before the view: the session and its user (Django's
# SessionMiddleware and AuthenticationMiddleware), then the user's memberships, from which
# core's permission backend decides every predicate.
SIGNED_IN_SQL = [
    "SELECT session_data FROM django_session WHERE session_key = %(session)s "
    "AND expire_date > now()",
    "SELECT id, username, is_active, is_superuser FROM actors_user WHERE id = %(user)s",
    """
    SELECT m.role, o.id, o.kind, o.municipality_id, o.wellbeing_county_id
    FROM actors_membership m JOIN actors_organisation o ON o.id = m.organisation_id
    WHERE m.user_id = %(user)s
    """,
]


def _coordinator(plan: Plan) -> User:
    """Tampere's welfare coordinator: a member of the municipality's own organisation."""
    user, _created = User.objects.get_or_create(
        username=USERNAME, defaults={"first_name": "Koordinaattori", "last_name": "Vertailu"}
    )
    organisation = Organisation.objects.get(
        kind=OrganisationKind.MUNICIPALITY, municipality=plan.municipality
    )
    Membership.objects.get_or_create(user=user, organisation=organisation, role=Role.COORDINATOR)
    return user


def _signed_in_client(user: User) -> tuple[Client, dict]:
    client = Client()
    client.force_login(user)
    return client, {"session": client.session.session_key, "user": user.pk}


def _raw(statements: list[str], params: dict) -> list[list[tuple]]:
    connection.ensure_connection()
    results = []
    with connection.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement, params)
            results.append(cursor.fetchall())
    return results


def _signed_in_reads(params: dict) -> None:
    """B's share of a signed-in request: the session, the user and the memberships."""
    session, _user, memberships = _raw(SIGNED_IN_SQL, params)
    if not session or not memberships:
        raise RuntimeError("the coordinator's session or memberships are missing")


def _healthz(client: Client) -> None:
    if client.get("/healthz").status_code != 200:
        raise RuntimeError("/healthz failed")


def plan_page_coordinator_pg() -> Result:
    name = "plan_page_coordinator_pg"
    approved = bench_plan_with_data()
    user = _coordinator(approved)
    for left_over in Plan.objects.filter(previous_version=approved):  # of an earlier run
        _plan_delete(left_over)
    plan = plan_new_version(plan=approved, user=user)
    try:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        client, params = _signed_in_client(user)
        params["plan"] = plan.pk
        url = f"/fi/plans/{plan.pk}/"

        def page() -> str:
            response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            return response.content.decode()

        def raw() -> list[list[tuple]]:
            _signed_in_reads(params)
            results = _raw(RAW_SQL, params)
            _healthz(client)
            return results

        html = page()
        _check_same_rows(html, raw(), label=name)
        if str(plan.pk) not in EDIT_LINK.findall(html):
            raise RuntimeError("the coordinator's page does not link to editing the plan")
        for _ in range(3):  # warm: templates compiled, plans and pages cached
            page()
            raw()
        a, b = alternate(page, raw, pairs=PAIRS, label=name)
    finally:
        _plan_delete(plan)
    return result_from_samples(
        name,
        a,
        b,
        unit="ms",
        baseline="raw SQL",
        scale=1000,
        notes=f"GET {url} as the plan's coordinator (a version in planning: 50 goals, "
        f"300 measures), DEBUG={settings.DEBUG}",
    )


def _plan_delete(plan: Plan) -> None:
    """A version in planning deleted part by part: its measures and goals protect the plan."""
    with transaction.atomic():
        Measure.objects.filter(plan=plan).delete()
        Goal.objects.filter(plan=plan, parent__isnull=False).delete()
        Goal.objects.filter(plan=plan).delete()
        PriorityArea.objects.filter(plan=plan).delete()
        plan.delete()


def goal_card_update_pg() -> Result:
    name = "goal_card_update_pg"
    plan = bench_plan_with_data()
    user = _coordinator(plan)
    goal = Goal.objects.filter(plan=plan, parent__isnull=True).order_by("position", "id").first()
    card, _created = GoalCard.objects.get_or_create(goal=goal)
    year, tertial = period_current()
    try:
        client, params = _signed_in_client(user)
        params.update(
            card=card.pk,
            year=year,
            tertial=tertial,
            content_type=ContentType.objects.get_for_model(GoalCardUpdate).pk,
            repr=f"{goal} {year}/{tertial}",
        )
        url = f"/fi/goals/{goal.pk}/card/update/"
        runs = iter(range(1_000_000))
        text = {"current": ""}

        def loaded_version() -> str:
            update = GoalCardUpdate.objects.filter(card=card, year=year, tertial=tertial).first()
            return goal_card_version(update) if update else ""

        def next_text() -> None:
            text["current"] = f"Vertailutallennus {next(runs)}: toimenpiteet etenevät."

        def form() -> dict:
            next_text()
            return {
                "year": year,
                "tertial": tertial,
                "status": StatusLevel.values[1],
                "status_reasons": text["current"],
                "achieved": "Kolme toimenpidettä käynnistyi.",
                "planned": "Seuraavaksi arvioidaan vaikutukset.",
                "risks": "",
                "loaded_version": loaded_version(),
            }

        posted = {}

        def before_a():
            posted.update(form())

        def save():
            response = client.post(url, posted)
            if response.status_code != 302:
                raise RuntimeError(f"{url} answered {response.status_code}")

        def before_b():
            _check_saved(card, year, tertial, text["current"])
            next_text()

        def raw():
            _raw_update(params, text["current"])
            _healthz(client)

        # The update of the period exists from here on, as it does for every save but the first.
        goal_card_update_save(
            card=card,
            user=user,
            year=year,
            tertial=tertial,
            status=StatusLevel.values[1],
            status_reasons="Aloitettu.",
            loaded_version=loaded_version(),
        )
        for _ in range(3):
            before_a()
            save()
            before_b()
            raw()
        a, b = alternate(save, raw, before_a=before_a, before_b=before_b, pairs=PAIRS, label=name)
        _check_saved(card, year, tertial, text["current"])
    finally:
        card.delete()
    return result_from_samples(
        name,
        a,
        b,
        unit="ms",
        baseline="raw SQL",
        scale=1000,
        notes=f"POST {url} as the plan's coordinator (the update of {year}/{tertial}), "
        f"DEBUG={settings.DEBUG}",
    )


def _check_saved(card: GoalCard, year: int, tertial: int, reasons: str) -> None:
    saved = GoalCardUpdate.objects.get(card=card, year=year, tertial=tertial).status_reasons
    if saved != reasons:
        raise RuntimeError(f"the update holds {saved!r}, not {reasons!r}")


def _raw_update(params: dict, reasons: str) -> None:
    """B of goal_card_update_pg: the signed-in reads, then the card locked with its goal and
    plan, the period's update read, its change logged in the audit log and written, in one
    transaction."""
    with transaction.atomic():
        _signed_in_reads(params)
        changed = _raw(
            [
                """
                SELECT c.id, g.id, p.id, p.state, p.start_year, p.end_year, p.municipality_id
                FROM strategy_goalcard c JOIN strategy_goal g ON g.id = c.goal_id
                JOIN strategy_plan p ON p.id = g.plan_id
                WHERE c.id = %(card)s FOR UPDATE OF c
                """,
                """
                SELECT id, status, status_reasons, achieved, planned, risks, author_id, updated_at
                FROM strategy_goalcardupdate
                WHERE card_id = %(card)s AND year = %(year)s AND tertial = %(tertial)s
                """,
                # The audit log's entry of the change, as the page writes it (old → new).
                """
                INSERT INTO auditlog_logentry (content_type_id, object_pk, object_id,
                  object_repr, action, changes, changes_text, actor_id, remote_addr, timestamp)
                SELECT %(content_type)s, u.id::text, u.id, %(repr)s, 1,
                  jsonb_build_object('status_reasons',
                                     jsonb_build_array(u.status_reasons, %(reasons)s)),
                  '', %(user)s, '127.0.0.1', now()
                FROM strategy_goalcardupdate u
                WHERE card_id = %(card)s AND year = %(year)s AND tertial = %(tertial)s
                RETURNING id
                """,
                """
                UPDATE strategy_goalcardupdate
                SET status_reasons = %(reasons)s, author_id = %(user)s, updated_at = now()
                WHERE card_id = %(card)s AND year = %(year)s AND tertial = %(tertial)s
                RETURNING id
                """,
            ],
            {**params, "reasons": reasons},
        )
        if not changed[2] or not changed[3]:
            raise RuntimeError("B found no update to change")
