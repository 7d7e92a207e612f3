"""Whether a claim word asserts an event: the checks every rule's match goes through (ids in
the ``M-`` family, returned as the reason a word was dropped).

- ``M-irrealis``: an infinitive of purpose or attempt ("attempts to enter", "to continue the
  fight"), a modal ("will destroy"), a vow, plan or expectation ("vowed to", "expected to",
  "preparing to"), "avoid fighting", a future ("in the weeks ahead");
- ``M-negation``: "never captured", "did not … fighting", "no clashes" — except denials
  ("there is no fighting in X" is a claim of what it denies) and control claims ("failed to
  enter", "cannot enter" still say who holds the place);
- ``M-conditional``: "if", "unless", "whether"; "The fall of X, if confirmed, would …";
- ``M-since``: "since the Taliban took Kabul" — a background reference point (a disruption in a
  since-clause still lasts: "since the road was closed");
- ``M-temporal``: "after those provinces fell", "in the days leading to the August 15 fall of
  Kabul": a clause or phrase that only dates something else;
- ``M-circumstance``: "killed in the clashes", "wounded in Taliban attacks": the clash only says
  how the casualties happened (they are the claim);
- ``M-celebration``: celebratory gunfire is no clash;
- ``M-restated``: "in this battle …", "of war" (war as an idea);
- ``M-attributive``: "the dead woman", "the slain commander": a victim named before;
- ``M-appeal``: "urged both sides to restart talks", "called on the Taliban to stop the
  offensive": what others are asked to do;
- ``M-asked``: an indirect question ("to find out when these videos were shot") or news not
  yet had ("no immediate reports of casualties").

Negotiation words are exempt from the irrealis checks (a call for talks is a claim about talks).
"""

from __future__ import annotations

import re
from functools import cache

from claims.memo import spans_of
from claims.prefilter import prefiltered
from claims.vocabulary import alternation, vocabulary

_I = re.IGNORECASE

