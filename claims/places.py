"""Where: the places of a statement (the place each claim word is about is chosen in
:mod:`claims.placing`; the article's places are in :mod:`claims.article_places`).

Mentions come from the gazetteer (:meth:`geo.Gazetteer.find_mentions`) on the normalised
statement; these are left out, by rule (ids in ``Claim.rule``):

- ``P-reference``: a reference point ("80 km north of Kabul", "the gateway to the valley",
  "on the road from X to Y", "speaking from X");
- ``P-venue``: where the speaker spoke ("told reporters in Kabul", "at a briefing in Kabul");
- ``P-outlet``: a place inside an outlet's name ("told The Parwan Courier");
- ``P-dateline``: a dateline ("KABUL, Sept 4 (Agency) -", "Jab al-Seraj, Afghanistan –",
  "Panjshir:") — the place the report was filed from; when the statement names no other place
  and the dateline names the place the article is about, it is the claim's place;
- ``P-qualifier``: a province that only locates a finer place ("Nijrab, Kapisa,", "the Khost
  district of Baghlan", "Badakhshan's Raghistan district", "Bazarak, capital of Panjshir");
- countries (a country names the whole conflict).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any

from claims.kinds.modality import AFTER_EVENT, DATING_EVENT, DURATION_SINCE
from claims.memo import spans_of
from claims.prefilter import prefiltered
from claims.vocabulary import alternation, vocabulary

if TYPE_CHECKING:
    from geo import Gazetteer, Place


_I = re.IGNORECASE


class PlaceRule(StrEnum):
    NAMED_CLAUSE = "P-clause"
    NAMED_STATEMENT = "P-statement"
    REFERENCE_BACK = "P-reference-back"
    DATELINE = "P-dateline"
    CARRIED = "P-carried"
    INFERRED = "P-inferred"
    NONE = "P-none"
    COVERING = "P-covering"  # a denial of one kind at several places of a province: there
    INCIDENT = "P-incident"  # "the incident took place in X": the claims just told, at X


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A gazetteer mention with offsets into the article."""

    start: int
    end: int
    text: str
    resolution: Any  # geo.Resolution

    @property
    def place(self) -> Place | None:
        return self.resolution.place

    @property
    def key(self) -> str:
        place = self.place
        if place is not None:
            return place.id
        return "unresolved:" + " ".join(self.text.lower().split())


_REFERENCE_POINT = re.compile(
    r"(?:(?:gateway|entrance|doorway|gate)\s+(?:in)?to(?:\s+the)?|"
    r"\b(?:road|route|highway|way)s?\s+(?:that|which)\s+(?:(?:would|will|normally|usually|once|"
    r"used\s+to)\s+){1,3}(?:lead|run|go)\s+(?:in)?to(?:\s+the)?|"
    r",\s+on\s+the\s+(?:\w+\s+)?(?:road|route|highway)\s+(?:from|to|between|linking)\b[^,;.]*?|"
    r"\b(?:said|says|spoke|speaking|talking|told\s+\w+)\s+(?:[\w-]+\s+){0,3}?from|"
    r"(?<!\broad\s)(?<!\bjust\s)(?<!\bimmediately\s)(?<!\bin\sthe\s)(?:north|south|east|west)(?:east|west)?(?:ern)?\s+of"
    r"(?:\s+the\s+(?:capital|city|town|provincial\s+capital),?)?|(?:km|kilomet(?:er|re)s?|miles)\s+"
    r"(?:(?:to|in)\s+the\s+(?:north|south|east|west)(?:east|west)?(?:ern)?\s+)?"
    r"(?:from|of|outside)|outside\s+of|capital\s+of\s+the\s+country|"
    r"located\s+(?:near|in)(?:\s+the)?)\s+$",
    _I,
)
_REFERENCE_POINT = prefiltered(_REFERENCE_POINT)
_VENUE = re.compile(
    r"\b(?:briefing|press\s+conference|news\s+conference|conference|speaking|spoke|speech|"
    r"interview|rally|gathering|ceremony|meeting|told\s+(?:reporters|journalists|the\s+media)|"
    r"addressing\s+\w+)\s+(?:[\w-]+\s+){0,3}?(?:in|at)\s+(?:the\s+)?$",
    _I,
)
_VENUE = prefiltered(_VENUE)


