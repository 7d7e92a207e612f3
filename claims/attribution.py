"""Who: the claimant of each part of a statement, and the side they speak for.

Attribution cues of news language, each with the part of the statement it covers (its scope):

- "according to X, …" — the whole statement;
- "X said (that) …", "X claimed to have …", "X announced …" — what follows the verb;
- "…, X said." / "…" – X wrote on Twitter." / "…, the latter has announced." — what precedes;
- "…, says X" / "…, claims X" (headline style) — what precedes;
- a coordinated verb ("… and said …", "… but acknowledged …") keeps the subject of its clause;
- a pronoun speaker ("He said", "They also claim") is the previous statement's speaker;
  "they" in a contact clause ("accounts shared video of a tank they say was captured") is the
  sentence's plural subject;
- quote first, speaker after: "“…,” said a Taliban commander, who …", "“…” X, whom the
  Taliban call their spokesman, gave the figure", "“…” – NRF spokesman X, writing on X",
  "“…” The statement was sent to reporters" (the previous speaker's);
- a passive cue names its speaker by its agent: "… was rejected by the leadership";
- "rejected the offer", "dismissed the proposal": an act reported, not an attribution.

The side is decided from who speaks (the speaker phrase and its apposition: "Fahim Dashti,
an NRF spokesperson", "X, whom the Taliban call their spokesman", "X, an elder"), never from whom
the sentence is about. Third parties (relatives, friends, traders, elders, residents,
analysts, the UN and aid agencies) and private people given with their age ("X, 64,") are
"other". "The group" in a post-posed attribution ("X did Y, the group's spokesman said") is
the party named first in the reported clause, its subject; elsewhere the party named last.
Parts of a statement that no cue covers are asserted by the outlet (``claimant`` = outlet
name or "the reporter", side "other" — or the party, when the outlet is that party's own
press office: :func:`outlet_side`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_I = re.IGNORECASE

# Actors of this conflict (the guideline's list): organisations, their leaders and spokesmen.
NRF_WORDS = re.compile(
    r"\b(?:anti-taliban|NRF|NRFA|national\s+resistance\s+front|resistan(?:ce|t)|northern\s+alliance|"
    r"opposition|massoud|saleh|dashti|nazary|panjshiri?\s+(?:fighters|forces|commanders?)|"
    r"ahmad\s+massoud|amrullah)\b",
    _I,
)
TALIBAN_WORDS = re.compile(
    r"\b(?:taliban|talibs?|islamic\s+emirate|zabih?ullah|mujahid|bilal\s+karimi|karimi|samangani|"
    r"haqqani|muttaqi)\b",
    _I,
)
PRESS_WORDS = re.compile(
    r"\b(?:reporters?|journalists?|correspondents?|media|news|agency|press|newspaper|reuters|"
    r"ap|afp|bbc|cnn|al\s+jazeera|tolo\w*|pajhwok|(?:eye)?witness(?:es)?|residents?|locals?|"
    r"villagers|analysts?|observers?|officials?\s+(?:in|from)\s+(?:washington|the\s+us)|"
    r"united\s+nations|un|pentagon|state\s+department|white\s+house|republic|"
    r"elders?|activists?|doctors?|hospital|aid\s+(?:group|agency|workers?)|ngo|"
    r"friends?|relatives?|cousins?|nephews?|nieces?|uncles?|aunts?|neighbou?rs?|brothers?-in-law|"
    r"brothers?|sisters?|fathers?|mothers?|sons?|daughters?|wife|husband|grand(?:father|mother)|"
    r"shopkeepers?|traders?|merchants?|farmers?|drivers?|teachers?|students?|monitors?|"
    r"mediators?|clerics?|ulema|scholars?|experts?|researchers?|diplomats?|ocha|unama|unhcr|"
    r"unicef|red\s+cross|icrc|human\s+rights|families|households|survivors|displaced|women|woman|"
    r"(?:people|those|men)\s+(?:who|in|from)\b)\b",
    _I,
)
GENERIC_WORDS = re.compile(
    r"^(?:(?:a|an|the|some|several|unnamed|anonymous|local)\s+)*(?:people|persons?|sources?|"
    r"someone|somebody|others|reports?|videos?|footage)\b",
    _I,
)
_CUE = (
    r"told\s+(?:reporters|journalists|(?:the\s+)?(?-i:[A-Z][\w'-]*)(?:\s+(?-i:[A-Z][\w'-]*)){0,3}|"
    r"the\s+\w+|\w+)|tell\s+(?:me|us|reporters)|spoke\s+to|called\s+(?:the|it|this|these)\s+"
    r"(?:claims?|reports?|allegations?|accounts?)|"
    r"speaking\s+to|said|says|say|saying|claimed|claims|claim|claiming\s+that|tweeted|tweets|"
    r"wrote|writes|"
    r"announced|announces|announcing|reported|reports|revealed|reveals|told|tells|added|adds|"
    r"stated|states|confirmed|confirms|denied|denies|insisted|insists|acknowledged|"
    r"acknowledges|admitted|admits|alleged|alleges|asserted|noted|posted|warned|warns|declared|"
    r"declares|explained|quoted|called\s+on|urged|urges|maintained|disclosed|informed|"
    r"mentioned|indicated|boasted|estimated|put\s+the\s+(?:death\s+)?toll\s+at|announce|"
    r"told\s+\w+|report|reiterated|argued|rejected|rejects|dismissed|dismisses|disputed|"
    r"disputes|countered|responded|replied|accused|accuses|blamed|blames|"
    r"made\s+the\s+(?:statement|remarks|comments|claim)|"
    r"gave\s+(?:the|these|this|that)\s+(?:figures?|toll|numbers?|details|account)"
)
_DENIAL = re.compile(
    r"^(?:denied|denies|rejected|rejects|dismissed|dismisses|disputed|disputes|countered|"
    r"responded|replied)$",
    _I,
)
_PASSIVE_SOURCE = re.compile(
    r"\b(?:was|were|is|are|had\s+been|has\s+been)\s+(?:\w+\s+)?(?:posted|given|made|issued|written|"
    r"tweeted|delivered|released|shared|published|provided|relayed)\b[^.;]*?\bby\s+"
    r"(?P<who>(?:an?|the)?\s*[^,.;]+?)(?=\s+(?:who|shortly|on|at|in|after|minutes|hours|late|"
    r"early|earlier|later)\b|[,.;]|$)",
    _I,
)
_WORDS_OF = re.compile(
    r"\b(?:words|remarks|comments|quote|account|message|claim)\s+(?:are|is|was|were)\s+(?:those\s+|that\s+)?"
    r"of\s+(?P<who>[^,.;]+?)(?=\s+who\b|[,.;]|$)",
    _I,
)
_HOW = re.compile(
    r"\b(?:that|this)\s+(?:was|is)\s+how\s+(?P<who>[^,.;]+?)\s+(?:described|put\s+it|summed|"
    r"explained|characteri[sz]ed|recounted|portrayed|told)\b",
    _I,
)
CUE = re.compile(rf"(?=[a-z])\b(?:{_CUE})\b", _I)  # the lookahead only speeds the scan up
_CUE_STEMS = (
    "said", "says", "say", "claim", "tweet", "wrote", "write", "announc", "report", "reveal",
    "told", "tell", "add", "stat", "confirm", "denie", "insist", "acknowledg", "admit", "alleg",
    "assert", "noted", "posted", "warn", "declar", "explain", "quoted", "called on", "urge",
    "maintain", "disclos", "inform", "mention", "indicat", "boast", "estimat", "toll", "reiterat",
    "argu", "reject", "dismiss", "disput", "counter", "respond", "repl", "accus", "blam",
    "made the", "spok", "speaking", "according", "by ", "words", "remarks", "account", "message",
    "how", "gave th", "statement", '"  -', '" -', '"-',
)  # fmt: skip
_CUE_STEM_RX = re.compile("|".join(map(re.escape, _CUE_STEMS)))
_WHO_BEFORE = re.compile(
    r"(?:^|[,;:]\s*)(?P<np>(?:(?:the|some|many|several|most)\s+)?(?:[\w'-]+\s+)?[\w'-]+)\s+who\s*$",
    _I,
)
_LABEL = re.compile(
    r"^\s*(?P<who>(?-i:[A-Z][\w'.-]+)(?:\s+(?-i:[A-Z][\w'.-]+)){0,3})\s*(?:\([^)]{1,40}\))?:\s+(?=\S)"
)
_SOURCE_INTRO = re.compile(
    r"^(?:(?:i|we)\s+(?:have\s+)?)?(?:spoke|spoken|talked)\s+(?:with|to)\s+(?P<who>(?:my|our|a|an|the)\s+"
    r"[\w-]+(?:\s+(?-i:[a-z][\w-]*)){0,2}?)(?=\s+(?:in|from|at|on|who|tonight|today|yesterday)\b|[,.;]|$)",
    _I,
)
_OBJECT_PRONOUN = re.compile(r"(him|her|them)\b", _I)
ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,;:.!?\"]+)", _I)
_PRONOUN = re.compile(
    r"^(?:he|she|they|it|we|him|them|the\s+(?:spokes(?:man|woman|person)|official|source|statement|message|"
    r"account|post|video|communique|release|tweet|letter))$",
    _I,
)
_LATTER = re.compile(r"^the\s+(?:latter|former)$", _I)
_ADVERBIAL = re.compile(
    r"^(?:on|in|at|after|before|following|earlier|later|late|early|meanwhile|however|"
    r"reportedly|eventually|recently|also|then|now|today|tonight|yesterday|this|last|over|"
    r"during|since|in\s+addition|besides|moreover|furthermore|separately|similarly|speaking|"
    r"citing|responding|asked|overnight|separately|instead|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"on\s+the\s+other\s+hand|for\s+its\s+part|in\s+turn|\w+ing|\w+ly)\b",
    _I,
)
_AUX = re.compile(
    r"\b(?:(?:could|can|were|was)\s+be(?:en)?\s+(?:heard|seen)|have|has|had|is|are|was|were|will|"
    r"would|could|can|may|might|been|be|being|also|"
    r"reportedly|later|earlier|then|now|already|allegedly|separately|again|further|once|"
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
_NAME_ONLY = re.compile(r"(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){0,3}")
_NAME_AT_END = re.compile(r"(?<![\w'-])((?:[A-Z][\w'-]+\s+){1,3}[A-Z][\w'-]+)$")
_BOUNDARY = re.compile(r"[\";:()]|\s-\s|\bthat\b|\bwhich\b|\bwho\b|[.!?]\s", _I)
_POST_TAIL = re.compile(
    r"^(?:\s+(?:on|in|via|at|by|to|during|through|after|late|earlier|from|with|this|last|shortly|"
    r"minutes|hours|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"(?:(?!\b(?:that|it|they|he|she|we|would|will|had|has|have|was|were|is|are)\b)[^,;\"]){0,50})?"
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
    phrase = re.sub(
        r"\b(?:against|fighting|fought|fights|opposing|anti-?)\s*(?:the\s+)?\w+",
        " ",
        phrase,
        flags=_I,
    )
    nrf = NRF_WORDS.search(phrase)
    taliban = TALIBAN_WORDS.search(phrase)
    if nrf and taliban:
        return "NRF" if nrf.start() < taliban.start() else "Taliban"
    if nrf:
        return "NRF"
    if taliban:
        return "Taliban"
    if group_side:
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
    previous: Speaker | Callable[[], Speaker | None] | None = None,
    context: str = "",
) -> list[Speaker]:
    """Speakers of one statement. ``text`` is the normalised statement, ``original`` the same
    span of the article as written (claimant strings are taken from it). ``context`` is the
    text before the statement in its paragraph (for "the group", "the latter").
    ``previous`` is the speaker of the statements before (or a function giving it, called
    only when a pronoun or a bare role needs it)."""
    n = len(text)
    lower = text.lower()
    label = _LABEL.match(text) if ":" in text[:60] else None
    labelled: list[Speaker] = []
    if label is not None:
        # "DASHTI (by telephone): …", "Mujahid: Panjshir 'captured'": a transcript or headline
        # speaker label attributes what follows to a party's named voice
        who = original[label.start("who") : label.end("who")]
        side = classify_side(who, outlet)
        if side in ("NRF", "Taliban"):
            labelled.append(Speaker(_claimant_name(who), side, label.end(), n))
    if not _CUE_STEM_RX.search(lower) and "spok" not in lower and "talked" not in lower:
        return labelled
    found = _find_speakers(text, original, outlet, previous, context, lower)
    intro = _SOURCE_INTRO.search(text) if ("spok" in lower or "talked" in lower) else None
    if intro is not None:
        # "Spoke with my cousin in X tonight.": the source a later "he says" refers to (an
        # empty scope: it covers nothing in this statement)
        who = original[intro.start("who") : intro.end("who")]
        found.append(Speaker(who, classify_side(who, outlet), n, n))
    return labelled + found if labelled else found


def _find_speakers(
    text: str,
    original: str,
    outlet: str | None,
    previous: Speaker | Callable[[], Speaker | None] | None,
    context: str,
    lower: str,
) -> list[Speaker]:
    speakers: list[Speaker] = []
    n = len(text)

    earlier = previous if callable(previous) else (lambda: previous)

    def last() -> Speaker | None:
        return speakers[-1] if speakers else earlier()

    for m in ACCORDING.finditer(text):
        who = m["who"].strip()
        pronoun = _OBJECT_PRONOUN.match(who)
        phrase = original[m.start("who") : m.start("who") + len(who)]
        if pronoun is not None:  # "according to him": the source named before
            phrase = {"him": "he", "her": "she"}.get(pronoun[1].lower(), "they")
        speakers.append(_speaker(phrase, context + " " + text[: m.start()], 0, n, outlet, last))
    if speakers:
        return speakers
    # the source of a quote named after it: "… was posted on Twitter by X", "That was how X
    # described …", "The words are those of X"
    for rx, whole in ((_PASSIVE_SOURCE, False), (_WORDS_OF, False), (_HOW, True)):
        for m in rx.finditer(text):
            who = m["who"].strip()
            phrase = original[m.start("who") : m.start("who") + len(who)]
            scope_end = n if whole else m.start()
            speakers.append(
                _speaker(phrase, context + " " + text[: m.start()], 0, scope_end, outlet, last)
            )
    if '"' in text and "-" in text:
        # "“…” – NRF spokesman X, writing on X": a dash after a closing quote names its source
        for m in _DASH_SOURCE.finditer(text):
            who = m["who"].strip()
            phrase = original[m.start("who") : m.start("who") + len(who)]
            speakers.append(
                _speaker(phrase, context + " " + text[: m.start()], 0, m.start() + 1, outlet, last)
            )
    # "“…” The statement was sent to reporters": the quote is the previous speaker's
    for m in (
        _SOURCE_SENT.finditer(text)
        if (" was " in lower or " were " in lower or " been " in lower)
        else ()
    ):
        if last() is not None:
            speakers.append(_speaker("the statement", context, 0, m.start("noun"), outlet, last))
    # ", who spoke on condition of anonymity," hides the subject from its verb: blank it out
    # (same length, so offsets still hold); kept as apposition for the speaker's side
    relatives: dict[int, str] = {}

    def blank(r: re.Match[str]) -> str:
        clause = r.group(0)
        if CUE.search(clause, 4):
            return clause  # "…, which the Taliban said they had taken,": a speaker of its own
        relatives[r.start()] = clause
        return " " * len(clause)

    if "who" in lower or "which" in lower:
        text = _RELATIVE.sub(blank, text)
    for m in CUE.finditer(text):
        if _is_noun_use(text, m):
            continue
        after = text[m.end() :]
        before_start = _boundary_before(text, m.start())
        left = text[before_start : m.start()]
        denial = _DENIAL.match(m.group(0)) is not None
        if denial and _ACT_OBJECT.match(after):
            continue  # "rejected the offer": an act reported, not a statement attributed
        if _PASSIVE_BEFORE.search(left, max(0, len(left) - 24)) and not _RAISED.match(after):
            # "… was rejected by the leadership": the agent speaks; no agent, no speaker
            agent = _BY_AGENT.match(after)
            if agent is not None:
                who = agent["who"].strip()
                at = m.end() + agent.start("who")
                speakers.append(_speaker(original[at : at + len(who)], context, 0, n, outlet, last))
            continue
        quote_before = _QUOTE_CLOSED.search(text, max(0, m.start() - 8), m.start()) is not None
        # quote first, speaker after the verb: "“…,” said a Taliban commander, who …"
        inv_q = _INVERTED_AFTER_QUOTE.match(after) if quote_before else None
        if inv_q and not _NOT_A_SPEAKER.search(inv_q["who"]):
            who_start = m.end() + inv_q.start("who")
            who = inv_q["who"].rstrip()
            phrase = original[who_start : who_start + len(who)]
            apposition = relatives.get(who_start + len(who), "")
            if text[who_start + len(who) : who_start + len(who) + 1] == "," and _AGE.match(
                text, who_start + len(who)
            ):
                apposition = "private person"  # "said Haji Qadir, 64,": not a party's voice
            speakers.append(
                _speaker(phrase, context, 0, m.start(), outlet, last, apposition=apposition)
            )
            continue
        # inverted, headline style: "…, says Taliban" / "…, claims Panjshir resistance"
        inv = re.match(r"^\s+((?:the\s+)?[A-Za-z][\w' -]{1,50}?)\s*[.!?]?\s*$", after)
        if (
            inv
            and len(inv.group(1).split()) <= 5
            and not _NOT_A_SPEAKER.search(inv.group(1))
            and not _PREPOSITION_START.match(inv.group(1))
            and re.search(r"[,:;]\s*$|\"\s*$", text[: m.start()])
        ):
            who_start = m.end() + inv.start(1)
            phrase = original[who_start : m.end() + inv.end(1)]
            speakers.append(_speaker(phrase, context, 0, m.start(), outlet, last))
            continue
        head = _clean_left(left)
        if head is None:
            continue
        phrase_text, rel_start = head
        start = before_start + rel_start
        restrictive = (
            _WHO_BEFORE.search(text, 0, before_start)
            if not text[before_start:start].strip()
            else None
        )
        if restrictive is not None and phrase_text.strip():
            # "Families who fled the town told …": the relative clause is part of the speaker
            phrase_text = text[restrictive.start("np") : start + len(phrase_text)]
            start = restrictive.start("np")
        phrase = original[start : start + len(phrase_text)]
        apposition = ""
        for r_start, clause in relatives.items():
            if 0 <= r_start - (start + len(phrase_text)) <= 3:
                apposition = clause
        between = text[start + len(phrase_text) : m.start()]
        if not apposition and _APPOSITION.fullmatch(between):
            apposition = between  # "Karim, an elder, said": the apposition tells the side
        if text[start + len(phrase_text) : start + len(phrase_text) + 1] == "," and _AGE.match(
            text, start + len(phrase_text)
        ):
            apposition = "private person"  # "Gul Ahmad, 58, said": not a party's voice
        if start > 0 and phrase_text.lower().rsplit(None, 1)[-1:] in (["they"], ["it"]):
            # "accounts shared photos that they said showed …": they = the sentence's subject
            subject = _PLURAL_SUBJECT.match(text)
            if subject is not None and subject.end() <= start:
                phrase = original[subject.start("np") : subject.end()]
        coordinated = not phrase.strip()
        if coordinated:
            # coordinated verb: "... and said ...", "... but acknowledged ..."
            if speakers:
                prior = speakers[-1]
                speakers.append(Speaker(prior.claimant, prior.side, m.end(), n))
                continue
            subject = _sentence_subject(text)
            if subject is None:
                continue
            start, s_end = subject
            phrase = original[start:s_end]
        # post-posed: "…, X said." / "…, X said, after …" / "…” X made the statement"
        tail = _POST_TAIL.match(after) is not None
        parenthetical = re.match(r"\s*,", after) is not None and (
            re.search(r"(?:,|[,?!]\")\s*$", text[:start]) is not None
        )
        ctx_text = context + " " + text[:start]
        if (tail or parenthetical) and start > 0 and not denial:
            # "…, a commander claimed, destroying four Humvees." – the participle is theirs too
            end = n if re.match(r"\s*,\s+\w+ing\b", after) else start
            speakers.append(
                _speaker(phrase, ctx_text, 0, end, outlet, last, apposition, text[:start])
            )
        elif coordinated:
            speakers.append(_speaker(phrase, ctx_text, m.end(), n, outlet, last, apposition))
        else:
            # a leading adverbial or participle ("Claiming the upper hand, X said") is X's
            lead = 0 if _only_adverbials(text[:start]) else start
            speakers.append(_speaker(phrase, ctx_text, lead, n, outlet, last, apposition))
    return speakers


_RELATIVE = re.compile(
    r",\s+(?:who|whom|which)\s+[^,;\"]{1,80},|\s(?:who|whom)\s+[^,;\"]{1,80},", _I
)
_DASH_SOURCE = re.compile(
    r"[.!?]\"\s*-\s*(?P<who>(?!\d)[^,.;:\"!?]{2,80}?)(?=\s*,|\s*[.!?]?\s*$|\s+(?:writing|speaking|"
    r"posting|in\s+a\s+\w+|on\s+(?:twitter|x|facebook|telegram|instagram)\b|(?:wrote|writes|said|"
    r"says|tweeted|tweets|posted|posts|told|stated|added|announced|claimed)\b))",
    _I,
)
_SOURCE_SENT = re.compile(
    r"(?:^|[.!?]\"\s+)(?P<noun>(?:the|this|that|his|her|their|its)\s+(?:statement|message|remarks|"
    r"comments|figures?|claim|account|post|video|audio)\s+(?:was|were|had\s+been|has\s+been)\s+"
    r"(?:\w+\s+)?(?:sent|given|made|issued|released|posted|shared|e-?mailed|provided|delivered|"
    r"relayed|read\s+out|published)\b)(?![^.]*\bby\b)",
    _I,
)
_ACT_OBJECT = re.compile(
    r"\s+(?:(?:the|an?|their|its|his|her|this|that|any|all|every)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:offers?|proposals?|proposition|demands?|deal|ceasefire|cease-fire|truce|amnesty|talks|"
    r"calls?|invitation|plan|terms|ultimatum|requests?|conditions|agreement|peace)\b",
    _I,
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?$", _I)
_RAISED = re.compile(  # "X was quoted as saying", "X was reported to have said": X speaks
    r"\s+(?:as\s+(?:saying|telling|claiming|stating)|to\s+(?:have\s+)?(?:said|say|told|tell|"
    r"claimed|claim|confirmed|confirm|announced|announce))\b",
    _I,
)
_BY_AGENT = re.compile(
    r"\s+by\s+(?P<who>(?:the|an?|its|their)?\s*[^,.;\"]{2,80}?)\s*(?=[,.;\"]|$)", _I
)
_AGE = re.compile(r",\s*(?:aged\s+)?\d{1,2}\s*(?:,|\.|$)")
_APPOSITION = re.compile(r"\s*,\s*[^,;\"]{2,80},\s*")
_QUOTE_CLOSED = re.compile(r"[,?!.]\"\s*$")
_INVERTED_AFTER_QUOTE = re.compile(
    r"\s+(?P<who>(?:the\s+|an?\s+|another\s+)?[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,8}?)\s*"
    r"(?=,|[.!?]\s*$|$|\s+(?:on|in|at|to|by|via|after|during|late|earlier|yesterday|today)\b)",
    _I,
)
_PREPOSITION_START = re.compile(
    r"(?:in|on|at|by|via|during|after|through|over|from|to|with|late|earlier|later|yesterday|"
    r"today|when|while)\b",
    _I,
)
_NOT_A_SPEAKER = re.compile(
    r"\b(?:had|has|have|was|were|is|are|will|would|could|not|did|does|do|been|that)\b", _I
)
_PLURAL_SUBJECT = re.compile(
    r"\s*(?:(?:however|meanwhile|separately|also|now|then),?\s+)?(?P<np>(?:[\w'-]+\s+){0,4}?"
    r"(?:accounts|users|supporters|channels|pages|outlets|fighters|forces|officials|sources|"
    r"commanders|residents|members|spokesmen|spokespeople|leaders|militants|villagers|activists))\b",
    _I,
)


def _only_adverbials(text: str) -> bool:
    chunks = [c.strip() for c in text.split(",")]
    return all(not c or _ADVERBIAL.match(c) or _LEADING_TIME.match(c + " ") for c in chunks)


def is_quote_source(text: str) -> bool:
    """True for a sentence that names who spoke a quote before it ("X made the statement",
    "The message was posted by X", "That was how X described it", "he said.")."""
    if _PASSIVE_SOURCE.search(text) or _WORDS_OF.search(text) or _HOW.search(text):
        return True
    if _SOURCE_SENT.match(text) or re.match(r"\s*-\s*\S", text):
        return True  # "The statement was sent to reporters." / "– X, writing on Telegram."
    if len(text.split()) > 20:
        return False
    for m in CUE.finditer(text):
        if not _is_noun_use(text, m) and _POST_TAIL.match(text[m.end() :]):
            return True
    return False


def is_speaker_intro(text: str) -> bool:
    """True for a short sentence that introduces a speaker without reporting anything
    ("X told a different story.", "X rejected the account.")."""
    if len(text.split()) > 16 or '"' in text or not _CUE_STEM_RX.search(text.lower()):
        return False
    return any(not _is_noun_use(text, m) for m in CUE.finditer(text))


_OFFICE = re.compile(
    r"\b(?:press|media|information|cultural|public\s+relations)\s+(?:office|department|"
    r"commission|centre|center|committee|service)|\bspokes(?:man|woman|person)|\bofficial\s+"
    r"(?:channel|account|website|statement)|\bministry\b",
    _I,
)


def outlet_side(outlet: str | None, author: str | None = None) -> str:
    """The side an outlet speaks for: a party's own press office ("NRF Press Office",
    "Press Office of the Islamic Emirate") speaks for that party; any other outlet is
    "other"."""
    for name in (outlet, author):
        if name and _OFFICE.search(name):
            side = classify_side(name)
            if side in ("NRF", "Taliban"):
                return side
    return "other"


def is_denial(text: str) -> bool:
    """True for a sentence in which a speaker denies or disputes something ("The Taliban
    denied that …", "X dismissed the claim.")."""
    for m in CUE.finditer(text):
        if _DENIAL.match(m.group(0)) and not _ACT_OBJECT.match(text, m.end()):
            head = _clean_left(text[_boundary_before(text, m.start()) : m.start()])
            if head is not None and head[0].strip():
                return True
    return False


def default_claimant(outlet: str | None) -> str:
    """Who asserts what no cue attributes: the outlet, else "the reporter"."""
    return outlet or "the reporter"


def _speaker(
    phrase: str,
    before: str,
    scope_start: int,
    scope_end: int,
    outlet: str | None,
    earlier: Callable[[], Speaker | None],
    apposition: str = "",
    local: str | None = None,
) -> Speaker:
    """``apposition``: a relative clause after the phrase ("…, whom the Taliban describe as
    their spokesman,"); ``local``: the reported text before a post-posed speaker, whose first
    actor (its subject) is what "the group" refers to."""
    phrase = phrase.strip(" ,–—-\"'“”‘’")
    norm = phrase.lower()
    if _PRONOUN.match(norm) and (previous := earlier()) is not None:
        return Speaker(previous.claimant, previous.side, scope_start, scope_end)
    if _LATTER.match(norm):
        actors = list(NRF_WORDS.finditer(before)) + list(TALIBAN_WORDS.finditer(before))
        actors += list(
            re.finditer(
                r"\b(?:[A-Z][a-z]+\s+){1,4}(?:Front|Alliance|Emirate|Army|Forces)\b", before
            )
        )
        if actors:
            last = max(actors, key=lambda a: a.start())
            name = re.sub(r"^(?:by|the)\s+", "", last.group(0).strip(), flags=_I)
            full = re.search(
                rf"((?:[A-Z][\w'-]*\s+){{0,4}}{re.escape(name)}(?:\s+[A-Z][\w'-]*){{0,3}})", before
            )
            name = full.group(1).strip() if full else name
            return Speaker(name, classify_side(name, outlet), scope_start, scope_end)
    group_side = None
    if re.search(r"\b(?:group|movement|militants|insurgents|fighters|forces)\b", phrase, _I):
        # "X did Y, the group said": the group is the subject X, named first; otherwise the
        # party named last before the phrase
        first = local is not None and _actors(local)
        pool = before if not first else local
        actors = _actors(pool)
        if actors:
            best = min(actors) if first else max(actors)
            group_side = best[1]
            anti = [
                a
                for a in re.finditer(r"\banti-taliban\b", pool, _I)
                if a.start() <= best[0] < a.end()
            ]
            if anti:
                group_side = "NRF"
        elif (previous := earlier()) is not None:
            group_side = previous.side
    side = classify_side(phrase, outlet, group_side)
    if side == "unknown" and apposition == "private person" and not _ROLE.search(phrase):
        side = "other"  # news gives the age of private people, not of officials
    elif side == "unknown" and apposition:
        # "X, an elder," / "X, whom the Taliban call their spokesman," (a relative clause
        # counts only when it gives the speaker a role)
        relative = re.match(r"\W*(?:who|whom|which)\b", apposition, _I) is not None
        if not relative or _ROLE.search(apposition):
            side = classify_side(apposition, outlet)
    if side == "unknown" and _PRONOUN.match(norm):
        return Speaker(phrase, "unknown", scope_start, scope_end)
    if (
        side == "unknown"
        and re.match(
            r"(?:an?|another|the|its|their)\s+(?:\w+\s+)?(?:spokes\w+|commanders?|officials?|sources?|"
            r"fighters?|members?|leaders?)\b",
            norm,
        )
        and not re.search(
            r"\b(?:independent|local|western|foreign|diplomatic|un|aid|provincial|hospital)\b", norm
        )
        and (previous := earlier()) is not None
        and previous.side in ("NRF", "Taliban")
    ):
        side = previous.side
    claimant = _claimant_name(phrase)
    return Speaker(claimant, side, scope_start, scope_end)


def _actors(text: str) -> list[tuple[int, str]]:
    actors = [(a.start(), "NRF") for a in NRF_WORDS.finditer(text)]
    actors += [(a.start(), "Taliban") for a in TALIBAN_WORDS.finditer(text)]
    actors += [(a.start(), "NRF") for a in re.finditer(r"\banti-taliban\b", text, _I)]
    return actors


_VIA = re.compile(
    r"(?:an?|the)\s+(?:\w+\s+)?(?:statement|message|post|video|tweet|release|communiqu\w+)\s+"
    r"(?:posted|issued|released|published|shared|sent|put\s+out)\s+(?:online\s+)?by\s+(.+)",
    _I,
)


def _claimant_name(phrase: str) -> str:
    """'Taliban spokesman Bilal Karimi' → 'Bilal Karimi'; 'Fahim Dashti, an NRF
    spokesperson' → 'Fahim Dashti'; 'the resistance' stays."""
    parts = phrase.split(",")
    head = parts[0].strip()
    if (
        len(parts) == 2
        and _ROLE.search(head)
        and not _NAME_AT_END.search(head)
        and _NAME_ONLY.fullmatch(parts[1].strip())
    ):
        return parts[1].strip()  # "The spokesman, Sibghatullah Ahmadi" → the name
    via = _VIA.match(head)
    if via:  # "a statement posted by the group's ministry" → "the group's ministry"
        head = via.group(1).strip()
    m = _NAME_AT_END.search(head)
    if m and _ROLE.search(head[: m.start()]):
        return m.group(1)
    return head


def _boundary_before(text: str, pos: int) -> int:
    last = 0
    for m in _BOUNDARY.finditer(text, 0, pos):
        last = m.end()
    return last


_LEADING_TIME = re.compile(
    r"^(?:(?:late|early|earlier|later)\s+)?on\s+(?:the\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]{3,9}\.?)\s+|"
    r"^(?:(?:late|early|earlier|later)\s+)?(?:on|by|since|in|during|at|this|last)\s+(?:the\s+)?"
    r"(?:\w+\s+){0,1}?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|night|"
    r"evening|afternoon|week|weekend|day|dawn)\s+",
    _I,
)
_LEADING_ADVERB = re.compile(
    r"(?:later|earlier|meanwhile|however|reportedly|separately|also|then|now|eventually|"
    r"recently|yesterday|today|overnight|\w+ly)\s+",
    _I,
)
_STOP_BACK = frozenset(
    [
        "among",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "with",
        "by",
        "for",
        "about",
        "into",
        "onto",
        "over",
        "under",
        "after",
        "before",
        "than",
        "as",
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "said",
        "says",
        "claimed",
        "told",
    ]
)
_DETERMINER = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our"]
)


