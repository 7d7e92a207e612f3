"""The work a Dask worker (or this process) does for one batch of articles.

:func:`extract_batch` reads each article from its path (workers must see the corpus at the
same path as the client: the same machine, or a shared file system), extracts its claims
with ``claims.extract_batch`` and returns plain data; it never writes anywhere. A bad file
or an extraction bug costs that article only: it comes back with a problem instead.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from claims import Article, Claim, read_article
from claims.corpus import _emptiness as emptiness  # one wording with load_corpus
from claims.exc import ClaimsError
from claims.profile import PROFILE_ENV, load_profile
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


def _read(source: Source, fail: ArticleResult) -> Article | ArticleResult:
    try:
        article = read_article(source.file)
    except ClaimsError as exc:
        return replace(fail, problems=((_message(source.file, str(exc)), True),))
    return replace(article, file=source.path)


def _result(
    source: Source, article: Article, claims: list[Claim] | Exception, fail: ArticleResult
) -> ArticleResult:
    notes = tuple((note, False) for note in article.notes)
    try:
        if isinstance(claims, Exception):
            raise claims
        rows = tuple(claim_row(c) for c in claims)
    except Exception as exc:  # one article's bad luck must not sink the ingest: report it
        message = f"claims could not be extracted ({type(exc).__name__}: {exc}); please report"
        return replace(fail, problems=(*notes, (message, True)))
    empty = tuple(p.message for p in emptiness(article.file, article, claims))
    if empty:  # as load_corpus says it: kept with the article's notes
        article = replace(article, notes=(*article.notes, *empty))
        notes = (*notes, *((m, False) for m in empty))
    ev, pv = fail.extractor_version, fail.profile_version
    record = ArticleRecord(source.path, source.root, article, source.source_hash, ev, pv)
    return ArticleResult(source, record, rows, notes, ev, pv, fail.worker)


def _setting() -> tuple[Any, Any]:
    """(gazetteer, profile) of this process: with a profile named (``ingest --profile``, or
    ``CLAIM_ATLAS_PROFILE``, which local workers inherit), places resolve in its countries
    first, as ``extract --profile`` does; else the defaults (the Afghan gazetteer)."""
    return _setting_for(os.environ.get(PROFILE_ENV, "").strip())


def use_profile(name_or_path: str) -> Any:
    """Put the profile ``name_or_path`` (a bundled name or a .toml file) in force for this
    process and the workers it starts (they inherit the environment; a remote cluster's
    workers must be started with the same setting, or the run stops on their profile
    version). Returns the :class:`claims.profile.Profile`; raises
    :class:`claims.profile.ProfileError` for an unknown name or a malformed file."""
    profile = load_profile(name_or_path)
    os.environ[PROFILE_ENV] = str(profile.path) if profile.path is not None else profile.id
    return profile


def setting() -> tuple[Any, Any]:
    """(gazetteer, profile) in force in this process (see :func:`_setting`)."""
    return _setting()


@cache
def _setting_for(name: str) -> tuple[Any, Any]:
    if not name:
        return None, None
    from geo import load_gazetteer

    profile = load_profile(name)
    gazetteer = load_gazetteer(countries=profile.countries) if profile.countries else None
    return gazetteer, profile


def extract_one(source: Source, versions: tuple[str, str] | None = None) -> ArticleResult:
    return extract_batch([source], versions)[0]


def extract_batch(
    sources: list[Source], versions: tuple[str, str] | None = None
) -> list[ArticleResult]:
    """Extract a batch of articles (the function mapped over the Dask cluster); their
    statements are parsed together (``claims.extract_batch``; the extractor is imported
    here, not with this module, which the dashboard imports at start)."""
    from claims import extract_batch as extract_claims_of

    ev, pv = versions or (extractor_version(), profile_version())
    fails = [ArticleResult(s, None, (), (), ev, pv, worker_name()) for s in sources]
    read = [_read(s, f) for s, f in zip(sources, fails, strict=True)]
    articles = [a for a in read if isinstance(a, Article)]
    extracted = iter(extract_claims_of(articles, *_setting()))
    out = []
    for source, fail, item in zip(sources, fails, read, strict=True):
        if isinstance(item, ArticleResult):
            out.append(item)
        else:
            out.append(_result(source, item, next(extracted), fail))
    return out
