"""The nouns of the geo package: a place, the answer to "where is X?", a mention in text."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

PLACE_KINDS = (
    "country",
    "province",
    "district",
    "city",
    "town",
    "village",
    "pass",
    "valley",
    "range",
    "locality",
    "river",
)
# Kinds whose point stands for an area rather than a spot.
AREA_KINDS = frozenset({"country", "province", "district", "valley", "range", "river"})


@dataclass(frozen=True)
class BBox:
    """A latitude/longitude box; ``contains`` is inclusive."""

    south: float
    west: float
    north: float
    east: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


@dataclass(frozen=True)
class Province:
    """A province's inside-point, equivalent radius and bounding box (geo/data/provinces.csv)."""

    pcode: str
    name: str
    lat: float
    lon: float
    radius_km: float
    bbox: BBox


@dataclass(frozen=True)
class Place:
    """One gazetteer entry (or an online geocoding result)."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    radius_km: float
    province: str | None
    approximate: bool
    aliases: tuple[str, ...]
    source: str
    country: str | None = None  # ISO 3166-1 alpha-2 of a world-layer place
    population: int = 0  # GeoNames population (world layer), 0 when unknown

    @property
    def precision(self) -> str:
        """``"point"`` for a spot (town, pass, village…), ``"area"`` for a region or a fallback."""
        return "area" if self.approximate or self.kind in AREA_KINDS else "point"

    def distance_km(self, other: Place) -> float:
        """Great-circle distance between the two points (haversine, km)."""
        p1, p2 = math.radians(self.lat), math.radians(other.lat)
        dp, dl = p2 - p1, math.radians(other.lon - self.lon)
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Resolution:
    """The answer to "where is ``query``?": a place, or a reason and the nearest candidates.

    ``method`` says how it was found: "exact" (name or alias), "key" (same phonetic key),
    "fuzzy", "cache", "online", or "" when unresolved.
    """

    query: str
    place: Place | None = None
    reason: str | None = None
    candidates: tuple[str, ...] = ()
    score: float = 0.0
    method: str = ""

    @property
    def resolved(self) -> bool:
        return self.place is not None

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON object (one per line)."""
        p = self.place
        if p is None:
            return {
                "query": self.query,
                "unresolved": True,
                "reason": self.reason,
                "candidates": list(self.candidates),
            }
        return {
            "query": self.query,
            "name": p.name,
            "id": p.id,
            "kind": p.kind,
            "lat": p.lat,
            "lon": p.lon,
            "radius_km": p.radius_km,
            "province": p.province,
            "approximate": p.approximate,
            "source": p.source,
            **({"country": p.country, "population": p.population} if p.country else {}),
        }


@dataclass(frozen=True)
class Mention:
    """A place name found in running text: ``text == original[start:end]``."""

    start: int
    end: int
    text: str
    resolution: Resolution
