"""Who: the claimant of each part of a statement, and the side they speak for.

Attribution cues of news language, each with the part of the statement it covers (its scope):

- "according to X, …" — the whole statement;
- "X said (that) …", "X claimed to have …", "X announced …" — what follows the verb;
- "…, X said." / "…" – X wrote on Twitter." / "…, the latter has announced." — what precedes;
- "…, says X" / "…, claims X" (headline style) — what precedes;
- a coordinated verb ("… and said …", "… but acknowledged …") keeps the subject of its clause;
- a pronoun speaker ("He said", "They also claim") is the previous statement's speaker.

The side is decided from who speaks (the speaker phrase and its apposition: "Fahim Dashti,
an NRF spokesperson"), never from whom the sentence is about. Parts of a statement that no
cue covers are asserted by the outlet (``claimant`` = outlet name or "the reporter", side
"other").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE

# Actors of this conflict (the guideline's list): organisations, their leaders and spokesmen.
NRF_WORDS = re.compile(
    r"\b(?:anti-taliban|NRF|NRFA|national\s+resistance\s+front|resistan(?:ce|t)|northern\s+alliance|"
    r"massoud|saleh|dashti|nazary|panjshiri?\s+(?:fighters|forces|commanders?)|"
    r"ahmad\s+massoud|amrullah)\b",
    _I,
)
TALIBAN_WORDS = re.compile(
    r"\b(?:taliban|islamic\s+emirate|zabihullah|mujahid|bilal\s+karimi|karimi|samangani|"
    r"haqqani|muttaqi)\b",
    _I,
)
PRESS_WORDS = re.compile(
    r"\b(?:reporters?|journalists?|correspondents?|media|news|agency|press|newspaper|reuters|"
    r"ap|afp|bbc|cnn|al\s+jazeera|tolo\w*|pajhwok|witness(?:es)?|residents?|locals?|"
    r"villagers|analysts?|observers?|officials?\s+(?:in|from)\s+(?:washington|the\s+us)|"
    r"united\s+nations|un|pentagon|state\s+department|white\s+house|republic|"
    r"elders?|activists?|doctors?|hospital|aid\s+(?:group|agency|workers?)|ngo)\b",
    _I,
)
GENERIC_WORDS = re.compile(
    r"^(?:(?:a|an|the|some|several|unnamed|anonymous|local)\s+)*(?:people|persons?|sources?|"
    r"someone|somebody|others|reports?|videos?|footage)\b",
    _I,
)
_CUE = (
    r"said|says|say|saying|claimed|claims|claim|claiming\s+that|tweeted|tweets|wrote|writes|"
    r"announced|announces|announcing|reported|reports|revealed|reveals|told|tells|added|adds|"
    r"stated|states|confirmed|confirms|denied|denies|insisted|insists|acknowledged|"
    r"acknowledges|admitted|admits|alleged|alleges|asserted|noted|posted|warned|warns|declared|"
    r"declares|explained|quoted|called\s+on|urged|urges|maintained|disclosed|informed|"
    r"mentioned|indicated|boasted|estimated|put\s+the\s+(?:death\s+)?toll\s+at|announce|"
    r"told\s+\w+|report|reiterated|argued"
)
CUE = re.compile(rf"\b(?:{_CUE})\b", _I)
ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,;:.!?\"]+)", _I)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|the\s+(?:spokes(?:man|woman|person)|group|official|source))$", _I)
_LATTER = re.compile(r"^the\s+(?:latter|former)$", _I)
_ADVERBIAL = re.compile(
    r"^(?:on|in|at|after|before|following|earlier|later|late|early|meanwhile|however|"
    r"reportedly|eventually|recently|also|then|now|today|tonight|yesterday|this|last|over|"
    r"during|since|in\s+addition|besides|moreover|furthermore|separately|similarly|speaking|"
    r"citing|responding|asked|overnight|separately|but|and|so|yet|still|instead|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"on\s+the\s+other\s+hand|for\s+its\s+part|in\s+turn|\w+ing|\w+ly)\b",
    _I,
)
_AUX = re.compile(
    r"\b(?:have|has|had|is|are|was|were|will|would|could|can|may|might|been|be|being|also|"
    r"reportedly|later|earlier|then|now|already|allegedly|separately|again|further|once|"
    r"could\s+be\s+heard|could\s+be\s+seen|"
    r"(?:on|late\s+on|early\s+on)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    _I,
)
_LEADING_CONJ = re.compile(r"^(?:and|but|while|as|so|yet|then|whereas|that|which|who)\s+", _I)
_TRAILING_TIME = re.compile(
    r"\s+(?:(?:on|late\s+on|early\s+on|earlier\s+on)\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|today|yesterday|tonight)(?:\s+(?:night|morning|evening))?$",
    _I,
)
_ROLE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|spokespeople|commander|leader|official|minister|chief|"
    r"president|governor|head|source|member|representative|envoy|general|deputy|adviser|advisor|"
    r"aide|director|founder|analyst|correspondent)\b",
    _I,
)
_NAME_AT_END = re.compile(r"(?<![\w'-])((?:[A-Z][\w'-]+\s+){1,3}[A-Z][\w'-]+)$")
_BOUNDARY = re.compile(r"[\";:()]|\s-\s|\bthat\b|\bwhich\b|\bwho\b|[.!?]\s", _I)
_POST_TAIL = re.compile(
    r"^(?:\s+(?:on|in|to|via|at|during|through|after|late|earlier|from|with|this|last)\b[^,;\"]*)?"
    r"\s*[.!?\"]*\s*$",
    _I,
)
MAX_SPEAKER_WORDS = 9


@dataclass(frozen=True, slots=True)
class Speaker:
    """A claimant and side covering ``text[scope_start:scope_end]`` of a statement."""

    claimant: str
    side: str
    scope_start: int
    scope_end: int


def classify_side(phrase: str, outlet: str | None = None, group_side: str | None = None) -> str:
    """NRF, Taliban, other or unknown for a speaker phrase (with its apposition)."""
    if re.search(r"\banti-taliban\b", phrase, _I):
        return "NRF"
    phrase = re.sub(r"\b(?:against|fighting|opposing|anti-?)\s*(?:the\s+)?\w+", " ", phrase, flags=_I)
    nrf = NRF_WORDS.search(phrase)
    taliban = TALIBAN_WORDS.search(phrase)
    if nrf and taliban:
        return "NRF" if nrf.start() < taliban.start() else "Taliban"
    if nrf:
        return "NRF"
    if taliban:
        return "Taliban"
    if re.search(r"\b(?:the\s+)?group\b", phrase, _I) and group_side:
        return group_side
    if outlet and outlet.lower() in phrase.lower():
        return "other"
    if PRESS_WORDS.search(phrase):
        return "other"
    return "unknown"


def find_speakers(
    text: str,
    original: str,
    *,
    outlet: str | None,
    previous: Speaker | None = None,
    context: str = "",
) -> list[Speaker]:
    """Speakers of one statement. ``text`` is the normalised statement, ``original`` the same
    span of the article as written (claimant strings are taken from it). ``context`` is the
    text before the statement in its paragraph (for "the group", "the latter")."""
    speakers: list[Speaker] = []
    n = len(text)
    for m in ACCORDING.finditer(text):
        who = m["who"].strip()
        phrase = original[m.start("who") : m.start("who") + len(who)]
        speakers.append(_speaker(phrase, text[: m.start()] + " " + context, 0, n, outlet, previous))
    if speakers:
        return speakers
    for m in CUE.finditer(text):
        if _is_noun_use(text, m):
            continue
        after = text[m.end() :]
        before_start = _boundary_before(text, m.start())
        left = text[before_start : m.start()]
        # inverted, headline style: "…, says Taliban" / "…, claims Panjshir resistance"
        inv = re.match(r"^\s+((?:the\s+)?[A-Za-z][\w' -]{1,60}?)\s*[.!?]?\s*$", after)
        if inv and re.search(r"[,:;]\s*$|\"\s*$", text[: m.start()]) and not left.strip(" ,"):
            who_start = m.end() + inv.start(1)
            phrase = original[who_start : m.end() + inv.end(1)]
            speakers.append(_speaker(phrase, context, 0, m.start(), outlet, previous))
            continue
        head = _clean_left(left)
        if head is None:
            continue
        phrase_text, rel_start = head
        start = before_start + rel_start
        phrase = original[start : start + len(phrase_text)]
        if not phrase.strip():
            # coordinated verb: "... and said ...", "... but acknowledged ..."
            if speakers:
                prior = speakers[-1]
                speakers.append(Speaker(prior.claimant, prior.side, m.end(), n, ))
                continue
            subject = _sentence_subject(text)
            if subject is None:
                continue
            s_start, s_end = subject
            phrase = original[s_start:s_end]
        post = _POST_TAIL.match(after) is not None
        if post:
            speakers.append(_speaker(phrase, text[:start] + " " + context, 0, start, outlet, previous))
        else:
            speakers.append(_speaker(phrase, text[:start] + " " + context, m.end(), n, outlet, previous))
    return speakers


def default_claimant(outlet: str | None) -> str:
    """Who asserts what no cue attributes: the outlet, else "the reporter"."""
    return outlet or "the reporter"


def _speaker(
    phrase: str, before: str, scope_start: int, scope_end: int, outlet: str | None, previous: Speaker | None
) -> Speaker:
    phrase = phrase.strip(" ,–—-\"'“”‘’")
    norm = phrase.lower()
    if _PRONOUN.match(norm) and previous is not None:
        return Speaker(previous.claimant, previous.side, scope_start, scope_end)
    if _LATTER.match(norm):
        actors = list(NRF_WORDS.finditer(before)) + list(TALIBAN_WORDS.finditer(before))
        actors += list(re.finditer(r"\b(?:[A-Z][a-z]+\s+){1,4}(?:Front|Alliance|Emirate|Army|Forces)\b", before))
        if actors:
            last = max(actors, key=lambda a: a.start())
            name = re.sub(r"^(?:by|the)\s+", "", last.group(0).strip(), flags=_I)
            full = re.search(
                rf"((?:[A-Z][\w'-]*\s+){{0,4}}{re.escape(name)}(?:\s+[A-Z][\w'-]*){{0,3}})", before
            )
            name = full.group(1).strip() if full else name
            return Speaker(name, classify_side(name, outlet), scope_start, scope_end)
    group_side = None
    if re.search(r"\bgroup\b", phrase, _I):
        group = re.search(r"\b([\w-]+)\s+group\b", before, _I)
        if group:
            group_side = classify_side(group.group(0), outlet)
        elif previous is not None:
            group_side = previous.side
    side = classify_side(phrase, outlet, group_side)
    if side == "unknown" and _PRONOUN.match(norm):
        return Speaker(phrase, "unknown", scope_start, scope_end)
    if side == "unknown" and re.match(r"(?:another|the)\s+spokes", norm) and previous is not None:
        side = previous.side
    claimant = _claimant_name(phrase)
    return Speaker(claimant, side, scope_start, scope_end)


def _claimant_name(phrase: str) -> str:
    """'Taliban spokesman Bilal Karimi' → 'Bilal Karimi'; 'Fahim Dashti, an NRF
    spokesperson' → 'Fahim Dashti'; 'the resistance' stays."""
    head = phrase.split(",")[0].strip()
    m = _NAME_AT_END.search(head)
    if m and _ROLE.search(head[: m.start()]):
        return m.group(1)
    return head


