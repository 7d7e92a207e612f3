"""Claims out: GeoJSON (RFC 7946), CSV and JSON Lines, and atomic file writes.

Every format carries every field of :class:`~claims.model.Claim` (``CLAIM_FIELDS``), in that
order. GeoJSON points are ``[lon, lat]``; a claim whose place is unresolved has
``"geometry": null`` and keeps its ``unresolved_place`` in the properties.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from claims.exc import ExportError
from claims.model import CLAIM_FIELDS, Claim
from geo.cache import write_atomic as write_atomic  # the one atomic writer, re-exported

FORMATS = ("geojson", "csv", "jsonl")


def to_geojson(claims: Iterable[Claim]) -> dict[str, Any]:
    """A FeatureCollection with one Point feature per claim (geometry null when unlocated)."""
    features = []
    for c in claims:
        geometry = {"type": "Point", "coordinates": [c.lon, c.lat]} if c.located else None
        features.append(
            {"type": "Feature", "id": c.id, "geometry": geometry, "properties": c.to_dict()}
        )
    return {"type": "FeatureCollection", "features": features}


def to_csv(claims: Iterable[Claim]) -> str:
    """CSV with a header row of every claim field; empty cells for null values. Text that a
    spreadsheet would run as a formula (starting with = + - @ tab or CR) gets a leading
    apostrophe, so it stays text; numbers are written as they are."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(CLAIM_FIELDS), lineterminator="\n")
    writer.writeheader()
    for c in claims:
        writer.writerow({k: _cell(v) for k, v in c.to_dict().items()})
    return buffer.getvalue()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_jsonl(claims: Iterable[Claim]) -> str:
    """One JSON object per line, every field present (null when unknown)."""
    return "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in claims)


def render(claims: Iterable[Claim], fmt: str) -> str:
    """The claims as text in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "geojson":
        return json.dumps(to_geojson(claims), ensure_ascii=False, separators=(",", ":")) + "\n"
    if fmt == "csv":
        return to_csv(claims)
    if fmt == "jsonl":
        return to_jsonl(claims)
    raise ExportError(f"Expected a format among {', '.join(FORMATS)}, instead got: {fmt!r}.")
