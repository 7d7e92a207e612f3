"""The same questions as :mod:`store.query`, answered from columns held in memory (numpy).

Load once (:meth:`ColumnarClaims.from_store`: one read transaction), then each filter is a
few vectorised masks and each per-place aggregate a ``bincount``; claims are rebuilt from
their rows only when asked for (a page, a place's cards), and kept. The semantics are
:mod:`store.semantics`; ``benchmarks/store.py`` measures this against the database at
100,000 claims and ``tests/store/test_store_query.py`` holds both to the same answers.

Rows come from the store, or from claims that are not stored (a session's uploads,
:meth:`ColumnarClaims.extended`): both are tuples in :data:`COLUMNS` order.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any, overload

import numpy as np
import pandas as pd

from claims.model import CLAIM_FIELDS, Claim
from store.query import DayCount, Order, Overview, Page, Unresolved, timeline_order
from store.rows import claim_row
from store.schema import DATE_FIELDS
from store.semantics import ALL, ClaimFilter, Dating, PlaceSummary, ranked

UNDATED = np.iinfo(np.int64).min  # ordinal of "no day"
COLUMNS = (*CLAIM_FIELDS, "outlet_key", "day_first", "day_last", "place_key", "quote_folded")
N_FIELDS = len(CLAIM_FIELDS)
_AT = {name: i for i, name in enumerate(COLUMNS)}
_DATE_AT = tuple(_AT[name] for name in sorted(DATE_FIELDS))
DATINGS = (Dating.DAY, Dating.RANGE, Dating.REPORTED, Dating.UNDATED)  # codes 0..3


class _Codes:
    """A text column as integer codes (-1: none), with the labels they stand for."""

    def __init__(self, values: Sequence[Any], sort: bool = False) -> None:
        codes, labels = pd.factorize(
            np.asarray(values, dtype=object), sort=sort, use_na_sentinel=True
        )
        self.codes = codes.astype(np.int64)
        self.labels: list[Any] = list(labels)
        self.index = {label: i for i, label in enumerate(self.labels)}

    def updated(self, rows: np.ndarray, values: Sequence[Any]) -> _Codes:
        """A copy with the values at ``rows`` replaced (a new value gets a new code)."""
        out = object.__new__(_Codes)
        out.codes = self.codes.copy()
        out.labels = list(self.labels)
        out.index = dict(self.index)
        for row, value in zip(rows.tolist(), values, strict=True):
            if value is None:
                out.codes[row] = -1
                continue
            code = out.index.get(value)
            if code is None:
                code = out.index[value] = len(out.labels)
                out.labels.append(value)
            out.codes[row] = code
        return out

    def excluding(self, names: Iterable[str]) -> np.ndarray:
        bad = [self.index[n] for n in names if n in self.index]
        return ~np.isin(self.codes, bad) if bad else np.ones(len(self.codes), dtype=bool)

    def only(self, names: Iterable[str]) -> np.ndarray:
        good = [self.index[n] for n in names if n in self.index]
        return np.isin(self.codes, good)


def _ordinals(values: Sequence[Any]) -> np.ndarray:
    """Day ordinals (UNDATED for None) of ISO strings or dates, parsed once per distinct day."""
    seen: dict[Any, int] = {None: UNDATED}
    out = np.empty(len(values), dtype=np.int64)
    for i, v in enumerate(values):
        o = seen.get(v)
        if o is None:
            day = v if isinstance(v, date) else date.fromisoformat(str(v))
            o = seen[v] = day.toordinal()
        out[i] = o
    return out


def _plain(row: Sequence[Any]) -> tuple[Any, ...]:
    """A row with its date fields as ISO strings (PostgreSQL's driver gives dates)."""
    if not any(isinstance(row[i], date) for i in _DATE_AT):
        return tuple(row)
    values = list(row)
    for i in _DATE_AT:
        if isinstance(values[i], date):
            values[i] = values[i].isoformat()
    return tuple(values)


def _rows_of(claims: Sequence[Claim], labels: Mapping[str, str] | None) -> list[tuple[Any, ...]]:
    out = []
    for claim in claims:
        row = list(claim_row(claim)[: len(COLUMNS)])
        if labels and claim.file in labels:
            row[_AT["outlet_key"]] = labels[claim.file]
        out.append(tuple(row))
    return out


def _column(rows: Sequence[Sequence[Any]], name: str) -> list[Any]:
    i = _AT[name]
    return [r[i] for r in rows]


class _Rows(Sequence[tuple[Any, ...]]):
    """A read-only sequence of rows that finds each row on demand (:meth:`_row`)."""

    def __len__(self) -> int:
        raise NotImplementedError

    def _row(self, i: int) -> tuple[Any, ...]:
        raise NotImplementedError

    @overload
    def __getitem__(self, i: int) -> tuple[Any, ...]: ...
    @overload
    def __getitem__(self, i: slice) -> list[tuple[Any, ...]]: ...
    def __getitem__(self, i: int | slice) -> tuple[Any, ...] | list[tuple[Any, ...]]:
        n = len(self)
        if isinstance(i, slice):
            return [self._row(k) for k in range(*i.indices(n))]
        if not -n <= i < n:
            raise IndexError(i)
        return self._row(i % n)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return (self._row(i) for i in range(len(self)))


class PackedRows(_Rows):
    """Rows kept as one bytes string (each row pickled on its own) and their offsets, as a
    snapshot file holds them: reading 100,000 rows back is one string and one array, not
    three million objects, and a row is decoded when it is asked for (a page, a card)."""

    def __init__(self, rows: Iterable[Sequence[Any]]) -> None:
        parts = [pickle.dumps(tuple(row), protocol=pickle.HIGHEST_PROTOCOL) for row in rows]
        self._ends = np.cumsum([len(p) for p in parts], dtype=np.int64)
        self._blob = b"".join(parts)

    def __len__(self) -> int:
        return len(self._ends)

    def _row(self, i: int) -> tuple[Any, ...]:
        start = int(self._ends[i - 1]) if i else 0
        return pickle.loads(self._blob[start : int(self._ends[i])])


_PLACE_AT = tuple(_AT[n] for n in ("place_key", "place", "place_mention", "lat", "lon",
                                    "radius_km", "place_precision"))  # fmt: skip


def _place_part(row: Sequence[Any]) -> tuple[Any, ...]:
    """What a row gives the places' names and points (:meth:`ColumnarClaims._place_meta`)."""
    return tuple(row[i] for i in _PLACE_AT)


def _dating(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Each row's :data:`DATINGS` code from its first and last day ordinals."""
    return np.select(
        [last == UNDATED, first == UNDATED, first == last], [3, 2, 0], default=1
    ).astype(np.int8)


class OverlaidRows(_Rows):
    """The rows of another sequence with some of them replaced (an analyst's corrections),
    the others read from it, not copied."""

    def __init__(self, base: Sequence[tuple[Any, ...]], changed: Mapping[int, tuple[Any, ...]]):
        self._base = base
        self._changed = dict(changed)

    def __len__(self) -> int:
        return len(self._base)

    def _row(self, i: int) -> tuple[Any, ...]:
        found = self._changed.get(i)
        return found if found is not None else self._base[i]


class ColumnarClaims:
    """Claims as columns: filter with masks, aggregate with bincount."""

    def __init__(self, rows: Sequence[Sequence[Any]], roots: Sequence[str | None]) -> None:
        self.rows = rows  # COLUMNS order, plain driver values
        self.roots = list(roots)
        self.n = len(rows)
        self._claims: list[Claim | None] = [None] * self.n
        self.outlet = _Codes(_column(rows, "outlet_key"))
        self.side = _Codes(_column(rows, "side"))
        self.kind = _Codes(_column(rows, "kind"))
        self.place = _Codes(_column(rows, "place_key"))
        self.root = _Codes(self.roots)
        self.file = _Codes(_column(rows, "file"), sort=True)
        self.unresolved_place = _Codes(_column(rows, "unresolved_place"))
        self.first = _ordinals(_column(rows, "day_first"))
        self.last = _ordinals(_column(rows, "day_last"))
        self.dating = _dating(self.first, self.last)
        self.anchor = np.where(self.first == UNDATED, self.last, self.first)
        self.has_figure = np.array([r[_AT["figure"]] is not None for r in rows], dtype=bool)
        self.quotes = np.asarray(_column(rows, "quote_folded"), dtype=object)
        id_list = _column(rows, "id")
        self.id_rank = _Codes(id_list, sort=True).codes
        self._by_id = dict(zip(reversed(id_list), range(self.n - 1, -1, -1), strict=True))
        start = np.asarray(_column(rows, "quote_start"), dtype=np.int64)
        self.text_order = np.lexsort((self.id_rank, start, self.file.codes))
        self.place_meta = self._place_meta()

    def __getstate__(self) -> dict[str, Any]:
        """Pickled with packed rows and no rebuilt claims (see :class:`PackedRows`)."""
        state = self.__dict__.copy()
        if not isinstance(self.rows, PackedRows):
            state["rows"] = PackedRows(self.rows)
        state["_claims"] = None
        return state

    def __copy__(self) -> ColumnarClaims:
        """A shallow copy sharing every column (what :meth:`replaced` starts from). Without
        it ``copy.copy`` goes through :meth:`__getstate__` and packs every row: 0.3 s at
        100,000 claims, on each start with decisions and each decision saved."""
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        return new

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._claims = [None] * self.n

    # -- loading -----------------------------------------------------------------------------

    @classmethod
    def load(cls, conn: Any, roots: Iterable[str] | None = None) -> ColumnarClaims:
        """Every claim (of articles under ``roots``, if given), read on ``conn``."""
        from sqlalchemy import select

        from store.schema import articles
        from store.schema import claims as claims_table

        cols = [claims_table.c[n] for n in COLUMNS]
        q = select(*cols, articles.c.root).join(
            articles, articles.c.pk == claims_table.c.article_pk
        )
        if roots is not None:
            q = q.where(articles.c.root.in_(sorted(roots)))
        # raw driver rows: no per-value conversion (3× faster than SQLAlchemy's)
        sql = str(q.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
        fetched = conn.exec_driver_sql(sql).fetchall()
        return cls([_plain(r[:-1]) for r in fetched], [r[-1] for r in fetched])

    @classmethod
    def from_store(cls, store: Any, roots: Iterable[str] | None = None) -> ColumnarClaims:
        """Every claim of ``store`` (a :class:`store.database.Store`), in one read."""
        with store.reading() as conn:
            return cls.load(conn, roots)

    @classmethod
    def of_claims(
        cls, claims: Sequence[Claim], labels: Mapping[str, str] | None = None, root: str = ""
    ) -> ColumnarClaims:
        """Claims that are not stored, with the source labels ``labels`` (file → label;
        default: each claim's own)."""
        return cls(_rows_of(claims, labels), [root] * len(claims))

    def extended(
        self, claims: Sequence[Claim], labels: Mapping[str, str] | None = None, root: str = ""
    ) -> ColumnarClaims:
        """These columns plus ``claims`` that are not stored (a session's uploads)."""
        extra = _rows_of(claims, labels)
        return ColumnarClaims([*self.rows, *extra], [*self.roots, *([root] * len(extra))])

    def replaced(self, changes: Mapping[int, Claim]) -> ColumnarClaims:
        """A copy with the claims at some rows replaced (an analyst's corrections), each
        keeping its row's source label: only those rows are recomputed (and the places'
        names and points when a place changed), so 10,000 corrections of 100,000 claims cost
        milliseconds, not a rebuild. Ids, files and quotes must stay as they were."""
        if not changes:
            return self
        new = copy.copy(self)
        idx = np.fromiter(changes, dtype=np.int64, count=len(changes))
        new._claims = list(self._claims)
        label = _AT["outlet_key"]
        rows: dict[int, tuple[Any, ...]] = {}
        for i, claim in changes.items():
            row = list(claim_row(claim)[: len(COLUMNS)])
            row[label] = self.rows[i][label]
            rows[i] = tuple(row)
            new._claims[i] = claim
        new.rows = OverlaidRows(self.rows, rows)
        picked = [rows[i] for i in idx.tolist()]
        for attr, name in (("side", "side"), ("kind", "kind"), ("place", "place_key"),
                           ("unresolved_place", "unresolved_place")):  # fmt: skip
            setattr(new, attr, getattr(self, attr).updated(idx, _column(picked, name)))
        new._set_days(idx, picked)
        new.has_figure = self.has_figure.copy()
        new.has_figure[idx] = [r[_AT["figure"]] is not None for r in picked]
        if any(_place_part(self.rows[i]) != _place_part(new.rows[i]) for i in changes):
            new.place_meta = new._place_meta()  # a place moved: names and points again
        return new

    def _set_days(self, idx: np.ndarray, picked: Sequence[Sequence[Any]]) -> None:
        self.first = self.first.copy()
        self.last = self.last.copy()
        self.first[idx] = _ordinals(_column(picked, "day_first"))
        self.last[idx] = _ordinals(_column(picked, "day_last"))
        self.dating = _dating(self.first, self.last)
        self.anchor = np.where(self.first == UNDATED, self.last, self.first)

    # -- claims ------------------------------------------------------------------------------

    def claim_at(self, i: int) -> Claim:
        found = self._claims[i]
        if found is None:
            found = self._claims[i] = Claim(*self.rows[i][:N_FIELDS])
        return found

    def claims_at(self, rows: Iterable[int]) -> list[Claim]:
        return [self.claim_at(int(i)) for i in rows]

    def row_of(self, claim_id: str) -> int | None:
        """The row of the claim with this id (the first, should two articles share one)."""
        return self._by_id.get(claim_id)

    def claim(self, claim_id: str) -> Claim | None:
        row = self.row_of(claim_id)
        return None if row is None else self.claim_at(row)

    def of_file(self, file: str) -> list[Claim]:
        """The claims of one article, in text order."""
        code = self.file.index.get(file)
        if code is None:
            return []
        ordered = self.text_order[self.file.codes[self.text_order] == code]
        return self.claims_at(ordered)

    # -- filtering ---------------------------------------------------------------------------

    def mask(self, f: ClaimFilter = ALL) -> np.ndarray:
        keep = self.outlet.excluding(f.excluded_outlets)
        keep &= self.side.excluding(f.excluded_sides)
        keep &= self.kind.excluding(f.excluded_kinds)
        keep &= self._window(f)
        for term in f.search_terms():
            idx = np.flatnonzero(keep)
            hits = np.fromiter((term in q for q in self.quotes[idx]), bool, len(idx))
            keep[idx[~hits]] = False
        if f.roots is not None:
            keep &= self.root.only(f.roots)
        return keep

    def _window(self, f: ClaimFilter) -> np.ndarray:
        undated = self.dating == 3
        dated = ~undated
        if not f.include_reported:
            dated &= self.dating != 2
        if f.start is not None:
            dated &= self.last >= f.start.toordinal()
        if f.end is not None:
            dated &= (self.first == UNDATED) | (self.first <= f.end.toordinal())
        return dated | undated if f.include_undated else dated

    def count(self, f: ClaimFilter = ALL) -> int:
        return int(self.mask(f).sum())

    def rows_shown(self, f: ClaimFilter = ALL, order: Order = Order.TEXT) -> np.ndarray:
        """Row numbers of the claims passing ``f``, in ``order``."""
        keep = self.mask(f)
        ordered = self.text_order if order is Order.TEXT else self._newest_order()
        return ordered[keep[ordered]]

    def shown(self, f: ClaimFilter = ALL) -> list[Claim]:
        """Every claim passing ``f``, in text order (rebuilt once, then kept)."""
        return self.claims_at(self.rows_shown(f))

    def reported_after_window(self, f: ClaimFilter, keep: np.ndarray | None = None) -> int:
        """Shown claims dated only by a report after the window's end."""
        if f.end is None:
            return 0
        keep = self.mask(f) if keep is None else keep
        return int((keep & (self.dating == 2) & (self.last > f.end.toordinal())).sum())

    # -- aggregates --------------------------------------------------------------------------

    def _place_meta(self) -> list[dict[str, Any]]:
        """Name, point, radius and precision of each place over all its claims (the rule of
        :func:`store.semantics.summarize_places`)."""
        meta: list[dict[str, Any]] = [
            {"names": [], "mentions": [], "lat": [], "lon": [], "radius": [], "precision": []}
            for _ in self.place.labels
        ]
        at = _AT
        for code, row in zip(self.place.codes.tolist(), self.rows, strict=True):
            if code < 0:
                continue
            m = meta[code]
            for key, name in (("names", "place"), ("mentions", "place_mention"),
                              ("lat", "lat"), ("lon", "lon"), ("radius", "radius_km"),
                              ("precision", "place_precision")):  # fmt: skip
                value = row[at[name]]
                if value:
                    m[key].append(value)
        out = []
        for key, m in zip(self.place.labels, meta, strict=True):
            name = min(m["names"]) if m["names"] else min(m["mentions"]) if m["mentions"] else key
            out.append({
                "name": name, "lat": float(min(m["lat"], default=0.0)),
                "lon": float(min(m["lon"], default=0.0)),
                "radius_km": float(max(m["radius"])) if m["radius"] else None,
                "precision": min(m["precision"]) if m["precision"] else None,
            })  # fmt: skip
        return out

    def places(self, f: ClaimFilter = ALL, samples: int = 5) -> list[PlaceSummary]:
        return self.places_of(self.mask(f), samples)

    def places_of(self, keep: np.ndarray, samples: int = 5) -> list[PlaceSummary]:
        """:meth:`places` for a mask already computed."""
        keep = keep & (self.place.codes >= 0)
        idx = np.flatnonzero(keep)
        codes = self.place.codes[idx]
        n_places, n_sides = len(self.place.labels), len(self.side.labels)
        counts = np.bincount(codes, minlength=n_places)
        by_side = np.bincount(
            codes * n_sides + self.side.codes[idx], minlength=n_places * n_sides
        ).reshape(n_places, n_sides)
        by_dating = np.bincount(codes * 4 + self.dating[idx], minlength=n_places * 4).reshape(
            n_places, 4
        )
        dated = self.dating[idx] != 3
        lo = np.full(n_places, np.iinfo(np.int64).max)
        hi = np.full(n_places, UNDATED)
        np.minimum.at(lo, codes[dated], self.anchor[idx][dated])
        np.maximum.at(hi, codes[dated], self.last[idx][dated])
        picked = self._newest(idx, codes, samples)
        out = [
            self._summary(int(p), int(counts[p]), by_side[p], by_dating[p], lo[p], hi[p],
                          picked.get(int(p), ()))
            for p in np.flatnonzero(counts)
        ]  # fmt: skip
        out.sort(key=lambda s: (-s.count, s.name, s.key))
        return out

    def _newest_key(self, idx: np.ndarray) -> tuple[np.ndarray, ...]:
        """lexsort keys (last first) of the newest-first order: by last day, undated last,
        then by id."""
        undated = self.dating[idx] == 3
        newest = np.where(undated, 0, -self.last[idx])
        return (self.id_rank[idx], newest, undated)

    def _newest_order(self) -> np.ndarray:
        return np.lexsort(self._newest_key(np.arange(self.n)))

    def _newest(self, idx: np.ndarray, codes: np.ndarray, n: int) -> dict[int, list[int]]:
        """Row numbers of the ``n`` newest claims of each place."""
        if n <= 0 or not len(idx):
            return {}
        order = np.lexsort((*self._newest_key(idx), codes))
        sorted_codes = codes[order]
        starts = np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1]])
        rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
        chosen = order[rank < n]
        picked: dict[int, list[int]] = {}
        for code, row in zip(codes[chosen].tolist(), idx[chosen].tolist(), strict=True):
            picked.setdefault(code, []).append(row)
        return picked

    def _summary(
        self, p: int, count: int, by_side: np.ndarray, by_dating: np.ndarray, lo: int, hi: int,
        rows: Sequence[int],
    ) -> PlaceSummary:  # fmt: skip
        meta = self.place_meta[p]
        sides = [(self.side.labels[s], int(n)) for s, n in enumerate(by_side) if n]
        datings = frozenset(DATINGS[d] for d, n in enumerate(by_dating) if n)
        days = None if datings == {Dating.UNDATED} else (
            date.fromordinal(int(lo)), date.fromordinal(int(hi)))  # fmt: skip
        return PlaceSummary(
            key=self.place.labels[p], name=meta["name"], lat=meta["lat"], lon=meta["lon"],
            radius_km=meta["radius_km"], precision=meta["precision"], count=count,
            side_counts=ranked(sides), datings=datings, days=days,
            samples=tuple(self.claims_at(rows)),
        )  # fmt: skip

    def timeline(self, f: ClaimFilter = ALL) -> list[DayCount]:
        return self.timeline_of(self.mask(f))

    def timeline_of(self, keep: np.ndarray) -> list[DayCount]:
        """Claims per timeline day, side and dating (undated last), for a mask."""
        idx = np.flatnonzero(keep)
        frame = pd.DataFrame(
            {"day": self.anchor[idx], "side": self.side.codes[idx], "dating": self.dating[idx]}
        )
        out = []
        for (day, side, dated), n in frame.groupby(["day", "side", "dating"]).size().items():
            when = None if day == UNDATED else date.fromordinal(int(day))
            out.append(DayCount(when, self.side.labels[int(side)], int(n), DATINGS[int(dated)]))
        out.sort(key=timeline_order)
        return out

    def page(
        self,
        f: ClaimFilter = ALL,
        offset: int = 0,
        limit: int = 100,
        order: Order = Order.TEXT,
        place: str | None = None,
    ) -> Page:
        """``limit`` claims from ``offset`` (optionally only those at the place ``place``)."""
        keep = self.mask(f)
        if place is not None:
            keep &= self.place.only([place])
        return self.page_of(keep, offset, limit, order)

    def page_of(
        self, keep: np.ndarray, offset: int = 0, limit: int = 100, order: Order = Order.TEXT
    ) -> Page:
        ordered = self.text_order if order is Order.TEXT else self._newest_order()
        rows = ordered[keep[ordered]]
        return Page(tuple(self.claims_at(rows[offset : offset + limit])), len(rows), offset, limit)

    def overview(self, f: ClaimFilter = ALL) -> Overview:
        """Totals, date domain, facets and bounds of the claims passing ``f``."""
        return self.overview_of(self.mask(f))

    def overview_of(self, keep: np.ndarray) -> Overview:
        dated = keep & (self.dating != 3)
        first = date.fromordinal(int(self.anchor[dated].min())) if dated.any() else None
        last = date.fromordinal(int(self.last[dated].max())) if dated.any() else None
        located = keep & (self.place.codes >= 0)
        bounds = None
        if located.any():  # the places' points, each place once (its claims share it)
            used = np.unique(self.place.codes[located]).tolist()
            lat = np.array([self.place_meta[c]["lat"] for c in used])
            lon = np.array([self.place_meta[c]["lon"] for c in used])
            bounds = ((float(lat.min()), float(lon.min())), (float(lat.max()), float(lon.max())))
        return Overview(
            claims=int(keep.sum()), articles=len(np.unique(self.file.codes[keep])),
            first_day=first, last_day=last, outlets=self._facet(self.outlet, keep),
            sides=self._facet(self.side, keep), kinds=self._facet(self.kind, keep),
            bounds=bounds,
        )  # fmt: skip

    @staticmethod
    def _facet(codes: _Codes, keep: np.ndarray) -> tuple[tuple[str, int], ...]:
        counts = np.bincount(codes.codes[keep & (codes.codes >= 0)], minlength=len(codes.labels))
        return ranked((str(codes.labels[i]), int(n)) for i, n in enumerate(counts) if n)

    def unresolved(self, f: ClaimFilter = ALL, files: int = 5) -> list[Unresolved]:
        """Place names the gazetteer could not resolve, most frequent first, with some files."""
        keep = self.mask(f) & (self.unresolved_place.codes >= 0)
        acc: dict[str, set[str]] = {}
        counts: dict[str, int] = {}
        for code, file in zip(self.unresolved_place.codes[keep].tolist(),
                              self.file.codes[keep].tolist(), strict=True):  # fmt: skip
            name = self.unresolved_place.labels[code]
            acc.setdefault(name, set()).add(self.file.labels[file])
            counts[name] = counts.get(name, 0) + 1
        out = [Unresolved(n, counts[n], tuple(sorted(acc[n])[:files])) for n in counts]
        out.sort(key=lambda u: (-u.count, u.name.casefold()))
        return out
