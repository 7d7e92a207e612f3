"""Incremental ingestion: scan the files, extract what changed, write it batch by batch.

- **scan**: every article file under the paths (the rules of ``claims.load_corpus``), named
  by its path relative to its corpus root — the folder named on the command line (a file's
  own folder), or ``--root`` — and hashed with its folder's ``sources.toml`` sidecar.
- **plan**: unchanged content, sidecar, extractor and profile version → skipped; anything
  else → extracted. Stored articles under a scanned folder whose file is gone are reported
  as removed and kept (``missing_since``) until ``prune``.
- **run**: batches mapped over the executor (:mod:`store.cluster`); the client writes
  results in transactions of up to :data:`FLUSH_ARTICLES` articles, so a kill loses at most
  the batch in flight and a rerun picks up where it stopped.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claims.corpus import Problem, iter_files
from claims.reader import MAX_BYTES, SIDECAR_NAME
from claims.version import extractor_version, profile_version
from store import writer
from store.cluster import Executor, InProcess, executor
from store.database import KnownArticle, Store, now
from store.exc import IngestError
from store.tasks import ArticleResult, Source

BATCH = 16  # articles per task
FLUSH_ARTICLES = 256  # articles per write transaction, at most (CLAIM_ATLAS_FLUSH_ARTICLES)
FLUSH_ENV = "CLAIM_ATLAS_FLUSH_ARTICLES"
FLUSH_SECONDS = 2.0  # … and at least this often while results come in


@dataclass
class Scan:
    sources: list[Source] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # fatal ones: named inputs
    folders: list[tuple[str, str]] = field(default_factory=list)  # (root, prefix) scanned
    files: set[str] = field(default_factory=set)  # paths named one by one


def _rel(file: Path, root: Path) -> str | None:
    rel = os.path.relpath(os.path.abspath(file), os.path.abspath(root))
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return None
    return Path(rel).as_posix()


def _digest(file: Path) -> str:
    try:
        if not stat.S_ISREG(file.stat().st_mode):  # a pipe would block the open
            return "unreadable:not-a-regular-file"
        with file.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:  # the worker's read_article reports it properly
        return f"unreadable:{exc.errno}"
    return hashlib.sha256(data[:MAX_BYTES]).hexdigest()


class _Sidecars:
    """The hash of each folder's sources.toml ('' when there is none), read once."""

    def __init__(self) -> None:
        self.cache: dict[Path, str] = {}

    def __call__(self, folder: Path) -> str:
        if folder not in self.cache:
            try:
                data = (folder / SIDECAR_NAME).read_bytes()
                self.cache[folder] = hashlib.sha256(data).hexdigest()
            except OSError:
                self.cache[folder] = ""
        return self.cache[folder]


def corpus_root(path: str | os.PathLike[str], root: str | None = None) -> str:
    """The root recorded for articles ingested from ``path`` (what ``ClaimFilter.roots``
    matches): ``root`` when given, else the folder itself, else a file's folder."""
    given = Path(path)
    base = Path(root) if root else (given if given.is_dir() else given.parent)
    return os.path.abspath(base)


def scan(paths: Sequence[str | os.PathLike[str]], root: str | None = None) -> Scan:
    """Find and hash the article files under ``paths``. Raises IngestError when two files
    would get the same name in the store, or a path lies outside ``root``."""
    out = Scan()
    sidecar = _Sidecars()
    seen: dict[str, str] = {}
    for raw in paths:
        given = Path(raw)
        base_abs = corpus_root(given, root)
        base = Path(base_abs)
        if given.is_dir():
            prefix = _rel(given, base)
            if prefix is None:
                raise IngestError(f"{given}: outside the corpus root {base}")
            out.folders.append((base_abs, "" if prefix == "." else prefix))
        for file, named in iter_files([given], out.problems):
            rel = _rel(file, base)
            if rel is None:
                raise IngestError(f"{file}: outside the corpus root {base}; choose --root")
            if rel in seen and seen[rel] != str(file):
                raise IngestError(
                    f"{seen[rel]} and {file} would both be stored as {rel!r}; ingest them "
                    "separately or pass --root with a folder that holds both"
                )
            seen[rel] = str(file)
            if named:
                out.files.add(rel)
            sha = _digest(file)
            mixed = hashlib.sha256(f"{sha}|{sidecar(file.parent)}".encode()).hexdigest()
            out.sources.append(Source(rel, str(file), base_abs, sha, mixed))
    return out


