"""A corpus: every article under some files and folders, with their claims.

:func:`load_corpus` never raises for a bad file: it records a :class:`Problem` naming it and
goes on. Files with the same bytes (sha256) are read once; the later names are listed in
``duplicates``. Big inputs can be spread over a process pool (``workers``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from claims.exc import ClaimsError
from claims.model import Article, Claim
from claims.profile import Profile
from claims.reader import SIDECAR_NAME, read_article

if TYPE_CHECKING:
    from geo import Gazetteer

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ".mdown"})
"""Files taken from folders; a file named explicitly is read whatever its suffix."""
PARALLEL_THRESHOLD = 400
"""With ``workers=None``, inputs of at least this many files use a process pool."""
CHUNK = 64
SERIAL_BATCH = 16  # files parsed together in one process (progress is told per batch)


@dataclass(frozen=True)
class Problem:
    """A file or folder that could not be (fully) used, and why. ``fatal`` is False for
    notes on an article that was still read (bad front matter field, truncation, empty)."""

    file: str
    message: str
    fatal: bool = True


@dataclass
class Corpus:
    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


def iter_files(
    paths: Iterable[str | os.PathLike[str]], problems: list[Problem]
) -> Iterator[tuple[Path, bool]]:
    """(path, named explicitly) for every article file under ``paths``, in sorted order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from ((p, False) for p in _walk(path, problems))
        elif path.exists() or path.is_symlink():
            yield path, True
        else:
            problems.append(Problem(str(path), "no such file or folder"))


def _walk(folder: Path, problems: list[Problem]) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        problems.append(Problem(str(folder), f"folder cannot be read ({exc.strerror or exc})"))
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name == SIDECAR_NAME:
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, problems)
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            yield path


def _process(path: str) -> tuple[Article | None, list[Claim], list[Problem]]:
    (result,) = _process_many([path])
    return result


def _process_many(paths: list[str]) -> list[tuple[Article | None, list[Claim], list[Problem]]]:
    """Read and extract several files, their statements parsed in one batch; a file that
    cannot be read, or whose extraction fails, is reported and costs only itself."""
    read: list[tuple[str, Article | None, list[Problem]]] = []
    for path in paths:
        try:
            article = read_article(path)
        except ClaimsError as exc:
            read.append((path, None, [Problem(path, str(exc))]))
            continue
        read.append((path, article, [Problem(path, note, fatal=False) for note in article.notes]))
    from claims.extract import extract_batch  # here: reading a folder's names needs no extractor

    articles = [article for _, article, _ in read if article is not None]
    extracted = iter(extract_batch(articles, _gazetteer_for_worker(), _profile_for_worker()))
    out = []
    for path, article, problems in read:
        if article is None:
            out.append((None, [], problems))
            continue
        claims = next(extracted)
        if isinstance(claims, Exception):  # one article's bad luck must not sink the corpus
            message = (
                f"claims could not be extracted ({type(claims).__name__}: {claims}); please report"
            )
            out.append((article, [], [*problems, Problem(path, message)]))
            continue
        out.append((article, claims, problems + _emptiness(path, article, claims)))
    return out


def _emptiness(path: str, article: Article, claims: list[Claim]) -> list[Problem]:
    """Why an article gave nothing, when it is page furniture or front matter only."""
    from claims.sentences import split_sentences

    body = article.text[article.body_start :].strip()
    if not claims and body and not split_sentences(article.text, article.body_start):
        return [Problem(path, "no article text: only page furniture", fatal=False)]
    if not body and article.text.strip():
        return [Problem(path, "no article text below the front matter", fatal=False)]
    return []


_WORKER_GAZ: list[Gazetteer] = []
_WORKER_PROFILE: list[Profile] = []


def _gazetteer_for_worker() -> Gazetteer | None:
    return _WORKER_GAZ[0] if _WORKER_GAZ else None


def _profile_for_worker() -> Profile | None:
    return _WORKER_PROFILE[0] if _WORKER_PROFILE else None


def _init_worker(countries: tuple[str, ...], profile: Profile | None) -> None:
    """A pool process: the profile's gazetteer and the profile itself, loaded once."""
    if countries:
        from geo import load_gazetteer

        _WORKER_GAZ[:] = [load_gazetteer(countries=countries)]
    _WORKER_PROFILE[:] = [profile] if profile is not None else []


def _process_chunk(paths: list[str]) -> list[tuple[Article | None, list[Claim], list[Problem]]]:
    return _process_many(paths)


def load_corpus(
    paths: Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Callable[[int, int], None] | None = None,
    online: bool | None = None,
    profile: Profile | None = None,
) -> Corpus:
    """Read and extract every article under ``paths`` (files or folders).

    ``workers``: None = serial below :data:`PARALLEL_THRESHOLD` files, else one process per
    core; 0 or 1 = serial; n = n processes. ``progress(done, total)`` is called as files finish.
    ``online``: give unresolved places a second chance through the online geocoder (see
    :mod:`claims.geocoding`); None = as configured in the environment (off by default).
    ``profile``: a conflict profile (:mod:`claims.profile`): places resolve in its countries
    first (the gazetteer is scoped to them unless ``gazetteer`` is given), and the extractor
    receives it.
    Raises ``geo.exc.ConfigurationError`` for a bad geocoder configuration.
    """
    corpus = Corpus()
    countries = tuple(profile.countries) if profile is not None else ()
    if gazetteer is None and countries:
        from geo import load_gazetteer

        gazetteer = load_gazetteer(countries=countries)  # type: ignore[assignment]
    files = list(iter_files(paths, corpus.problems))
    total = len(files)
    if workers is None:
        workers = (os.cpu_count() or 1) if total >= PARALLEL_THRESHOLD else 1
    names = [str(p) for p, _ in files]
    if workers <= 1 or total < 2:
        if gazetteer is not None:
            _WORKER_GAZ[:] = [gazetteer]
        _WORKER_PROFILE[:] = [profile] if profile is not None else []
        try:
            results = list(_serial(names, progress, total))
        finally:
            _WORKER_GAZ.clear()
            _WORKER_PROFILE.clear()
    else:
        results = _parallel(names, workers, progress, total, (countries, profile))
    seen: dict[str, str] = {}
    for article, claims, problems in results:
        corpus.problems.extend(problems)
        if article is None:
            continue
        if article.sha256 in seen:
            corpus.duplicates.append(article.file)
            continue
        seen[article.sha256] = article.file
        corpus.articles.append(article)
        corpus.claims.extend(claims)
    from claims.geocoding import locate_unresolved, online_resolver

    resolver = online_resolver(online)
    if resolver is not None:
        corpus.claims = locate_unresolved(corpus.claims, resolver)
    return corpus


def _serial(
    names: list[str], progress: Callable[[int, int], None] | None, total: int
) -> Iterator[tuple[Article | None, list[Claim], list[Problem]]]:
    done = 0
    for i in range(0, len(names), SERIAL_BATCH):
        for result in _process_many(names[i : i + SERIAL_BATCH]):
            done += 1
            yield result
            if progress is not None:
                progress(done, total)


def _parallel(
    names: list[str],
    workers: int,
    progress: Callable[[int, int], None] | None,
    total: int,
    setup: tuple[tuple[str, ...], Profile | None] = ((), None),
) -> Iterator[tuple[Article | None, list[Claim], list[Problem]]]:
    chunks = [names[i : i + CHUNK] for i in range(0, len(names), CHUNK)]
    done = 0
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=setup) as pool:
        for batch in pool.map(_process_chunk, chunks):
            yield from batch
            done += len(batch)
            if progress is not None:
                progress(done, total)
