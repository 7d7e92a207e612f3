"""Disputes shown side by side: one column per side, a few claims each, the rest counted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from claims.model import SIDES, Claim


class DisputeLike(Protocol):
    claim_ids: tuple[str, ...]


@dataclass(frozen=True)
class SideColumn:
    """The claims of one side in a dispute: the first ``shown`` and how many more."""

    side: str
    claims: tuple[Claim, ...]
    more: int


def side_columns(
    dispute: DisputeLike, claims_by_id: Mapping[str, Claim], per_side: int = 3
) -> list[SideColumn]:
    """The dispute's claims (those present in ``claims_by_id``) grouped by side in SIDES
    order; at most ``per_side`` claims per column, the largest figure first (then dated)."""
    groups: dict[str, list[Claim]] = {}
    for claim_id in dispute.claim_ids:
        claim = claims_by_id.get(claim_id)
        if claim is not None:
            groups.setdefault(claim.side, []).append(claim)
    order = {side: i for i, side in enumerate(SIDES)}
    columns = []
    for side in sorted(groups, key=lambda s: (order.get(s, len(order)), s)):
        members = sorted(
            groups[side],
            key=lambda c: (c.figure is None, -(c.figure or 0), c.date_start is None, c.id),
        )
        columns.append(SideColumn(side, tuple(members[:per_side]), max(len(members) - per_side, 0)))
    return columns
