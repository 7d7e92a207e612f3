"""Faults, with real processes: a Dask worker and the ingest process SIGKILLed mid-run, a reader
during an ingest, a locked / corrupt / read-only SQLite file, a PostgreSQL server that is down
or refuses the password. Nothing half-written, no duplicate claims, one clear message."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from conftest import REPO, run_cli
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from benchmarks.corpus import gazetteer_places, write_corpus
from store.database import open_store

N_ARTICLES = 150
FLUSH = 40
"""Write transactions of FLUSH articles (the store's default is 256): the corpus spans four,
so a partial store exists at some moment however fast the extractor gets."""


@pytest.fixture(scope="module", autouse=True)
def small_transactions():
    """Every ingest this module starts writes FLUSH articles per transaction."""
    from store.ingest import FLUSH_ENV

    old = os.environ.get(FLUSH_ENV)
    os.environ[FLUSH_ENV] = str(FLUSH)
    yield
    if old is None:
        os.environ.pop(FLUSH_ENV, None)
    else:
        os.environ[FLUSH_ENV] = old


CONSISTENT = text(
    "SELECT "
    "(SELECT COUNT(*) FROM articles a WHERE a.duplicate_of IS NULL AND a.n_claims <> "
    "  (SELECT COUNT(*) FROM claims c WHERE c.article_pk = a.pk)), "
    "(SELECT COUNT(*) FROM claims c JOIN texts t ON t.article_pk = c.article_pk "
    "  WHERE substr(t.text, c.quote_start + 1, c.quote_end - c.quote_start) <> c.quote), "
    "(SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
    "  (SELECT 1 FROM texts t WHERE t.article_pk = a.pk))"
)
"""Articles whose claim count is off, claims whose quote is not their text's span, articles
without text: all zero in a store where every article is whole."""


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "corpus"
    write_corpus(folder, N_ARTICLES, gazetteer_places())
    return folder


@pytest.fixture(scope="module")
def reference(synthetic, tmp_path_factory) -> set[tuple]:
    """The claims a clean, in-process ingest of the corpus stores."""
    db = tmp_path_factory.mktemp("ref") / "ref.sqlite"
    ran = run_cli("ingest", str(synthetic), "--db", str(db), "--workers", "0")
    assert ran.returncode == 0, ran.stderr
    return _claims(f"sqlite:///{db}")


def _claims(url: str) -> set[tuple]:
    with open_store(url) as db:
        found = [(c.file, c.id, c.quote_start, c.quote) for c in db.claims()]
    assert len(found) == len(set(found)), "duplicate claims"
    return set(found)


def _articles(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT COUNT(*) FROM articles")).scalar_one()
    except Exception:  # not created yet
        return 0
    finally:
        engine.dispose()


def _assert_whole(url: str) -> None:
    engine = create_engine(url)
    with engine.connect() as conn:
        assert tuple(conn.execute(CONSISTENT).one()) == (0, 0, 0)
    engine.dispose()


def _popen(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "claims", *args], cwd=REPO, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})},
        start_new_session=True,
    )  # fmt: skip


def _wait_some_written(url: str, proc: subprocess.Popen, timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        n = _articles(url)
        if n > 0:
            return n
        if proc.poll() is not None:
            pytest.fail(f"ingest ended before anything was written: {proc.stderr.read()[-2000:]}")
        time.sleep(0.05)
    pytest.fail("nothing written within the timeout")


def _busy_worker(client, proc: subprocess.Popen, timeout: float = 120) -> str:
    """The address of a worker that is extracting for the ingest right now."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy = [addr for addr, tasks in client.processing().items() if tasks]
        if busy:
            return busy[0]
        if proc.poll() is not None:
            pytest.fail(f"ingest ended before any task ran: {proc.stderr.read()[-2000:]}")
        time.sleep(0.05)
    pytest.fail("no worker got a task within the timeout")


def test_worker_killed_mid_ingest_is_redone(db_url, synthetic, reference):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster, Client(cluster) as client:  # fmt: skip
        pids = client.run(os.getpid)
        proc = _popen("ingest", str(synthetic), "--db", db_url, "--scheduler",
                      cluster.scheduler_address)  # fmt: skip
        victim = _busy_worker(client, proc)
        time.sleep(0.3)  # well inside its first batch of articles
        assert proc.poll() is None, "the ingest finished before the kill"
        os.kill(pids[victim], signal.SIGKILL)
        _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert f"{N_ARTICLES} added" in err
    _assert_whole(db_url)
    assert _claims(db_url) == reference


def test_ingest_process_killed_then_rerun_completes(db_url, synthetic, reference):
    proc = _popen("ingest", str(synthetic), "--db", db_url, "--workers", "2")
    try:
        written = _wait_some_written(db_url, proc)
        children = psutil.Process(proc.pid).children(recursive=True)
        assert written < N_ARTICLES, "the ingest finished before the kill: make the corpus bigger"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        _, alive = psutil.wait_procs(children, timeout=15)
    finally:
        for child in [c for c in locals().get("alive", []) if c.is_running()]:
            child.kill()  # workers of the killed client that outlived it, by PID
        if proc.poll() is None:
            proc.kill()
    assert not alive, f"worker processes outlived the killed ingest: {alive}"
    _assert_whole(db_url)  # what was committed is whole
    partial = _articles(db_url)
    rerun = run_cli("ingest", str(synthetic), "--db", db_url, "--workers", "2")
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial} unchanged" in rerun.stderr
    _assert_whole(db_url)
    assert _claims(db_url) == reference


