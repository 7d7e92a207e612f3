"""A gazetteer scoped to the countries of a conflict: national layers first, then the world.

``load_gazetteer(countries=("UA", "RU"))`` builds one. Its layers, in the order they answer:

1. the curated **national layer** of each scope country that has one (Afghanistan:
   ``geo/data/gazetteer.csv``);
2. **countries** (every country's names; a national layer keeps its own country row);
3. the **world layer of the scope**: GeoNames places and first-level divisions of the scope
   countries that have no national layer;
4. the **world fallback** of the countries that have a national layer (GeoNames places the
   curated layer lacks), after the national layer has had its fuzzy chance;
5. outside the scope: in running text (:meth:`ScopedGazetteer.find_mentions`) only places of a
   country named in the same sentence ("the Chadian border town of Adré, Chad"); for a bare
   name (:meth:`ScopedGazetteer.resolve`) any place in the world by exact name, the more
   important of far-apart namesakes winning, never a common English word.

Exact and phonetic-key matches of every layer come before any fuzzy match, so a real name in
one layer beats a near-miss in another. Resolutions and mentions are the national gazetteer's
types; a place's ``country`` says where it is (None for the curated layer's own places).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from geo.exc import UnknownContext, UnknownCountry, UnknownPlaceId
from geo.gazetteer import (
    _MAY_NAME_CONTEXT,
    AMBIGUOUS,
    FUZZY_THRESHOLD,
    NO_MATCH,
    Context,
    Gazetteer,
)
from geo.mentions import find_mentions, tokens
from geo.model import BBox, Mention, Place, Province, Resolution
from geo.normalize import normalize, split_context, strip_generic
from geo.world import COUNTRY_CONTEXT, IMPORTANCE_RATIO, WorldLayer, common_words
from geo.worldindex import COUNTRY, PROVINCE, WorldIndex

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*\n")
_Loader = Callable[[], Gazetteer]


class ScopedGazetteer:
    """Layers of gazetteers for the countries ``countries`` (ISO alpha-2, first = main)."""

    def __init__(
        self,
        countries: Sequence[str],
        index: WorldIndex,
        national: dict[str, _Loader],
    ) -> None:
        self.countries: tuple[str, ...] = tuple(dict.fromkeys(c.strip().upper() for c in countries))
        unknown = [c for c in self.countries if c not in index.codes]
        if unknown or not self.countries:
            bad = unknown or list(countries)
            raise UnknownCountry(
                f"Expected ISO 3166-1 alpha-2 country codes like 'UA', instead got: {bad!r}."
            )
        self.index = index
        self._national_loaders = national
        self.national: tuple[Gazetteer, ...] = tuple(
            national[c]() for c in self.countries if c in national
        )
        covered = {c for c in self.countries if c in national}
        self._covered = covered
        world = [c for c in self.countries if c not in covered]
        self.countries_layer = WorldLayer(
            index,
            [r.start for c in index.codes if c not in covered and (r := index.country_range(c))],
            exact_only=True,
            weak_common=False,
        )
        self.world = self._layer(world) if world else None
        self.fallback = self._fallback_layer(sorted(covered)) if covered else None
        self._fuzzy_layers = tuple(g for g in (*self.national, self.world) if g is not None)
        self._outside = _Outside(self)
        self._plans = {(c, a): self._plan(c, a) for c in (False, True) for a in (False, True)}
        self._evidence: dict[str, Gazetteer] = {}
        self._outside_provinces: dict[str, str] = {}  # division outside the scope -> country
        self._cache: dict[tuple[str, str | None], Resolution] = {}

    def _layer(self, codes: Sequence[str]) -> WorldLayer:
        idx = [i for c in codes for i in self.index.country_range(c)]
        return WorldLayer(self.index, [i for i in idx if self.index.kind_code(i) != COUNTRY])

    def _fallback_layer(self, codes: Sequence[str]) -> WorldLayer:
        """The world places of countries with a curated layer; those the curated layer has
        too (same name, nearby) answer with the curated place."""
        raw = self._layer(codes)
        same: dict[str, Place] = {}
        for p in raw.places:
            for g in self.national:
                got = g.resolve_cached(p.name).place
                if got is not None and got.distance_km(p) <= max(got.radius_km, 5.0) + 5.0:
                    same[p.id] = got
                    break
        return WorldLayer(self.index, raw.indexes, same_as=same, names_only=True)

    # -- the gazetteer interface ------------------------------------------------------------

    @property
    def layers(self) -> tuple[Gazetteer, ...]:
        """Every layer inside the scope, in the order they answer."""
        extra = [g for g in (self.world, self.fallback) if g is not None]
        return (*self.national, self.countries_layer, *extra)

    @property
    def places(self) -> tuple[Place, ...]:
        """The places of the scope (national layers, then the world layer of the scope)."""
        scope = [g for g in (*self.national, self.world) if g is not None]
        return tuple(p for g in scope for p in g.places)

    def __len__(self) -> int:
        return len(self.places)

    @property
    def provinces(self) -> tuple[Province, ...]:
        scope = [g for g in (*self.national, self.world) if g is not None]
        return tuple(p for g in scope for p in g.provinces)

    @property
    def country_bbox(self) -> BBox:
        boxes = [self.index.box(self.index.country_range(c).start) for c in self.countries]
        real = [b for b in boxes if b is not None]
        if not real:
            return BBox(-90, -180, 90, 180)
        return BBox(min(b.south for b in real), min(b.west for b in real),
                    max(b.north for b in real), max(b.east for b in real))  # fmt: skip

    @staticmethod
    def label(p: Place) -> str:
        return WorldLayer.label(p) if p.country else Gazetteer.label(p)

    def get(self, place_id: str) -> Place:
        """The place with this id in any layer; raises :class:`~geo.exc.UnknownPlaceId`."""
        for g in self.national:
            try:
                return g.get(place_id)
            except UnknownPlaceId:
                pass
        i = self.index.place_id_index(place_id)
        if i is None:
            raise UnknownPlaceId(place_id)
        return self.index.place(i)

    def has_name(self, norm: str) -> bool:
        return any(g.has_name(norm) for g in self.layers)

    def all_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for g in self.layers for n in g.all_names()))

    def province(self, name: str) -> Province | None:
        """The first-level division this name denotes: national, then the scope's, then any."""
        for g in (*self.national, self.world, self.fallback):
            if g is not None and (hit := g.province(name)) is not None:
                return hit
        core, _ = strip_generic(normalize(name))
        found = [i for i, _ in self.index.lookup(core) if self.index.kind_code(i) == PROVINCE]
        if len(found) != 1:
            return None
        province = self.index.province_of(found[0])
        self._outside_provinces[province.name] = province.pcode[:2]
        return province

    def context_box(self, context: Context) -> tuple[BBox | None, str | None]:
        """(box, province or ``"country:XX"``) of a context; raises UnknownContext."""
        if context is None or isinstance(context, (BBox, tuple)):
            return Gazetteer.context_box(self.countries_layer, context)
        prov = self.province(context)
        if prov is not None:
            return prov.bbox, prov.name
        code = self._country_of(context)
        if code is not None:
            box = self.index.box(self.index.country_range(code).start)
            return box, COUNTRY_CONTEXT + code
        raise UnknownContext(f"unknown province for context: {context!r}")

    def _country_of(self, name: str) -> str | None:
        res = self.countries_layer.resolve_cached(name)
        if res.place is not None and res.place.kind == "country":
            return res.place.country
        for g in self.national:
            r = g.resolve_cached(name)
            if r.place is not None and r.place.kind == "country":
                return self._national_code(g)
        return None

    def _national_code(self, g: Gazetteer) -> str:
        for code in self.countries:
            if code in self._national_loaders and self._national_loaders[code]() is g:
                return code
        return ""

    # -- resolution -------------------------------------------------------------------------

    def resolve(
        self,
        name: str,
        context: Context = None,
        *,
        kind: str | None = None,
        threshold: float = FUZZY_THRESHOLD,
    ) -> Resolution:
        """Resolve a name through the layers; never raises for an unknown name.

        ``context``: a province/division or country name, or a box. Raises UnknownContext
        for a context no layer knows."""
        if context is None and _MAY_NAME_CONTEXT.search(name) and (split := split_context(name)):
            try:
                box, prov = self.context_box(split[1])
            except UnknownContext:
                pass
            else:
                res = self._resolve(split[0], box, prov, kind, threshold, anywhere=True)
                return replace(res, query=name)
        box, prov = self.context_box(context)
        return self._resolve(name, box, prov, kind, threshold, anywhere=True)

    def resolve_cached(self, name: str, kind: str | None = None) -> Resolution:
        """:meth:`resolve` without context and inside the scope only (as running text needs:
        no evidence, no place outside), memoised."""
        key = (name, kind)
        got = self._cache.get(key)
        if got is None:
            if len(self._cache) > 8192:
                self._cache.clear()
            got = self._cache[key] = self._resolve(name, None, None, kind, FUZZY_THRESHOLD)
        return got

    def _resolve(
        self,
        name: str,
        box: BBox | None,
        prov: str | None,
        kind: str | None,
        threshold: float,
        *,
        anywhere: bool = False,
    ) -> Resolution:
        if prov is not None and prov.startswith(COUNTRY_CONTEXT):
            code = prov[len(COUNTRY_CONTEXT) :]
            if code not in self.countries:  # "Bar, Montenegro": that country's places only
                return self._country_gazetteer(code)._resolve(name, None, None, kind, threshold)
        elif prov is not None and prov in self._outside_provinces:
            # "Khost district of Baghlan" with Afghanistan outside the scope: its gazetteer
            g = self._country_gazetteer(self._outside_provinces[prov])
            try:
                return g.resolve(name, prov, kind=kind)
            except UnknownContext:  # the curated layer spells the division differently
                return g.resolve(name, kind=kind)
        norm = normalize(name)
        if not norm:
            return Resolution(name, reason="empty name after normalisation")
        core, hint = strip_generic(norm)
        hint = kind or hint
        first: Resolution | None = None
        for fuzzy, g in self._stages(norm, core, anywhere):
            b, p = self._context_for(g, box, prov) if prov is not None else (box, None)
            res = g._resolve_forms(name, norm, core, hint, b, p, threshold, fuzzy)
            if res.resolved or res.reason == AMBIGUOUS:
                return res
            if first is None or (fuzzy and not first.candidates and res.candidates):
                first = res
        return first or Resolution(name, reason=NO_MATCH)

    def _stages(self, norm: str, core: str, anywhere: bool) -> tuple[tuple[bool, Any], ...]:
        """(fuzzy, layer) in the order they answer: exact and key matches in the scope
        (countries by exact name only); then (an explicit query only) exact names anywhere;
        then fuzzy matches in the scope; then the world places of the countries with a
        curated layer."""
        names = self.countries_layer._names
        return self._plans[(norm in names or core in names, anywhere)]

    def _plan(self, countries: bool, anywhere: bool) -> tuple[tuple[bool, Any], ...]:
        exact = [*self.national, *([self.countries_layer] if countries else [])]
        exact += [g for g in (self.world,) if g is not None]
        exact += [self._outside] if anywhere else []
        fuzzy = [*self._fuzzy_layers, *([self.fallback] if self.fallback is not None else [])]
        return (*((False, g) for g in exact), *((True, g) for g in fuzzy))

    def _context_for(
        self, g: Gazetteer, box: BBox | None, prov: str | None
    ) -> tuple[BBox | None, str | None]:
        """The context as layer ``g`` understands it (a country context narrows world layers;
        a province only its own layer)."""
        if prov is None:
            return box, None
        if prov.startswith(COUNTRY_CONTEXT):
            return (None, prov) if isinstance(g, WorldLayer) else (None, None)
        known = any(p.name == prov for p in g.provinces)
        return (box, prov) if known else (None, None)

    # -- running text -----------------------------------------------------------------------

    def find_mentions(self, text: str) -> list[Mention]:
        """Place mentions in ``text``, in order: every layer of the scope, and places of a
        country outside it only in a sentence that names that country."""
        found: list[Mention] = []
        words = tokens(text)
        for g in self.layers:
            found.extend(find_mentions(g, text, words))
        found.extend(self._evidence_mentions(text, found))
        return _merge(found)

    def _evidence_mentions(self, text: str, found: list[Mention]) -> list[Mention]:
        named = {
            m.resolution.place.country or self._national_code_of(m.resolution.place): m
            for m in found
            if m.resolution.place is not None and m.resolution.place.kind == "country"
        }
        outside = {c: m for c, m in named.items() if c and c not in self.countries}
        if not outside:
            return []
        out: list[Mention] = []
        for start, end in _sentences(text):
            for code, m in outside.items():
                if start <= m.start < end:
                    out.extend(
                        _shifted(
                            self._country_gazetteer(code).find_mentions(text[start:end]),
                            start,
                            text,
                        )
                    )
        return out

    def _national_code_of(self, place: Place) -> str:
        for code, loader in self._national_loaders.items():
            try:
                loader().get(place.id)
                return code
            except UnknownPlaceId:
                continue
        return ""

    def _country_gazetteer(self, code: str) -> Gazetteer:
        got = self._evidence.get(code)
        if got is None:
            loader = self._national_loaders.get(code)
            got = loader() if loader is not None else self._layer([code])
            self._evidence[code] = got
        return got


