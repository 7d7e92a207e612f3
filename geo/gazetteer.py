"""The offline gazetteer: load geo/data, resolve names (exact → phonetic key → fuzzy).

Resolution order, stopping at the first stage that yields candidates:

1. exact name or alias of the normalised query (``"Panjshir Valley"``, ``"Kotal-e Khawak"``);
2. the same with generic words removed (``"Khinj District"`` → ``"khinj"``, hint: district);
3. the same phonetic key (``"Onabah"``, ``"Bazaraak"``, ``"Dashte Rewat"``);
4. fuzzy similarity of phonetic keys (rapidfuzz) above a threshold.

Within a stage, a kind hint ("district", "valley" …) and a context (a province name or a
box) narrow the candidates when some of them fit. Candidates that are the same place seen at
different levels (Kabul city / district / province, Bazarak town / district) collapse to the
most specific useful one by kind rank; candidates that are different places (two districts
named Arghandab, two fuzzy hits in different provinces) give an unresolved "ambiguous"
resolution listing them — never a guess.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, overload

from rapidfuzz import fuzz, process

from geo.exc import GazetteerDataError, UnknownContext, UnknownPlaceId
from geo.mentions import find_mentions
from geo.model import BBox, Mention, Place, Province, Resolution
from geo.normalize import (
    GENERIC_SUFFIXES,
    normalize,
    phonetic_key,
    split_context,
    strip_generic,
)
from geo.stopwords import weak_names

FUZZY_THRESHOLD = 80.0
FUZZY_MARGIN = 3.0  # two different places scoring within this of each other: ambiguous
MIN_FUZZY_KEY = 4  # keys shorter than this only match exactly
MIN_PREFIX_KEY = 6  # a short form must be this long to stand for a longer name in its province
NO_MATCH = "no gazetteer entry within similarity threshold"
AMBIGUOUS = "ambiguous"

# Which place wins when candidates are the same place at different levels.
KIND_RANK = {
    "country": 0,
    "city": 1,
    "province": 2,
    "town": 3,
    "district": 4,
    "valley": 5,
    "river": 6,
    "pass": 7,
    "range": 8,
    "locality": 9,
    "village": 10,
}
# A kind hint from a generic word accepts these kinds.
HINT_KINDS = {
    "district": {"district"},
    "province": {"province"},
    "valley": {"valley"},
    "pass": {"pass"},
    "village": {"village", "town", "locality"},
    "town": {"town", "city", "village"},
    "city": {"city", "town"},
    "river": {"river"},
    "range": {"range"},
}

if TYPE_CHECKING:
    from geo.scope import ScopedGazetteer

Context = str | BBox | tuple[float, float, float, float] | None
_MAY_NAME_CONTEXT = re.compile(r",| (?:of|in) ", re.IGNORECASE)


# (normalised label, its core without generic words, phonetic key of the core, phonetic key
# of the whole label, is the place's own name)
LabelForms = tuple[str, str, str, str, bool]


def label_forms(labels: Sequence[str]) -> list[LabelForms]:
    """The index forms of a place's name and aliases (first = its own name); empty ones skipped."""
    out: list[LabelForms] = []
    for j, label in enumerate(labels):
        norm = normalize(label)
        if not norm:
            continue
        core, _ = strip_generic(norm)
        out.append((norm, core, phonetic_key(core), phonetic_key(norm), j == 0))
    return out


@dataclass(frozen=True)
class _Cand:
    idx: int
    score: float
    primary: bool


