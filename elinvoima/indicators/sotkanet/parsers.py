"""Readers of Sotkanet's formats (THL's REST API 1.1): values as `/json` and
`/csv` give them, the `/indicators` list, `/indicators/{id}` metadata and `/regions`.

The readers check the shape of each element or row and log what is wrong, where, into a
ProblemLog; whether ids exist in the database is for the importer to check. Values files
can be large (a national file of one indicator has ~100,000 values; a bulk file millions),
so they are read in chunks: memory stays flat and progress can be reported.
"""

import csv
import io
import json
import math
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import BinaryIO, TextIO

import orjson

from elinvoima.core.models import FIRST_YEAR, LAST_YEAR
from elinvoima.core.translation import default_language, text_in
from elinvoima.indicators.sotkanet.problems import Problem, ProblemLog

GENDERS = frozenset({"total", "male", "female"})
YEAR_MIN, YEAR_MAX = FIRST_YEAR, LAST_YEAR  # the years the models and the database accept
LANGUAGES = ("fi", "sv", "en")
# Values beyond this are not finite in a float, or not in PostgreSQL's double precision.
VALUE_LIMIT = 1e300
# Sotkanet's ids are stored in PositiveIntegerField columns (PostgreSQL's integer).
ID_MAX = 2_147_483_647
# Sotkanet's files nest a few levels (metadata: element → sources → organization → title →
# language); a file nested deeper is not Sotkanet's, and would crash the decoder past about
# a thousand levels, or storing it (JSONField) and quoting it well before.
MAX_DEPTH = 20
# Sotkanet's numbers are ids, years and counts: an integer longer than a 64-bit one is not
# Sotkanet's (Python reads at most 4,300 digits; JavaScript and PostgreSQL's casts far fewer).
MAX_INTEGER_DIGITS = 19
# About 50,000 compact values per chunk.
CHUNK_CHARS = 1 << 22
CHUNK_ROWS = 50_000

# A row of values: indicator (Sotkanet id), region (Sotkanet id), year, gender, value,
# absolute value (Sotkanet's absValue, often missing).
RawValue = tuple[int, int, int, str, float, float | None]

_WHITESPACE = re.compile(r"\s*")
# JSON can escape them ("\u0000", a lone "\ud800"), but PostgreSQL's text and jsonb cannot
# hold NUL, and no UTF-8 can hold a surrogate on its own.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_INTEGER = re.compile(r"-?\d+")
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?")


@dataclass
class ValuesChunk:
    """Rows in file order; None where the element or row was refused. `numbers` gives
    each one's element number (JSON) or row number (CSV)."""

    rows: list[RawValue | None]
    numbers: range | list[int]
    unit: str  # "element" or "row"

    def problem(self, index: int, code: str, **params) -> Problem:
        where = {self.unit: self.numbers[index]}
        return Problem(code, params=params, **where)


def text_stream(source: BinaryIO, *, newline: str | None = None) -> TextIO:
    # utf-8-sig: files saved by spreadsheet programs often start with a byte-order mark.
    return io.TextIOWrapper(source, encoding="utf-8-sig", errors="strict", newline=newline)


def values_estimate(source: BinaryIO, *, kind: str) -> int:
    """A quick upper estimate of the number of values, for the progress bar: objects in a
    JSON file, lines in a CSV file. Leaves the file at its start."""
    marker = b"{" if kind == "json" else b"\n"
    count = 0
    source.seek(0)
    while block := source.read(1 << 22):
        count += block.count(marker)
    source.seek(0)
    return count if kind == "json" else max(0, count - 1)


# --- values: JSON ---------------------------------------------------------------------------


