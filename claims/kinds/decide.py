"""Ambiguous claim words decided by their neighbours (the ``decide`` functions of the rules).

- ``capture``: "captured three districts" / "Bazarak captured" is territorial control, "600
  captured" is captured people; "captured three Taliban outposts" — a party name before a
  place noun is a modifier; "captured power" is neither;
- ``hold``: "holds Dara", "held the district centre" (a place right after);
- ``flee``: "fleeing Panjshir", "the enemy fled, leaving …" (a retreat); civilians fleeing
  are displacement (another rule);
- ``lost``: "lost 40 fighters" / "lost Akmal Amir" (casualties), "lost the district"
  (control);
- ``left_place``: "the units have left Baghlan province" (a withdrawal);
- ``repelled``: "repelled them from the village" and "the attack was repelled" are both a
  change of control kept (the attack noun is its own clash claim);
- ``control_object``: "entered Bazarak", but "entered into talks", "blocked from entering the
  valley" (a closed road, not an entry);
- ``equipment``: a seizure or loss verb near an equipment noun, unless people are its object
  ("captured 11 fighters and seized weapons": the people are).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claims.kinds.rules import placeholders

_I = re.IGNORECASE
Places = tuple[tuple[int, int], ...]


def _people() -> str:
    p = placeholders()
    return rf"(?:{p['people']}|them|him|dozens|hundreds|thousands|several|many|some|\d[\d,]*)"


_CACHE: dict[str, re.Pattern[str]] = {}


def _rx(name: str, build: Callable[[], str]) -> re.Pattern[str]:
    if name not in _CACHE:
        _CACHE[name] = re.compile(build(), _I)
    return _CACHE[name]


def _people_after() -> re.Pattern[str]:
    return _rx(
        "people_after",
        lambda: (
            r"\s+(?:(?:the|a|an|their|its|his|her|our|enemy|\d[\d,]*|about|over|some|several|"
            r"more\s+than|at\s+least|nearly|\w+teen|\w+ty|one|two|three|four|five|six|seven|eight|nine|"
            rf"ten|eleven|twelve|hundred|thousand|dozen|scores\s+of)\s+){{0,3}}"
            # "two NRF supporters", "three local elders": a name or an adjective before them
            rf"(?:(?:(?-i:[A-Z])[\w'’-]*|local|former|senior|young|unarmed)\s+)?{_people()}\b"
        ),
    )


def _place_noun_at() -> re.Pattern[str]:
    def build() -> str:
        return (
            rf"(?:{placeholders()['places']}|capital|centre|center|headquarters|airport|border|"
            r"crossing|outskirts|plains?|junction|gorge|side\s+valleys|palace|stronghold)\b"
        )

    return _rx("place_noun", build)


_DETERMINERS_AFTER = re.compile(
    r"['\"’”]?\s+[\"“‘']?(?:back\s+)?(?:from\s+|into\s+|to\s+|out\s+of\s+|control\s+of\s+|(?:the\s+)?rest\s+of\s+|"
    r"(?:all|most|much|parts?|some|(?:the\s+)?whole)\s+of\s+|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|both|each)\s+of\s+)?"
    r"(?:(?:the|a|an|its|their|his|her|\w+'s|\w+’s|"
    r"several|every|all|two|three|four|five|six|seven|eight|nine|ten|\d+|key|strategic|main|major|important|crucial|"
    r"provincial|district|\w+ern|"
    r"entire|whole|more|other|further|remaining|upper|lower|side|last|very|final|our|your|taliban|enemy|"
    r"resistance|nrf|rebel|militant|government|army|insurgent|(?-i:[A-Z][a-z]+))\s+){0,3}",
    _I,
)
_AUX_BEFORE = re.compile(
    r"(?:\s+['\"]?(?:had|has|have|was|were|is|are|being|been|also|reportedly|now|already|"
    r"allegedly|completely|fully|totally|entirely|\w+ly))*['\"\s]+$",
    _I,
)
_WORD = re.compile(r"\S+")
_NO_OBJECT = re.compile(
    r"\s*(?:[,.;:!?\"]|$|(?:earlier|later|on|in|last|this|yesterday|overnight|by)\b)", _I
)
_NO_OBJECT_END = re.compile(r"\s*(?:[,.;!?]|$)")
_PLACE_OBJECT = re.compile(
    r"\s+(?:(?:only|also|even|just|almost|nearly)\s+)?"  # "captured only the main gorge"
    r"(?:the|these|those|said|two|three|four|five|several|many|\d+|more|other|its|their)\s+"
    r"(?:(?:said|other|remaining|key|strategic|main|major|important|crucial|rural|nearby|"
    r"neighbouring|neighboring|\w+ern|(?-i:[A-Z])[\w'-]+|"  # "the main Panjshir gorge"
    r"two|three|four|five|several|\d+)\s+){0,2}",
    re.IGNORECASE,
)
_COMBATANTS_BEFORE = re.compile(
    r"\b(?:enemy|taliban|fighters|militants|forces|troops|rebels|insurgents|attackers|units|"
    r"soldiers|mujahideen|others|the\s+rest|they|of\s+them)\s+(?:(?:had|have|has|then|quickly|eventually|"
    r"reportedly|also|later|again)\s+)*$",
    _I,
)
# "some of them fled to hide in the mountains": combatants fleeing into the hills withdraw
_TO_THE_HILLS = re.compile(
    r"\s+(?:to\s+(?:hide\s+|take\s+refuge\s+)?(?:in\s+)?|into\s+|towards?\s+)(?:the\s+)?"
    r"(?:nearby\s+|surrounding\s+)?(?:mountains|hills|heights|caves|valleys)\b",
    _I,
)
_CIVILIANS_BEFORE = re.compile(
    r"\b(?:families|civilians|residents|villagers|people|women|children|households)\s+(?:\w+\s+){0,3}$",
    _I,
)
_KEPT_FROM = re.compile(
    r"\b(?:blocked|prevented|barred|stopped|kept|banned)\s+(?:\w+\s+)?from\s+$", _I
)
_NOT_A_PLACE_ENTRY = re.compile(
    r"\s+(?:into\s+)?(?:talks|negotiations?|dialogue|an?\s+agreement|a\s+deal|the\s+(?:talks|fray|"
    r"war|conflict)|service|office|politics|power)\b",
    _I,
)


def _lost_people() -> re.Pattern[str]:
    return _rx(
        "lost_people",
        lambda: (
            r"\s+(?:(?:(?:about|over|more\s+than|at\s+least|some|nearly)\s+)?(?:\S+\s+){0,3}?"
            rf"(?:{placeholders()['people']})\b"
            r"|(?:their|his|its)\s+lives\b|(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)+)"
        ),
    )


def place_right_after(text: str, pos: int, places: Places) -> bool:
    """A place mention (or place noun) within the next few words after ``pos``, past
    determiners and modifiers ("every district", "the Shotul district headquarters")."""
    m = _DETERMINERS_AFTER.match(text, pos)
    limit = m.end() if m else pos
    starts = {s for s, _ in places}
    noun = _place_noun_at()
    for word in _WORD.finditer(text, pos, limit + 1):
        at = word.start() + len(word.group(0)) - len(word.group(0).lstrip("\"'("))
        if at in starts or noun.match(text, at):
            return True
    return limit in starts or noun.match(text, limit) is not None


def place_right_before(text: str, pos: int, places: Places) -> bool:
    """A place mention (or place noun) ending right before ``pos``, past auxiliaries."""
    m = _AUX_BEFORE.search(text, 0, pos)
    at = m.start() if m else pos
    if any(e == at for _, e in places):
        return True
    return (
        _rx("noun_before", lambda: rf"\b{_place_noun_at().pattern}$").search(text, 0, at)
        is not None
    )


def _equipment_object() -> re.Pattern[str]:
    """An equipment noun heading the object, past a few determiners and modifiers."""
    return _rx(
        "equipment-object",
        lambda: rf"\s+(?:[\w'’-]+\s+){{0,10}}?(?:{placeholders()['equipment']})\b(?!\s+of\b)",
    )


def _equipment_first(text: str, end: int, places: Places) -> bool:
    """The object after ``end`` is headed by an equipment noun, named before any place."""
    m = _equipment_object().match(text, end)
    return m is not None and not any(end <= s < m.end() for s, _ in places)


def _equipment_subject(before: str) -> bool:
    """ "rifles were captured": equipment is the subject of a passive capture."""
    rx = _rx(
        "equipment-subject",
        lambda: (
            rf"\b(?:{placeholders()['equipment']})\s+(?:(?:had|has|have|was|were|is|are|"
            rf"being)\s+)?(?:been\s+)?(?:also\s+)?$"
        ),
    )
    return rx.search(before) is not None


def _captured_noun(before: str, after: str, place_after: bool) -> str | None:
    """The kind a captured thing's noun tells: "their weapons were captured" (equipment),
    "captured the said districts", "seized two checkpoints" (ground)."""
    if _equipment_subject(before) and not place_after:
        return "equipment"
    obj = _PLACE_OBJECT.match(after)
    if obj and _place_noun_at().match(after, obj.end()):
        return "territorial_control"
    return None


_TAKEN_TO = re.compile(r"\s+(?:to|towards?)\b", re.IGNORECASE)
# "violations are being taken very seriously", "took part", "taken into account": idioms
_TAKE_IDIOM = re.compile(
    r"\s+(?:(?:very|more|most|so|extremely)\s+)?seriously\b|\s+(?:into\s+account|"
    r"into\s+consideration|part|place|note|care|advantage|responsibility|steps|measures)\b",
    re.IGNORECASE,
)


def _taken(
    word: str, after: str, place_after: bool, place_before: bool, people: bool
) -> str | None:
    """ "took", "seized", "overran": ground taken, when a place is what was taken."""
    if word.startswith("t") and (_TAKEN_TO.match(after) or _TAKE_IDIOM.match(after)):
        return None  # "captives were taken to the city": moved there, no place taken
    if place_after and not (people and word.startswith("t")):
        return "territorial_control"
    return "territorial_control" if place_before and word != "took" else None


# a person made the subject of a passive: "he was captured", "who had been seized"
_PERSON_PASSIVE = re.compile(
    r"\b(?:he|she|who|whom)\s+(?:(?:had|has|have)\s+)?(?:also\s+)?(?:was|were|is|are|been|"
    r"being|got)\s+(?:also\s+|reportedly\s+|later\s+)?$",
    re.IGNORECASE,
)


def capture(text: str, start: int, end: int, places: Places) -> str | None:
    word = text[start:end].lower()
    before = text[max(0, start - 60) : start]
    after = text[end : end + 60]
    place_after = place_right_after(text, end, places)
    place_before = place_right_before(text, start, places)
    people_before = re.search(
        rf"{_people()}(?:\s+(?:of|from)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){{0,3}}?)?\s+"
        r"(?:(?:had|has|have|was|were|is|are|being)\s+)?(?:been\s+)?(?:also\s+)?$",
        before,
        _I,
    )
    people_after = _people_after().match(after)
    if people_after and re.match(
        rf"\s+(?:[\w-]+\s+)?{_place_noun_at().pattern}", after[people_after.end() :], _I
    ):
        people_after = None  # "captured three Taliban outposts": the people word is a modifier
    if word.startswith(("took", "take", "taken", "taking", "seiz", "overr")):
        return _taken(word, after, place_after, place_before, people_after is not None)
    # "captured or killed"; "… in Khost, and he was captured by the Taliban"
    joined = re.match(r"\s+(?:or|and)\s+(?:surrender|imprison|detain|arrest|kill)", after, _I)
    if joined or _PERSON_PASSIVE.search(before):
        return "captured_people"
    by_noun = _captured_noun(before, after, place_after)
    if by_noun is not None:
        return by_noun
    if not people_after and _equipment_first(text, end, places):
        return "equipment"  # "capturing a few more of the air force's helicopters"
    if place_after and not people_after:
        return "territorial_control"
    if people_before and not place_before:
        return "captured_people"
    if place_before:
        return "territorial_control"
    if people_before or people_after:
        return "captured_people"
    if _NO_OBJECT.match(after) and (
        re.search(rf"\b{_place_noun_at().pattern}", before, _I)
        or any(s < start and start - e < 80 for s, e in places)
    ):
        return "territorial_control"  # "the districts the Taliban said they had captured"
    if _NO_OBJECT.match(after):
        return "captured_people"  # "…, and 600 were captured."
    return None  # "captured power", "captured the imagination"


def hold(text: str, start: int, end: int, places: Places) -> str | None:
    if re.match(r"\s+(?:out|talks|on\s+to|a\s+(?:meeting|press|news))\b", text[end:], _I):
        return None
    if place_right_after(text, end, places):
        return "territorial_control"
    if text[start:end].lower() == "held" and re.match(r"\s+by\b", text[end:]):
        before = max(0, start - 100)
        if any(before <= e <= start for _, e in places) or re.search(
            rf"\b{_place_noun_at().pattern}", text[before:start], _I
        ):
            return "territorial_control"  # "the province, which …, was now held by their men"
    part = re.match(
        r"\s+(?:the\s+)?(?:\w+\s+)?(?:part|parts|half|rest|most|much)\s+of\b", text[end:], _I
    )
    if part and place_right_after(text, end + part.end(), places):
        return "territorial_control"  # "holds the upper part of the district"
    return None


def flee(text: str, start: int, end: int, places: Places) -> str | None:
    if _CIVILIANS_BEFORE.search(text, 0, start):
        return None
    if (
        _TAKEN_TO.match(text, end)
        and place_right_after(text, end, places)
        and not _TO_THE_HILLS.match(text, end)
    ):
        return None  # "helicopters that had fled to Panjshir": where they went, no ground lost
    if place_right_after(text, end, places) or (
        _COMBATANTS_BEFORE.search(text, max(0, start - 40), start)
        and (_NO_OBJECT_END.match(text, end) or _TO_THE_HILLS.match(text, end))
    ):
        return "territorial_control"  # "the enemy fled, leaving …": a retreat
    return None


def lost(text: str, start: int, end: int, places: Places) -> str | None:
    if _lost_people().match(text, end):
        return "casualties"
    if place_right_after(text, end, places):
        return "territorial_control"
    return None


def left_place(text: str, start: int, end: int, places: Places) -> str | None:
    if _CIVILIANS_BEFORE.search(text, 0, start) or re.match(r"\s+behind\b", text[end:], _I):
        return None
    if _COMBATANTS_BEFORE.search(text, max(0, start - 50), start) and place_right_after(
        text, end, places
    ):
        return "territorial_control"
    return None


def place_fell(text: str, start: int, end: int, places: Places) -> str | None:
    """ "Khenj, Bazarak and Rokha fell on Monday": a place (name or place noun) that fell."""
    return "territorial_control" if place_right_before(text, start, places) else None


def repelled(text: str, start: int, end: int, places: Places) -> str | None:
    return "territorial_control"


def control_object(text: str, start: int, end: int, places: Places) -> str | None:
    if _KEPT_FROM.search(text, max(0, start - 40), start):
        return None  # "blocked from entering the valley": a closed road
    if _NOT_A_PLACE_ENTRY.match(text, end):
        return None
    return "territorial_control"


def equipment(text: str, start: int, end: int, places: Places) -> str | None:
    after = text[end : end + 50]
    people = _people_after().match(after)
    rest = after[people.end() :] if people else ""
    if (
        people
        and rest.strip()
        and not re.match(
            rf"\s*(?:and|,)?\s*(?:[\w-]+\s+){{0,2}}(?:{placeholders()['equipment']})\b", rest, _I
        )
    ):
        return None  # "captured 11 fighters and seized weapons": people are its object
    return "equipment"


def not_equipment_seizure(text: str, start: int, end: int, places: Places) -> str | None:
    return "other"


DECIDE: dict[str, Callable[[str, int, int, Places], str | None]] = {
    "capture": capture,
    "hold": hold,
    "flee": flee,
    "lost": lost,
    "left_place": left_place,
    "repelled": repelled,
    "place_fell": place_fell,
    "control_object": control_object,
    "equipment": equipment,
    "not_equipment_seizure": not_equipment_seizure,
}
