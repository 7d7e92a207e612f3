"""What one dashboard session works on: the corpus plus its uploads, and a small memo of
results that only depend on the filters (so a rerun that changes nothing recomputes nothing).

Plain Python objects the dashboard keeps in ``st.session_state``; never shared between sessions.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from claims.model import Article, Claim
from claims.ui.filters import DateDomain, date_domain, outlet_counts
from claims.ui.mapbuild import claim_bounds

T = TypeVar("T")


@dataclass(frozen=True)
class SessionData:
    """All claims and articles a session sees, with what every rerun needs about them."""

    claims: tuple[Claim, ...]
    articles: dict[str, Article]
    by_file: dict[str, tuple[Claim, ...]]
    domain: DateDomain | None
    outlets: tuple[tuple[str, int], ...]
    bounds: tuple[tuple[float, float], tuple[float, float]]


def session_data(articles: Iterable[Article], claims: Iterable[Claim]) -> SessionData:
    claims = tuple(claims)
    by_file: dict[str, list[Claim]] = {}
    for claim in claims:
        by_file.setdefault(claim.file, []).append(claim)
    return SessionData(
        claims=claims,
        articles={a.file: a for a in articles},
        by_file={f: tuple(cs) for f, cs in by_file.items()},
        domain=date_domain(claims),
        outlets=tuple(outlet_counts(claims)),
        bounds=claim_bounds(claims),
    )


class Memo:
    """The ``size`` most recent results, keyed by a hashable key (e.g. a FilterState)."""

    def __init__(self, size: int = 6) -> None:
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