class Gazetteer:
    """Places plus the indexes that resolve names to them. Build with :func:`load_gazetteer`."""

    def __init__(
        self,
        places: Sequence[Place],
        provinces: Sequence[Province],
        *,
        labels: Sequence[Sequence[LabelForms]] | None = None,
    ) -> None:
        self._places: tuple[Place, ...] = tuple(places)
        self._by_id = {p.id: p for p in self._places}
        if len(self._by_id) != len(self._places):
            raise GazetteerDataError("duplicate place ids in the gazetteer")
        self.provinces: tuple[Province, ...] = tuple(provinces)
        self._province_by_name = {normalize(p.name): p for p in self.provinces}
        boxes = [p.bbox for p in self.provinces]
        self.country_bbox = (
            BBox(
                min(b.south for b in boxes),
                min(b.west for b in boxes),
                max(b.north for b in boxes),
                max(b.east for b in boxes),
            )
            if boxes
            else BBox(-90, -180, 90, 180)
        )
        # normalised name -> [(place index, primary)]; primary = the canonical name itself.
        self._names: dict[str, list[tuple[int, bool]]] = {}
        self._keys: dict[str, list[tuple[int, bool]]] = {}
        self._cores: list[list[str]] = [[] for _ in self._places]
        self._by_province: dict[str, list[tuple[int, tuple[str, ...]]]] | None = None
        for i, p in enumerate(self._places):
            found = labels[i] if labels is not None else label_forms((p.name, *p.aliases))
            for norm, core, key, full_key, primary in found:
                self._index_label(i, norm, core, key, full_key, primary)
        self._key_list: list[str] = list(self._keys)
        self.first_words = frozenset(n.split()[0] for n in self._names)
        self.max_words = max((len(n.split()) for n in self._names), default=1)

    def _index_label(
        self, i: int, norm: str, core: str, key: str, full_key: str, primary: bool
    ) -> None:
        self._add(self._names, norm, i, primary)
        self._cores[i].append(core)
        if core != norm:
            self._add(self._names, core, i, False)
        if key:
            self._add(self._keys, key, i, primary and core == norm)
        if core != norm:  # "Panjshirr Vally" keys like "Panjshir Valley"
            self._add(self._keys, full_key, i, False)

    @staticmethod
    def _add(index: dict[str, list[tuple[int, bool]]], k: str, i: int, primary: bool) -> None:
        entries = index.setdefault(k, [])
        for n, (idx, prim) in enumerate(entries):
            if idx == i:
                if primary and not prim:
                    entries[n] = (i, True)
                return
        entries.append((i, primary))

    # -- lookup ---------------------------------------------------------------------------

    @property
    def places(self) -> tuple[Place, ...]:
        return self._places

    def __len__(self) -> int:
        return len(self._places)

    def get(self, place_id: str) -> Place:
        """The place with this id; raises :class:`~geo.exc.UnknownPlaceId`."""
        try:
            return self._by_id[place_id]
        except KeyError:
            raise UnknownPlaceId(place_id) from None

    def all_names(self) -> tuple[str, ...]:
        """Every normalised name and alias (with and without generic words)."""
        return tuple(self._names)

    def has_name(self, norm: str) -> bool:
        """Is this normalised string an exact name or alias (O(1))?"""
        return norm in self._names

    def province(self, name: str) -> Province | None:
        """The province this name or alias denotes, if any."""
        norm = normalize(name)
        core, _ = strip_generic(norm)
        hit = self._province_by_name.get(core)
        if hit is not None:
            return hit
        for stage in (
            self._names.get(norm, ()),
            self._names.get(core, ()),
            self._keys.get(phonetic_key(core), ()),
        ):
            provs = {self._places[i].name for i, _ in stage if self._places[i].kind == "province"}
            if len(provs) == 1:
                return self._province_by_name.get(normalize(provs.pop()))
        return None

    def context_box(self, context: Context) -> tuple[BBox | None, str | None]:
        """(box, province name) of a context; raises :class:`~geo.exc.UnknownContext`."""
        if context is None:
            return None, None
        if isinstance(context, BBox):
            return context, None
        if isinstance(context, tuple):
            if len(context) != 4:
                raise UnknownContext(
                    f"Expected a (south, west, north, east) box, instead got: {context!r}."
                )
            return BBox(*(float(x) for x in context)), None
        prov = self.province(context)
        if prov is None:
            raise UnknownContext(f"unknown province for context: {context!r}")
        return prov.bbox, prov.name

    # -- resolution ---------------------------------------------------------------------

    def resolve(
        self,
        name: str,
        context: Context = None,
        *,
        kind: str | None = None,
        threshold: float = FUZZY_THRESHOLD,
    ) -> Resolution:
        """Resolve a place name; never raises for an unknown name (unresolved Resolution).

        ``context`` (province name or box) prefers candidates inside it; ``kind`` ("district",
        "valley", …) prefers candidates of that kind. Raises UnknownContext for a bad context.
        """
        if context is None and _MAY_NAME_CONTEXT.search(name):
            name_part, context = self.named_context(name)
            if context is not None:
                box, prov = self.context_box(context)
                res = self._resolve(name_part, box, prov, kind, threshold)
                return dataclasses.replace(res, query=name)
        box, prov = self.context_box(context)
        return self._resolve(name, box, prov, kind, threshold)

    def named_context(self, name: str) -> tuple[str, str | None]:
        """("Khost district", "Baghlan") for "Khost district of Baghlan" when Baghlan is a
        province: a province named next to a name narrows it. (name, None) otherwise."""
        split = split_context(name)
        if split is None or self.province(split[1]) is None:
            return name, None
        return split

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
        norm = normalize(name)
        if not norm:
            return Resolution(name, reason="empty name after normalisation")
        core, hint = strip_generic(norm)
        return self._resolve_forms(name, norm, core, kind or hint, box, prov, threshold, fuzzy)

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
        """:meth:`_resolve` of a name already normalised (``norm``) and split (``core``,
        kind ``hint``): layered gazetteers normalise once for all their layers."""
        entries = self._names.get(norm)
        if entries is not None and len(entries) == 1 and hint is None and box is prov is None:
            # one place of exactly this name, nothing to narrow: what _choose would answer
            return Resolution(name, place=self._places[entries[0][0]], score=100.0, method="exact")
        exact = [_Cand(i, 100.0, p) for i, p in (entries or ())]
        if not exact and core != norm:
            exact = [_Cand(i, 100.0, p) for i, p in self._names.get(core, ())]
        fits = HINT_KINDS.get(hint or "")
        if exact and (fits is None or any(self._places[c.idx].kind in fits for c in exact)):
            return self._choose(name, exact, hint, box, prov, "exact")
        key = phonetic_key(core)
        keyed = [self._rescore(core, _Cand(i, 100.0, p)) for i, p in self._keys.get(key, ())]
        if prov is not None and not any(
            self._places[c.idx].province == prov for c in (*exact, *keyed)
        ):
            short = self._short_form_in(key, prov, hint)
            if short is not None:
                return Resolution(name, place=self._places[short], score=90.0, method="prefix")
        # "Panjsheer Valley": the valley's key beats the province's exact name
        if keyed and fits is not None and any(self._places[c.idx].kind in fits for c in keyed):
            return self._choose(name, keyed, hint, box, prov, "key")
        if exact:
            return self._choose(name, exact, hint, box, prov, "exact")
        if keyed:
            return self._choose(name, keyed, hint, box, prov, "key")
        if fuzzy and len(key) >= MIN_FUZZY_KEY:
            cands = [
                c
                for c in (self._rescore(core, c) for c in self._fuzzy(key, threshold))
                if c.score >= threshold
            ]
            if cands:
                return self._choose(name, cands, hint, box, prov, "fuzzy")
        return Resolution(name, reason=NO_MATCH, candidates=self.nearest(key) if fuzzy else ())

    def _short_form_in(self, key: str, prov: str, hint: str | None) -> int | None:
        """The one place of province ``prov`` whose name begins with ``key`` ("Hisa Awal
        district, Kapisa": Kapisa's Hisa-e-Awal-e-Kohistan), when no place of that name lies
        there: a short form news uses for a longer local name. None if none or several."""
        if len(key) < MIN_PREFIX_KEY:
            return None
        fits = HINT_KINDS.get(hint or "")
        found = {
            i
            for i, keys in self._province_keys().get(prov, ())
            if (fits is None or self._places[i].kind in fits)
            and any(k.startswith(key) for k in keys)
        }
        return found.pop() if len(found) == 1 else None

    def _province_keys(self) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
        """Per province, its places (not the province itself) and their names' keys; built
        at the first short-form look-up."""
        if self._by_province is None:
            by: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
            for i, place in enumerate(self._places):
                if place.province and place.kind != "province":
                    keys = tuple(phonetic_key(core) for core in self._cores[i])
                    by.setdefault(place.province, []).append((i, keys))
            self._by_province = by
        return self._by_province

    def _fuzzy(self, key: str, threshold: float, limit: int = 12) -> list[_Cand]:
        hits = process.extract(
            key, self._key_list, scorer=fuzz.ratio, limit=limit, score_cutoff=threshold
        )
        best: dict[int, _Cand] = {}
        for k, score, _ in hits:
            for i, primary in self._keys[k]:
                if i not in best or score > best[i].score:
                    best[i] = _Cand(i, float(score), primary)
        return list(best.values())

    def _rescore(self, core: str, cand: _Cand) -> _Cand:
        """Average the key similarity with the spelling similarity to the closest label.

        Two places can share a phonetic key (Paryan / Parun); the spelling breaks the tie.
        """
        best = process.extractOne(core, self._cores[cand.idx], scorer=fuzz.ratio)
        text = best[1] if best else 0.0
        return _Cand(cand.idx, round((cand.score + text) / 2, 2), cand.primary)

    def nearest(self, key: str, limit: int = 5) -> tuple[str, ...]:
        """Labels of the places whose keys are most similar to ``key`` (for misses)."""
        if not key:
            return ()
        out: list[str] = []
        for k, _, _ in process.extract(key, self._key_list, scorer=fuzz.ratio, limit=limit * 3):
            for i, _ in self._keys[k]:
                label = self.label(self._places[i])
                if label not in out:
                    out.append(label)
        return tuple(out[:limit])

    @staticmethod
    def label(p: Place) -> str:
        """A human label that tells same-named places apart: "Arghandab (Zabul district)"."""
        if p.kind in ("country", "province"):
            return f"{p.name} ({p.kind})"
        return f"{p.name} ({p.province} {p.kind})" if p.province else f"{p.name} ({p.kind})"

    def _fits(self, p: Place, box: BBox | None, prov: str | None) -> bool:
        if prov is not None:
            return p.province == prov
        return box is not None and box.contains(p.lat, p.lon)

    def _same_place(self, a: Place, b: Place) -> bool:
        """Are these the same place at different levels (nested), not two different places?"""
        if a.id == b.id:
            return True
        if a.province is None or a.province != b.province:
            return False
        if "province" in (a.kind, b.kind):
            return True
        return a.distance_km(b) <= max(a.radius_km, b.radius_km)

    def _choose(
        self,
        query: str,
        cands: list[_Cand],
        hint: str | None,
        box: BBox | None,
        prov: str | None,
        method: str,
    ) -> Resolution:
        places = self._places
        if hint in HINT_KINDS:
            fit = [c for c in cands if places[c.idx].kind in HINT_KINDS[hint]]
            if not fit and method == "fuzzy":  # a similar name of another kind: not evidence
                return Resolution(
                    query,
                    reason=f"{NO_MATCH} (no {hint} of a similar name)",
                    candidates=tuple(
                        self.label(places[c.idx]) for c in sorted(cands, key=lambda c: -c.score)
                    )[:5],
                )
            cands = fit or cands
        if box is not None or prov is not None:
            fit = [c for c in cands if self._fits(places[c.idx], box, prov)]
            cands = fit or cands
        if len(cands) == 1:  # nothing to weigh (the common case): the same answer, sooner
            only = cands[0]
            return Resolution(query, place=places[only.idx], score=only.score, method=method)
        cands = self._important(cands)
        top = max(c.score for c in cands)
        margin = 0.0 if method == "exact" else FUZZY_MARGIN
        tied = [c for c in cands if c.score >= top - margin]
        if method == "exact" and any(c.primary for c in tied):
            tied = [c for c in tied if c.primary]
        rank = self._kind_rank
        tied.sort(key=lambda c: (-c.score, rank(places[c.idx]), places[c.idx].id))
        # Prefer, among the tied, the highest-ranked kind that every other tied place nests in.
        ranked = sorted(tied, key=lambda c: (rank(places[c.idx]), -c.score))
        best = ranked[0]
        if all(self._same_place(places[best.idx], places[c.idx]) for c in tied):
            if method != "exact":  # the best score wins among nested levels, then the rank
                best = tied[0]
            return Resolution(query, place=places[best.idx], score=best.score, method=method)
        labels: dict[str, None] = {}
        for c in tied:  # the first five different labels (there may be dozens of namesakes)
            labels[self.label(places[c.idx])] = None
            if len(labels) == 5:
                break
        return Resolution(query, reason=AMBIGUOUS, candidates=tuple(labels), score=top)

    @staticmethod
    def _kind_rank(p: Place) -> int:
        """Which of nested candidates wins: the lowest rank (:data:`KIND_RANK`)."""
        return KIND_RANK.get(p.kind, 99)

    def kind_of_hint(self, word: str) -> str | None:
        """The kind a generic word after a name asks for ("district" → district)."""
        return GENERIC_SUFFIXES.get(word)

    def _important(self, cands: list[_Cand]) -> list[_Cand]:
        """Drop candidates far less important than the best (none here: a curated layer has
        no populations; the world layer overrides this)."""
        return cands

    def weak_names(self) -> frozenset[str]:
        """Normalised names that count as places only in a place context (see
        :mod:`geo.stopwords`)."""
        return weak_names(self)

    def find_mentions(self, text: str) -> list[Mention]:
        """Place mentions in running text, in order (see :mod:`geo.mentions`)."""
        return find_mentions(self, text)

    @lru_cache(maxsize=8192)  # noqa: B019 - the gazetteer lives as long as the process
    def resolve_cached(self, name: str, kind: str | None = None) -> Resolution:
        """:meth:`resolve` without context, memoised (used by mention finding)."""
        return self._resolve(name, None, None, kind, FUZZY_THRESHOLD)


