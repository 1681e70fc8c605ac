"""A wellbeing card on paper: the card page's content as a PDF (issue 14), for the council's
papers and the association's notice board.

What the PDF shows is read as the card page reads it: the answers through
`card_rows_with_answers` (the user's visibility, `responses_visible_to`), and for those who
may read the council's summary its figures per sub-goal from `summary.council_summary`.
WeasyPrint draws it from `cards/card_print.html`, fetching nothing (core.pdf).
"""

from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string

from elinvoima.cards.models import CardTemplate
from elinvoima.cards.selectors import CardRow, card_rows_with_answers
from elinvoima.cards.services import card_rows
from elinvoima.cards.summary import RowSummary, council_summary
from elinvoima.core.pdf import pdf_from_html

PRINT_TEMPLATE = "cards/card_print.html"


@dataclass
class PrintRow:
    row: CardRow  # the sub-goal and the answers the user may read
    figures: RowSummary | None  # the council's summary of it, for those who may read it


def card_print_context(template: CardTemplate, user) -> dict[str, Any]:
    """What `cards/card_print.html` shows to `user`."""
    decision = template.decision
    rows, _responses = card_rows_with_answers(template, card_rows(template), user)
    figures: dict[int, RowSummary] = {}
    summarises = user.has_perm("cards.view_summary", decision.municipality)
    if summarises:
        for summary in council_summary(decision):
            if summary.card.pk == template.pk:
                figures = {row.goal.pk: row for row in summary.rows}
    return {
        "template": template,
        "decision": decision,
        "municipality": decision.municipality,
        "rows": [PrintRow(row, figures.get(row.goal.pk)) for row in rows],
        "summarises": summarises,
    }


def card_print_html(template: CardTemplate, user) -> str:
    return render_to_string(PRINT_TEMPLATE, card_print_context(template, user))


def card_pdf(template: CardTemplate, user) -> bytes:
    """The card as `user` may read it, as a PDF."""
    return pdf_from_html(card_print_html(template, user))