@cache
def _outlet_noun() -> re.Pattern[str]:
    """ "The Parwan Courier", "Panjshir Voice": a place inside an outlet's name."""
    heads = alternation(vocabulary().press_heads)
    return re.compile(rf"\s+(?:{heads})\b")


# "the Panjshir-based movement", "a Kabul based analyst": the place describes an actor
_BASED = re.compile(r"[\s-]+based\b", _I)
DATELINE = re.compile(
    r"^\W*(?P<where>(?-i:[A-Z][\w'.-]*)(?:[\s-]+(?-i:[A-Za-z][\w'.-]*)){0,3}?)"
    # a country after a comma or in brackets ("Kabul [Afghanistan]")
    r"(?:,\s*(?-i:[A-Z][\w' .-]{1,40}?)|\s*\[(?-i:[A-Z])[\w' .-]{1,40}?\])?"
    r"(?:,?\s*(?:[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{4})?|"
    r"\d{4}-\d{2}-\d{2})\.?)?\s*"
    r"(?:\([^)]{1,60}\))?\s*(?:/[A-Z]{2,12}/\.?)?\s*(?:--?|:|–|—|\.)\s"
)
_QUALIFIER_AFTER = re.compile(
    # "Shutul district of Panjshir", "Rokha, Panjshir", "the Khawak Pass (Baghlan Province)"
    r"^(?:\s+(?:district|province|valley|area|region))?(?:\s+(?:of|in)\s+(?:the\s+)?|,\s+|\s*\(\s*)$",
    _I,
)
_QUALIFIED_TAIL = re.compile(r"\s*(?:[,.;:)!?\"]|\s+province\b|\s+provinces?\b|$)", _I)
_POSSESSIVE_OF = re.compile(r"^'s\s+$")
_CAPITAL_OF = re.compile(
    r",?\s+(?:the\s+)?(?:provincial\s+)?(?:capital|cent(?:er|re))\s+of\s+(?:the\s+)?$", _I
)
_LEAD_IN = re.compile(r"^(?:[A-Z][\w.' -]{0,30}:\s*)?in\s+$", _I)
_TEMPORAL_SPAN = re.compile(
    DURATION_SINCE
    + r"\s+(?!the\s+(?:(?:start|beginning|end|middle|onset)\s+of\b|weekend|morning|evening))"
    r"(?:it|they|he|she|we|the|its|their|his|her|a|an)\b[^,;.]*"
    r"|" + AFTER_EVENT + r"|"
    r"\bin\s+the\s+(?:days|weeks|months|run-up)\s+(?:leading\s+(?:up\s+)?to|before|after)\b[^,;.]*"
    r"|\bsince\s+(?:[\w'-]+\s+){0,3}?(?:takeover|capture|fall|seizure|conquest|return|"
    r"withdrawal|collapse)\b[^,;.]*"  # "since Taliban's takeover of Kabul"
    r"|" + DATING_EVENT +
    # a description of a place: "Parwan, which borders Panjshir and Kabul," names no place of it
    r"|,\s+(?:which|that)\s+(?:borders?|lies|sits|adjoins|neighbou?rs|is\s+(?:located|situated|"
    r"adjacent|next\s+to|north|south|east|west|close\s+to|near))\b[^,;.]*"
    r"|,\s+(?:bordering|neighbou?ring|adjoining|adjacent\s+to)\b[^,;.]*",
    _I,
)
_TEMPORAL_SPAN = prefiltered(_TEMPORAL_SPAN)
_temporal_spans = spans_of(_TEMPORAL_SPAN)
_LOCALITY_GAP = re.compile(
    r"^\s*(?:(?:,\s*|\s+and\s+)(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)*)*\s*"
    r"(?:area|areas|locality|village|villages|district|districts|neighbou?rhood|valley|region|town)?,?\s+"
    r"(?:of|in|within|inside)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'-]+'s\s+)?$"
)


