"""The store: one database (SQLite file or PostgreSQL), opened, checked and queried.

    from store import open_store, ClaimFilter
    with open_store("sqlite:///claims.sqlite") as db:      # or None: --db / CLAIM_ATLAS_DB
        shown, total = db.count(ClaimFilter(text="killed")), db.count()
        markers = db.places(ClaimFilter(excluded_sides=frozenset({"unknown"})))

Every method runs in its own transaction (reads see one snapshot) and raises only
:class:`~store.exc.StoreError` subclasses, whose messages name the URL with the password
masked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Engine

from claims.model import Article, Claim
from store import migrate, query
from store.engine import is_sqlite, make_engine, reading, translated, writing
from store.exc import SchemaMismatch
from store.query import ALL, ClaimFilter, Order
from store.schema import articles, problems, runs, texts
from store.settings import StoreSettings


@dataclass(frozen=True)
class StoredProblem:
    path: str
    root: str
    message: str
    fatal: bool
    seen_at: datetime


@dataclass(frozen=True)
class ArticleInfo:
    path: str
    root: str
    title: str | None
    outlet: str | None
    published: date | None
    claims: int
    ingested_at: datetime
    duplicate_of: str | None
    missing_since: datetime | None
    extractor_version: str
    url: str | None = None
    author: str | None = None
    source: str | None = None  # the source label its claims are filtered under
    sha256: str = ""
    notes: tuple[str, ...] = ()  # what the reader had to work around


@dataclass(frozen=True)
class Snapshot:
    """What the dashboard loads, read in one transaction: every claim (as columns), the
    articles and the problems of the files under ``roots``, and the store's version."""

    version: tuple[int, ...]
    columns: Any  # store.columnar.ColumnarClaims
    articles: tuple[ArticleInfo, ...]
    problems: tuple[StoredProblem, ...]
    roots: frozenset[str] | None


@dataclass(frozen=True)
class KnownArticle:
    """What incremental ingestion compares a file against."""

    path: str
    root: str
    sha256: str
    source_hash: str
    extractor_version: str
    profile_version: str
    duplicate_of: str | None
    missing: bool


@dataclass(frozen=True)
class RunInfo:
    id: int
    started_at: datetime
    finished_at: datetime | None
    status: str
    counts: dict[str, int]
    duration_s: float | None
    workers: str | None
    command: list[str]


