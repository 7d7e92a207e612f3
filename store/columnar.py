"""The same questions as :mod:`store.query`, answered from columns held in memory (numpy).

Load once (:meth:`ColumnarClaims.from_store`), then each filter is a few vectorised masks and
each per-place aggregate a ``bincount``. ``benchmarks/store.py`` measures this against the
database at 100,000 claims; ``tests/store/test_store_query.py`` holds both to the same
answers. Memory: every claim is held (about 1 KB each with its quote).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from claims.model import CLAIM_FIELDS, Claim
from store.query import ALL, ClaimFilter, DayCount, PlaceSummary
from store.rows import claim_from_row
from store.schema import claims as claims_table

UNDATED = np.iinfo(np.int64).min  # ordinal of "no day"
COLUMNS = (*CLAIM_FIELDS, "outlet_key", "day_first", "day_last", "place_key", "quote_folded")


def _ordinal(value: Any) -> int:
    """A day's ordinal; UNDATED for None or a missing value (pandas gives NaN)."""
    if isinstance(value, date):
        return value.toordinal()
    if isinstance(value, str):
        return date.fromisoformat(value).toordinal()
    return UNDATED


def _ordinals(values: Sequence[date | str | None]) -> np.ndarray:
    return np.fromiter((_ordinal(v) for v in values), dtype=np.int64, count=len(values))


@dataclass
class _Codes:
    """A text column as integer codes, with the labels they stand for."""

    codes: np.ndarray
    labels: list[Any]

    @classmethod
    def of(cls, values: Sequence[Any]) -> _Codes:
        codes, labels = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
        return cls(codes.astype(np.int64), list(labels))

    def excluding(self, names: frozenset[str]) -> np.ndarray:
        bad = [i for i, label in enumerate(self.labels) if label in names]
        return ~np.isin(self.codes, bad) if bad else np.ones(len(self.codes), dtype=bool)


