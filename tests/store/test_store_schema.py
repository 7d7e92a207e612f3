"""The schema: every Claim field round-trips, migrations equal the tables, old stores are
upgraded and foreign or newer ones refused — on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from conftest import FULL_CLAIM, claim_variants
from sqlalchemy import column, create_engine, insert, table, text

from claims.model import CLAIM_FIELDS, Article, ArticleMeta, Claim
from store import migrate
from store.database import open_store
from store.exc import SchemaMismatch
from store.schema import CLAIM_COLUMNS, claims, metadata
from store.uploads import put_article


def article_for(claims_: list[Claim], path: str = "panjshir/report-1.md") -> Article:
    body = "x" * 400
    return Article(
        file=path, text=body, meta=ArticleMeta(title="T", outlet="Example Wire",
        published=date(2021, 9, 5)), sha256=hashlib.sha256(path.encode()).hexdigest(),
    )  # fmt: skip


def test_every_claim_field_has_a_column():
    names = [c.name for c in CLAIM_COLUMNS]
    assert names == list(CLAIM_FIELDS), (
        "add the new Claim field to store/schema.py (and a migration)"
    )
    assert set(CLAIM_FIELDS) <= set(claims.c.keys())


def test_full_claim_sets_every_field_off_its_default():
    for f in dataclasses.fields(Claim):
        if f.default is not dataclasses.MISSING:
            assert getattr(FULL_CLAIM, f.name) != f.default, f.name


def test_every_field_round_trips(store):
    variants = claim_variants()
    put_article(store, article_for(variants), variants)
    back = {c.id: c for c in store.claims()}
    assert len(back) == len(variants)
    for claim in variants:
        assert back[claim.id] == claim
        assert back[claim.id].to_dict() == claim.to_dict()


def test_migrations_build_exactly_the_tables(store):
    with store.reading() as conn:
        diffs = compare_metadata(
            MigrationContext.configure(
                conn, opts={"include_object": _not_postgis, "compare_type": True}
            ),
            metadata,
        )
    assert diffs == [], "store/schema.py and store/migrations/ differ: write a migration"


def _not_postgis(obj, name, kind, reflected, compare_to):
    return name not in ("geom", "ix_claims_geom", "spatial_ref_sys")


def test_new_store_is_at_the_newest_revision(store):
    assert store.revision() == migrate.head()
    assert migrate.revisions()[-1] == migrate.head()
    assert migrate.head() == migrate.HEAD, "a new migration: set store.migrate.HEAD to it"


def test_current_revision_is_read_as_alembic_reads_it(store):
    with store.reading() as conn:
        assert migrate.current(conn) == MigrationContext.configure(conn).get_current_revision()


def _at_revision(url: str, revision: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg = migrate._config(conn)
        command.upgrade(cfg, revision)
    engine.dispose()


def test_old_store_is_upgraded_and_its_claims_still_read(db_url):
    _at_revision(db_url, "0001")
    engine = create_engine(db_url)
    old = {
        k: v for k, v in FULL_CLAIM.to_dict().items() if k not in ("stance", "figure_scope", "rule")
    }
    for name in ("published", "date_start", "date_end"):
        old[name] = date.fromisoformat(old[name]) if old[name] else None
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO articles (path, root, sha256, source_hash, extractor_version, "
            "profile_version, body_start, notes, n_claims, ingested_at) VALUES ('a.txt', '/', "
            "'s', 's', 'old', 'old', 0, '[]', 1, CURRENT_TIMESTAMP)"
        ))  # fmt: skip
        pk = conn.execute(text("SELECT pk FROM articles")).scalar_one()
        derived = {"outlet_key": "Example Wire", "day_first": date(2021, 9, 3),
                   "day_last": date(2021, 9, 4), "place_key": "town:bazarak",
                   "quote_folded": FULL_CLAIM.quote.casefold(), "origin": "machine"}  # fmt: skip
        values = {**old, **derived, "article_pk": pk}
        conn.execute(insert(table("claims", *(column(n) for n in values))), values)
    engine.dispose()
    with pytest.raises(SchemaMismatch, match="older than"):
        open_store(db_url, upgrade=False)
    with open_store(db_url) as db:
        assert db.revision() == migrate.head()
        (claim,) = db.claims()
    expected = dataclasses.replace(FULL_CLAIM, stance="asserts", figure_scope=None, rule="")
    assert claim == expected


def _old_row(conn, path: str, claim: Claim, outlet_key: str, days: tuple) -> None:
    """An article and its claim as revision 0002 stored them."""
    conn.execute(text(
        "INSERT INTO articles (path, root, sha256, source_hash, extractor_version, "
        "profile_version, title, body_start, notes, n_claims, ingested_at) VALUES (:p, '/', :h, "
        "'s', 'old', 'old', :t, 0, '[]', 1, CURRENT_TIMESTAMP)"
    ), {"p": path, "h": path, "t": claim.title})  # fmt: skip
    pk = conn.execute(text("SELECT pk FROM articles WHERE path = :p"), {"p": path}).scalar_one()
    values = claim.to_dict()
    for name in ("published", "date_start", "date_end"):
        values[name] = date.fromisoformat(values[name]) if values[name] else None
    values.update(article_pk=pk, outlet_key=outlet_key, day_first=days[0], day_last=days[1],
                  place_key=claim.place_id, quote_folded=claim.quote.casefold(),
                  origin="machine")  # fmt: skip
    conn.execute(insert(table("claims", *(column(n) for n in values))), values)


def test_upgrade_to_0003_gives_the_dashboards_dates_and_sources(db_url):
    """Before 0003 a "reported by" claim was stored as undated and every article of unknown
    outlet shared one source; the upgrade recomputes both, and the filters then agree with
    the dashboard's."""
    from atlas.filters import FilterState, filter_claims
    from atlas.sources import SourceIndex

    _at_revision(db_url, "0002")
    reported = dataclasses.replace(
        FULL_CLAIM, id="r1", file="a.txt", outlet=None, title="Same", date_start=None,
        date_end="2021-09-05", date_precision="on_or_before",
    )  # fmt: skip
    twin = dataclasses.replace(FULL_CLAIM, id="t1", file="b.txt", outlet=None, title="Same")
    named = dataclasses.replace(FULL_CLAIM, id="n1", file="c.txt")
    engine = create_engine(db_url)
    with engine.begin() as conn:
        _old_row(conn, "a.txt", reported, "(outlet not stated)", (None, None))
        _old_row(conn, "b.txt", twin, "(outlet not stated)", (date(2021, 9, 3), date(2021, 9, 4)))
        _old_row(conn, "c.txt", named, "Example Wire", (date(2021, 9, 3), date(2021, 9, 4)))
    engine.dispose()
    claims_ = [reported, twin, named]
    label = SourceIndex([], claims_, None).label
    with open_store(db_url) as db:
        assert db.revision() == migrate.head()
        assert db.version() == (0, 0)
        o = db.overview()
        assert dict(o.outlets) == {label(c): 1 for c in claims_}
        assert len(o.outlets) == 3
        for state in (
            FilterState(start=date(2021, 9, 5)),
            FilterState(include_undated=False),
            FilterState(include_reported=False),
            FilterState(excluded_outlets=frozenset({label(twin)})),
        ):
            expected = sorted(c.id for c in filter_claims(claims_, state, label))
            assert sorted(c.id for c in db.page(state).claims) == expected, state


