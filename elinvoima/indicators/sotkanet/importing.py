"""Importing Sotkanet files: regions, the indicator list, indicator metadata and values.

Every import takes a whole file, all or nothing: the file is read and checked first, and
only a sound file is written, in one transaction. Importing the same file again changes
nothing; the summary counts what was added, changed, left unchanged and rejected."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import translation

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.core.translation import default_language, text_in
from elinvoima.indicators.enums import IndicatorSource
from elinvoima.indicators.models import ImportJob, Indicator, Region
from elinvoima.indicators.sotkanet.parsers import (
    YEAR_MIN,
    IndicatorRecord,
    ValuesChunk,
    indicator_list_parse,
    indicator_metadata_parse,
    regions_parse,
    values_csv_chunks,
    values_estimate,
    values_json_chunks,
)
from elinvoima.indicators.sotkanet.problems import Problem, ProblemLog
from elinvoima.indicators.sotkanet.writers import (
    CheckedValue,
    KeysGone,
    import_write_lock,
    values_writer,
)

# (rows done, rows in all): called between chunks, never per row.
Progress = Callable[[int, int], None]

GENDER_BITS = {"total": 0, "male": 1, "female": 2}
MUNICIPALITY = "KUNTA"
WELLBEING_COUNTY = "HYVINVOINTIALUE"
LANGUAGES = ("fi", "sv", "en")


@dataclass
class ImportSummary:
    total: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    rejected: int = 0


def _no_progress(done: int, total: int) -> None:
    pass


# --- values ---------------------------------------------------------------------------------


def values_import(
    *,
    source: BinaryIO,
    values_format: str,
    progress: Progress | None = None,
    using: str = DEFAULT_DB_ALIAS,
) -> ImportSummary:
    """Import a `/json` (`values_format="json"`) or `/csv` values file. Raises
    ImportRefused, having written nothing, when anything in it is wrong."""
    progress = progress or _no_progress
    connection = connections[using]
    total = values_estimate(source, kind=values_format) if source.seekable() else 0
    progress(0, total)
    indicators = dict(
        Indicator.objects.using(using)
        .filter(sotkanet_id__isnull=False)
        .values_list("sotkanet_id", "pk")
    )
    regions = set(Region.objects.using(using).values_list("pk", flat=True))
    log = ProblemLog()
    seen: set[int] = set()
    chunks = values_json_chunks if values_format == "json" else values_csv_chunks
    writer = values_writer(connection)
    done = 0
    try:
        for chunk in chunks(source, log=log):
            rows = _values_checked(chunk, indicators, regions, seen, log)
            if not log:
                writer.add(rows)
            else:  # refused: roll back what was written, read on only to find more problems
                writer.close()
            done += len(chunk.rows)
            progress(done, max(total, done))
        if log:
            raise log.refuse()
        counts = writer.finish()
    except KeysGone:
        log.add(Problem("keys_deleted"))
        raise log.refuse() from None
    finally:
        writer.close()
    progress(done, done)
    return ImportSummary(
        total=done, added=counts.added, changed=counts.changed, unchanged=counts.unchanged
    )


def _values_checked(
    chunk: ValuesChunk,
    indicators: dict[int, int],
    regions: set[int],
    seen: set[int],
    log: ProblemLog,
) -> list[CheckedValue]:
    """The chunk's rows with the indicator's primary key in place of its Sotkanet id, and
    problems logged for unknown ids and rows repeated in the file."""
    checked: list[CheckedValue] = []
    append = checked.append
    for index, row in enumerate(chunk.rows):
        if row is None:
            continue
        indicator, region, year, gender, value, abs_value = row
        indicator_pk = indicators.get(indicator)
        if indicator_pk is None:
            log.add(_field_problem(chunk, index, "unknown_indicator", "indicator", indicator))
            continue
        if region not in regions:
            log.add(_field_problem(chunk, index, "unknown_region", "region", region))
            continue
        # One int per row, not a tuple: a million of them fit in a few tens of megabytes.
        key = (((indicator_pk << 32 | region) << 10 | (year - YEAR_MIN)) << 2) | GENDER_BITS[gender]
        if key in seen:
            log.add(
                chunk.problem(
                    index,
                    "duplicate_value",
                    indicator=indicator,
                    region=region,
                    year=year,
                    gender=gender,
                )
            )
            continue
        seen.add(key)
        append((indicator_pk, region, year, gender, value, abs_value))
    return checked


def _field_problem(chunk: ValuesChunk, index: int, code: str, field: str, value) -> Problem:
    problem = chunk.problem(index, code, value=value)
    return Problem(problem.code, problem.element, problem.row, field, problem.params)


# --- regions --------------------------------------------------------------------------------

REGION_FIELDS = (
    "code",
    "category",
    "title_fi",
    "title_sv",
    "title_en",
    "municipality_id",
    "wellbeing_county_id",
)


def regions_import(
    *, source: BinaryIO, progress: Progress | None = None, using: str = DEFAULT_DB_ALIAS
) -> ImportSummary:
    """Import `/regions`: upsert on Sotkanet's region id, and link municipalities
    (category KUNTA) by their official code and wellbeing services counties by the
    Sotkanet id the reference data gives them, or else by their code."""
    progress = progress or _no_progress
    log = ProblemLog()
    records = regions_parse(source, log=log)
    progress(0, len(records))
    _refuse_repeated_ids(records, log, key=lambda record: record.id)
    municipalities = dict(Municipality.objects.using(using).values_list("code", "pk"))
    counties = WellbeingCounty.objects.using(using).values_list("pk", "code", "sotkanet_region_id")
    county_by_region = {region_id: pk for pk, _, region_id in counties if region_id}
    county_by_code = {code: pk for pk, code, _ in counties}
    wanted: dict[int, dict] = {}
    linked_to: dict[tuple[str, int], int] = {}
    for record in records:
        municipality_id = county_id = None
        if record.category == MUNICIPALITY and record.code.isdigit():
            municipality_id = municipalities.get(record.code.zfill(3))
        county_id = county_by_region.get(record.id)
        if county_id is None and record.category == WELLBEING_COUNTY and record.code.isdigit():
            county_id = county_by_code.get(str(int(record.code)))
        for link in (("municipality", municipality_id), ("county", county_id)):
            if link[1] is None:
                continue
            if link in linked_to:
                log.add(
                    Problem(
                        "duplicate_code",
                        element=record.element,
                        field="code",
                        params={"value": record.code, "first": _element_name(linked_to[link])},
                    )
                )
            linked_to[link] = record.element
        # The default language's title, or its fallback (core.translation).
        fallback = text_in(record.titles, default_language())
        wanted[record.id] = {
            "code": record.code,
            "category": record.category,
            "title_fi": fallback,
            "title_sv": record.titles["sv"] or None,
            "title_en": record.titles["en"] or None,
            "municipality_id": municipality_id,
            "wellbeing_county_id": county_id,
        }
    if log:
        raise log.refuse()
    summary = ImportSummary(total=len(records))
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic(using=using):
        import_write_lock(connections[using])
        regions = Region.objects.using(using)
        existing = regions.in_bulk(list(wanted))
        # A municipality or county links to one region only: free the ones this file
        # links elsewhere first, so that no row briefly holds another's link.
        for field in ("municipality_id", "wellbeing_county_id"):
            targets = {values[field] for values in wanted.values()} - {None}
            keeping = [
                region_id
                for region_id, values in wanted.items()
                if region_id in existing and getattr(existing[region_id], field) == values[field]
            ]
            regions.filter(**{f"{field}__in": targets}).exclude(pk__in=keeping).update(
                **{field: None}
            )
        new, changed = [], []
        for region_id, values in wanted.items():
            region = existing.get(region_id)
            if region is None:
                new.append(Region(id=region_id, **values))
            elif any(getattr(region, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(region, name, value)
                changed.append(region)
        regions.bulk_create(new)
        regions.bulk_update(changed, [*REGION_FIELDS, "title"])
    summary.added, summary.changed = len(new), len(changed)
    summary.unchanged = summary.total - summary.added - summary.changed
    progress(summary.total, summary.total)
    return summary


def _element_name(number: int) -> str:
    return str(translation.gettext("element %(number)s") % {"number": number})


def _refuse_repeated_ids(records, log: ProblemLog, *, key) -> None:
    first_of: dict[int, int] = {}
    for record in records:
        record_id = key(record)
        if record_id in first_of:
            log.add(
                Problem(
                    "duplicate_id",
                    element=record.element,
                    field="id",
                    params={"value": record_id, "first": _element_name(first_of[record_id])},
                )
            )
        else:
            first_of[record_id] = record.element


# --- indicators -----------------------------------------------------------------------------


def indicator_list_import(
    *, source: BinaryIO, progress: Progress | None = None, using: str = DEFAULT_DB_ALIAS
) -> ImportSummary:
    """Import `/indicators`: adds the indicators that are missing and refreshes the titles
    and producers of the others; their other metadata stays as it is."""
    log = ProblemLog()
    records = indicator_list_parse(source, log=log)
    return _indicators_upsert(records, log, progress=progress, using=using)


def indicator_metadata_import(
    *, source: BinaryIO, progress: Progress | None = None, using: str = DEFAULT_DB_ALIAS
) -> ImportSummary:
    """Import `/indicators/{id}`: one indicator's metadata or a list of them, whole."""
    log = ProblemLog()
    records = indicator_metadata_parse(source, log=log)
    return _indicators_upsert(records, log, progress=progress, using=using)


