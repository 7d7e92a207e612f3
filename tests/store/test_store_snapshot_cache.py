"""store.snapshot_cache: a snapshot read back only for its store, roots, version and code;
a corrupt file counts as absent; a writer killed at any moment leaves the old file or the
new one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO

from store.database import open_store
from store.ingest import ingest
from store.snapshot_cache import SnapshotCache


@pytest.fixture
def stored(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    with open_store(url, create=True) as store:
        ingest(store, [REPO / "seeds"], workers=0)
        yield url, store


def test_round_trip_for_the_same_version_only(stored, tmp_path):
    url, store = stored
    cache = SnapshotCache(tmp_path / "cache", min_claims=0)
    snap = store.snapshot()
    assert cache.load(url, None, snap.version) is None
    assert cache.save(url, None, snap)
    back = cache.load(url, None, snap.version)
    assert back is not None and back.columns.n == snap.columns.n > 0
    assert [r[0] for r in back.columns.rows] == [r[0] for r in snap.columns.rows]
    assert back.articles == snap.articles
    assert cache.load(url, None, (snap.version[0] + 1, *snap.version[1:])) is None
    assert cache.load(url, ["/elsewhere"], snap.version) is None
    assert cache.load(url + "x", None, snap.version) is None


def test_a_kept_snapshot_answers_as_the_store_does(stored, tmp_path):
    """Rows come back packed (decoded when asked for): the same claims, places, pages."""
    from store.columnar import PackedRows

    url, store = stored
    cache = SnapshotCache(tmp_path / "cache", min_claims=0)
    snap = store.snapshot()
    assert cache.save(url, None, snap)
    back = cache.load(url, None, snap.version).columns
    assert isinstance(back.rows, PackedRows) and len(back.rows) == snap.columns.n
    assert list(back.rows) == [tuple(r) for r in snap.columns.rows]
    assert back.rows[-1] == tuple(snap.columns.rows[-1]) and back.rows[:2] == back.rows[0:2]
    with pytest.raises(IndexError):
        back.rows[snap.columns.n]
    assert [back.claim_at(i) for i in range(back.n)] == [
        snap.columns.claim_at(i) for i in range(back.n)
    ]
    assert back.places() == snap.columns.places()
    more = back.extended([snap.columns.claim_at(0)])  # an upload on top of a kept snapshot
    assert more.n == back.n + 1 and more.claim_at(back.n) == back.claim_at(0)


def test_small_snapshots_are_not_kept(stored, tmp_path):
    url, store = stored
    cache = SnapshotCache(tmp_path / "cache")
    assert not cache.save(url, None, store.snapshot())
    assert not (tmp_path / "cache").exists()


def test_a_corrupt_file_is_absent(stored, tmp_path):
    url, store = stored
    cache = SnapshotCache(tmp_path / "cache", min_claims=0)
    snap = store.snapshot()
    cache.save(url, None, snap)
    path = cache.path(url, None)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert cache.load(url, None, snap.version) is None
    path.write_bytes(b"not a pickle")
    assert cache.load(url, None, snap.version) is None


def test_no_password_in_the_file(tmp_path):
    cache = SnapshotCache(tmp_path)
    secret = "postgresql+psycopg://u:hunter2@127.0.0.1/db"
    assert "hunter2" not in str(cache.path(secret, None))
    assert cache._key(secret, None) == cache._key(secret.replace("hunter2", "other"), None)


WRITER = """
import sys
from store.database import open_store
from store.snapshot_cache import SnapshotCache
url, folder = sys.argv[1], sys.argv[2]
cache = SnapshotCache(__import__("pathlib").Path(folder), min_claims=0)
snap = open_store(url).snapshot()
print("ready", flush=True)
while True:
    cache.save(url, None, snap)