def test_newer_store_is_refused_with_the_url(db_url):
    with open_store(db_url, create=True):
        pass
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(SchemaMismatch) as err:
        open_store(db_url)
    message = str(err.value)
    assert "newer Claim Atlas" in message and "9999" in message
    assert "atlas-test" not in message  # the test server's password never shows
    assert ("claims.sqlite" in message) or ("***" in message)


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(SchemaMismatch, match=r"not a Claim Atlas store.*invoices"):
        open_store(str(path), create=True)


def test_readers_do_not_create_stores(tmp_path):
    from store.exc import StoreUnavailable

    with pytest.raises(StoreUnavailable, match="no store there"):
        open_store(str(tmp_path / "none.sqlite"))
    assert not (tmp_path / "none.sqlite").exists()


def test_postgis_geometry_when_the_extension_is_present(pg_url):
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(pg_url)
    with psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password,
                         dbname=u.database, autocommit=True) as conn:  # fmt: skip
        available = conn.execute(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'"
        ).fetchone()
        if not available:
            pytest.skip("PostGIS is not installed on this PostgreSQL server")
        conn.execute("CREATE EXTENSION postgis")
    with open_store(pg_url, create=True) as db:
        assert db.spatial() is migrate.Spatial.POSTGIS
        put_article(db, article_for([FULL_CLAIM]), [FULL_CLAIM])
        with db.reading() as c:
            x, y = c.execute(text("SELECT ST_X(geom), ST_Y(geom) FROM claims")).one()
        assert (x, y) == pytest.approx((FULL_CLAIM.lon, FULL_CLAIM.lat))
        assert db.claims() == [FULL_CLAIM]


def test_plain_lat_lon_without_postgis(pg_url):
    with open_store(pg_url, create=True) as db:
        assert db.spatial() is migrate.Spatial.LATLON


def test_readers_leave_an_empty_database_empty(db_url):
    if db_url.startswith("sqlite"):
        Path(db_url.removeprefix("sqlite:///")).touch()
    with pytest.raises(SchemaMismatch, match="empty database"):
        open_store(db_url)
    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert not conn.execute(text(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'claims'"
            if db_url.startswith("postgresql") else
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'claims'"
        )).scalar_one()  # fmt: skip
    engine.dispose()
