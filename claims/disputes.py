"""Disputes: sets of claims that disagree about the same area and the same days.

Claims are grouped by *event family* and *area*. A family is one kind, or kinds that describe
one event from opposite ends (:data:`EVENT_FAMILIES`: "took control of X" and "repelled the
attack on X" are both about the fight for X). The area is the province a place lies in (a town
inside Panjshir and Panjshir itself share an area), or the unresolved mention. Inside an area,
claims are split into runs of overlapping days ("on or before 5 Sep" reaches back
indefinitely). A run is a dispute for each :class:`Reason` that holds:

- ``SIDES``: claimants speak for different sides of the conflict (the profile's sides);
- ``FIGURES``: different figures for the same kind and scope (600, 700, 1,000 killed), each
  statement counted once, figures of different scopes never compared;
- ``DENIAL``: one claim denies what another asserts ("killed 50" vs "the Taliban denied it");
- ``OUTCOMES``: one side claims a change of control, the other a fight it held or repelled.

Undated claims cannot be placed in time and are left out; so are claims with no place.
:func:`counter_claim_pointers` links a place to the counter-claims filed about a wider place
around it (a Bazarak claim and the Taliban's claim about Panjshir province).
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from claims.corroboration import claim_span
from claims.model import Claim

if TYPE_CHECKING:
    from geo import Gazetteer


class Reason(StrEnum):
    """Why a set of claims is a dispute."""

    SIDES = "sides differ"
    FIGURES = "figures differ"
    DENIAL = "denied"
    OUTCOMES = "outcomes differ"


EVENT_FAMILIES: tuple[tuple[str, frozenset[str]], ...] = (
    ("fighting and control", frozenset({"territorial_control", "clashes"})),
)
"""Kinds that describe one event from opposite ends; any other kind is a family of its own."""
CHANGE_OF_CONTROL = "territorial_control"
"""The kind that claims an outcome; a clash claim by the other side contests it."""
_FAMILY_OF = {kind: name for name, kinds in EVENT_FAMILIES for kind in kinds}


def family_of(kind: str) -> str:
    """The event family a kind belongs to (the kind itself when it stands alone)."""
    return _FAMILY_OF.get(kind, kind)


@dataclass(frozen=True)
class Dispute:
    """Claims of one event family about one area and overlapping days that disagree."""

    id: str
    kind: str  # the headline kind: a change of control when one is claimed, else the first
    place: str | None  # the widest place among the claims (the area)
    place_id: str | None
    date_start: str  # ISO day; the first day a claim names (an open start: its last day)
    date_end: str
    reason: str  # the reasons in words, e.g. "sides differ: NRF vs Taliban; denied"
    claim_ids: tuple[str, ...]
    sides: tuple[str, ...]  # per claim, aligned with claim_ids
    figures: tuple[int | None, ...]  # per claim, aligned with claim_ids
    claimants: tuple[str | None, ...]  # per claim, aligned with claim_ids
    reasons: tuple[Reason, ...] = ()
    kinds: tuple[str, ...] = ()  # per claim, aligned with claim_ids
    stances: tuple[str, ...] = ()  # per claim, aligned with claim_ids
    family: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "family": self.family,
            "place": self.place,
            "place_id": self.place_id,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "reason": self.reason,
            "reasons": [str(r) for r in self.reasons],
            "claim_ids": list(self.claim_ids),
            "sides": list(self.sides),
            "kinds": list(self.kinds),
            "stances": list(self.stances),
            "figures": list(self.figures),
            "claimants": list(self.claimants),
        }


def conflict_sides() -> frozenset[str]:
    """The sides of the conflict (the default profile's parties, not "other"/"unknown")."""
    from claims.profile import load_profile

    return frozenset(s.id for s in load_profile().sides)


def find_disputes(
    claims: Iterable[Claim],
    gazetteer: Gazetteer | None = None,
    sides: Iterable[str] | None = None,
) -> list[Dispute]:
    """Disputes among ``claims``, ordered by date then kind. ``gazetteer`` (default: the
    bundled one) tells which province a place lies in; ``sides`` (default: the conflict
    profile's) are the parties whose disagreement makes a dispute."""
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    parties = frozenset(sides) if sides is not None else conflict_sides()
    buckets: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    areas: dict[tuple[str | None, str | None], str | None] = {}  # one lookup per place
    for c in claims:
        if claim_span(c) is None:
            continue
        where = (c.place_id, c.unresolved_place)
        if where not in areas:
            areas[where] = area_of(c, gaz)
        area = areas[where]
        if area is None:
            continue
        buckets[(family_of(c.kind), area)].append(c)
    out: list[Dispute] = []
    for (family, _area_key), members in buckets.items():
        for run in _date_runs(members):
            dispute = _judge(family, run, parties)
            if dispute is not None:
                out.append(dispute)
    out.sort(key=lambda d: (d.date_start, d.kind, d.place or ""))
    return out


def _default_gazetteer() -> Gazetteer | None:
    from claims.run import _default_gazetteer as load

    return load()


def area_of(c: Claim, gaz: Gazetteer | None) -> str | None:
    """The area a claim is compared within: its province, the country, or the place itself."""
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


def _span(c: Claim) -> tuple[date, date]:
    """The claim's days with an open start read as its last day (for ordering and titles)."""
    span = claim_span(c)
    assert span is not None  # undated claims were left out
    return (span[0] or span[1], span[1])


def _date_runs(members: list[Claim]) -> list[list[Claim]]:
    """Maximal runs of claims whose day spans overlap (chained); an open start ("on or
    before") overlaps everything before its day."""
    spans = {c.id: claim_span(c) for c in members}  # all dated: undated claims were left out
    ordered = sorted(members, key=lambda c: (spans[c.id][0] or date.min, spans[c.id][1], c.id))  # type: ignore[index]
    runs: list[list[Claim]] = []
    run_end = date.min
    for c in ordered:
        start, end = spans[c.id]  # type: ignore[misc]
        if runs and (start is None or start <= run_end):
            runs[-1].append(c)
            run_end = max(run_end, end)
        else:
            runs.append([c])
            run_end = end
    return [r for r in runs if len(r) > 1]


def _figures_differ(run: list[Claim]) -> list[str]:
    """Per kind and scope, the distinct figures when there is more than one, in words like
    "600, 700, 1,000" (a figure repeated by several statements counts once; denials and
    figures of another scope are not compared)."""
    by_what: dict[tuple[str, str], set[int]] = defaultdict(set)
    for c in run:
        if c.figure is not None and c.stance != "denies":
            by_what[(c.kind, " ".join((c.figure_scope or "").lower().split()))].add(c.figure)
    texts = []
    for (_kind, scope), values in sorted(by_what.items()):
        if len(values) > 1:
            listed = ", ".join(f"{v:,}" for v in sorted(values))
            texts.append(f"{listed} {scope}".strip())
    return texts


def _outcomes_differ(run: list[Claim], parties: frozenset[str]) -> bool:
    takers = {c.side for c in run if c.kind == CHANGE_OF_CONTROL and c.stance != "denies"}
    fighters = {c.side for c in run if c.kind != CHANGE_OF_CONTROL}
    return any(a != b for a in takers & parties for b in fighters & parties)


def _reasons(run: list[Claim], parties: frozenset[str]) -> list[tuple[Reason, str]]:
    sides = {c.side for c in run} & parties
    reasons: list[tuple[Reason, str]] = []
    if len(sides) > 1:
        reasons.append((Reason.SIDES, "sides differ: " + " vs ".join(sorted(sides))))
    figures = _figures_differ(run)
    if figures:
        reasons.append((Reason.FIGURES, "figures differ: " + "; ".join(figures)))
    stances = {c.stance for c in run}
    if "denies" in stances and "asserts" in stances:
        reasons.append((Reason.DENIAL, "denied"))
    if len({c.kind for c in run}) > 1 and _outcomes_differ(run, parties):
        reasons.append((Reason.OUTCOMES, "outcomes differ: control taken vs fought or held"))
    return reasons


def _judge(family: str, run: list[Claim], parties: frozenset[str]) -> Dispute | None:
    reasons = _reasons(run, parties)
    if not reasons:
        return None
    widest = max(run, key=lambda c: (c.radius_km or 0.0, c.place or ""))
    ids = tuple(c.id for c in run)
    kinds = tuple(c.kind for c in run)
    headline = CHANGE_OF_CONTROL if CHANGE_OF_CONTROL in kinds else kinds[0]
    return Dispute(
        id=hashlib.blake2b("|".join(sorted(ids)).encode(), digest_size=8).hexdigest(),
        kind=headline,
        place=widest.place or widest.unresolved_place,
        place_id=widest.place_id,
        date_start=min(_span(c)[0] for c in run).isoformat(),
        date_end=max(_span(c)[1] for c in run).isoformat(),
        reason="; ".join(text for _, text in reasons),
        claim_ids=ids,
        sides=tuple(c.side for c in run),
        figures=tuple(c.figure for c in run),
        claimants=tuple(c.claimant for c in run),
        reasons=tuple(r for r, _ in reasons),
        kinds=kinds,
        stances=tuple(c.stance for c in run),
        family=family,
    )


# -- pointers from a place to counter-claims about a wider place ----------------------------


@dataclass(frozen=True)
class CounterClaim:
    """A claim of a dispute that opposes claims about ``place_key`` but is filed about a place
    containing it (its province, say): shown from the narrower place so it is not missed."""

    place_key: str  # where the pointer is shown (a claim's place id)
    dispute_id: str
    claim_id: str  # the counter-claim
    filed_at: str | None  # the wider place's name
    filed_at_key: str | None  # the wider place's id


def _opposes(a: Claim, b: Claim, parties: frozenset[str]) -> bool:
    if a.stance != b.stance:
        return True
    return a.side != b.side and a.side in parties and b.side in parties


def _km(a: Claim, b: Claim) -> float:
    lat1, lat2 = math.radians(a.lat or 0.0), math.radians(b.lat or 0.0)
    dlat, dlon = lat2 - lat1, math.radians((b.lon or 0.0) - (a.lon or 0.0))
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _places(a: str, b: str, gaz: Gazetteer | None):
    """Both gazetteer entries, or None (no gazetteer, or an id it does not know)."""
    if gaz is None:
        return None
    try:
        return gaz.get(a), gaz.get(b)
    except (KeyError, LookupError):
        return None


def contains(outer: Claim, inner: Claim, gaz: Gazetteer | None) -> bool:
    """Whether ``outer``'s place contains ``inner``'s: it is the inner place's province (or
    country) in the gazetteer, or a wider area whose radius reaches the inner place."""
    if not (outer.place_id and inner.place_id) or outer.place_id == inner.place_id:
        return False
    if (outer.radius_km or 0.0) <= (inner.radius_km or 0.0):
        return False
    found = _places(outer.place_id, inner.place_id, gaz)
    if found is not None:
        big, small = found
        if big.kind == "country":
            return True
        if big.kind == "province":
            return (small.province or "").lower() == (big.province or big.name).lower()
    if not (outer.located and inner.located):
        return False
    return _km(outer, inner) <= (outer.radius_km or 0.0)


def counter_claim_pointers(
    disputes: Iterable[Dispute],
    claims_by_id: Mapping[str, Claim],
    sides: Iterable[str] | None = None,
    gazetteer: Gazetteer | None = None,
) -> dict[str, list[CounterClaim]]:
    """For each place (its id), the counter-claims filed about a place containing it (its
    province, a valley around it) in the same disputes: a claim opposes when its side or
    stance differs from one of the place's claims."""
    parties = frozenset(sides) if sides is not None else conflict_sides()
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    out: dict[str, list[CounterClaim]] = defaultdict(list)
    for dispute in disputes:
        members = [claims_by_id[i] for i in dispute.claim_ids if i in claims_by_id]
        for here in members:
            for there in members:
                if not here.place_id or not _opposes(here, there, parties):
                    continue
                if not contains(there, here, gaz):
                    continue
                pointer = CounterClaim(
                    here.place_id, dispute.id, there.id, there.place, there.place_id
                )
                if pointer not in out[here.place_id]:
                    out[here.place_id].append(pointer)
    return dict(out)
