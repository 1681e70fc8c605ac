"""Storage of private files (grant applications' attachments): under PRIVATE_ROOT, outside
the web root, with no URL of their own — a view serves each after asking the permission,
as a download (`private_file_response`)."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse


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


def private_file_response(file, *, name: str, content_type: str) -> FileResponse:
    """The file as a download that the browser neither renders nor sniffs."""
    response = FileResponse(file.open("rb"), as_attachment=True, filename=name)
    response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
