"""The welfare report as a DOCX document (python-docx), for those who edit it further in
Word: the same parts as the web page and the PDF, with Word's own heading styles (so that
Word's navigation pane and table of contents field work), tables with header rows, and the
charts as PNG pictures (Word does not show SVG everywhere) with their titles as alt text."""

import io

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document as WordDocument
from docx.shared import Cm

from elinvoima.indicators.charts.drawing import chart_png
from elinvoima.reports.welfare.rendering import Card, Chart, Document


def _table(word, header: list[str], rows: list[tuple]) -> None:
    table = word.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)


def _paragraphs(word, text: str) -> None:
    for block in (text or "").split("\n\n"):
        if block.strip():
            word.add_paragraph(block.strip())


def _picture(word, chart: Chart) -> None:
    """The chart as a PNG picture, its title as the alt text."""
    word.add_picture(io.BytesIO(chart_png(chart.stored.spec)), width=Cm(16))
    word.inline_shapes[-1]._inline.docPr.set("descr", chart.title)


def _card(word, card: Card) -> None:
    if card.delivered:
        for heading, text in card.texts:
            word.add_heading(heading, level=5)
            _paragraphs(word, text)
        if card.people_reached is not None:
            word.add_paragraph(_("People reached: %(count)s") % {"count": card.people_reached})
    else:
        word.add_paragraph(_("Not delivered · due %(day)s") % {"day": card.due_on})


def report_docx(doc: Document) -> bytes:
    with translation.override(doc.language):
        return _report_docx(doc)


def _report_docx(doc: Document) -> bytes:
    word = WordDocument()
    word.core_properties.title = f"{doc.title} {doc.years}"
    word.core_properties.author = doc.owner
    word.core_properties.language = doc.language
    word.add_heading(f"{doc.title} {doc.years}", level=0)
    word.add_paragraph(doc.owner)
    word.add_paragraph(_("Data as read on %(when)s.") % {"when": doc.taken_at})
    word.add_page_break()

    word.add_heading(_("Part 1: the state of wellbeing and what was done"), level=1)
    titles = doc.section_titles
    word.add_heading(titles["introduction"], level=2)
    _paragraphs(word, doc.sections.get("introduction", ""))
    word.add_heading(titles["state"], level=2)
    _paragraphs(word, doc.sections.get("state", ""))
    for block in doc.indicators:
        word.add_heading(block.title, level=3)
        word.add_paragraph(
            " · ".join(
                part
                for part in (
                    _("Goal: %(goal)s") % {"goal": block.goal},
                    block.direction,
                    _("target %(target)s") % {"target": block.target} if block.target else "",
                )
                if part
            )
        )
        if block.chart is not None:
            _picture(word, block.chart)
        _table(word, [_("Area"), _("Latest"), _("Change")], block.rows)
    word.add_heading(_("HYTE coefficient"), level=3)
    if doc.hyte:
        _table(word, [_("Year"), _("Area"), _("Score")], doc.hyte)
    word.add_heading(_("Experiential data"), level=3)
    if doc.experiential:
        _table(word, [_("Municipality"), _("Domain"), _("Question"), _("Result")], doc.experiential)
    word.add_heading(titles["phenomena"], level=2)
    _paragraphs(word, doc.sections.get("phenomena", ""))
    word.add_heading(titles["structures"], level=2)
    _paragraphs(word, doc.sections.get("structures", ""))
    if doc.structures:
        _table(word, [_("Network"), _("Kind"), _("People")], doc.structures)
    word.add_heading(titles["actions"], level=2)
    _paragraphs(word, doc.sections.get("actions", ""))
    for goal in doc.goals:
        word.add_heading(goal["title"], level=3 if not goal["depth"] else 4)
        for measure in goal["measures"]:
            word.add_paragraph(
                " · ".join(
                    p for p in (measure["title"], measure["status"], measure["implementers"]) if p
                ),
                style="List Bullet",
            )
    word.add_heading(titles["summary"], level=2)
    _paragraphs(word, doc.sections.get("summary", ""))

    word.add_page_break()
    word.add_heading(_("Part 2: cards"), level=1)
    if doc.municipality_cards:
        word.add_heading(_("Municipality cards"), level=2)
        for card in doc.municipality_cards:
            word.add_heading(card.name, level=3)
            _table(word, [_("Figure"), _("Value")], card.figures)
            if card.indicators:
                _table(word, [_("Indicator"), _("Latest"), _("Change")], card.indicators)
            if card.card is not None:
                _card(word, card.card)
    word.add_heading(_("Sector cards"), level=2)
    for card in doc.sector_cards:
        word.add_heading(card.organisation, level=3)
        _card(word, card)
    word.add_heading(_("Association card"), level=2)
    association = doc.association
    if association.get("by_goal"):
        _table(
            word,
            [_("Goal"), _("Associations"), _("Activities"), _("Participants")],
            [
                (r["goal"], r["associations"], r["activities"], r["participants"])
                for r in association["by_goal"]
            ],
        )
    for card in doc.association_parts:
        word.add_heading(card.organisation, level=3)
        _card(word, card)

    word.add_page_break()
    word.add_heading(_("Part 3: separate plans"), level=1)
    for plan in doc.separate_plans:
        word.add_heading(plan["title"], level=2)
        word.add_paragraph(f"{plan['kind']} · {plan['years']}")
        figures = [(_("Priority areas"), len(plan["areas"])), (_("Goals"), plan["goals"])]
        _table(word, [_("Figure"), _("Value")], figures + plan["measures"])
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