@dataclass
class Plan:
    todo: list[Source]
    unchanged: list[Source]
    missing: list[KnownArticle]  # stored, under a scanned folder, file gone
    moved: dict[str, str]  # unchanged articles now read from another root: path → root
    reappeared: list[str]


def _in_scope(k: KnownArticle, scanned: Scan) -> bool:
    if k.path in scanned.files:
        return True
    return any(
        k.root == root and (not prefix or k.path.startswith(prefix + "/"))
        for root, prefix in scanned.folders
    )


def plan(scanned: Scan, known: dict[str, KnownArticle], versions: tuple[str, str]) -> Plan:
    todo, unchanged, moved, back = [], [], {}, []
    for s in scanned.sources:
        k = known.get(s.path)
        if k is None or _stale(k, s, known, versions):
            todo.append(s)
            continue
        unchanged.append(s)
        if k.root != s.root:
            moved[s.path] = s.root
        if k.missing:
            back.append(s.path)
    seen = {s.path for s in scanned.sources}
    missing = [k for p, k in sorted(known.items()) if p not in seen and _in_scope(k, scanned)]
    return Plan(todo, unchanged, missing, moved, back)


def _stale(k: KnownArticle, s: Source, known: dict[str, KnownArticle], v: tuple[str, str]) -> bool:
    if (k.source_hash, k.extractor_version, k.profile_version) != (s.source_hash, *v):
        return True
    if k.duplicate_of is None:
        return False
    original = known.get(k.duplicate_of)  # a duplicate whose original changed or went
    return original is None or original.sha256 != k.sha256 or original.duplicate_of is not None


@dataclass
class Summary:
    """What one ingest did (the counts are also kept in the ``runs`` table)."""

    run_id: int
    seen: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    removed: int = 0
    pruned: int = 0
    claims_written: int = 0
    seconds: float = 0.0
    workers: str = ""
    problems: list[Problem] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    moved: int = 0
    notes: int = 0  # reader notes on articles that were read (kept in articles.notes)

    def counts(self) -> dict[str, int]:
        return {"seen": self.seen, "added": self.added, "changed": self.changed,
                "unchanged": self.unchanged, "failed": self.failed, "removed": self.removed,
                "pruned": self.pruned, "claims_written": self.claims_written}  # fmt: skip

    @property
    def extracted(self) -> int:
        return self.added + self.changed + self.duplicates + self.failed


Progress = Callable[[int], None]


def flush_articles() -> int:
    """Articles per write transaction: :data:`FLUSH_ARTICLES`, or ``$CLAIM_ATLAS_FLUSH_ARTICLES``
    (a positive number; smaller transactions lose less to a kill and cost more writes)."""
    raw = os.environ.get(FLUSH_ENV, "")
    try:
        value = int(raw)
    except ValueError:
        return FLUSH_ARTICLES
    return value if value > 0 else FLUSH_ARTICLES


