"""Where the page's claims come from: the claim store, opened once per process; the corpus
folder ingested into it once per process (incremental: unchanged articles cost a look-up, not
an extraction); and the store's snapshot, loaded once per store version and shared by every
session that has no uploads of its own.

The version (:meth:`store.database.Store.version`, one small read) is checked on every
rerun, so claims written meanwhile — another ingest, an upload saved by another session —
appear at the next interaction, each article whole or not at all. Its two parts are used
apart: the claims generation keys the snapshot; the reviews generation keys the analysts'
decisions laid over it (:func:`atlas.review.overlay`), so a decision saved costs a read of the
decisions and the corrected rows, never a reload of the claims.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from atlas.review import Overlay, empty_overlay, overlay, restored
from atlas.session import SessionData, from_snapshot, with_columns
from atlas.settings import DataSource
from claims.profile import PROFILE_ENV
from store.database import Store, open_store
from store.exc import StoreError
from store.settings import StoreSettings
from store.snapshot_cache import SnapshotCache
from store.uploads import UPLOAD_ROOT, SaveOutcome, save_upload

if TYPE_CHECKING:  # ingestion (and the extractor) is imported only for a corpus folder
    from store.ingest import Summary


@dataclass(frozen=True)
class Opened:
    """The store and what this process's start did to it."""

    store: Store
    db: str  # the store's URL, resolved (the cache key: the same store, the same objects)
    ingest: Summary | None  # None: no corpus folder (the store is shown as it is)
    roots: frozenset[str] | None
    root: Path | None
    name: str


def _name(store: Store) -> str:
    """The store as the header names it: its file name, or its database name."""
    url = store.settings.url
    if store.backend == "sqlite":
        return Path(url.database or "claims.sqlite").name
    return f"{url.database} on {url.host or 'localhost'}"


@st.cache_resource(show_spinner=False)
def _store(db: str, create: bool) -> Store:
    return open_store(db, create=create)


@st.cache_resource(show_spinner="Reading the articles into the claim store…")
def _ingested(db: str, folder: str, generation: int, profile: str) -> Summary:
    """The folder ingested once per process and profile (``generation`` bumps it: *Read the
    folder again*). Extraction runs here, in-process; a large archive is better ingested
    ahead with ``claim-atlas ingest DIR --workers N``, after which this is a look-up."""
    from store.ingest import ingest

    del generation, profile  # cache keys: the profile in force is read from the environment
    return ingest(_store(db, True), [folder], workers=0, command=["dashboard", folder])


def _url(db: str | None) -> str:
    """``--db`` (else ``CLAIM_ATLAS_DB``, else the default file) as a full URL."""
    return StoreSettings.resolve(db).full


def opened(source: DataSource, generation: int = 0) -> Opened:
    """Open the store (and ingest the corpus folder into it, the first time in this process).
    Raises :class:`store.exc.StoreError` with a message naming the store."""
    db = _url(source.db)
    if source.corpus is None:
        store = _store(db, False)
        return Opened(store, db, None, None, None, _name(store))
    from store.ingest import corpus_root

    folder = str(source.corpus)
    store = _store(db, True)
    summary = _ingested(db, folder, generation, os.environ.get(PROFILE_ENV, ""))
    roots = frozenset({corpus_root(folder), UPLOAD_ROOT})
    return Opened(store, db, summary, roots, source.corpus, source.corpus.name)


@st.cache_resource(show_spinner="Loading claims…", max_entries=3)
def _snapshot(
    db: str, create: bool, roots: frozenset[str] | None, claims_generation: int,
    root: str | None, name: str,
) -> SessionData:  # fmt: skip
    store = _store(db, create)
    files = SnapshotCache()  # a restart on an unchanged large store reads the last one back
    snapshot = files.load(db, roots, (claims_generation,))
    if snapshot is None:
        snapshot = store.snapshot(roots)
        files.save(db, roots, snapshot)
    return from_snapshot(snapshot, store.article, root=Path(root) if root else None, name=name)


@dataclass(frozen=True)
class Reviewed:
    """The store's claims with the analysts' decisions laid over them; ``problem``: why the
    decisions could not be read (the claims are then shown as the machine read them)."""

    data: SessionData
    overlay: Overlay
    problem: str | None = None


@st.cache_resource(show_spinner="Loading review decisions…", max_entries=3)
def _reviewed(
    db: str, create: bool, roots: frozenset[str] | None, version: tuple[int, ...],
    root: str | None, name: str,
) -> Reviewed:  # fmt: skip
    from store.review import all_decisions

    base = _snapshot(db, create, roots, version[0], root, name)
    files = SnapshotCache()  # a restart with no decision saved since reads the overlay back
    kept = files.load_review(db, roots, version)
    view = restored(base.columns, kept) if kept is not None else None
    if view is None:
        try:
            found = all_decisions(_store(db, create))
        except StoreError as err:
            return Reviewed(with_columns(base, base.columns, version),
                            empty_overlay(base.columns), str(err))  # fmt: skip
        view = overlay(base.columns, found)
        _keep_review(files, db, roots, version, base.columns.n, view)
    return Reviewed(with_columns(base, view.columns, version), view)


def _keep_review(
    files: SnapshotCache, db: str, roots: frozenset[str] | None, version: tuple[int, ...],
    n_claims: int, view: Overlay,
) -> None:  # fmt: skip
    """Write the overlay's file for the next start on a thread (0.1–0.2 s at 10,000 decisions,
    which the reviewer's rerun after a save need not wait for); the write is a temporary
    file renamed, and the thread is not a daemon, so a stopping server finishes it."""
    if n_claims < files.min_claims:
        return
    import threading

    parts = view.parts()
    threading.Thread(
        target=files.save_review, args=(db, roots, version, n_claims, parts),
        name="claim-atlas-keep-review", daemon=False,
    ).start()  # fmt: skip


def current(where: Opened) -> Reviewed:
    """The store's claims now, as reviewed (a new snapshot only when the claims changed,
    new decisions laid over it only when a decision was saved)."""
    version = where.store.version()
    root = str(where.root) if where.root else None
    create = where.ingest is not None
    return _reviewed(where.db, create, where.roots, tuple(version), root, where.name)


def store_of(where: Opened) -> Any:
    """The store decisions are written to."""
    return where.store


def shown_url(source: DataSource) -> str:
    """The store's URL as it may be shown (password masked)."""
    return StoreSettings.resolve(source.db).shown


def save_uploads(where: Opened, files: Sequence[tuple[str, bytes]]) -> list[SaveOutcome]:
    """Uploaded files (name, bytes) read, extracted and written to the store, each in its
    own transaction (:func:`store.uploads.save_upload`): the next rerun sees a new store
    version and loads them with the rest. Raises :class:`store.exc.StoreError` when the
    store cannot be written."""
    return [save_upload(where.store, name, data) for name, data in files]