# "Kabul, Aug 23 Public uprising forces …", "Kabul, (Asian Independent) Tens of …": a dateline
# whose date or agency is followed by the sentence with no dash
_BARE_DATELINE = re.compile(
    r"^\W*(?P<where>(?-i:[A-Z][\w'.-]*)(?:[\s-]+(?-i:[A-Z][\w'.-]*)){0,2}?),\s*"
    r"(?:(?-i:[A-Z][a-z]{2,8})\.?\s+\d{1,2}(?:,\s*\d{4})?(?:\s*\([^)]{1,40}\))?|\([^)]{1,40}\))"
    r"\s+(?=(?-i:[A-Z]))"
)
# what every match of the two ends in: cheap tests that skip the patterns on most sentences
_DATELINE_END = re.compile(r"[-:–—.]\s")
_BARE_DATELINE_END = re.compile(r"[\d)]\s")


def find_dateline(text: str, gaz: Gazetteer) -> int:
    """Where a statement's leading dateline ends (0 when it has none): a place name, maybe
    a country, a date, an agency, then a dash or colon ("KABUL (AP) -", "Panjshir:")."""
    m = None
    if _DATELINE_END.search(text):  # every dateline ends in a dash, colon or stop, then a space
        m = DATELINE.match(text)
    if m is None and "," in text and _BARE_DATELINE_END.search(text):
        m = _BARE_DATELINE.match(text)
    if m is None:
        return 0
    where = m.group("where")
    dashed = text[m.end() - 2 : m.end()].strip() in ("-", "–", "—")
    if where.isupper() and len(where) >= 3 and (dashed or re.search(r"\d", m.group(0))):
        return m.end()  # "FAIZABAD, 2021-09-03 (BNA) –": a dateline, known place or not
    country = re.match(r"[^,]+,\s*(?P<c>[A-Z][\w ]+?)\s*[-:]", m.group(0).strip(" \"'"))
    country_place = gaz.resolve(country["c"]).place if dashed and country else None
    if country_place is not None and country_place.kind == "country":
        return m.end()  # "Jab al-Seraj, Afghanistan –"
    found = gaz.find_mentions(where)
    if not found or found[0].start != 0 or found[0].resolution.place is None:
        return 0
    return m.end()


@dataclass
class StatementPlaces:
    """The mentions of one statement (article offsets) and what was left out."""

    start: int
    mentions: list[PlaceMention]
    dateline: PlaceMention | None = None
    countries: list[PlaceMention] = field(default_factory=list)
    dateline_end: int = 0  # where the dateline ends in the statement (0: none)
    venues: list[PlaceMention] = field(default_factory=list)  # where a meeting or speech was


def statement_places(gaz: Gazetteer, norm: str, start: int, end: int) -> StatementPlaces:
    piece = norm[start:end]
    cut = find_dateline(piece, gaz) if piece[:1].isupper() or piece[:1] in "-–" else 0
    found: list[PlaceMention] = []
    venues: list[PlaceMention] = []
    dateline = None
    countries = []
    for m in gaz.find_mentions(piece):
        mention = PlaceMention(m.start + start, m.end + start, m.text, m.resolution)
        if cut and m.start < cut:
            dateline = dateline or mention
            continue
        if _REFERENCE_POINT.search(piece, max(0, m.start - 120), m.start):
            continue
        if _VENUE.search(piece, max(0, m.start - 80), m.start):
            venues.append(mention)
            continue
        if _outlet_noun().match(piece, m.end) or _surname(piece, m.start, m.end):
            continue
        if _BASED.match(piece, m.end):
            continue
        place = m.resolution.place
        if place is not None and place.kind == "country":
            countries.append(mention)
            continue
        found.append(mention)
    found = [m for m in found if not _in_temporal(piece, m.start - start)]
    found = _without_actor_places(piece, found, start)
    found = _kind_by_apposition(gaz, piece, found, start)
    found = _capital_named(gaz, piece, found, start)
    found = _in_named_province(gaz, piece, found, start)
    mentions = _nested(piece, _without_qualifiers(piece, found, start), start)
    return StatementPlaces(start, mentions, dateline, countries, cut, venues)


