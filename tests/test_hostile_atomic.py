"""Nothing lost: everything the tool writes goes to a temporary file and is renamed into place,
so an interrupted write leaves the previous file intact and no temporary file behind.

Faults are injected by monkeypatching: the rename fails, the write fails midway (an
unencodable character after a megabyte of good text), fsync raises KeyboardInterrupt, the disk
is full (OSError ENOSPC on write).
"""

from __future__ import annotations

import builtins
import errno
import importlib
import io
import os
from pathlib import Path

import pytest

from atlas import assets

WRITERS = ("claims.export", "geo.cache")


@pytest.fixture(params=WRITERS)
def writer(request):
    module = importlib.import_module(request.param)
    return module.write_atomic


PREVIOUS = "previous export, must survive\n"
NEW = "x" * 1_000_000 + "\n"


class Boom(Exception):
    pass


def _raise(exc: BaseException):
    def fail(*args, **kwargs):
        raise exc

    return fail


class _FullDisk:
    """A file whose write stores half of what it is given, then reports a full disk."""

    def __init__(self, real) -> None:
        self._real = real

    def write(self, data):
        self._real.write(data[: len(data) // 2])
        self._real.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._real.close()

    def __getattr__(self, name):
        return getattr(self._real, name)


def _full_disk(mp: pytest.MonkeyPatch) -> None:
    """Every file opened for writing fills the disk halfway through its first write."""
    for owner, attr in ((builtins, "open"), (io, "open"), (os, "fdopen")):
        real = getattr(owner, attr)

        def opener(*args, _real=real, **kwargs):
            mode = kwargs.get("mode", args[1] if len(args) > 1 else "r")
            handle = _real(*args, **kwargs)
            return _FullDisk(handle) if any(m in mode for m in "wax+") else handle

        mp.setattr(owner, attr, opener)


# fault -> (installer, whether every atomic writer must meet it)
FAULTS = {
    "rename fails": (lambda mp: mp.setattr(os, "replace", _raise(Boom("rename"))), True),
    "rename interrupted": (lambda mp: mp.setattr(os, "replace", _raise(KeyboardInterrupt())), True),
    "fsync interrupted": (lambda mp: mp.setattr(os, "fsync", _raise(KeyboardInterrupt())), False),
    "disk full": (_full_disk, True),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_interrupted_export_keeps_the_previous_file(writer, fault, tmp_path, monkeypatch):
    target = tmp_path / "claims.csv"
    target.write_text(PREVIOUS, encoding="utf-8")
    before = set(tmp_path.iterdir())
    install, must_fire = FAULTS[fault]
    install(monkeypatch)
    raised = None
    try:
        writer(target, NEW)
    except (Exception, KeyboardInterrupt) as exc:
        raised = exc
    monkeypatch.undo()
    content = target.read_text(encoding="utf-8")
    # either the write did not happen or (when the fault did not reach it) it completed
    assert content in (PREVIOUS, NEW), f"{fault}: target is damaged ({len(content)} chars)"
    if must_fire:
        assert raised is not None, f"{fault}: the writer reported success"
        assert content == PREVIOUS
    leftovers = set(tmp_path.iterdir()) - before
    names = sorted(p.name for p in leftovers)
    assert not leftovers, f"{fault}: temporary file left behind: {names}"


def test_unencodable_text_midway_keeps_the_previous_file(writer, tmp_path):
    target = tmp_path / "claims.jsonl"
    target.write_text(PREVIOUS, encoding="utf-8")
    with pytest.raises((UnicodeError, ValueError, Exception)):
        writer(target, NEW + "\ud800 lone surrogate")
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]


def test_write_atomic_writes_and_replaces(writer, tmp_path):
    target = tmp_path / "out.geojson"
    writer(target, "one")
    writer(target, "two ünïcode")
    assert target.read_text(encoding="utf-8") == "two ünïcode"
    assert [p.name for p in tmp_path.iterdir()] == ["out.geojson"]


# -- the map's vendored assets (written at dashboard start-up) ------------------------------


def test_interrupted_asset_copy_keeps_the_previous_file_and_no_temp(tmp_path, monkeypatch):
    written = assets.ensure_vendor_assets(tmp_path)
    assert written, "nothing copied on a fresh folder"
    target = written[0]
    good = target.read_bytes()
    target.write_bytes(good[: len(good) // 2])  # stale/damaged copy: must be replaced
    monkeypatch.setattr(os, "replace", _raise(Boom("rename")))
    with pytest.raises(Boom):
        assets.ensure_vendor_assets(tmp_path)
    monkeypatch.undo()
    assert target.read_bytes() == good[: len(good) // 2], "previous file changed"
    temps = [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]
    assert not temps, f"temporary files left in static/: {[p.name for p in temps]}"
    assets.ensure_vendor_assets(tmp_path)
    assert target.read_bytes() == good


def test_asset_copy_is_repaired_after_a_truncated_file(tmp_path):
    written = assets.ensure_vendor_assets(tmp_path)
    for path in written:
        path.write_bytes(b"")
    assets.ensure_vendor_assets(tmp_path)
    for path in written:
        assert path.stat().st_size > 0, path
    assert assets.ensure_vendor_assets(tmp_path) == []


def _writers_in(package_dir: Path) -> list[str]:
    hits = []
    for path in sorted(package_dir.rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if any(
                w in code
                for w in (".write_text(", ".write_bytes(", "open(", "copyfile(", "json.dump(")
            ) and (
                "'w" in code
                or '"w' in code
                or "write_" in code
                or "copyfile" in code
                or "json.dump(" in code
            ):
                hits.append(f"{path.relative_to(package_dir.parent)}:{n}: {line.strip()}")
    return hits


def test_every_writer_in_the_packages_is_known():
    """A tripwire: a new place that writes files must be added to the tests above (or use
    write_atomic). Lists writes in claims/, geo/ and dashboard.py."""
    root = Path(__file__).resolve().parents[1]
    hits = _writers_in(root / "claims") + _writers_in(root / "geo") + _writers_in(root / "atlas")
    allowed = ("claims/export.py", "atlas/assets.py", "geo/cache.py")
    unknown = [h for h in hits if not h.startswith(allowed)]
    assert not unknown, "files written outside write_atomic/known writers:\n" + "\n".join(unknown)
