"""Putting single articles into the store: an uploaded text (the dashboard's "save to store"
button) goes through the same extraction and the same transactional write as ``ingest``.

Uploads are named ``uploaded/<file name>`` with the root ``(upload)``: a new upload with the
same name replaces the earlier one; a text already in the store under another name is kept
as a duplicate (no second set of claims).

Importing this module is cheap (the dashboard does it at start): extraction and the writer
are imported when an upload is saved.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from claims.exc import ClaimsError
from claims.model import Article, Claim
from store.database import Store, now

if TYPE_CHECKING:
    from store import writer
    from store.tasks import ArticleResult

UPLOAD_ROOT = "(upload)"
UPLOAD_PREFIX = "uploaded/"


class Saved(enum.Enum):
    ADDED = "added"
    REPLACED = "replaced"
    DUPLICATE = "duplicate"  # same text as a stored article: kept once
    UNREADABLE = "unreadable"  # not UTF-8 text, binary, …: nothing stored
    FAILED = "failed"  # extraction raised: nothing stored


@dataclass(frozen=True)
class SaveOutcome:
    outcome: Saved
    path: str
    claims: int
    message: str  # for the user; names the file


@cache
def _outcomes() -> dict[writer.Outcome, Saved]:
    from store import writer

    return {
        writer.Outcome.ADDED: Saved.ADDED,
        writer.Outcome.CHANGED: Saved.REPLACED,
        writer.Outcome.DUPLICATE: Saved.DUPLICATE,
        writer.Outcome.FAILED: Saved.FAILED,
    }


def article_result(article: Article, claims: Sequence[Claim], root: str) -> ArticleResult:
    """An ingestion result for an article whose claims are already known."""
    from claims.version import extractor_version, profile_version
    from store.rows import ArticleRecord, claim_row
    from store.tasks import ArticleResult, Source, worker_name

    versions = (extractor_version(), profile_version())
    digest = hashlib.sha256(f"{article.sha256}|".encode()).hexdigest()
    source = Source(article.file, article.file, root, article.sha256, digest)
    record = ArticleRecord(article.file, root, article, digest, *versions)
    rows = tuple(claim_row(c) for c in claims)
    return ArticleResult(source, record, rows, (), *versions, worker_name())


def put_articles(
    store: Store, items: Iterable[tuple[Article, Sequence[Claim]]], root: str = UPLOAD_ROOT
) -> dict[str, writer.Outcome]:
    """Store articles (named by their ``file``) with exactly the claims given, replacing what
    the store had under those names, all in one transaction."""
    from store import writer

    results = [article_result(a, c, root) for a, c in items]
    with store.writing() as conn:
        return writer.write_batch(conn, results, None, now()).outcomes


def put_article(
    store: Store, article: Article, claims: Sequence[Claim], root: str = UPLOAD_ROOT
) -> writer.Outcome:
    """:func:`put_articles` for one article."""
    return put_articles(store, [(article, claims)], root)[article.file]


def save_upload(store: Store, name: str, data: bytes) -> SaveOutcome:
    """Read, extract and store one uploaded file; never raises for bad content (the outcome
    says what happened), only StoreError when the store cannot be written."""
    from claims import extract_claims, read_bytes
    from store.tasks import setting

    path = UPLOAD_PREFIX + name
    try:
        article = read_bytes(path, data)
    except ClaimsError as exc:
        return SaveOutcome(Saved.UNREADABLE, path, 0, str(exc))
    try:
        claims = extract_claims(article, *setting())
    except Exception as exc:  # a bug in extraction costs this upload only
        text = f"{path}: claims could not be extracted ({type(exc).__name__}: {exc})"
        return SaveOutcome(Saved.FAILED, path, 0, text)
    outcome = _outcomes()[put_article(store, article, claims)]
    if outcome is Saved.DUPLICATE:
        return SaveOutcome(outcome, path, 0, f"{path}: same text as an article in the store")
    n = len(claims)
    return SaveOutcome(outcome, path, n, f"{path}: {n} claim{'s' if n != 1 else ''} saved")
