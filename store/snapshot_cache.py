"""Snapshots (:class:`store.database.Snapshot`) kept on disk for the next dashboard start.

Loading 100,000 claims from the store into columns takes seconds; reading them back from a
file written at the last start takes a fraction of that. A file is used only for the store
version it was written at (:meth:`~store.database.Store.version`: every write raises it), for
the same store URL and roots, and for the same code (a fingerprint of the modules whose
classes it holds), so a stale or foreign file is never used: it is replaced. Written as a
temporary file and renamed (a kill leaves the old file or the new one); unreadable or
corrupt files count as absent. Only snapshots of at least :data:`MIN_CLAIMS` claims are
kept (small stores load fast anyway).

The files are pickles, in the user's own cache folder (``$XDG_CACHE_HOME/claim-atlas``,
which only the user can write): like any cache there, they are trusted as the user's own.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

MIN_CLAIMS = 20_000
FORMAT = 2  # 2: rows packed (store.columnar.PackedRows)
_MODULES = (
    "columnar.py", "database.py", "semantics.py", "query.py", "snapshot_cache.py", "review.py",
)  # fmt: skip


@cache
def code_fingerprint() -> str:
    """A hash of the modules whose objects a snapshot holds (a code change voids the files)."""
    digest = hashlib.sha256(str(FORMAT).encode())
    here = Path(__file__).parent
    for name in _MODULES:
        digest.update((here / name).read_bytes())
    digest.update((here.parent / "claims" / "model.py").read_bytes())
    overlay = here.parent / "atlas" / "review.py"  # the review overlay's parts
    if overlay.exists():
        digest.update(overlay.read_bytes())
    return digest.hexdigest()[:16]


def default_folder() -> Path:
    """The user cache folder (``$XDG_CACHE_HOME/claim-atlas/snapshots``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claim-atlas" / "snapshots"


class SnapshotCache:
    """One file per (store URL, roots) under ``folder``."""

    def __init__(self, folder: Path | None = None, min_claims: int | None = None) -> None:
        self.folder = folder or default_folder()
        self.min_claims = MIN_CLAIMS if min_claims is None else min_claims

    def _key(self, url: str, roots: Iterable[str] | None) -> tuple[Any, ...]:
        from store.settings import mask  # no password in a file name or a file

        scope = None if roots is None else tuple(sorted(roots))
        return (FORMAT, code_fingerprint(), mask(url), scope)

    def path(self, url: str, roots: Iterable[str] | None) -> Path:
        name = hashlib.sha256(repr(self._key(url, roots)).encode()).hexdigest()[:24]
        return self.folder / f"snapshot-{name}.pickle"

    def review_path(self, url: str, roots: Iterable[str] | None) -> Path:
        """The file of the review overlay kept beside the snapshot (:meth:`save_review`)."""
        return self.path(url, roots).with_name(self.path(url, roots).stem + "-review.pickle")

    def load(self, url: str, roots: Iterable[str] | None, version: tuple[int, ...]) -> Any:
        """The snapshot kept for this store, roots and version, or None (only the claims
        generation counts: a review decision does not change the claims)."""
        header = (*self._key(url, roots), _claims_generation(version))
        return _read(self.path(url, roots), header)

    def load_review(self, url: str, roots: Iterable[str] | None, version: tuple[int, ...]) -> Any:
        """The review overlay's parts kept for this store and its whole version (claims and
        decisions generations: any decision saved since voids it), or None."""
        return _read(self.review_path(url, roots), (*self._key(url, roots), tuple(version)))

    def save_review(
        self, url: str, roots: Iterable[str] | None, version: tuple[int, ...], n_claims: int,
        parts: Any,
    ) -> bool:  # fmt: skip
        """Keep the overlay's ``parts`` of a store of ``n_claims`` claims at ``version``."""
        if n_claims < self.min_claims:
            return False
        header = (*self._key(url, roots), tuple(version))
        return _write(self.review_path(url, roots), header, parts)

    def is_current(self, url: str, roots: Iterable[str] | None, version: tuple[int, ...]) -> bool:
        """Whether the kept file is the one :meth:`load` would return for ``version`` (its
        header alone is read)."""
        try:
            with self.path(url, roots).open("rb") as fh:
                header = pickle.load(fh)
        except Exception:  # absent, unreadable or corrupt: not current
            return False
        return bool(header == (*self._key(url, roots), _claims_generation(version)))

    def warm(self, store: Any, roots: Iterable[str] | None = None) -> bool:
        """Write the file a dashboard start on ``store`` (with ``roots``) reads, unless the
        store is too small or the kept file is current; True when written. Run after an
        ingest, so the first start after it costs a read, not a load of every claim."""
        url = store.settings.full  # the dashboard keys its files by the same resolved URL
        if store.total() < self.min_claims or self.is_current(url, roots, store.version()):
            return False
        return self.save(url, roots, store.snapshot(roots))

    def save(self, url: str, roots: Iterable[str] | None, snapshot: Any) -> bool:
        """Keep ``snapshot`` (if it is big enough); False when it was not written."""
        if snapshot.columns.n < self.min_claims:
            return False
        header = (*self._key(url, roots), _claims_generation(snapshot.version))
        return _write(self.path(url, roots), header, snapshot)


def _read(path: Path, header: tuple[Any, ...]) -> Any:
    """The object after ``header`` in the file, or None when the file is absent, unreadable,
    corrupt or has another header (stale or foreign: it gets replaced)."""
    try:
        with path.open("rb") as fh, _collector_paused():
            if pickle.load(fh) != header:
                return None
            return pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # a corrupt or half-foreign file: as if absent
        return None


def _write(path: Path, header: tuple[Any, ...], obj: Any) -> bool:
    """``header`` then ``obj`` into ``path`` through the project's atomic writer (a temporary
    file renamed: a kill leaves the old file or the new one); False when it could not be
    written (no cache folder: the next start loads from the store)."""
    from geo.cache import write_atomic_bytes

    def dump(fh: Any) -> None:
        pickle.dump(header, fh, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)

    try:
        write_atomic_bytes(path, dump)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a snapshot is read back: unpickling creates
    ~100,000 long-lived objects at 100,000 claims, and the collections they would trigger
    (each walking everything allocated so far, none of it garbage) cost more than the read
    itself (0.48 s → 0.31 s)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _claims_generation(version: Iterable[int]) -> tuple[int, ...]:
    """The part of a store version the snapshot depends on: the claims generation (review
    decisions are read apart, :mod:`atlas.review`)."""
    return tuple(version)[:1]
