"""Why a Sotkanet file was refused, kept as data (a code and its details) and put into
words only when shown: the background task has no user language, the reader has one."""

from dataclasses import asdict, dataclass
from dataclasses import field as dataclass_field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# At most this many problems are kept per file: enough to fix a file, not a flood.
MAX_PROBLEMS = 20

TEMPLATES = {
    "empty_file": gettext_lazy("The file is empty."),
    "not_utf8": gettext_lazy("The file is not UTF-8 text; save it as UTF-8 and try again."),
    "not_a_list": gettext_lazy(
        "The file should hold a list [ … ], but it starts with “%(found)s”."
    ),
    "not_an_object": gettext_lazy("%(where)s: expected an object { … }, found “%(found)s”."),
    "json_syntax": gettext_lazy("%(where)s is not valid JSON near “%(near)s”."),
    "json_truncated": gettext_lazy(
        "The file is cut short: it ends at element %(element)s before the list is closed."
    ),
    "csv_syntax": gettext_lazy("%(where)s cannot be read as CSV: check its quotes."),
    "json_trailing": gettext_lazy("There is text after the end of the list: “%(near)s”."),
    "missing_field": gettext_lazy("%(where)s is missing."),
    "not_a_number": gettext_lazy("%(where)s: “%(value)s” is not a number."),
    "not_an_integer": gettext_lazy("%(where)s: “%(value)s” is not a whole number."),
    "not_text": gettext_lazy("%(where)s: “%(value)s” is not text."),
    "not_a_date": gettext_lazy("%(where)s: “%(value)s” is not a date (YYYY-MM-DD)."),
    "too_long": gettext_lazy("%(where)s: the text is longer than %(limit)s characters."),
    "year_out_of_range": gettext_lazy(
        "%(where)s: the year %(value)s is not between %(low)s and %(high)s."
    ),
    "unknown_gender": gettext_lazy(
        "%(where)s: “%(value)s” is not a gender of Sotkanet (total, male, female)."
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
    "csv_missing_columns": gettext_lazy("Row 1: the columns %(columns)s are missing."),
    "csv_column_count": gettext_lazy(
        "Row %(row)s has %(found)s columns; the header has %(expected)s."
    ),
    "more_problems": gettext_lazy("… and %(count)s more problems."),
    "fetch_failed": gettext_lazy("Sotkanet could not be reached: %(url)s (%(reason)s)."),
    "internal_error": gettext_lazy(
        "The import stopped because of an error in the service; nothing was written. "
        "The administrators can see the details in the log."
    ),
}

WHERE = {
    "element": gettext_lazy("Element %(number)s"),
    "row": gettext_lazy("Row %(row)s"),
}


@dataclass(frozen=True)
class Problem:
    """One reason to refuse a file. `element` counts a JSON list's items from 1; `row` is
    the CSV line as a spreadsheet numbers it (the header is row 1)."""

    code: str
    element: int | None = None
    row: int | None = None
    field: str = ""
    params: dict = dataclass_field(default_factory=dict)

    def as_json(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value not in (None, "", {})}

    @classmethod
    def from_json(cls, data: dict) -> "Problem":
        return cls(
            code=data.get("code", ""),
            element=data.get("element"),
            row=data.get("row"),
            field=data.get("field", ""),
            params=data.get("params", {}),
        )


def _where(problem: Problem) -> str:
    if problem.row is not None:
        where = WHERE["row"] % {"row": problem.row}
    elif problem.element is not None:
        where = WHERE["element"] % {"number": problem.element}
    else:
        where = _("The file")
    if problem.field:
        where = _("%(where)s, field “%(field)s”") % {"where": where, "field": problem.field}
    return where


def problem_text(problem: Problem | dict) -> str:
    """The problem in the active language."""
    if isinstance(problem, dict):
        problem = Problem.from_json(problem)
    template = TEMPLATES.get(problem.code)
    if template is None:
        return str(problem.params.get("text", problem.code))
    values = {
        "where": _where(problem),
        "element": problem.element,
        "row": problem.row,
        "field": problem.field,
        **{key: _shown(value) for key, value in problem.params.items()},
    }
    return str(template) % values


def _shown(value) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


class ImportRefused(Exception):  # noqa: N818 (reads as `raise ImportRefused(problems)`)
    """The whole file is refused; nothing of it was written. `rejected` counts the
    elements or rows that had a problem (or 1 when the file as a whole is wrong)."""

    def __init__(self, problems: list[Problem], *, rejected: int | None = None, omitted: int = 0):
        self.problems = list(problems[:MAX_PROBLEMS])
        omitted += max(0, len(problems) - MAX_PROBLEMS)
        if omitted:
            self.problems.append(Problem("more_problems", params={"count": omitted}))
        self.rejected = max(1, len(problems) if rejected is None else rejected)
        super().__init__("; ".join(problem.code for problem in self.problems))


class ProblemLog:
    """Collects problems while a file is read: keeps the first MAX_PROBLEMS, counts the
    rest and the elements or rows that had any."""

    def __init__(self):
        self.problems: list[Problem] = []
        self.omitted = 0
        self.rejected = 0
        self._last_position: tuple | None = None

    def add(self, problem: Problem) -> None:
        position = (problem.element, problem.row)
        if position != self._last_position or position == (None, None):
            self.rejected += 1
            self._last_position = position
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.omitted += 1

    def __bool__(self) -> bool:
        return bool(self.problems)

    def refuse(self) -> ImportRefused:
        return ImportRefused(self.problems, rejected=self.rejected, omitted=self.omitted)