def now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime) -> datetime:
    """SQLite gives back naive datetimes; the store writes UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _aware(value: datetime | None) -> datetime | None:
    return None if value is None else _utc(value)


class Store:
    """An open claim store. Use :func:`open_store`; close it (or use ``with``)."""

    def __init__(self, settings: StoreSettings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine

    # -- opening ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The URL with its password masked."""
        return self.settings.shown

    @property
    def backend(self) -> str:
        return "sqlite" if is_sqlite(self.settings) else "postgresql"

    def check(self, upgrade: bool, create: bool = False) -> migrate.SchemaState:
        """Verify the schema. An empty database becomes a store only when ``create``; an
        older schema is upgraded when ``upgrade`` (else refused). Returns what was found."""
        with reading(self.engine, self.settings) as conn:
            found = migrate.state(conn, self.url)
            rev = migrate.current(conn)
        if found is migrate.SchemaState.EMPTY and not create:
            raise SchemaMismatch(f"{self.url}: empty database, not yet a Claim Atlas store")
        if found is migrate.SchemaState.OLDER and not upgrade:
            raise migrate.refuse_older(self.url, rev)
        if found is migrate.SchemaState.CURRENT and (not upgrade or self.backend == "sqlite"):
            return found  # (PostgreSQL writers go on: the PostGIS column may be due)
        with self.writing() as conn:
            return migrate.upgrade(conn, self.url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def writing(self) -> Any:
        """A write transaction (context manager yielding a Connection)."""
        return writing(self.engine, self.settings)

    def reading(self) -> Any:
        """A read transaction (context manager yielding a Connection): one snapshot."""
        return reading(self.engine, self.settings)

    def spatial(self) -> migrate.Spatial:
        with self.reading() as conn:
            return migrate.spatial(conn)

    def revision(self) -> str | None:
        with self.reading() as conn:
            return migrate.current(conn)

    # -- the dashboard's questions -----------------------------------------------------------

    def total(self) -> int:
        """Every claim in the store (the M of "N of M claims shown")."""
        return self.count(ALL)

    def count(self, f: ClaimFilter = ALL) -> int:
        with self.reading() as conn:
            return query.count(conn, f)

    def overview(self, f: ClaimFilter = ALL) -> query.Overview:
        with self.reading() as conn:
            return query.overview(conn, f)

    def places(self, f: ClaimFilter = ALL, samples: int = 5) -> list[query.PlaceSummary]:
        with self.reading() as conn:
            return query.places(conn, f, samples)

    def place_days(self, f: ClaimFilter = ALL) -> list[query.PlaceDay]:
        with self.reading() as conn:
            return query.place_days(conn, f)

    def timeline(self, f: ClaimFilter = ALL) -> list[query.DayCount]:
        with self.reading() as conn:
            return query.timeline(conn, f)

    def page(
        self,
        f: ClaimFilter = ALL,
        offset: int = 0,
        limit: int = 100,
        order: Order = Order.TEXT,
        place: str | None = None,
    ) -> query.Page:
        with self.reading() as conn:
            return query.page(conn, f, offset, limit, order, place)

    def claims(self, f: ClaimFilter = ALL) -> list[Claim]:
        """All claims passing ``f`` (for exports and disputes; prefer pages for display)."""
        with self.reading() as conn:
            return list(query.iter_claims(conn, f))

    def unresolved(self, f: ClaimFilter = ALL) -> list[query.Unresolved]:
        with self.reading() as conn:
            return query.unresolved(conn, f)

    def problems(self) -> list[StoredProblem]:
        """Files that could not be (fully) read, with the reason, by path."""
        with self.reading() as conn:
            return _problems(conn, None)

    def articles(
        self, offset: int = 0, limit: int | None = None, roots: Iterable[str] | None = None
    ) -> list[ArticleInfo]:
        with self.reading() as conn:
            return _articles(conn, offset, limit, roots)

    def snapshot(self, roots: Iterable[str] | None = None) -> Snapshot:
        """Claims (as :class:`~store.columnar.ColumnarClaims`), articles, problems and the
        version, all of one moment: a write in between is seen whole or not at all."""
        from store.columnar import ColumnarClaims
        from store.writer import generations

        scope = None if roots is None else frozenset(roots)
        with self.reading() as conn:
            version = generations(conn)
            columns = ColumnarClaims.load(conn, scope)
            infos = _articles(conn, 0, None, scope)
            found = _problems(conn, scope)
        return Snapshot(version, columns, tuple(infos), tuple(found), scope)

    def version(self) -> tuple[int, ...]:
        """``(claims generation, reviews generation)``: the first is raised by every write of
        articles or claims, the second by every review decision (one small read). A cache of
        :class:`~store.columnar.ColumnarClaims` is reloaded when the first changes."""
        from store.writer import generations

        with self.reading() as conn:
            return generations(conn)

    def article_count(self) -> int:
        with self.reading() as conn:
            return conn.execute(select(func.count()).select_from(articles)).scalar_one()

    def article(self, path: str) -> Article | None:
        """The stored article (text included) named ``path``, or None."""
        from store.rows import article_from_row

        q = select(articles, texts.c.text).join(texts, texts.c.article_pk == articles.c.pk)
        with self.reading() as conn:
            row = conn.execute(q.where(articles.c.path == path)).first()
        return None if row is None else article_from_row(row, row.text)

    def runs(self, limit: int = 20) -> list[RunInfo]:
        r = runs.c
        q = select(runs).order_by(r.id.desc()).limit(limit)
        with self.reading() as conn:
            return [_run_info(row) for row in conn.execute(q)]

    # -- writing ---------------------------------------------------------------------------

    def known(self) -> dict[str, KnownArticle]:
        """Every stored article by path (what a scan is compared with)."""
        a = articles.c
        q = select(a.path, a.root, a.sha256, a.source_hash, a.extractor_version,
                   a.profile_version, a.duplicate_of, a.missing_since)  # fmt: skip
        with self.reading() as conn:
            return {
                r[0]: KnownArticle(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] is not None)
                for r in conn.execute(q)
            }

    def begin_run(self, command: Sequence[str], versions: tuple[str, str], workers: str) -> int:
        row = {"started_at": now(), "status": "running", "command": json.dumps(list(command)),
               "extractor_version": versions[0], "profile_version": versions[1],
               "workers": workers, "seen": 0, "added": 0, "changed": 0, "unchanged": 0,
               "failed": 0, "removed": 0, "pruned": 0, "claims_written": 0}  # fmt: skip
        with self.writing() as conn:
            return conn.execute(insert(runs).returning(runs.c.id), row).scalar_one()

    def finish_run(self, run_id: int, status: str, counts: dict[str, int], seconds: float) -> None:
        with self.writing() as conn:
            conn.execute(
                update(runs)
                .where(runs.c.id == run_id)
                .values(status=status, finished_at=now(), duration_s=seconds, **counts)
            )


