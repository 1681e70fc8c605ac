"""council_goal_view_pg and activity_report_phone: the wellbeing cards at national scale
(1,000,000 activity reports, elinvoima.bench.scale.activities).

council_goal_view_pg
  A: the council's summary of Tampere's cards of 2026 (`cards.summary.council_summary`, what
     the summary page shows): per card and sub-goal the associations that work on it, with
     their activities, participants, those reached beyond the members and volunteer hours;
     the invited associations that have not answered.
  B: the best hand-written SQL for the same figures: one aggregate statement over the cards'
     rows, their activity links and the activities (the same indexes), with the names of the
     associations gathered in it, and one statement for those that have not answered.
  Checked: A's figures and names are B's, row by row.

activity_report_phone
  A: `POST /fi/clubs/<id>/meeting/` as an association's volunteer, as the phone form sends it
     (drafts.js: fetch, answered 204 with the next address): one meeting of a club saved
     among the million activities.
  B: the same client's `GET /healthz`, a trivial request: the fixed cost of any request.
  Checked: each A made its activity.

The volunteer (`bench.volunteer`) and the club are made before measuring; the meetings
they report are deleted afterwards.
"""

import datetime
import uuid
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.test import Client

from elinvoima.actors.enums import OrganisationKind, Role
from elinvoima.actors.models import Membership, Organisation, User
from elinvoima.bench.plan_page import bench_plan_with_data
from elinvoima.bench.scale.activities import (
    activity_scale_exists,
    activity_scale_generate,
    bench_decision,
)
from elinvoima.cards.models import Activity, CardDecision, Club
from elinvoima.cards.summary import council_summary

from .harness import Result, alternate, progress, result_from_samples

SEED = 1
PAIRS = 30

RAW_SUMMARY = """
WITH card AS (
  SELECT t.id, t.goal_id, t.position FROM cards_cardtemplate t WHERE t.decision_id = %(decision)s
), row_goal AS (
  SELECT card.id AS card_id, card.position, COALESCE(sub.id, card.goal_id) AS goal_id,
         COALESCE(sub.position, 0) AS goal_position
  FROM card LEFT JOIN strategy_goal sub ON sub.parent_id = card.goal_id
), done AS (
  SELECT l.goal_id, a.organisation_id, a.participants, a.beyond_members, a.volunteer_hours
  FROM cards_activity_sub_goals l
  JOIN cards_activity a ON a.id = l.activity_id
  WHERE l.goal_id IN (SELECT goal_id FROM row_goal)
    AND a.municipality_id = %(municipality)s
    AND a.starts_on >= %(start)s AND a.starts_on < %(end)s
), answered AS (
  SELECT ans.sub_goal_id AS goal_id, r.organisation_id
  FROM cards_cardanswer ans
  JOIN cards_cardresponse r ON r.id = ans.response_id
  JOIN cards_cardtemplate t ON t.id = r.template_id
  WHERE t.decision_id = %(decision)s AND r.state <> 'draft' AND ans.what_we_do <> ''
)
SELECT rg.card_id, rg.goal_id,
  (SELECT count(*) FROM done d WHERE d.goal_id = rg.goal_id),
  (SELECT coalesce(sum(d.participants), 0) FROM done d WHERE d.goal_id = rg.goal_id),
  (SELECT coalesce(sum(d.beyond_members), 0) FROM done d WHERE d.goal_id = rg.goal_id),
  (SELECT coalesce(sum(d.volunteer_hours), 0) FROM done d WHERE d.goal_id = rg.goal_id),
  ARRAY(SELECT DISTINCT o.name_fi FROM actors_organisation o
        WHERE o.id IN (SELECT d.organisation_id FROM done d WHERE d.goal_id = rg.goal_id
                       UNION SELECT w.organisation_id FROM answered w
                       WHERE w.goal_id = rg.goal_id)
        ORDER BY o.name_fi)
FROM row_goal rg ORDER BY rg.position, rg.card_id, rg.goal_position, rg.goal_id
"""

RAW_NOT_ANSWERED = """
SELECT i.cardtemplate_id, o.name_fi
FROM cards_cardtemplate_invited i
JOIN cards_cardtemplate t ON t.id = i.cardtemplate_id
JOIN actors_organisation o ON o.id = i.organisation_id
WHERE t.decision_id = %(decision)s AND NOT EXISTS (
  SELECT 1 FROM cards_cardresponse r
  WHERE r.template_id = i.cardtemplate_id AND r.organisation_id = i.organisation_id
    AND r.state <> 'draft')
ORDER BY o.name_fi
"""


def _decision_with_data() -> CardDecision:
    bench_plan_with_data()  # the actors and plans, made where missing; ANALYZE
    if not activity_scale_exists():
        progress("council_goal_view_pg: generating 1,000,000 activities (seed 1)")
        result = activity_scale_generate(seed=SEED)
        progress(
            f"council_goal_view_pg: {result.activities} activities, {result.goal_links} goal "
            f"links in {result.seconds:.1f} s"
        )
    decision = bench_decision()
    if decision is None:
        raise RuntimeError("no benchmark card decision in the scale data")
    return decision


