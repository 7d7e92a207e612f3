"""What one dashboard session works on: the corpus plus its uploads, and a small memo of
results that only depend on the filters (so a rerun that changes nothing recomputes nothing).

Plain Python objects the dashboard keeps in ``st.session_state``; never shared between sessions
(the corpus alone is shared, read-only).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from atlas.palette import Palette, default_palette
from atlas.places import Bounds, claim_bounds
from atlas.sources import SourceIndex
from atlas.when import DateDomain, date_domain
from claims.corroboration import Group, find_groups, group_index
from claims.model import Article, Claim

T = TypeVar("T")


@dataclass(frozen=True)
class SessionData:
    """All claims and articles a session sees, with what every rerun needs about them."""

    claims: tuple[Claim, ...]
    articles: dict[str, Article]
    by_file: dict[str, tuple[Claim, ...]]
    by_id: dict[str, Claim]
    domain: DateDomain | None
    sources: SourceIndex
    outlets: tuple[tuple[str, int], ...]  # source labels with their claim counts
    bounds: Bounds
    groups: tuple[Group, ...]
    group_of: dict[str, Group]  # claim id → its corroboration group
    palette: Palette
    root: Path | None
    _lazy: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def relative(self, file: str) -> str:
        """A file as shown: relative to the corpus folder."""
        return self.sources.relative(file)

    def lazy(self, key: str, compute: Callable[[], T]) -> T:
        """A value computed from this data once, on first use (the claims table, say)."""
        if key not in self._lazy:
            self._lazy[key] = compute()
        return self._lazy[key]


def session_data(
    articles: Iterable[Article],
    claims: Iterable[Claim],
    root: Path | None = None,
    palette: Palette | None = None,
) -> SessionData:
    articles = list(articles)
    claims = tuple(claims)
    by_file: dict[str, list[Claim]] = {}
    for claim in claims:
        by_file.setdefault(claim.file, []).append(claim)
    sources = SourceIndex(articles, claims, root)
    groups = tuple(find_groups(claims))
    return SessionData(
        claims=claims,
        articles={a.file: a for a in articles},
        by_file={f: tuple(cs) for f, cs in by_file.items()},
        by_id={c.id: c for c in claims},
        domain=date_domain(claims),
        sources=sources,
        outlets=tuple(sources.counts(claims)),
        bounds=claim_bounds(claims),
        groups=groups,
        group_of=group_index(groups),
        palette=palette or default_palette(),
        root=root,
    )


class Memo:
    """The ``size`` most recent results, keyed by a hashable key (e.g. a FilterState)."""

    def __init__(self, size: int = 12) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        value = compute()
        self._items[key] = value
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._items)
