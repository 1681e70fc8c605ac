"""Storage of private files (grant applications' and good practices' attachments): under
PRIVATE_ROOT, outside the web root, with no URL of their own — a view serves each after
asking the permission, as a download (`private_file_response`). A service stores an upload
with its row (`private_file_save`: no row, no file) and deletes the file once the removal
of its row is committed (`private_file_delete_on_commit`)."""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.utils import timezone


class PrivateStorage(FileSystemStorage):
    """FileSystemStorage rooted at settings.PRIVATE_ROOT (read on each use, so that tests can
    point it elsewhere), with no base URL."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("A private file has no URL: serve it through its view.")


_storage = PrivateStorage()


def private_storage() -> PrivateStorage:
    """For FileField(storage=…): a callable, so that migrations name it, not its settings."""
    return _storage


def random_name(folder: str, kind: str) -> str:
    """A stored document's name: its folder, the year, a random name — the original name
    is kept in the row only."""
    return f"{folder}/{timezone.now():%Y}/{uuid.uuid4().hex}.{kind}"


def private_file_response(file, *, name: str, content_type: str) -> FileResponse:
    """The file as a download that the browser neither renders nor sniffs; a stored file
    that is not there (removed at the same moment, or lost) is not found."""
    try:
        opened = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(opened, as_attachment=True, filename=name)
    response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def private_file_save(row: Model, upload, *, field: str = "file") -> None:
    """Store the upload in the row's file field (under the name its `upload_to` gives: a
    random one) and save the row. When the row cannot be saved, the stored file is deleted
    (a later rollback of the transaction leaves a nameless orphan at most)."""
    file: FieldFile = getattr(row, field)
    file.save(os.path.basename(upload.name or "") or "upload", upload, save=False)
    stored = file.name or ""
    try:
        row.save()
    except Exception:
        file.storage.delete(stored)
        raise


def private_file_delete_on_commit(file: FieldFile) -> None:
    """Delete the stored file once the transaction that removes its row is committed; a
    rolled-back removal keeps it."""
    storage, name = file.storage, file.name or ""
    if name:
        transaction.on_commit(lambda: storage.delete(name))
