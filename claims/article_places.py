"""The article's places: the place it is about (the headline's, else the one named most), the
places named so far, and what a reference back ("the valley", "the provincial capital", "the
same village") points to."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claims.places import PlaceMention, _in_temporal, capital_place
from claims.sentences import normalise
from geo.countries import country_capital
from geo.gazetteer import DEFAULT_COUNTRIES, scope_countries

if TYPE_CHECKING:
    from geo import Gazetteer, Place

_I = re.IGNORECASE


_ANAPHORA = re.compile(
    r"\bthe\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}?(?P<noun>valley|province|district|city|town|village|"
    r"pass|region|area|capital|county|governorate)\b",
    _I,
)
_SAME = re.compile(r"\bthe\s+(?:very\s+)?same\b", _I)
_NATIONAL = r"\bthe\s+(?:national|country's)\s+capital\b"
_NATIONAL_CAPITAL = re.compile(_NATIONAL, _I)
_PROVINCIAL_CAPITAL = re.compile(  # a capital referred to (the national one is refer()'s first)
    rf"\bthe\s+(?:provincial|province's)\s+(?:capital|centre|center)\b|\bthe\s+capital\b|{_NATIONAL}",
    _I,
)
_ANAPHORA_KINDS = {
    "valley": ("valley",),
    "province": ("province",),
    "county": ("province",),
    "governorate": ("province",),
    "district": ("district",),
    "city": ("city", "town"),
    "town": ("town", "city"),
    "village": ("village",),
    "pass": ("pass",),
    # a region is wider than a settlement: "the region" after "the rulers in Kabul" is not Kabul
    "region": ("province", "district", "valley", "range", "region"),
}
_NEXT_WORD = re.compile(r"\s+(\w+)")


def next_word(norm: str, pos: int) -> str:
    nxt = _NEXT_WORD.match(norm, pos)
    return nxt.group(1).lower() if nxt else ""


@dataclass
class ArticlePlaces:
    """What the article is about, and the places named so far (for "the valley")."""

    gaz: Gazetteer
    main: Place | None
    recent: list[tuple[Place, str]] = field(default_factory=list)  # (place, next word)

    def remember(self, norm: str, mentions: list[PlaceMention]) -> None:
        for m in mentions:
            if m.place is not None:
                self.recent.append((m.place, next_word(norm, m.end)))

    def refer(self, ref: str, before: list[tuple[Place, str]] = ()) -> Place | None:  # type: ignore[assignment]
        """The place a reference ("the valley", "the provincial capital") points to."""
        recent = [*self.recent, *before]
        if _NATIONAL_CAPITAL.search(ref):
            return self._national_capital()
        if _PROVINCIAL_CAPITAL.search(ref):
            return self._capital(recent)
        if recent and _SAME.search(ref):
            return recent[-1][0]  # "in the same village": where the sentence before put it
        for m in _ANAPHORA.finditer(ref):
            noun = m["noun"].lower()
            found = self._referent(noun, recent)
            if found is not None:
                return found
            if noun not in _ANAPHORA_KINDS and recent:
                return self._latest_not_capital(recent)  # "the area": the latest place named
        return self.main

    def _latest_not_capital(self, recent: list[tuple[Place, str]]) -> Place:
        """The latest place named, passing over the national capital of an article about
        another place ("… just north of the capital, Kabul. … fighting in the area")."""
        capital = self._national_capital()
        if capital is None or self.main is None or self.main.id == capital.id:
            return recent[-1][0]
        return next((p for p, _ in reversed(recent) if p.id != capital.id), recent[-1][0])

    def _referent(self, noun: str, recent: list[tuple[Place, str]]) -> Place | None:
        wanted = _ANAPHORA_KINDS.get(noun)
        if not wanted:
            return None
        for place, after in reversed(recent):
            if place.kind in wanted or after == noun:  # "the upper Paryan valley"
                return place
            if wanted[0] == "province" and place.province:
                # "… toward the Panjshir Valley. Clashes continue in the province": the province
                # of the place named last, not a province named before it
                found = self.gaz.resolve(place.province).place
                if found is not None and found.kind == "province":
                    return found
        if self.main is not None:
            area = self.main.province or self.main.name
            query = f"{area} {noun}" if wanted[0] != "province" else area
            found = self.gaz.resolve(query).place
            if found is not None and found.kind in wanted:
                return found
        return None

    def _national_capital(self) -> Place | None:
        """ "the national capital": the capital of the country the article is about."""
        code = self.main.country if self.main is not None and self.main.country else None
        code = code or (scope_countries(self.gaz) or DEFAULT_COUNTRIES)[0]
        name = country_capital(code)
        found = self.gaz.resolve(name).place if name else None
        return found or self.main

    def _capital(self, recent: list[tuple[Place, str]]) -> Place | None:
        province = None
        for place, _ in reversed(recent):
            if place.kind == "province" or place.province:
                province = place.name if place.kind == "province" else place.province
                break
        if province is None and self.main is not None:
            province = self.main.province or self.main.name
        capital = capital_place(self.gaz, province) if province else None
        if capital is None:
            return self.main
        for place, _ in reversed(recent):  # "Bazarak" named before as a town: the same place
            if place.name == capital.name:
                return place
        return capital


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){3,}")


_LIVE_BLOG = re.compile(r"/live(?:[-_/]|$)|[-_]live[-_](?:updates?|news|blog)|/liveblog")


def url_slug(url: str | None) -> str | None:
    """The headline words of a page address's slug ("…/2021/08/24/baghlan-province-claims-to-
    have-been-retaken.html" → "Baghlan Province Claims To Have Been Retaken"), for an article
    that gives no title; None when the address has none."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0].lower()
    if _LIVE_BLOG.search(path):
        return None  # "…/live-news/afghanistan-kabul-…": a running blog's topic, not the entry's
    for segment in reversed(path.split("/")):
        m = _SLUG.fullmatch(segment.rsplit(".", 1)[0] if "." in segment else segment)
        if m:
            return " ".join(w.capitalize() for w in m.group(0).split("-"))
    return None


