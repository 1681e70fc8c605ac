"""Experiential data (koettu hyvinvointitieto, seed 000): a municipality's surveys, village
evenings and resident panels, with results for the whole municipality, a village or a group,
each tagged with one of the six domains of Vaala's community card. Results are entered one
at a time or imported from a CSV file, all or nothing."""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from elinvoima.actors.models import Municipality, Village

from .enums import ExperientialDomain
from .models import ExperientialResult, ExperientialSurvey

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
        for language in ("fi", "sv", "en"):
            with translation.override(language):
                lookup[_normal(str(domain.label))] = domain.value
        for alias in DOMAIN_ALIASES.get(domain, ()):
            lookup[_normal(alias)] = domain.value
    return lookup


# --- Reads ----------------------------------------------------------------------------------


@dataclass
class DomainResults:
    domain: str
    label: str | Promise
    results: list[ExperientialResult] = field(default_factory=list)


def results_by_domain(results) -> list[DomainResults]:
    """The six domains in the card's order, each with its results (empty ones too)."""
    groups = {
        domain.value: DomainResults(domain=domain.value, label=domain.label)
        for domain in ExperientialDomain
    }
    for result in results:
        groups[result.domain].results.append(result)
    return list(groups.values())


def experiential_surveys_of(*, municipality: Municipality) -> QuerySet[ExperientialSurvey]:
    return municipality.experiential_surveys.annotate(result_count=Count("results")).order_by(
        "-year", "title"
    )


def experiential_results_of(*, municipality: Municipality) -> QuerySet[ExperientialResult]:
    return (
        ExperientialResult.objects.filter(survey__municipality=municipality)
        .select_related("survey", "village")
        .order_by("domain", "-survey__year", "survey__title", "id")
    )


def experiential_results_of_survey(*, survey: ExperientialSurvey) -> QuerySet[ExperientialResult]:
    return survey.results.select_related("village").order_by("domain", "id")


# --- Writes ---------------------------------------------------------------------------------


@transaction.atomic
def experiential_survey_create(
    *,
    municipality: Municipality,
    user,
    title: str,
    year: int,
    method: str = "",
    description: str = "",
    respondents: int | None = None,
) -> ExperientialSurvey:
    survey = ExperientialSurvey(
        municipality=municipality,
        title=title,
        year=year,
        method=method,
        description=description,
        respondents=respondents,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    survey.full_clean()
    survey.save()
    return survey


@transaction.atomic
def experiential_result_add(
    *,
    survey: ExperientialSurvey,
    domain: str,
    question: str,
    village: Village | None = None,
    group: str = "",
    value: float | None = None,
    unit: str = "",
    respondents: int | None = None,
    summary: str = "",
) -> ExperientialResult:
    if village is not None and village.municipality_id != survey.municipality_id:
        raise ValidationError(
            _("The village is not in the survey's municipality."), code="foreign_village"
        )
    result = ExperientialResult(
        survey=survey,
        domain=domain,
        question=question,
        village=village,
        group=group,
        value=value,
        unit=unit,
        respondents=respondents,
        summary=summary,
    )
    result.full_clean()
    result.save()
    survey.save(update_fields=["updated_at"])
    return result


# --- CSV import -----------------------------------------------------------------------------


class ExperientialImportError(ValidationError):
    """The file was refused; `messages` says what and where (row numbers count the header
    as row 1, as a spreadsheet shows them)."""


@dataclass
class ImportResult:
    created: int
    separator: str
    separator_name: str


def _separator_name(separator: str) -> str:
    return _("semicolon (;)") if separator == ";" else _("comma (,)")


def _decode(data: bytes) -> str:
    try:
        # utf-8-sig drops the byte order mark Excel writes, and reads a file without one.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExperientialImportError(
            [
                _(
                    "The file is not in UTF-8 (byte %(position)s). Save it from the "
                    "spreadsheet as “CSV UTF-8” and try again."
                )
                % {"position": error.start + 1}
            ],
            code="encoding",
        ) from error


def _detect_separator(header_line: str) -> str:
    semicolons, commas = header_line.count(";"), header_line.count(",")
    if not semicolons and not commas:
        raise ExperientialImportError(
            [
                _(
                    "Row 1: the columns must be separated by a semicolon (;) or a comma (,); "
                    "the header row has neither. Save the file from the spreadsheet as CSV."
                )
            ],
            code="separator",
        )
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
    errors = []
    if unknown:
        errors.append(
            _("Row 1: unknown columns: %(columns)s. The columns are: %(known)s.")
            % {"columns": ", ".join(unknown), "known": ", ".join(COLUMNS)}
        )
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        errors.append(
            _("Row 1: the required columns %(columns)s are missing (separator: %(separator)s).")
            % {"columns": ", ".join(missing), "separator": _separator_name(separator)}
        )
    duplicated = sorted({c for c in columns if c is not None and columns.count(c) > 1})
    if duplicated:
        errors.append(
            _("Row 1: the columns %(columns)s appear twice.") % {"columns": ", ".join(duplicated)}
        )
    if errors:
        raise ExperientialImportError(errors, code="columns")
    return columns


def _number(raw: str) -> float:
    text = raw.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    text = text.removesuffix("%")
    number = Decimal(text)  # InvalidOperation on anything else
    if not number.is_finite():
        raise InvalidOperation
    return float(number)


