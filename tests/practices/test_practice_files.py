"""Attachments of good practices (Innokylä's "Liitteet"): PDF and office documents told by
their content (core.document_files), active content refused, at most MAX_FILES of them;
stored under random names in the private storage and sent as downloads only to those who
may read the record — a draft's files are hidden exactly as the draft is, a published
record's are anyone's; attached and removed by those who may change the record."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import Client
from django.urls import reverse
from docx import Document
from pypdf import PdfWriter
from pypdf.actions import JavaScript

from elinvoima.practices.models import PracticeFile
from elinvoima.practices.services import (
    PracticeData,
    practice_file_add,
    practice_file_remove,
    practice_review,
    practice_save,
    practice_submit,
)
from tests.factories import (
    OrganisationFactory,
    WellbeingCountyFactory,
    client_of,
    county_official_of,
    member_of,
)

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _pdf(*, script: str = "") -> bytes:
    """A real one-page PDF (pypdf), with a script run when it is opened if `script`."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "Kyläillat"})
    if script:
        writer.add_open_action(JavaScript(script))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _docx() -> bytes:
    """A real Word document (python-docx)."""
    document = Document()
    document.add_heading("Kyläiltojen käsikirja", level=1)
    document.add_paragraph("Kysy ensin, kerro sitten.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


PDF = _pdf()
DOCX = _docx()


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path


@pytest.fixture
def keeper(db):
    return member_of(OrganisationFactory(name_fi="Vaalan kyläyhdistys"))


@pytest.fixture
def editor(db):
    return county_official_of(WellbeingCountyFactory())


@pytest.fixture
def draft(keeper):
    """A short example of the keeper's, complete but still a draft."""
    return practice_save(
        user=keeper,
        data=PracticeData(
            texts={"name_fi": "Kyläillat", "summary_fi": "Kunta tulee kylään kuulemaan."},
            facts={"kind": "example", "phase": "established", "source": "Vaalan Sanomat"},
            topics=["villages"],
            audiences=["whole_population"],
        ),
    )


def _published(practice, keeper, editor):
    practice_submit(user=keeper, practice=practice)
    return practice_review(user=editor, practice=practice, publish=True)


def _file_url(practice_file: PracticeFile, name: str = "practices:file") -> str:
    return reverse(name, kwargs={"pk": practice_file.practice_id, "file_pk": practice_file.pk})


def test_add__a_pdf_and_a_docx_told_by_their_content__stored_under_random_names(
    draft, keeper, tmp_path
):
    pdf = practice_file_add(user=keeper, practice=draft, upload=_upload("Käsikirja.pdf", PDF))
    docx = practice_file_add(user=keeper, practice=draft, upload=_upload("Ohje.DOCX", DOCX))
    assert [(f.name, f.kind, f.size) for f in draft.files.all()] == [
        ("Käsikirja.pdf", "pdf", len(PDF)),
        ("Ohje.DOCX", "docx", len(DOCX)),
    ]
    assert pdf.uploaded_by == keeper
    for practice_file, content in ((pdf, PDF), (docx, DOCX)):
        stored = practice_file.file.name
        assert stored.startswith("practice-files/") and stored.endswith(f".{practice_file.kind}")
        assert "sikirja" not in stored and "Ohje" not in stored  # the original name: the row's
        assert (tmp_path / stored).read_bytes() == content  # under PRIVATE_ROOT


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("script.pdf", _pdf(script="app.alert('x');"), "active_content"),
        ("plan.exe", PDF, "file_kind"),  # a PDF, but named as something else
        ("plan.txt", "Kyläillat".encode(), "file_kind"),
        ("plan.docx", PDF, "not_what_named"),
        ("plan.pdf", DOCX, "not_what_named"),
    ],
)
def test_add__refused_saying_why__nothing_stored(draft, keeper, tmp_path, name, content, code):
    with pytest.raises(ValidationError) as refused:
        practice_file_add(user=keeper, practice=draft, upload=_upload(name, content))
    assert refused.value.code == code
    assert not PracticeFile.objects.exists()
    assert not any(path.is_file() for path in tmp_path.rglob("*"))


def test_add__at_most_max_files(draft, keeper, monkeypatch):
    monkeypatch.setattr("elinvoima.practices.services.MAX_FILES", 2)
    for number in range(2):
        practice_file_add(user=keeper, practice=draft, upload=_upload(f"{number}.pdf", PDF))
    with pytest.raises(ValidationError) as refused:
        practice_file_add(user=keeper, practice=draft, upload=_upload("3.pdf", PDF))
    assert refused.value.code == "too_many"
    assert draft.files.count() == 2


