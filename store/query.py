"""What the dashboard asks of a store, answered by the database: filtered counts, claims
aggregated per place and per place and day, paged claim rows, the timeline, facets.

The semantics are :mod:`store.semantics` (one definition for the dashboard, this module and
:mod:`store.columnar`); here they are WHERE clauses over the derived columns
(:mod:`store.rows`): ``outlet_key`` is the source label, ``day_last`` is empty only for an
undated claim and ``day_first`` also for a claim dated only by its report.
``tests/store/test_store_query.py`` holds both to the reference implementation.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.engine import Connection

from claims.model import Claim
from store.rows import claim_from_row
from store.schema import CLAIM_COLUMNS, articles, claims
from store.semantics import ALL, ClaimFilter, Dating, PlaceSummary, ranked

CLAIM_COLS = [claims.c[col.name] for col in CLAIM_COLUMNS]
__all__ = ["ALL", "ClaimFilter", "DayCount", "Order", "Overview", "Page", "PlaceSummary"]


class Order(enum.Enum):
    TEXT = "text"  # article path, then position in the text: the order extraction gives
    NEWEST = "newest"  # newest first (by last day), undated last, then by id: the place panel


@dataclass(frozen=True)
class PlaceDay:
    """Shown claims at one place whose timeline day is ``day`` (None: undated), per side."""

    key: str
    day: date | None
    side: str
    count: int


@dataclass(frozen=True)
class DayCount:
    """Shown claims on one timeline day (the first day, or the report day of a "reported by"
    claim; None: undated), per side and dating."""

    day: date | None
    side: str
    count: int
    dating: Dating = Dating.DAY


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


def dating() -> ColumnElement[str]:
    """The :class:`~store.semantics.Dating` of a claim row, as its value."""
    c = claims.c
    return case(
        (c.day_last.is_(None), Dating.UNDATED.value),
        (c.day_first.is_(None), Dating.REPORTED.value),
        (c.day_first == c.day_last, Dating.DAY.value),
        else_=Dating.RANGE.value,
    )


def anchor() -> ColumnElement[date]:
    """The day a timeline puts a claim on: its first day, else its report day."""
    return func.coalesce(claims.c.day_first, claims.c.day_last)


def _window(f: ClaimFilter) -> ColumnElement[bool]:
    c = claims.c
    dated: list[ColumnElement[bool]] = [c.day_last.isnot(None)]
    if not f.include_reported:
        dated.append(c.day_first.isnot(None))
    if f.start is not None:
        dated.append(c.day_last >= f.start)
    if f.end is not None:
        dated.append(or_(c.day_first.is_(None), c.day_first <= f.end))
    return or_(c.day_last.is_(None), and_(*dated)) if f.include_undated else and_(*dated)


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
    where.append(_window(f))
    where.extend(c.quote_folded.contains(term, autoescape=True) for term in f.search_terms())
    if f.roots is not None:
        in_roots = select(articles.c.pk).where(articles.c.root.in_(sorted(f.roots)))
        where.append(c.article_pk.in_(in_roots))
    return where


def count(conn: Connection, f: ClaimFilter = ALL) -> int:
    return conn.execute(select(func.count()).select_from(claims).where(*conditions(f))).scalar_one()


class _Place:
    """One place's aggregate, gathered over its (side, dating) groups."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.sides: dict[str, int] = defaultdict(int)
        self.datings: set[Dating] = set()
        self.values: dict[str, list[Any]] = defaultdict(list)

    def add(self, side: str, when: str, n: int, **values: Any) -> None:
        self.sides[side] += n
        self.datings.add(Dating(when))
        for name, value in values.items():
            if value is not None:
                self.values[name].append(value)

    def summary(self, samples: tuple[Claim, ...]) -> PlaceSummary:
        v = self.values
        name = min(v["name"]) if v["name"] else min(v["mention"]) if v["mention"] else self.key
        radius = max(v["radius"]) if v["radius"] else None
        return PlaceSummary(
            key=self.key, name=name, lat=float(min(v["lat"])), lon=float(min(v["lon"])),
            radius_km=radius or None, precision=min(v["precision"]) if v["precision"] else None,
            count=sum(self.sides.values()), side_counts=ranked(self.sides.items()),
            datings=frozenset(self.datings),
            days=(min(v["first"]), max(v["last"])) if v["first"] else None, samples=samples,
        )  # fmt: skip


def places(conn: Connection, f: ClaimFilter = ALL, samples: int = 5) -> list[PlaceSummary]:
    """Located claims per place (biggest first, then by name): counts per side, datings, the
    days named, and the ``samples`` newest claims of each."""
    c = claims.c
    where = [*conditions(f), c.place_key.isnot(None)]
    when = dating()
    q = (
        select(
            c.place_key, c.side, when, func.count(), func.min(c.place), func.min(c.place_mention),
            func.min(c.lat), func.min(c.lon), func.max(c.radius_km), func.min(c.place_precision),
            func.min(anchor()), func.max(c.day_last),
        )
        .where(*where)
        .group_by(c.place_key, c.side, when)
    )  # fmt: skip
    acc: dict[str, _Place] = {}
    for (
        key,
        side,
        dated,
        n,
        name,
        mention,
        lat,
        lon,
        radius,
        precision,
        first,
        last,
    ) in conn.execute(q):
        acc.setdefault(key, _Place(key)).add(
            side, dated, n, name=name, mention=mention, lat=lat, lon=lon, radius=radius,
            precision=precision, first=first, last=last,
        )  # fmt: skip
    picked = _samples(conn, where, samples) if samples > 0 else {}
    out = [a.summary(tuple(picked.get(key, ()))) for key, a in acc.items()]
    out.sort(key=lambda p: (-p.count, p.name, p.key))
    return out


def _newest_first() -> list[Any]:
    c = claims.c
    return [c.day_last.is_(None), c.day_last.desc(), c.id]


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
    """Located claims counted per place, timeline day and side (sorted by those)."""
    c = claims.c
    day = anchor()
    q = (
        select(c.place_key, day, c.side, func.count())
        .where(*conditions(f), c.place_key.isnot(None))
        .group_by(c.place_key, day, c.side)
    )
    rows = [PlaceDay(k, d, s, n) for k, d, s, n in conn.execute(q)]
    rows.sort(key=lambda r: (r.key, r.day is None, r.day or date.min, r.side))
    return rows


def timeline(conn: Connection, f: ClaimFilter = ALL) -> list[DayCount]:
    """Claims per timeline day, side and dating (undated last)."""
    c = claims.c
    day, when = anchor(), dating()
    q = select(day, c.side, when, func.count()).where(*conditions(f)).group_by(day, c.side, when)
    rows = [DayCount(d, s, n, Dating(w)) for d, s, w, n in conn.execute(q)]
    rows.sort(key=timeline_order)
    return rows


def timeline_order(r: DayCount) -> tuple[bool, date, str, str]:
    return (r.day is None, r.day or date.min, r.side, r.dating.value)


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
    return ranked((str(k), n) for k, n in conn.execute(q))


def overview(conn: Connection, f: ClaimFilter = ALL) -> Overview:
    """Totals, date domain, facets and bounds of the claims passing ``f`` (default: all)."""
    c = claims.c
    where = conditions(f)
    total, first, last = conn.execute(
        select(func.count(), func.min(anchor()), func.max(c.day_last)).where(*where)
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
