"""Corroboration: the same assertion carried by several outlets, kept as one group.

Two claims are the same assertion when they share side, kind, stance, figure scope and place,
their days overlap, and their figures are compatible (both absent, or intervals that meet:
"about 600" and "600" do, "600" and "700" do not). Every claim belongs to exactly one
:class:`Group` (most groups have one member), so exports can carry a ``group_id`` for every row.

Figures of a group, or of one side of a dispute, are summarised the way conflict-event
datasets do it:

- UCDP GED's **low / best / high**: the lowest and highest figure any source states, and a best
  estimate (here the median of one figure per source, since no source is ranked above another);
- ACLED's **most conservative** figure: the lowest figure stated, "more than 1,000" counted as
  1,000 and vague amounts as their coded value ("dozens" 12, "hundreds" 100).

A figure is counted once per statement: the same number from the same sentence (as a combined
"1,600 dead or captured" read into two kinds) is never added twice.
"""

from __future__ import annotations

import hashlib
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from claims.model import Claim

GROUP_FIELDS = ("group_id", "group_claims", "group_outlets")
"""What exports add to each claim: its group's id, and how many claims and outlets it has."""


# -- days -------------------------------------------------------------------------------------


def claim_span(claim: Claim) -> tuple[date | None, date] | None:
    """The days a claim can be on: (first, last), inclusive; None when undated.

    A claim known only to have happened on or before a day (``date_precision ==
    "on_or_before"``) has an open start: ``(None, that day)``. Dates that do not parse count
    as undated; a reversed range is put in order.
    """
    return _span_of(claim.date_start, claim.date_end, claim.date_precision == "on_or_before")


@lru_cache(maxsize=8192)
def _span_of(start_text: str | None, end_text: str | None, open_start: bool):
    """Parsed once per distinct (start, end, precision): the same few days recur in 10k claims."""
    try:
        start = date.fromisoformat(start_text) if start_text else None
        end = date.fromisoformat(end_text) if end_text else None
    except (TypeError, ValueError):
        return None
    if open_start:
        last = end or start
        return (None, last) if last is not None else None
    if start is None:
        return None
    end = end or start
    return (start, end) if start <= end else (end, start)


def spans_overlap(a: tuple[date | None, date], b: tuple[date | None, date]) -> bool:
    """True when two spans share a day (an open start reaches back indefinitely)."""
    a_start, a_end = a
    b_start, b_end = b
    return (a_start is None or a_start <= b_end) and (b_start is None or b_start <= a_end)


# -- figures ----------------------------------------------------------------------------------


class Bound(StrEnum):
    """What a qualifier says about the true number relative to the stated one."""

    EXACT = "exact"  # "600"
    ABOUT = "about"  # "about 600", "some 600", "an estimated 600"
    AT_LEAST = "at least"  # "more than 600", "over 600", "at least 600"
    AT_MOST = "at most"  # "up to 600", "nearly 600", "fewer than 600"
    VAGUE = "vague"  # "dozens", "hundreds", "thousands" (coded as 12, 100, 1,000)


QUALIFIER_BOUNDS: dict[str, Bound] = {
    "about": Bound.ABOUT, "around": Bound.ABOUT, "approximately": Bound.ABOUT,
    "roughly": Bound.ABOUT, "some": Bound.ABOUT, "estimated": Bound.ABOUT,
    "an estimated": Bound.ABOUT, "close to": Bound.ABOUT,
    "more than": Bound.AT_LEAST, "over": Bound.AT_LEAST, "at least": Bound.AT_LEAST,
    "upwards of": Bound.AT_LEAST, "in excess of": Bound.AT_LEAST, "several": Bound.AT_LEAST,
    "up to": Bound.AT_MOST, "as many as": Bound.AT_MOST, "at most": Bound.AT_MOST,
    "nearly": Bound.AT_MOST, "almost": Bound.AT_MOST, "less than": Bound.AT_MOST,
    "fewer than": Bound.AT_MOST,
}  # fmt: skip
"""Qualifiers the extractor writes (``claims.figures``), by what they bound."""
VAGUE_RANGES: dict[str, tuple[int, int]] = {
    "dozens": (12, 99),
    "scores": (20, 99),
    "hundreds": (100, 999),
    "thousands": (1_000, 9_999),
    "tens of thousands": (10_000, 99_999),
    "hundreds of thousands": (100_000, 999_999),
    "millions": (1_000_000, 9_999_999),
}
"""Vague amounts: the range each can mean (its low end is the coded figure)."""
ABOUT_MARGIN = 0.1
""""about 600" is read as 540–660."""


