"""Where: the places of a statement, and the place each claim word is about.

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

A claim word takes the places of its clause (``P-clause``), else of its statement
(``P-statement``); where the clause only refers to a place ("into the valley", "the district",
"the provincial capital") the reference is resolved to the latest such place named before, or
to the article's main place's (``P-reference-back``); a statement naming no place takes the
article's main place (``P-inferred``): the place the headline names, else the one the article
names most.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any

from claims.kinds.modality import AFTER_EVENT, DATING_EVENT, DURATION_SINCE
from claims.memo import spans_of
from claims.prefilter import prefiltered
from claims.sentences import normalise
from claims.vocabulary import alternation, vocabulary
from geo.countries import country_capital
from geo.gazetteer import DEFAULT_COUNTRIES, scope_countries

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
_OUTLET_NOUN = re.compile(
    r"\s+(?-i:Courier|Times|Post|News|Radio|Voice|Herald|Tribune|Agency|Press|TV|Daily|Observer|"
    r"Journal|Gazette|Television|Broadcasting|Chronicle)\b"
)
DATELINE = re.compile(
    r"^\W*(?P<where>(?-i:[A-Z][\w'.-]*)(?:[\s-]+(?-i:[A-Za-z][\w'.-]*)){0,3}?)"
    # a country after a comma or in brackets ("Kabul [Afghanistan]")
    r"(?:,\s*(?-i:[A-Z][\w' .-]{1,40}?)|\s*\[(?-i:[A-Z])[\w' .-]{1,40}?\])?"
    r"(?:,?\s*(?:[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{4})?|"
    r"\d{4}-\d{2}-\d{2})\.?)?\s*"
    r"(?:\([^)]{1,60}\))?\s*(?:/[A-Z]{2,12}/\.?)?\s*(?:--?|:|–|—|\.)\s"
)
_QUALIFIER_AFTER = re.compile(
    r"^(?:\s+(?:district|province|valley|area|region))?(?:\s+(?:of|in)\s+(?:the\s+)?|,\s+)$", _I
)
_QUALIFIED_TAIL = re.compile(r"\s*(?:[,.;:)!?\"]|\s+province\b|\s+provinces?\b|$)", _I)
_POSSESSIVE_OF = re.compile(r"^'s\s+$")
_CAPITAL_OF = re.compile(r",?\s+(?:the\s+)?(?:provincial\s+)?capital\s+of\s+(?:the\s+)?$", _I)
_LEAD_IN = re.compile(r"^(?:[A-Z][\w.' -]{0,30}:\s*)?in\s+$", _I)

_ANAPHORA = re.compile(
    r"\bthe\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}?(?P<noun>valley|province|district|city|town|village|"
    r"pass|region|area|capital|county|governorate)\b",
    _I,
)
_IN_IT = re.compile(r"\b(?:in\s+it|in\s+them|there|during\s+it|in\s+which|also)\b", _I)
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
_PLACE_CLAUSE_BREAK = re.compile(
    r";|\s-\s|[.!?]\s|,\s+(?:and|but)\b(?!\s+(?-i:[A-Z]))|,\s+(?:while|whereas|after|before)\b|"
    r"\sbut\s|"
    r"\sas\s+(?=(?:the\s+)?[a-z]+\s+(?:[a-z]+ed|spread|[a-z]+s)\b)(?!many\b|much\b|well\b|long\b)|"
    r"\s(?:and|but)\s+(?:that|they|it|he|she)\b|\bwhile\b|\bwhereas\b|"
    # "… was taken back and fighting is raging in Deh Salah": a new clause about the fight
    r"\s(?:and|but)\s+(?=(?:heavy\s+|fierce\s+)?(?:fighting|clashes|battles?)\s+(?:is|are|was|were|has|"
    r"have|had|continues?|continued|rages?|raged|broke|erupted)\b)|"
    # "… and the Taliban said": a new clause; "… and the Puli Hisar area": one more place
    # ("… with 20 in Kabul and the remainder in Takhar": a share of the same count)
    r"\s(?:and|but)\s+(?:the|a|an)\b(?!\s+(?:(?-i:[A-Z])[\w'-]*\s+){1,3}(?:area|areas|district|"
    r"districts|valley|valleys|region|province|town|village|villages|pass|gorge)\b)"
    r"(?!\s+(?:remainder|rest|others)\s+in\b)|"
    r",\s+(?=(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s+(?:says|said|claims|claimed|insists|"
    r"insisted|adds|added)\b)|"
    r"\sas\s+(?=(?:the\s+)?(?-i:[A-Z])|they\b|it\b|he\b|she\b)",
    _I,
)
_COMPASS_OF = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+$", _I)
_FROM_VERB = re.compile(r"\s+(?:\w+\s+)?(?:from|out\s+of)\b", _I)
_ORIGIN = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?:provinces?|districts?|areas?|regions?|direction)\s+of\s+"
    r"(?:the\s+)?)?$",
    _I,
)
_DESTINATION = re.compile(
    r"\b(?:left|leaving|departed|withdrew|retreated|fled)\s+(?:[\w'-]+\s+){1,4}for\s+(?:the\s+)?$",
    _I,
)
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$", _I)
_RANGE_TO = re.compile(r"\bto\s+(?:the\s+)?$", _I)
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
_NEXT_WORD = re.compile(r"\s+(\w+)")


_SENTENCE = re.compile(r"[.!?]\"?\s+(?=\"?(?-i:[A-Z]))")


def _origins(s_norm: str, chosen: list[PlaceMention], offset: int) -> list[PlaceMention]:
    """Origins ("from Badakhshan", "from the provinces of Kunduz, Baghlan and Takhar") and
    destinations of a departure ("left Baghlan for Kabul"); not the start of a range ("from
    Badakhshan in the north to Kandahar in the south")."""
    out: list[PlaceMention] = []
    for i, m in enumerate(chosen):
        before = s_norm[: m.start - offset]
        listed = (
            i > 0
            and chosen[i - 1] in out
            and _LIST_GAP.match(s_norm[chosen[i - 1].end - offset : m.start - offset])
        )
        if _ORIGIN.search(before) or listed:
            ranged = any(
                _RANGE_TO.search(s_norm, 0, later.start - offset) for later in chosen[i + 1 :]
            )
            if not ranged:
                out.append(m)
    return out


def clause_bounds(text: str, pos: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    """The clause of ``text`` around ``pos`` delimited by ``breaks``."""
    start, end = 0, len(text)
    for m in breaks.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


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


def statement_places(gaz: Gazetteer, norm: str, start: int, end: int) -> StatementPlaces:
    piece = norm[start:end]
    cut = find_dateline(piece, gaz) if piece[:1].isupper() or piece[:1] in "-–" else 0
    found: list[PlaceMention] = []
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
            continue
        if _OUTLET_NOUN.match(piece, m.end) or _surname(piece, m.start, m.end):
            continue
        place = m.resolution.place
        if place is not None and place.kind == "country":
            countries.append(mention)
            continue
        found.append(mention)
    found = [m for m in found if not _in_temporal(piece, m.start - start)]
    found = _kind_by_apposition(gaz, piece, found, start)
    found = _capital_named(gaz, piece, found, start)
    found = _in_named_province(gaz, piece, found, start)
    mentions = _nested(piece, _without_qualifiers(piece, found, start), start)
    return StatementPlaces(start, mentions, dateline, countries, cut)


# "Khalid Zadran, a Taliban spokesperson": a place name that is a person's surname, after a
# capitalised given name (not after a preposition or a direction) and before a personal role
_GIVEN_NAME_BEFORE = re.compile(
    r"(?:^|(?<![\w'’-])(?!(?:in|at|near|of|from|to|into|towards?|around|outside|across|and|"
    r"the|north|south|east|west|northern|southern|eastern|western|central|upper|lower)\s)"
    r"[\w'’-]+\s+)(?-i:[A-Z])[a-z][\w'’-]*\s+$",
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
                return recent[-1][0]  # "the area", "the region": the latest place named
        return self.main

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


def title_place(gaz: Gazetteer, title: str | None) -> Place | None:
    """The first place the headline names, finer than a country."""
    if not title:
        return None
    text = normalise(title)
    for m in gaz.find_mentions(text):
        place = m.resolution.place
        if place is None or place.kind == "country" or _in_temporal(text, m.start):
            continue
        if re.search(r"\bsince\b", text[: m.start], _I):
            continue  # "… since Taliban's Kabul takeover": a time reference
        return place
    return None


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


_REF_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:through|into|in|to|of|from|across|towards?|around|near|outside|on)\s+"
    r"(?P<ref>the\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}?(?:valley|province|district|city|town|village|"
    r"pass|area|capital|county|governorate))\b",
    _I,
)


_EXCEPT_BEFORE = re.compile(
    r"\b(?:except(?:\s+for)?|with\s+the\s+exception\s+of|apart\s+from|other\s+than|excluding|"
    r"save\s+for|but\s+not)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# "forced families to flee to neighbouring Panjshir", "sought refuge in Kabul": where people
# went for safety is not where the fighting or the claim was
_REFUGE_BEFORE = re.compile(
    r"\b(?:(?:fled|flee|flees|fleeing|escaped|escaping|evacuated|evacuating|relocated|moved)\s+"
    r"(?:(?!from\b|in\b)[\w'-]+\s+){0,4}?(?:to|towards?|into)|(?:sought|seeking|seek|took|taking|"
    r"take|found|finding)\s+(?:refuge|shelter|safety|sanctuary)\s+(?:in|to|at))\s+"
    r"(?:the\s+)?(?:neighbou?ring\s+|nearby\s+|safer\s+)?$",
    _I,
)


# "the wounded were taken to the hospital in Kabul", "transferred to Dasht-e-Riwat clinic":
# where the wounded are treated is not where they were hurt
_CARE_TAKEN = (
    r"\b(?:taken|brought|transferred|transferring|evacuated|rushed|moved|admitted|shifted)\s+"
    r"(?:(?!from\b)[\w'-]+\s+){0,4}?(?:to|into|in|at)\s+(?:the\s+|a\s+|an\s+)?"
)
_CARE_BEFORE = re.compile(
    _CARE_TAKEN + r"(?:[\w'-]+\s+){0,3}?(?:hospitals?|clinics?|medical\s+cent(?:re|er)s?)\s+"
    r"(?:in|at|of)\s+(?:the\s+)?$",
    _I,
)
_CARE_NAMED = re.compile(_CARE_TAKEN + r"$", _I)
_CARE_AFTER = re.compile(r"\s+(?:[\w'-]+\s+)?(?:hospital|clinic)\b", _I)


def _cared_for_in(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 80) : start]
    if _CARE_BEFORE.search(window):
        return True
    return bool(_CARE_NAMED.search(window) and _CARE_AFTER.match(text, end))


def without_refuges(text: str, found: list[PlaceMention], offset: int) -> list[PlaceMention]:
    """The mentions that are not where people fled to, nor where the wounded were taken."""
    return [
        m
        for m in found
        if not _REFUGE_BEFORE.search(text, max(0, m.start - offset - 60), m.start - offset)
        and not _cared_for_in(text, m.start - offset, m.end - offset)
    ]


# "…, officials in Kabul said": a place that only locates the speaker of a closing tail
_SPEAKER_IN_BEFORE = re.compile(
    r"(?:^|[,;]\s+|\s-\s)(?:(?:the|some|several|many|local|senior|two|three)\s+)?"
    r"(?:[\w-]+\s+)?(?:officials?|sources?|residents?|officers?|commanders?|spokesm[ae]n|"
    r"authorities|police|journalists?|correspondents?|reporters?|witnesses|elders|people)\s+"
    r"(?:based\s+)?(?:in|from)\s+(?:the\s+)?$",
    _I,
)
_SPEAKER_IN_AFTER = re.compile(
    r"(?:\s+(?:province|district|city|valley))?,?\s+(?:said|say|says|told|reported|claimed|added|"
    r"confirmed)\b",
    _I,
)


def _speaker_place(text: str, m: PlaceMention, offset: int) -> bool:
    """The place names where the speaker of a closing tail is ("…, officials in Kabul said")."""
    pos, end = m.start - offset, m.end - offset
    return (
        _SPEAKER_IN_BEFORE.search(text, max(0, pos - 60), pos) is not None
        and _SPEAKER_IN_AFTER.match(text, end) is not None
    )


def _excepted(text: str, pos: int, trigger: int) -> bool:
    """ "seized all districts with the exception of Bazarak": a place the claim word before it
    excepts is no place of that claim."""
    return trigger < pos and _EXCEPT_BEFORE.search(text, max(0, pos - 40), pos) is not None


def _quotation_end(text: str) -> int | None:
    """Where a statement that opens with a quotation closes it (None when it does not)."""
    stripped = text.lstrip()
    if not stripped.startswith('"'):
        return None
    close = text.find('"', len(text) - len(stripped) + 1)
    return close if close > 0 else None


def _referring(s_norm: str, start: int, end: int) -> str | None:
    """The words of the clause that refer to a place named before ("the provincial capital",
    "the valley"), unless they only date the sentence or give a bearing."""
    ref = _PROVINCIAL_CAPITAL.search(s_norm, start, end) or _ANAPHORA.search(s_norm, start, end)
    if ref is None or _in_temporal(s_norm, ref.start()):  # "since it took the capital"
        return None
    if _COMPASS_OF.search(s_norm, max(0, ref.start() - 30), ref.start()):
        return None  # "north-east of the capital": a bearing, not where it happened
    return ref.group(0)


def _sentence_places(
    s_norm: str, trigger_start: int, found: list[PlaceMention], offset: int
) -> list[PlaceMention]:
    """In a statement of several quoted sentences, the places of the trigger's own sentence;
    a sentence that refers back ('"… in the Rukh and Dara districts. In it 41 people were
    killed," he said') takes those of the sentences before."""
    s_start, s_end = clause_bounds(s_norm, trigger_start, _SENTENCE)
    own = [m for m in found if s_start <= m.start - offset < s_end]
    if not own and _IN_IT.search(s_norm, s_start, s_end):
        own = [m for m in found if m.start - offset < s_start]
    return own


def _not_later(
    s_norm: str, trigger_start: int, found: list[PlaceMention], offset: int
) -> list[PlaceMention]:
    """A statement of several sentences ('"… we captured 11 checkpoints. We have taken Shutul
    district," he said'): a place named only in a later sentence is that sentence's, not the
    place of a claim told before it."""
    _, s_end = clause_bounds(s_norm, trigger_start, _SENTENCE)
    return [m for m in found if m.start - offset < s_end]


def places_for(
    s_norm: str,
    trigger_start: int,
    trigger_end: int,
    found: list[PlaceMention],
    offset: int,
    kind: str = "",
    by_sentence: bool = False,
    later_own: bool = False,
) -> tuple[list[PlaceMention], str | None, PlaceRule]:
    """Mentions in the trigger's clause, else in the statement (in a run of quoted sentences,
    in its sentence; with ``later_own``, not in a later sentence); when the clause names no
    place but refers to one ("moving through the district"), the referring text instead."""
    closing = _quotation_end(s_norm)
    if closing is not None and trigger_start < closing:
        # '"Our positions were shelled," the source said, noting fighting in Andarab': what the
        # speaker adds after the quotation does not place the quotation
        found = [m for m in found if m.start - offset < closing]
    kept = [m for m in found if not _excepted(s_norm, m.start - offset, trigger_start)]
    if found and not kept:
        return [], None, PlaceRule.NAMED_STATEMENT  # the only place named is excepted
    found = kept
    start, end = clause_bounds(s_norm, trigger_start, _PLACE_CLAUSE_BREAK)
    local = [m for m in found if start <= m.start - offset < end]
    speakers = [m for m in found if _speaker_place(s_norm, m, offset)]
    if speakers and (
        len(speakers) < len(local)
        or not any(m in local for m in speakers)
        or _referring(s_norm, start, end) is not None
    ):
        # "the militants had taken the provincial capital, officials in Kabul said": the claim
        # has a place of its own; where the speaker is stays the claim's only when it has none
        # in the speaker's own clause
        local = [m for m in local if m not in speakers]
        found = [m for m in found if m not in speakers]
    right = _REF_AFTER.match(s_norm, trigger_end)
    if right is not None and not any(
        trigger_end <= m.start - offset <= right.end() + 4 for m in local
    ):  # "moving through the district" (but "to the capital Bazarak" names it)
        return [], right.group("ref"), PlaceRule.REFERENCE_BACK
    if not local:
        ref = _referring(s_norm, start, end)
        if ref is not None:
            return [], ref, PlaceRule.REFERENCE_BACK
    if by_sentence:
        found = _sentence_places(s_norm, trigger_start, found, offset)
    elif later_own:
        found = _not_later(s_norm, trigger_start, found, offset)
    chosen = _narrowed(s_norm, local or found, offset, trigger_end, kind)
    rule = PlaceRule.NAMED_CLAUSE if local else PlaceRule.NAMED_STATEMENT
    seen: set[str] = set()
    out = []
    for m in chosen:
        if m.key not in seen:
            seen.add(m.key)
            out.append(m)
    return out, None, rule


def _narrowed(
    s_norm: str, chosen: list[PlaceMention], offset: int, trigger_end: int, kind: str
) -> list[PlaceMention]:
    """Of several places, those where it happened: not an origin, not a withdrawal's
    destination, not the province of a district also named."""
    if len(chosen) > 1 and not _FROM_VERB.match(s_norm, trigger_end):
        # "… through Anjuman Pass from Badakhshan": where they came from is not where it happened
        origins = _origins(s_norm, chosen, offset)
        chosen = [m for m in chosen if m not in origins] or chosen
    if len(chosen) > 1 and kind == "territorial_control":
        # "the units have left Baghlan for Kabul": a withdrawal is from where they left
        away = [m for m in chosen if not _DESTINATION.search(s_norm, 0, m.start - offset)]
        chosen = away or chosen
    if len(chosen) > 1:
        inner = {
            (m.place.province or "").lower()
            for m in chosen
            if m.place is not None and m.place.kind != "province"
        }
        chosen = [
            m
            for m in chosen
            if m.place is None or m.place.kind != "province" or m.place.name.lower() not in inner
        ] or chosen
    return chosen
