"""Which documents a user may upload: grant applications' attachments (issue 15: "PDF and
office files, size-limited, virus-safe") and the documents of a meeting's agenda. No
virus scanner runs on a closed network without its signature updates, so the check is by
structure: the file must be what its name says — a PDF, or an Office Open XML or
OpenDocument text, spreadsheet or presentation — told by its content, not by its name or
the browser's word; active content is refused (a PDF's JavaScript, launch actions or
embedded files; Office macros, which only the macro-enabled formats and the old binary
formats carry, and those are refused altogether); a zip that would unpack to much more
than it weighs is refused. The stored file gets a random name outside the web root and is
only ever sent as a download."""

import os
import re
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 10
MAX_UNPACKED = 100 * 1024 * 1024
MAX_ENTRIES = 2000
PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|OpenAction|AA|RichMedia|XFA)\b")


@dataclass(frozen=True)
class Kind:
    extension: str
    content_type: str


OOXML = {
    "docx": ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
ODF = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
ALLOWED = ("pdf", *OOXML, *ODF)


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def checked_kind(upload) -> Kind:
    """The kind of an uploaded file, or a ValidationError saying why it is refused."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if upload.size > MAX_BYTES:
        raise _refuse(_("The file is too large. Attach files of at most 10 MB."), "too_large")
    if extension not in ALLOWED:
        raise _refuse(
            _("Attach PDF files or Office or OpenDocument documents (%(kinds)s).")
            % {"kinds": ", ".join(ALLOWED)},
            "file_kind",
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    if extension == "pdf":
        return _pdf(content)
    return _zipped(upload, extension)


def _pdf(content: bytes) -> Kind:
    if not content.startswith(b"%PDF-"):
        raise _refuse(_("The file is not a PDF file, though its name says so."), "not_what_named")
    if PDF_ACTIVE.search(content):
        raise _refuse(
            _(
                "The PDF file has active content (scripts, actions or embedded files). "
                "Save it again as a plain PDF, for example by printing it to PDF."
            ),
            "active_content",
        )
    return Kind("pdf", "application/pdf")


def _zipped(upload, extension: str) -> Kind:
    not_what_named = _refuse(
        _("The file is not a %(kind)s document, though its name says so.")
        % {"kind": extension.upper()},
        "not_what_named",
    )
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED:
                raise _refuse(_("The document unpacks to too much. Attach it as PDF."), "bomb")
            names = {entry.filename for entry in entries}
            if extension in OOXML:
                folder, content_type = OOXML[extension]
                if "[Content_Types].xml" not in names or not any(
                    n.startswith(folder) for n in names
                ):
                    raise not_what_named
                if any(n.lower().endswith("vbaproject.bin") for n in names):
                    raise _refuse(
                        _("The document has macros. Save it without them and attach it again."),
                        "active_content",
                    )
                return Kind(extension, content_type)
            if (
                "mimetype" not in names
                or archive.read("mimetype").decode(errors="replace").strip() != ODF[extension]
            ):
                raise not_what_named
            if any(
                n.lower().startswith("basic/") or n.lower().startswith("scripts/") for n in names
            ):
                raise _refuse(
                    _("The document has macros. Save it without them and attach it again."),
                    "active_content",
                )
            return Kind(extension, ODF[extension])
    except zipfile.BadZipFile:
        raise not_what_named from None
    finally:
        upload.seek(0)


def shown_name(upload, kind: Kind) -> str:
    """The name the file is listed and downloaded with: the upload's own without its folders,
    its last 150 characters (the stored file gets a random name)."""
    return os.path.basename(upload.name or "")[-150:] or f"{_('attachment')}.{kind.extension}"


def content_type_of(extension: str) -> str:
    if extension == "pdf":
        return "application/pdf"
    if extension in OOXML:
        return OOXML[extension][1]
    return ODF.get(extension, "application/octet-stream")
