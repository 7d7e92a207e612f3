"""Disputes and corroboration as the dashboard lists them (pure data, no Streamlit).

A dispute is shown side by side: one column per side, its first claims visible and *every* other
claim one click away (``rest``), with the figures of the side summarised per kind and scope as
low / best / high and the most conservative figure (:func:`claims.corroboration.figure_range`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from atlas.when import span_text
from atlas.words import kind_label
from claims.corroboration import FigureRange, Group, figure_range, source_key
from claims.model import SIDES, Claim


class DisputeLike(Protocol):
    @property
    def claim_ids(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class KindRange:
    """The figures one side gives for one kind (and scope)."""

    kind: str
    scope: str | None
    figures: FigureRange

    @property
    def title(self) -> str:
        return kind_label(self.kind) + (f" ({self.scope})" if self.scope else "")


@dataclass(frozen=True)
class SideColumn:
    """The claims of one side in a dispute: the first few, the rest, and their figures."""

    side: str
    claims: tuple[Claim, ...]  # shown first
    rest: tuple[Claim, ...]  # one click away
    ranges: tuple[KindRange, ...] = ()

    @property
    def more(self) -> int:
        return len(self.rest)

    @property
    def all(self) -> tuple[Claim, ...]:
        return self.claims + self.rest


def _order_key(claim: Claim) -> tuple[bool, int, bool, str]:
    return (claim.figure is None, -(claim.figure or 0), claim.date_start is None, claim.id)


def kind_ranges(claims: Iterable[Claim]) -> tuple[KindRange, ...]:
    """Figure ranges per (kind, scope), denials left out (they state no count of their own)."""
    buckets: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        if claim.figure is None or claim.stance == "denies":
            continue
        scope = " ".join((claim.figure_scope or "").split())
        buckets.setdefault((claim.kind, scope), []).append(claim)
    out = []
    for (kind, scope), members in sorted(buckets.items()):
        found = figure_range(members)
        if found is not None:
            out.append(KindRange(kind, scope or None, found))
    return tuple(out)


def side_columns(
    dispute: DisputeLike,
    claims_by_id: Mapping[str, Claim],
    per_side: int = 3,
    sides: Sequence[str] = SIDES,
) -> list[SideColumn]:
    """The dispute's claims (those present in ``claims_by_id``) grouped by side in ``sides``
    order; the first ``per_side`` of each column (largest figure first, then dated) in
    ``claims``, the others in ``rest``."""
    groups: dict[str, list[Claim]] = {}
    for claim_id in dispute.claim_ids:
        claim = claims_by_id.get(claim_id)
        if claim is not None:
            groups.setdefault(claim.side, []).append(claim)
    order = {side: i for i, side in enumerate(sides)}
    columns = []
    for side in sorted(groups, key=lambda s: (order.get(s, len(order)), s)):
        members = sorted(groups[side], key=_order_key)
        columns.append(
            SideColumn(
                side,
                tuple(members[:per_side]),
                tuple(members[per_side:]),
                kind_ranges(members),
            )
        )
    return columns


def range_text(found: FigureRange) -> str:
    """``low 600 · best 700 · high 1,000 · most conservative 600 (3 sources)``."""
    if found.low == found.high:
        core = f"{found.low:,}"
    else:
        core = f"low {found.low:,} · best {found.best:,} · high {found.high:,}"
    sources = f"{found.sources} source{'s' if found.sources != 1 else ''}"
    return f"{core} · most conservative {found.conservative:,} ({sources})"


def days_text(start: str | None, end: str | None) -> str:
    """A dispute's or group's days in words (``reported by`` for an open start)."""
    if not end:
        return "undated"
    last = date.fromisoformat(end)
    if not start:
        return f"reported by {span_text(last, last)}"
    return span_text(date.fromisoformat(start), last)


@dataclass(frozen=True)
class CorroborationRow:
    """A group carried by several outlets, as listed: its members among the shown claims."""

    group: Group
    claims: tuple[Claim, ...]  # the shown members
    outlets: int  # distinct sources among the shown members


def corroborated(shown: Iterable[Claim], group_of: Mapping[str, Group]) -> list[CorroborationRow]:
    """Groups with claims from two or more sources among ``shown``, most sources first."""
    members: dict[str, list[Claim]] = {}
    groups: dict[str, Group] = {}
    for claim in shown:
        group = group_of.get(claim.id)
        if group is None or group.n_outlets < 2:
            continue
        members.setdefault(group.id, []).append(claim)
        groups[group.id] = group
    rows = []
    for gid, claims in members.items():
        outlets = len({source_key(c) for c in claims})
        if outlets >= 2:
            rows.append(CorroborationRow(groups[gid], tuple(claims), outlets))
    rows.sort(key=lambda r: (-r.outlets, -len(r.claims), r.group.date_end or "", r.group.id))
    return rows