_CLAUSE_BREAK = re.compile(r"[,;:.!?]|\s-\s|\bbut\b|\bwhile\b|\bwhereas\b|\bbecause\b", _I)
_BARE_VERBS = frozenset(
    {
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
        "conquer",
        "occupy",
        "clear",
        "expel",
        "eliminate",
        "arrest",
        "detain",
        "abduct",
        "kidnap",
    }
)
_TO_OK = re.compile(
    r"\b(?:failed|fail|forced|forcing|managed|compelled|began|begun|started|able|succeeded|"
    r"continu\w*|due|led|resulting|leading|according|similar|close|next|up|owing|"
    # "claiming to seize villages", "claims to have killed": a claim of what was done
    r"claim(?:s|ed|ing)?|"
    # "had to retreat": a past obligation that was carried out (not "would have had to")
    r"(?:forcing|forced)\s+\w+|(?<!have\s)had)\s+(?:\w+\s+)?to\s+(?:\w+\s+)?$",
    _I,
)
_IRREALIS = re.compile(
    r"(?:\b(?:will|would|could|might|may|should|shall|must|can|cannot|can't|won't|avoid|avoiding|"
    r"prevent|preventing|stop|halt|avert|if|unless|future|plans?\s+to|planning\s+to|"
    r"threat(?:en(?:ed|s)?)?\s+to|vow(?:ed|s)?\s+to|pledg(?:ed|es)?\s+to|promis(?:ed|es)?\s+to|"
    r"want(?:ed|s)?\s+to|aim(?:ed|s)?\s+to|"
    r"attempt(?:s|ed|ing)?\s+to|try(?:ing)?\s+to|tried\s+to|bid\s+to|order\s+to|"
    r"role\s+in|history\s+of|known\s+for|tradition\s+of|capable\s+of|capacity\s+to|ready\s+to|"
    r"able\s+to|expected\s+to|expect(?:s|ing)?|likely\s+to|poised\s+to|set\s+to|bound\s+to|"
    r"unlikely\s+to|preparing|prepared\s+for|prepares|gearing\s+up\s+for|"
    r"(?:in\s+)?preparations?\s+for|brac(?:e|es|ed|ing)\s+for|hunker(?:s|ed|ing)?\s+down\s+for|"
    r"hop(?:e|es|ed|ing)\s+"
    r"(?:that|to)|determined\s+to|calling\s+for|called\s+for|call\s+for|urg(?:ed|es|ing)|"
    # a hedge of what may come: "potentially widening the conflict"
    r"(?:potentially|possibly|probably|presumably)\s+\w+ing)"
    r"(?:\s+\S+){0,4}\s+$)",
    _I,
)
_PAST_ABILITY = re.compile(
    r"\b(?:has|have|had|was|were)\s+(?:been\s+)?(?:able|managed)\s+to\s+(?:\S+\s+){0,3}$", _I
)
_PURPOSE = re.compile(
    r"\bto\s+(?:continue|resume|start|launch|wage|carry\s+on|join|intensify|escalate|suppress|"
    r"quell|crush|defeat)\s+(?:the\s+|their\s+|its\s+|an?\s+)?(?:(?:large|full|major|new|fresh|"
    r"big|wide|massive)[\w-]*\s+){0,2}$",  # "to launch a large-scale operation"
    _I,
)
_NEGATION = re.compile(
    r"\b(?:not(?!\s+only)|never|no\s+longer|neither|nor|nobody|no\s+one|none|"
    r"without(?!\s+(?:(?:providing|offering|giving|citing|presenting)\s+)?(?:any\s+)?(?:evidence|proof|"
    r"confirmation|details)))\b|n't\b",  # "haven't", "didn't": no word boundary before n't
    _I,
)
# "it has been four days since the fighting erupted": the clause after a duration is the news
DURATION_SINCE = r"\bsince\b" + "".join(  # the look-behinds run only where "since" is
    rf"(?<!{w}\ssince)"
    for w in ("day", "days", "week", "weeks", "hour", "hours", "month", "months")
)
_SINCE_CLAUSE = re.compile(
    DURATION_SINCE + r"\s+(?!the\s+(?:(?:start|beginning|end|middle|onset)\s+of\s+(?:the\s+)?"
    r"(?:spring|summer|autumn|fall|winter|year|month|week)|weekend|morning|evening|"
    # "since the last two days" (a duration, not an event that dates the sentence)
    r"(?:last|past)\s+(?:\w+\s+)?(?:days?|weeks?|months?|hours?|nights?))\b)"
    r"(?:it|they|he|she|we|the|its|their|his|her|a|an)\b[^,;.]*",
    _I,
)
_SINCE_CLAUSE = prefiltered(_SINCE_CLAUSE)
DATING_EVENT = (
    # "since Kabul was captured", "since Kabul fell": a capture that dates the sentence
    r"\bsince\s+(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s+(?:was|were|had|fell)\b[^,;.]*"
    # "after gaining control of the capital on 15 August, …"
    r"|\b(?:after|since|before|upon)\s+(?:gaining|taking|seizing|capturing|winning|securing|"
    r"sweeping)\b(?!\s+(?:them|him|her|us)\b)[^,;.]*"  # "killed them after capturing them": told
    # "at the time of his death, he was advising …": the death dates the sentence
    r"|\bat\s+the\s+time\s+of\s+(?:his|her|their|the)\s+(?:death|killing|capture|arrest)\b"
    # "stands free of its control after the fall of Kabul on Aug. 15"
    r"|\b(?:after|following|since|before|until|upon|(?:days|weeks|months|years)\s+into)\s+"
    r"(?:the|its|their)\s+(?:[\w'-]+\s+)?(?:fall|collapse|capture|takeover|seizure|conquest)\s+of\b"
    r"[^,;.]*"
    # "as people flee after the withdrawal of U.S. forces": the foreign exit dates it
    r"|\b(?:after|following|since|before|until|upon)\s+the\s+(?:[\w'-]+\s+)?(?:withdrawal|"
    r"departure|exit|pull-?out)\s+of\s+(?:the\s+)?(?:U\.?S\.?|American|foreign|NATO|western|"
    r"international|coalition)\b[^,;.]*"
    # "after the Taliban takeover, …", "post Taliban takeover", "since the Taliban's victory"
    r"|\b(?:after|following|since|before|until|upon|post)[\s-]+(?:the\s+)?"
    r"(?:(?-i:[A-Z])[\w'-]+(?:'s)?\s+)?(?:takeover|fall|capture|seizure|conquest|victory)\b"
    r"(?!\s+of\b)[^,;.]*"
)
"""A capture named only to date the sentence: no claim (here) and no place (claims.places)."""
AFTER_EVENT = (
    # "after the foreign troops pulled out of Kabul airport": an event that dates the sentence
    r"\b(?:after|before|until|till|once|prior\s+to)\s+(?:the\s+|those\s+|these\s+|its\s+|their\s+)?"
    r"(?:[\w'-]+(?:\.\w\.?)?\s+){0,4}?(?:had\s+|have\s+|has\s+)?(?:fell|fallen|started|began|took|"
    r"arrived|seized|captured|withdrew|pulled|left|collapsed)\b[^,;]*?(?=[,;]|\.\s|\.?$)"
)
_TEMPORAL = re.compile(
    DATING_EVENT + r"|" + AFTER_EVENT + r"|"
    r"\b(?:in\s+the\s+(?:days|weeks|months|run-up)\s+(?:leading\s+(?:up\s+)?to|before|after)|"
    r"leading\s+up\s+to|in\s+the\s+wake\s+of|on\s+the\s+eve\s+of)\b[^,;.]*",
    _I,
)
_TEMPORAL = prefiltered(_TEMPORAL)
_since_spans = spans_of(_SINCE_CLAUSE)
_temporal_spans = spans_of(_TEMPORAL)
_HYPOTHETICAL = re.compile(
    r",\s*if\s+(?:confirmed|true|verified|accurate|so|correct|successful|it\s+happens),"
    r"|\bif\s+confirmed\b",
    _I,
)
_NOT_SUBJECT = re.compile(
    r"\b(?:said|says|say|claimed|claims|reported|announced|which|that|who|and|but)\b|[.!?:]", _I
)
_NOMINAL_MODAL = re.compile(
    r"(?:\s+of)?(?:\s+(?:the\s+)?[\w'-]+){1,4}?\s+(?:will|would|could|might|may)\b", _I
)
_MODAL_AFTER = re.compile(r"\s+(?:will|would|could|might|shall)\b(?!\s+be\s+(?:heard|seen))", _I)
_AHEAD = re.compile(r"^\s+(?:\w+\s+){0,2}?(?:ahead|to\s+come)\b", _I)
_THERE_IS_NO = re.compile(
    r"\bthere\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+no\s+(?:more\s+|real\s+|"
    r"active\s+|[\"“‘']?)?$",
    _I,
)


