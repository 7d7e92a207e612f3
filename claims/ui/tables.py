"""Tabular views: the claims table and the "Data issues" list (nothing hidden)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from claims.model import Claim
from claims.ui.filters import date_label, outlet_of

TABLE_COLUMNS = (
    "date",
    "side",
    "claimant",
    "kind",
    "figure",
    "place",
    "outlet",
    "quote",
    "file",
    "id",
)


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """The claims table as shown: one row per claim, article text as plain values."""
    rows = []
    for c in claims:
        figure = None
        if c.figure is not None:
            figure = f"{c.figure_qualifier} {c.figure}" if c.figure_qualifier else str(c.figure)
        place = c.place or (f"{c.unresolved_place} (unresolved)" if c.unresolved_place else None)
        rows.append(
            {
                "date": date_label(c),
                "side": c.side,
                "claimant": c.claimant,
                "kind": c.kind,
                "figure": figure,
                "place": place,
                "outlet": outlet_of(c),
                "quote": c.quote,
                "file": c.file,
                "id": c.id,
            }
        )
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS))


@dataclass(frozen=True)
class DataIssue:
    """One thing the user should know was not mapped or not read."""

    kind: str  # "unreadable file", "unresolved place", "duplicate file"
    subject: str
    detail: str


def data_issues(
    claims: Iterable[Claim],
    problems: Iterable[tuple[str, str]] = (),
    duplicates: Iterable[str] = (),
) -> list[DataIssue]:
    """Unreadable files, duplicate files and unresolved place names (with where they occur).

    ``problems`` are (file, message) pairs; claims whose place did not resolve are grouped by
    the name as written.
    """
    claims = list(claims)
    issues = [DataIssue("unreadable file", file, message) for file, message in problems]
    issues += [
        DataIssue("duplicate file", file, "same text as another file; counted once")
        for file in duplicates
    ]
    unresolved: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if not claim.located and claim.unresolved_place:
            unresolved[claim.unresolved_place].append(claim)
    for name in sorted(unresolved, key=str.casefold):
        members = unresolved[name]
        files = sorted({c.file for c in members})
        detail = (
            f"{len(members)} claim{'s' if len(members) != 1 else ''} not on the map; "
            f"in {', '.join(files)}"
        )
        issues.append(DataIssue("unresolved place", name, detail))
    no_place = [c for c in claims if not c.located and not c.unresolved_place]
    if no_place:
        files = sorted({c.file for c in no_place})
        issues.append(
            DataIssue(
                "no place",
                f"{len(no_place)} claim{'s' if len(no_place) != 1 else ''}",
                f"the article names no place for them; in {', '.join(files)}",
            )
        )
    return issues