def qualifier_bound(qualifier: str | None) -> Bound:
    """The kind of bound a figure's qualifier sets (unknown qualifiers read as approximate)."""
    if not qualifier:
        return Bound.EXACT
    words = " ".join(qualifier.lower().split())
    if any(words.endswith(v) for v in VAGUE_RANGES):
        return Bound.VAGUE
    return QUALIFIER_BOUNDS.get(words, Bound.ABOUT)


def figure_interval(figure: int, qualifier: str | None) -> tuple[float, float]:
    """The numbers a stated figure allows, as a closed interval (``inf`` for no upper bound)."""
    bound = qualifier_bound(qualifier)
    if bound is Bound.EXACT:
        return (figure, figure)
    if bound is Bound.ABOUT:
        return (figure * (1 - ABOUT_MARGIN), figure * (1 + ABOUT_MARGIN))
    if bound is Bound.AT_LEAST:
        return (figure, float("inf"))
    if bound is Bound.AT_MOST:
        return (min(1, figure), figure)
    words = " ".join((qualifier or "").lower().split())
    low, high = next(r for v, r in VAGUE_RANGES.items() if words.endswith(v))
    return (max(low, figure), max(high, figure))


@dataclass(frozen=True)
class FigureRange:
    """Figures stated for one thing, summarised: UCDP-style low / best / high and the ACLED-style
    most conservative figure. ``figures`` is how many distinct (source, figure) pairs went in."""

    low: int
    best: int
    high: int
    conservative: int
    figures: int
    sources: int

    def to_dict(self) -> dict[str, int]:
        return {
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "conservative": self.conservative,
            "figures": self.figures,
            "sources": self.sources,
        }


def source_key(claim: Claim) -> str:
    """Who carried the claim: the outlet when the article names one, else the article itself
    (so two articles with no outlet stated are never merged into one source)."""
    outlet = (claim.outlet or "").strip()
    return f"outlet:{outlet.casefold()}" if outlet else f"article:{claim.file}"


def figure_range(claims: Iterable[Claim]) -> FigureRange | None:
    """Low / best / high and the most conservative figure of the claims that state one; None
    when none does. One figure per statement, and per source the same figure counts once."""
    seen: set[tuple[str, int]] = set()
    per_source: dict[str, list[int]] = defaultdict(list)
    statements: set[tuple[str, str, int]] = set()
    for claim in claims:
        if claim.figure is None:
            continue
        statement = (claim.file, claim.statement_id, claim.figure)
        if statement in statements:  # a combined figure read into two kinds: count it once
            continue
        statements.add(statement)
        key = (source_key(claim), claim.figure)
        if key in seen:
            continue
        seen.add(key)
        per_source[key[0]].append(claim.figure)
    if not per_source:
        return None
    values = sorted(v for figures in per_source.values() for v in figures)
    one_each = [statistics.median_low(sorted(v)) for v in per_source.values()]
    return FigureRange(
        low=values[0],
        best=int(statistics.median_low(sorted(one_each))),
        high=values[-1],
        conservative=values[0],
        figures=len(values),
        sources=len(per_source),
    )


# -- groups -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """Claims that make the same assertion (one member when nobody else carries it)."""

    id: str
    side: str
    kind: str
    stance: str
    scope: str | None
    place: str | None
    place_id: str | None
    date_start: str | None  # ISO day; None: open (on or before date_end) or undated
    date_end: str | None
    claim_ids: tuple[str, ...]
    sources: tuple[str, ...]  # distinct source keys (see source_key), in first-seen order
    figures: FigureRange | None

    @property
    def n_claims(self) -> int:
        return len(self.claim_ids)

    @property
    def n_outlets(self) -> int:
        return len(self.sources)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "side": self.side,
            "kind": self.kind,
            "stance": self.stance,
            "scope": self.scope,
            "place": self.place,
            "place_id": self.place_id,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "claim_ids": list(self.claim_ids),
            "claims": self.n_claims,
            "outlets": self.n_outlets,
            "figures": self.figures.to_dict() if self.figures else None,
        }