def there_is_no(text: str, start: int) -> bool:
    """ "there has been no fighting in X", 'there had been no "military incidents"': the event
    is denied (a claim about it, stance denies)."""
    return _THERE_IS_NO.search(text, max(0, start - 40), start) is not None


_NO_BEFORE = re.compile(r"\bno\s+(?:[\w-]+\s+){0,3}$", _I)
# "said that no civilians were killed in X": a denial of the casualties, which is a claim
NO_VICTIMS = re.compile(  # a speaker's denial ("No soldiers were killed." alone tells nothing)
    r"\b(?:said|says|added|insisted|stated|stressed|claimed|told\s+[\w-]+)\s+(?:that\s+)?"
    r"no\s+(?:civilians?|one|fighters?|soldiers?|people|members|lives|casualties)\s+"
    r"(?:\w+\s+)?(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?$",
    _I,
)
# "None of its forces were harmed, the front said", "its fighters had not suffered any
# casualties, the source adds": a speaker's denial of losses is a casualties claim (a denial);
# without a speaker ("No soldiers were killed.") it tells nothing
_LOSS_NEGATION = re.compile(
    r"(?:\bnone\s+of\s+(?:its|their|our|his|her|the)\s+(?:[\w'-]+\s+){0,3}?(?:were|was|have\s+been|"
    r"has\s+been|had\s+been)\s+|\b(?:has|have|had)(?:\s+not|n't)\s+(?:\w+\s+)?|\bno\s+"
    r"(?:[\w'-]+\s+){0,2}?(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+\s+)?)$",
    _I,
)


_SUFFERED = re.compile(r"(?:suffer|sustain|incur)\w*\b", _I)


@cache
def _attributed_tail() -> re.Pattern[str]:
    """ "…, the front said": a reporting tail after the words it attributes."""
    return re.compile(
        rf"[^.;!?]*?,\s+(?:[\w'-]+\s+){{0,6}}?(?:{alternation(vocabulary().tail_forms())})\b", _I
    )


@cache
def _reported_negation() -> re.Pattern[str]:
    """ "The front said none of its men …": a reporting verb before the negation."""
    return re.compile(
        rf"\b(?:{alternation(vocabulary().tail_forms())})\s+(?:that\s+)?(?:[\w'-]+\s+){{0,4}}?"
        r"(?:none|no|(?:has|have|had)(?:\s+not|n't))\b[^,;]*$",
        _I,
    )


def loss_denied(text: str, start: int, end: int) -> bool:
    """True when a speaker says the losses at ``text[start:end]`` did not happen ("none of
    its fighters were killed, the NRF said")."""
    before = text[max(0, start - 90) : start]
    negation = _LOSS_NEGATION.search(before)
    if negation is None:
        return False
    if negation.group().lower().startswith("ha") and not _SUFFERED.match(text, start):
        return False  # "the Taliban haven't killed anyone": not a speaker's own losses
    return bool(_attributed_tail().match(text, end) or _reported_negation().search(before))