def experiential_csv_parse(*, data: bytes, municipality: Municipality) -> tuple[list[dict], str]:
    """The rows of a results file as fields of ExperientialResult, and the separator used.
    Raises ExperientialImportError listing every problem with its row number."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ExperientialImportError(
            [_("The file is larger than 2 MB; split it into smaller files.")], code="too_large"
        )
    text = _decode(data)
    if not text.strip():
        raise ExperientialImportError([_("The file is empty.")], code="empty")
    header_line = text.lstrip("\r\n").splitlines()[0]
    separator = _detect_separator(header_line)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True))
    except csv.Error as error:
        raise ExperientialImportError(
            [_("The file is not valid CSV: %(error)s.") % {"error": error}], code="csv"
        ) from error
    numbered = [
        (number, row) for number, row in enumerate(rows, start=1) if any(c.strip() for c in row)
    ]
    if not numbered:
        raise ExperientialImportError([_("The file is empty.")], code="empty")
    header = numbered[0][1]
    columns = _header_columns(header, separator)
    body = numbered[1:]
    if not body:
        raise ExperientialImportError(
            [_("The file has a header row but no results.")], code="no_rows"
        )
    if len(body) > MAX_IMPORT_ROWS:
        raise ExperientialImportError(
            [_("The file has more than %(limit)s rows; split it.") % {"limit": MAX_IMPORT_ROWS}],
            code="too_many_rows",
        )
    domains = domain_lookup()
    villages: dict[str, Village] = {}
    for village in Village.objects.filter(municipality=municipality):
        for name in (village.name_fi, village.name_sv, village.name_en):
            if name:
                villages[_normal(name)] = village
    village_names = ", ".join(sorted({v.name for v in villages.values()})) or "–"

    parsed: list[dict] = []
    errors: list[str] = []
    for number, row in body:
        if len(row) != len(columns):
            errors.append(
                _(
                    "Row %(row)s has %(found)s columns, the header %(expected)s. Check the "
                    "separator (%(separator)s) and quote values that contain it."
                )
                % {
                    "row": number,
                    "found": len(row),
                    "expected": len(columns),
                    "separator": _separator_name(separator),
                }
            )
            continue
        cells = {column: cell.strip() for column, cell in zip(columns, row, strict=True) if column}
        fields, row_errors = _parse_row(cells, domains, villages, village_names)
        errors.extend(
            _("Row %(row)s: %(problem)s") % {"row": number, "problem": problem}
            for problem in row_errors
        )
        if not row_errors:
            parsed.append(fields)
    if errors:
        shown = errors[:MAX_ERRORS_SHOWN]
        if len(errors) > MAX_ERRORS_SHOWN:
            shown.append(
                _("… and %(count)s more problems.") % {"count": len(errors) - MAX_ERRORS_SHOWN}
            )
        raise ExperientialImportError(shown, code="rows")
    return parsed, separator


def _parse_row(cells, domains, villages, village_names) -> tuple[dict, list[str]]:
    problems: list[str] = []
    fields: dict = {}
    raw_domain = cells.get("domain", "")
    fields["domain"] = domains.get(_normal(raw_domain))
    if not raw_domain:
        problems.append(_("the domain is missing."))
    elif fields["domain"] is None:
        problems.append(
            _("unknown domain “%(domain)s”. Use one of: %(domains)s.")
            % {
                "domain": raw_domain,
                "domains": "; ".join(str(domain.label) for domain in ExperientialDomain),
            }
        )
    fields["question"] = cells.get("question", "")
    if not fields["question"]:
        problems.append(_("the question is missing."))
    elif len(fields["question"]) > 500:
        problems.append(_("the question is longer than 500 characters."))
    raw_village = cells.get("village", "")
    fields["village"] = villages.get(_normal(raw_village)) if raw_village else None
    if raw_village and fields["village"] is None:
        problems.append(
            _("unknown village “%(village)s”. The municipality's villages: %(villages)s.")
            % {"village": raw_village, "villages": village_names}
        )
    fields["group"] = cells.get("group", "")
    if len(fields["group"]) > 200:
        problems.append(_("the group is longer than 200 characters."))
    raw_value = cells.get("value", "")
    fields["value"] = None
    if raw_value:
        try:
            fields["value"] = _number(raw_value)
        except (InvalidOperation, ValueError):
            problems.append(_("the value “%(value)s” is not a number.") % {"value": raw_value})
    fields["unit"] = cells.get("unit", "")
    if len(fields["unit"]) > 40:
        problems.append(_("the unit is longer than 40 characters."))
    raw_respondents = cells.get("respondents", "")
    fields["respondents"] = None
    if raw_respondents:
        if raw_respondents.isdigit() and int(raw_respondents) <= 10_000_000:
            fields["respondents"] = int(raw_respondents)
        else:
            problems.append(
                _("the number of respondents “%(value)s” is not a whole number.")
                % {"value": raw_respondents}
            )
    fields["summary"] = cells.get("summary", "")
    if not raw_value and not fields["summary"]:
        problems.append(_("give a value or a summary."))
    return fields, problems


@transaction.atomic
def experiential_results_import(*, survey: ExperientialSurvey, data: bytes) -> ImportResult:
    """Import a results file into a survey: every row or none."""
    rows, separator = experiential_csv_parse(data=data, municipality=survey.municipality)
    ExperientialResult.objects.bulk_create(ExperientialResult(survey=survey, **row) for row in rows)
    survey.save(update_fields=["updated_at"])
    return ImportResult(
        created=len(rows), separator=separator, separator_name=_separator_name(separator)
    )
