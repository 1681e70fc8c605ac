"""Reading a CSV file of experiential results: the separator, the columns by any of their
names in fi/sv/en, the six domains by code, label or the community card's words, and every
problem with its row number. All or nothing: a file with a problem is refused whole."""

import csv
import io
import math
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from elinvoima.actors.models import Municipality, Village
from elinvoima.core.imports import ImportRefused, Problem, ProblemLog
from elinvoima.core.translation import languages
from elinvoima.indicators.enums import ExperientialDomain

MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 5000
MAX_ERRORS_SHOWN = 50

# The community card's own words (seed 000) and their Swedish; the gettext labels of every
# language are accepted as well.
DOMAIN_ALIASES: dict[str, tuple[str, ...]] = {
    ExperientialDomain.HOUSING_ENVIRONMENT: (
        "Asuminen ja kasvu- ja elinympäristö",
        "Asuminen",
        "Boende samt uppväxt- och livsmiljö",
        "Boende",
    ),
    ExperientialDomain.RELATIONSHIPS: (
        "Ihmissuhteet, osallisuus, elämänmuutokset",
        "Ihmissuhteet",
        "Människorelationer, delaktighet, livsförändringar",
        "Relationer",
    ),
    ExperientialDomain.LEISURE: ("Vapaa-aika", "Fritid"),
    ExperientialDomain.STUDY_WORK: ("Opiskelu ja työ", "Studier och arbete"),
    ExperientialDomain.LIVELIHOOD: (
        "Taloudellinen toimeentulo",
        "Toimeentulo",
        "Ekonomisk utkomst",
        "Utkomst",
    ),
    ExperientialDomain.MIND_BODY: (
        "Mielen hyvinvointi, fyysinen terveys, minämyötätunto",
        "Mielen hyvinvointi",
        "Psykiskt välbefinnande, fysisk hälsa, självmedkänsla",
        "Psykiskt välbefinnande",
    ),
}

# Column → the header names accepted for it (English, Finnish, Swedish).
COLUMNS: dict[str, tuple[str, ...]] = {
    "domain": ("domain", "osa-alue", "ulottuvuus", "teema", "område", "domän"),
    "village": ("village", "kylä", "by"),
    "group": ("group", "ryhmä", "grupp"),
    "question": ("question", "kysymys", "väittämä", "fråga", "påstående"),
    "value": ("value", "arvo", "tulos", "värde", "resultat"),
    "unit": ("unit", "yksikkö", "enhet"),
    "respondents": ("respondents", "vastaajat", "vastaajia", "svarande"),
    "summary": ("summary", "tiivistelmä", "yhteenveto", "sammanfattning"),
}
REQUIRED_COLUMNS = ("domain", "question")


def _normal(text: str) -> str:
    return " ".join(text.strip().casefold().split())


def domain_lookup() -> dict[str, str]:
    """Every accepted spelling of a domain (code, labels in fi/sv/en, the card's words)."""
    lookup: dict[str, str] = {}
    for domain in ExperientialDomain:
        lookup[_normal(domain.value)] = domain.value
        for language in languages():
            with translation.override(language):
                lookup[_normal(str(domain.label))] = domain.value
        for alias in DOMAIN_ALIASES.get(domain, ()):
            lookup[_normal(alias)] = domain.value
    return lookup


# --- CSV import -----------------------------------------------------------------------------


