"""Sources told apart: the outlet, title, date and link of every article, and the label a claim
is filtered and counted under.

A claim's *source* is its outlet when the article names one. When it does not, the article
is its own source — labelled ``(outlet not stated) <title>``, or the file name when there is no
title either — so two articles of unknown origin are never merged. File names are shown
relative to the corpus folder (no absolute path reaches the page or an export).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from atlas.reader_view import safe_url
from claims.export import relative_file
from claims.model import Article, Claim
from store.semantics import UNKNOWN_OUTLET, distinct_labels, source_label
from store.semantics import claim_source as plain_label
from store.semantics import clean as _clean

__all__ = ["UNKNOWN_OUTLET", "ArticleInfo", "SourceIndex", "SourceRecord", "plain_label"]


@dataclass(frozen=True)
class ArticleInfo:
    """What the dashboard shows about one article."""

    file: str  # relative to the corpus folder
    name: str  # the file name
    title: str | None
    outlet: str | None
    published: str | None  # ISO day
    author: str | None
    url: str | None  # http(s) only
    source: str  # the source label its claims carry
    claims: int

    @property
    def heading(self) -> str:
        """Title, else the file name."""
        return self.title or self.name


@dataclass(frozen=True)
class SourceRecord:
    """One article as the sources know it: its metadata, its source label and claim count
    (from the store's article table, or from an article held in memory)."""

    file: str
    title: str | None
    outlet: str | None
    published: str | None  # ISO day
    author: str | None
    url: str | None
    label: str
    claims: int
    sha256: str = ""
    notes: tuple[str, ...] = ()
    duplicate_of: str | None = None
    missing: bool = False
    known: bool = True  # False: only its claims are at hand, not the article

    @classmethod
    def of_info(cls, info: Any) -> SourceRecord:
        """From a :class:`store.database.ArticleInfo`."""
        return cls(
            file=info.path, title=info.title, outlet=info.outlet,
            published=info.published.isoformat() if info.published else None,
            author=info.author, url=info.url,
            label=info.source or source_label(info.outlet, info.title, info.path),
            claims=info.claims, sha256=info.sha256, notes=info.notes,
            duplicate_of=info.duplicate_of, missing=info.missing_since is not None,
        )  # fmt: skip

    @classmethod
    def of_article(
        cls,
        article: Article,
        claims: Sequence[Claim],
        taken: Iterable[str] = (),
        label: str | None = None,
    ) -> SourceRecord:
        """From an article in memory; ``label`` (default: its own, with the file name added
        when a source in ``taken`` already has it)."""
        meta = article.meta
        if label is None:
            label = plain_label(claims[0]) if claims else source_label(
                meta.outlet, meta.title, article.file)  # fmt: skip
            if label.startswith(UNKNOWN_OUTLET) and label in set(taken):
                label = f"{label} · {PurePath(article.file).name}"
        return cls(
            file=article.file, title=meta.title, outlet=meta.outlet,
            published=meta.published.isoformat() if meta.published else None,
            author=meta.author, url=meta.url, label=label, claims=len(claims),
            sha256=article.sha256, notes=article.notes,
        )  # fmt: skip

    @classmethod
    def of_claim(cls, claim: Claim, claims: int, label: str) -> SourceRecord:
        """For claims whose article is not at hand (its metadata as the claim carries it)."""
        return cls(claim.file, claim.title, claim.outlet, claim.published, None, claim.url,
                   label, claims, known=False)  # fmt: skip


class SourceIndex:
    """Source labels of a session's claims, unique per article of unknown outlet, and what
    the Sources tab shows about each article."""

    def __init__(
        self, articles: Iterable[Article], claims: Iterable[Claim], root: Path | None
    ) -> None:
        claims = list(claims)
        articles = {a.file: a for a in articles}
        counts = Counter(c.file for c in claims)
        plain: dict[str, str] = {}
        for claim in claims:
            plain.setdefault(claim.file, plain_label(claim))
        for file, article in articles.items():
            if file not in plain:
                plain[file] = source_label(article.meta.outlet, article.meta.title, file)
        labels = distinct_labels(plain)
        self._setup(
            [SourceRecord.of_article(a, (), label=labels[f]) for f, a in articles.items()],
            root, labels, counts,
        )  # fmt: skip

    def _setup(
        self,
        records: Iterable[SourceRecord],
        root: Path | None,
        labels: dict[str, str],
        counts: Mapping[str, int],
    ) -> None:
        self.root = root
        self._records = {r.file: r for r in records}
        self._label = labels
        self._counts = counts

    @classmethod
    def from_records(cls, records: Iterable[SourceRecord], root: Path | None) -> SourceIndex:
        """From article records whose labels are final (the store's, say)."""
        index = cls.__new__(cls)
        records = list(records)
        labels = {r.file: r.label for r in records}
        index._setup(records, root, labels, {r.file: r.claims for r in records})
        return index

    def records(self) -> list[SourceRecord]:
        return list(self._records.values())

    def labels(self) -> set[str]:
        return set(self._label.values())

    def sha256s(self) -> dict[str, str]:
        """sha256 → the file as shown, for every article whose text is known."""
        return {r.sha256: self.relative(r.file) for r in self._records.values() if r.sha256}

    def label(self, claim: Claim) -> str:
        """The source label ``claim`` is filtered and counted under."""
        return self._label.get(claim.file) or plain_label(claim)

    def label_of_file(self, file: str) -> str:
        return self._label.get(file, PurePath(file).name)

    def relative(self, file: str) -> str:
        return relative_file(file, self.root)

    def counts(self, claims: Iterable[Claim]) -> list[tuple[str, int]]:
        """Source labels with their claim counts, most claims first, then by name."""
        counts = Counter(self.label(c) for c in claims)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))

    def article(self, file: str) -> ArticleInfo | None:
        r = self._records.get(file)
        if r is None or r.duplicate_of or not r.known:
            return None
        return ArticleInfo(
            file=self.relative(file),
            name=PurePath(file).name,
            title=_clean(r.title) or None,
            outlet=_clean(r.outlet) or None,
            published=r.published,
            author=_clean(r.author) or None,
            url=safe_url(r.url),
            source=self.label_of_file(file),
            claims=self._counts.get(file, 0),
        )

    def articles(self) -> list[ArticleInfo]:
        """Every article (duplicates aside), by source then date then title."""
        infos = [i for i in (self.article(f) for f in self._records) if i is not None]
        return sorted(infos, key=lambda i: (i.source.casefold(), i.published or "", i.heading))
