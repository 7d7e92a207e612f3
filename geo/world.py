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

from geo.exc import UnknownPlaceId
from geo.gazetteer import NO_MATCH, Gazetteer, LabelForms, _Cand
from geo.model import BBox, Place, Resolution
from geo.normalize import normalize
from geo.stopwords import common_words
from geo.stopwords import weak_names as curated_weak_names
from geo.worldindex import PROVINCE, WorldIndex

IMPORTANCE_RATIO = 4.0
# "Islamabad" is also an old name of Chattogram (4x bigger): a place answering to its own name
# wins over one that answers to an alternate name, unless that one is this much more important
# ("Kiev": Kyiv, not a hamlet called Kiev)
ALIAS_RATIO = 25.0
COUNTRY_CONTEXT = "country:"  # a context "province" value meaning "in this country"
# Nested candidates: a town over the division named after it ("Bar" town and municipality),
# a division over a village that shares its name ("Gezira").
_RANK = {"country": 0, "city": 1, "town": 2, "province": 3, "village": 4}
_POPULATION_SCALE = 10**10
_REGION_WORDS = {"region": "province", "regions": "province"}


class _Places(Sequence[Place]):
    """The places of a layer, made from the index only when looked at."""

    def __init__(self, index: WorldIndex, indexes: tuple[int, ...]) -> None:
        self._index, self._indexes = index, indexes
        self._made: list[Place | None] = [None] * len(indexes)

    def __len__(self) -> int:
        return len(self._indexes)

    def __getitem__(self, k: int) -> Place:  # type: ignore[override]
        got = self._made[k]
        if got is None:
            got = self._made[k] = self._index.place(self._indexes[k])
        return got


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
        names_only: bool = False,
    ) -> None:
        self.index = index
        self.indexes = tuple(indexes)
        self.fuzzy_ok = fuzzy and not exact_only
        self.exact_only = exact_only
        # in running text, find only names the layer knows (no likeness for unknown phrases)
        self.names_only = names_only or exact_only
        # places of this layer that a curated layer already has: answer with the curated one
        self.same_as = same_as or {}
        self._weak_common = weak_common
        self._common = common_words() if weak_common else frozenset()
        self._local = {i: k for k, i in enumerate(self.indexes)}
        self._places = _Places(index, self.indexes)  # type: ignore[assignment]
        self.provinces = tuple(
            index.province_of(i) for i in self.indexes if index.kind_code(i) == PROVINCE
        )
        self._province_by_name = {normalize(p.name): p for p in self.provinces}
        boxes = [p.bbox for p in self.provinces]
        self.country_bbox = (
            BBox(min(b.south for b in boxes), min(b.west for b in boxes),
                 max(b.north for b in boxes), max(b.east for b in boxes))
            if boxes
            else BBox(-90, -180, 90, 180)
        )  # fmt: skip
        self._index_all(index.labels_many(self.indexes))
        self._importance = [index.importance(i) for i in self.indexes]
        self._weak: frozenset[str] | None = None

    def _index_all(self, all_forms: list[list[LabelForms]]) -> None:
        """The name and key indexes of :class:`Gazetteer`, built in one pass (the same
        entries as its label-by-label build, without its per-entry scans)."""
        names: dict[str, list[tuple[int, bool]]] = {}
        keys: dict[str, list[tuple[int, bool]]] = {}
        cores: list[list[str]] = []
        for local, forms in enumerate(all_forms):
            pn: dict[str, bool] = {}
            pk: dict[str, bool] = {}
            mine: list[str] = []
            for norm, core, key, full_key, primary in forms:
                pn[norm] = pn.get(norm, False) or primary
                mine.append(core)
                if core != norm:
                    pn.setdefault(core, False)
                    pk.setdefault(full_key, False)
                if key:
                    pk[key] = pk.get(key, False) or (primary and core == norm)
            for n, prim in pn.items():
                names.setdefault(n, []).append((local, prim))
            for k, prim in pk.items():
                keys.setdefault(k, []).append((local, prim))
            cores.append(mine)
        self._names, self._keys, self._cores = names, keys, cores
        self._key_list = list(keys)
        self.first_words = frozenset(n.split(" ", 1)[0] for n in names)
        self.max_words = max((n.count(" ") + 1 for n in names), default=1)

    @property
    def places(self) -> tuple[Place, ...]:
        return tuple(self._places)

    def __len__(self) -> int:
        return len(self.indexes)

    def get(self, place_id: str) -> Place:
        i = self.index.place_id_index(place_id)
        if i is None or i not in self._local:
            raise UnknownPlaceId(place_id)
        return self.index.place(i)

    def _fuzzy(self, key: str, threshold: float, limit: int = 12) -> list[_Cand]:
        return super()._fuzzy(key, threshold, limit) if self.fuzzy_ok else []

    def _resolve_forms(
        self,
        name: str,
        norm: str,
        core: str,
        hint: str | None,
        box: BBox | None,
        prov: str | None,
        threshold: float,
        fuzzy: bool,
    ) -> Resolution:
        if hint is None and norm.endswith((" region", " regions")):
            hint = "province"  # "Kharkiv region" is the oblast, not the city
        if self.exact_only:
            if norm not in self._names and core not in self._names:
                return Resolution(name, reason=NO_MATCH)
            fuzzy = False
        common = core in self._common
        # A common word ("Said", "Police") names a town or a city exactly, never a village
        # and never by likeness.
        res = super()._resolve_forms(
            name, norm, core, hint, box, prov, threshold, fuzzy and not common
        )
        if (self.exact_only or common) and res.method == "key":
            return Resolution(name, reason=NO_MATCH)
        p = res.place
        if common and p is not None and p.kind == "village":
            return Resolution(name, reason=f"{NO_MATCH} (a common word)")
        if p is not None and p.id in self.same_as:
            return replace(res, place=self.same_as[p.id])
        return res

    def _fits(self, p: Place, box: BBox | None, prov: str | None) -> bool:
        if prov is not None and prov.startswith(COUNTRY_CONTEXT):
            return p.country == prov[len(COUNTRY_CONTEXT) :]
        return super()._fits(p, box, prov)

    def _short_form_in(self, key: str, prov: str, hint: str | None) -> int | None:
        """None: GeoNames lists the short forms it knows as alternate names; a prefix search
        over its hundreds of thousands of places would cost more than it finds."""
        return None

    def _important(self, cands: list[_Cand]) -> list[_Cand]:
        places, imp = self._places, self._importance
        own = [imp[c.idx] for c in cands if c.primary]
        if own:  # a place's own name outweighs another's alternate one, unless that is huge
            floor_alias = max(own) * ALIAS_RATIO
            cands = [c for c in cands if c.primary or imp[c.idx] >= floor_alias]
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