# The problems of a results file. Those of ROW_PROBLEMS are shown after "Row N: ".
PROBLEM_TEMPLATES = {
    "too_large": gettext_lazy("The file is larger than 2 MB; split it into smaller files."),
    "not_utf8_at": gettext_lazy(
        "The file is not in UTF-8 (byte %(position)s). Save it from the "
        "spreadsheet as “CSV UTF-8” and try again."
    ),
    "no_separator": gettext_lazy(
        "Row 1: the columns must be separated by a semicolon (;) or a comma (,); "
        "the header row has neither. Save the file from the spreadsheet as CSV."
    ),
    "not_csv": gettext_lazy("The file is not valid CSV: %(error)s."),
    "unknown_columns": gettext_lazy(
        "Row 1: unknown columns: %(columns)s. The columns are: %(known)s."
    ),
    "missing_columns": gettext_lazy(
        "Row 1: the required columns %(columns)s are missing (separator: %(separator)s)."
    ),
    "duplicate_columns": gettext_lazy("Row 1: the columns %(columns)s appear twice."),
    "no_rows": gettext_lazy("The file has a header row but no results."),
    "too_many_rows": gettext_lazy("The file has more than %(limit)s rows; split it."),
    "column_count": gettext_lazy(
        "Row %(row)s has %(found)s columns, the header %(expected)s. Check the "
        "separator (%(separator)s) and quote values that contain it."
    ),
    "domain_missing": gettext_lazy("the domain is missing."),
    "unknown_domain": gettext_lazy("unknown domain “%(domain)s”. Use one of: %(domains)s."),
    "question_missing": gettext_lazy("the question is missing."),
    "question_too_long": gettext_lazy("the question is longer than 500 characters."),
    "unknown_village": gettext_lazy(
        "unknown village “%(village)s”. The municipality's villages: %(villages)s."
    ),
    "group_too_long": gettext_lazy("the group is longer than 200 characters."),
    "value_not_a_number": gettext_lazy("the value “%(value)s” is not a number."),
    "unit_too_long": gettext_lazy("the unit is longer than 40 characters."),
    "respondents_not_integer": gettext_lazy(
        "the number of respondents “%(value)s” is not a whole number."
    ),
    "value_or_summary": gettext_lazy("give a value or a summary."),
}
ROW_PROBLEMS = {
    "domain_missing",
    "unknown_domain",
    "question_missing",
    "question_too_long",
    "unknown_village",
    "group_too_long",
    "value_not_a_number",
    "unit_too_long",
    "respondents_not_integer",
    "value_or_summary",
}


class ExperientialImportError(ImportRefused):
    """The file was refused; `problems` say what and where (row numbers count the header
    as row 1, as a spreadsheet shows them), `messages` in words."""

    templates = PROBLEM_TEMPLATES
    max_problems = MAX_ERRORS_SHOWN
    shorten = None  # the lists of known columns, domains and villages are shown whole

    @classmethod
    def text(cls, problem: Problem | dict) -> str:
        if isinstance(problem, dict):
            problem = Problem.from_json(problem)
        params = dict(problem.params)
        if "separator" in params:
            params["separator"] = separator_name(params["separator"])
        if problem.code == "unknown_domain":
            params["domains"] = "; ".join(str(domain.label) for domain in ExperientialDomain)
        text = super().text(replace(problem, params=params))
        if problem.code in ROW_PROBLEMS:
            return _("Row %(row)s: %(problem)s") % {"row": problem.row, "problem": text}
        return text


def separator_name(separator: str) -> str:
    return _("semicolon (;)") if separator == ";" else _("comma (,)")


def _decode(data: bytes) -> str:
    try:
        # utf-8-sig drops the byte order mark Excel writes, and reads a file without one.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExperientialImportError(
            [Problem("not_utf8_at", params={"position": error.start + 1})]
        ) from error


def _detect_separator(header_line: str) -> str:
    semicolons, commas = header_line.count(";"), header_line.count(",")
    if not semicolons and not commas:
        raise ExperientialImportError([Problem("no_separator", row=1)])
    return ";" if semicolons >= commas else ","


def _header_columns(header: list[str], separator: str) -> list[str | None]:
    aliases = {_normal(alias): column for column, names in COLUMNS.items() for alias in names}
    columns: list[str | None] = []
    unknown = []
    for name in header:
        column = aliases.get(_normal(name))
        if column is None and name.strip():
            unknown.append(name.strip())
        columns.append(column)
    problems = []
    if unknown:
        problems.append(
            Problem(
                "unknown_columns",
                row=1,
                params={"columns": ", ".join(unknown), "known": ", ".join(COLUMNS)},
            )
        )
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        problems.append(
            Problem(
                "missing_columns",
                row=1,
                params={"columns": ", ".join(missing), "separator": separator},
            )
        )
    duplicated = sorted({c for c in columns if c is not None and columns.count(c) > 1})
    if duplicated:
        problems.append(
            Problem("duplicate_columns", row=1, params={"columns": ", ".join(duplicated)})
        )
    if problems:
        raise ExperientialImportError(problems)
    return columns


def _number(raw: str) -> float:
    text = raw.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    text = text.removesuffix("%")
    number = Decimal(text)  # InvalidOperation on anything else
    if not number.is_finite() or not math.isfinite(float(number)):  # 1e400: no float
        raise InvalidOperation
    return float(number)