# -- loading -----------------------------------------------------------------------------


def _data_path(name: str) -> Path:
    return Path(str(resources.files("geo").joinpath("data", name)))


def read_places(path: Path) -> list[Place]:
    """Read gazetteer.csv; raises GazetteerDataError naming the file and line."""
    out: list[Place] = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), start=2):
                try:
                    out.append(
                        Place(
                            id=row["id"],
                            name=row["name"],
                            kind=row["kind"],
                            lat=float(row["lat"]),
                            lon=float(row["lon"]),
                            radius_km=float(row["radius_km"]),
                            province=row["province"] or None,
                            approximate=row["approximate"] == "true",
                            aliases=tuple(a for a in row["aliases"].split(";") if a),
                            source=row["source"],
                        )
                    )
                except (KeyError, ValueError, TypeError, AttributeError) as exc:
                    raise GazetteerDataError(f"{path}:{n}: bad row ({exc})") from exc
    except OSError as exc:
        raise GazetteerDataError(f"cannot read gazetteer data {path}: {exc}") from exc
    return out


def read_provinces(path: Path) -> list[Province]:
    out: list[Province] = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), start=2):
                try:
                    out.append(
                        Province(
                            row["pcode"],
                            row["name"],
                            float(row["lat"]),
                            float(row["lon"]),
                            float(row["radius_km"]),
                            BBox(
                                float(row["south"]),
                                float(row["west"]),
                                float(row["north"]),
                                float(row["east"]),
                            ),
                        )
                    )
                except (KeyError, ValueError, TypeError) as exc:
                    raise GazetteerDataError(f"{path}:{n}: bad row ({exc})") from exc
    except OSError as exc:
        raise GazetteerDataError(f"cannot read province data {path}: {exc}") from exc
    return out


