"""The printable wellbeing card: `cards:card-pdf` draws the card page's content as a PDF with
WeasyPrint. Each user's PDF shows what the card page shows them: everyone the accepted
answers, an association its own answer too (never another's draft), those who work in the
municipality every answer and the council's summary figures per sub-goal.

No tool on every machine reads a PDF's text back (the fonts are subset), so each test keeps
the HTML the PDF was drawn from (`printed`) and asserts on it, and checks that the bytes are
a real PDF of A4 pages."""

import datetime
import re
import zlib
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from elinvoima.cards import printing
from elinvoima.cards.activities.services import ActivityData, activity_report
from elinvoima.cards.enums import ActivityKind
from elinvoima.cards.services import (
    RowAnswer,
    card_decision_record,
    card_response_accept,
    card_response_save,
    response_version,
)
from tests.factories.actors import OrganisationFactory, client_of, representative_of

TODAY = timezone.localdate()
ACCEPTED = "Rollaattorimarssi laidunkauden avajaisiin"
SENT = "Kylätalon kahvit torstaisin"
DRAFT = "Keskeneräinen ajatus kerhosta"
FIGURES = "Activities reported"  # the label of the summary's figures (the English page)
A4_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]")
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


@pytest.fixture
def printed(monkeypatch):
    """The HTML documents drawn into PDFs during the test, in order (drawn for real)."""
    documents: list[str] = []
    draw = printing.pdf_from_html

    def keep(html: str) -> bytes:
        documents.append(html)
        return draw(html)

    monkeypatch.setattr(printing, "pdf_from_html", keep)
    return documents


@pytest.fixture
def card(world):
    """This year's Ikäihmiset-kortti with three associations' answers: one accepted, one
    sent, one a draft; and an activity reported for a sub-goal."""
    decision = card_decision_record(
        user=world["coordinator"],
        municipality=world["municipality"],
        year=TODAY.year,
        body="Kunnan johtoryhmä",
        decided_on=TODAY,
        reference="§ 4",
        plan=world["plan"],
        goals=[world["elderly"]],
        opens_on=datetime.date(TODAY.year, 1, 1),
        closes_on=datetime.date(TODAY.year, 12, 31),
    )
    template = decision.templates.get()
    template.name_fi, template.name_sv = "Ikäihmiset-kortti", "Äldrekortet"
    template.name_en = "Older people's card"
    template.save()
    falls, loneliness = world["subs"][2], world["subs"][1]
    accepted = world["association"]
    sent = OrganisationFactory(municipality=world["municipality"])
    drafting = OrganisationFactory(municipality=world["municipality"])
    template.invited.add(accepted, sent, drafting)
    response = card_response_save(
        user=world["representative"],
        template=template,
        organisation=accepted,
        answers={falls.pk: RowAnswer(ACCEPTED, "40 kävelijää")},
        submit=True,
    )
    card_response_accept(
        user=world["coordinator"], response=response, loaded_version=response_version(response)
    )
    card_response_save(
        user=representative_of(sent),
        template=template,
        organisation=sent,
        answers={loneliness.pk: RowAnswer(SENT, "")},
        submit=True,
    )
    drafter = representative_of(drafting)
    card_response_save(
        user=drafter,
        template=template,
        organisation=drafting,
        answers={loneliness.pk: RowAnswer(DRAFT, "")},
    )
    activity_report(
        user=world["representative"],
        organisation=accepted,
        data=ActivityData(
            kind=ActivityKind.EVENT,
            name=ACCEPTED,
            starts_on=TODAY,
            participants=47,
            beyond_members=13,
            volunteer_hours=Decimal("18.5"),
            sub_goals=(falls,),
        ),
    )
    return {"template": template, "sent": sent, "drafter": drafter}


def _pdf(user, template, language="en"):
    from django.utils import translation

    with translation.override(language):
        url = reverse("cards:card-pdf", kwargs={"pk": template.pk})
    return client_of(user).get(url)