# "no fighting was taking place in X", "no military action is going on": a denial of the
# event, which is a claim about it (as "there is no fighting in X")
_NONE_GOING_ON = re.compile(
    r"\s+(?:was|were|is|are|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:going\s+on|taking\s+place|"
    r"under\s*way|happening|ongoing)\b",
    _I,
)
_HABITUAL = re.compile(r"\b(?:never|no\s+longer)\b", _I)
_CONDITIONAL = re.compile(r"\b(?:if|unless|whether)\b", _I)
_MODAL = re.compile(
    r"\b(?:will|would|could|might|may|should|shall|must|can|cannot|can't|won't)\b", _I
)
_EVIDENTIAL = re.compile(r"\b(?:could|can)\s+be\s+(?:seen|heard)\b", _I)
_NEGATIVE_ABILITY = re.compile(
    r"\b(?:cannot|can't|could\s+not|couldn't|unable\s+to|failed\s+to|did\s+not\s+manage)\b", _I
)
_CIRCUMSTANCE = re.compile(
    r"\b(?:killed|killing|dead|died|wounded|wounding|injured|injuring|martyred|losses|casualties|"
    r"(?:lost|losing|lose)\s+\w+|captured|capturing|"
    r"detained|arrested|shot|taken\s+prisoners?|prisoner)\s+(?:\w+\s+){0,6}?(?:in|during|amid)\s+"
    r"(?:(?:the|these|those|an?)\s+(?:(?:recent|ongoing|heavy|fierce|latest|continuing)\s+)?|"
    r"(?:recent|ongoing)\s+|(?-i:[A-Z])[\w'-]+\s+)?$",  # or bare: "were killed in clashes"
    _I,
)
# "captured during the clashes which are still going on": the fighting itself is told
_GOING_ON = re.compile(
    r",?\s+(?:which|that)\s+(?:are|is|were|was|have\s+been|has\s+been)\s+(?:still\s+)?"
    r"(?:going\s+on|ongoing|continuing|under\s*way|raging)\b",
    _I,
)
_CAUSE = re.compile(
    r"\b(?:due\s+to|because\s+of|owing\s+to|in\s+retaliation\s+for|retaliation\s+for|in\s+"
    r"response\s+to|in\s+revenge\s+for|revenge\s+for)\s+(?:the\s+|their\s+|its\s+)?(?:[\w'-]+\s+){0,2}?$",
    _I,
)
# "killed as a result of the attack": the attack was claimed before ("… of an attack by the
# front in Kapisa" reports one)
_RESULT_OF = re.compile(
    r"\bas\s+a\s+(?:result|consequence)\s+of\s+(?:the|this|that|these|those)\s+"
    r"(?:[\w'-]+\s+){0,2}?$",
    _I,
)
_CAUSING = re.compile(
    r"\s+(?:(?:has|have|had|was|were|is|are)\s+)?(?:also\s+)?(?:been\s+)?(?:left|caused|claimed|"
    r"killed|resulted|accompanied|followed|marked|led|cost|costs|inflicted)\b",
    _I,
)
# the clash word is a definite subject: of the statement, or of a reported clause ("The NRF
# reported that the operation resulted in the death of …")
_SUBJECT_THE = re.compile(
    r"(?:^\W*|\b(?:that|said|says|added|adding)\s+)the\s+(?:[\w'-]+\s+)?$", _I
)
_DEFINITE_END = re.compile(
    r"\b(?:the|these|those|recent|ongoing)\s+(?:(?:recent|ongoing|heavy|fierce|latest|continuing)\s+)?$",
    _I,
)
# "killed in a clash at X", "killed during a battle": the fight is where they died; an ambush,
# a fight named anew with "a" is an event of its own ("killed in an ambush in X", "killed
# during a clash in X"), unlike one told before ("killed in the clashes")
_A_FIGHT = re.compile(r"\ban?\s+(?:(?:heavy|fierce|brief)\s+)?$", _I)
# "wounded in Taliban attacks"; not a headline's "In An Operation"
_NAMED_FIGHT = re.compile(r"\b(?:in|during|amid)\s+(?!(?:an?|the)\s)(?-i:[A-Z])[\w'-]+\s+$", _I)
_INDEFINITE_END = re.compile(r"\b(?:an?)\s+(?:[\w'-]+\s+)?$", _I)
_NAMES_ITS_PLACE = re.compile(
    r"(?:\s+(?:against|by|on|of)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?)?"
    r"\s+(?:around|in|near|at|outside)\s+(?:the\s+)?(?-i:[A-Z])",
    _I,
)
_CIRCUMSTANCE_PLACED = re.compile(
    r"\s+(?:around|in|near|at|outside|on)\s+(?:the\s+)?(?-i:[A-Z])", _I
)
_CELEBRATION = re.compile(r"\b(?:celebrat\w*|triumph\w*|jubila\w*|in\s+the\s+air|joy\w*)\b", _I)
_RESTATED = re.compile(r"\b(?:in|during|after)\s+(?:this|that|these|those|the\s+same)\s+$", _I)
# "in the clashes that started last Saturday in Panjshir": the clash told anew, not restated
_OWN_EVENT = re.compile(
    r"\s+(?:that|which)\s+(?:\w+\s+)?(?:started|began|broke\s+out|erupted|took\s+place)\b", _I
)
_SCOPE_OF = re.compile(r"\b(?:areas?|zones?|theatres?|theaters?|scope|range)\s+of\s+$", _I)
# the fight as an aim, a thing to end or to keep up: no fight told ("seek a negotiated end to the
# fighting", "resolve the conflict peacefully", "insists on continuing the fight", "ready to
# fight", "a call for a renewed fight")
_GOAL_OF = re.compile(
    r"\b(?:(?:an?|the)\s+(?:(?:negotiated|peaceful|political|quick|swift)\s+)?end\s+(?:to\s+)?"
    r"(?:the\s+)?|end(?:ing)?\s+(?:the\s+)?|resolv(?:e|ed|es|ing)\s+(?:the\s+)?|"
    r"settl(?:e|ed|es|ing)\s+(?:the\s+)?|"
    r"(?:insist\w*\s+on|vow\w*\s+to|pledg\w*\s+to|determined\s+to|promis\w*\s+to|will|would)\s+"
    r"continu(?:e|es|ing)\s+(?:the|their|its|our)\s+|"
    r"(?:prepared|ready|willing|determined|vow(?:ed|s)?|pledg(?:ed|es))\s+to\s+(?:continue\s+(?:the\s+)?)?|"
    r"for\s+an?\s+(?:renewed|new)\s+|"
    r"(?:decision|decided|decides|plans?|planned|planning)\s+to\s+(?:switch\s+to|launch|start|begin|"
    r"resume)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?)$",
    _I,
)
_YEARS_LONG = re.compile(
    r"(?:\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty)[- ]"
    r"(?:year|decade)s?(?:[- ]long|[- ]old)?|\b(?:decades?|years?)[- ]long|"
    # "after 20 years of conflict", "four decades of war"
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|many|several)\s+"
    r"(?:years|decades)\s+of|\bdecades\s+of)\s+"
    r"(?:(?:civil|bloody|brutal|armed)\s+)?$",
    _I,
)
# "After the attack, …", "During the raid, fighters recovered …": the fight told before
_AFTER_THE = re.compile(
    r"^\W*(?:after|following|during|in\s+the\s+course\s+of)\s+(?:the|this|that)\s+(?:[\w-]+\s+)?$",
    _I,
)
# "After the attack, …", "During the raid in Parwan, …": the event named in passing, told before
_COMMA_NEXT = re.compile(
    r"\s*(?:(?:in|at|on|near)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])?[\w'’-]+)?\s*)?,"
)
_WAR_OVER = re.compile(
    r"(?:\s+in(?:\s+[\w'’-]+){1,3}?)?\s+(?:(?:is|was|has\s+been|had\s+been)\s+(?:now\s+|finally\s+)?"
    r"over\b|(?:(?:has|had|have)\s+(?:been\s+)?)?(?:now\s+|finally\s+)?(?:ended|finished)\b|over\s*(?:[,.;:!]|$))",
    _I,
)
_GENERIC_WAR = re.compile(r"war\b(?<=\bof\s(?:war))", _I)
_ATTRIBUTIVE = re.compile(r"\bthe\s+$", _I)
_RESTATED_VICTIMS = re.compile(
    r"\b(?:the|those)\s+(?:\w+\s+){0,4}?(?:individuals|people|persons|victims|ones|men|women|"
    r"civilians|fighters|members)\s+$",
    _I,
)
# "the number of fighters killed": a count of victims is a casualty claim, not a restatement
_COUNT_OF = re.compile(
    r"\b(?:numbers?|toll|count|tally|figures?)\s+of\s+(?:\w+\s+){0,3}$"
    # "cost the Taliban seven members killed": a figure before the victims counts them
    r"|\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|"
    r"scores|hundreds|several)\s+(?:\w+\s+)?(?:individuals|people|persons|victims|men|women|"
    r"civilians|fighters|members)\s+$",
    _I,
)
_ATTRIBUTIVE_WORDS = frozenset(
    {"dead", "slain", "killed", "wounded", "murdered", "martyred", "assassinated"}
)


