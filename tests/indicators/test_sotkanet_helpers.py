"""Helpers shared by the Sotkanet import tests (no tests of its own)."""

import io
import json
from pathlib import Path

from elinvoima.indicators.sotkanet import parsers
from elinvoima.indicators.sotkanet.problems import ProblemLog, problem_text

DATA = Path(__file__).resolve().parent / "data"
METADATA_FILE = DATA / "indicators_186_322.json"
REGIONS_FILE = DATA / "regions.json"
VALUES_JSON_FILE = DATA / "values.json"
VALUES_CSV_FILE = DATA / "values.csv"


def source(content: bytes | str | list | dict) -> io.BytesIO:
    if isinstance(content, list | dict):
        content = json.dumps(content, separators=(",", ":"))
    if isinstance(content, str):
        content = content.encode()
    return io.BytesIO(content)


def value(indicator=186, region=658, year=2021, gender="total", value=12.5, **extra) -> dict:
    return {
        "indicator": indicator,
        "region": region,
        "year": year,
        "gender": gender,
        "value": value,
        **extra,
    }


def read_values(content, *, kind="json") -> tuple[list, list[str]]:
    """(rows, problems as text) of a values file, rows without the refused ones."""
    log = ProblemLog()
    reader = parsers.values_json_chunks if kind == "json" else parsers.values_csv_chunks
    rows = [row for chunk in reader(source(content), log=log) for row in chunk.rows]
    return [row for row in rows if row is not None], [problem_text(p) for p in log.problems]