def _boundary_before(text: str, pos: int) -> int:
    last = 0
    for m in _BOUNDARY.finditer(text, 0, pos):
        last = m.end()
    return last


def _clean_left(left: str) -> tuple[str, int] | None:
    """The speaker noun phrase in the text left of a cue verb, with its offset in ``left``;
    ("", 0) when the verb is coordinated with no subject of its own; None when implausible."""
    parts: list[tuple[int, str]] = []
    pos = 0
    for chunk in left.split(","):
        parts.append((pos, chunk))
        pos += len(chunk) + 1
    ends_with_comma = left.rstrip().endswith(",")
    candidates = [(p, c) for p, c in parts if c.strip() and not _ADVERBIAL.match(c.strip())]
    if not candidates:
        stripped = left.strip(" ,").lower()
        if stripped in ("and", "but", "and also", "but also", "") or re.fullmatch(r"(?:and|but)\s+\w+ly", stripped):
            return "", 0
        return None
    offset, chunk = candidates[0] if ends_with_comma else candidates[-1]
    if not ends_with_comma and len(candidates) > 1 and _NAME_AT_END.search(candidates[0][1].strip()) and _ROLE.search(chunk):
        offset, chunk = candidates[0]  # "Ali Nazary, another spokesperson from the group said"
    lead = len(chunk) - len(chunk.lstrip())
    chunk_s = chunk.strip()
    offset += lead
    conj = _LEADING_CONJ.match(chunk_s)
    if conj:
        offset += conj.end()
        chunk_s = chunk_s[conj.end() :]
    coordinated = re.search(r"\s(?:and|but)(?:\s+\w+ly)?$", " " + chunk_s)
    aux = _AUX.search(chunk_s)
    if aux:
        if coordinated or aux.start() == 0:
            if aux.start() == 0 and not coordinated:
                return None
            return "", 0
        chunk_s = chunk_s[: aux.start()].rstrip()
    chunk_s = _TRAILING_TIME.sub("", chunk_s).rstrip()
    words = chunk_s.split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return None
    if words[0].lower() in ("there", "this", "these", "those", "it's", "as", "of", "been", "the") and len(words) == 1:
        return None
    return chunk_s, offset