class ColumnarClaims:
    """Claims as columns: filter with masks, aggregate with bincount."""

    def __init__(
        self, frame: pd.DataFrame, roots: Sequence[str | None], rows: Sequence[Any]
    ) -> None:
        self.rows = rows  # the original rows (plain Python values) claims are rebuilt from
        self.frame = frame.reset_index(drop=True)
        f = self.frame
        self.n = len(f)
        self.outlet = _Codes.of(f["outlet_key"].tolist())
        self.side = _Codes.of(f["side"].tolist())
        self.kind = _Codes.of(f["kind"].tolist())
        self.place = _Codes.of(f["place_key"].tolist())
        self.root = _Codes.of(list(roots))
        self.first = _ordinals(f["day_first"].tolist())
        self.last = _ordinals(f["day_last"].tolist())
        self.quotes = f["quote_folded"].astype(object).to_numpy()
        order = np.lexsort((f["id"].to_numpy(), f["quote_start"].to_numpy(), f["file"].to_numpy()))
        self.text_order = order
        self.id_rank = np.empty(self.n, dtype=np.int64)
        self.id_rank[np.argsort(f["id"].to_numpy(dtype=str), kind="stable")] = np.arange(self.n)
        self.place_meta = self._place_meta()

    def _place_meta(self) -> dict[str, dict[str, Any]]:
        """Name, point, radius and precision of each place over all its claims (the store's
        own rule, taken once: a gazetteer place has the same ones in every claim)."""
        located = self.frame[self.frame["place_key"].notna()]
        grouped = located.groupby("place_key", sort=False)
        names = grouped["place"].min()
        mentions = grouped["place_mention"].min()
        meta = {}
        for key, lat, lon, radius, precision in zip(
            grouped["lat"].min().index, grouped["lat"].min(), grouped["lon"].min(),
            grouped["radius_km"].max(), grouped["place_precision"].min(), strict=True,
        ):  # fmt: skip
            name = names.get(key)
            name = name if isinstance(name, str) else mentions.get(key)
            meta[key] = {
                "name": name if isinstance(name, str) else key, "lat": float(lat),
                "lon": float(lon), "radius_km": float(radius) if radius and radius == radius
                else None, "precision": precision if isinstance(precision, str) else None,
            }  # fmt: skip
        return meta

    @classmethod
    def from_store(cls, store: Any) -> ColumnarClaims:
        """Every claim of ``store`` (a :class:`store.database.Store`), in one read."""
        from sqlalchemy import select

        from store.schema import articles

        cols = [claims_table.c[n] for n in COLUMNS]
        q = select(*cols, articles.c.root).join(
            articles, articles.c.pk == claims_table.c.article_pk
        )
        with store.reading() as conn:  # raw driver rows: no per-value conversion (3× faster)
            sql = str(q.compile(dialect=conn.dialect))
            rows = conn.exec_driver_sql(sql).fetchall()
        frame = pd.DataFrame(rows, columns=[*COLUMNS, "root"])
        return cls(frame.drop(columns=["root"]), frame["root"].tolist(), rows)

    def mask(self, f: ClaimFilter = ALL) -> np.ndarray:
        keep = self.outlet.excluding(f.excluded_outlets)
        keep &= self.side.excluding(f.excluded_sides)
        keep &= self.kind.excluding(f.excluded_kinds)
        dated = self.first != UNDATED
        window = dated.copy()
        if f.start is not None:
            window &= self.last >= f.start.toordinal()
        if f.end is not None:
            window &= self.first <= f.end.toordinal()
        keep &= (window | ~dated) if f.include_undated else window
        for term in f.terms():
            idx = np.flatnonzero(keep)
            hits = np.fromiter((term in q for q in self.quotes[idx]), bool, len(idx))
            keep[idx[~hits]] = False
        if f.roots is not None:
            keep &= ~self.root.excluding(f.roots)
        return keep

    def count(self, f: ClaimFilter = ALL) -> int:
        return int(self.mask(f).sum())

    def _claim(self, i: int) -> Claim:
        return claim_from_row(dict(zip(COLUMNS, self.rows[int(i)], strict=False)))

    def places(self, f: ClaimFilter = ALL, samples: int = 5) -> list[PlaceSummary]:
        keep = self.mask(f) & (self.place.codes >= 0)
        idx = np.flatnonzero(keep)
        codes = self.place.codes[idx]
        n_places, n_sides = len(self.place.labels), len(self.side.labels)
        counts = np.bincount(codes, minlength=n_places)
        by_side = np.bincount(codes * n_sides + self.side.codes[idx], minlength=n_places * n_sides)
        by_side = by_side.reshape(n_places, n_sides)
        first, last = self.first[idx], self.last[idx]
        dated = first != UNDATED
        undated = np.bincount(codes, weights=~dated, minlength=n_places).astype(np.int64)
        lo = np.full(n_places, np.iinfo(np.int64).max)
        hi = np.full(n_places, UNDATED)
        np.minimum.at(lo, codes[dated], first[dated])
        np.maximum.at(hi, codes[dated], last[dated])
        picked = self._newest(idx, codes, dated, samples)
        out = [
            self._summary(int(p), int(counts[p]), int(undated[p]), by_side[p], lo[p], hi[p],
                          picked.get(int(p), ()))
            for p in np.flatnonzero(counts)
        ]  # fmt: skip
        out.sort(key=lambda s: (-s.count, s.name, s.key))
        return out

    def _newest(
        self, idx: np.ndarray, codes: np.ndarray, dated: np.ndarray, n: int
    ) -> dict[int, list[int]]:
        """Row numbers of the ``n`` newest claims of each place (undated last, then id)."""
        if n <= 0 or not len(idx):
            return {}
        newest = np.where(dated, -self.first[idx], 0)
        order = np.lexsort((self.id_rank[idx], newest, ~dated, codes))
        sorted_codes = codes[order]
        starts = np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1]])
        rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
        chosen = order[rank < n]
        picked: dict[int, list[int]] = {}
        for code, row in zip(codes[chosen].tolist(), idx[chosen].tolist(), strict=True):
            picked.setdefault(code, []).append(row)
        return picked

    def _summary(
        self, p: int, count: int, undated: int, by_side: np.ndarray, lo: int, hi: int,
        rows: Sequence[int],
    ) -> PlaceSummary:  # fmt: skip
        key = self.place.labels[p]
        meta = self.place_meta[key]
        sides = [(self.side.labels[s], int(n)) for s, n in enumerate(by_side) if n]
        return PlaceSummary(
            key=key, name=meta["name"], lat=meta["lat"], lon=meta["lon"],
            radius_km=meta["radius_km"], precision=meta["precision"], count=count,
            undated=undated,
            side_counts=tuple(sorted(sides, key=lambda kv: (-kv[1], kv[0].casefold()))),
            first_day=date.fromordinal(int(lo)) if undated < count else None,
            last_day=date.fromordinal(int(hi)) if undated < count else None,
            samples=tuple(self._claim(i) for i in rows),
        )  # fmt: skip

    def timeline(self, f: ClaimFilter = ALL) -> list[DayCount]:
        idx = np.flatnonzero(self.mask(f))
        frame = pd.DataFrame({"day": self.first[idx], "side": self.side.codes[idx]})
        out = []
        for (day, side), n in frame.groupby(["day", "side"]).size().items():
            when = None if day == UNDATED else date.fromordinal(int(day))
            out.append(DayCount(when, self.side.labels[int(side)], int(n)))
        out.sort(key=lambda r: (r.day is None, r.day or date.min, r.side))
        return out

    def page(self, f: ClaimFilter = ALL, offset: int = 0, limit: int = 100) -> list[Claim]:
        """Claims in text order (article path, position), ``limit`` from ``offset``."""
        keep = self.mask(f)
        ordered = self.text_order[keep[self.text_order]]
        return [self._claim(i) for i in ordered[offset : offset + limit]]
