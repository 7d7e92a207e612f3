"""Place names for the base map, taken from the gazetteer we ship (``geo.load_gazetteer()``).

No tiles are needed to know where you are: province names show from the country view, cities
and towns as you zoom in, districts and passes closer still. The browser hides a label that
would overlap one of higher rank (see ``static/atlas/map.js``). Approximate gazetteer points
(a village placed at its district's centre) are not labelled: they would mislabel the map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geo import Gazetteer


@dataclass(frozen=True)
class Tier:
    """One rank of labels: which place kinds, from which zoom level, drawn with which class."""

    name: str
    kinds: frozenset[str]
    min_zoom: int


TIERS: tuple[Tier, ...] = (
    Tier("province", frozenset({"province"}), 6),
    Tier("city", frozenset({"city"}), 7),
    Tier("town", frozenset({"town"}), 8),
    Tier("district", frozenset({"district"}), 9),
    Tier("feature", frozenset({"pass", "valley", "range", "river"}), 9),
    Tier("locality", frozenset({"village", "locality"}), 10),
)
"""Highest rank first: where two labels collide, the earlier tier wins."""
MAX_LABELS = 3000
SAME_NAME_KM = 8.0
"""A lower-ranked label with the same name this close to a higher one is dropped (the district
"Kabul" at the city of Kabul)."""


@dataclass(frozen=True)
class MapLabel:
    name: str
    lat: float
    lon: float
    tier: int  # index into TIERS

    def to_row(self) -> list[object]:
        return [self.name, round(self.lat, 4), round(self.lon, 4), self.tier]


def _km(a: MapLabel, b: MapLabel) -> float:
    dy = (a.lat - b.lat) * 111.0
    dx = (a.lon - b.lon) * 111.0 * math.cos(math.radians((a.lat + b.lat) / 2))
    return math.hypot(dx, dy)


def labels_from(gazetteer: Gazetteer) -> list[MapLabel]:
    """Labels for the gazetteer's places inside its provinces' box, highest rank first."""
    tier_of = {kind: i for i, tier in enumerate(TIERS) for kind in tier.kinds}
    box = gazetteer.country_bbox
    found: list[MapLabel] = []
    for place in gazetteer.places:
        tier = tier_of.get(place.kind)
        if tier is None or (place.approximate and place.kind != "province"):
            continue
        if not box.contains(place.lat, place.lon):
            continue
        found.append(MapLabel(place.name, place.lat, place.lon, tier))
    found.sort(key=lambda label: (label.tier, label.name))
    kept: list[MapLabel] = []
    by_name: dict[str, list[MapLabel]] = {}
    for label in found:
        twins = by_name.setdefault(label.name.casefold(), [])
        if any(_km(label, twin) < SAME_NAME_KM for twin in twins):
            continue
        twins.append(label)
        kept.append(label)
    return kept[:MAX_LABELS]


@lru_cache(maxsize=1)
def map_labels() -> tuple[MapLabel, ...]:
    """The shipped gazetteer's labels (computed once per process)."""
    from geo import load_gazetteer

    return tuple(labels_from(load_gazetteer()))


def tiers_payload() -> list[dict[str, object]]:
    """What the browser needs to know about each tier."""
    return [{"name": t.name, "minZoom": t.min_zoom} for t in TIERS]