def _assert_a_pdf(response, name: str):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{name}-{TODAY.year}.pdf"'
    assert response.content.startswith(b"%PDF-")
    objects = _pdf_objects(response.content)
    pages = re.findall(rb"/Type\s*/Page\b", objects)
    assert pages, "a PDF with no page"
    assert len(A4_MEDIA_BOX.findall(objects)) == len(pages)  # every page is A4


def _pdf_objects(pdf: bytes) -> bytes:
    """The PDF's objects as text: WeasyPrint packs them into compressed object streams."""
    unpacked = [pdf]
    for stream in STREAM.findall(pdf):
        try:
            unpacked.append(zlib.decompress(stream))
        except zlib.error:
            continue  # not deflated: nothing to read in it
    return b"\n".join(unpacked)


def test_pdf__anonymous__the_accepted_answers_only__no_figures(world, card, printed):
    response = _pdf(None, card["template"])

    _assert_a_pdf(response, "older-peoples-card")
    (html,) = printed
    assert '<html lang="en">' in html
    assert ACCEPTED in html and "40 kävelijää" in html
    assert SENT not in html and DRAFT not in html
    assert FIGURES not in html and ">47<" not in html  # (an organisation may be "Association 447")
    assert "Kunnan johtoryhmä" in html and "§ 4" in html
    for sub_goal in world["subs"]:
        assert sub_goal.title_en in html  # every sub-goal, answered or not
    headings = re.findall(r"<h([1-3])\b", html)
    assert headings[0] == "1" and headings.count("1") == 1
    assert all(int(b) - int(a) <= 1 for a, b in zip(headings, headings[1:], strict=False))
    assert "@bottom-right" in html and 'counter(page) " / " counter(pages)' in html


def test_pdf__coordinator__every_answer_with_its_state_and_the_summary_figures(
    world, card, printed
):
    response = _pdf(world["coordinator"], card["template"], language="fi")

    _assert_a_pdf(response, "ikaihmiset-kortti")
    (html,) = printed
    assert '<html lang="fi">' in html
    assert ACCEPTED in html
    assert SENT in html and f"{card['sent'].name} (Lähetetty)" in html  # not yet accepted
    assert "Kirjattuja toimintoja" in html  # the council's summary: "Activities reported"
    assert ">47<" in html and ">13<" in html and "18,5" in html


def test_pdf__association__its_own_draft_never_another_associations(world, card, printed):
    drafter = card["drafter"]

    _assert_a_pdf(_pdf(drafter, card["template"]), "older-peoples-card")
    _assert_a_pdf(_pdf(world["representative"], card["template"]), "older-peoples-card")

    own, other = printed
    assert DRAFT in own and ACCEPTED in own
    assert DRAFT not in other and SENT not in other
    assert FIGURES not in own and FIGURES not in other


def test_pdf__a_missing_card__answers_as_the_card_page(card):
    missing = {"pk": card["template"].pk + 1000}
    anonymous = client_of(None)

    assert anonymous.get(reverse("cards:card", kwargs=missing)).status_code == 404
    assert anonymous.get(reverse("cards:card-pdf", kwargs=missing)).status_code == 404
    page = anonymous.get(reverse("cards:card", kwargs={"pk": card["template"].pk}))
    assert reverse("cards:card-pdf", kwargs={"pk": card["template"].pk}) in page.content.decode()


def test_pdf__fetches_nothing__a_url_in_the_document_is_refused(monkeypatch):
    import urllib.request

    opened = []
    monkeypatch.setattr(
        urllib.request.OpenerDirector, "open", lambda self, url, *a, **k: opened.append(url)
    )
    html = (
        '<html lang="fi"><head><link rel="stylesheet" href="https://cdn.example/x.css">'
        '<link rel="stylesheet" href="/etc/passwd"></head>'
        '<body><img src="http://example.org/logo.png" alt="">Teksti</body></html>'
    )

    assert printing.pdf_from_html(html).startswith(b"%PDF-")
    assert opened == []  # refused before anything was opened (WeasyPrint only warns)