def title_place(
    gaz: Gazetteer, title: str | None, body: Sequence[Sequence[PlaceMention]] = ()
) -> Place | None:
    """The place the headline names, finer than a country: its first, unless the body names a
    later one with its own places at least twice as often ("Jubilation in Kabul as Taliban
    claim Panjshir victory" over a story of Panjshir is about Panjshir)."""
    if not title:
        return None
    text = normalise(title)
    named: list[Place] = []
    for m in gaz.find_mentions(text):
        place = m.resolution.place
        if place is None or place.kind == "country" or _in_temporal(text, m.start):
            continue
        if re.search(r"\bsince\b", text[: m.start], _I):
            continue  # "… since Taliban's Kabul takeover": a time reference
        if all(p.id != place.id for p in named):
            named.append(place)
    if len(named) < 2:
        return named[0] if named else None
    weight = [_family_count(place, body) for place in named]
    best = weight.index(max(weight))
    # the first place stands unless the body names a later one at least twice as often
    return named[best] if weight[best] >= 2 * max(weight[0], 1) else named[0]


def _family_count(place: Place, body: Sequence[Sequence[PlaceMention]]) -> int:
    """How often the body names ``place`` or (for a province) a place inside it."""
    inside = place.name if place.kind == "province" else None
    return sum(
        1
        for found in body
        for m in found
        if m.place is not None
        and (m.place.id == place.id or (inside is not None and m.place.province == inside))
    )


def _in_top_family(places: list[Place], counts: Counter[str]) -> list[str]:
    """The ids of the places in the province named most, itself and its places together
    ("the Panjshir Valley" and "Panjshir" outweigh "Kabul" named twice), in first-named order;
    every id when no province leads alone."""
    family: Counter[str] = Counter()
    for p in places:
        name = p.name if p.kind == "province" else p.province
        if name:
            family[name] += counts[p.id]
    ranked = family.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return [p.id for p in places]
    top = ranked[0][0]
    return [p.id for p in places if top in (p.name if p.kind == "province" else p.province,)]


def main_place(mentions: list[list[PlaceMention]]) -> Place | None:
    """The place the article names most (first named on a tie, but a province before its own
    district named as often), or None."""
    counts: Counter[str] = Counter()
    first: dict[str, Place] = {}
    for found in mentions:
        for m in found:
            if m.place is None:
                continue
            counts[m.place.id] += 1
            first.setdefault(m.place.id, m.place)
    if not counts:
        return None
    order = _in_top_family([first[pid] for pid in first], counts)
    best = max(order, key=lambda pid: (counts[pid], -order.index(pid)))
    # a district named as often as its own province: the province is the area of both
    top = [first[pid] for pid in order if counts[pid] == counts[best]]
    province = next(
        (p for p in top if p.kind == "province" and first[best].province == p.name), None
    )
    return province or first[best]