_NEGATION_BREAK = re.compile(
    r"\"|\b(?:and|but|or)\s+(?=(?:that|then|the|they|it|he|she|we|its|their|his|her)\b)", _I
)


# "It must be mentioned that …", "it should be noted that …": the writer's aside, whose modal
# governs the mentioning, not the event mentioned
_ASIDE = re.compile(
    r"\bit\s+(?:must|should|may|can|has\s+to)\s+be\s+(?:mentioned|noted|said|added|recalled|"
    r"remembered|stressed|underlined|pointed\s+out|emphasi[sz]ed)\s+(?:here\s+)?that\b",
    _I,
)


def _clause_before(text: str, pos: int, breaks: re.Pattern[str] = _CLAUSE_BREAK) -> str:
    start = 0
    for m in breaks.finditer(text, 0, pos):
        start = m.end()
    if text.find(" be ", start, pos) != -1:  # the aside's one required word, found cheaply
        for m in _ASIDE.finditer(text, start, pos):
            start = m.end()  # the clause starts after the aside
    return text[start:pos]


@cache
def _past_era() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An era's actor right before a claim word ("the USSR's invasion") or after it ("the war
    against the Soviets")."""
    eras = alternation(vocabulary().past_eras)
    before = re.compile(rf"\b(?:{eras})(?:'s|’s|s'|’)?\s+(?:[\w'’-]+\s+){{0,2}}$", re.IGNORECASE)
    after = re.compile(  # "the war against the Soviets", "helped fight both the Soviet army"
        rf"\s+(?:(?:of|by|against|off)\s+)?(?:both\s+)?(?:the\s+)?(?:{eras})\b", re.IGNORECASE
    )
    return before, after


@cache
def _past_era_opening() -> re.Pattern[str]:
    """A statement opening with a time clause of a past era ("After defeating the Soviets, …",
    "During the Soviet occupation, …"): what the rest tells is of that era."""
    eras = alternation(vocabulary().past_eras)
    return re.compile(
        rf"^\W*(?:after|before|during|following|until|upon|when|while|in)\b[^,;.]{{0,80}}?"
        rf"\b(?:{eras})\b[^,;.]*,",
        re.IGNORECASE,
    )


# "after 20 years of roadside bombings, ambushes and reprisal killings": a list of what a whole
# era held, no event of the news
_YEARS_OF_LIST = re.compile(
    r"\b(?:after|during|over|through|in|with)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"twenty|thirty|forty|many|several)\s+(?:years|decades)\s+of\s+"
    r"(?:[\w'’-]+(?:,?\s+and\s+|,\s+|\s+)){0,8}$",
    _I,
)
_LIST_GOES_ON = re.compile(r"\s*(?:[,;)\-]|(?:and|or)\b|$)", _I)
_NOUN_FORM = re.compile(r"[\w'’-]+(?:s|ing)|war|conflict|violence|insurgency|fighting", _I)


