"""What the dashboard loads (:meth:`store.database.Store.snapshot`, then
:func:`atlas.session.from_snapshot`) while an ingest rewrites every article: each article is
seen whole, before or after, never half — its record, its claim count and its claims' offsets
all of one edition."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import REPO, run_cli

from atlas.session import from_snapshot
from benchmarks.corpus import gazetteer_places, write_corpus
from store.database import open_store
from store.ingest import FLUSH_ENV

PREFIX = "UPDATED EDITION.\n\n"
N_ARTICLES = 150
FLUSH = "40"  # articles per write transaction (the store's default is 256): four of them here


def _editions(folder: Path) -> dict[str, tuple[str, str]]:
    """file → (sha256 of the original text, sha256 of the updated one)."""
    out = {}
    for f in sorted(folder.glob("*.txt")):
        text = f.read_bytes()
        updated = PREFIX.encode() + text
        out[f.name] = (hashlib.sha256(text).hexdigest(), hashlib.sha256(updated).hexdigest())
    return out


def _starts(data, file: str) -> list[int]:
    return sorted(c.quote_start for c in data.by_file.get(file, ()))


def _check(data, snapshot, editions, before: dict[str, list[int]]) -> int:
    """Assert every article of the snapshot is of one edition; the number updated."""
    updated = 0
    for info in snapshot.articles:
        old, new = editions[info.path]
        assert info.sha256 in (old, new), info.path
        starts = _starts(data, info.path)
        assert len(starts) == info.claims, f"{info.path}: {len(starts)} claims of {info.claims}"
        if info.sha256 == new:
            updated += 1
            assert starts == [s + len(PREFIX) for s in before[info.path]], info.path
        else:
            assert starts == before[info.path], info.path
    return updated


def test_dashboard_snapshot_during_ingest_sees_each_article_whole(db_url, tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder, N_ARTICLES, gazetteer_places())
    assert run_cli("ingest", str(folder), "--db", db_url, "--workers", "0").returncode == 0
    editions = _editions(folder)
    store = open_store(db_url)
    first = from_snapshot(store.snapshot(), store.article, root=None, name="x")
    before = {file: _starts(first, file) for file in editions}
    assert sum(map(len, before.values())) == first.total > 0
    for f in folder.glob("*.txt"):
        f.write_text(PREFIX + f.read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "claims", "ingest", str(folder), "--db", db_url,
         "--workers", "0", "--no-progress"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, FLUSH_ENV: FLUSH},
    )  # fmt: skip
    seen: set[int] = set()
    try:
        while proc.poll() is None:
            snapshot = store.snapshot()
            data = from_snapshot(snapshot, store.article, root=None, name="x")
            seen.add(_check(data, snapshot, editions, before))
            time.sleep(0.05)  # leave the ingest its core
    finally:
        _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    last = store.snapshot()
    assert _check(from_snapshot(last, store.article, root=None, name="x"), last, editions,
                  before) == N_ARTICLES  # fmt: skip
    assert any(0 < n < N_ARTICLES for n in seen), f"no snapshot during the ingest: {seen}"
    store.close()