class _Writer:
    """Buffers results and writes them in transactions of bounded size and age."""

    def __init__(self, store: Store, summary: Summary, versions: tuple[str, str]) -> None:
        self.store, self.summary, self.versions = store, summary, versions
        self.buffer: list[ArticleResult] = []
        self.last = time.monotonic()
        self.limit = flush_articles()

    def add(self, results: Iterable[ArticleResult]) -> None:
        for r in results:
            if (r.extractor_version, r.profile_version) != self.versions:
                raise IngestError(
                    f"worker {r.worker} extracts with version {r.extractor_version} "
                    f"(profile {r.profile_version}) but this client has {self.versions[0]} "
                    f"(profile {self.versions[1]}): install the same claim-atlas and profile "
                    "on every machine"
                )
            self.buffer.append(r)
        if len(self.buffer) >= self.limit or time.monotonic() - self.last >= FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        with self.store.writing() as conn:
            out = writer.write_batch(conn, self.buffer, self.summary.run_id, now())
        s = self.summary
        s.added += out.count(writer.Outcome.ADDED)
        s.changed += out.count(writer.Outcome.CHANGED)
        s.duplicates += out.count(writer.Outcome.DUPLICATE)
        s.failed += out.count(writer.Outcome.FAILED)
        s.claims_written += out.claims_written
        for r in self.buffer:
            s.problems.extend(Problem(r.source.path, m, fatal) for m, fatal in r.problems if fatal)
            s.notes += sum(1 for _, fatal in r.problems if not fatal)
        self.buffer = []
        self.last = time.monotonic()


def ingest(
    store: Store,
    paths: Sequence[str | os.PathLike[str]],
    *,
    root: str | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    prune: bool = False,
    progress: Callable[[int, int], Progress] | None = None,
    command: Sequence[str] = (),
    run_on: Executor | None = None,
) -> Summary:
    """Bring the store up to date with the files under ``paths``; see the module docstring.

    ``progress(total, done_so_far)`` is called once with the number of articles to extract
    and returns a function called with each finished batch's size. ``run_on``: an executor to
    use instead of choosing one from ``workers``/``scheduler``."""
    t0 = time.perf_counter()
    versions = (extractor_version(), profile_version())
    scanned = scan(paths, root)
    todo = plan(scanned, store.known(), versions)
    # nothing to extract: no cluster to start
    run = run_on or (executor(workers, scheduler, len(todo.todo)) if todo.todo else InProcess())
    summary = Summary(run_id=store.begin_run(command, versions, run.description))
    summary.workers = run.description
    summary.seen = len(scanned.sources)
    summary.unchanged = len(todo.unchanged)
    summary.problems.extend(scanned.problems)
    summary.moved = len(todo.moved)
    status = "interrupted"
    try:
        _bookkeeping(store, scanned, todo, summary, prune)
        _extract(store, run, todo.todo, summary, versions, progress)
        status = "finished"
    finally:
        if run_on is None:
            run.close()
        summary.seconds = time.perf_counter() - t0
        store.finish_run(summary.run_id, status, summary.counts(), summary.seconds)
    return summary


def _bookkeeping(store: Store, scanned: Scan, todo: Plan, summary: Summary, prune: bool) -> None:
    stamp = now()
    missing = [k.path for k in todo.missing]
    named = [p for p in scanned.problems if p.fatal]
    with store.writing() as conn:
        writer.touch_roots(conn, todo.moved)
        writer.clear_missing(conn, todo.reappeared)
        writer.replace_problems(
            conn, [p.file for p in named], [(p.file, "", p.message, True) for p in named],
            summary.run_id, stamp,
        )  # fmt: skip
        if prune:
            summary.pruned = writer.prune(conn, missing)
        else:
            writer.mark_missing(conn, missing, stamp)
    summary.removed = len(missing)
    summary.missing = missing


def _extract(
    store: Store,
    run: Executor,
    todo: list[Source],
    summary: Summary,
    versions: tuple[str, str],
    progress: Callable[[int, int], Progress] | None,
) -> None:
    if not todo:
        return
    tick = progress(len(todo), 0) if progress else None
    out = _Writer(store, summary, versions)
    batches = [todo[i : i + BATCH] for i in range(0, len(todo), BATCH)]
    for results in run.map(batches):
        out.add(results)
        if tick:
            tick(len(results))
    out.flush()