# "Khalid Zadran, a Taliban spokesperson": a place name that is a person's surname, after a
# capitalised given name (not after a preposition or a direction) and before a personal role
_GIVEN_NAME_BEFORE = re.compile(
    r"(?:^|(?<![\w'’-])(?!(?:in|at|near|of|from|to|into|towards?|around|outside|across|and|"
    r"the|north|south|east|west|northern|southern|eastern|western|central|upper|lower)\s)"
    r"[\w'’-]+[,;:]?\s+)(?-i:[A-Z])[a-z][\w'’-]*\s+$",  # "However, Khaled Zadran, the …"
    _I,
)


@cache
def _role_after() -> re.Pattern[str]:
    roles = alternation(vocabulary().person_roles)
    return re.compile(rf",\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,4}}?(?:{roles})\b", _I)


def _surname(piece: str, start: int, end: int) -> bool:
    return bool(
        _role_after().match(piece, end)
        and _GIVEN_NAME_BEFORE.search(piece, max(0, start - 40), start)
    )


# "Anjuman, a critical pass in the north": the apposition names the kind of place
_KIND_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?P<noun>pass|valley|district|province|village|town|city)\b",
    _I,
)


def _kind_by_apposition(
    gaz: Gazetteer, piece: str, found: list[PlaceMention], offset: int
) -> list[PlaceMention]:
    """A name whose apposition says what it is ("Anjuman, a critical pass") resolved as that
    kind of place ("Anjuman Pass") when the gazetteer has one and the name read alone is not."""
    out = []
    for m in found:
        app = _KIND_APPOSITION.match(piece, m.end - offset)
        noun = app.group("noun").lower() if app else ""
        if app and (m.place is None or m.place.kind not in (noun, "province")):
            again = gaz.resolve(f"{m.text} {noun}")
            if again.place is not None and again.place.kind == noun:
                m = PlaceMention(m.start, m.end, m.text, again)
        out.append(m)
    return out


_CAPITAL_OF_NAMED = re.compile(
    r"\b(?-i:[a-z])[\w-]*\s+the\s+(?:provincial\s+)?capital\s+of\s+(?:the\s+)?$", _I
)


def _capital_named(
    gaz: Gazetteer, piece: str, found: list[PlaceMention], offset: int
) -> list[PlaceMention]:
    """ "fought their way into the provincial capital of the Panjshir Valley": the place is
    the capital of the province named (not "Bazarak, the capital of Panjshir", where the name
    comes first and the province only qualifies it)."""
    if "capital" not in piece and "Capital" not in piece:
        return found
    out = []
    for m in found:
        at = m.start - offset
        place = m.place
        if place is not None and _CAPITAL_OF_NAMED.search(piece, max(0, at - 50), at):
            province = place.name if place.kind == "province" else place.province
            capital = capital_place(gaz, province) if province else None
            if capital is not None:
                m = PlaceMention(m.start, m.end, m.text, replace(m.resolution, place=capital))
        out.append(m)
    return out


def _in_named_province(
    gaz: Gazetteer, piece: str, found: list[PlaceMention], offset: int
) -> list[PlaceMention]:
    """ "Tagab, Kapisa", "the Tagab district of Kapisa province": a name the gazetteer finds
    in several provinces, or not at all, resolved again inside the province named right after
    it (when that settles it; else the locality stays nested in the province, _nested)."""
    out = list(found)
    for i, m in enumerate(found[:-1]):
        nxt = found[i + 1]
        if m.place is not None or nxt.place is None or nxt.place.kind != "province":
            continue
        if not _QUALIFIER_AFTER.match(piece[m.end - offset : nxt.start - offset]):
            continue
        again = gaz.resolve(m.text, context=nxt.place.name)
        if again.place is not None:
            out[i] = PlaceMention(m.start, m.end, m.text, again)
    return _in_statement_province(gaz, out)