@lru_cache(maxsize=1)
def load_national() -> Gazetteer:
    """The curated Afghan layer (geo/data/gazetteer.csv + provinces.csv), loaded once."""
    return Gazetteer(
        read_places(_data_path("gazetteer.csv")), read_provinces(_data_path("provinces.csv"))
    )


# Countries with a curated national layer, and how to load it.
NATIONAL_LAYERS: dict[str, Callable[[], Gazetteer]] = {"AF": load_national}
DEFAULT_COUNTRIES = ("AF",)


def scope_countries(gaz: object) -> tuple[str, ...]:
    """The countries a scoped gazetteer covers; () for the default, Afghan one."""
    return tuple(getattr(gaz, "countries", ()))


@overload
def load_gazetteer() -> Gazetteer: ...
@overload
def load_gazetteer(countries: None) -> Gazetteer: ...
@overload
def load_gazetteer(countries: Sequence[str]) -> ScopedGazetteer: ...


def load_gazetteer(countries: Sequence[str] | None = None) -> Gazetteer | ScopedGazetteer:
    """The gazetteer for a scope of countries (ISO 3166-1 alpha-2 codes, e.g. ``("UA", "RU")``).

    With no countries: the default scope, Afghanistan's curated layer exactly as before (same
    places, same speed). With countries: a :class:`~geo.scope.ScopedGazetteer` — national
    layers where we have one, then the world layer (GeoNames cities500, countries, first-level
    divisions), resolving inside the scope first and outside it only with evidence. Loaded
    once per scope; the world index is built at first use (see :mod:`geo.worldindex`).
    Raises :class:`~geo.exc.UnknownCountry` for a code the world layer lacks and
    :class:`~geo.exc.WorldIndexError` when the index cannot be built."""
    if countries is None:
        return load_national()
    if isinstance(countries, str):
        countries = [c for c in re.split(r"[\s,]+", countries) if c]
    return _load_scoped(tuple(c.strip().upper() for c in countries))


@lru_cache(maxsize=8)
def _load_scoped(countries: tuple[str, ...]) -> ScopedGazetteer:
    from geo.scope import ScopedGazetteer
    from geo.worldindex import load_index

    return ScopedGazetteer(countries, load_index(), NATIONAL_LAYERS)
