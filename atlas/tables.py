"""Tabular views: the claims table, the sources table and the "Data issues" list.

Cells hold plain text (never "None", never snake_case): a missing value is an empty cell, codes
are shown in words (:mod:`atlas.words`), dates as :func:`atlas.when.date_label` writes them,
files relative to the corpus folder.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from atlas.palette import Palette, default_palette
from atlas.sources import ArticleInfo, plain_label
from atlas.when import date_label, iso_span
from atlas.words import DENIAL_MARK, figure_text, kind_label
from claims.corroboration import Group
from claims.model import Claim

TABLE_COLUMNS = (
    "when",
    "side",
    "claimant",
    "quote",
    "kind",
    "figure",
    "place",
    "source",
    "reported by",
    "stance",
    "days",
    "file",
    "id",
)
"""Quote early, so it is on screen at 1280 px; machine-readable days and ids at the end."""


def _place(c: Claim) -> str:
    if c.place:
        return c.place
    if c.unresolved_place:
        return f"{c.unresolved_place} (not found)"
    return ""


def claims_frame(
    claims: Iterable[Claim],
    palette: Palette | None = None,
    source_of: Callable[[Claim], str] = plain_label,
    relative: Callable[[str], str] = str,
    groups: Mapping[str, Group] | None = None,
) -> pd.DataFrame:
    """The claims table as shown: one row per claim, article text as plain values."""
    palette = palette or default_palette()
    rows = []
    for c in claims:
        group = groups.get(c.id) if groups else None
        rows.append(
            {
                "when": date_label(c),
                "side": palette.label(c.side),
                "claimant": c.claimant or "",
                "quote": c.quote,
                "kind": kind_label(c.kind),
                "figure": figure_text(c) or "",
                "place": _place(c),
                "source": source_of(c),
                "reported by": (
                    f"{group.n_outlets} outlets" if group and group.n_outlets > 1 else ""
                ),
                "stance": DENIAL_MARK.lower() if c.stance == "denies" else "",
                "days": iso_span(c),
                "file": relative(c.file),
                "id": c.id,
            }
        )
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS))


def sources_frame(articles: Iterable[ArticleInfo]) -> pd.DataFrame:
    """One row per article: source, title, outlet, date, author, link, file, claims."""
    rows = [
        {
            "source": a.source,
            "title": a.title or "",
            "outlet": a.outlet or "(not stated)",
            "published": a.published or "",
            "author": a.author or "",
            "link": a.url,
            "file": a.file,
            "claims": a.claims,
        }
        for a in articles
    ]
    columns = ["source", "title", "outlet", "published", "author", "link", "file", "claims"]
    return pd.DataFrame(rows, columns=columns)


class IssueKind(StrEnum):
    UNREADABLE = "unreadable file"
    NOTE = "read with a note"
    DUPLICATE = "duplicate file"
    UPLOAD = "upload not added"
    UNRESOLVED = "unresolved place"
    NO_PLACE = "no place"


@dataclass(frozen=True)
class DataIssue:
    """One thing the user should know was not mapped or not read."""

    kind: IssueKind
    subject: str
    detail: str


def _strip_path(message: str, file: str, shown: str) -> str:
    """A reader message names the file by its path: show the relative path instead."""
    return message.replace(file, shown) if file and file != shown else message


def file_issues(
    problems: Iterable[tuple[str, str]] = (),
    duplicates: Iterable[str] = (),
    relative: Callable[[str], str] = str,
    notes: Iterable[tuple[str, str]] = (),
    uploads: Iterable[tuple[str, str]] = (),
) -> list[DataIssue]:
    """Unreadable files, notes, duplicates and refused uploads (``problems``/``notes``/
    ``uploads`` are (file, message) pairs), paths shown through ``relative``."""
    issues = [
        DataIssue(IssueKind.UNREADABLE, relative(f), _strip_path(m, f, relative(f)))
        for f, m in problems
    ]
    issues += [
        DataIssue(IssueKind.NOTE, relative(f), _strip_path(m, f, relative(f))) for f, m in notes
    ]
    issues += [
        DataIssue(IssueKind.DUPLICATE, relative(f), "same text as another file; counted once")
        for f in duplicates
    ]
    issues += [DataIssue(IssueKind.UPLOAD, name, message) for name, message in uploads]
    return issues


@dataclass(frozen=True)
class PlaceGap:
    """Claims that are not on the map: a place name the gazetteer did not resolve (``name``),
    or no place at all (``name`` None), with the files they are in."""

    name: str | None
    count: int
    files: tuple[str, ...]


def place_gaps(claims: Iterable[Claim]) -> list[PlaceGap]:
    """The :class:`PlaceGap` of claims held as objects (unresolved names by name first, then
    the claims with no place)."""
    unresolved: dict[str, list[Claim]] = defaultdict(list)
    no_place: list[Claim] = []
    for claim in claims:
        if not claim.located and claim.unresolved_place:
            unresolved[claim.unresolved_place].append(claim)
        elif not claim.located:
            no_place.append(claim)
    gaps = [
        PlaceGap(name, len(unresolved[name]), tuple(sorted({c.file for c in unresolved[name]})))
        for name in sorted(unresolved, key=str.casefold)
    ]
    if no_place:
        gaps.append(PlaceGap(None, len(no_place), tuple(sorted({c.file for c in no_place}))))
    return gaps


def place_issues(gaps: Iterable[PlaceGap], relative: Callable[[str], str] = str) -> list[DataIssue]:
    """One issue per unresolved place name, and one for the claims with no place."""
    issues = []
    for gap in gaps:
        files = ", ".join(sorted({relative(f) for f in gap.files}))
        s = "s" if gap.count != 1 else ""
        if gap.name is not None:
            detail = f"{gap.count} claim{s} not on the map; in {files}"
            issues.append(DataIssue(IssueKind.UNRESOLVED, gap.name, detail))
        else:
            detail = f"the article names no place for them; in {files}"
            issues.append(DataIssue(IssueKind.NO_PLACE, f"{gap.count} claim{s}", detail))
    return issues


def data_issues(
    claims: Iterable[Claim],
    problems: Iterable[tuple[str, str]] = (),
    duplicates: Iterable[str] = (),
    relative: Callable[[str], str] = str,
    notes: Iterable[tuple[str, str]] = (),
    uploads: Iterable[tuple[str, str]] = (),
) -> list[DataIssue]:
    """Unreadable files, notes, duplicates, refused uploads and unresolved place names.

    ``problems``/``notes``/``uploads`` are (file, message) pairs; claims whose place did not
    resolve are grouped by the name as written. Paths are shown through ``relative``.
    """
    return file_issues(problems, duplicates, relative, notes, uploads) + place_issues(
        place_gaps(claims), relative
    )