def experiential_csv_parse(*, data: bytes, municipality: Municipality) -> tuple[list[dict], str]:
    """The rows of a results file as fields of ExperientialResult, and the separator used.
    Raises ExperientialImportError listing every problem with its row number."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ExperientialImportError([Problem("too_large")])
    text = _decode(data)
    if not text.strip():
        raise ExperientialImportError([Problem("empty_file")])
    header_line = text.lstrip("\r\n").splitlines()[0]
    separator = _detect_separator(header_line)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True))
    except csv.Error as error:
        raise ExperientialImportError([Problem("not_csv", params={"error": str(error)})]) from error
    numbered = [
        (number, row) for number, row in enumerate(rows, start=1) if any(c.strip() for c in row)
    ]
    if not numbered:
        raise ExperientialImportError([Problem("empty_file")])
    header = numbered[0][1]
    columns = _header_columns(header, separator)
    body = numbered[1:]
    if not body:
        raise ExperientialImportError([Problem("no_rows")])
    if len(body) > MAX_IMPORT_ROWS:
        raise ExperientialImportError([Problem("too_many_rows", params={"limit": MAX_IMPORT_ROWS})])
    domains = domain_lookup()
    villages: dict[str, Village] = {}
    for village in Village.objects.filter(municipality=municipality):
        for name in (village.name_fi, village.name_sv, village.name_en):
            if name:
                villages[_normal(name)] = village
    village_names = ", ".join(sorted({v.name for v in villages.values()})) or "–"

    parsed: list[dict] = []
    log = ProblemLog(ExperientialImportError)
    for number, row in body:
        if len(row) != len(columns):
            log.add(
                Problem(
                    "column_count",
                    row=number,
                    params={"found": len(row), "expected": len(columns), "separator": separator},
                )
            )
            continue
        cells = {column: cell.strip() for column, cell in zip(columns, row, strict=True) if column}
        fields, row_problems = _parse_row(cells, domains, villages, village_names)
        for code, field_name, params in row_problems:
            log.add(Problem(code, row=number, field=field_name, params=params))
        if not row_problems:
            parsed.append(fields)
    if log:
        raise log.refuse()
    return parsed, separator


def _parse_row(cells, domains, villages, village_names) -> tuple[dict, list[tuple]]:
    """The row's fields, and its problems as (code, field, params)."""
    problems: list[tuple[str, str, dict]] = []
    fields: dict = {}
    raw_domain = cells.get("domain", "")
    fields["domain"] = domains.get(_normal(raw_domain))
    if not raw_domain:
        problems.append(("domain_missing", "domain", {}))
    elif fields["domain"] is None:
        problems.append(("unknown_domain", "domain", {"domain": raw_domain}))
    fields["question"] = cells.get("question", "")
    if not fields["question"]:
        problems.append(("question_missing", "question", {}))
    elif len(fields["question"]) > 500:
        problems.append(("question_too_long", "question", {}))
    raw_village = cells.get("village", "")
    fields["village"] = villages.get(_normal(raw_village)) if raw_village else None
    if raw_village and fields["village"] is None:
        problems.append(
            ("unknown_village", "village", {"village": raw_village, "villages": village_names})
        )
    fields["group"] = cells.get("group", "")
    if len(fields["group"]) > 200:
        problems.append(("group_too_long", "group", {}))
    raw_value = cells.get("value", "")
    fields["value"] = None
    if raw_value:
        try:
            fields["value"] = _number(raw_value)
        except (InvalidOperation, ValueError):
            problems.append(("value_not_a_number", "value", {"value": raw_value}))
    fields["unit"] = cells.get("unit", "")
    if len(fields["unit"]) > 40:
        problems.append(("unit_too_long", "unit", {}))
    raw_respondents = cells.get("respondents", "")
    fields["respondents"] = None
    if raw_respondents:
        # isdecimal, not isdigit: "²" is a digit that int() does not read; and a long
        # run of digits is not read at all (Python's limit of 4300 digits).
        digits = raw_respondents.lstrip("0") or "0"
        if raw_respondents.isdecimal() and len(digits) <= 8 and int(digits) <= 10_000_000:
            fields["respondents"] = int(digits)
        else:
            problems.append(("respondents_not_integer", "respondents", {"value": raw_respondents}))
    fields["summary"] = cells.get("summary", "")
    if not raw_value and not fields["summary"]:
        problems.append(("value_or_summary", "", {}))
    return fields, problems