def _articles(
    conn: Any, offset: int, limit: int | None, roots: Iterable[str] | None
) -> list[ArticleInfo]:
    a = articles.c
    q = select(
        a.path, a.root, a.title, a.outlet, a.published, a.n_claims, a.ingested_at,
        a.duplicate_of, a.missing_since, a.extractor_version, a.url, a.author, a.source,
        a.sha256, a.notes,
    ).order_by(a.path).offset(offset)  # fmt: skip
    if roots is not None:
        q = q.where(a.root.in_(sorted(roots)))
    if limit is not None:
        q = q.limit(limit)
    return [_article_info(r) for r in conn.execute(q)]


def _problems(conn: Any, roots: Iterable[str] | None) -> list[StoredProblem]:
    p = problems.c
    q = select(p.path, p.root, p.message, p.fatal, p.seen_at).order_by(p.path, p.pk)
    if roots is not None:
        q = q.where(p.root.in_(sorted(roots)))
    return [
        StoredProblem(path, root, msg, bool(fatal), _utc(seen))
        for path, root, msg, fatal, seen in conn.execute(q)
    ]


def _article_info(r: Any) -> ArticleInfo:
    return ArticleInfo(
        path=r[0], root=r[1], title=r[2], outlet=r[3], published=r[4], claims=r[5],
        ingested_at=_utc(r[6]), duplicate_of=r[7], missing_since=_aware(r[8]),
        extractor_version=r[9], url=r[10], author=r[11], source=r[12], sha256=r[13],
        notes=tuple(json.loads(r[14] or "[]")),
    )  # fmt: skip


RUN_COUNTS = ("seen", "added", "changed", "unchanged", "failed", "removed", "pruned",
              "claims_written")  # fmt: skip


def _run_info(row: Any) -> RunInfo:
    return RunInfo(
        id=row.id, started_at=_utc(row.started_at), finished_at=_aware(row.finished_at),
        status=row.status, counts={n: getattr(row, n) for n in RUN_COUNTS},
        duration_s=row.duration_s, workers=row.workers, command=json.loads(row.command),
    )  # fmt: skip


def open_store(
    db: str | None = None,
    *,
    create: bool = False,
    upgrade: bool = True,
    settings: StoreSettings | None = None,
) -> Store:
    """Open the store at ``db`` (a URL or SQLite path; None: ``CLAIM_ATLAS_DB``, else the
    default file). ``create``: make a new store when there is none (ingestion does; readers
    get a message instead). ``upgrade``: bring an older schema up to date (False: refuse it).
    Raises StoreError subclasses with a message naming the URL (password masked)."""
    settings = settings or StoreSettings.resolve(db)
    with translated(settings):
        engine = make_engine(settings, create=create)
        store = Store(settings, engine)
        try:
            store.check(upgrade=upgrade or create, create=create)
        except BaseException:
            store.close()
            raise
    return store
