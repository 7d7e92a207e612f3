"""Sources told apart: the outlet, title, date and link of every article, and the label a claim
is filtered and counted under.

A claim's *source* is its outlet when the article names one. When it does not, the article
is its own source — labelled ``(outlet not stated) <title>``, or the file name when there is no
title either — so two articles of unknown origin are never merged. File names are shown
relative to the corpus folder (no absolute path reaches the page or an export).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath

from atlas.reader_view import safe_url
from claims.export import relative_file
from claims.model import Article, Claim
from store.semantics import UNKNOWN_OUTLET, distinct_labels, source_label
from store.semantics import claim_source as plain_label
from store.semantics import clean as _clean

__all__ = ["UNKNOWN_OUTLET", "ArticleInfo", "SourceIndex", "plain_label"]


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


class SourceIndex:
    """Source labels of a session's claims, unique per article of unknown outlet."""

    def __init__(self, articles: Iterable[Article], claims: Iterable[Claim], root: Path | None):
        self.root = root
        claims = list(claims)
        self._articles = {a.file: a for a in articles}
        counts = Counter(c.file for c in claims)
        plain: dict[str, str] = {}
        for claim in claims:
            plain.setdefault(claim.file, plain_label(claim))
        for file, article in self._articles.items():
            if file not in plain:
                plain[file] = source_label(article.meta.outlet, article.meta.title, file)
        self._label = distinct_labels(plain)
        self._counts = counts

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
        article = self._articles.get(file)
        if article is None:
            return None
        meta = article.meta
        return ArticleInfo(
            file=self.relative(file),
            name=PurePath(file).name,
            title=_clean(meta.title) or None,
            outlet=_clean(meta.outlet) or None,
            published=meta.published.isoformat() if meta.published else None,
            author=_clean(meta.author) or None,
            url=safe_url(meta.url),
            source=self.label_of_file(file),
            claims=self._counts.get(file, 0),
        )

    def articles(self) -> list[ArticleInfo]:
        """Every article, by source then date then title."""
        infos = [i for i in (self.article(f) for f in self._articles) if i is not None]
        return sorted(infos, key=lambda i: (i.source.casefold(), i.published or "", i.heading))
