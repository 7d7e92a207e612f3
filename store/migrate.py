"""Schema versions: a store is created at the newest revision, an older one is upgraded in one
transaction, and anything else is refused with a message — never silently misread.

Revisions are Alembic scripts in ``store/migrations/versions/``. A database with tables but no
revision is not a Claim Atlas store; a revision this code does not know comes from a newer
Claim Atlas. PostgreSQL gets a PostGIS ``geom`` column (generated from lat/lon, GiST-indexed)
when the ``postgis`` extension is installed in the database; plain lat/lon otherwise.

Opening a store at the current revision reads ``alembic_version`` with plain SQL and compares
it with :data:`HEAD`; Alembic itself (a fifth of a second to import) is imported only to
create, upgrade or judge an older or unknown revision.
"""

from __future__ import annotations

import enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from store.exc import SchemaMismatch

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

SCRIPTS = Path(__file__).resolve().parent / "migrations"
HEAD = "0004"
"""The newest revision in ``migrations/versions`` (a new migration changes it; the schema tests
hold it to Alembic's own head)."""
VERSION_TABLE = "alembic_version"  # Alembic's default, as env.py leaves it
EXTENSION_TABLES = frozenset({"spatial_ref_sys"})
"""Tables an extension creates in a new database (PostGIS): not a sign of foreign data."""
LOCK_ID = 0x0C1A1A7A5  # PostgreSQL advisory lock held while the schema is created or upgraded


class SchemaState(enum.Enum):
    CURRENT = "current"
    EMPTY = "empty"  # no tables: a new store
    OLDER = "older"  # a known revision before the newest


class Spatial(enum.Enum):
    POSTGIS = "postgis"
    LATLON = "latlon"


def _config(conn: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


@cache
def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head() -> str:
    """The newest schema revision this code writes, from Alembic's scripts (:data:`HEAD` is
    the same, known without them)."""
    heads = _scripts().get_heads()
    if len(heads) != 1:  # a development mistake: two migrations claim the same parent
        raise RuntimeError(f"store migrations have {len(heads)} heads: {heads}")
    return heads[0]


def revisions() -> list[str]:
    """Every known revision, oldest first."""
    return [s.revision for s in reversed(list(_scripts().walk_revisions()))]


def current(conn: Connection) -> str | None:
    """The database's revision (None: no version table, or an empty one), read as Alembic's
    ``MigrationContext.get_current_revision`` reads it."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    found = [r[0] for r in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))]
    if len(found) > 1:
        raise SchemaMismatch(f"{VERSION_TABLE} holds several revisions {sorted(found)!r}")
    return found[0] if found else None


def state(conn: Connection, shown: str) -> SchemaState:
    """Where the database stands; raises SchemaMismatch for a foreign or newer database."""
    rev = current(conn)
    if rev is None:
        tables = set(inspect(conn).get_table_names()) - EXTENSION_TABLES
        if not tables:
            return SchemaState.EMPTY
        listed = ", ".join(sorted(tables)[:5])
        raise SchemaMismatch(
            f"{shown}: holds tables that are not a Claim Atlas store ({listed}) and no schema "
            "version; refusing to use it — choose another --db"
        )
    if rev == HEAD:
        return SchemaState.CURRENT
    if rev in revisions():
        return SchemaState.OLDER
    raise SchemaMismatch(
        f"{shown}: written by a newer Claim Atlas (schema revision {rev!r}; this version knows "
        f"up to {head()!r}); upgrade claim-atlas to use it"
    )


def upgrade(conn: Connection, shown: str) -> SchemaState:
    """Create or upgrade the schema inside the caller's (write) transaction; returns the state
    found before. On PostgreSQL an advisory lock serialises concurrent upgraders."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": LOCK_ID})
    found = state(conn, shown)
    if found is not SchemaState.CURRENT:
        from alembic import command

        command.upgrade(_config(conn), "head")
    if conn.dialect.name == "postgresql":
        ensure_spatial(conn)
    return found


def refuse_older(shown: str, rev: str | None) -> SchemaMismatch:
    return SchemaMismatch(
        f"{shown}: the store has schema revision {rev!r}, older than {HEAD!r}, and was opened "
        "read-only; open it once for writing (claim-atlas ingest … --db URL) to upgrade it"
    )


def spatial(conn: Connection) -> Spatial:
    if conn.dialect.name != "postgresql":
        return Spatial.LATLON
    found = conn.execute(
        text(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = 'claims' "
            "AND column_name = 'geom'"
        )
    ).first()
    return Spatial.POSTGIS if found else Spatial.LATLON


def ensure_spatial(conn: Connection) -> Spatial:
    """Add the PostGIS point column once the extension is present in the database."""
    has_postgis = conn.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")).first()
    if not has_postgis:
        return Spatial.LATLON
    if spatial(conn) is Spatial.POSTGIS:
        return Spatial.POSTGIS
    conn.execute(
        text(
            "ALTER TABLE claims ADD COLUMN geom geometry(Point, 4326) GENERATED ALWAYS AS "
            "(CASE WHEN lat IS NOT NULL AND lon IS NOT NULL "
            "THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END) STORED"
        )
    )
    conn.execute(text("CREATE INDEX ix_claims_geom ON claims USING GIST (geom)"))
    return Spatial.POSTGIS
