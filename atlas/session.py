"""What one dashboard session works on — the store's snapshot (claims as columns, articles,
problems) plus the session's uploads — with what every rerun needs about it, and a small memo
of results that only depend on the filters (so a rerun that changes nothing recomputes
nothing).

Nothing here imports Streamlit. The page shares one :class:`SessionData` per store version
between sessions without uploads (read-only); a session with uploads gets its own. Claims
are held as :class:`~store.columnar.ColumnarClaims` and rebuilt as objects only when shown
(a page of the table, a place's cards, the disputes among the shown claims); what costs
seconds at 100,000 claims (the corroboration groups, the claims that take part in any
dispute) is computed on first use, once per data, under a lock.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from atlas.palette import Palette, default_palette
from atlas.places import DEFAULT_BOUNDS, Bounds, pad_bounds
from atlas.sources import SourceIndex, SourceRecord
from atlas.tables import PlaceGap
from atlas.when import DateDomain
from claims.corroboration import Group, find_groups, group_index
from claims.disputes import Dispute, find_disputes
from claims.model import Article, Claim
from store.columnar import ColumnarClaims
from store.query import Order, Page
from store.semantics import ClaimFilter, PlaceSummary

T = TypeVar("T")

LIVE_DISPUTES = 20_000
"""Up to this many claims, the disputes among the shown claims are found on every rerun (the
map's badges, the Disputes tab); above it, only when asked for (one filter state at a time):
finding them among 100,000 claims takes seconds, not the ~0.3 s a rerun may."""
DISPUTES_ASKED = "_disputes_for"
"""Session-state key: the filter state the user asked the disputes of."""


class Lazy:
    """Values computed on first use and kept; one computation per key even when several
    sessions (threads) ask at once."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, key: str, compute: Callable[[], T]) -> T:
        if key in self._values:
            return self._values[key]
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._values:
                self._values[key] = compute()
        return self._values[key]


class ClaimsById(Mapping[str, Claim]):
    """The claims of the columns by id (a claim is rebuilt when first asked for)."""

    def __init__(self, columns: ColumnarClaims) -> None:
        self.columns = columns

    def __getitem__(self, claim_id: str) -> Claim:
        found = self.columns.claim(claim_id)
        if found is None:
            raise KeyError(claim_id)
        return found

    def __contains__(self, claim_id: object) -> bool:
        return isinstance(claim_id, str) and self.columns.row_of(claim_id) is not None

    def __iter__(self) -> Iterator[str]:
        return (c.id for c in self.columns.claims_at(range(self.columns.n)))

    def __len__(self) -> int:
        return self.columns.n


class ClaimsByFile(Mapping[str, tuple[Claim, ...]]):
    """The claims of each article, in text order."""

    def __init__(self, columns: ColumnarClaims) -> None:
        self.columns = columns

    def __getitem__(self, file: str) -> tuple[Claim, ...]:
        if file not in self.columns.file.index:
            raise KeyError(file)
        return tuple(self.columns.of_file(file))

    def __iter__(self) -> Iterator[str]:
        return iter(self.columns.file.labels)

    def __len__(self) -> int:
        return len(self.columns.file.labels)


class Articles(Mapping[str, Article]):
    """Articles (text included) by file: the session's own first, then fetched from the store
    when first asked for and kept (the ``keep`` most recent)."""

    def __init__(
        self,
        known: Iterable[str],
        own: Mapping[str, Article] | None = None,
        fetch: Callable[[str], Article | None] | None = None,
        keep: int = 256,
    ) -> None:
        self._known = list(dict.fromkeys([*known, *(own or {})]))
        self._own = dict(own or {})
        self._fetch = fetch
        self._cache: OrderedDict[str, Article | None] = OrderedDict()
        self._keep = keep
        self._lock = threading.Lock()

    def __getitem__(self, file: str) -> Article:
        found = self._own.get(file) or self._fetched(file)
        if found is None:
            raise KeyError(file)
        return found

    def _fetched(self, file: str) -> Article | None:
        if self._fetch is None or file not in self._known_set:
            return None
        with self._lock:
            if file in self._cache:
                self._cache.move_to_end(file)
                return self._cache[file]
        article = self._fetch(file)
        with self._lock:
            self._cache[file] = article
            while len(self._cache) > self._keep:
                self._cache.popitem(last=False)
        return article

    @cached_property
    def _known_set(self) -> frozenset[str]:
        return frozenset(self._known)

    def __contains__(self, file: object) -> bool:
        return isinstance(file, str) and file in self._known_set

    def __iter__(self) -> Iterator[str]:
        return iter(self._known)

    def __len__(self) -> int:
        return len(self._known)


@dataclass(frozen=True)
class DataIssues:
    """What was not read, or not whole: fatal problems and notes (file, message), duplicate
    files, files gone since they were read."""

    problems: tuple[tuple[str, str], ...] = ()
    notes: tuple[tuple[str, str], ...] = ()
    duplicates: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class SessionData:
    """All claims and articles a session sees, with what every rerun needs about them."""

    columns: ColumnarClaims
    sources: SourceIndex
    articles: Articles
    domain: DateDomain | None
    outlets: tuple[tuple[str, int], ...]  # source labels with their claim counts
    bounds: Bounds
    palette: Palette
    root: Path | None  # the corpus folder (None: claims read from a store as it is)
    name: str  # where the claims come from, as shown ("seeds", "claims.sqlite")
    issues: DataIssues = field(default_factory=DataIssues)
    version: Hashable = None
    roots: frozenset[str] | None = None
    _lazy: Lazy = field(default_factory=Lazy, repr=False, compare=False)

    @property
    def total(self) -> int:
        """Every claim the session sees (the M of "N of M claims shown")."""
        return self.columns.n

    @property
    def by_id(self) -> ClaimsById:
        return ClaimsById(self.columns)

    @property
    def by_file(self) -> ClaimsByFile:
        return ClaimsByFile(self.columns)

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim as an object (rebuilt once): for what needs them all."""
        return self.lazy("claims", lambda: tuple(self.columns.claims_at(range(self.columns.n))))

    @property
    def groups(self) -> tuple[Group, ...]:
        """Corroboration groups over every claim (computed on first use)."""
        return self.lazy("groups", lambda: tuple(find_groups(self.claims)))

    @property
    def group_of(self) -> dict[str, Group]:
        return self.lazy("group_of", lambda: group_index(self.groups))

    def relative(self, file: str) -> str:
        """A file as shown: relative to the corpus folder."""
        return self.sources.relative(file)

    def lazy(self, key: str, compute: Callable[[], T]) -> T:
        """A value computed from this data once, on first use (the claims table, say)."""
        return self._lazy.get(key, compute)

    def shown(self, state: ClaimFilter, keep: np.ndarray | None = None) -> Shown:
        """The claims ``state`` shows (and ``keep`` too: the review-status filter's mask)."""
        mask = self.columns.mask(state)
        return Shown(self, state, mask if keep is None else mask & keep)

    def place_gaps(self) -> tuple[PlaceGap, ...]:
        """Claims not on the map, by unresolved name, then those with no place (once)."""
        return self.lazy("place_gaps", lambda: place_gaps_of(self.columns))


def place_gaps_of(columns: ColumnarClaims) -> tuple[PlaceGap, ...]:
    """:func:`atlas.tables.place_gaps`, counted on the columns (no claim rebuilt)."""
    found = columns.unresolved(files=columns.n or 1)
    gaps = [PlaceGap(u.name, u.count, u.files) for u in found]
    gaps.sort(key=lambda g: (g.name or "").casefold())
    no_place = (columns.place.codes < 0) & (columns.unresolved_place.codes < 0)
    if no_place.any():
        codes = np.unique(columns.file.codes[no_place])
        files = tuple(sorted(columns.file.labels[i] for i in codes))
        gaps.append(PlaceGap(None, int(no_place.sum()), files))
    return tuple(gaps)


@dataclass(frozen=True)
class Shown:
    """The claims a filter state shows, as a mask over the session's columns."""

    data: SessionData
    state: ClaimFilter
    mask: np.ndarray = field(repr=False, compare=False)

    @cached_property
    def count(self) -> int:
        return int(self.mask.sum())

    def places(self, samples: int = 0) -> list[PlaceSummary]:
        return self.data.columns.places_of(self.mask, samples)

    def at_place(self, key: str, offset: int = 0, limit: int = 20) -> Page:
        """The place's shown claims, newest first."""
        keep = self.mask & self.data.columns.place.only([key])
        return self.data.columns.page_of(keep, offset, limit, Order.NEWEST)

    def page(self, offset: int = 0, limit: int = 100) -> Page:
        return self.data.columns.page_of(self.mask, offset, limit, Order.TEXT)

    @cached_property
    def claims(self) -> list[Claim]:
        """Every shown claim as an object, in text order (for disputes, charts, downloads)."""
        columns = self.data.columns
        return columns.claims_at(columns.text_order[self.mask[columns.text_order]])

    def with_figures(self) -> list[Claim]:
        columns = self.data.columns
        keep = self.mask & columns.has_figure
        return columns.claims_at(columns.text_order[keep[columns.text_order]])

    def reported_after_window(self) -> int:
        return self.data.columns.reported_after_window(self.state, self.mask)


def disputes_among(data: SessionData, shown: Shown, parties: frozenset[str]) -> list[Dispute]:
    """The disputes among the shown claims (``claims.disputes.find_disputes``). Only claims
    that take part in a dispute among *all* claims can take part in one among fewer (day runs
    only merge and reasons only grow as claims are added), so only those are judged: the
    answer is the same, at a fraction of the cost for a narrow filter."""
    key = "dispute_rows:" + ",".join(sorted(parties))
    candidates = data.lazy(key, lambda: _dispute_rows(data, parties))
    columns = data.columns
    keep = shown.mask & candidates
    picked = columns.claims_at(columns.text_order[keep[columns.text_order]])
    return find_disputes(picked, sides=parties)


def _dispute_rows(data: SessionData, parties: frozenset[str]) -> np.ndarray:
    rows = np.zeros(data.columns.n, dtype=bool)
    for dispute in find_disputes(data.claims, sides=parties):
        for claim_id in dispute.claim_ids:
            row = data.columns.row_of(claim_id)
            if row is not None:
                rows[row] = True
    return rows


def _issues(records: Sequence[SourceRecord], problems: Iterable[Any]) -> DataIssues:
    return DataIssues(
        problems=tuple((p.path, p.message) for p in problems if p.fatal),
        notes=tuple((r.file, note) for r in records for note in r.notes),
        duplicates=tuple(r.file for r in records if r.duplicate_of),
        missing=tuple(r.file for r in records if r.missing),
    )


def _bounds(columns: ColumnarClaims) -> Bounds:
    found = columns.overview_of(np.ones(columns.n, dtype=bool)).bounds
    if found is None:
        return DEFAULT_BOUNDS
    (south, west), (north, east) = found
    return pad_bounds(south, west, north, east)


def build(
    columns: ColumnarClaims,
    records: Sequence[SourceRecord],
    *,
    root: Path | None,
    name: str,
    own: Mapping[str, Article] | None = None,
    fetch: Callable[[str], Article | None] | None = None,
    palette: Palette | None = None,
    issues: DataIssues | None = None,
    version: Hashable = None,
    roots: frozenset[str] | None = None,
) -> SessionData:
    """A session's data from claims as columns and the records of their articles."""
    sources = SourceIndex.from_records(records, root)
    overview = columns.overview_of(np.ones(columns.n, dtype=bool))
    domain = (
        DateDomain(overview.first_day, overview.last_day)
        if overview.first_day and overview.last_day
        else None
    )
    shown_files = [r.file for r in records if not r.duplicate_of and r.known]
    return SessionData(
        columns=columns,
        sources=sources,
        articles=Articles(shown_files, own, fetch),
        domain=domain,
        outlets=overview.outlets,
        bounds=_bounds(columns),
        palette=palette or default_palette(),
        root=root,
        name=name,
        issues=issues or DataIssues(),
        version=version,
        roots=roots,
    )


def with_columns(base: SessionData, columns: ColumnarClaims, version: Hashable) -> SessionData:
    """``base`` with its claims' columns replaced by ``columns`` (the same rows, some values
    corrected by analysts: :func:`atlas.review.overlay`), at ``version``. What depends on the
    values (date domain, bounds, lazy results) is computed again; sources and articles kept.
    The same columns keep the lazy results too (a confirmation changes no value)."""
    if columns is base.columns:
        return replace(base, version=version)
    overview = columns.overview_of(np.ones(columns.n, dtype=bool))
    domain = (
        DateDomain(overview.first_day, overview.last_day)
        if overview.first_day and overview.last_day
        else None
    )
    return replace(base, columns=columns, domain=domain, bounds=_bounds(columns),
                   version=version, _lazy=Lazy())  # fmt: skip


def from_snapshot(
    snapshot: Any,
    fetch: Callable[[str], Article | None],
    *,
    root: Path | None,
    name: str,
    palette: Palette | None = None,
) -> SessionData:
    """The data of a :class:`store.database.Snapshot` (articles fetched when first read)."""
    records = [SourceRecord.of_info(a) for a in snapshot.articles]
    return build(
        snapshot.columns, records, root=root, name=name, fetch=fetch, palette=palette,
        issues=_issues(records, snapshot.problems), version=snapshot.version,
        roots=snapshot.roots,
    )  # fmt: skip


def with_uploads(
    base: SessionData, uploads: Sequence[tuple[Article, Sequence[Claim]]]
) -> SessionData:
    """``base`` plus articles uploaded in this session (kept in the session only). An upload
    of unknown outlet whose label another source already has gets its file name added."""
    if not uploads:
        return base
    taken = set(base.sources.labels())
    labels: dict[str, str] = {}
    records = list(base.sources.records())
    for article, claims in uploads:
        record = SourceRecord.of_article(article, claims, taken)
        taken.add(record.label)
        labels[article.file] = record.label
        records.append(record)
    columns = base.columns.extended([c for _, cs in uploads for c in cs], labels)
    own = {article.file: article for article, _ in uploads}
    return build(
        columns, records, root=base.root, name=base.name, own=own,
        fetch=base.articles._fetch, palette=base.palette, issues=base.issues,
        version=(base.version, tuple(sorted(own))), roots=base.roots,
    )  # fmt: skip


def session_data(
    articles: Iterable[Article],
    claims: Iterable[Claim],
    root: Path | None = None,
    palette: Palette | None = None,
) -> SessionData:
    """The data of articles and claims held in memory (no store): tests, and anything that
    has claims but no store."""
    articles = list(articles)
    claims = list(claims)
    index = SourceIndex(articles, claims, root)
    by_file: dict[str, list[Claim]] = {}
    for claim in claims:
        by_file.setdefault(claim.file, []).append(claim)
    records = [
        SourceRecord.of_article(a, by_file.get(a.file, ()), label=index.label_of_file(a.file))
        for a in articles
    ]
    known = {a.file for a in articles}
    records += [
        SourceRecord.of_claim(cs[0], len(cs), index.label_of_file(f))
        for f, cs in by_file.items()
        if f not in known
    ]
    labels = {c.file: index.label(c) for c in claims}
    columns = ColumnarClaims.of_claims(claims, labels)
    own = {a.file: a for a in articles}
    return build(columns, records, root=root, name=root.name if root else "", own=own,
                 palette=palette)  # fmt: skip


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