def values_json_chunks(source: BinaryIO, *, log: ProblemLog) -> Iterator[ValuesChunk]:
    """Values of a `/json` file: `[{indicator, region, year, gender, value, absValue?}]`."""
    for first, elements in _json_list_chunks(text_stream(source), log=log):
        rows: list[RawValue | None] = []
        append = rows.append
        number = first
        for element in elements:
            # The usual case in one test; only a suspect element is looked at field by field.
            try:
                indicator = element["indicator"]
                region = element["region"]
                year = element["year"]
                gender = element["gender"]
                value = element["value"]
                abs_value = element.get("absValue")
            except (KeyError, TypeError, AttributeError):  # a field missing, or not an object
                pass
            else:
                if (
                    type(indicator) is int
                    and type(region) is int
                    and type(year) is int
                    and (type(value) is float or type(value) is int)
                    and indicator > 0
                    and region > 0
                    and YEAR_MIN <= year <= YEAR_MAX
                    and type(gender) is str
                    and gender in GENDERS
                    and -VALUE_LIMIT <= value <= VALUE_LIMIT
                    and (
                        abs_value is None
                        or (
                            (type(abs_value) is float or type(abs_value) is int)
                            and -VALUE_LIMIT <= abs_value <= VALUE_LIMIT
                        )
                    )
                    and type(element) is dict
                ):
                    append(
                        (
                            indicator,
                            region,
                            year,
                            gender,
                            float(value),
                            None if abs_value is None else float(abs_value),
                        )
                    )
                    number += 1
                    continue
            before = log.rejected
            if _deeper_than(element, MAX_DEPTH):
                log.add(Problem("json_too_deep", element=number, params={"limit": MAX_DEPTH}))
            else:
                _json_value_problems(element, number, log)
            if log.rejected == before:  # never let a refused element pass unexplained
                found = {"found": _snippet(element)}
                log.add(Problem("not_an_object", element=number, params=found))
            append(None)
            number += 1
        yield ValuesChunk(rows, range(first, number), "element")


def _json_value_problems(element, number: int, log: ProblemLog) -> None:
    if type(element) is not dict:
        log.add(Problem("not_an_object", element=number, params={"found": _snippet(element)}))
        return
    for name in ("indicator", "region", "year", "gender", "value"):
        if name not in element:
            log.add(Problem("missing_field", element=number, field=name))
    for name in ("indicator", "region"):
        if name in element and not _is_positive_int(element[name]):
            log.add(_integer_problem(element[name], element=number, field=name))
    if "year" in element:
        year = element["year"]
        if type(year) is not int:
            log.add(_integer_problem(year, element=number, field="year"))
        elif not YEAR_MIN <= year <= YEAR_MAX:
            log.add(_year_problem(year, element=number))
    gender = element.get("gender")
    if "gender" in element and not (isinstance(gender, str) and gender in GENDERS):
        log.add(
            Problem(
                "unknown_gender",
                element=number,
                field="gender",
                params={"value": _snippet(element["gender"])},
            )
        )
    for name in ("value", "absValue"):
        value = element.get(name)
        if name not in element or (name == "absValue" and value is None):
            continue
        if type(value) not in (int, float) or not -VALUE_LIMIT <= value <= VALUE_LIMIT:
            log.add(
                Problem(
                    "not_a_number", element=number, field=name, params={"value": _snippet(value)}
                )
            )


def _is_positive_int(value) -> bool:
    return type(value) is int and value > 0


def _integer_problem(value, **where) -> Problem:
    return Problem("not_an_integer", params={"value": _snippet(value)}, **where)


def _year_problem(year, **where) -> Problem:
    return Problem(
        "year_out_of_range",
        field="year",
        params={"value": year, "low": YEAR_MIN, "high": YEAR_MAX},
        **where,
    )


def _snippet(value) -> str:
    try:
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    except (RecursionError, ValueError):  # nested too deep to quote: callers check first
        text = "[…]" if isinstance(value, list) else "{…}"
    return text if len(text) <= 40 else text[:39] + "…"