def background(text: str, start: int, kind: str, end: int | None = None) -> str:
    """The id of the background check that drops the word at ``start``, or ""."""
    if (
        end is not None
        and _NOUN_FORM.fullmatch(text, start, end)
        and _YEARS_OF_LIST.search(text, max(0, start - 100), start)
        and _LIST_GOES_ON.match(text, end)
    ):
        return "M-past-era"
    before, after = _past_era()
    if before.search(text, max(0, start - 40), start) or (
        end is not None and after.match(text, end)
    ):
        return "M-past-era"
    opening = _past_era_opening().match(text)
    if opening is not None and start >= opening.end():
        return "M-past-era"
    if kind != "infrastructure" and any(s < start <= e for s, e in _since_spans(text)):
        return "M-since"
    if kind != "infrastructure" and any(s < start <= e for s, e in _temporal_spans(text)):
        return "M-temporal"
    return ""


def clash_veto(text: str, start: int, end: int) -> str:
    """Checks particular to clash words: the id of the one that drops the word, or ""."""
    for check in (_told_before, _not_a_fight_told, _circumstance_of, _named_or_scoped):
        found = check(text, start, end)
        if found:
            return found
    return ""


def _told_before(text: str, start: int, end: int) -> str:
    if _RESTATED.search(text, max(0, start - 30), start) or _GENERIC_WAR.match(text, start):
        return "M-restated"
    if _AFTER_THE.match(text, 0, start) and _COMMA_NEXT.match(text, end):
        return "M-restated"  # "After the attack, Saleh called on the world …": told before
    if re.search(
        r"(?:^\W*|\b(?:that|said|added|adding)\s+)in\s+the\s+$", text[:start], _I
    ) and not _OWN_EVENT.match(text, end):
        return "M-restated"  # "In the attack, the front lost …": the attack was claimed before
    if _SENTENCE_END.match(text, end) and _FOLLOWING_THE.search(text, max(0, start - 30), start):
        return "M-restated"  # "… are stationed in X following the clash.": told before
    return ""


_FOLLOWING_THE = re.compile(r"\b(?:following|after)\s+the\s+$", _I)
_SENTENCE_END = re.compile(r"[\s\"'”’)]*[.!?]?[\s\"'”’)]*$")


def _not_a_fight_told(text: str, start: int, end: int) -> str:
    if _YEARS_LONG.search(text, max(0, start - 30), start):
        return "M-history"  # "a 20-year conflict", "the decades-long war": a whole era, no event
    if _GOAL_OF.search(text, max(0, start - 40), start):
        return "M-goal"  # "seek a negotiated end to the fighting", "prepared to fight"
    if text[start:end].lower() == "war" and _WAR_OVER.match(text, end):
        return "M-ended"  # "the war is over": who won, a control claim (K-control-war-over)
    word = text[start:end].lower()
    if word in ("gunfire", "firing") and _CELEBRATION.search(text):
        return "M-celebration"
    return ""


def _given_fight(before: str) -> bool:
    """The fight word after a casualty is one already told ("killed in the clashes", "in these
    attacks", "wounded in Taliban attacks"), not a fight reported anew ("killed in clashes with
    the front", "killed in fighting near X")."""
    return bool(_DEFINITE_END.search(before) or _NAMED_FIGHT.search(before))


def _circumstance_of(text: str, start: int, end: int) -> str:
    """The fight is where something else happened ("killed in the clashes", "fled due to the
    fighting", "The fighting has left 60 dead"): that something is the claim."""
    circumstance = _CIRCUMSTANCE.search(text, max(0, start - 70), start)
    if (
        circumstance
        and not _A_FIGHT.search(circumstance.group(0))  # "killed during a clash in X": a fight
        and _given_fight(circumstance.group(0))
        and not _GOING_ON.match(text, end)
    ):
        return "M-circumstance"  # "killed in the clashes"; not "killed in fighting around X"
    if _RESULT_OF.search(text, max(0, start - 60), start):
        return "M-circumstance"
    cause = _CAUSE.search(text, max(0, start - 60), start)
    if cause and not (_INDEFINITE_END.search(cause.group(0)) and _NAMES_ITS_PLACE.match(text, end)):
        # "fled due to the escalating conflicts"; not "due to a clearance operation against
        # rebels in Rokha, 40 were killed", which reports the operation
        return "M-circumstance"
    if _SUBJECT_THE.search(text, max(0, start - 40), start) and _CAUSING.match(text, end):
        return "M-circumstance"  # "The fighting has also left 60 dead": the casualties
    return ""


def _named_or_scoped(text: str, start: int, end: int) -> str:
    if (
        text[start:end][:1].isupper()
        and start > 0
        and re.match(r"\s+(?-i:[A-Z])", text[end:])
        and not _title_case(text)
    ):
        return "M-restated"  # inside a proper name ("the Hindu Kush Conflict Monitor")
    if _SCOPE_OF.search(text, max(0, start - 30), start):
        return "M-scope"  # "expanded its areas of operations to Takhar": where it works, no event
    return ""


_LOWER_WORD = re.compile(r"(?-i:\b[a-z][a-z'’-]{3,})")


