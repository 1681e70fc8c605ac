"""Why a Sotkanet file was refused, kept as data (a code and its details) and put into
words only when shown: the background task has no user language, the reader has one.
The generic part (Problem, ProblemLog, ImportRefused, the common texts) is in
elinvoima.core.imports; here are Sotkanet's own texts."""

from django.utils.translation import gettext_lazy

from elinvoima.core import imports
from elinvoima.core.imports import MAX_PROBLEMS, Problem

__all__ = ["MAX_PROBLEMS", "TEMPLATES", "ImportRefused", "Problem", "ProblemLog", "problem_text"]

# Sotkanet's own problems; the common ones (empty_file, not_a_number…) are in core.
TEMPLATES = {
    "not_a_list": gettext_lazy(
        "The file should hold a list [ … ], but it starts with “%(found)s”."
    ),
    "not_an_object": gettext_lazy("%(where)s: expected an object { … }, found “%(found)s”."),
    "json_syntax": gettext_lazy("%(where)s is not valid JSON near “%(near)s”."),
    "json_truncated": gettext_lazy(
        "The file is cut short: it ends at element %(element)s before the list is closed."
    ),
    "json_trailing": gettext_lazy("There is text after the end of the list: “%(near)s”."),
    "json_too_deep": gettext_lazy(
        "%(where)s is nested more than %(limit)s levels deep; Sotkanet's files are not."
    ),
    "json_constant": gettext_lazy("%(where)s: “%(value)s” is not a number JSON allows."),
    "number_too_large": gettext_lazy(
        "%(where)s: the number “%(value)s” is too large for Sotkanet's data."
    ),
    "not_a_sotkanet_id": gettext_lazy(
        "%(where)s: “%(value)s” is not a Sotkanet id (1 to %(high)s)."
    ),
    "unstorable_character": gettext_lazy(
        "%(where)s holds the character %(value)s, which cannot be stored; remove it."
    ),
    "range_reversed": gettext_lazy(
        "%(where)s: the first year %(start)s is after the last year %(end)s."
    ),
    "year_out_of_range": gettext_lazy(
        "%(where)s: the year %(value)s is not between %(low)s and %(high)s."
    ),
    "unknown_gender": gettext_lazy(
        "%(where)s: “%(value)s” is not a gender of Sotkanet (total, male, female)."
    ),
    "keys_deleted": gettext_lazy(
        "An indicator or a region of the file was removed while the file was being "
        "imported. Import the file again."
    ),
    "unknown_indicator": gettext_lazy(
        "%(where)s: indicator %(value)s is not in the catalogue; import its metadata first."
    ),
    "unknown_region": gettext_lazy(
        "%(where)s: region %(value)s is not known; import Sotkanet's regions first."
    ),
    "duplicate_value": gettext_lazy(
        "%(where)s repeats an earlier one: indicator %(indicator)s, region %(region)s, "
        "year %(year)s, gender %(gender)s appear twice."
    ),
    "duplicate_id": gettext_lazy("%(where)s repeats the id %(value)s of %(first)s."),
    "duplicate_code": gettext_lazy(
        "%(where)s: the official code %(value)s is also the code of %(first)s."
    ),
    "csv_separator": gettext_lazy(
        "Row %(row)s: the columns are separated by “%(found)s”; Sotkanet's CSV uses “;”."
    ),
    "csv_unknown_columns": gettext_lazy(
        "Row 1: unknown columns %(columns)s. Expected: indicator;region;year;gender;value "
        "and optionally absValue."
    ),
    "fetch_failed": gettext_lazy("Sotkanet could not be reached: %(url)s (%(reason)s)."),
}


class ImportRefused(imports.ImportRefused):
    """A Sotkanet file is refused; nothing of it was written."""

    templates = TEMPLATES


class ProblemLog(imports.ProblemLog):
    """Collects the problems of a Sotkanet file; `refuse()` gives its ImportRefused."""

    refusal = ImportRefused


def problem_text(problem: Problem | dict) -> str:
    """A problem of a Sotkanet import (stored as JSON or not) in the active language."""
    return ImportRefused.text(problem)
