"""Engines for the two backends, and the one place driver errors become store errors.

SQLite: WAL journal (readers never block the writer and see each transaction whole), foreign
keys on, ``BEGIN IMMEDIATE`` for write transactions (the write lock is taken up front and
waited for up to the timeout), plain ``BEGIN`` for reads (one snapshot per transaction).
PostgreSQL (psycopg 3): read transactions run REPEATABLE READ, so one query call sees one
snapshot; a connection timeout bounds the wait for a server that does not answer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, NoSuchModuleError, SQLAlchemyError

from store.exc import (
    AuthenticationFailed,
    StoreCorrupt,
    StoreError,
    StoreLocked,
    StoreReadOnly,
    StoreUnavailable,
)
from store.settings import StoreSettings

WRITE = "claim_atlas_write"
"""Execution option: this connection's transactions write (SQLite: ``BEGIN IMMEDIATE``)."""


def is_sqlite(settings: StoreSettings) -> bool:
    return settings.url.get_backend_name() == "sqlite"


def sqlite_path(settings: StoreSettings) -> Path | None:
    db = settings.url.database
    return None if not db or db == ":memory:" else Path(db)


def make_engine(settings: StoreSettings, *, create: bool) -> Engine:
    """An engine for ``settings``; nothing is connected yet. Raises StoreUnavailable for a
    missing SQLite file when ``create`` is False, or a missing driver."""
    if is_sqlite(settings):
        return _sqlite_engine(settings, create)
    try:
        engine = create_engine(
            settings.url,
            pool_pre_ping=True,
            connect_args={"connect_timeout": max(1, int(settings.timeout_s))},
        )
    except (NoSuchModuleError, ModuleNotFoundError, ImportError) as exc:
        raise StoreUnavailable(
            f"{settings.shown}: the PostgreSQL driver is not installed "
            f"({exc}); install it with: pip install 'claim-atlas[postgres]'"
        ) from exc
    return engine


def _sqlite_engine(settings: StoreSettings, create: bool) -> Engine:
    path = sqlite_path(settings)
    if path is not None:
        if not path.exists() and not create:
            raise StoreUnavailable(
                f"{settings.shown}: no store there (no such file); ingest articles first: "
                "claim-atlas ingest PATH --db URL"
            )
        if path.is_dir():
            raise StoreUnavailable(f"{settings.shown}: is a folder, not an SQLite file")
        if create and not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreReadOnly(
                    f"{settings.shown}: cannot create the folder {path.parent}: "
                    f"{exc.strerror or exc}"
                ) from exc
    engine = create_engine(settings.url, connect_args={"timeout": settings.timeout_s})
    timeout_ms = int(settings.timeout_s * 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={timeout_ms}")
        cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable at each commit's end
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")  # persistent: once per file
        except sqlite3.Error:
            pass  # read-only, locked or not a database: the first real query says which
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


@contextmanager
def writing(engine: Engine, settings: StoreSettings) -> Iterator[Connection]:
    """One write transaction: committed when the block ends, rolled back on any error."""
    with translated(settings), engine.connect() as conn:
        conn = conn.execution_options(**{WRITE: True})
        with conn.begin():
            yield conn


@contextmanager
def reading(engine: Engine, settings: StoreSettings) -> Iterator[Connection]:
    """One read transaction: every query inside sees the same snapshot."""
    with translated(settings), engine.connect() as conn:
        if not is_sqlite(settings):
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


@contextmanager
def translated(settings: StoreSettings) -> Iterator[None]:
    """Turn driver errors inside the block into StoreErrors naming the (masked) URL."""
    try:
        yield
    except StoreError:
        raise
    except DBAPIError as exc:
        raise classify(exc, settings) from exc
    except (sqlite3.Error, SQLAlchemyError) as exc:
        raise StoreUnavailable(f"{settings.shown}: {_first_line(exc)}") from exc


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0].strip() if text else type(orig).__name__


SQLITE_MESSAGES: tuple[tuple[str, type[StoreError], str], ...] = (
    ("database is locked", StoreLocked, "locked by another process (waited {timeout:g} s); "
     "try again when the other writer has finished"),
    ("database table is locked", StoreLocked, "locked by another process (waited {timeout:g} s)"),
    ("file is not a database", StoreCorrupt, "not an SQLite database (the file is corrupt or "
     "of another format); move it away or choose another --db"),
    ("malformed", StoreCorrupt, "the SQLite file is damaged ({detail}); restore it from a "
     "backup or move it away and ingest again"),
    ("readonly", StoreReadOnly, "cannot write: the file or its folder is read-only ({detail})"),
    ("unable to open database file", StoreUnavailable, "cannot open the file ({detail}); check "
     "that its folder exists and is writable"),
    ("disk i/o error", StoreUnavailable, "disk I/O error ({detail})"),
)  # fmt: skip
"""SQLite driver messages (lower case, substring) → error class and what the user is told."""

PG_STATES: dict[str, tuple[type[StoreError], str]] = {
    "28P01": (AuthenticationFailed, "the server refused the password ({detail})"),
    "28000": (AuthenticationFailed, "the server refused the login ({detail})"),
    "3D000": (StoreUnavailable, "no such database ({detail}); create it first (createdb)"),
    "42501": (StoreReadOnly, "permission denied ({detail})"),
    "25006": (StoreReadOnly, "the server is read-only ({detail})"),
    "57P03": (StoreUnavailable, "the server is starting up or shutting down ({detail})"),
}
"""PostgreSQL SQLSTATEs → error class and message."""


def classify(exc: DBAPIError, settings: StoreSettings) -> StoreError:
    """The StoreError for a driver error, its message naming the URL (password masked)."""
    detail = _first_line(exc)
    lowered = detail.lower()
    if is_sqlite(settings):
        for needle, cls, template in SQLITE_MESSAGES:
            if needle in lowered:
                text = template.format(timeout=settings.timeout_s, detail=detail)
                return cls(f"{settings.shown}: {text}")
        return StoreUnavailable(f"{settings.shown}: {detail}")
    state = getattr(getattr(exc, "orig", None), "sqlstate", None)
    if state in PG_STATES:
        cls, template = PG_STATES[state]
        return cls(f"{settings.shown}: {template.format(detail=detail)}")
    if "password authentication failed" in lowered:
        return AuthenticationFailed(f"{settings.shown}: the server refused the password ({detail})")
    if "database" in lowered and "does not exist" in lowered:
        name = settings.url.database
        return StoreUnavailable(
            f"{settings.shown}: the server has no database {name!r}; create it first "
            f"(createdb {name}) or name another one in the URL"
        )
    if "connection refused" in lowered or "could not connect" in lowered:
        return StoreUnavailable(
            f"{settings.shown}: cannot connect to the PostgreSQL server (connection refused): "
            "is it running and listening at that host and port?"
        )
    if "timeout" in lowered:
        return StoreUnavailable(
            f"{settings.shown}: the PostgreSQL server did not answer within "
            f"{settings.timeout_s:g} s ({detail})"
        )
    return StoreUnavailable(f"{settings.shown}: {detail}")