def _trailing_np(chunk: str) -> int | None:
    """Where the noun phrase at the end of ``chunk`` starts ("the districts the Taliban" →
    the offset of "the Taliban"), or None."""
    words = list(re.finditer(r"\S+", chunk))
    start = None
    for word in reversed(words):
        low = word.group(0).lower()
        if low in _DETERMINER:
            start = word.start()
            break
        if low in _STOP_BACK:
            break
        start = word.start()
    return start


def _clean_left(left: str) -> tuple[str, int] | None:
    """The speaker noun phrase in the text left of a cue verb, with its offset in ``left``;
    ("", 0) when the verb is coordinated with no subject of its own; None when implausible."""
    parts: list[tuple[int, str]] = []
    pos = 0
    for chunk in left.split(","):
        parts.append((pos, chunk))
        pos += len(chunk) + 1
    ends_with_comma = left.rstrip().endswith(",")
    candidates = []
    for i, (p, c) in enumerate(parts):
        stripped = c.strip()
        if not stripped:
            continue
        lead = _LEADING_TIME.match(stripped)
        if lead and lead.end() < len(stripped):
            off = c.index(stripped) + lead.end()
            candidates.append((p + off, c[off:]))
        elif not _ADVERBIAL.match(stripped):
            candidates.append((p, c))
        elif i == len(parts) - 1 and (word := _LEADING_ADVERB.match(stripped)):
            # "Later a resistance fighter told me": the adverb goes, the subject stays
            off = c.index(stripped) + word.end()
            if c[off:].strip():
                candidates.append((p + off, c[off:]))
    if not candidates:
        stripped = left.strip(" ,").lower()
        if stripped in ("and", "but", "and also", "but also", "") or re.fullmatch(
            r"(?:and|but)\s+\w+ly", stripped
        ):
            return "", 0
        return None
    if ends_with_comma:
        # "Fahim Dashti, an NRF spokesperson, said" → the name; "X happened, Jawad Wardak, a
        # spokesman for Y, said" → the name before the closing apposition, not the clause
        offset, chunk = candidates[-2] if len(candidates) >= 3 else candidates[0]
        if (
            len(candidates) == 2
            and _ROLE.search(chunk)
            and _NAME_ONLY.fullmatch(candidates[1][1].strip())
        ):  # "Its spokesman, Fahim Dashti, said": the role and the name it introduces
            end = candidates[1][0] + len(candidates[1][1].rstrip())
            chunk = left[offset:end]
    else:
        offset, chunk = candidates[-1]
    if (
        not ends_with_comma
        and len(candidates) > 1
        and _NAME_AT_END.search(candidates[0][1].strip())
        and _ROLE.search(chunk)
    ):
        offset, chunk = candidates[0]  # "Ali Nazary, another spokesperson from the group said"
    lead = len(chunk) - len(chunk.lstrip())
    chunk_s = chunk.strip()
    offset += lead
    if re.fullmatch(r"(?:and|but|then|also|and\s+also|but\s+also|and\s+then)", chunk_s, _I):
        return "", 0  # a coordinated verb: "… and urged …"
    conj = _LEADING_CONJ.match(chunk_s)
    if conj:
        offset += conj.end()
        chunk_s = chunk_s[conj.end() :]
    coordinated = re.search(r"\s(?:and|but)(?:\s+\w+ly)?$", " " + chunk_s)
    if coordinated:
        return "", 0  # "… disputed the toll but admitted …": the same subject
    aux = _AUX.search(chunk_s)
    if aux:
        if aux.start() == 0:
            return None
        rest = chunk_s[aux.end() :].strip()
        if (
            rest
            and not re.fullmatch(
                r"(?:\w+ly|also|been|be|now|then|later|earlier|already|again|once)(?:\s+\w+ly)*",
                rest,
                _I,
            )
            and not _AUX.fullmatch(rest)
        ):
            # "Khenj was among the districts the Taliban" (relative clause): take the last NP
            rest_at = aux.end() + (len(chunk_s[aux.end() :]) - len(chunk_s[aux.end() :].lstrip()))
            np_at = _trailing_np(chunk_s[rest_at:])
            if np_at is None:
                return None
            offset += rest_at + np_at
            chunk_s = chunk_s[rest_at + np_at :]
        else:
            chunk_s = chunk_s[: aux.start()].rstrip()
    chunk_s = _TRAILING_TIME.sub("", chunk_s).rstrip()
    words = chunk_s.split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return None
    if len(words) == 1 and words[0].lower() in (
        "there",
        "this",
        "these",
        "those",
        "it's",
        "as",
        "of",
        "been",
        "the",
        "what",
        "which",
    ):
        return None
    return chunk_s, offset


def _is_noun_use(text: str, m: re.Match[str]) -> bool:
    """'reports of', 'these claims', 'has been reports' — the cue word used as a noun."""
    word = m.group(0).lower()
    before = text[max(0, m.start() - 20) : m.start()].lower()
    after = text[m.end() : m.end() + 12].lower()
    if word in ("reports", "claims", "report", "claim", "says", "say"):
        if re.search(
            r"\b(?:the|these|those|such|of|been|unverified|new|more|some|its|their|his|her|a|as|no|any|"
            r"received|receiving|heard|seen|amid|following|despite|about|denied|dismissed|verify|"
            r"confirm|check|investigate|deny|dismiss|reject|made|make|making|repeated|spread|shared|"
            r"posted|published|echoed)\s+$",
            before,
        ):
            return True
        if re.match(r"\s+(?:of|are|were|is|was|that\s+the)\b", after) and word in (
            "reports",
            "claims",
        ):
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
