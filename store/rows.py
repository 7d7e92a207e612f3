"""Claims and articles to table rows and back — every ``CLAIM_FIELDS`` field, nothing lost.

Dates travel as ISO strings in :class:`~claims.model.Claim` and as DATE columns in the store.
The derived columns follow :mod:`store.semantics` (the dashboard's rules): ``outlet_key`` is
the claim's source label (:func:`~store.semantics.source_label`; the writer then tells apart
articles of unknown outlet that share one), ``day_first``/``day_last`` its days
(:func:`~store.semantics.day_columns`: no first day for a "reported by" claim, neither for an
undated one), ``place_key`` the key of its marker, ``quote_folded`` the quote case-folded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from claims.model import CLAIM_FIELDS, Article, ArticleMeta, Claim
from store import semantics
from store.schema import DATE_FIELDS

MACHINE = "machine"


def place_key(claim: Claim) -> str | None:
    """The gazetteer id, else the point rounded to 4 decimals; None when unlocated."""
    return semantics.place_key(claim)


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
    first, last = (d.isoformat() if d else None for d in semantics.day_columns(claim))
    derived = (semantics.claim_source(claim), first, last, place_key(claim),
               claim.quote.casefold(), MACHINE)  # fmt: skip
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
