"""Writing ingestion results: one transaction per batch of articles, so a kill at any moment
leaves each article either as it was or wholly replaced.

Per batch: the articles' rows are upserted (which also locks them against a concurrent
writer on PostgreSQL), their machine claims deleted and the new ones inserted, their texts
and problems replaced. An article whose text equals another stored article's is kept as a
duplicate (``duplicate_of``) with no claims, as ``load_corpus`` counts it once.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from store.review import reattach
from store.rows import INSERT_COLUMNS, MACHINE, article_row
from store.schema import articles, claims, problems, store_info, texts
from store.semantics import UNKNOWN_OUTLET, distinct_labels, source_label

if TYPE_CHECKING:  # (store.tasks brings the extractor; writing needs only its results)
    from store.tasks import ArticleResult

CLAIMS_GENERATION = "claims_generation"
REVIEWS_GENERATION = "reviews_generation"
GENERATIONS = (CLAIMS_GENERATION, REVIEWS_GENERATION)
_SOURCE = INSERT_COLUMNS.index("outlet_key") - 1  # in a claim row (no article_pk)
_BUMP = text(
    "UPDATE store_info SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = :k"
)

CHUNK = 500  # keys per IN (...) list


class Outcome(enum.Enum):
    ADDED = "added"
    CHANGED = "changed"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass
class BatchOutcome:
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    claims_written: int = 0

    def count(self, outcome: Outcome) -> int:
        return sum(1 for o in self.outcomes.values() if o is outcome)


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _upsert(conn: Connection, rows: list[dict[str, Any]]) -> None:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(articles)
    updated = {c: stmt.excluded[c] for c in rows[0] if c != "path"}
    conn.execute(stmt.on_conflict_do_update(index_elements=["path"], set_=updated), rows)


def _pks(conn: Connection, paths: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(list(paths)):
        q = select(articles.c.path, articles.c.pk).where(articles.c.path.in_(chunk))
        found.update({p: pk for p, pk in conn.execute(q)})
    return found


def _originals(conn: Connection, results: Sequence[ArticleResult]) -> dict[str, str]:
    """sha256 → path of a stored, non-duplicate article with that text."""
    shas = sorted({r.record.article.sha256 for r in results if r.record is not None})
    found: dict[str, str] = {}
    for chunk in _chunks(shas):
        q = (
            select(articles.c.sha256, articles.c.path)
            .where(articles.c.sha256.in_(chunk), articles.c.duplicate_of.is_(None))
            .order_by(articles.c.path)
        )
        for sha, path in conn.execute(q):
            found.setdefault(sha, path)
    return found


def write_batch(
    conn: Connection, results: Sequence[ArticleResult], run_id: int | None, now: datetime
) -> BatchOutcome:
    """Store a batch of results inside the caller's write transaction."""
    results = sorted(results, key=lambda r: r.source.path)  # one lock order for all writers
    outcome = BatchOutcome()
    paths = [r.source.path for r in results]
    before = _pks(conn, paths)
    originals = _originals(conn, results)
    rows, claim_rows, text_rows = [], [], {}
    for r in results:
        if r.record is None:
            outcome.outcomes[r.source.path] = Outcome.FAILED
            continue
        row = article_row(r.record, now, run_id)
        original = originals.setdefault(r.record.article.sha256, r.source.path)
        row["duplicate_of"] = original if original != r.source.path else None
        row["n_claims"] = 0 if row["duplicate_of"] else len(r.rows)
        row["source_base"] = _base_label(r)
        row["source"] = row["source_base"]
        rows.append(row)
        text_rows[r.source.path] = r.record.article.text
        if row["duplicate_of"]:
            outcome.outcomes[r.source.path] = Outcome.DUPLICATE
        else:
            claim_rows.append((r.source.path, r.rows))
            kind = Outcome.CHANGED if r.source.path in before else Outcome.ADDED
            outcome.outcomes[r.source.path] = kind
    if rows:
        _upsert(conn, rows)
    pks = _pks(conn, [row["path"] for row in rows])
    _replace_claims(conn, pks, claim_rows, outcome)
    reattach(conn, pks.values(), now)  # review decisions follow their quotes (store.review)
    _replace_texts(conn, pks, text_rows)
    _replace_problems(conn, results, run_id, now)
    relabel(conn, {row["source_base"] for row in rows}, pks.values())
    bump(conn, CLAIMS_GENERATION)
    return outcome


def _base_label(r: ArticleResult) -> str:
    """The article's source label before clashes: its first claim's, else its own (as the
    dashboard's source index reads it)."""
    if r.rows:
        return r.rows[0][_SOURCE]
    meta = r.record.article.meta  # type: ignore[union-attr]  # failed results have no row
    return source_label(meta.outlet, meta.title, r.source.path)


def relabel(conn: Connection, bases: Iterable[str], touched: Iterable[int] = ()) -> None:
    """Give the articles whose source label is one of ``bases`` their final labels (two of
    unknown outlet sharing a label get their file names added), and their claims the same
    ``outlet_key``; ``touched`` (article keys) get their claims' labels rewritten even when
    the article's label stays (their claims were just inserted)."""
    unknown = sorted(b for b in set(bases) if b and b.startswith(UNKNOWN_OUTLET))
    a = articles.c
    found: list[tuple[int, str, str | None, str]] = []
    for chunk in _chunks(unknown):
        q = select(a.pk, a.path, a.source, a.source_base).where(
            a.source_base.in_(chunk), a.duplicate_of.is_(None)
        )
        found.extend(tuple(r) for r in conn.execute(q))
    final = distinct_labels({path: base for _pk, path, _label, base in found})
    changed = {pk: final[path] for pk, path, label, _base in found if final[path] != label}
    if changed:
        conn.execute(
            update(articles).where(a.pk == bindparam("k")).values(source=bindparam("label")),
            [{"k": pk, "label": label} for pk, label in changed.items()],
        )
    redo = set(changed) | set(touched)
    if not redo:
        return
    labels = _labels(conn, sorted(redo))
    conn.execute(
        update(claims)
        .where(claims.c.article_pk == bindparam("k"), claims.c.outlet_key != bindparam("label"))
        .values(outlet_key=bindparam("label")),
        [{"k": pk, "label": label} for pk, label in labels.items() if label is not None],
    )