"""


def test_a_writer_killed_at_any_moment_leaves_a_whole_file(stored, tmp_path):
    url, store = stored
    folder = tmp_path / "cache"
    snap = store.snapshot()
    cache = SnapshotCache(folder, min_claims=0)
    for delay in (0.05, 0.13, 0.29, 0.41):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, url, str(folder)], cwd=REPO,
                                stdout=subprocess.PIPE, text=True)  # fmt: skip
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        back = cache.load(url, None, snap.version)
        if cache.path(url, None).exists():
            assert back is not None and back.columns.n == snap.columns.n


def test_ingest_keeps_the_snapshot_a_dashboard_start_reads(tmp_path, monkeypatch):
    """After an ingest the file is written under the key the dashboard's ``--db`` start
    looks up, so the first start after it reads the file; a current file is not rewritten,
    a changed store gets a new one."""
    import store.snapshot_cache as snapshot_cache
    from atlas.page.data import _url
    from store.cli import _warm_snapshot

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(snapshot_cache, "MIN_CLAIMS", 0)
    corpus = tmp_path / "seeds"
    corpus.mkdir()
    for name in sorted(os.listdir(REPO / "seeds"))[:3]:
        (corpus / name).write_bytes((REPO / "seeds" / name).read_bytes())
    db = str(tmp_path / "w.sqlite")  # a bare path, as a user types it
    with open_store(db, create=True) as store:
        ingest(store, [corpus], workers=0)
        assert _warm_snapshot(store) == str(tmp_path / "cache" / "claim-atlas" / "snapshots")
        kept = SnapshotCache().load(_url(db), None, store.version())
        assert kept is not None and kept.columns.n == store.total() > 0
        assert _warm_snapshot(store) == ""  # current: not written again
        (corpus / "extra.txt").write_text(
            "Taliban fighters captured Bazarak on Monday, a spokesman said.", encoding="utf-8"
        )
        ingest(store, [corpus], workers=0)
        assert SnapshotCache().load(_url(db), None, store.version()) is None  # stale now
        assert _warm_snapshot(store) != ""
        assert SnapshotCache().load(_url(db), None, store.version()).columns.n == store.total()


def test_ingest_of_a_small_store_keeps_no_snapshot(tmp_path):
    from conftest import run_cli

    home = tmp_path / "cache"
    ran = run_cli("ingest", str(REPO / "seeds"), "--db", str(tmp_path / "s.sqlite"),
                  env={"XDG_CACHE_HOME": str(home)})  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert "snapshot" not in ran.stderr and not home.exists()


def _reviewed_store(stored):
    from store.review import Edit, Reviewer, Verdict, save

    url, store = stored
    claims = store.snapshot().columns
    ana = Reviewer("ana")
    save(store, claims.claim_at(0), Edit(Verdict.CONFIRMED), ana, 0)
    save(store, claims.claim_at(1), Edit(Verdict.REJECTED, reason="history"), ana, 0)
    save(store, claims.claim_at(2), Edit(corrections={"figure": "41", "side": "NRF"}), ana, 0)
    return url, store


def test_a_kept_review_overlay_is_the_overlay_laid_anew(stored, tmp_path):
    """Parts are keyed by claim id: restored over the same claims in another row order (a new
    load need not repeat it), every claim has the status and values of a fresh overlay."""
    from atlas.review import overlay, restored
    from store.columnar import ColumnarClaims
    from store.review import all_decisions

    url, store = _reviewed_store(stored)
    cols = store.snapshot().columns
    fresh = overlay(cols, all_decisions(store))
    cache = SnapshotCache(tmp_path / "cache", min_claims=0)
    version = store.version()
    assert cache.save_review(url, None, version, cols.n, fresh.parts())
    kept = cache.load_review(url, None, version)
    flipped = ColumnarClaims(list(reversed(cols.rows)), list(reversed(cols.roots)))
    back = restored(flipped, kept)
    assert back is not None and sum(back.counts().values()) == cols.n
    for i in range(cols.n):
        cid = cols.claim_at(i).id
        assert back.status_of(cid) == fresh.status_of(cid)
        assert back.columns.claim(cid) == fresh.columns.claim(cid)
    assert back.columns.claim(cols.claim_at(2).id).figure == 41
    assert back.counts() == fresh.counts()
    other = ColumnarClaims(list(cols.rows)[3:], list(cols.roots)[3:])  # claims gone: laid anew
    assert restored(other, kept) is None
    assert restored(cols, ("another", "shape")) is None and restored(cols, None) is None


def test_a_review_overlay_is_kept_for_its_whole_version_only(stored, tmp_path):
    from atlas.review import overlay
    from store.review import Edit, Reviewer, Verdict, all_decisions, save

    url, store = _reviewed_store(stored)
    cols = store.snapshot().columns
    cache = SnapshotCache(tmp_path / "cache", min_claims=0)
    version = store.version()
    cache.save_review(url, None, version, cols.n, overlay(cols, all_decisions(store)).parts())
    assert cache.load_review(url, None, version) is not None
    save(store, cols.claim_at(3), Edit(Verdict.CONFIRMED), Reviewer("ben"), 0)
    assert store.version()[0] == version[0]  # the claims are as they were …
    assert cache.load_review(url, None, store.version()) is None  # … but not the decisions
    assert cache.load_review(url + "x", None, version) is None
    assert not SnapshotCache(tmp_path / "big").save_review(url, None, version, cols.n, ())
    path = cache.review_path(url, None)
    path.write_bytes(path.read_bytes()[:20])
    assert cache.load_review(url, None, version) is None  # corrupt: as if absent