def _title_case(text: str) -> bool:
    """A headline in title case ("New Reports Of Fighting In Panjshir"): every word of four
    letters or more capitalised, so a capital does not mark a proper name."""
    return len(text.split()) >= 4 and _LOWER_WORD.search(text) is None


# "urged both sides to find a settlement", "called on the Taliban and the front to restart
# negotiations": an appeal to others tells what they should do, not what happened ("asked the
# elders to mediate" is a request made, an event of the talks)
_APPEAL = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:up)?on|appeal(?:s|ed|ing)?\s+to|"
    r"press(?:es|ed|ing)?|encourag(?:e|es|ed|ing)|implor(?:e|es|ed|ing)|exhort(?:s|ed|ing)?)\s+(?:[\w'’-]+\s+){1,10}?to\s+(?:[\w'’-]+\s+){0,8}$"
    # "asked the Taliban and the front to stop the fighting": both parties asked, an appeal
    r"|\bask(?:s|ed|ing)?\s+(?=(?:[\w'’“”\"-]+\s+){0,6}?(?:and|both|sides|parties)\s)"
    r"(?:[\w'’“”\"-]+\s+){1,10}?to\s+(?:[\w'’-]+\s+){0,8}$"
    # "proposed that the Taliban stop its operations and withdraw": what a proposal asks for
    r"|\b(?:propos(?:e|es|ed|ing)|demand(?:s|ed|ing)?|insist(?:s|ed|ing)?\s+on)\s+that\s+"
    r"(?:[\w'’-]+\s+){1,14}?$"
    # "the question should be resolved through dialogue": how a dispute ought to end, an opinion
    r"|(?:\b(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to)\s+(?:only\s+)?|"
    r"\bthat\s+(?:it|this|the\s+(?:issue|question|problem|dispute|conflict|crisis))\s+)be\s+"
    r"(?:resolved|settled|solved|addressed|ended|handled|tackled)\s+(?:\w+\s+){0,3}$",
    _I,
)
# what is asked, not told: "to find out when these videos were shot", "no idea who killed
# them"; and what no one has reported: "there were no immediate reports of casualties"
_ASKED = re.compile(
    # (not "it is unclear who killed them": the killing is told, its author unknown)
    r"\b(?:find\s+out|finding\s+out|to\s+know|no\s+idea|investigat\w*)\s+(?:exactly\s+)?"
    r"(?:when|where|who|whom|whether|how|why|what|if)\b[^.;!?]*$"
    r"|\bno\s+(?:immediate\s+|confirmed\s+|credible\s+|independent\s+|official\s+)?"
    r"(?:reports?|word|information|news)\s+(?:of|on|about)\s+(?:any\s+)?(?:[\w'’-]+\s+){0,2}$",
    _I,
)
_APPEAL_STEMS = (
    "urg", "call", "appeal", "press", "encourag", "implor", "exhort", "ask", "propos", "demand",
    "resolved", "settled", "solved", "addressed", "ended", "handled", "tackled",
)  # fmt: skip
# "calling it an illegitimate war", "described the operation as a massacre": a name given to
# something told, not an event told
_CHARACTERISED = re.compile(
    r"\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|term(?:s|ed|ing)?|brand(?:s|ed|ing)?|"
    r"label(?:s|ed|led|ing|ling)?)\s+(?:it|this|that|them|the\s+[\w'’-]+)\s+"
    r"(?:as\s+(?:an?\s+)?|an?\s+)(?:[\w'’-]+\s+){0,2}$",
    _I,
)
# what no one could check is not told: "X could not independently verify the claims of …",
# "The casualties were not independently confirmed."
_UNVERIFIED_BEFORE = re.compile(
    r"\b(?:could|can|did|does|do|has|have|had|was|were|is|are)(?:\s*n['’]t|\s+not|\s+never)\s+"
    r"(?:yet\s+)?(?:been\s+)?(?:be\s+)?(?:able\s+to\s+)?(?:independently\s+|freely\s+|"
    r"immediately\s+|separately\s+)?(?:verify|confirm|corroborate)\b"
    # "but there has been no immediate confirmation of any fighting"
    r"|\bno\s+(?:immediate\s+|independent\s+|official\s+)?(?:confirmation|verification|"
    r"corroboration)\s+of\s+(?:any\s+|the\s+)?(?:[\w'’-]+\s+){0,2}$",
    _I,
)
_UNVERIFIED_AFTER = re.compile(
    r"[^,;.:!?]*?\b(?:(?:were|was|is|are)(?:\s*n['’]t|\s+not|\s+never)|"
    r"(?:have|has|had)(?:\s*n['’]t|\s+not|\s+never)\s+(?:yet\s+)?been|(?:could|can)(?:\s*n['’]t|\s+not|\s+never)\s+(?:yet\s+)?be|cannot\s+be)\s+"
    r"(?:independently\s+|freely\s+|immediately\s+|separately\s+)?(?:verified|confirmed|corroborated)\b",
    _I,
)
# "will keep fighting until its last breath": a vow
_TO_THE_LAST = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:until|till|to)\s+(?:the|its|our|their|my|his|her)\s+"
    r"(?:very\s+)?last\s+(?:breath|drop|man|bullet|soldier|fighter)",
    _I,
)


_PAST_FORM = re.compile(r"\w+ed|fought|battled", _I)


