"""Claims grouped per place: one marker each, and the view that fits them.

A marker's data is :class:`store.semantics.PlaceSummary`, whichever way it was computed: by
the store's columns (the dashboard) or from a list of claims here (:func:`group_places`, with
every claim of the place kept, newest first).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from claims.model import SIDES, Claim
from store.semantics import MIXED, PlaceSummary, place_key, summarize_places

__all__ = ["MIXED", "PlaceSummary", "claim_bounds", "group_places", "place_days", "place_key"]

DEFAULT_BOUNDS = ((29.35, 60.5), (38.5, 75.0))
"""Roughly Afghanistan, for a map with no located claim."""
Bounds = tuple[tuple[float, float], tuple[float, float]]


def side_of(claims: Iterable[Claim], sides: Iterable[str] = SIDES) -> str:
    """The one side all claims share, or ``"mixed"``; a side outside ``sides`` counts as
    unknown."""
    known = set(sides)
    found = {c.side if c.side in known else "unknown" for c in claims}
    return found.pop() if len(found) == 1 else MIXED


def group_places(claims: Iterable[Claim], sides: Iterable[str] = SIDES) -> list[PlaceSummary]:
    """Located claims grouped per place, biggest group first; unlocated claims are skipped.
    Each summary keeps all its claims (``samples``), newest first."""
    return summarize_places(claims, samples=None, sides=sides)


def pad_bounds(south: float, west: float, north: float, east: float) -> Bounds:
    """A window around the corners; a single place gets about 0.3° so the fit does not zoom
    to the street."""
    pad_lat = max(0.15 - (north - south) / 2, 0.0)
    pad_lon = max(0.15 - (east - west) / 2, 0.0)
    return ((south - pad_lat, west - pad_lon), (north + pad_lat, east + pad_lon))


def claim_bounds(claims: Iterable[Claim]) -> Bounds:
    """South-west and north-east corners around the located claims (DEFAULT_BOUNDS if none)."""
    points = [
        (float(c.lat), float(c.lon)) for c in claims if c.lat is not None and c.lon is not None
    ]
    if not points:
        return DEFAULT_BOUNDS
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return pad_bounds(min(lats), min(lons), max(lats), max(lons))


def place_days(group: PlaceSummary) -> tuple[date, date] | None:
    """The first and last day the place's claims name (report days for "reported by")."""
    return group.days