def _indicators_upsert(
    records: list[IndicatorRecord], log: ProblemLog, *, progress: Progress | None, using: str
) -> ImportSummary:
    progress = progress or _no_progress
    progress(0, len(records))
    _refuse_repeated_ids(records, log, key=lambda record: record.sotkanet_id)
    if log:
        raise log.refuse()
    summary = ImportSummary(total=len(records))
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic(using=using):
        import_write_lock(connections[using])
        indicators = Indicator.objects.using(using)
        existing = indicators.in_bulk(
            [record.sotkanet_id for record in records], field_name="sotkanet_id"
        )
        new, changed, fields = [], [], set()
        for record in records:
            values = dict(record.fields)
            if record.metadata is not None:
                values["metadata"] = record.metadata
            indicator = existing.get(record.sotkanet_id)
            if indicator is None:
                new.append(
                    Indicator(
                        source=IndicatorSource.SOTKANET, sotkanet_id=record.sotkanet_id, **values
                    )
                )
                continue
            differing = {
                name for name, value in values.items() if getattr(indicator, name) != value
            }
            if differing:
                for name in differing:
                    setattr(indicator, name, values[name])
                fields |= differing
                changed.append(indicator)
        indicators.bulk_create(new)
        if changed:
            if any(name.startswith("title_") for name in fields):
                fields.add("title")  # the untranslated column modeltranslation keeps
            indicators.bulk_update(changed, sorted(fields))
    summary.added, summary.changed = len(new), len(changed)
    summary.unchanged = summary.total - summary.added - summary.changed
    progress(summary.total, summary.total)
    return summary


# --- one entry point per kind of file -------------------------------------------------------


def sotkanet_file_import(
    *,
    kind: str,
    source: BinaryIO,
    progress: Progress | None = None,
    using: str = DEFAULT_DB_ALIAS,
) -> ImportSummary:
    """Import a file of any kind ImportJob knows."""
    Kind = ImportJob.Kind
    if kind == Kind.VALUES_JSON:
        return values_import(source=source, values_format="json", progress=progress, using=using)
    if kind == Kind.VALUES_CSV:
        return values_import(source=source, values_format="csv", progress=progress, using=using)
    if kind == Kind.INDICATOR_METADATA:
        return indicator_metadata_import(source=source, progress=progress, using=using)
    if kind == Kind.INDICATOR_LIST:
        return indicator_list_import(source=source, progress=progress, using=using)
    if kind == Kind.REGIONS:
        return regions_import(source=source, progress=progress, using=using)
    raise ValueError(f"unknown kind of Sotkanet file: {kind}")
