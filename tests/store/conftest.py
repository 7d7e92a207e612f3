"""Fixtures of the store tests: each test's store on SQLite AND on PostgreSQL.

PostgreSQL: ``$CLAIM_ATLAS_TEST_PG_URL`` (a superuser URL; ``.ci/run`` starts a server and sets
it) — else a throwaway server started here with ``scripts/pg_server.sh`` when Debian's
postgresql is installed — else the PostgreSQL cases are skipped, saying why. When the
variable is set, a server that cannot be reached fails the tests instead of skipping them.
Every test gets a fresh database, dropped afterwards.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from claims.model import Claim

REPO = Path(__file__).resolve().parents[2]
PG_ENV = "CLAIM_ATLAS_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_admin_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A superuser URL of a running PostgreSQL server on 127.0.0.1."""
    given = os.environ.get(PG_ENV)
    if given:
        yield given
        return
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        pytest.skip(
            "PostgreSQL store tests skipped: no PostgreSQL server installed here "
            "(apt-get install -y postgresql), and $CLAIM_ATLAS_TEST_PG_URL is not set"
        )
    # not under pytest's own temp folder: as root that is private, and the server runs as
    # the postgres user
    folder = Path(tempfile.mkdtemp(prefix="claim-atlas-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    script = str(REPO / "scripts" / "pg_server.sh")
    started = subprocess.run(
        ["bash", script, "start", str(folder), str(_free_port())],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    if started.returncode != 0:
        pytest.fail(f"could not start PostgreSQL: {started.stderr[-2000:]}")
    try:
        yield started.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", script, "stop", str(folder)], timeout=60, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def _admin(url: str):  # psycopg connection in autocommit, for CREATE/DROP DATABASE
    import psycopg

    u = make_url(url)
    return psycopg.connect(
        host=u.host, port=u.port, user=u.username, password=u.password,
        dbname=u.database or "postgres", autocommit=True,
    )  # fmt: skip


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    with fresh_database(pg_admin_url) as url:
        yield url


@contextmanager
def fresh_database(pg_admin_url: str) -> Iterator[str]:
    name = "t_" + uuid.uuid4().hex[:12]
    with _admin(pg_admin_url) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(pg_admin_url).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with _admin(pg_admin_url) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty store location, once per backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'claims.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url: str):
    from store.database import open_store

    with open_store(db_url, create=True) as db:
        yield db


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 300):
    """``python -m claims ARGS`` in a real process; returns the CompletedProcess."""
    full = {**os.environ, **(env or {})}
    if "CLAIM_ATLAS_DB" not in (env or {}):
        full.pop("CLAIM_ATLAS_DB", None)  # the store is always named explicitly
    return subprocess.run(
        [sys.executable, "-m", "claims", *args], capture_output=True, text=True,
        timeout=timeout, env=full, cwd=REPO,
    )  # fmt: skip


FULL_CLAIM = Claim(
    id="9f8e7d6c5b4a3921",
    statement_id="a1b2c3d4e5f6",
    file="panjshir/report-1.md",
    outlet="Example Wire",
    title="Fighting in “Panjshir” — day 5",
    url="https://example.org/a?b=1&c=ü",
    published="2021-09-05",
    claimant="Fahim Dashti, NRF spokesman",
    side="NRF",
    kind="casualties",
    figure=2_000_000_000_123,
    figure_qualifier="at least",
    place="Bazarak",
    place_mention="Bazarak town",
    place_id="town:bazarak",
    lat=35.312345678,
    lon=69.515432109,
    radius_km=2.5,
    place_precision="point",
    place_basis="named in the sentence",
    unresolved_place=None,
    date_start="2021-09-03",
    date_end="2021-09-04",
    date_precision="range",
    date_basis="late on Friday till Saturday morning",
    quote="He said 600 Taliban were “killed or captured” — 'a lie', said the other side.",
    quote_start=120,
    quote_end=197,
    stance="denies",
    figure_scope="killed or captured",
    rule="kind=K-casualties speaker=S-subject place=P-named date=D-weekday",
)
"""A claim with every field set to a value that is not its default."""


def claim_variants() -> list[Claim]:
    """FULL_CLAIM, one with every optional field None, and an on_or_before one."""
    nones = {
        "outlet": None, "title": None, "url": None, "published": None, "claimant": None,
        "figure": None, "figure_qualifier": None, "place": None, "place_mention": None,
        "place_id": None, "lat": None, "lon": None, "radius_km": None,
        "place_precision": None, "place_basis": None, "unresolved_place": None,
        "date_start": None, "date_end": None, "figure_scope": None,
    }  # fmt: skip
    return [
        FULL_CLAIM,
        replace(FULL_CLAIM, id="0000000000000002", date_precision="unknown", **nones),
        replace(
            FULL_CLAIM, id="0000000000000003", date_start=None, date_end="2021-09-05",
            date_precision="on_or_before", unresolved_place="Dashte Rewak", stance="asserts",
        ),
    ]  # fmt: skip
