"""The compact world index: written atomically (a kill leaves the old file or none), stale
files are not read, and its arrays answer lookups like the source table."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from geo.worldindex import (
    _readable,
    _write_atomic,
    fingerprint,
    kind_of,
    latin,
    load_index,
    name_hash,
    radius_of,
)

REPO = Path(__file__).resolve().parent.parent

WRITER = """
import sys, numpy as np
from pathlib import Path
from geo.worldindex import _write_atomic
target = Path(sys.argv[1])
big = {"a": np.arange(30_000_000, dtype=np.int64), "fingerprint": np.array(["new"])}
print("ready", flush=True)
while True:
    _write_atomic(target, big)
"""


def test_a_killed_write_leaves_the_previous_index_intact(tmp_path: Path) -> None:
    target = tmp_path / "world-index-test.npz"
    _write_atomic(target, {"a": np.arange(10), "fingerprint": np.array(["old"])})
    for delay in (0.05, 0.3, 0.8):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        with np.load(target) as z:  # always a complete file: the old one or a new one
            assert str(z["fingerprint"][0]) in ("old", "new")
            assert len(z["a"]) in (10, 30_000_000)


def test_a_file_of_other_inputs_or_garbage_is_not_read(tmp_path: Path) -> None:
    stale = tmp_path / "stale.npz"
    _write_atomic(stale, {"fingerprint": np.array(["0000"])})
    assert not _readable(stale, fingerprint())
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not an npz file")
    assert not _readable(garbage, fingerprint())
    assert not _readable(tmp_path / "missing.npz", fingerprint())


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Kharkiv", True),
        ("Charków", True),
        ("Ehl'-Fasher", True),
        ("HRK", False),  # an airport code
        ("ba er", False),  # a lower-case romanisation of another script
        ("Харків", False),  # Cyrillic: English text does not spell it so
        ("", False),
    ],
)
def test_alternate_names_kept(name: str, kept: bool) -> None:
    assert latin(name) is kept


def test_kinds_and_radii_grow_with_population() -> None:
    assert [kind_of(p) for p in (0, 9_999, 10_000, 150_000)] == [
        "village",
        "village",
        "town",
        "city",
    ]
    assert radius_of(500) < radius_of(30_000) < radius_of(1_500_000) <= 25.0
    assert name_hash("kharkiv") == name_hash("kharkiv") != name_hash("kharkov")


def test_index_lookups_match_its_places(world_index: Path) -> None:
    index = load_index()
    hits = index.lookup("balakliia")
    names = sorted((index.place(i).name, index.place(i).population) for i, _ in hits)
    assert [n for n, _ in names] == ["Balakliia", "Balakliya"]  # a village and the town
    ua = index.country_range("UA")
    assert index.place(ua.start).id == "country:UA"
    assert all(index.place(i).country == "UA" for i in (ua.start, ua.stop - 1))
    assert index.place_id_index("country:UA") == ua.start
    assert index.lookup("zzyzxabad") == []
