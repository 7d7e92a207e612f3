"""What: claim triggers (the words that make a statement a claim) and their kind.

A trigger is a verb or noun of news language about the conflict ("killed", "captured",
"entered", "clashes", "abandoned their vehicles", "talks", "electricity"). Ambiguous words are
decided by their neighbours: "captured three districts" / "Bazarak captured" is
territorial_control, "600 captured" is captured_people; "lost 40 fighters" is casualties,
"lost heavy equipment" is equipment; "fleeing Panjshir" is territorial_control, "fleeing the
Taliban" is not. More rules of the same kind:

- fighters handing over / laying down *their own* weapons surrender (captured_people), while
  weapons handed over to someone are equipment;
- "captured three Taliban outposts": a party name before a place noun is a modifier, the
  object is a place (territorial_control);
- "repelled an attack" / "the assault was repelled" is the clash itself, not a change of
  control; "repelled them from the village" is;
- supplies kept out ("convoys blocked from entering", "fuel no longer reaching X") are
  infrastructure, not an entry; "stopped a lorry carrying rockets" is a seizure (equipment);
- "positions were hit/struck", "drone strikes" are clashes; people "taken away", "abducted"
  are captured_people; civilians "sheltering in" caves is other;
- "the enemy fled, leaving … behind": a retreat (territorial_control) and abandoned equipment;
- "in this battle …": the battle was claimed before, only the new facts count.

A trigger does not count when it is irrealis or negated in its clause: an infinitive of
purpose or attempt ("attempts to enter", "to prevent"), a modal ("will destroy"), "avoid
fighting", "never captured", "did not … fighting"; nor after "role in", "history of"; nor
under a conditional ("The fall of X, if confirmed, would …", "expected to", "likely to").
Negotiation words are exempt from the irrealis rule (a call for talks is a claim about talks).
A disruption named in a since-clause ("since the road was closed") is still claimed: it lasts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.model import KINDS

_I = re.IGNORECASE

_PEOPLE = (
    r"(?:taliban|fighters?|militants?|terrorists?|soldiers?|troops|men|people|civilians?|"
    r"members?|commanders?|insurgents?|rebels?|forces|personnel|guards?|prisoners?|"
    r"mujahideen|policemen|police|officers?|them|him|dozens|hundreds|thousands|talibs?|"
    r"several|many|some|\d[\d,]*)"
)
_EQUIPMENT = (
    r"(?:weapons?|weaponry|arms|ammunition|ammo|vehicles?|humvees?|tanks?|helicopters?|aircraft|"
    r"artillery|equipment|rifles?|guns?|trucks?|rockets?|missiles?|drones?|armou?red\s+\w+|"
    r"hardware|depots?|arsenal|munitions?|gear|pick-?ups?|jets?|planes?)"
)
_PLACE_NOUN = (
    r"(?:districts?|provinces?|valleys?|capital|city|cities|towns?|villages?|pass|passes|"
    r"areas?|regions?|territory|territories|headquarters|offices?|compound|bases?|"
    r"checkpoints?|posts?|positions?|outposts?|centre|center|airport|border|crossing|roads?|"
    r"highways?|mountains?|hills?|heights|strongholds?|palace|buildings?|outskirts|plains?|"
    r"junction|gorge|side\s+valleys)"
)

# kind → pattern (infrastructure nouns need a disruption word nearby: see _infrastructure_spans).
_LEXICON: dict[str, str] = {
    "casualties": (
        r"\b(?:killed|kills?|killing|dead|deaths?|died|dies|slain|liquidated|eliminated|"
        r"neutrali[sz]ed|wiped\s+out|massacred?|executed|perished|martyred|casualties|"
        r"fatalities|wounded|injured|bodies|(?:death|casualty|heavy|\w+)\s+toll|"
        r"gunned\s+down|shot\s+dead|mowed\s+down|"
        r"(?:heavy|huge|major|severe|significant|serious)\s+(?:losses|blow)|"
        r"suffer(?:ed|ing|s)?\s+(?:\w+\s+)?(?:losses|blow))\b"
    ),
    "captured_people": (
        r"\b(?:arrested|detain(?:ed|ing|s)?|imprisoned|jailed|prisoners?\s+of\s+war|"
        r"(?:taken|took|take|taking)\s+(?:[\w,]+\s+){0,2}?prisoners?|"
        r"hostages?|surrender(?:ed|s|ing)?|trapped|encircled|besieged|defected|in\s+custody|"
        r"laid\s+down\s+(?:their\s+)?(?:arms|weapons)|gave\s+themselves\s+up)\b"
    ),
    "territorial_control": (
        r"\b(?:entered|enters?|entering|took\s+(?:over|control)|"
        r"taken\s+(?:over|control)|takes?\s+(?:over|control)|takeover|overran|overrun|breached|"
        r"(?:wrest(?:ed|ing|s)?|regain(?:ed|ing|s)?|assum(?:ed|ing)|seiz(?:ed|ing)|gain(?:ed|ing)|"
        r"took|taken|retain(?:ed|ing|s)?|lost|claim(?:ed|ing|s)?)\s+(?:full\s+|back\s+|total\s+)?control|"
        r"(?:full|total|complete|effective)\s+control|"
        r"pushed\s+(?:them\s+|him\s+|the\s+\w+\s+)?back|pushed\s+(?:\w+\s+)?out|repuls(?:ed|ing)|repell(?:ed|ing)|"
        r"(?:beaten|thrown|driven|forced)\s+back|br(?:oke|oken|eaking)\s+through|"
        r"dr(?:o|i)ve\s+(?:\w+\s+)?out|driven\s+(?:\w+\s+)?out|"
        r"retreat(?:ed|ing|s)?|withdr(?:ew|awn)|holds|controls|is\s+controlled|are\s+controlled|"
        r"under\s+(?:\w+\s+){0,2}control|in\s+the\s+hands\s+of|"
        r"(?:advanc|mov|head|push|pour|march|roll|driv|sweep|swept|pour)(?:ed|es|ing|e|s)?\s+"
        r"(?:(?:north|south|east|west)\w*\s+|deep(?:er)?\s+|down\s+)?(?:into|towards?|through|"
        r"over|past|on)\b|"
        r"recaptured|retook|retaken|took\s+back|taken\s+back|liberated|fell\s+to|fall\s+of|"
        r"(?:had|has|have)\s+(?:not\s+)?fallen|(?:took|taken|taking|take)\s+up\s+positions?|"
        r"reach(?:ed|es|ing)?\s+the\s+(?:outskirts|edges?|gates|centre|center)\s+of|"
        r"(?:fighters|troops|forces|militants|reinforcements|convoys?|columns?|units?)\s+(?:\w+\s+){0,2}?"
        r"(?:arrived|arriving|arrive)\s+(?:in|at)\b|"
        r"(?:forces|fighters|troops|men|units|soldiers|militants|mujahideen|resistance|taliban)\s+"
        r"(?:\w+\s+){0,2}?(?:remain(?:ed|s)?|stay(?:ed|s)?|(?:are|is|were)\s+(?:still\s+)?present)\s+in\b|"
        r"(?:province|district|valley|town|city|village|area|pass|region|territory|capital|"
        r"(?-i:[A-Z])[\w'-]+)\s+(?:is|are|was|were)\s+(?:now\s+|all\s+|still\s+)?(?:ours|theirs)\b|upper\s+hand|gained\s+ground|gains|in\s+control\s+of|stormed|"
        r"cleared|cleans(?:ed|ing)|purg(?:ed|ing)|wiped\s+out\s+from|"
        r"in\s+(?:our|their|its|his|the\s+\w+'s?)\s+hands|raised\s+(?:their|its|the)\s+(?:\w+\s+)?flag|"
        r"(?:fled|fleeing|flee)\s+(?:from|into)\b)"
    ),
    "clashes": (
        r"\b(?:clash(?:es|ed)?|fight(?:ing|s)?|fought|battles?|battled|battling|"
        r"(?:counter-?)?attack(?:s|ed|ing)?|counter-?offensives?|"
        r"offensives?|engagements?|assaults?|assaulted|gunfights?|firefights?|skirmish(?:es)?|"
        r"shelling|shelled|air\s*strikes?|airstrikes?|bombing|bombed|combat|hostilities|"
        r"(?:fierce|stiff|heavy|strong|tough)\s+resistance|war(?![-\w])|invasion|invad(?:ed|ing)|"
        r"ambush(?:ed|es)?|raids?|raided|gunfire|firing|under\s+(?:heavy\s+)?fire)\b"
    ),
    "negotiation": (
        r"\b(?:talks|negotiat(?:ions?|ed|ing|e|ors?)|amnesty|demand(?:s|ed|ing)?|proposals?|"
        r"proposed|cease-?fire|truce|peace\s+(?:deal|talks|agreement|plan|process)|"
        r"agreements?|mediat(?:ion|ed|ors?|ing)|delegations?|dialogue|ultimatum|"
        r"nothing\s+short\s+of|resolved?\s+(?:\w+\s+){0,3}?peacefully|peaceful(?:ly)?\s+"
        r"(?:solution|settlement|resolution)|deal\b)"
    ),
    "infrastructure": (
        r"\b(?:roadblocks?|road\s+blocks?|blockade|blackout|"
        r"blew\s+up\s+(?:a|an|the)\s+(?:\w+\s+)?(?:mountain|road|bridge|pass|tunnel|dam|building)|"
        r"blown\s+up)\b"
    ),
    "other": (
        r"\b(?:sent\s+(?:\w+\s+){0,4}?(?:fighters|troops|forces|reinforcements|soldiers|men)|"
        r"reinforcements|deployed|dispatched|mass(?:ed|ing)\s+(?:\w+\s+)?(?:forces|troops|"
        r"fighters)|amass(?:ed|ing)|gathered|mobili[sz](?:ed|ing)|joining\s+the\s+\w+|"
        r"joined\s+the\s+(?:resistance|fight|\w+\s+forces)|sought\s+refuge|took\s+refuge|"
        r"threaten(?:ed|s|ing)|evacuat(?:ed|ion|ing)|refugees|curfew|"
        r"displaced(?!\s+(?:families|people|residents|civilians|persons|villagers)\s+(?:\w+\s+)?"
        r"(?:said|say|says|told|tell|described|describe|reported|recounted|interviewed))|"
        r"(?:families|civilians|residents|villagers|people)\s+(?:\w+\s+){0,3}?(?:fled|fleeing|flee)|"
        r"house-to-house\s+searches|searches|mass(?:ed|ing)?\s+(?:in|at|near|around|outside)\b|"
        r"(?:burn(?:ed|t|ing)|torch(?:ed|ing)|set\s+fire\s+to|razed)\s+(?:[\w-]+\s+){0,4}?(?:homes|houses|shops|"
        r"villages?|compounds?|crops)|set\s+(?:\w+\s+){1,3}?(?:on\s+fire|ablaze|alight)|"
        r"(?:families|households|civilians|residents|villagers)\s+(?:\w+\s+){0,3}?(?:left|arrived|escaped))\b"
    ),
}
_INFRA_NOUN = re.compile(
    r"\b(?:electricity|power\s+(?:supply|lines?|grid)|internet|phone(?:\s+and\s+internet)?\s+"
    r"(?:lines?|networks?|services?|connections?)|telecom\w*|(?:mobile|cell(?:ular)?|phone)\s+"
    r"(?:networks?|services?|coverage)|communications?|roads?|highways?|bridges?|routes?|"
    r"supply\s+lines?|water\s+supply|tunnel|lines|traffic)\b",
    _I,
)
_DISRUPTION_STEMS = (
    "cut", "down", "block", "clos", "destroy", "disrupt", "sever", "shut", "stop", "outage",
    "blackout", "knocked", "damag", "mined", "blew", "blown", "obstruct", "suspend", "jammed",
    "landslide", "restor", "reopen", "halt", "open", "check",
)  # fmt: skip
_DISRUPTION_STEM_RX = re.compile("|".join(_DISRUPTION_STEMS))
_DISRUPTION = re.compile(
    r"\b(?:cut(?:\s+off|\s+down)?|down|blocked|blocking|block|closed|closing|closure|destroyed|"
    r"disrupted|severed|shut(?:\s+down)?|stop|outages?|blackout|knocked\s+out|damaged|mined|"
    r"blew\s+up|blown\s+up|obstruct\w*|suspended|jammed|landslide|restored|reopen\w*|halted|"
    r"(?:is|are|was|were|remains?|remained|been|be)\s+(?:now\s+|again\s+|still\s+)?open|"
    r"opened(?!\s+fire)|checking|checkpoints?)\b",
    _I,
)
# Ambiguous verbs decided by their neighbours (handled in code).
_CAPTURE = re.compile(r"\b(?:captured?|capturing|seized|seizing|took|taken|overran)\b", _I)
_HOLD = re.compile(r"\b(?:hold|holding|held|retain|retains|retained|secured|securing)\b", _I)
_FLEE = re.compile(r"\b(?:fled|fleeing|flee|flees)\b", _I)
_LOST = re.compile(r"\b(?:lost|losing|lose|loses)\b", _I)
_EQUIPMENT_VERB = re.compile(
    r"\b(?:seized|seizing|seize|captured|capturing|abandon(?:ed|ing)?|destroy(?:ed|ing)?|"
    r"left\s+behind|confiscated|lost|losing|took|taken|recovered|burn(?:ed|t)|shot\s+down|"
    r"downed|looted|handed\s+over|seizure|(?:left|leaving|leave|leaves)\s+(?:[\w-]+\s+){1,8}?behind)\b",
    _I,
)
_EQUIPMENT_NOUN = re.compile(rf"\b{_EQUIPMENT}\b", _I)
_PEOPLE_AFTER = re.compile(
    r"\s+(?:(?:the|a|an|their|its|his|her|our|enemy|\d[\d,]*|about|over|some|several|"
    r"more\s+than|at\s+least|nearly|\w+teen|\w+ty|one|two|three|four|five|six|seven|eight|nine|"
    rf"ten|eleven|twelve|hundred|thousand|dozen|scores\s+of)\s+){{0,3}}{_PEOPLE}\b",
    _I,
)
_NO_OBJECT = re.compile(
    r"\s*(?:[,.;:!?\"]|$|(?:earlier|later|on|in|last|this|yesterday|overnight|by)\b)", _I
)
_PEOPLE_RX = re.compile(rf"\b{_PEOPLE}\b", _I)
_PLACE_NOUN_RX = re.compile(rf"\b{_PLACE_NOUN}\b", _I)

_DETERMINERS_AFTER = re.compile(
    r"\s+\"?(?:back\s+)?(?:from\s+|into\s+|to\s+|out\s+of\s+|control\s+of\s+|(?:the\s+)?rest\s+of\s+|"
    r"(?:all|most|much|parts?|some|(?:the\s+)?whole)\s+of\s+)?(?:(?:the|a|an|its|their|his|her|\w+'s|several|every|"
    r"all|two|three|four|five|six|\d+|key|strategic|main|provincial|district|\w+ern|entire|whole|"
    r"more|other|further|several|remaining|"
    r"upper|lower|side|remaining|last|our|your|taliban|enemy|resistance|nrf|rebel|militant|"
    r"government|army|insurgent)\s+){0,3}",
    _I,
)
_PLACE_NOUN_AT = re.compile(rf"{_PLACE_NOUN}\b", _I)
_AUX_BEFORE = re.compile(
    r"(?:\s+(?:had|has|have|was|were|is|are|being|been|also|reportedly|now|already|allegedly))*\s+$",
    _I,
)
_PLACE_NOUN_BEFORE = re.compile(rf"\b{_PLACE_NOUN}$", _I)
_PLACE_NOUN_AFTER = re.compile(rf"\s+(?:[\w-]+\s+)?{_PLACE_NOUN}\b", _I)

# "(?=[a-z])" adds nothing to what matches; it makes the scan ~30% faster (measured).
_COMPILED = [(kind, re.compile(f"(?=[a-z])(?:{rx})", _I)) for kind, rx in _LEXICON.items()]
assert all(kind in KINDS for kind in _LEXICON)
# Substrings one of which every match of a kind's pattern contains (a fast pre-check).
STEMS: dict[str, tuple[str, ...]] = {
    "casualties": (
        "kill", "dead", "death", "died", "dies", "slain", "liquidat", "eliminat", "neutrali",
        "wiped", "massacr", "execut", "perish", "martyr", "casualt", "fatalit", "wound", "injur",
        "bodies", "toll", "gunned", "shot", "mowed", "losses", "blow",
    ),
    "captured_people": (
        "arrest", "detain", "imprison", "jail", "prisoner", "hostage", "surrender", "trapped",
        "encircl", "besieg", "defect", "custody", "laid", "gave",
    ),
    "territorial_control": (
        "enter", "took", "taken", "take", "overr", "breach", "control", "push", "drove", "driv",
        "retreat", "withdr", "hold", "repuls", "repell", "back", "through", "hands", "advanc",
        "mov", "head", "pour", "march", "roll",
        "sweep", "swept", "recaptur", "retook", "retaken", "liberat", "fell", "fall", "upper",
        "gain", "storm", "clear", "wiped", "flag", "fled", "flee", "cleans", "purg", "fallen",
        "position", "reach", "remain", "arriv", "stay", "present", "ours", "theirs",
    ),
    "clashes": (
        "clash", "fight", "fought", "battl", "attack", "offensive", "engagement", "assault",
        "skirmish", "shell", "strike", "bomb", "combat", "hostilit", "resistance", "war",
        "invasion", "invad", "ambush", "raid", "gunfire", "firing", "under",
    ),
    "negotiation": (
        "talks", "negotiat", "amnesty", "demand", "propos", "cease", "truce", "peace", "agreement",
        "mediat", "delegation", "dialogue", "ultimatum", "short of", "resolve", "deal",
    ),
    "infrastructure": ("roadblock", "road block", "blockade", "blackout", "blew up", "blown up"),
    "other": (
        "sent", "reinforcement", "deploy", "dispatch", "mass", "gather", "mobili", "joining",
        "joined", "refuge", "threat", "evacuat", "displac", "curfew", "searches", "fled", "flee",
        "burn", "torch", "fire", "razed", "ablaze", "alight", "left", "arrived", "escaped",
    ),
}  # fmt: skip
assert set(STEMS) == set(_LEXICON)
_STEM_RX = {kind: re.compile("|".join(map(re.escape, stems))) for kind, stems in STEMS.items()}
_LOST_PEOPLE = re.compile(
    rf"\s+(?:(?:(?:about|over|more\s+than|at\s+least|some|nearly)\s+)?(?:\S+\s+){{0,3}}?{_PEOPLE}\b"
    r"|(?:their|his|its)\s+lives\b)",
    _I,
)

_BARE_VERBS = frozenset(
    [
        "enter",
        "enters",
        "capture",
        "seize",
        "fight",
        "attack",
        "kill",
        "surrender",
        "retreat",
        "withdraw",
        "flee",
        "advance",
        "destroy",
        "control",
        "hold",
        "invade",
        "take",
        "push",
        "storm",
        "clash",
        "get",
        "overrun",
        "liberate",
        "defend",
        "overcome",
        "weaken",
        "break",
        "recapture",
        "retake",
    ]
)
_TO_OK = re.compile(
    r"\b(?:failed|fail|forced|forcing|managed|compelled|began|begun|started|"
    r"continu\w*|due|led|resulting|leading|according|similar|close|next|up|owing|"
    r"(?:forcing|forced)\s+\w+)\s+(?:\w+\s+)?to\s+(?:\w+\s+)?$",
    _I,
)
_IRREALIS = re.compile(
    r"(?:\b(?:will|would|could|might|may|should|shall|must|can|cannot|can't|won't|avoid|avoiding|"
    r"prevent|preventing|stop|halt|avert|if|unless|future|plans?\s+to|planning\s+to|"
    r"threat(?:en(?:ed|s)?)?\s+to|vow(?:ed|s)?\s+to|want(?:ed|s)?\s+to|aim(?:ed|s)?\s+to|"
    r"attempt(?:s|ed|ing)?\s+to|try(?:ing)?\s+to|tried\s+to|bid\s+to|order\s+to|"
    r"role\s+in|history\s+of|known\s+for|tradition\s+of|capable\s+of|ready\s+to|able\s+to|"
    r"expected\s+to|expect(?:s|ing)?|likely\s+to|poised\s+to|set\s+to|bound\s+to|unlikely\s+to|preparing|"
    r"prepared\s+for|prepares|gearing\s+up\s+for)"
    r"(?:\s+\S+){0,3}\s+$)",
    _I,
)
_NEGATION = re.compile(
    r"\b(?:not(?!\s+only)|never|no\s+longer|n't|neither|nor|nobody|no\s+one|none|"
    r"without(?!\s+(?:(?:providing|offering|giving|citing|presenting)\s+)?(?:any\s+)?(?:evidence|proof|"
    r"confirmation|details)))\b",
    _I,
)
_CLAUSE_BREAK = re.compile(r"[,;:.!?\"]|\s-\s|\bbut\b|\bwhile\b|\bwhereas\b", _I)
_SINCE_CLAUSE = re.compile(
    r"\bsince\s+(?!the\s+(?:(?:start|beginning|end|middle|onset)\s+of\s+(?:the\s+)?(?:spring|summer|"
    r"autumn|fall|winter|year|month|week)|weekend|morning|evening)\b)"
    r"(?:it|they|he|she|we|the|its|their|his|her|a|an)\b[^,;.]*",
    _I,
)
_NOMINAL_MODAL = re.compile(
    r"(?:\s+of)?(?:\s+(?:the\s+)?[\w'-]+){1,4}?\s+(?:will|would|could|might|may)\b", _I
)
_MODAL_AFTER = re.compile(r"\s+(?:will|would|could|might|shall)\b(?!\s+be\s+(?:heard|seen))", _I)
_AHEAD = re.compile(r"^\s+(?:\w+\s+){0,2}?(?:ahead|to\s+come)\b", _I)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A claim word at ``text[start:end]`` of the statement, and its kind."""

    kind: str
    start: int
    end: int
    rule: str = ""  # the id of the rule that found it

    def __post_init__(self) -> None:
        if not self.rule:
            object.__setattr__(self, "rule", f"K-{self.kind}")