class _Outside:
    """A bare name outside the scope: exact names anywhere in the world, importance-ranked,
    never a common English word or a name of three letters or less."""

    provinces: tuple[Province, ...] = ()

    def __init__(self, scope: ScopedGazetteer) -> None:
        self.scope = scope

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
        index = self.scope.index
        if not core or core in common_words() or len(core) <= 3:
            return Resolution(name, reason=NO_MATCH)  # "Said", "Bar": a word, not a village
        hits = index.lookup(norm) or index.lookup(core)
        if not hits:
            return Resolution(name, reason=NO_MATCH)
        layer = WorldLayer(index, sorted({i for i, _ in hits}))
        return layer._resolve_forms(name, norm, core, hint, box, prov, threshold, False)


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _shifted(mentions: list[Mention], offset: int, text: str) -> list[Mention]:
    return [
        Mention(
            m.start + offset, m.end + offset, text[m.start + offset : m.end + offset], m.resolution
        )
        for m in mentions
    ]


def _merge(found: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions in text order: answered ones (resolved, or found ambiguous)
    first, in layer order; then unanswered ones where no answered mention overlaps them."""
    taken: list[Mention] = []

    def free(m: Mention) -> bool:
        return all(m.end <= t.start or m.start >= t.end for t in taken)

    for want in (True, False):
        for m in found:
            answered = m.resolution.resolved or m.resolution.reason == AMBIGUOUS
            if answered is want and free(m):
                taken.append(m)
    return sorted(taken, key=lambda m: (m.start, m.end))


__all__ = ["IMPORTANCE_RATIO", "ScopedGazetteer"]
