"""The place each claim word is about, of the places its statement names.

A claim word takes the places of its clause (``P-clause``), else of its statement
(``P-statement``); where the clause only refers to a place ("into the valley", "the district",
"the provincial capital") the reference is resolved to the latest such place named before, or
to the article's main place's (``P-reference-back``); a statement naming no place takes the
article's main place (``P-inferred``): the place the headline names, else the one the article
names most.

Left out of a claim's places: origins and a withdrawal's destination, places the claim excepts,
where people fled or the wounded were taken, and where the speaker of a closing tail is.
"""

from __future__ import annotations

import re

from claims.article_places import _ANAPHORA, _PROVINCIAL_CAPITAL
from claims.places import PlaceMention, PlaceRule, _in_temporal
from claims.sentences import clause_bounds

_I = re.IGNORECASE


_IN_IT = re.compile(r"\b(?:in\s+it|in\s+them|there|during\s+it|in\s+which|also)\b", _I)
_PLACE_CLAUSE_BREAK = re.compile(
    r";|\s-\s|[.!?]\s|,\s+(?:and|but)\b(?!\s+(?-i:[A-Z]))|,\s+(?:while|whereas|after|before)\b|"
    r"\sbut\s|"
    r"\sas\s+(?=(?:the\s+)?[a-z]+\s+(?:[a-z]+ed|spread|[a-z]+s)\b)(?!many\b|much\b|well\b|long\b)|"
    r",\s+as\s+(?=(?:the|its|their|his|her)\s+[\w'’-]+(?:'s|’s)\s)|"  # ", as the group's leaders …"
    r"\s(?:and|but)\s+(?:that|they|it|he|she)\b|\bwhile\b|\bwhereas\b|"
    # "… was taken back and fighting is raging in Deh Salah": a new clause about the fight
    r"\s(?:and|but)\s+(?=(?:heavy\s+|fierce\s+)?(?:fighting|clashes|battles?)\s+(?:is|are|was|were|has|"
    r"have|had|continues?|continued|rages?|raged|broke|erupted)\b)|"
    # "… and the Taliban said": a new clause; "… and the Puli Hisar area": one more place
    # ("… with 20 in Kabul and the remainder in Takhar": a share of the same count)
    # ("… and the neighbouring Kapisa and Parwan provinces": two more places)
    r"\s(?:and|but)\s+(?:the|a|an)\b(?!\s+(?:(?:neighbou?ring|nearby|adjacent|adjoining|"
    r"surrounding|northern|southern|eastern|western)\s+)?(?:(?-i:[A-Z])[\w'-]*\s+"
    r"(?:(?:and|or)\s+)?){1,4}(?:area|areas|district|"
    r"districts|valley|valleys|region|regions|province|provinces|town|towns|village|villages|pass|passes|gorge)\b)"
    r"(?!\s+(?:remainder|rest|others)\s+in\b)|"
    r",\s+(?=(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s+(?:says|said|claims|claimed|insists|"
    r"insisted|adds|added)\b)|"
    # "as the Taliban advanced …": a new clause; "…, as well as Charikar": one more place
    r"(?<!\bwell)\sas\s+(?=(?:the\s+)?(?-i:[A-Z])|they\b|it\b|he\b|she\b)",
    _I,
)
_BETWEEN = re.compile(r"\bbetween\s+(?:[\w'’-]+\s+){0,4}[\w'’-]+$", _I)
_COMPASS_OF = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+$", _I)
_FROM_VERB = re.compile(r"\s+(?:\w+\s+)?(?:from|out\s+of)\b", _I)
_ORIGIN = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?:provinces?|districts?|areas?|regions?|direction)\s+of\s+"
    r"(?:the\s+)?)?$",
    _I,
)
_DESTINATION = re.compile(
    r"\b(?:left|leaving|departed|withdrew|retreated|fled)\s+(?:[\w'-]+\s+){1,4}for\s+(?:the\s+)?$"
    # "retreated away from the pass and from Gulbahar to Charikar": where they went to
    r"|\b(?:withdr[ae]w\w*|retreat\w*|fled|flee\w*|pulled\s+back|fell\s+back)\b[^,;.]{0,80}?"
    r"\s(?:to|towards?)\s+(?:the\s+)?$",
    _I,
)
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$", _I)
_RANGE_TO = re.compile(r"\bto\s+(?:the\s+)?$", _I)


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


_REF_AFTER = re.compile(
    # "moving through the district"; "in control of the valley" (the preposition in the word)
    r"\s+(?:(?:\w+\s+)?(?:through|into|in|to|of|from|across|towards?|around|near|outside|on)\s+)?"
    r"(?P<ref>the\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}?(?:valley|province|district|city|town|village|"
    r"pass|area|capital|county|governorate))\b(?!\s+(?:centre|center|headquarters|of)\b)",
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
    s_norm: str, trigger_start: int, found: list[PlaceMention], offset: int, goes_on: bool = True
) -> list[PlaceMention]:
    """In a statement of several quoted sentences, the places of the trigger's own sentence;
    a sentence that refers back ('"… in the Rukh and Dara districts. In it 41 people were
    killed," he said') takes those of the sentences before."""
    s_start, s_end = clause_bounds(s_norm, trigger_start, _SENTENCE)
    own = [m for m in found if s_start <= m.start - offset < s_end]
    if not own and _IN_IT.search(s_norm, s_start, s_end):
        own = [m for m in found if m.start - offset < s_start]
    if not own and goes_on:
        # '"X was cleared of the militants. All of them were killed …"': a sentence naming no
        # place goes on where the sentence before it was (talks are not where fighting was)
        before = [m for m in found if m.start - offset < s_start]
        if before:
            last, _ = clause_bounds(s_norm, before[-1].start - offset, _SENTENCE)
            own = [m for m in before if m.start - offset >= last]
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
    if _BETWEEN.search(s_norm, start, end) and s_norm.startswith(" and ", end):
        _, end = clause_bounds(s_norm, end + 5, _PLACE_CLAUSE_BREAK)  # "between X and Y": one
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
        found = _sentence_places(s_norm, trigger_start, found, offset, kind != "negotiation")
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
            if m.place is None
            or m.place.kind != "province"
            or m.place.name.lower() not in inner
            or 0 <= m.start - offset - trigger_end <= 1  # "attack Panjshir from …": the target
        ] or chosen
    return chosen
