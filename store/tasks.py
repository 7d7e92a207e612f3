"""The work a Dask worker (or this process) does for one batch of articles.

:func:`extract_batch` reads each article from its path (workers must see the corpus at the
same path as the client: the same machine, or a shared file system), extracts its claims
with ``claims.extract_claims`` and returns plain data; it never writes anywhere. A bad file
or an extraction bug costs that article only: it comes back with a problem instead.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, replace
from typing import Any

from claims import extract_claims, read_article
from claims.exc import ClaimsError
from claims.version import extractor_version, profile_version
from store.rows import ArticleRecord, claim_row


@dataclass(frozen=True)
class Source:
    """One article file found by a scan."""

    path: str  # relative to root, / separators: the article's name in the store
    file: str  # where it is read from
    root: str
    sha256: str  # of its bytes (as claims.Article.sha256)
    source_hash: str  # bytes and metadata sidecar: unchanged means skipped


@dataclass(frozen=True)
class ArticleResult:
    """One article's outcome: its record and claim rows, or the problem that stopped it."""

    source: Source
    record: ArticleRecord | None  # None: the file could not be read
    rows: tuple[tuple[Any, ...], ...]  # claim rows (store.rows.claim_row)
    problems: tuple[tuple[str, bool], ...]  # (message, fatal); notes on a read article: False
    extractor_version: str
    profile_version: str
    worker: str


def _message(file: str, text: str) -> str:
    prefix = f"{file}: "
    return text[len(prefix) :] if text.startswith(prefix) else text


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def extract_one(source: Source, versions: tuple[str, str] | None = None) -> ArticleResult:
    ev, pv = versions or (extractor_version(), profile_version())
    fail = ArticleResult(source, None, (), (), ev, pv, worker_name())
    try:
        article = read_article(source.file)
    except ClaimsError as exc:
        return replace(fail, problems=((_message(source.file, str(exc)), True),))
    article = replace(article, file=source.path)
    notes = tuple((note, False) for note in article.notes)
    try:
        claims = extract_claims(article)
        rows = tuple(claim_row(c) for c in claims)
    except Exception as exc:  # one article's bad luck must not sink the ingest: report it
        message = f"claims could not be extracted ({type(exc).__name__}: {exc}); please report"
        return replace(fail, problems=(*notes, (message, True)))
    record = ArticleRecord(source.path, source.root, article, source.source_hash, ev, pv)
    return ArticleResult(source, record, rows, notes, ev, pv, worker_name())


def extract_batch(sources: list[Source]) -> list[ArticleResult]:
    """Extract a batch of articles (the function mapped over the Dask cluster)."""
    versions = (extractor_version(), profile_version())
    return [extract_one(s, versions) for s in sources]