def _deeper_than(value, limit: int) -> bool:
    """Whether lists and objects nest in `value` more than `limit` levels (a scalar is at
    level 0). Walks without recursion, so any depth the decoder gave can be checked."""
    pending = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if not isinstance(item, dict | list):
            continue
        children: Iterable = item.values() if isinstance(item, dict) else item
        if depth + 1 > limit:
            return True
        pending.extend((child, depth + 1) for child in children)
    return False


class _NotJsonNumber(ValueError):
    """NaN, Infinity or -Infinity: Python's JSON reads them, JSON does not allow them."""

    def __init__(self, text: str):
        super().__init__(f"{text} is not a number JSON allows")
        self.text = text


class _NumberTooLarge(ValueError):
    def __init__(self, text: str):
        super().__init__("a number too large for Sotkanet's data")
        self.text = text if len(text) <= 20 else text[:20] + "…"


def _refuse_constant(name: str):
    raise _NotJsonNumber(name)


def _bounded_integer(text: str, *, digits: int) -> int:
    if len(text.lstrip("-")) > digits:
        raise _NumberTooLarge(text)
    return int(text)


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):  # 1e999: no JSON, jsonb or double precision holds it
        raise _NumberTooLarge(text)
    return number


# Values, element by element once the fast way has failed: also says which number is too
# long for Python to read (past 4,300 digits int() refuses it).
_element_decoder = json.JSONDecoder(
    parse_constant=_refuse_constant,
    parse_int=lambda text: _bounded_integer(text, digits=sys.get_int_max_str_digits() or 4300),
)
# Metadata files (small, and kept whole in Indicator.metadata): every number must be one
# that JSON, PostgreSQL's jsonb and Sotkanet have.
_metadata_decoder = json.JSONDecoder(
    parse_constant=_refuse_constant,
    parse_int=lambda text: _bounded_integer(text, digits=MAX_INTEGER_DIGITS),
    parse_float=_finite_float,
)


def _number_problem(error: ValueError, **where) -> Problem:
    """The problem of a number the decoders refused: too large, or NaN/Infinity."""
    if isinstance(error, _NumberTooLarge):
        return Problem("number_too_large", params={"value": error.text}, **where)
    assert isinstance(error, _NotJsonNumber)
    return Problem("json_constant", params={"value": error.text}, **where)


def _json_list_chunks(stream: TextIO, *, log: ProblemLog) -> Iterator[tuple[int, list]]:
    """The elements of a JSON list, in chunks: (number of the first element, elements).

    The fast way cuts the text after the last "}" of each block and decodes the whole
    piece at once with the C decoder. A cut inside an element always leaves an unclosed
    string, object or list, so a piece that decodes holds whole elements only. When a
    piece does not decode, the rest is read element by element to say exactly where the
    file is wrong."""
    try:
        buffer = stream.read(CHUNK_CHARS)
        start = _WHITESPACE.match(buffer).end()
        while start == len(buffer):
            more = stream.read(CHUNK_CHARS)
            if not more:
                log.add(Problem("empty_file"))
                return
            buffer = more
            start = _WHITESPACE.match(buffer).end()
        if buffer[start] != "[":
            log.add(Problem("not_a_list", params={"found": buffer[start : start + 20]}))
            return
        buffer = buffer[start + 1 :]
        number, first, eof = 1, True, False
        while not eof:
            more = stream.read(CHUNK_CHARS)
            eof = not more
            buffer += more
            cut = buffer.rfind("}")
            if cut < 0:
                continue
            body = buffer[: cut + 1].lstrip()
            if not first:
                if not body.startswith(","):
                    break
                body = body[1:]
            try:
                # orjson reads a piece four times as fast as the standard decoder; anything
                # it refuses (NaN, a number past 64 bits, a lone surrogate, 1,024 levels)
                # sends the rest to the element-by-element reader, which says what and where.
                elements = orjson.loads("[" + body + "]")
            except (ValueError, RecursionError):  # read on element by element to say where
                break
            yield number, elements
            number += len(elements)
            first = False
            buffer = buffer[cut + 1 :]
        else:
            if buffer.strip() == "]":
                return
        yield from _json_elements_one_by_one(buffer + stream.read(), number, first, log)
    except UnicodeDecodeError:
        log.add(Problem("not_utf8"))


