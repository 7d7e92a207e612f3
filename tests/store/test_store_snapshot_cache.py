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