def test_drafts_files__hidden_from_outsiders_exactly_as_the_draft(draft, keeper):
    practice_file = practice_file_add(user=keeper, practice=draft, upload=_upload("a.pdf", PDF))
    outsider = member_of(OrganisationFactory())
    with pytest.raises(Http404):
        practice_file_add(user=outsider, practice=draft, upload=_upload("b.pdf", PDF))
    with pytest.raises(Http404):
        practice_file_remove(user=outsider, practice_file=practice_file)
    stranger = client_of(outsider)
    files_page = reverse("practices:files", kwargs={"pk": draft.pk})
    assert stranger.get(draft.get_absolute_url()).status_code == 404
    assert stranger.get(files_page).status_code == 404
    assert stranger.post(files_page, {"file": _upload("b.pdf", PDF)}).status_code == 404
    assert stranger.get(_file_url(practice_file)).status_code == 404
    assert stranger.post(_file_url(practice_file, "practices:file-remove")).status_code == 404
    anonymous = Client()
    assert anonymous.get(draft.get_absolute_url()).status_code == 302  # to log in
    assert anonymous.get(_file_url(practice_file)).status_code == 302
    # a file of another record under this one's address is not found either
    other = practice_save(
        user=keeper, data=PracticeData(texts={"name_fi": "Toinen"}, facts={"phase": "ready"})
    )
    misplaced = reverse("practices:file", kwargs={"pk": other.pk, "file_pk": practice_file.pk})
    assert client_of(keeper).get(misplaced).status_code == 404
    assert draft.files.count() == 1
    response = client_of(keeper).get(_file_url(practice_file))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


def test_published_files__downloaded_by_anyone__changed_by_editors_only(draft, keeper, editor):
    practice_file_add(user=keeper, practice=draft, upload=_upload("Käsikirja.docx", DOCX))
    published = _published(draft, keeper, editor)
    practice_file = published.files.get()
    response = Client().get(_file_url(practice_file))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == DOCX
    assert response["Content-Type"] == DOCX_TYPE
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "K%C3%A4sikirja.docx" in response["Content-Disposition"]
    # published: its keepers no longer change it (403), an editor does
    with pytest.raises(PermissionDenied):
        practice_file_add(user=keeper, practice=published, upload=_upload("b.pdf", PDF))
    files_page = reverse("practices:files", kwargs={"pk": published.pk})
    assert client_of(keeper).get(files_page).status_code == 403
    assert Client().get(files_page).status_code == 302  # to log in
    assert client_of(editor).get(files_page).status_code == 200
    practice_file_add(user=editor, practice=published, upload=_upload("b.pdf", PDF))
    assert published.files.count() == 2


def test_pages__attached_listed_with_kind_and_size__errors_in_the_users_language(draft, keeper):
    client = client_of(keeper)
    files_page = reverse("practices:files", kwargs={"pk": draft.pk})
    assert client.get(files_page).status_code == 200
    response = client.post(files_page, {"file": _upload("Käsikirja.pdf", PDF)})
    assert response.status_code == 302 and response["Location"] == files_page
    page = client.get(draft.get_absolute_url()).content.decode()
    practice_file = draft.files.get()
    assert f'href="{_file_url(practice_file)}" download>Käsikirja.pdf</a>' in page
    assert "(PDF, " in page
    # a refusal at the file field, in Swedish on the Swedish page, the summary made by forms.js
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("elinvoima.practices.services.MAX_FILES", 1)
        swedish = f"/sv{files_page.removeprefix('/fi')}"
        refused = client.post(swedish, {"file": _upload("b.pdf", PDF)}).content.decode()
    assert 'id="id_file_error"' in refused and "Bifoga högst 1 filer." in refused
    refused = client.post(swedish, {"file": _upload("virus.exe", b"MZ")}).content.decode()
    assert "Bifoga PDF-filer eller Office- eller OpenDocument-dokument" in refused
    assert draft.files.count() == 1


def test_remove__asked_first__the_stored_file_deleted_once_saved(
    draft, keeper, django_capture_on_commit_callbacks
):
    practice_file = practice_file_add(user=keeper, practice=draft, upload=_upload("a.pdf", PDF))
    storage, stored = practice_file.file.storage, practice_file.file.name
    client = client_of(keeper)
    remove = _file_url(practice_file, "practices:file-remove")
    assert "a.pdf" in client.get(remove).content.decode()  # the question first
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(remove)
        assert storage.exists(stored)  # kept until the removal is committed
    assert response.status_code == 302
    assert response["Location"] == reverse("practices:files", kwargs={"pk": draft.pk})
    assert not PracticeFile.objects.exists()
    for callback in callbacks:
        callback()
    assert not storage.exists(stored)
    assert client.get(_file_url(practice_file)).status_code == 404


def test_download__a_lost_stored_file_is_not_found(draft, keeper):
    practice_file = practice_file_add(user=keeper, practice=draft, upload=_upload("a.pdf", PDF))
    practice_file.file.storage.delete(practice_file.file.name)
    assert client_of(keeper).get(_file_url(practice_file)).status_code == 404


def test_api__the_files_with_their_download_addresses(draft, keeper, editor):
    practice_file_add(user=keeper, practice=draft, upload=_upload("Käsikirja.pdf", PDF))
    assert Client().get(reverse("api:practice-detail", kwargs={"pk": draft.pk})).status_code == 404
    published = _published(draft, keeper, editor)
    found = Client().get(reverse("api:practice-detail", kwargs={"pk": published.pk})).json()
    practice_file = published.files.get()
    assert found["files"] == [
        {
            "name": "Käsikirja.pdf",
            "kind": "pdf",
            "size": len(PDF),
            "url": f"http://testserver{_file_url(practice_file)}",
        }
    ]
    response = Client().get(found["files"][0]["url"])
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