def _labels(conn: Connection, pks: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for chunk in _chunks(pks):
        q = select(articles.c.pk, articles.c.source).where(articles.c.pk.in_(chunk))
        out.update(tuple(r) for r in conn.execute(q))
    return out


def bump(conn: Connection, key: str) -> None:
    """Raise the generation counter ``key`` by one (inside the caller's write transaction):
    readers that cached data under the old value reload it."""
    conn.execute(_BUMP, {"k": key})


def generations(conn: Connection) -> tuple[int, ...]:
    """The counters of :data:`GENERATIONS`, in that order (0 for one never raised)."""
    q = select(store_info.c.key, store_info.c.value).where(store_info.c.key.in_(GENERATIONS))
    found = dict(tuple(r) for r in conn.execute(q))
    return tuple(int(found.get(k, 0)) for k in GENERATIONS)


def _replace_claims(
    conn: Connection,
    pks: dict[str, int],
    claim_rows: list[tuple[str, tuple[tuple[Any, ...], ...]]],
    outcome: BatchOutcome,
) -> None:
    for chunk in _chunks(sorted(pks.values())):
        conn.execute(
            delete(claims).where(claims.c.article_pk.in_(chunk), claims.c.origin == MACHINE)
        )
    new = [(pks[path], *row) for path, rows in claim_rows for row in rows]
    if new:  # straight to the driver: the rows are plain values already (see rows.claim_row)
        conn.exec_driver_sql(_insert_sql(conn), new)
    outcome.claims_written += len(new)


def _insert_sql(conn: Connection) -> str:
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    names = ", ".join(conn.dialect.identifier_preparer.quote(c) for c in INSERT_COLUMNS)
    return f"INSERT INTO claims ({names}) VALUES ({', '.join([mark] * len(INSERT_COLUMNS))})"


def _replace_texts(conn: Connection, pks: dict[str, int], text_rows: dict[str, str]) -> None:
    for chunk in _chunks(sorted(pks.values())):
        conn.execute(delete(texts).where(texts.c.article_pk.in_(chunk)))
    rows = [{"article_pk": pks[path], "text": text} for path, text in text_rows.items()]
    if rows:
        conn.execute(insert(texts), rows)


def _replace_problems(
    conn: Connection, results: Sequence[ArticleResult], run_id: int | None, now: datetime
) -> None:
    entries = [  # notes on articles that were read stay in articles.notes
        (r.source.path, r.source.root, message, fatal)
        for r in results
        for message, fatal in r.problems
        if fatal
    ]
    replace_problems(conn, [r.source.path for r in results], entries, run_id, now)


def replace_problems(
    conn: Connection,
    paths: Sequence[str],
    entries: Sequence[tuple[str, str, str, bool]],
    run_id: int | None,
    now: datetime,
) -> None:
    """Forget the problems of ``paths``; record ``entries`` (path, root, message, fatal)."""
    for chunk in _chunks(list(paths)):
        conn.execute(delete(problems).where(problems.c.path.in_(chunk)))
    rows = [
        {"path": path, "root": root, "message": message, "fatal": fatal, "seen_at": now,
         "run_id": run_id}
        for path, root, message, fatal in entries
    ]  # fmt: skip
    if rows:
        conn.execute(insert(problems), rows)


def mark_missing(conn: Connection, paths: Sequence[str], now: datetime) -> None:
    _set_missing(conn, paths, now)


def _set_missing(conn: Connection, paths: Sequence[str], since: datetime | None) -> None:
    """Mark articles as missing since ``since`` (None: found again); marks already in that
    state are left as they are."""
    if paths:
        bump(conn, CLAIMS_GENERATION)
    col = articles.c.missing_since
    other_state = col.is_(None) if since is not None else col.isnot(None)
    for chunk in _chunks(list(paths)):
        conn.execute(
            update(articles)
            .where(articles.c.path.in_(chunk), other_state)
            .values(missing_since=since)
        )


def prune(conn: Connection, paths: Sequence[str]) -> int:
    """Delete articles (their claims and texts go with them) and their problems."""
    count = 0
    bases: set[str] = set()
    for chunk in _chunks(list(paths)):
        q = select(articles.c.source_base).where(articles.c.path.in_(chunk))
        bases.update(b for (b,) in conn.execute(q) if b)
        conn.execute(delete(problems).where(problems.c.path.in_(chunk)))
        count += conn.execute(delete(articles).where(articles.c.path.in_(chunk))).rowcount
    if count:
        relabel(conn, bases)
        bump(conn, CLAIMS_GENERATION)
    return count


def touch_roots(conn: Connection, moved: dict[str, str]) -> None:
    """Record the new root of unchanged articles read from another folder than before."""
    by_root: dict[str, list[str]] = {}
    for path, root in moved.items():
        by_root.setdefault(root, []).append(path)
    for root, paths in by_root.items():
        for chunk in _chunks(paths):
            conn.execute(update(articles).where(articles.c.path.in_(chunk)).values(root=root))
    if moved:
        bump(conn, CLAIMS_GENERATION)


def clear_missing(conn: Connection, paths: Sequence[str]) -> None:
    _set_missing(conn, paths, None)
