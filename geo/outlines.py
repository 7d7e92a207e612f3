"""Country outlines for a base map, as GeoJSON (RFC 7946).

From ``geo/data/world_outlines.geojson``: Natural Earth 1:10m admin-0 countries, version 5.1.1
(public domain; "Made with Natural Earth"), simplified to ~3 km for display, one feature per
ISO 3166-1 alpha-2 code (``scripts/build_gazetteer.py --world`` writes it). Borders are
approximate and take no position on disputed ones; the German point-of-view edition is used,
which draws Crimea inside Ukraine, as most of the world's governments recognise it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from geo.exc import GazetteerDataError, UnknownCountry

ATTRIBUTION = "Made with Natural Earth (public domain): 1:10m admin-0 countries v5.1.1, simplified"


OUTLINES_PATH = Path(str(resources.files("geo").joinpath("data", "world_outlines.geojson")))


@cache
def _text() -> str:
    try:
        return OUTLINES_PATH.read_text(encoding="utf-8")
    except OSError as exc:
        raise GazetteerDataError(f"cannot read country outlines {OUTLINES_PATH}: {exc}") from exc


@cache
def _collection() -> dict[str, Any]:
    try:
        data = json.loads(_text())
    except ValueError as exc:
        raise GazetteerDataError(f"cannot read country outlines {OUTLINES_PATH}: {exc}") from exc
    return {f["properties"]["code"]: f for f in data["features"]}


@cache
def _one(code: str) -> dict[str, Any] | None:
    """The feature of ``code`` decoded on its own from the file (the build writes each as
    ``{"type":"Feature","id":"XX",…}``), not the 1.3 MB of all of them (a dashboard start
    wants one or two: 2 ms instead of ~160 ms); None when it is not found so."""
    text = _text()
    at = text.find(f'"id":{json.dumps(code)},')
    start = text.rfind('{"type":"Feature"', 0, at) if at >= 0 else -1
    if start < 0:
        return None
    try:
        feature, _ = json.JSONDecoder().raw_decode(text, start)
    except ValueError:
        return None
    found = feature.get("properties", {}).get("code") if isinstance(feature, dict) else None
    return feature if found == code and feature.get("id") == code else None


def _feature(code: str) -> dict[str, Any] | None:
    return _one(code) or _collection().get(code)


def outline_codes() -> tuple[str, ...]:
    """Every ISO alpha-2 code that has an outline."""
    return tuple(sorted(_collection()))


def country_outlines(codes: Sequence[str]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the outlines of ``codes`` (ISO 3166-1 alpha-2, any
    case), in the order given; each feature has ``id`` and properties ``code`` and ``name``,
    and the collection an ``attribution``. Raises :class:`~geo.exc.UnknownCountry` naming the
    codes that have no outline. The result is a fresh copy the caller may change."""
    if isinstance(codes, str):
        codes = [codes]
    wanted = list(dict.fromkeys(c.strip().upper() for c in codes))
    found = {c: _feature(c) for c in wanted}
    unknown = [c for c, feature in found.items() if feature is None]
    if unknown:
        raise UnknownCountry(
            f"Expected ISO 3166-1 alpha-2 codes with an outline (like 'UA'), instead got: "
            f"{unknown!r}."
        )
    return {
        "type": "FeatureCollection",
        "attribution": ATTRIBUTION,
        "features": [copy.deepcopy(found[c]) for c in wanted],
    }