def test_reader_sees_each_article_before_or_after(db_url, synthetic, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    files = sorted(synthetic.glob("*.txt"))  # > FLUSH: several write transactions
    for f in files:
        (folder / f.name).write_bytes(f.read_bytes())
    assert run_cli("ingest", str(folder), "--db", db_url, "--workers", "0").returncode == 0
    for f in files:  # every offset moves: old claims on a new text would not match
        (folder / f.name).write_text("UPDATED EDITION.\n\n" + f.read_text(encoding="utf-8"),
                                     encoding="utf-8")  # fmt: skip
    engine = create_engine(db_url)
    proc = _popen("ingest", str(folder), "--db", db_url, "--workers", "0")
    states, reads = set(), 0
    try:
        while proc.poll() is None:
            with engine.connect() as conn, conn.begin():
                assert tuple(conn.execute(CONSISTENT).one()) == (0, 0, 0)
                updated = conn.execute(text(
                    "SELECT COUNT(*) FROM texts WHERE text LIKE 'UPDATED EDITION.%'"
                )).scalar_one()  # fmt: skip
            states.add(updated)
            reads += 1
            time.sleep(0.02)  # leave the ingest its core
    finally:
        _, err = proc.communicate(timeout=300)
        engine.dispose()
    assert proc.returncode == 0, err
    assert reads > 3
    assert any(0 < s < len(files) for s in states), f"no read during the ingest: {states}"
    _assert_whole(db_url)


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _one_clear_message(ran, *needles: str) -> None:
    assert ran.returncode == 1, ran.stderr
    assert "Traceback" not in ran.stderr
    errors = [line for line in ran.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1, ran.stderr
    for needle in needles:
        assert needle in errors[0], errors[0]


SEEDS = str(REPO / "seeds")


def test_locked_sqlite_file(tmp_path):
    db = tmp_path / "locked.sqlite"
    assert run_cli("ingest", SEEDS, "--db", str(db), "--workers", "0").returncode == 0
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time\n"
         f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
         "c.execute('BEGIN EXCLUSIVE'); c.execute('DELETE FROM problems')\n"
         "print('locked', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        (tmp_path / "new").mkdir()
        (tmp_path / "new" / "a.txt").write_text("The Taliban said they took Bazarak.\n")
        ran = run_cli("ingest", str(tmp_path / "new"), "--db", str(db), "--workers", "0",
                      env={"CLAIM_ATLAS_DB_TIMEOUT": "1"})  # fmt: skip
    finally:
        holder.kill()
        holder.wait()
    _one_clear_message(ran, str(db), "locked by another process")


def test_corrupt_sqlite_file(tmp_path):
    db = tmp_path / "corrupt.sqlite"
    db.write_bytes(b"this is not a database at all\n" * 200)
    ran = run_cli("ingest", SEEDS, "--db", str(db), "--workers", "0")
    _one_clear_message(ran, str(db), "not an SQLite database")
    damaged = tmp_path / "damaged.sqlite"
    assert run_cli("ingest", SEEDS, "--db", str(damaged), "--workers", "0").returncode == 0
    data = bytearray(damaged.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page after the first
    damaged.write_bytes(bytes(data))
    ran = run_cli("ingest", SEEDS, "--db", str(damaged), "--workers", "0")
    _one_clear_message(ran, str(damaged))
    assert "damaged" in ran.stderr or "not an SQLite database" in ran.stderr


@pytest.fixture
def read_only_file(tmp_path):
    db = tmp_path / "ro.sqlite"
    assert run_cli("ingest", SEEDS, "--db", str(db), "--workers", "0").returncode == 0
    if os.geteuid() == 0:  # root ignores file modes: make the file immutable instead
        made = subprocess.run(["chattr", "+i", str(db)], capture_output=True, text=True)
        if made.returncode != 0:
            pytest.skip(f"cannot make a read-only file as root here: {made.stderr.strip()}")
        yield db
        subprocess.run(["chattr", "-i", str(db)], check=False)
    else:
        db.chmod(0o444)
        tmp_path.chmod(0o555)
        yield db
        tmp_path.chmod(0o755)


def test_read_only_sqlite_file(read_only_file, tmp_path):
    new = tmp_path.parent / (tmp_path.name + "-new")
    new.mkdir(exist_ok=True)
    (new / "a.txt").write_text("The Taliban said they took Bazarak on Monday.\n")
    ran = run_cli("ingest", str(new), "--db", str(read_only_file), "--workers", "0")
    _one_clear_message(ran, str(read_only_file), "read-only")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_postgresql_server_down():
    url = f"postgresql+psycopg://atlas:hunter2-secret@127.0.0.1:{_free_port()}/claims"
    ran = run_cli("ingest", SEEDS, "--db", url, "--workers", "0",
                  env={"CLAIM_ATLAS_DB_TIMEOUT": "3"})  # fmt: skip
    _one_clear_message(ran, "postgresql+psycopg://atlas:***@127.0.0.1", "cannot connect")
    assert "hunter2-secret" not in ran.stderr + ran.stdout


def test_postgresql_refuses_the_password(pg_url):
    wrong = make_url(pg_url).set(password="not-the-password-42")
    ran = run_cli("ingest", SEEDS, "--db", wrong.render_as_string(hide_password=False),
                  "--workers", "0")  # fmt: skip
    _one_clear_message(ran, "***@127.0.0.1", "refused the password")
    assert "not-the-password-42" not in ran.stderr + ran.stdout


def test_two_ingests_at_once_write_each_article_once(db_url, synthetic, reference):
    first = _popen("ingest", str(synthetic), "--db", db_url, "--workers", "0")
    second = _popen("ingest", str(synthetic), "--db", db_url, "--workers", "0")
    results = [p.communicate(timeout=600) for p in (first, second)]
    assert first.returncode == 0, results[0][1]
    assert second.returncode == 0, results[1][1]
    _assert_whole(db_url)
    assert _claims(db_url) == reference