def find_triggers(text: str, places: tuple[tuple[int, int], ...] = ()) -> list[Trigger]:
    """Realis, non-negated claim triggers in one statement (normalised text), in order.

    ``places`` are the (start, end) spans of place mentions in ``text``; they decide
    ambiguous verbs ("captured Bazarak", "fleeing Panjshir").
    """
    found: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    lower = text.lower()
    if "weapon" in lower or "arms" in lower or "gun" in lower or "rifle" in lower:
        # fighters handing over their own weapons surrender: people, not equipment
        for m in _SURRENDER.finditer(text):
            found.append(Trigger("captured_people", m.start(), m.end()))
            taken.append((m.start(), m.end()))
    if "carrying" in lower or "laden " in lower or "loaded " in lower:
        # "stopped a lorry carrying rockets": a seizure of what it carried
        for m in _INTERDICTION.finditer(text):
            found.append(Trigger("equipment", m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for stems, kind, rx in _RARE:
        # rarer wordings in small patterns of their own, looked at only when a stem is there
        for stem in stems:
            if stem in lower:
                break
        else:
            continue
        for m in rx.finditer(text):
            if not _overlaps(m.start(), m.end(), taken):
                found.append(Trigger(kind, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    for m in _HOLD.finditer(text):
        if _place_right_after(text, m.end(), places) and not re.match(
            r"\s+(?:out|talks|on)\b", text[m.end() :], _I
        ):
            found.append(Trigger("territorial_control", m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in _FLEE.finditer(text):
        if _CIVILIANS_BEFORE.search(text, 0, m.start()):
            continue
        if _place_right_after(text, m.end(), places) or (
            _COMBATANTS_BEFORE.search(text, max(0, m.start() - 40), m.start())
            and _NO_OBJECT_END.match(text, m.end())
        ):  # "the enemy fled, leaving …": a retreat
            found.append(Trigger("territorial_control", m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for start, end in _equipment_spans(text):
        if not _overlaps(start, end, taken):
            found.append(Trigger("equipment", start, end))
            taken.append((start, end))
    for start, end in _infrastructure_spans(text):
        if not _overlaps(start, end, taken):
            found.append(Trigger("infrastructure", start, end))
            taken.append((start, end))
    for m in _CAPTURE.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        kind = _capture_kind(text, m.start(), m.end(), m.group(0).lower(), places)
        if kind:
            found.append(Trigger(kind, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in _LOST.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        if _LOST_PEOPLE.match(text, m.end()):
            found.append(Trigger("casualties", m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for kind, rx in _COMPILED:
        if not _STEM_RX[kind].search(lower):
            continue  # cheap: most sentences hold words of one or two kinds only
        for m in rx.finditer(text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            if kind == "territorial_control" and _not_control(text, m.start(), m.end()):
                continue
            if kind == "clashes" and _RESTATED.search(text, max(0, m.start() - 30), m.start()):
                continue  # "in this battle …": the battle was claimed before
            if kind == "clashes" and _GENERIC_WAR.match(text, m.start()):
                continue  # "the horrors of war": war as an idea, not an event
            found.append(Trigger(kind, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda t: t.start)
    hypothetical = _HYPOTHETICAL.search(text) if "if " in lower else None
    return [
        t
        for t in found
        if _realis(text, t) and (hypothetical is None or not _same_clause(text, t, hypothetical))
    ]


_SURRENDER = re.compile(
    r"\b(?:hand(?:ed|ing|s)?\s+over|hand(?:ed|ing|s)?\s+in|turn(?:ed|ing|s)?\s+in|"
    r"gave\s+up|give\s+up|surrender(?:ed|ing|s)?)\s+(?:their|his|its|our|all\s+their)\s+"
    r"(?:own\s+)?(?:weapons|arms|guns|rifles|weapon)\b",
    _I,
)
_INTERDICTION = re.compile(
    r"\b(?:stopped|intercepted|seized|captured|ambushed)\s+(?:an?|the|two|three|four|five|\d+|"
    r"several)\s+(?:\w+\s+)?(?:lorry|lorries|trucks?|convoys?|vehicles?|shipments?|consignments?|"
    r"cars?|vans?)\s+(?:carrying|laden\s+with|loaded\s+with|full\s+of)\b",
    _I,
)
_SUPPLY_CUT = re.compile(
    r"\b(?:(?:aid|supply|relief|humanitarian|food|fuel)\s+)?(?:convoys?|supplies|deliveries|"
    r"lorries|shipments|fuel|flour|food|medicines?)\b(?:\s+(?!and\b|or\b)\w+){0,3}?\s+"
    r"(?:(?:had|has|have)\s+been\s+|were\s+|was\s+|are\s+|is\s+)?(?:no\s+longer|not|unable\s+to|"
    r"(?:been\s+)?(?:blocked|stopped|halted|barred|prevented|turned\s+back|held\s+up)\b)"
    r"(?:\s+(?:from\s+)?(?:be\s+)?(?:reach\w*|enter\w*|arriv\w*|get(?:ting)?\s+through|"
    r"com\w+\s+in))?",
    _I,
)
_CIVILIAN_HARM = re.compile(
    r"(?:harm(?:ed|ing)?|target(?:ed|ing)?|hurt|kill(?:ed|ing)?)\s+(?:any\s+|the\s+)?civilians?\b",
    _I,
)
_RARE = (
    (  # "young men had been taken away", "abducted", "rounded up"
        ("away", "abduct", "kidnap", "rounded up"),
        "captured_people",
        re.compile(
            r"\b(?:(?:taken|carried|dragged|led|marched)\s+away|abduct(?:ed|ing)|kidnap+(?:ed|ing)|"
            r"rounded\s+up)\b",
            _I,
        ),
    ),
    (  # "positions were hit 11 times", "drone strikes"
        (" hit", " struck", " targeted", " bombarded", " pounded", "drone strike"),
        "clashes",
        re.compile(
            r"\b(?:(?:was|were|been|being)\s+(?:repeatedly\s+)?(?:hit|struck|targeted|bombarded|"
            r"pounded)|drone\s+strikes?)\b",
            _I,
        ),
    ),
    (  # "aid convoys blocked", "fuel no longer reaching X": supply routes cut
        ("convoy", "suppl", "deliver", "lorr", "shipment", "fuel", "flour", "food", "medicine"),
        "infrastructure",
        _SUPPLY_CUT,
    ),
    (  # "ready to end the fighting": an offer to stop is about talks (exempt from irrealis)
        ("end ", "stop ", "halt ", "ending "),
        "negotiation",
        re.compile(
            r"\b(?:end(?:ing)?|stop(?:ping)?|halt(?:ing)?)\s+(?:the\s+)?(?:fighting|war|hostilities|"
            r"bloodshed)\b(?=[^.;]*\bif\b|[^.;]*\b(?:offer|ready|willing|prepared)\b)"
            r"|\b(?:offer(?:ed|s)?|ready|willing|prepared)\s+to\s+(?:end|stop|halt)\s+(?:the\s+)?"
            r"(?:fighting|war|hostilities|bloodshed)\b",
            _I,
        ),
    ),
    (  # "claim the checkpoint", "claimed two districts": a place taken, headline style
        ("claim",),
        "territorial_control",
        re.compile(
            r"\bclaim(?:s|ed)?\s+(?:the|an?|two|three|four|\d+)\s+(?:[\w-]+\s+)?(?:checkpoints?|"
            r"posts?|outposts?|bases?|districts?|towns?|villages?|cities|city|positions?|"
            r"headquarters|valley|pass|capital)\b",
            _I,
        ),
    ),
    (  # "did not harm any civilian", "denied targeting civilians": a denial of casualties
        ("civilian",),
        "casualties",
        _CIVILIAN_HARM,
    ),
    (  # "checking every car at X": a checkpoint on the road
        ("checking", "searching every", "stopping every"),
        "infrastructure",
        re.compile(
            r"\b(?:checking|searching|stopping)\s+(?:every|all|each)\s+(?:car|vehicle|lorry|truck|bus)s?\b",
            _I,
        ),
    ),
    (  # "civilians are sheltering in caves"
        ("shelter", "hiding in"),
        "other",
        re.compile(r"\b(?:sheltering|taking\s+shelter|took\s+shelter|hiding)\s+in\b", _I),
    ),
)
_REPELLED = re.compile(r"repell|repuls", _I)
_ATTACK_OBJECT = re.compile(
    r"\s+(?:(?:an?|the|their|its|his|this|that|every|another|two|three|several)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:counter-?)?(?:attacks?|assaults?|offensives?|raids?|ambush(?:es)?|"
    r"incursions?|attempts?|advances?|push)\b",
    _I,
)
_ATTACK_SUBJECT = re.compile(
    r"\b(?:attacks?|assaults?|offensives?|raids?|incursions?|advances?)\s+(?:was|were|had\s+been|"
    r"has\s+been|have\s+been)\s+(?:\w+\s+)?$",
    _I,
)
_KEPT_FROM = re.compile(
    r"\b(?:blocked|prevented|barred|stopped|kept|banned)\s+(?:\w+\s+)?from\s+$", _I
)
_GENERIC_WAR = re.compile(r"war\b(?<=\bof\s(?:war))", _I)
_RESTATED = re.compile(r"\b(?:in|during|after)\s+(?:this|that|these|those|the\s+same)\s+$", _I)
_HYPOTHETICAL = re.compile(
    r",\s*if\s+(?:confirmed|true|verified|accurate|so|correct|successful|it\s+happens),"
    r"|\bif\s+confirmed\b",
    _I,
)


def _not_control(text: str, start: int, end: int) -> bool:
    """ "repelled the attack" is a clash, not a change of control; "blocked from entering
    the valley" is a closed road, not an entry."""
    if _REPELLED.match(text, start):
        return bool(
            _ATTACK_OBJECT.match(text, end)
            or _ATTACK_SUBJECT.search(text, max(0, start - 60), start)
        )
    return _KEPT_FROM.search(text, max(0, start - 40), start) is not None


def _same_clause(text: str, trigger: Trigger, mark: re.Match[str]) -> bool:
    """True when the conditional ``mark`` governs ``trigger``: the trigger is in the
    conditional's predicate (after it, same sentence part) or in its subject (right before it,
    with no reporting verb or relative pronoun between: "The fall of X, if confirmed, would …",
    not "They said they took X, which, if confirmed, would …")."""
    lo = text.rfind(";", 0, trigger.start) + 1
    hi = text.find(";", trigger.end)
    hi = len(text) if hi < 0 else hi
    if not lo <= mark.start() < hi:
        return False
    if trigger.start > mark.start():
        return True
    return _NOT_SUBJECT.search(text, trigger.end, mark.start()) is None


_NOT_SUBJECT = re.compile(
    r"\b(?:said|says|say|claimed|claims|reported|announced|which|that|who|and|but)\b|[.!?:]", _I
)


_COMBATANTS_BEFORE = re.compile(
    r"\b(?:enemy|taliban|fighters|militants|forces|troops|rebels|insurgents|attackers|"
    r"soldiers|mujahideen|others|the\s+rest)\s+(?:(?:had|have|has|then|quickly|eventually|reportedly)\s+)?$",
    _I,
)
_NO_OBJECT_END = re.compile(r"\s*(?:[,.;!?]|$)")
_CIVILIANS_BEFORE = re.compile(
    r"\b(?:families|civilians|residents|villagers|people|women|children)\s+(?:\w+\s+){0,3}$", _I
)


def _infrastructure_spans(text: str) -> list[tuple[int, int]]:
    """Spans of infrastructure nouns with a disruption word within a few words
    ("internet lines ... have been cut", "blocking the main road", "the road ... closed")."""
    spans = []
    lower = text.lower()
    if not _DISRUPTION_STEM_RX.search(lower):
        return spans
    cuts = [(m.start(), m.end()) for m in _DISRUPTION.finditer(text)]
    if not cuts:
        return spans
    for m in _INFRA_NOUN.finditer(text):
        for cs, ce in cuts:
            gap = text[m.end() : cs] if cs >= m.end() else text[ce : m.start()]
            if len(gap.split()) <= 7 and not re.search(r"[;.!?]", gap):
                spans.append((m.start(), m.end()))
                break
    return spans


def _equipment_spans(text: str) -> list[tuple[int, int]]:
    """Verb spans of equipment claims: a seizure/loss verb within a few words of an
    equipment noun ("abandoned their vehicles", "equipment … destroyed")."""
    spans = []
    nouns = [(m.start(), m.end()) for m in _EQUIPMENT_NOUN.finditer(text)]
    if not nouns:
        return spans
    for m in _EQUIPMENT_VERB.finditer(text):
        for ns, ne in nouns:
            gap = text[m.end() : ns] if ns >= m.end() else text[ne : m.start()]
            if len(gap) <= 45 and not re.search(r"[;.]", gap) and len(gap.split()) <= 6:
                people = _PEOPLE_AFTER.match(gap) if ns >= m.end() else None
                if people and gap[people.end() :].strip():
                    continue  # "captured 11 fighters and seized weapons": people are its object
                spans.append((m.start(), m.end()))
                break
    return spans


def _place_right_after(text: str, pos: int, places: tuple[tuple[int, int], ...]) -> bool:
    """A place mention (or place noun) within the next few words after ``pos``, past
    determiners and modifiers ("every district", "the Shotul district headquarters")."""
    m = _DETERMINERS_AFTER.match(text, pos)
    limit = m.end() if m else pos
    starts = {s for s, _ in places}
    for word in _WORD.finditer(text, pos, limit + 1):
        at = word.start() + len(word.group(0)) - len(word.group(0).lstrip("\"'("))
        if at in starts or _PLACE_NOUN_AT.match(text, at):
            return True
    return limit in starts or _PLACE_NOUN_AT.match(text, limit) is not None


_WORD = re.compile(r"\S+")


def _place_right_before(text: str, pos: int, places: tuple[tuple[int, int], ...]) -> bool:
    """A place mention (or place noun) ending right before ``pos``, past auxiliaries."""
    m = _AUX_BEFORE.search(text, 0, pos)
    at = m.start() if m else pos
    if any(e == at for _, e in places):
        return True
    return _PLACE_NOUN_BEFORE.search(text, 0, at) is not None


def _capture_kind(
    text: str, start: int, end: int, word: str, places: tuple[tuple[int, int], ...]
) -> str | None:
    """territorial_control when a place is captured, captured_people when people are."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 60]
    place_after = _place_right_after(text, end, places)
    place_before = _place_right_before(text, start, places)
    people_before = re.search(
        rf"{_PEOPLE}\s+(?:(?:had|has|have|was|were|is|are|being)\s+)?(?:been\s+)?(?:also\s+)?$",
        before,
        _I,
    )
    people_after = _PEOPLE_AFTER.match(after)
    if people_after and _PLACE_NOUN_AFTER.match(after, people_after.end()):
        people_after = None  # "captured three Taliban outposts": the people word is a modifier
    if word in ("took", "taken", "seized", "seizing", "overran"):
        # "took" is only a claim with a place object ("took Bazarak", "took control").
        if place_after and not (people_after and word in ("took", "taken")):
            return "territorial_control"
        return "territorial_control" if place_before and word != "took" else None
    if re.match(r"\s+(?:or|and)\s+(?:surrender|imprison|detain|arrest|kill)", after, _I):
        return "captured_people"
    if place_after and not people_after:
        return "territorial_control"  # "captured the Shotul district headquarters"
    if people_before and not place_before:
        return "captured_people"
    if place_before:
        return "territorial_control"
    if people_before or people_after:
        return "captured_people"
    no_object = _NO_OBJECT.match(after) is not None
    if no_object and (
        _PLACE_NOUN_RX.search(before) or any(s < start and start - e < 80 for s, e in places)
    ):
        return "territorial_control"  # "the districts the Taliban said they had captured"
    return "captured_people"


def _realis(text: str, trigger: Trigger) -> bool:
    clause_start = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, trigger.start):
        clause_start = m.end()
    before = text[clause_start : trigger.start]
    word = text[trigger.start : trigger.end].lower().split()[0]
    if trigger.kind != "infrastructure" and any(
        m.start() < trigger.start <= m.end() for m in _SINCE_CLAUSE.finditer(text)
    ):  # "since the Taliban took Kabul" is background; "since the road was closed" a lasting cut
        return False
    if _CONDITIONAL.search(before):
        return False
    control = trigger.kind == "territorial_control"
    if trigger.kind != "negotiation":
        if _IRREALIS.search(before) and not (control and _NEGATIVE_ABILITY.search(before)):
            return False
        modal = _MODAL.search(before) and not _EVIDENTIAL.search(before)
        if modal and not (control and _NEGATIVE_ABILITY.search(before)):
            return False
        if (
            word in _BARE_VERBS
            and re.search(r"\bto\s+(?:\w+\s+)?$", before)
            and not _TO_OK.search(before)
        ):
            return False
        if _AHEAD.match(text[trigger.end : trigger.end + 30]):
            return False
        if _MODAL_AFTER.match(text, trigger.end):
            return False
        if word in ("fall", "capture", "loss", "takeover", "seizure") and _NOMINAL_MODAL.match(
            text, trigger.end
        ):
            return False  # "The fall of Bazarak would mark …": a prediction
    if control or trigger.kind == "negotiation":
        # "failed to enter", "cannot enter", "will not negotiate": still claims about control/talks
        return _HABITUAL.search(before) is None

    if _THERE_IS_NO.search(before) or _CIVILIAN_HARM.match(text, trigger.start):
        return True  # a denial ("there is no fighting in X") is a claim of what it denies
    return not _NEGATION.search(before) and not _NO_BEFORE.search(before)


_THERE_IS_NO = re.compile(
    r"\bthere\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+no\s+(?:more\s+|real\s+|"
    r"active\s+)?$",
    _I,
)


_NO_BEFORE = re.compile(r"\bno\s+(?:[\w-]+\s+){0,3}$", _I)
_HABITUAL = re.compile(r"\b(?:never|no\s+longer)\b", _I)
_CONDITIONAL = re.compile(r"\b(?:if|unless|whether)\b", _I)
_MODAL = re.compile(
    r"\b(?:will|would|could|might|may|should|shall|must|can|cannot|can't|won't)\b", _I
)
_EVIDENTIAL = re.compile(r"\b(?:could|can)\s+be\s+(?:seen|heard)\b", _I)
_NEGATIVE_ABILITY = re.compile(
    r"\b(?:cannot|can't|could\s+not|couldn't|unable\s+to|failed\s+to)\b", _I
)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)