def _json_elements_one_by_one(
    text: str, number: int, first: bool, log: ProblemLog
) -> Iterator[tuple[int, list]]:
    end = len(text)
    index = _WHITESPACE.match(text).end()
    batch: list = []
    batch_start = number
    while True:
        if index >= end:
            log.add(Problem("json_truncated", element=number))
            break
        if text[index] == "]":
            rest = text[index + 1 :].strip()
            if rest:
                log.add(Problem("json_trailing", params={"near": rest[:30]}))
            break
        if not first:
            if text[index] != ",":
                log.add(Problem("json_syntax", element=number, params={"near": _near(text, index)}))
                break
            index = _WHITESPACE.match(text, index + 1).end()
            if index >= end:
                log.add(Problem("json_truncated", element=number))
                break
        try:
            element, index = _element_decoder.raw_decode(text, index)
        except json.JSONDecodeError as error:
            if _cut_short(text, error):
                log.add(Problem("json_truncated", element=number))
            else:
                log.add(
                    Problem("json_syntax", element=number, params={"near": _near(text, error.pos)})
                )
            break
        except (_NumberTooLarge, _NotJsonNumber) as error:
            log.add(_number_problem(error, element=number))
            break
        except RecursionError:
            log.add(Problem("json_too_deep", element=number, params={"limit": MAX_DEPTH}))
            break
        except ValueError:  # any other number Python cannot read
            log.add(Problem("json_syntax", element=number, params={"near": _near(text, index)}))
            break
        batch.append(element)
        number += 1
        first = False
        index = _WHITESPACE.match(text, index).end()
        if len(batch) >= CHUNK_ROWS:
            yield batch_start, batch
            batch, batch_start = [], number
    if batch:
        yield batch_start, batch


def _cut_short(text: str, error: json.JSONDecodeError) -> bool:
    if not text[error.pos :].strip():
        return True
    # An unterminated string at the very end ("…{"gender": "tot").
    return error.msg.startswith("Unterminated string") and '"' not in text[error.pos + 1 :]


def _near(text: str, position: int) -> str:
    return text[max(0, position - 10) : position + 20].replace("\n", " ")


# --- values: CSV ----------------------------------------------------------------------------

# Sotkanet's own CSV header and the field names of its JSON, lower-cased.
CSV_COLUMNS = {
    "indicator": "indicator",
    "indicator id": "indicator",
    "region": "region",
    "region id": "region",
    "year": "year",
    "gender": "gender",
    "sex": "gender",
    "value": "value",
    "primary value": "value",
    "absvalue": "absValue",
    "abs value": "absValue",
    "absolute value": "absValue",
}
CSV_REQUIRED = ("indicator", "region", "year", "gender", "value")
OTHER_SEPARATORS = (",", "\t", "|")


