"""Claims grouped per place: one marker each, and the view that fits them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from atlas.when import Dating, when
from claims.model import SIDES, Claim

MIXED = "mixed"
DEFAULT_BOUNDS = ((29.35, 60.5), (38.5, 75.0))
"""Roughly Afghanistan, for a map with no located claim."""
Bounds = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class PlaceGroup:
    """The shown claims about one place (one marker)."""

    key: str
    name: str
    lat: float
    lon: float
    radius_km: float | None
    precision: str | None
    side: str  # the side every claim shares, else MIXED
    side_counts: tuple[tuple[str, int], ...]
    claims: tuple[Claim, ...]
    datings: frozenset[Dating] = frozenset()
    days: tuple[date, date] | None = None  # first and last day named (report days included)

    @property
    def undated_only(self) -> bool:
        return self.datings == {Dating.UNDATED}

    @property
    def reported_only(self) -> bool:
        """Every claim dated only by its report (or undated), at least one by its report."""
        return Dating.REPORTED in self.datings and self.datings <= {
            Dating.REPORTED,
            Dating.UNDATED,
        }

    @property
    def is_area(self) -> bool:
        return self.precision == "area" and bool(self.radius_km)


def place_key(claim: Claim) -> str | None:
    """The key claims are grouped under: the gazetteer id, else the rounded point."""
    if not claim.located:
        return None
    if claim.place_id:
        return claim.place_id
    return f"{claim.lat:.4f},{claim.lon:.4f}"


def side_of(claims: Iterable[Claim], sides: Iterable[str] = SIDES) -> str:
    """The one side all claims share, or ``"mixed"``; a side outside ``sides`` counts as
    unknown."""
    known = set(sides)
    found = {c.side if c.side in known else "unknown" for c in claims}
    return found.pop() if len(found) == 1 else MIXED


def _sort_key(claim: Claim) -> tuple[bool, int, str]:
    """Newest first (by last day), undated last, then by id for a stable order."""
    found = when(claim)
    return (found is None, -found.end.toordinal() if found else 0, claim.id)


def _dates_of(members: list[Claim]) -> tuple[frozenset[Dating], tuple[date, date] | None]:
    """How the claims are dated, and the first and last day they name: one pass."""
    datings: set[Dating] = set()
    first: date | None = None
    last: date | None = None
    for claim in members:
        found = when(claim)
        if found is None:
            datings.add(Dating.UNDATED)
            continue
        datings.add(found.dating)
        lo = found.anchor
        first = lo if first is None or lo < first else first
        last = found.end if last is None or found.end > last else last
    days = (first, last) if first is not None and last is not None else None
    return frozenset(datings), days


def group_places(claims: Iterable[Claim], sides: Iterable[str] = SIDES) -> list[PlaceGroup]:
    """Located claims grouped per place, biggest group first; unlocated claims are skipped."""
    known = tuple(sides)
    buckets: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        key = place_key(claim)
        if key is not None:
            buckets[key].append(claim)
    groups = []
    for key, members in buckets.items():
        first = members[0]
        counts = Counter(c.side if c.side in known else "unknown" for c in members)
        radii = [c.radius_km for c in members if c.radius_km]
        datings, days = _dates_of(members)
        groups.append(
            PlaceGroup(
                key=key,
                name=first.place or first.place_mention or key,
                lat=float(first.lat),  # type: ignore[arg-type]
                lon=float(first.lon),  # type: ignore[arg-type]
                radius_km=max(radii) if radii else None,
                precision=first.place_precision,
                side=side_of(members, known),
                side_counts=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
                claims=tuple(sorted(members, key=_sort_key)),
                datings=datings,
                days=days,
            )
        )
    groups.sort(key=lambda g: (-len(g.claims), g.name))
    return groups


def claim_bounds(claims: Iterable[Claim]) -> Bounds:
    """South-west and north-east corners around the located claims (DEFAULT_BOUNDS if none)."""
    points = [
        (float(c.lat), float(c.lon)) for c in claims if c.lat is not None and c.lon is not None
    ]
    if not points:
        return DEFAULT_BOUNDS
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    # a single place: open a window of about 0.3° so the fit does not zoom to the street
    pad_lat = max(0.15 - (north - south) / 2, 0.0)
    pad_lon = max(0.15 - (east - west) / 2, 0.0)
    return ((south - pad_lat, west - pad_lon), (north + pad_lat, east + pad_lon))


def place_days(group: PlaceGroup) -> tuple[date, date] | None:
    """The first and last day the place's claims name (report days for "reported by")."""
    return group.days
