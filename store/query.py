"""What the dashboard asks of a store, answered by the database: filtered counts, claims
aggregated per place and per place and day, paged claim rows, the timeline, facets.

Filter semantics are the dashboard's (``atlas.filters``): outlets, sides and kinds are
*exclusions*; a dated claim is shown when its day span overlaps the window ``[start, end]``
(both inclusive, either open); an undated claim when ``include_undated``; every search term
must occur in the quote, compared case-folded. ``roots`` (optional) keeps only the claims of
articles read from those corpus folders. :mod:`store.columnar` answers the same questions
from columns in memory; ``tests/store/test_query.py`` holds both to the dashboard's filter.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.engine import Connection

from claims.model import Claim
from store.rows import claim_from_row
from store.schema import CLAIM_COLUMNS, articles, claims

CLAIM_COLS = [claims.c[col.name] for col in CLAIM_COLUMNS]


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims are shown (empty exclusions and no window: all of them)."""

    start: date | None = None
    end: date | None = None
    include_undated: bool = True
    excluded_outlets: frozenset[str] = field(default_factory=frozenset)
    excluded_sides: frozenset[str] = field(default_factory=frozenset)
    excluded_kinds: frozenset[str] = field(default_factory=frozenset)
    text: str = ""
    roots: frozenset[str] | None = None

    def terms(self) -> tuple[str, ...]:
        return tuple(t.casefold() for t in self.text.split())

    @classmethod
    def from_state(cls, state: Any, roots: Iterable[str] | None = None) -> ClaimFilter:
        """From the dashboard's FilterState (or anything with the same attributes)."""
        return cls(
            start=state.start,
            end=state.end,
            include_undated=state.include_undated,
            excluded_outlets=frozenset(state.excluded_outlets),
            excluded_sides=frozenset(state.excluded_sides),
            excluded_kinds=frozenset(state.excluded_kinds),
            text=state.text,
            roots=frozenset(roots) if roots is not None else None,
        )


ALL = ClaimFilter()


class Order(enum.Enum):
    TEXT = "text"  # article path, then position in the text: the order extraction gives
    NEWEST = "newest"  # newest first, undated last, then by id (the place panel's order)


@dataclass(frozen=True)
class PlaceSummary:
    """The shown claims about one place (one marker), counted by side."""

    key: str
    name: str
    lat: float
    lon: float
    radius_km: float | None
    precision: str | None
    count: int
    undated: int
    side_counts: tuple[tuple[str, int], ...]  # most first, then by side
    first_day: date | None
    last_day: date | None
    samples: tuple[Claim, ...] = ()  # up to ``samples`` claims, newest first

    @property
    def undated_only(self) -> bool:
        return self.undated == self.count


@dataclass(frozen=True)
class PlaceDay:
    """Shown claims at one place whose span starts on ``day`` (None: undated), per side."""

    key: str
    day: date | None
    side: str
    count: int


@dataclass(frozen=True)
class DayCount:
    day: date | None
    side: str
    count: int


@dataclass(frozen=True)
class Page:
    """One page of claims and how many there are in all."""

    claims: tuple[Claim, ...]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True)
class Overview:
    """What the filters' widgets are built from: totals, the date domain, the facets."""

    claims: int
    articles: int
    first_day: date | None
    last_day: date | None
    outlets: tuple[tuple[str, int], ...]  # most claims first, then by name
    sides: tuple[tuple[str, int], ...]
    kinds: tuple[tuple[str, int], ...]
    bounds: tuple[tuple[float, float], tuple[float, float]] | None  # (south, west), (north, east)


@dataclass(frozen=True)
class Unresolved:
    name: str
    count: int
    files: tuple[str, ...]