def values_csv_chunks(source: BinaryIO, *, log: ProblemLog) -> Iterator[ValuesChunk]:
    """Values of a `/csv` file: `;`-separated, a header row naming the columns."""
    stream = text_stream(source, newline="")
    reader = csv.reader(stream, delimiter=";", strict=True)
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            log.add(Problem("empty_file"))
            return
        positions = _csv_header(header, log)
        if positions is None:
            return
        width = len(header)
        indicator_at, region_at, year_at, gender_at, value_at = (
            positions[name] for name in CSV_REQUIRED
        )
        abs_at = positions.get("absValue")
        rows: list[RawValue | None] = []
        numbers: list[int] = []
        for cells in reader:
            if not cells:
                continue  # a blank line
            line = reader.line_num
            numbers.append(line)
            if len(cells) != width:
                rows.append(None)
                _csv_width_problem(cells, line, width, log)
            else:
                row_log_size = log.rejected
                indicator = _csv_integer(cells[indicator_at], line, "indicator", log)
                region = _csv_integer(cells[region_at], line, "region", log)
                year = _csv_integer(cells[year_at], line, "year", log, positive=False)
                gender = cells[gender_at].strip()
                if gender not in GENDERS:
                    log.add(
                        Problem(
                            "unknown_gender",
                            row=line,
                            field="gender",
                            params={"value": _snippet(gender)},
                        )
                    )
                if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
                    log.add(_year_problem(year, row=line))
                value = _csv_number(cells[value_at], line, "value", log)
                abs_value = None
                if abs_at is not None and cells[abs_at].strip():
                    abs_value = _csv_number(cells[abs_at], line, "absValue", log)
                if log.rejected != row_log_size:
                    rows.append(None)
                else:
                    rows.append((indicator, region, year, gender, value, abs_value))
            if len(rows) >= CHUNK_ROWS:
                yield ValuesChunk(rows, numbers, "row")
                rows, numbers = [], []
        if rows:
            yield ValuesChunk(rows, numbers, "row")
    except csv.Error:
        log.add(Problem("csv_syntax", row=reader.line_num))
    except UnicodeDecodeError:
        log.add(Problem("not_utf8"))


def _csv_header(header: list[str], log: ProblemLog) -> dict[str, int] | None:
    if len(header) == 1:
        for separator in OTHER_SEPARATORS:
            if separator in header[0]:
                shown = "TAB" if separator == "\t" else separator
                log.add(Problem("csv_separator", row=1, params={"found": shown}))
                return None
    positions: dict[str, int] = {}
    unknown = []
    for index, name in enumerate(header):
        canonical = CSV_COLUMNS.get(name.strip().lower())
        if canonical is None or canonical in positions:
            unknown.append(name.strip() or "“”")
        else:
            positions[canonical] = index
    if unknown:
        log.add(Problem("csv_unknown_columns", row=1, params={"columns": ", ".join(unknown)}))
        return None
    missing = [name for name in CSV_REQUIRED if name not in positions]
    if missing:
        log.add(Problem("csv_missing_columns", row=1, params={"columns": ", ".join(missing)}))
        return None
    return positions


def _csv_width_problem(cells: list[str], line: int, width: int, log: ProblemLog) -> None:
    if len(cells) == 1:
        for separator in OTHER_SEPARATORS:
            if separator in cells[0]:
                shown = "TAB" if separator == "\t" else separator
                log.add(Problem("csv_separator", row=line, params={"found": shown}))
                return
    log.add(Problem("csv_column_count", row=line, params={"found": len(cells), "expected": width}))


def _csv_integer(
    text: str, line: int, name: str, log: ProblemLog, *, positive: bool = True
) -> int | None:
    text = text.strip()
    if _INTEGER.fullmatch(text):
        if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
            shown = _NumberTooLarge(text).text
            log.add(Problem("number_too_large", row=line, field=name, params={"value": shown}))
            return None
        number = int(text)
        if number > 0 or not positive:
            return number
    log.add(_integer_problem(text, row=line, field=name))
    return None


def _csv_number(text: str, line: int, name: str, log: ProblemLog) -> float | None:
    text = text.strip()
    if _NUMBER.fullmatch(text):
        number = float(text.replace(",", "."))
        if -VALUE_LIMIT <= number <= VALUE_LIMIT:
            return number
    log.add(Problem("not_a_number", row=line, field=name, params={"value": _snippet(text)}))
    return None


# --- metadata: /regions, /indicators, /indicators/{id} ---------------------------------------


@dataclass
class RegionRecord:
    id: int
    code: str
    category: str
    titles: dict[str, str]
    element: int


