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


@cache
def _collection() -> dict[str, Any]:
    path = Path(str(resources.files("geo").joinpath("data", "world_outlines.geojson")))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GazetteerDataError(f"cannot read country outlines {path}: {exc}") from exc
    return {f["properties"]["code"]: f for f in data["features"]}


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
    table = _collection()
    unknown = [c for c in wanted if c not in table]
    if unknown:
        raise UnknownCountry(
            f"Expected ISO 3166-1 alpha-2 codes with an outline (like 'UA'), instead got: "
            f"{unknown!r}."
        )
    return {
        "type": "FeatureCollection",
        "attribution": ATTRIBUTION,
        "features": [copy.deepcopy(table[c]) for c in wanted],
    }
