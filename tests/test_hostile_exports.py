"""Downloads carry hostile text as inert data: exact in GeoJSON/JSONL, formula-safe in CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hostile.payloads import PAYLOADS

from claims import load_corpus
from claims.export import to_csv, to_geojson, to_jsonl
from claims.model import CLAIM_FIELDS

XSS_DIR = Path(__file__).resolve().parent / "hostile" / "xss"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMERIC = {"figure", "lat", "lon", "radius_km", "quote_start", "quote_end"}


@pytest.fixture(scope="module")
def claims():
    corpus = load_corpus([XSS_DIR])
    assert corpus.claims, "the hostile corpus produced no claims"
    return corpus.claims


def _payload_fields(claims) -> int:
    """How many (claim, field) cells carry some payload text."""
    texts = [p.text.strip() for p in PAYLOADS if len(p.text.strip()) > 3]
    return sum(
        1
        for c in claims
        for value in c.to_dict().values()
        if isinstance(value, str) and any(t in value for t in texts)
    )


def test_geojson_and_jsonl_keep_every_value_exactly(claims):
    assert _payload_fields(claims) >= 30
    doc = json.loads(json.dumps(to_geojson(claims), ensure_ascii=False))
    assert len(doc["features"]) == len(claims)
    for feature, claim in zip(doc["features"], claims, strict=True):
        assert feature["properties"] == json.loads(json.dumps(claim.to_dict()))
        if claim.located:
            lon, lat = feature["geometry"]["coordinates"]
            assert -90 <= lat <= 90 and -180 <= lon <= 180
    lines = to_jsonl(claims).split("\n")  # JSON Lines: records end at \n only
    assert lines.pop() == ""
    assert len(lines) == len(claims), "a newline inside a value split a JSONL record"
    for line, claim in zip(lines, claims, strict=True):
        assert json.loads(line) == json.loads(json.dumps(claim.to_dict()))


def test_csv_round_trips_every_row(claims):
    rows = list(csv.DictReader(io.StringIO(to_csv(claims), newline="")))
    assert len(rows) == len(claims)
    assert list(rows[0]) == list(CLAIM_FIELDS)
    for row, claim in zip(rows, claims, strict=True):
        for key, value in claim.to_dict().items():
            expected = "" if value is None else str(value)
            got = row[key]
            if got != expected:  # allowed difference: a neutralising quote before a formula
                assert got == "'" + expected and expected.startswith(FORMULA_START), (key, got)


def test_csv_neutralises_formula_cells(claims):
    """Cells a spreadsheet would run as a formula must not start with = + - @ TAB CR."""
    rows = list(csv.DictReader(io.StringIO(to_csv(claims), newline="")))
    live = sorted(
        {
            f"{key}={value[:40]!r}"
            for row in rows
            for key, value in row.items()
            if key not in NUMERIC and value.startswith(FORMULA_START)
        }
    )
    assert not live, "formula cells in the CSV download (see FINDINGS F8):\n" + "\n".join(live)