@dataclass
class IndicatorRecord:
    """An indicator's fields as the model names them; `metadata` is the whole object of
    `/indicators/{id}` (None for an item of the `/indicators` list)."""

    sotkanet_id: int
    fields: dict
    element: int
    metadata: dict | None = field(default=None)


def _json_document(source: BinaryIO, log: ProblemLog):
    """A whole small JSON document (metadata files are at most a few megabytes)."""
    try:
        text = text_stream(source).read()
    except UnicodeDecodeError:
        log.add(Problem("not_utf8"))
        return None
    if not text.strip():
        log.add(Problem("empty_file"))
        return None
    try:
        document = _metadata_decoder.decode(text)
    except json.JSONDecodeError as error:
        stripped = text.rstrip()
        if error.pos >= len(stripped) or _cut_short(text, error):
            log.add(Problem("json_truncated", element=_elements_before(text, error.pos)))
        else:
            log.add(Problem("json_syntax", params={"near": _near(text, error.pos)}))
    except (_NumberTooLarge, _NotJsonNumber) as error:
        log.add(_number_problem(error))
    except RecursionError:
        log.add(Problem("json_too_deep", params={"limit": MAX_DEPTH}))
    else:
        if _deeper_than(document, MAX_DEPTH):
            log.add(Problem("json_too_deep", params={"limit": MAX_DEPTH}))
        elif character := _unstorable_character(document):
            log.add(Problem("unstorable_character", params={"value": f"U+{ord(character):04X}"}))
        else:
            return document
    return None


def _unstorable_character(document) -> str | None:
    """The first character of the document's texts (keys too) that no database stores."""
    pending = [document]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if found := _UNSTORABLE.search(item):
                return found.group()
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return None


def _elements_before(text: str, position: int) -> int:
    """Which element of the top-level list a position falls in, counted from 1."""
    depth, element, in_string, escaped = 0, 1, False, False
    for char in text[:position]:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "," and depth == 1:
            element += 1
    return element


def _json_list(source: BinaryIO, log: ProblemLog, *, allow_object: bool = False) -> list | None:
    document = _json_document(source, log)
    if document is None:
        return None
    if isinstance(document, dict) and allow_object:
        return [document]
    if not isinstance(document, list):
        log.add(Problem("not_a_list", params={"found": _snippet(document)[:20]}))
        return None
    return document


def _texts(value, number: int, name: str, log: ProblemLog, *, limit: int | None) -> dict:
    """A Sotkanet text in three languages, `{"fi": …, "sv": …, "en": …}` (a plain string
    is taken as Finnish). Missing languages are empty."""
    if value is None:
        return dict.fromkeys(LANGUAGES, "")
    if isinstance(value, str):
        value = {"fi": value}
    if not isinstance(value, dict):
        log.add(Problem("not_text", element=number, field=name, params={"value": _snippet(value)}))
        return dict.fromkeys(LANGUAGES, "")
    texts = {}
    for language in LANGUAGES:
        text = value.get(language) or ""
        if not isinstance(text, str):
            log.add(
                Problem(
                    "not_text",
                    element=number,
                    field=f"{name}.{language}",
                    params={"value": _snippet(text)},
                )
            )
            text = ""
        text = text.strip()
        if limit is not None and len(text) > limit:
            log.add(
                Problem(
                    "too_long",
                    element=number,
                    field=f"{name}.{language}",
                    params={"limit": limit},
                )
            )
        texts[language] = text
    return texts


def _required_id(element: dict, number: int, log: ProblemLog, name: str = "id") -> int | None:
    if name not in element:
        log.add(Problem("missing_field", element=number, field=name))
        return None
    value = element[name]
    if type(value) is not int:
        log.add(_integer_problem(value, element=number, field=name))
        return None
    if not 0 < value <= ID_MAX:
        log.add(
            Problem(
                "not_a_sotkanet_id",
                element=number,
                field=name,
                params={"value": value, "high": ID_MAX},
            )
        )
        return None
    return value


