"""A world layer: the places of some countries from the compact world index, as a gazetteer.

The matching rules are the national gazetteer's (:class:`~geo.gazetteer.Gazetteer`: exact →
phonetic key → fuzzy; kind hints and a context narrow; nested levels collapse; different
places tie as "ambiguous"), with what a world of namesakes needs on top:

- **importance**: among different places of one name, one far less populous than the best
  (by :data:`IMPORTANCE_RATIO` or more) is dropped before ties are judged, so "Balakliia"
  is the town of 26,000 in Kharkiv oblast, not the village of 500 elsewhere; comparable
  namesakes stay ambiguous. A division and a place inside it that share a name are one
  place seen at two levels, never rivals (Kherson city and Kherson oblast).
- **common words are weak**: a name equal to a frequent English word (``common_words.txt``:
  "Bar", "Said", "Police", "Nice"), a known person name, or of at most three letters counts
  in running text only in a place context ("in Bar"); so does a one-word name followed by
  an unknown capitalised word ("Vladimir Putin").
- "X region" asks for a division, like "X oblast".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path

from geo.gazetteer import NO_MATCH, Gazetteer, _Cand
from geo.model import BBox, Place, Province, Resolution
from geo.normalize import normalize, strip_generic
from geo.stopwords import weak_names as curated_weak_names
from geo.worldindex import WorldIndex

IMPORTANCE_RATIO = 4.0
COUNTRY_CONTEXT = "country:"  # a context "province" value meaning "in this country"
# Nested candidates: a town over the division named after it ("Bar" town and municipality),
# a division over a village that shares its name ("Gezira").
_RANK = {"country": 0, "city": 1, "town": 2, "province": 3, "village": 4}
_POPULATION_SCALE = 10**10
_REGION_WORDS = {"region": "province", "regions": "province"}


@cache
def common_words() -> frozenset[str]:
    """Frequent lower-case English words (geo/data/common_words.txt)."""
    path = Path(str(resources.files("geo").joinpath("data", "common_words.txt")))
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if w)


class WorldLayer(Gazetteer):
    """Places ``indexes`` of the world index (their own divisions as provinces)."""

    person_guard = True  # "Vladimir Putin" is not the city of Vladimir

    def __init__(
        self,
        index: WorldIndex,
        indexes: Sequence[int],
        *,
        fuzzy: bool = True,
        weak_common: bool = True,
        exact_only: bool = False,
        same_as: dict[str, Place] | None = None,
    ) -> None:
        self.index = index
        self.indexes = tuple(indexes)
        self.fuzzy_ok = fuzzy and not exact_only
        self.exact_only = exact_only
        # places of this layer that a curated layer already has: answer with the curated one
        self.same_as = same_as or {}
        self._weak_common = weak_common
        places = [index.place(i) for i in self.indexes]
        provinces: list[Province] = [
            index.province_of(i) for i, p in zip(self.indexes, places, strict=True)
            if p.kind == "province"
        ]  # fmt: skip
        super().__init__(places, provinces, labels=index.labels_many(self.indexes))
        self._importance = [index.importance(i) for i in self.indexes]
        self._weak: frozenset[str] | None = None

    def _fuzzy(self, key: str, threshold: float, limit: int = 12) -> list[_Cand]:
        return super()._fuzzy(key, threshold, limit) if self.fuzzy_ok else []

    def _resolve(
        self,
        name: str,
        box: BBox | None,
        prov: str | None,
        kind: str | None,
        threshold: float,
        *,
        fuzzy: bool = True,
    ) -> Resolution:
        if kind is None and name.rstrip().lower().endswith((" region", " regions")):
            kind = "province"  # "Kharkiv region" is the oblast, not the city
        core, _ = strip_generic(normalize(name))
        if self._weak_common and core in common_words():
            # A common word ("Said", "Police") names a town or a city exactly, never a village
            # and never by likeness.
            res = super()._resolve(name, box, prov, kind, threshold, fuzzy=False)
            p = res.place
            if res.method == "key" or (p is not None and p.kind == "village"):
                return Resolution(name, reason=f"{NO_MATCH} (a common word)")
            return res
        res = super()._resolve(name, box, prov, kind, threshold, fuzzy=fuzzy)
        if self.exact_only and res.method == "key":
            return Resolution(name, reason=NO_MATCH)
        if res.place is not None and res.place.id in self.same_as:
            return replace(res, place=self.same_as[res.place.id])
        return res

    def _fits(self, p: Place, box: BBox | None, prov: str | None) -> bool:
        if prov is not None and prov.startswith(COUNTRY_CONTEXT):
            return p.country == prov[len(COUNTRY_CONTEXT) :]
        return super()._fits(p, box, prov)

    def _important(self, cands: list[_Cand]) -> list[_Cand]:
        places, imp = self._places, self._importance
        best = max(cands, key=lambda c: imp[c.idx])
        floor = imp[best.idx] / IMPORTANCE_RATIO
        return [
            c
            for c in cands
            if imp[c.idx] >= floor or self._same_place(places[best.idx], places[c.idx])
        ]

    @staticmethod
    def _kind_rank(p: Place) -> int:
        """Kind first (a city over its own division), then the more populous of two points
        of one place (a town and a fort inside it)."""
        return _RANK.get(p.kind, 9) * _POPULATION_SCALE - min(p.population, _POPULATION_SCALE - 1)

    def kind_of_hint(self, word: str) -> str | None:
        return _REGION_WORDS.get(word) or super().kind_of_hint(word)

    def weak_names(self) -> frozenset[str]:
        if self._weak is None:
            common = common_words() if self._weak_common else frozenset()
            self._weak = curated_weak_names(self) | frozenset(
                n for n in self.all_names() if n in common
            )
        return self._weak

    @staticmethod
    def label(p: Place) -> str:
        """ "Lyman (Donetska oblast, UA town)": division and country tell namesakes apart."""
        if p.kind in ("country", "province") or not p.province:
            return f"{p.name} ({p.country} {p.kind})"
        return f"{p.name} ({p.province}, {p.country} {p.kind})"