def council_goal_view_pg() -> Result:
    decision = _decision_with_data()
    start = datetime.date(decision.year, 1, 1)
    params = {
        "decision": decision.pk,
        "municipality": decision.municipality_id,
        "start": start,
        "end": start.replace(year=decision.year + 1),
    }

    def summary():
        return council_summary(decision)

    def raw():
        connection.ensure_connection()
        with connection.connection.cursor() as cursor:
            cursor.execute(RAW_SUMMARY, params)
            rows = cursor.fetchall()
            cursor.execute(RAW_NOT_ANSWERED, params)
            return rows, cursor.fetchall()

    figures = _check_same(summary(), raw())
    for _ in range(3):
        summary()
        raw()
    a, b = alternate(summary, raw, pairs=PAIRS, label="council_goal_view_pg")
    total = Activity.objects.count()
    return result_from_samples(
        "council_goal_view_pg",
        a,
        b,
        unit="ms",
        baseline="raw SQL",
        scale=1000,
        notes=f"{figures} of {total} activities in the database, DEBUG={settings.DEBUG}",
    )


def _check_same(cards, raw) -> str:
    rows, not_answered = raw
    ours = [
        (
            card.card.pk,
            row.goal.pk,
            row.activities,
            row.participants,
            row.beyond_members,
            Decimal(row.volunteer_hours),
            sorted(row.organisations),
        )
        for card in cards
        for row in card.rows
    ]
    theirs = [(c, g, n, p, b, Decimal(h), sorted(names)) for c, g, n, p, b, h, names in rows]
    if ours != theirs:
        raise RuntimeError("the summary and the SQL differ")
    silent = sorted((card.card.pk, name) for card in cards for name in card.not_answered)
    if silent != sorted(not_answered):
        raise RuntimeError("the associations that have not answered differ")
    activities = sum(row[2] for row in ours)
    if not activities:
        raise RuntimeError("the benchmark's cards have no activities")
    progress(f"council_goal_view_pg: {len(ours)} rows, {activities} activities summed")
    return f"{len(cards)} cards, {len(ours)} rows, {activities} activities summed"


# --- activity_report_phone ---------------------------------------------------------------------


def _volunteer_club(decision: CardDecision) -> tuple[User, Club]:
    organisation = (
        Organisation.objects.filter(
            municipality_id=decision.municipality_id, kind=OrganisationKind.ASSOCIATION
        )
        .order_by("pk")
        .first()
    )
    user, _created = User.objects.get_or_create(username="bench.volunteer")
    Membership.objects.get_or_create(
        user=user, organisation=organisation, role=Role.ASSOCIATION_REPRESENTATIVE
    )
    club = Club.objects.filter(organisation=organisation, name="Benchmark: tuolijumppa").first()
    if club is None:
        club = Club.objects.create(
            organisation=organisation,
            municipality_id=decision.municipality_id,
            name="Benchmark: tuolijumppa",
            volunteers=2,
            volunteer_hours=3,
        )
        rows = decision.templates.values_list("goal_id", flat=True)
        club.sub_goals.set(list(rows)[:1])
    return user, club


def activity_report_phone() -> Result:
    decision = _decision_with_data()
    user, club = _volunteer_club(decision)
    client = Client()
    client.force_login(user)
    url = f"/fi/clubs/{club.pk}/meeting/"
    today = datetime.date.today().isoformat()
    keys: list[str] = []

    def save():
        key = str(uuid.uuid4())
        response = client.post(
            url,
            {
                "starts_on": today,
                "participants": "12",
                "in_target_group": "9",
                "beyond_members": "2",
                "volunteers": "2",
                "volunteer_hours": "3",
                "client_key": key,
            },
            headers={"X-Requested-With": "fetch"},
        )
        if response.status_code != 204:
            raise RuntimeError(f"{url} answered {response.status_code}")
        keys.append(key)

    def trivial():
        if client.get("/healthz").status_code != 200:
            raise RuntimeError("/healthz failed")

    try:
        for _ in range(3):
            save()
            trivial()
        a, b = alternate(save, trivial, pairs=PAIRS, label="activity_report_phone")
        made = Activity.objects.filter(club=club, client_key__in=keys).count()
        if made != len(keys):
            raise RuntimeError(f"{len(keys)} meetings sent, {made} saved")
    finally:
        Activity.objects.filter(club=club).delete()
    return result_from_samples(
        "activity_report_phone",
        a,
        b,
        unit="ms",
        baseline="GET /healthz",
        scale=1000,
        notes=f"POST {url} (204), {Activity.objects.count()} activities in the database, "
        f"DEBUG={settings.DEBUG}",
    )