def _objects(elements: list, log: ProblemLog) -> Iterator[tuple[int, dict]]:
    for number, element in enumerate(elements, start=1):
        if isinstance(element, dict):
            yield number, element
        else:
            log.add(Problem("not_an_object", element=number, params={"found": _snippet(element)}))


def regions_parse(source: BinaryIO, *, log: ProblemLog) -> list[RegionRecord]:
    """`GET /regions`: `[{id, title: {fi, sv, en}, code, category, uri}]`."""
    elements = _json_list(source, log)
    records: list[RegionRecord] = []
    for number, element in _objects(elements or [], log):
        before = log.rejected
        region_id = _required_id(element, number, log)
        code = element.get("code")
        if code is None:
            code = ""
        elif isinstance(code, int) and not isinstance(code, bool):
            code = str(code)
        if not isinstance(code, str):
            log.add(
                Problem("not_text", element=number, field="code", params={"value": _snippet(code)})
            )
            code = ""
        elif len(code.strip()) > 20:
            log.add(Problem("too_long", element=number, field="code", params={"limit": 20}))
        category = element.get("category")
        if not isinstance(category, str) or not category.strip():
            if "category" not in element:
                log.add(Problem("missing_field", element=number, field="category"))
            else:
                log.add(
                    Problem(
                        "not_text",
                        element=number,
                        field="category",
                        params={"value": _snippet(category)},
                    )
                )
            category = ""
        elif len(category.strip()) > 32:
            log.add(Problem("too_long", element=number, field="category", params={"limit": 32}))
        if "title" not in element:
            log.add(Problem("missing_field", element=number, field="title"))
        titles = _texts(element.get("title"), number, "title", log, limit=200)
        if log.rejected == before and region_id is not None:
            records.append(
                RegionRecord(region_id, code.strip(), category.strip().upper(), titles, number)
            )
    return records


def indicator_list_parse(source: BinaryIO, *, log: ProblemLog) -> list[IndicatorRecord]:
    """`GET /indicators`: `[{id, title: {fi, sv, en}, organization: {id, title}}]`."""
    elements = _json_list(source, log)
    records = []
    for number, element in _objects(elements or [], log):
        before = log.rejected
        sotkanet_id = _required_id(element, number, log)
        fields = _title_and_organization(element, number, log)
        if log.rejected == before and sotkanet_id is not None:
            records.append(IndicatorRecord(sotkanet_id, fields, number))
    return records


def _title_and_organization(element: dict, number: int, log: ProblemLog) -> dict:
    if "title" not in element:
        log.add(Problem("missing_field", element=number, field="title"))
    titles = _texts(element.get("title"), number, "title", log, limit=500)
    organization = element.get("organization")
    organization_title = organization.get("title") if isinstance(organization, dict) else None
    organizations = _texts(organization_title, number, "organization.title", log, limit=200)
    fields = {}
    # A title is required in every language: a missing one is the default language's,
    # or that one's fallback (core.translation: Finnish, else Swedish, else English).
    fallback = text_in(titles, default_language())
    for language in LANGUAGES:
        fields[f"title_{language}"] = titles[language] or fallback
        fields[f"organization_{language}"] = organizations[language]
    if not fields["title_fi"] and "title" in element:
        log.add(Problem("missing_field", element=number, field="title.fi"))
    return fields


