"""Why an imported file was refused, the same way for every file import (Sotkanet's files,
experiential data CSV, the CSV imports to come).

A `Problem` is data: a code, where it is (a JSON list's element or a CSV row, a field) and
the values it names (`params`, e.g. `value`). It is put into words only when shown, so a
background task with no user language can store it (`as_json`) and the reader sees it in
theirs. An import collects problems in a `ProblemLog` and, when there are any, raises the
log's `ImportRefused`: the whole file is refused and nothing of it is written.

An app gives its own texts by subclassing `ImportRefused` (`templates`, the codes it adds
to `COMMON_TEMPLATES`) and, when it needs to, `ProblemLog` (`refusal`). A template names the
problem's values, and `%(where)s` ("Row 3, field “year”"), `%(row)s`, `%(element)s` and
`%(field)s`."""

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from dataclasses import field as dataclass_field
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# At most this many problems are kept per file: enough to fix a file, not a flood.
MAX_PROBLEMS = 20
# A value quoted from the file is cut to this many characters.
SHOWN_LENGTH = 60

COMMON_TEMPLATES: dict[str, Any] = {
    "empty_file": gettext_lazy("The file is empty."),
    "not_utf8": gettext_lazy("The file is not UTF-8 text; save it as UTF-8 and try again."),
    "csv_syntax": gettext_lazy("%(where)s cannot be read as CSV: check its quotes."),
    "csv_missing_columns": gettext_lazy("Row 1: the columns %(columns)s are missing."),
    "csv_column_count": gettext_lazy(
        "Row %(row)s has %(found)s columns; the header has %(expected)s."
    ),
    "missing_field": gettext_lazy("%(where)s is missing."),
    "not_a_number": gettext_lazy("%(where)s: “%(value)s” is not a number."),
    "not_an_integer": gettext_lazy("%(where)s: “%(value)s” is not a whole number."),
    "not_text": gettext_lazy("%(where)s: “%(value)s” is not text."),
    "not_a_date": gettext_lazy("%(where)s: “%(value)s” is not a date (YYYY-MM-DD)."),
    "too_long": gettext_lazy("%(where)s: the text is longer than %(limit)s characters."),
    "more_problems": gettext_lazy("… and %(count)s more problems."),
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
    the CSV line as a spreadsheet numbers it (the header is row 1). A code no template
    knows is shown as `params["text"]`, or as the code itself."""

    code: str
    element: int | None = None
    row: int | None = None
    field: str = ""
    params: dict = dataclass_field(default_factory=dict)

    @property
    def value(self) -> Any:
        """The value of the file the problem is about, if it names one."""
        return self.params.get("value")

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


def problem_where(problem: Problem) -> str:
    """Where the problem is, in the active language: "Row 3, field “year”"."""
    if problem.row is not None:
        where = WHERE["row"] % {"row": problem.row}
    elif problem.element is not None:
        where = WHERE["element"] % {"number": problem.element}
    else:
        where = _("The file")
    if problem.field:
        where = _("%(where)s, field “%(field)s”") % {"where": where, "field": problem.field}
    return where


def problem_text(
    problem: Problem | dict,
    templates: Mapping[str, Any] | None = None,
    *,
    shorten: int | None = SHOWN_LENGTH,
) -> str:
    """The problem in the active language: its template from `templates`, else from
    COMMON_TEMPLATES. Values longer than `shorten` characters are cut (None: never)."""
    if isinstance(problem, dict):
        problem = Problem.from_json(problem)
    template = (templates or {}).get(problem.code) or COMMON_TEMPLATES.get(problem.code)
    if template is None:
        return str(problem.params.get("text", problem.code))
    values = {
        "where": problem_where(problem),
        "element": problem.element,
        "row": problem.row,
        "field": problem.field,
        **{key: _shown(value, shorten) for key, value in problem.params.items()},
    }
    return str(template) % values


def _shown(value: Any, shorten: int | None) -> str:
    text = str(value)
    if shorten is None or len(text) <= shorten:
        return text
    return text[: shorten - 3] + "…"


class ImportRefused(ValidationError):  # noqa: N818 (reads as `raise ImportRefused(problems)`)
    """The whole file is refused; nothing of it was written. `problems` are the data (the
    first `max_problems`, then one "… and N more problems."); `messages`, as for any
    ValidationError, are their texts in the language active when it was raised.
    `rejected` counts the elements or rows that had a problem (or 1 when the file as a
    whole is wrong).

    Subclass it to give an import's own `templates`, `max_problems` or `shorten`, or to
    override `text`."""

    templates: ClassVar[Mapping[str, Any]] = {}
    max_problems: ClassVar[int] = MAX_PROBLEMS
    shorten: ClassVar[int | None] = SHOWN_LENGTH

    def __init__(
        self, problems: Iterable[Problem], *, rejected: int | None = None, omitted: int = 0
    ):
        problems = list(problems)
        self.problems = problems[: self.max_problems]
        omitted += max(0, len(problems) - self.max_problems)
        if omitted:
            self.problems.append(Problem("more_problems", params={"count": omitted}))
        self.rejected = max(1, len(problems) if rejected is None else rejected)
        super().__init__([self.text(problem) for problem in self.problems])

    @classmethod
    def text(cls, problem: Problem | dict) -> str:
        """A problem of this kind of import in the active language."""
        return problem_text(problem, cls.templates, shorten=cls.shorten)


class ProblemLog:
    """Collects problems while a file is read: keeps the first `max_problems` of its
    refusal, counts the rest and the elements or rows that had any. `refuse()` gives the
    exception to raise."""

    refusal: type[ImportRefused] = ImportRefused

    def __init__(self, refusal: type[ImportRefused] | None = None):
        if refusal is not None:
            self.refusal = refusal
        self.problems: list[Problem] = []
        self.omitted = 0
        self.rejected = 0
        self._last_position: tuple | None = None

    def add(self, problem: Problem) -> None:
        position = (problem.element, problem.row)
        if position != self._last_position or position == (None, None):
            self.rejected += 1
            self._last_position = position
        if len(self.problems) < self.refusal.max_problems:
            self.problems.append(problem)
        else:
            self.omitted += 1

    def __bool__(self) -> bool:
        return bool(self.problems)

    def refuse(self) -> ImportRefused:
        return self.refusal(self.problems, rejected=self.rejected, omitted=self.omitted)
