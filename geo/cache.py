"""A persistent JSON cache of online geocoding answers, written atomically.

The file is ``{"version": 1, "entries": {key: place-json | {"miss": reason}}}``. Writes go to
a temporary file in the same folder, then ``os.replace`` — an interrupted write leaves the
previous file intact. A missing or unreadable file is an empty cache (with a warning).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from geo.exc import CacheError
from geo.model import Place

VERSION = 1


def place_to_json(p: Place) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "kind": p.kind,
        "lat": p.lat,
        "lon": p.lon,
        "radius_km": p.radius_km,
        "province": p.province,
        "approximate": p.approximate,
        "aliases": list(p.aliases),
        "source": p.source,
    }


def place_from_json(d: dict[str, Any]) -> Place:
    return Place(
        id=str(d["id"]),
        name=str(d["name"]),
        kind=str(d["kind"]),
        lat=float(d["lat"]),
        lon=float(d["lon"]),
        radius_km=float(d["radius_km"]),
        province=d.get("province"),
        approximate=bool(d.get("approximate", False)),
        aliases=tuple(d.get("aliases", ())),
        source=str(d.get("source", "")),
    )


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` through a temporary file in the
    same folder and ``os.replace``, so readers never see a half-written file and an
    interrupted write leaves the previous file intact. The one writer of the project: exports
    (``claims.export``) use it too."""
    write_atomic_bytes(path, lambda fh: fh.write(text.encode("utf-8")))


def write_atomic_bytes(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> None:
    """:func:`write_atomic` for any content: ``write(fh)`` fills the temporary binary file
    (the world index writes its arrays so), which then replaces ``path``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


class GeocodeCache:
    """Online answers by key (normalised query + context), kept in a JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._entries: dict[str, dict[str, Any]] = self._load()

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            warnings.warn(f"ignoring unreadable geocode cache {self.path}: {exc}", stacklevel=3)
            return {}
        if (
            not isinstance(data, dict)
            or data.get("version") != VERSION
            or not isinstance(data.get("entries"), dict)
        ):
            warnings.warn(f"ignoring geocode cache {self.path} of unknown format", stacklevel=3)
            return {}
        return data["entries"]

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> Place | str | None:
        """A cached place, a cached miss reason (str), or None when not cached."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        if "miss" in entry:
            return str(entry["miss"])
        try:
            return place_from_json(entry)
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, key: str, value: Place | str) -> None:
        """Store and persist; raises CacheError (previous file intact) when the write fails."""
        entry = {"miss": value} if isinstance(value, str) else place_to_json(value)
        self._entries[key] = entry
        text = json.dumps(
            {"version": VERSION, "entries": self._entries},
            ensure_ascii=False,
            indent=1,
            sort_keys=True,
        )
        try:
            write_atomic(self.path, text)
        except OSError as exc:
            raise CacheError(f"cannot write geocode cache {self.path}: {exc}") from exc