def indicator_metadata_parse(source: BinaryIO, *, log: ProblemLog) -> list[IndicatorRecord]:
    """`GET /indicators/{id}`: one indicator's metadata, or a list of them."""
    elements = _json_list(source, log, allow_object=True)
    records = []
    for number, element in _objects(elements or [], log):
        before = log.rejected
        sotkanet_id = _required_id(element, number, log)
        fields = _title_and_organization(element, number, log)
        for name, limit in (
            ("description", None),
            ("interpretation", None),
            ("limits", None),
            ("notices", None),
        ):
            texts = _texts(element.get(name), number, name, log, limit=limit)
            for language in LANGUAGES:
                fields[f"{name}_{language}"] = texts[language]
        value_type = _object_field(element, "primaryValueType", number, log, required=True)
        fields["value_type_code"] = _value_type_code(value_type, number, log)
        value_type = value_type or {}
        texts = _texts(value_type.get("title"), number, "primaryValueType.title", log, limit=200)
        for language in LANGUAGES:
            fields[f"value_type_{language}"] = texts[language]
        fields["decimals"] = _optional_int(element, "decimals", number, log, default=1)
        period = _object_field(element, "range", number, log, required=False) or {}
        start = _optional_year(period.get("start"), number, "range.start", log)
        end = _optional_year(period.get("end"), number, "range.end", log)
        if start is not None and end is not None and start > end:
            log.add(
                Problem(
                    "range_reversed",
                    element=number,
                    field="range",
                    params={"start": start, "end": end},
                )
            )
        fields["range_start"], fields["range_end"] = start, end
        fields["data_updated"] = _optional_date(element.get("data-updated"), number, log)
        classifications = element.get("classifications")
        sex = classifications.get("sex") if isinstance(classifications, dict) else None
        genders = sex.get("values") if isinstance(sex, dict) else None
        genders = genders if isinstance(genders, list) else []
        fields["genders"] = [gender for gender in genders if gender in GENDERS]
        fields["subjects"] = _list(element.get("subjects"))
        fields["sources"] = _list(element.get("sources"))
        if log.rejected == before and sotkanet_id is not None:
            records.append(IndicatorRecord(sotkanet_id, fields, number, metadata=element))
    return records


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _object_field(
    element: dict, name: str, number: int, log: ProblemLog, *, required: bool
) -> dict | None:
    """The object { … } in the field `name`, or None (a problem logged when it is required
    and missing or null, or when it is not an object)."""
    value = element.get(name)
    if value is None:
        if required:
            log.add(Problem("missing_field", element=number, field=name))
        return None
    if not isinstance(value, dict):
        log.add(
            Problem("not_an_object", element=number, field=name, params={"found": _snippet(value)})
        )
        return None
    return value


def _value_type_code(value_type: dict | None, number: int, log: ProblemLog) -> str:
    """`primaryValueType.code` ("PER100000"): every Sotkanet indicator has one."""
    if value_type is None:
        return ""  # the value type itself is missing or wrong: that problem is logged
    code = value_type.get("code")
    if code is None or code == "":
        log.add(Problem("missing_field", element=number, field="primaryValueType.code"))
        return ""
    if not isinstance(code, str) or len(code) > 40:
        log.add(
            Problem(
                "not_text",
                element=number,
                field="primaryValueType.code",
                params={"value": _snippet(code)},
            )
        )
        return ""
    return code


def _optional_int(element: dict, name: str, number: int, log: ProblemLog, *, default: int) -> int:
    value = element.get(name)
    if value is None:
        return default
    if type(value) is not int or not 0 <= value <= 20:
        log.add(_integer_problem(value, element=number, field=name))
        return default
    return value


def _optional_year(value, number: int, name: str, log: ProblemLog) -> int | None:
    if value is None:
        return None
    if type(value) is not int:
        log.add(_integer_problem(value, element=number, field=name))
        return None
    if not YEAR_MIN <= value <= YEAR_MAX:
        log.add(
            Problem(
                "year_out_of_range",
                element=number,
                field=name,
                params={"value": value, "low": YEAR_MIN, "high": YEAR_MAX},
            )
        )
        return None
    return value


def _optional_date(value, number: int, log: ProblemLog) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) else _not_date(value)
    except ValueError:
        log.add(
            Problem(
                "not_a_date",
                element=number,
                field="data-updated",
                params={"value": _snippet(value)},
            )
        )
        return None


def _not_date(value):
    raise ValueError(value)