def _in_statement_province(gaz: Gazetteer, found: list[PlaceMention]) -> list[PlaceMention]:
    """A name two provinces share ("Faizabad city, the center of Badakhshan") resolved in a
    province the same statement names, when exactly one such reading exists."""
    if not any(m.place is None and m.resolution.reason == "ambiguous" for m in found):
        return found
    provinces = list(
        dict.fromkeys(
            m.place.name if m.place.kind == "province" else m.place.province
            for m in found
            if m.place is not None and m.place.kind != "country"
        )
    )
    out = []
    for m in found:
        if m.place is None and m.resolution.reason == "ambiguous":
            readings = [gaz.resolve(m.text, context=p) for p in provinces if p]
            placed = {r.place.id: r for r in readings if r.place is not None}
            if len(placed) == 1:
                m = PlaceMention(m.start, m.end, m.text, next(iter(placed.values())))
        out.append(m)
    return out


def _in_temporal(piece: str, pos: int) -> bool:
    """A place inside a clause that only dates something ("since the insurgents arrived in
    Kabul", "after those provinces fell") is no place of the claim (``P-temporal``)."""
    return any(s < pos < e for s, e in _temporal_spans(piece))


_POSSESSIVE_GAP = re.compile(
    r"^(?:\s+(?:district|province|valley|region))?['\u2019]s\s+(?:the\s+)?$", re.IGNORECASE
)


def _possessive(piece: str, found: list[PlaceMention], offset: int) -> list[PlaceMention]:
    """ "Dara district's Abdullah Khel valley": an unknown locality after the possessive of
    the place that holds it is located at that place (one mention spanning both)."""
    out: list[PlaceMention] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.place is not None
            and m.place is None
            and _POSSESSIVE_GAP.match(piece[prev.end - offset : m.start - offset])
        ):
            text = piece[prev.start - offset : m.end - offset]
            out[-1] = PlaceMention(prev.start, m.end, text, prev.resolution)
            continue
        out.append(m)
    return out


def _nested(piece: str, found: list[PlaceMention], offset: int) -> list[PlaceMention]:
    """ "the Khair Khana area of Kabul", "Qassan in Andrab", "Deh Miran and Qala-e-Olang
    districts of Andarab", "Yakhdan Dara area of Andarab district": a locality named with the
    place that holds it is located at that place (one mention spanning both, ``P-nested``)."""
    found = _possessive(piece, found, offset)
    out: list[PlaceMention] = []
    i = 0
    while i < len(found):
        m = found[i]
        j = i + 1
        while j < len(found) and found[j].place is None:
            j += 1  # further unresolved localities of the same list
        container = found[j] if j < len(found) else None
        if (
            container is None
            or container.place is None
            or not _is_locality(piece, m, offset, container)
        ):
            out.append(m)
            i += 1
            continue
        gap = piece[found[j - 1].end - offset : container.start - offset]
        if not _LOCALITY_GAP.match(gap) or (
            _finer(m, container) is False
            and m.place is not None
            and m.place.province == container.place.province
        ):
            out.append(m)
            i += 1
            continue
        text = piece[m.start - offset : container.end - offset]
        out.append(PlaceMention(m.start, container.end, text, container.resolution))
        i = j + 1
    return out


def _is_locality(piece: str, m: PlaceMention, offset: int, container: PlaceMention) -> bool:
    """Unresolved, a namesake far away ("the Sarband area of Andarab" is no district of another
    province), or a known name inside a longer unknown one ("Yakhdan Dara")."""
    if m.place is None:
        return True
    cont = container.place
    if cont is not None and cont.kind in ("province", "district"):
        home = cont.name if cont.kind == "province" else cont.province
        if m.place.province and home and m.place.province != home:
            return True
    before = piece[: m.start - offset]
    return bool(re.search(r"(?<![.!?]\s)(?<!^)\b(?-i:[A-Z])[a-z][\w'-]+\s+$", before))


