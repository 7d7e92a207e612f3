"""Disputes: sets of claims that disagree about the same area and the same days.

Claims are grouped by kind and *area* — the province their place lies in (a town inside
Panjshir and Panjshir itself share an area), or the unresolved mention — and, inside an
area, into runs of overlapping date ranges. A group is a dispute when

- its claimants speak for different sides of the conflict (NRF vs Taliban), or
- its claims state different figures for the same kind (600, 700, 1,000 killed).

Undated claims cannot be placed in time and are left out; so are claims with no place.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claims.model import Claim

if TYPE_CHECKING:
    from geo import Gazetteer

CONFLICT_SIDES = frozenset({"NRF", "Taliban"})


@dataclass(frozen=True)
class Dispute:
    """Claims of one kind about one area and overlapping days that disagree."""

    id: str
    kind: str
    place: str | None  # the widest place among the claims (the area)
    place_id: str | None
    date_start: str
    date_end: str
    reason: str
    claim_ids: tuple[str, ...]
    sides: tuple[str, ...]  # per claim, aligned with claim_ids
    figures: tuple[int | None, ...]  # per claim, aligned with claim_ids
    claimants: tuple[str | None, ...]  # per claim, aligned with claim_ids

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "place": self.place,
            "place_id": self.place_id,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "reason": self.reason,
            "claim_ids": list(self.claim_ids),
            "sides": list(self.sides),
            "figures": list(self.figures),
            "claimants": list(self.claimants),
        }


def find_disputes(claims: Iterable[Claim], gazetteer: Gazetteer | None = None) -> list[Dispute]:
    """Disputes among ``claims``, ordered by date then kind. ``gazetteer`` (default: the
    bundled one) tells which province a place lies in."""
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    buckets: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.date_start is None:
            continue
        area = _area(c, gaz)
        if area is None:
            continue
        buckets[(c.kind, area)].append(c)
    out: list[Dispute] = []
    for (kind, _area_key), members in buckets.items():
        for run in _date_runs(members):
            dispute = _judge(kind, run)
            if dispute is not None:
                out.append(dispute)
    out.sort(key=lambda d: (d.date_start, d.kind, d.place or ""))
    return out


def _default_gazetteer() -> Gazetteer | None:
    from claims.extract import _default_gazetteer as load

    return load()


def _area(c: Claim, gaz: Gazetteer | None) -> str | None:
    if c.place_id is None:
        if c.unresolved_place:
            return "unresolved:" + " ".join(c.unresolved_place.lower().split())
        return None
    if gaz is not None:
        try:
            place = gaz.get(c.place_id)
        except (KeyError, LookupError):
            return c.place_id
        if place.kind == "country":
            return place.id
        if place.province:
            return "province:" + place.province.lower()
    return c.place_id


def _date_runs(members: list[Claim]) -> list[list[Claim]]:
    """Maximal runs of claims whose [date_start, date_end] ranges overlap (chained)."""
    ordered = sorted(members, key=lambda c: (c.date_start or "", c.date_end or ""))
    runs: list[list[Claim]] = []
    run_end = ""
    for c in ordered:
        start, end = c.date_start or "", c.date_end or c.date_start or ""
        if runs and start <= run_end:
            runs[-1].append(c)
            run_end = max(run_end, end)
        else:
            runs.append([c])
            run_end = end
    return [r for r in runs if len(r) > 1]


def _judge(kind: str, run: list[Claim]) -> Dispute | None:
    sides = {c.side for c in run} & CONFLICT_SIDES
    figures = sorted({c.figure for c in run if c.figure is not None})
    reasons = []
    if len(sides) > 1:
        reasons.append("sides differ: " + " vs ".join(sorted(sides)))
    if len(figures) > 1:
        reasons.append("figures differ: " + ", ".join(f"{f:,}" for f in figures))
    if not reasons:
        return None
    widest = max(run, key=lambda c: (c.radius_km or 0.0, c.place or ""))
    ids = tuple(c.id for c in run)
    return Dispute(
        id=hashlib.blake2b("|".join(sorted(ids)).encode(), digest_size=8).hexdigest(),
        kind=kind,
        place=widest.place or widest.unresolved_place,
        place_id=widest.place_id,
        date_start=min(c.date_start or "" for c in run),
        date_end=max(c.date_end or c.date_start or "" for c in run),
        reason="; ".join(reasons),
        claim_ids=ids,
        sides=tuple(c.side for c in run),
        figures=tuple(c.figure for c in run),
        claimants=tuple(c.claimant for c in run),
    )