def conditions(f: ClaimFilter) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a filter."""
    c = claims.c
    where: list[ColumnElement[bool]] = []
    if f.excluded_outlets:
        where.append(c.outlet_key.not_in(sorted(f.excluded_outlets)))
    if f.excluded_sides:
        where.append(c.side.not_in(sorted(f.excluded_sides)))
    if f.excluded_kinds:
        where.append(c.kind.not_in(sorted(f.excluded_kinds)))
    window: list[ColumnElement[bool]] = [c.day_first.isnot(None)]
    if f.start is not None:
        window.append(c.day_last >= f.start)
    if f.end is not None:
        window.append(c.day_first <= f.end)
    dated = and_(*window)
    where.append(or_(c.day_first.is_(None), dated) if f.include_undated else dated)
    where.extend(c.quote_folded.contains(term, autoescape=True) for term in f.terms())
    if f.roots is not None:
        in_roots = select(articles.c.pk).where(articles.c.root.in_(sorted(f.roots)))
        where.append(c.article_pk.in_(in_roots))
    return where


def _ranked(items: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(items, key=lambda kv: (-kv[1], kv[0].casefold())))


def count(conn: Connection, f: ClaimFilter = ALL) -> int:
    return conn.execute(select(func.count()).select_from(claims).where(*conditions(f))).scalar_one()


def places(conn: Connection, f: ClaimFilter = ALL, samples: int = 5) -> list[PlaceSummary]:
    """Located claims per place (biggest first, then by name), with per-side counts."""
    c = claims.c
    where = [*conditions(f), c.place_key.isnot(None)]
    q = (
        select(
            c.place_key, c.side, func.count(), func.count(c.day_first), func.min(c.place),
            func.min(c.place_mention), func.min(c.lat), func.min(c.lon), func.max(c.radius_km),
            func.min(c.place_precision), func.min(c.day_first), func.max(c.day_last),
        )
        .where(*where)
        .group_by(c.place_key, c.side)
    )  # fmt: skip
    acc: dict[str, dict[str, Any]] = {}
    for (
        key,
        side,
        n,
        dated,
        name,
        mention,
        lat,
        lon,
        radius,
        precision,
        first,
        last,
    ) in conn.execute(q):
        a = acc.setdefault(key, {"sides": {}, "n": 0, "dated": 0, "name": name or mention or key,
                                 "lat": lat, "lon": lon, "radius": radius, "precision": precision,
                                 "first": first, "last": last})  # fmt: skip
        a["sides"][side] = n
        a["n"] += n
        a["dated"] += dated
        a["radius"] = _max(a["radius"], radius)
        a["first"] = _min(a["first"], first)
        a["last"] = _max(a["last"], last)
    picked = _samples(conn, where, samples) if samples > 0 else {}
    out = [
        PlaceSummary(
            key=key, name=a["name"], lat=float(a["lat"]), lon=float(a["lon"]),
            radius_km=a["radius"] or None, precision=a["precision"], count=a["n"],
            undated=a["n"] - a["dated"], side_counts=_ranked(a["sides"].items()),
            first_day=a["first"], last_day=a["last"], samples=tuple(picked.get(key, ())),
        )
        for key, a in acc.items()
    ]  # fmt: skip
    out.sort(key=lambda p: (-p.count, p.name, p.key))
    return out


def _min(a: Any, b: Any) -> Any:
    return b if a is None else a if b is None else min(a, b)


def _max(a: Any, b: Any) -> Any:
    return b if a is None else a if b is None else max(a, b)


def _newest_first() -> list[Any]:
    c = claims.c
    return [c.day_first.is_(None), c.day_first.desc(), c.id]


def _samples(conn: Connection, where: list[ColumnElement[bool]], n: int) -> dict[str, list[Claim]]:
    """The ``n`` newest claims of each place: ranked on narrow rows, then fetched whole."""
    rank = func.row_number().over(partition_by=claims.c.place_key, order_by=_newest_first())
    ranked = select(claims.c.pk, rank.label("rank")).where(*where).subquery()
    q = (
        select(claims.c.place_key, *CLAIM_COLS)
        .join(ranked, ranked.c.pk == claims.c.pk)
        .where(ranked.c.rank <= n)
        .order_by(claims.c.place_key, ranked.c.rank)
    )
    found: dict[str, list[Claim]] = defaultdict(list)
    for row in conn.execute(q):
        found[row.place_key].append(claim_from_row(row))
    return found


def place_days(conn: Connection, f: ClaimFilter = ALL) -> list[PlaceDay]:
    """Located claims counted per place, first day and side (sorted by those)."""
    c = claims.c
    q = (
        select(c.place_key, c.day_first, c.side, func.count())
        .where(*conditions(f), c.place_key.isnot(None))
        .group_by(c.place_key, c.day_first, c.side)
    )
    rows = [PlaceDay(k, d, s, n) for k, d, s, n in conn.execute(q)]
    rows.sort(key=lambda r: (r.key, r.day is None, r.day or date.min, r.side))
    return rows


def timeline(conn: Connection, f: ClaimFilter = ALL) -> list[DayCount]:
    """Claims per first day and side (undated last)."""
    c = claims.c
    q = select(c.day_first, c.side, func.count()).where(*conditions(f))
    rows = [DayCount(d, s, n) for d, s, n in conn.execute(q.group_by(c.day_first, c.side))]
    rows.sort(key=lambda r: (r.day is None, r.day or date.min, r.side))
    return rows


def _order(order: Order) -> list[Any]:
    if order is Order.NEWEST:
        return _newest_first()
    return [claims.c.file, claims.c.quote_start, claims.c.id]


def page(
    conn: Connection,
    f: ClaimFilter = ALL,
    offset: int = 0,
    limit: int = 100,
    order: Order = Order.TEXT,
    place: str | None = None,
) -> Page:
    """``limit`` claims from ``offset`` (optionally only those at the place key ``place``)."""
    where = conditions(f)
    if place is not None:
        where.append(claims.c.place_key == place)
    total = conn.execute(select(func.count()).select_from(claims).where(*where)).scalar_one()
    q = select(*CLAIM_COLS).where(*where).order_by(*_order(order)).offset(offset).limit(limit)
    found = tuple(claim_from_row(r) for r in conn.execute(q))
    return Page(found, total, offset, limit)


def iter_claims(conn: Connection, f: ClaimFilter = ALL, batch: int = 2000) -> Iterable[Claim]:
    """Every claim passing ``f`` in text order, fetched ``batch`` rows at a time."""
    q = select(*CLAIM_COLS).where(*conditions(f)).order_by(*_order(Order.TEXT))
    result = conn.execution_options(yield_per=batch).execute(q)
    for row in result:
        yield claim_from_row(row)


def _facet(conn: Connection, column: Any, where: list[ColumnElement[bool]]) -> tuple:
    q = select(column, func.count()).where(*where).group_by(column)
    return _ranked((str(k), n) for k, n in conn.execute(q))


def overview(conn: Connection, f: ClaimFilter = ALL) -> Overview:
    """Totals, date domain, facets and bounds of the claims passing ``f`` (default: all)."""
    c = claims.c
    where = conditions(f)
    total, first, last = conn.execute(
        select(func.count(), func.min(c.day_first), func.max(c.day_last)).where(*where)
    ).one()
    n_articles = conn.execute(
        select(func.count(func.distinct(c.article_pk))).where(*where)
    ).scalar_one()
    south, west, north, east = conn.execute(
        select(func.min(c.lat), func.min(c.lon), func.max(c.lat), func.max(c.lon)).where(
            *where, c.place_key.isnot(None)
        )
    ).one()
    bounds = None if south is None else ((south, west), (north, east))
    return Overview(
        claims=total, articles=n_articles, first_day=first, last_day=last,
        outlets=_facet(conn, c.outlet_key, where), sides=_facet(conn, c.side, where),
        kinds=_facet(conn, c.kind, where), bounds=bounds,
    )  # fmt: skip


def unresolved(conn: Connection, f: ClaimFilter = ALL, files: int = 5) -> list[Unresolved]:
    """Place names the gazetteer could not resolve, most frequent first, with some files."""
    c = claims.c
    where = [*conditions(f), c.unresolved_place.isnot(None)]
    q = select(c.unresolved_place, c.file, func.count()).where(*where)
    acc: dict[str, list[Any]] = {}
    for name, file, n in conn.execute(q.group_by(c.unresolved_place, c.file)):
        entry = acc.setdefault(name, [0, []])
        entry[0] += n
        entry[1].append(file)
    out = [Unresolved(name, n, tuple(sorted(fs)[:files])) for name, (n, fs) in acc.items()]
    out.sort(key=lambda u: (-u.count, u.name.casefold()))
    return out