def _finer(m: PlaceMention, container: PlaceMention) -> bool | None:
    if m.place is None or container.place is None:
        return None
    order = ("country", "province", "district", "valley", "pass", "city", "town", "village")
    rank = {k: n for n, k in enumerate(order)}
    return (
        rank.get(m.place.kind, 9) > rank.get(container.place.kind, 9)
        or m.place.kind == container.place.kind
    )


@cache
def _actor_after() -> re.Pattern[str]:
    return re.compile(rf"[\s-]+(?:{alternation(vocabulary().actor_nouns)})\b", _I)


# "the resistance that has organised in Panjshir province": where the actor is, not the claim
_ACTOR_IN = re.compile(
    r"\b(?:that|which|who)\s+(?:(?:has|have|had|is|are|was|were)\s+)?(?:been\s+)?"
    r"(?:organi[sz]ed|based|formed|headquartered|operating|active)\s+in\s+(?:the\s+)?$",
    _I,
)


def _without_actor_places(
    piece: str, found: list[PlaceMention], offset: int
) -> list[PlaceMention]:
    """Drop a place that only says who an actor is ("the Panjshir resistance force took
    control of Dih Salah", "the resistance that has organised in Panjshir"), when the
    statement names another place."""
    def describes(m: PlaceMention) -> bool:
        pos, end = m.start - offset, m.end - offset
        return bool(_actor_after().match(piece, end) or _ACTOR_IN.search(piece, 0, pos))

    described = [m for m in found if describes(m)]
    if not described or len(described) == len(found):
        return found
    return [m for m in found if m not in described]


def _without_qualifiers(piece: str, found: list[PlaceMention], offset: int) -> list[PlaceMention]:
    """Drop a province (or a valley) that only locates a finer place named next to it."""
    out: list[PlaceMention] = []
    for i, m in enumerate(found):
        if _qualifies(piece, found, i, offset):
            continue
        out.append(m)
    return out


def _qualifies(piece: str, found: list[PlaceMention], i: int, offset: int) -> bool:
    m = found[i]
    place = m.place
    if place is None or place.kind not in ("province", "valley"):
        return False
    if i > 0:
        prev = found[i - 1]
        gap = piece[prev.end - offset : m.start - offset]
        # an unknown locality keeps its province: the two are one nested mention (_nested)
        finer = prev.place is not None and prev.place.kind not in ("province", "country", "valley")
        if place.kind == "valley":  # "the Shutul district of the Panjshir Valley": in it
            finer = finer and prev.place is not None and prev.place.province == place.province
        if finer and (_QUALIFIER_AFTER.match(gap) or _CAPITAL_OF.search(gap)):
            return (
                bool(_QUALIFIED_TAIL.match(piece, m.end - offset))
                or gap.strip()
                in (
                    "of",
                    "in",
                )
                or "of" in gap
                or "in" in gap
            )
    if i + 1 < len(found):
        nxt = found[i + 1]
        gap = piece[m.end - offset : nxt.start - offset]
        finer = nxt.place is None or nxt.place.kind not in ("province", "country")
        if finer and re.match(r"^'s\s+$", gap):
            return True  # "Badakhshan's Raghistan district"
    return False


def without_lead_in(piece: str, found: list[PlaceMention], offset: int) -> list[PlaceMention]:
    """The opening "In Kabul," of a statement with a speaker: where the speaker was."""
    out = []
    for m in found:
        before = piece[: m.start - offset]
        if _LEAD_IN.match(before) and piece[m.end - offset : m.end - offset + 1] == ",":
            continue
        out.append(m)
    return out


def provincial_capital(gaz: Gazetteer, province: str) -> Place | None:
    """The district that holds a province's capital (AGCHO codes end in 01)."""
    for place in gaz.places:
        if place.kind == "district" and place.province == province and place.id.endswith("01"):
            return place
    return None


def capital_place(gaz: Gazetteer, province: str) -> Place | None:
    """A province's capital as a town when the gazetteer has the town ("Bazarak"), else the
    district that holds it."""
    district = provincial_capital(gaz, province)
    if district is None:
        return None
    town = gaz.resolve(district.name).place
    if town is not None and town.kind in ("town", "city") and town.province == province:
        return town
    return district