def _place_key(claim: Claim) -> str | None:
    if claim.place_id:
        return claim.place_id
    if claim.located:
        return f"{claim.lat:.4f},{claim.lon:.4f}"
    if claim.unresolved_place:
        return "unresolved:" + " ".join(claim.unresolved_place.casefold().split())
    return None


def _bucket_key(claim: Claim) -> tuple[str, ...] | None:
    """Claims that can be one assertion share this key; None: the claim stands alone."""
    place = _place_key(claim)
    if place is None or claim_span(claim) is None:
        return None
    scope = " ".join((claim.figure_scope or "").casefold().split())
    return (claim.side, claim.kind, claim.stance, scope, place)


def _day_runs(members: list[Claim]) -> list[list[Claim]]:
    """Chains of claims whose spans overlap, in day order (open starts first)."""
    spans = {c.id: claim_span(c) for c in members}
    ordered = sorted(members, key=lambda c: (spans[c.id][0] or date.min, spans[c.id][1], c.id))  # type: ignore[index]
    runs: list[list[Claim]] = []
    run_end: date | None = None
    for claim in ordered:
        start, end = spans[claim.id]  # type: ignore[misc]
        if runs and run_end is not None and (start is None or start <= run_end):
            runs[-1].append(claim)
            run_end = max(run_end, end)
        else:
            runs.append([claim])
            run_end = end
    return runs


def _figure_clusters(run: list[Claim]) -> list[list[Claim]]:
    """Split a run into sets of compatible figures: figureless claims together, figures whose
    intervals all share a number together (greedy, by interval start)."""
    clusters: list[list[Claim]] = []
    bare = [c for c in run if c.figure is None]
    if bare:
        clusters.append(bare)
    numbered = sorted(
        (c for c in run if c.figure is not None),
        key=lambda c: (figure_interval(c.figure, c.figure_qualifier), c.id),  # type: ignore[arg-type]
    )
    low = high = 0.0
    for claim in numbered:
        lo, hi = figure_interval(claim.figure, claim.figure_qualifier)  # type: ignore[arg-type]
        if clusters and clusters[-1][0].figure is not None and max(low, lo) <= min(high, hi):
            clusters[-1].append(claim)
            low, high = max(low, lo), min(high, hi)
        else:
            clusters.append([claim])
            low, high = lo, hi
    return clusters


def _make_group(members: Sequence[Claim]) -> Group:
    ids = tuple(c.id for c in members)
    spans = [s for s in (claim_span(c) for c in members) if s is not None]
    starts = [s[0] for s in spans if s[0] is not None]
    first = members[0]
    return Group(
        id="g" + hashlib.blake2b("|".join(sorted(ids)).encode(), digest_size=6).hexdigest(),
        side=first.side,
        kind=first.kind,
        stance=first.stance,
        scope=first.figure_scope,
        place=first.place or first.unresolved_place,
        place_id=first.place_id,
        date_start=min(starts).isoformat() if spans and len(starts) == len(spans) else None,
        date_end=max(s[1] for s in spans).isoformat() if spans else None,
        claim_ids=ids,
        sources=tuple(dict.fromkeys(source_key(c) for c in members)),
        figures=figure_range(members),
    )


def find_groups(claims: Iterable[Claim]) -> list[Group]:
    """Every claim in exactly one group; groups carried by most outlets first, then by day."""
    buckets: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
    groups: list[Group] = []
    for claim in claims:
        key = _bucket_key(claim)
        if key is None:
            groups.append(_make_group([claim]))
        else:
            buckets[key].append(claim)
    for members in buckets.values():
        for run in _day_runs(members):
            groups.extend(_make_group(cluster) for cluster in _figure_clusters(run))
    groups.sort(key=lambda g: (-g.n_outlets, -g.n_claims, g.date_end or "9999", g.id))
    return groups


def group_index(groups: Iterable[Group]) -> dict[str, Group]:
    """Claim id → its group."""
    return {claim_id: group for group in groups for claim_id in group.claim_ids}


def group_fields(group: Group | None) -> dict[str, object]:
    """The :data:`GROUP_FIELDS` of one claim's group (nulls when it has none)."""
    if group is None:
        return dict.fromkeys(GROUP_FIELDS)
    return {"group_id": group.id, "group_claims": group.n_claims, "group_outlets": group.n_outlets}
