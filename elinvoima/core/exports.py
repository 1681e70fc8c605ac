"""Tables sent as files: one way for every app to give a table as CSV or XLSX.

CSV is written as Finnish spreadsheets read it: `;`-separated (the comma is the decimal
separator), UTF-8 with a byte order mark (without it Excel guesses another encoding),
CRLF line ends. XLSX is written with openpyxl's write-only mode, row by row. Both start
with the optional attribution (e.g. "THL, Sotkanet (CC BY 4.0)"; in CSV as a `# …` line),
then the header row, then the rows. Text that a spreadsheet would run as a formula is
prefixed with an apostrophe (CSV injection); numbers stay numbers."""

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")
BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")


@dataclass(frozen=True)
class Table:
    """What is exported: the header, the rows (any iterable, read once: a generator over
    a queryset streams), a title (the XLSX sheet's name) and an attribution."""

    header: Sequence[Any]
    rows: Iterable[Sequence[Any]]
    title: str = ""
    attribution: str = ""


def safe_cell(value: Any) -> Any:
    """None as empty; text that would start a formula prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return f"'{value}"
    return value


class _Echo:
    """A file whose write() returns what it was given: csv.writer then yields lines."""

    def write(self, value: str) -> str:
        return value


def csv_lines(table: Table, *, delimiter: str = ";", bom: bool = True) -> Iterator[str]:
    """The table as CSV text, line by line (the BOM first on its own)."""
    writer = csv.writer(_Echo(), delimiter=delimiter)
    if bom:
        yield BOM
    if table.attribution:
        yield writer.writerow([f"# {table.attribution}"])
    yield writer.writerow([safe_cell(str(value)) for value in table.header])
    for row in table.rows:
        yield writer.writerow([safe_cell(value) for value in row])


def csv_bytes(table: Table, **options: Any) -> bytes:
    return "".join(csv_lines(table, **options)).encode("utf-8")


def sheet_title(title: str) -> str:
    """A valid XLSX sheet name: at most 31 characters, none of \\ / * ? : [ ]."""
    return _SHEET_TITLE_FORBIDDEN.sub(" ", title).strip()[:31] or "Sheet1"


def xlsx_bytes(table: Table) -> bytes:
    """The table as an XLSX workbook of one sheet: the header row in bold and frozen."""
    buffer = io.BytesIO()
    xlsx_write([table], buffer)
    return buffer.getvalue()


def xlsx_write(tables: Iterable[Table], target, *, progress=None) -> None:
    """The tables as the sheets of one XLSX workbook, written to `target` (a path or a
    binary file) in openpyxl's write-only mode: row by row, so that memory stays flat
    however many rows a generator gives. `progress(sheet_number)` is called as each sheet
    begins."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for number, table in enumerate(tables):
        if progress is not None:
            progress(number)
        sheet = workbook.create_sheet(sheet_title(table.title))
        header_row = 2 if table.attribution else 1
        sheet.freeze_panes = f"A{header_row + 1}"  # before any row is written
        if table.attribution:
            sheet.append([table.attribution])
        header = []
        for value in table.header:
            cell = WriteOnlyCell(sheet, value=safe_cell(str(value)))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in table.rows:
            sheet.append([safe_cell(value) for value in row])
    workbook.save(target)


def _attachment(response: HttpResponse | StreamingHttpResponse, filename: str):
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def csv_response(table: Table, *, filename: str, stream: bool = False):
    """An attachment `filename` of the table as CSV; `stream`: written while sent, for a
    selection too large to hold in memory."""
    if stream:
        response = StreamingHttpResponse(csv_lines(table), content_type=CSV_CONTENT_TYPE)
        return _attachment(response, filename)
    return _attachment(HttpResponse(csv_bytes(table), content_type=CSV_CONTENT_TYPE), filename)


def xlsx_response(table: Table, *, filename: str) -> HttpResponse:
    return _attachment(HttpResponse(xlsx_bytes(table), content_type=XLSX_CONTENT_TYPE), filename)


def export_response(table: Table, *, export_format: str, name: str) -> HttpResponse:
    """The table as `name.csv` or `name.xlsx`; another format is not found (404)."""
    if export_format == "csv":
        return csv_response(table, filename=f"{name}.csv")
    if export_format == "xlsx":
        return xlsx_response(table, filename=f"{name}.xlsx")
    raise Http404
