"""Claims and articles to table rows and back — every ``CLAIM_FIELDS`` field, nothing lost.

Dates travel as ISO strings in :class:`~claims.model.Claim` and as DATE columns in the store.
The derived columns (``outlet_key``, ``day_first``/``day_last``, ``place_key``,
``quote_folded``) follow the dashboard's rules for filtering and grouping.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from claims.model import CLAIM_FIELDS, Article, ArticleMeta, Claim
from store.schema import DATE_FIELDS

UNKNOWN_OUTLET = "(outlet not stated)"
"""The outlet label of claims whose article states none (as the dashboard shows it)."""
MACHINE = "machine"


def outlet_key(outlet: str | None) -> str:
    return outlet.strip() if outlet and outlet.strip() else UNKNOWN_OUTLET


def day_span(start: str | None, end: str | None) -> tuple[date, date] | None:
    """(first, last) day of a claim, None when undated: the start is what dates a claim."""
    if not start:
        return None
    first = date.fromisoformat(start)
    last = date.fromisoformat(end) if end else first
    return (first, last) if first <= last else (last, first)


def place_key(claim: Claim) -> str | None:
    """The gazetteer id, else the point rounded to 4 decimals; None when unlocated."""
    if claim.lat is None or claim.lon is None:
        return None
    return claim.place_id or f"{claim.lat:.4f},{claim.lon:.4f}"


DERIVED = ("outlet_key", "day_first", "day_last", "place_key", "quote_folded", "origin")
INSERT_COLUMNS: tuple[str, ...] = ("article_pk", *CLAIM_FIELDS, *DERIVED)
"""The columns of a claim row as written: :func:`claim_row` gives all but ``article_pk``."""


def _check_iso(name: str, value: Any) -> None:
    if value is None:
        return
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"claim field {name}: expected an ISO date, got {value!r}") from exc


def claim_row(claim: Claim) -> tuple[Any, ...]:
    """The values of one claim's row in ``INSERT_COLUMNS`` order (after ``article_pk``):
    plain values the database driver takes as they are, dates as ISO text (how SQLAlchemy
    keeps a DATE in SQLite; PostgreSQL casts it). Raises ValueError naming a bad date field."""
    values = claim.to_dict()
    for name in DATE_FIELDS:
        _check_iso(name, values[name])
    span = day_span(claim.date_start, claim.date_end)
    first, last = (span[0].isoformat(), span[1].isoformat()) if span else (None, None)
    derived = (outlet_key(claim.outlet), first, last, place_key(claim), claim.quote.casefold(),
               MACHINE)  # fmt: skip
    return (*values.values(), *derived)


def claim_from_row(row: Any) -> Claim:
    """A Claim from a ``claims`` row (a Row or a mapping with the CLAIM_FIELDS keys)."""
    m = row._mapping if hasattr(row, "_mapping") else row
    values = {}
    for name in CLAIM_FIELDS:
        value = m[name]
        if name in DATE_FIELDS and value is not None:
            value = value.isoformat() if isinstance(value, date) else str(value)
        values[name] = value
    return Claim(**values)


@dataclass(frozen=True)
class ArticleRecord:
    """What the store keeps about one article besides its claims."""

    path: str  # relative to the corpus root, with / separators
    root: str
    article: Article  # its ``file`` is ``path``
    source_hash: str
    extractor_version: str
    profile_version: str


def article_row(record: ArticleRecord, now: datetime, run_id: int | None) -> dict[str, Any]:
    a = record.article
    return {
        "path": record.path,
        "root": record.root,
        "sha256": a.sha256,
        "source_hash": record.source_hash,
        "extractor_version": record.extractor_version,
        "profile_version": record.profile_version,
        "title": a.meta.title,
        "outlet": a.meta.outlet,
        "url": a.meta.url,
        "published": a.meta.published,
        "author": a.meta.author,
        "body_start": a.body_start,
        "notes": json.dumps(list(a.notes), ensure_ascii=False),
        "ingested_at": now,
        "missing_since": None,
        "run_id": run_id,
    }


def article_from_row(row: Any, text: str) -> Article:
    m = row._mapping if hasattr(row, "_mapping") else row
    meta = ArticleMeta(
        title=m["title"], outlet=m["outlet"], url=m["url"], published=m["published"],
        author=m["author"],
    )  # fmt: skip
    return Article(
        file=m["path"],
        text=text,
        meta=meta,
        body_start=m["body_start"],
        sha256=m["sha256"],
        notes=tuple(json.loads(m["notes"] or "[]")),
    )