def _is_noun_use(text: str, m: re.Match[str]) -> bool:
    """'reports of', 'these claims', 'has been reports' — the cue word used as a noun."""
    word = m.group(0).lower()
    before = text[max(0, m.start() - 20) : m.start()].lower()
    after = text[m.end() : m.end() + 12].lower()
    if word in ("reports", "claims", "report", "claim", "says", "say"):
        if re.search(r"\b(?:the|these|those|such|of|been|unverified|new|more|some|its|their|his|her|a|as|no|any)\s+$", before):
            return True
        if re.match(r"\s+(?:of|are|were|is|was|that\s+the)\b", after) and word in ("reports", "claims"):
            return True
    return bool(word == "quoted" and re.match(r"\s+as\b", after) is None and "by" not in after)


def _sentence_subject(text: str) -> tuple[int, int] | None:
    """The first noun phrase of a statement (past leading adverbials), up to its verb."""
    pos = 0
    while True:
        comma = text.find(",", pos)
        if comma < 0 or not _ADVERBIAL.match(text[pos:comma].strip()):
            break
        pos = comma + 1
    while pos < len(text) and text[pos] == " ":
        pos += 1
    aux = _AUX.search(text, pos)
    cue = CUE.search(text, pos)
    end = min(x.start() for x in (aux, cue) if x is not None) if (aux or cue) else None
    if end is None or end <= pos:
        return None
    phrase = text[pos:end].rstrip()
    if not phrase or len(phrase.split()) > MAX_SPEAKER_WORDS:
        return None
    return pos, pos + len(phrase)