def _unverified(text: str, start: int, end: int, before: str) -> bool:
    low = before.lower()
    if ("verif" in low or "confirm" in low or "corroborat" in low) and _UNVERIFIED_BEFORE.search(
        before
    ):
        return True
    tail = text[end : end + 120].lower()
    return ("verified" in tail or "confirmed" in tail or "corroborated" in tail) and bool(
        _UNVERIFIED_AFTER.match(text, end)
    )


def _appeal(before: str) -> bool:
    low = before.lower()
    return any(stem in low for stem in _APPEAL_STEMS) and _APPEAL.search(before) is not None


def _irrealis(text: str, start: int, end: int, kind: str, before: str) -> bool:
    control = kind == "territorial_control"
    done = _PAST_ABILITY.search(before)
    if done is not None:  # "it has been able to hold off the attacks": it did
        before = before[: done.start()]
    word = text[start:end].lower().split()[0] if text[start:end].strip() else ""
    if _IRREALIS.search(before) and not (control and _NEGATIVE_ABILITY.search(before)):
        return True
    modal = _MODAL.search(before) and not _EVIDENTIAL.search(before)
    if modal and not (control and _NEGATIVE_ABILITY.search(before)):
        return True
    if (
        word in _BARE_VERBS
        and re.search(r"\bto\s+(?:\w+\s+)?$", before, _I)  # "… To Eliminate Hideouts"
        and not _TO_OK.search(before)
    ):
        return True
    if _PURPOSE.search(before):
        return True
    if _AHEAD.match(text[end : end + 30]) or _MODAL_AFTER.match(text, end):
        return True
    return word in ("fall", "capture", "loss", "takeover", "seizure") and bool(
        _NOMINAL_MODAL.match(text, end)
    )


# "it is not known who killed them": the not denies the knowing, the killing is told
_NOT_KNOWN_WHO = re.compile(
    r"\bnot\s+(?:yet\s+|immediately\s+)?(?:known|clear|certain)\s+(?:who|which|what|when|where|"
    r"how|why)\b",
    _I,
)


def _negated(text: str, start: int, kind: str, before: str, end: int | None = None) -> bool:
    unknown = _NOT_KNOWN_WHO.search(before)
    if unknown is not None:
        before = before[unknown.end() :]
    if kind in ("territorial_control", "negotiation"):
        return _HABITUAL.search(before) is not None
    if _THERE_IS_NO.search(before) or (" no " in before.lower() and NO_VICTIMS.search(before)):
        return False  # a denial ("there is no fighting in X") is a claim of what it denies
    if kind == "casualties" and end is not None and loss_denied(text, start, end):
        return False
    if end is not None and _NO_BEFORE.search(before) and _NONE_GOING_ON.match(text, end):
        return False
    return bool(_NEGATION.search(before) or _NO_BEFORE.search(before))


def realis(text: str, start: int, end: int, kind: str, exempt: frozenset[str] = frozenset()) -> str:
    """The id of the modality check that drops the claim word at ``text[start:end]``, or ""
    when it asserts an event."""
    reason = background(text, start, kind, end)
    if reason:
        return reason
    before = _clause_before(text, start)
    if _CONDITIONAL.search(before):
        return "M-conditional"
    if _appeal(before):
        return "M-appeal"
    if _CHARACTERISED.search(before):
        return "M-characterised"
    if _unverified(text, start, end, before):
        return "M-unverified"
    if _ASKED.search(text, max(0, start - 120), start):
        return "M-asked"
    if _TO_THE_LAST.match(text, end) and not _PAST_FORM.fullmatch(text[start:end]):
        return "M-vow"  # not "fought till the last bullet": that was done
    word = text[start:end].lower()
    if (
        word in _ATTRIBUTIVE_WORDS
        and _ATTRIBUTIVE.search(before)
        and re.match(r"\s+(?-i:[a-z])[a-z]+\b", text[end:])
    ):
        return "M-attributive"
    if (
        word in _ATTRIBUTIVE_WORDS
        and _RESTATED_VICTIMS.search(before)
        and not _COUNT_OF.search(before)
    ):
        return "M-attributive"  # "the identities of the individuals killed": victims named before
    if (
        kind != "negotiation"
        and "irrealis" not in exempt
        and _irrealis(text, start, end, kind, before)
    ):
        return "M-irrealis"
    if "negation" not in exempt and _negated(
        text, start, kind, _clause_before(before, len(before), _NEGATION_BREAK), end
    ):
        return "M-negation"  # ('"never been stronger" and that its fighters had recaptured X')
    return ""


def hypothetical(text: str, start: int, end: int) -> bool:
    """True when a conditional ("The fall of X, if confirmed, would …") governs the word: it
    is in the conditional's predicate or in its subject (no reporting verb or relative
    pronoun between them)."""
    if "if " not in text.lower():
        return False
    mark = _HYPOTHETICAL.search(text)
    if mark is None:
        return False
    lo = text.rfind(";", 0, start) + 1
    hi = text.find(";", end)
    hi = len(text) if hi < 0 else hi
    if not lo <= mark.start() < hi:
        return False
    if start > mark.start():
        return True
    return _NOT_SUBJECT.search(text, end, mark.start()) is None
