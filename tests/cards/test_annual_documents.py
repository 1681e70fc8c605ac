"""An association's annual action plan and annual report: made from its card answers (the
report with the figures of its activities per goal), edited, shared with the municipality;
made once however many times it is asked; two representatives do not overwrite each
other; who reads what."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from elinvoima.cards.activities.services import ActivityData, activity_report
from elinvoima.cards.annual.models import AnnualDocument
from elinvoima.cards.annual.selectors import document_parts
from elinvoima.cards.annual.services import (
    annual_document_save,
    annual_document_start,
    document_version,
)
from elinvoima.cards.enums import ActivityKind, AnnualDocumentKind
from elinvoima.cards.models import CardDecision
from elinvoima.cards.permissions import annual_documents_visible_to
from elinvoima.cards.services import RowAnswer, card_decision_record, card_response_save
from tests.factories.actors import (
    MunicipalityFactory,
    client_of,
    official_of,
    representative_of,
)

TODAY = timezone.localdate()
PLAN, REPORT = AnnualDocumentKind.PLAN, AnnualDocumentKind.REPORT


@pytest.fixture
def answered(world):
    """This year's card, invited association, its answer to two of the three rows, and
    two activities for the falls row."""
    card_decision_record(
        user=world["coordinator"],
        municipality=world["municipality"],
        year=TODAY.year,
        body="Kunnan johtoryhmä",
        decided_on=TODAY,
        plan=world["plan"],
        goals=[world["elderly"]],
        opens_on=datetime.date(TODAY.year, 1, 1),
        closes_on=datetime.date(TODAY.year, 12, 31),
    )
    template = CardDecision.objects.get().templates.get()
    template.invited.add(world["association"])
    safe_home, loneliness, falls = world["subs"]
    card_response_save(
        user=world["representative"],
        template=template,
        organisation=world["association"],
        answers={
            loneliness.pk: RowAnswer("Kahvikerho", "Kerhossa kävi 20 uutta"),
            falls.pk: RowAnswer("Tuolijumppa", "Jumpassa 13 joka viikko"),
        },
    )
    for name in ("Tuolijumppa", "Tuolijumppa", "Rollaattorimarssi"):
        activity_report(
            user=world["representative"],
            organisation=world["association"],
            data=ActivityData(
                kind=ActivityKind.CLUB,
                name=name,
                starts_on=TODAY,
                participants=10,
                beyond_members=4,
                volunteer_hours=Decimal("2.5"),
                sub_goals=(falls,),
            ),
        )
    return world


def _start(world, kind=PLAN):
    return annual_document_start(
        user=world["representative"], organisation=world["association"], year=TODAY.year, kind=kind
    )


def test_plan__made_from_what_the_association_does(answered):
    document = _start(answered)

    texts = {s.goal.title_fi: s.text for s in document.sections.select_related("goal")}
    assert texts == {
        "Turvallinen asuminen ja turvallisuudentunne": "",
        "Yksinäisyyden vähentäminen": "Kahvikerho",
        "Kaatumisten ehkäisy": "Tuolijumppa",
    }
    assert _start(answered).pk == document.pk  # asked again: the same document
    assert AnnualDocument.objects.count() == 1


def test_report__how_it_succeeded_and_the_activities_counted_per_goal(answered):
    document = _start(answered, REPORT)

    (part,) = document_parts(document)
    rows = {row.section.goal.title_fi: row for row in part.rows}
    falls = rows["Kaatumisten ehkäisy"]
    assert falls.section.text == "Jumpassa 13 joka viikko"
    assert (falls.totals.activities, falls.totals.participants) == (3, 30)
    assert falls.totals.volunteer_hours == Decimal("7.5")
    assert falls.names == [("Tuolijumppa", 2), ("Rollaattorimarssi", 1)]
    assert rows["Yksinäisyyden vähentäminen"].totals is None


def test_save__texts_and_sharing__two_representatives_do_not_overwrite(answered):
    document = _start(answered)
    loaded = document_version(document)
    section = document.sections.get(goal=answered["subs"][0])
    annual_document_save(
        user=answered["representative"],
        document=document,
        introduction="Reumayhdistyksen vuosi",
        other_activities="Retki Ouluun",
        sections={section.pk: "Turvallisuuskävelyt"},
        share=True,
        loaded_version=loaded,
    )
    with pytest.raises(ValidationError) as refused:
        annual_document_save(
            user=representative_of(answered["association"]),
            document=document,
            introduction="Toinen versio",
            other_activities="",
            sections={},
            loaded_version=loaded,
        )

    assert refused.value.code == "conflict"
    document.refresh_from_db()
    assert document.introduction == "Reumayhdistyksen vuosi" and document.shared_at is not None
    section.refresh_from_db()
    assert section.text == "Turvallisuuskävelyt"


def test_who_reads_and_changes__predicate_and_queryset_agree(answered):
    document = _start(answered)
    official = official_of(answered["municipality"])
    outsider = official_of(MunicipalityFactory())

    with pytest.raises(Http404):  # not shared: hidden from the municipality
        annual_document_save(
            user=answered["coordinator"],
            document=document,
            introduction="",
            other_activities="",
            sections={},
        )
    assert set(annual_documents_visible_to(official)) == set()
    AnnualDocument.objects.filter(pk=document.pk).update(shared_at=timezone.now())
    document.refresh_from_db()

    for user, sees in (
        (answered["representative"], True),
        (official, True),
        (answered["coordinator"], True),
        (outsider, False),
    ):
        assert user.has_perm("cards.view_annual_document", document) is sees
        assert (document in set(annual_documents_visible_to(user))) is sees
    with pytest.raises(PermissionDenied):  # shared: read, never changed, by the municipality
        annual_document_save(
            user=answered["coordinator"],
            document=document,
            introduction="",
            other_activities="",
            sections={},
        )


def test_pages__representative_makes_the_report_edits_and_reads_it(answered):
    client = client_of(answered["representative"])
    listing = reverse("cards:organisation-annual", kwargs={"pk": answered["association"].pk})

    made = client.post(listing, {"year": str(TODAY.year), "kind": REPORT})
    document = AnnualDocument.objects.get()
    assert made["Location"] == reverse("cards:annual-document-edit", kwargs={"pk": document.pk})
    form = client.get(made["Location"]).content.decode()
    assert "Jumpassa 13 joka viikko" in form
    section = document.sections.get(goal=answered["subs"][2])
    saved = client.post(
        made["Location"],
        {
            "introduction": "Vuosi 2026",
            "other_activities": "",
            f"section_{section.pk}": "Tuolijumppa kokosi 30 osallistujaa",
            "loaded_version": document_version(document),
        },
    )
    page = client.get(saved["Location"]).content.decode()

    assert "Tuolijumppa kokosi 30 osallistujaa" in page and "Tuolijumppa ×2" in page
    assert client.post(listing, {"year": "1999", "kind": REPORT}).status_code == 302
    assert AnnualDocument.objects.count() == 1  # a year not offered is not made
