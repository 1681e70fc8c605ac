"""core.exports: a table as CSV (Finnish Excel's) and as XLSX."""

import csv
import io

import pytest
from django.http import Http404
from openpyxl import load_workbook

from elinvoima.core.exports import (
    Table,
    csv_bytes,
    csv_lines,
    export_response,
    safe_cell,
    sheet_title,
    xlsx_bytes,
)


def _table(**options) -> Table:
    rows = [["Ähtäri", 1.5, None], ["=1+1", -2, "-x"]]
    return Table(header=["Nimi", "Arvo", "Huom"], rows=iter(rows), **options)


def test_safe_cell__formulas_prefixed_numbers_kept():
    assert safe_cell("=SUM(A1)") == "'=SUM(A1)"
    assert safe_cell("@x") == "'@x"
    assert safe_cell(-2) == -2
    assert safe_cell(None) == ""
    assert safe_cell("Oulu") == "Oulu"


def test_csv__bom_semicolons_and_parses_back():
    data = csv_bytes(_table())
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows == [["Nimi", "Arvo", "Huom"], ["Ähtäri", "1.5", ""], ["'=1+1", "-2", "'-x"]]
    assert b"\r\n" in data


def test_csv__attribution_line_first():
    lines = list(csv_lines(_table(attribution="THL, Sotkanet (CC BY 4.0)")))
    assert lines[0] == "\ufeff"
    assert lines[1] == "# THL, Sotkanet (CC BY 4.0)\r\n"
    assert lines[2].startswith("Nimi;")


def test_xlsx__opens_with_the_rows_bold_frozen_header():
    workbook = load_workbook(io.BytesIO(xlsx_bytes(_table(title="Kunnat: [testi]"))))
    sheet = workbook.active
    assert sheet.title == "Kunnat   testi"
    assert list(sheet.values) == [
        ("Nimi", "Arvo", "Huom"),
        ("Ähtäri", 1.5, None),
        ("'=1+1", -2, "'-x"),
    ]
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"


def test_xlsx__attribution_above_the_header():
    sheet = load_workbook(io.BytesIO(xlsx_bytes(_table(attribution="THL")))).active
    values = list(sheet.values)
    assert values[0][0] == "THL"
    assert values[1] == ("Nimi", "Arvo", "Huom")
    assert sheet.freeze_panes == "A3"


def test_sheet_title__at_most_31_characters():
    assert len(sheet_title("x" * 40)) == 31
    assert sheet_title("") == "Sheet1"


def test_export_response__attachment_with_the_name_unknown_format_404():
    response = export_response(_table(), export_format="csv", name="kunnat")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="kunnat.csv"'
    response = export_response(_table(), export_format="xlsx", name="kunnat")
    assert response["Content-Disposition"] == 'attachment; filename="kunnat.xlsx"'
    assert load_workbook(io.BytesIO(response.content)).active.max_row == 3
    with pytest.raises(Http404):
        export_response(_table(), export_format="pdf", name="kunnat")
