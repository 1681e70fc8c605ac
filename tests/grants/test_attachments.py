"""Attachments of grant applications (issue 15): PDF and office documents only, told by
their content; active content (PDF scripts, Office macros) and zip bombs refused; at most ten
files of 10 MB; stored under random names outside the web root and sent as downloads only to
those who may read the application; added and removed only while it is a draft."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.urls import reverse

from elinvoima.core import document_files as files
from elinvoima.core.document_files import checked_kind
from elinvoima.grants.applications.models import Attachment
from elinvoima.grants.applications.services import (
    attachment_add,
    attachment_remove,
    grant_application_submit,
)
from elinvoima.grants.models import GrantRound
from tests.factories.actors import client_of
from tests.grants.conftest import draft_application

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("plan.pdf", PDF, "pdf"), ("Budjetti.DOCX", DOCX, "docx"), ("plan.odt", ODT, "odt")],
)
def test_files__pdf_and_office_documents_told_by_their_content(name, content, kind):
    assert checked_kind(_upload(name, content)).extension == kind


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("virus.exe", b"MZ\x90\x00", "file_kind"),
        ("macros.docm", DOCX, "file_kind"),
        ("old.doc", b"\xd0\xcf\x11\xe0", "file_kind"),
        ("fake.pdf", DOCX, "not_what_named"),
        ("fake.docx", PDF, "not_what_named"),
        ("sheet.xlsx", DOCX, "not_what_named"),  # a text document named as a spreadsheet
        (
            "script.pdf",
            PDF.replace(b"/Catalog", b"/Catalog/OpenAction<</JS(app.alert(1))>>"),
            "active_content",
        ),
        (
            "macro.docx",
            _zip({"[Content_Types].xml": b"", "word/vbaProject.bin": b"x"}),
            "active_content",
        ),
        (
            "macro.odt",
            _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "Basic/x.xml": b""}),
            "active_content",
        ),
        ("big.pdf", PDF + b"0" * files.MAX_BYTES, "too_large"),
    ],
)
def test_files__refused_saying_why(name, content, code):
    with pytest.raises(ValidationError) as refused:
        checked_kind(_upload(name, content))
    assert refused.value.code == code


def test_files__a_zip_bomb_refused(monkeypatch):
    monkeypatch.setattr(files, "MAX_UNPACKED", 1000)
    bomb = _zip({"[Content_Types].xml": b"", "word/document.xml": b"0" * 5000})
    assert len(bomb) < 1000
    with pytest.raises(ValidationError) as refused:
        checked_kind(_upload("bomb.docx", bomb))
    assert refused.value.code == "bomb"


def test_attachments__on_the_draft_only__at_most_ten__removed_with_the_file(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    application = draft_application(world)
    representative = world["representative"]
    attachment = attachment_add(
        user=representative, application=application, upload=_upload("plan.pdf", PDF)
    )
    assert attachment.file.name.startswith("grant-attachments/")
    assert "plan" not in attachment.file.name  # a random name; the original kept in the row
    assert attachment.file.read() == PDF
    with pytest.raises(Http404):  # another applicant does not even see the application
        attachment_add(user=world["other"], application=application, upload=_upload("x.pdf", PDF))
    monkeypatch.setattr("elinvoima.grants.applications.services.MAX_FILES", 1)
    with pytest.raises(ValidationError):
        attachment_add(user=representative, application=application, upload=_upload("y.pdf", PDF))
    storage, name = attachment.file.storage, attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        attachment_remove(user=representative, attachment=attachment)
    assert not Attachment.objects.exists() and not storage.exists(name)

    attachment = attachment_add(
        user=representative, application=application, upload=_upload("plan.pdf", PDF)
    )
    grant_application_submit(user=representative, application=application)
    with pytest.raises(ValidationError):
        attachment_remove(user=representative, attachment=attachment)
    with pytest.raises(ValidationError):
        attachment_add(user=representative, application=application, upload=_upload("z.pdf", PDF))


def test_pages__attached_on_the_page__downloaded_by_its_readers_only(world):
    application = draft_application(world)
    url = reverse("grants:attachments", kwargs={"pk": application.pk})
    client = client_of(world["representative"])
    response = client.post(url, {"file": _upload("virus.exe", b"MZ")})
    assert response.status_code == 200 and not Attachment.objects.exists()
    assert 'id="id_file_error"' in response.content.decode()
    assert client.post(url, {"file": _upload("Toimintasuunnitelma.pdf", PDF)}).status_code == 302
    attachment = Attachment.objects.get()
    download = reverse("grants:attachment", kwargs={"pk": attachment.pk})
    coordinator = client_of(world["coordinator"])
    assert coordinator.get(download).status_code == 404  # a draft is the association's own
    grant_application_submit(user=world["representative"], application=application)
    response = coordinator.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert 'attachment; filename="Toimintasuunnitelma.pdf"' in response["Content-Disposition"]
    assert client_of(world["other"]).get(download).status_code == 404
    assert client_of(None).get(download).status_code == 302  # to log in


def test_submit__with_an_attachment_where_the_round_asks_for_them(world):
    GrantRound.objects.filter(pk=world["round"].pk).update(attachments_asked="Toimintasuunnitelma")
    application = draft_application(world)
    with pytest.raises(ValidationError) as refused:
        grant_application_submit(user=world["representative"], application=application)
    assert "attachments" in refused.value.message_dict
    attachment_add(
        user=world["representative"], application=application, upload=_upload("plan.pdf", PDF)
    )
    application = grant_application_submit(user=world["representative"], application=application)
    assert application.state == "submitted"
