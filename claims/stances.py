"""Denials, confirmations and labelled speakers: attributions that are not a reporting verb's.

- A claim word is *denied* (``stance = "denies"``) when the statement calls what it says false:
  "…, this is a lie", "the Taliban's claim that they occupied X is false", "rumours/canards
  of wresting control of X", "propaganda that …" (``D-falsity``); the speaker of the
  statement is the one who denies.
- A statement with no claim word of its own that denies or confirms an earlier claim ("The
  front had denied the Taliban's statements", "whereas the commander rejected this claim",
  "This information has been confirmed by X", "X dismissed the reports") is a claim by that
  speaker with the kind and place of the claims it refers to (``K-anaphora``): the latest
  claims of the party it names ("the Taliban's statements"), else the latest claims before it.
- A transcript or headline label names a speaker: "DASHTI: …", "Mujahid: Panjshir taken"
  (``S-label``), when the label is an actor of the profile.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from claims.actors import Strength
from claims.kinds.modality import NO_VICTIMS, loss_denied, there_is_no
from claims.phrases import phrase_from_text
from claims.places import PlaceRule
from claims.prefilter import Prefiltered, minimal, required_words
from claims.profile import UNKNOWN
from claims.speakers import Frame, SpeakerRule, innermost
from claims.vocabulary import ASSERTS, DENIES, alternation, vocabulary

if TYPE_CHECKING:
    from claims.model import Claim

_I = re.IGNORECASE
_FALSITY = re.compile(
    r"\b(?:is|are|was|were|as)\s+(?:a\s+|an\s+|all\s+|just\s+|completely\s+|totally\s+|"
    r"simply\s+|nothing\s+but\s+|utterly\s+|baseless\s+and\s+)?"
    r"(?:(?-i:[A-Z])[\w-]+(?:'s|’s)?\s+|(?:enemy|the\s+enemy's|enemy’s)\s+)?"  # "are Taliban lies"
    r"(?:lies?|false(?:hoods?)?|untrue|"
    r"baseless|unfounded|fabricated|fabrications?|propaganda|rumou?rs?|fake|not\s+true|nonsense|"
    r"psychological\s+operations?|incorrect|wrong)\b",
    _I,
)
_FALSE_CONTENT = re.compile(
    r"\b(?:rumou?rs?|canards?|propaganda|lies|false\s+(?:claims?|reports?|news)|fake\s+news|"
    r"claims?|reports?|news)\s+(?:that|of|about|regarding|on)\b",
    _I,
)


# "the Taliban were exaggerating the number of fighters killed": the figure is disputed
_OVERSTATED = re.compile(
    r"\b(?:exaggerat\w*|inflat(?:e|es|ed|ing)|overstat\w*|padd(?:ed|ing))\s+(?:the\s+|their\s+|its\s+)?"
    r"(?:numbers?|tolls?|figures?|counts?|tally|casualt\w*)\b",
    _I,
)


# "said they had suffered no losses", "sustained no casualties": the speaker's own losses denied
_NO_LOSSES = re.compile(
    r"(?:suffer|sustain|incur|ha[ds]|have)\w*\s+no\s+(?:\w+\s+)?(?:losses|casualties)\b", _I
)


_WORD = re.compile(r"[\w'-]+")


def denied(text: str, pos: int) -> bool:
    """True when the statement calls the claim at ``pos`` false (or its figure overstated)."""
    if any(m.start() < pos for m in _OVERSTATED.finditer(text)):
        return True
    if _NO_LOSSES.match(text, pos) or there_is_no(text, pos):
        return True
    word = _WORD.match(text, pos)
    if word and loss_denied(text, pos, word.end()):
        return True  # "none of its fighters were killed, the front said"
    if " no " in text[max(0, pos - 60) : pos].lower() and NO_VICTIMS.search(
        text, max(0, pos - 60), pos
    ):
        return True  # "no civilians were killed": the killing denied
    falsity = list(_FALSITY.finditer(text))
    for m in falsity:
        if m.start() > pos:
            return True  # "…, this is a lie" / "the claim that … is false"
        before = text[: m.start()]
        if re.search(r"\b(?:this|that|these|it|which)\s*$", before, _I) and m.start() < pos:
            continue
    content = [m for m in _FALSE_CONTENT.finditer(text, 0, pos)]
    return any(
        re.search(r"rumou?r|canard|propaganda|lie|false|fake", m.group(0), _I) for m in content
    )


_CONFIRMING = ("confirm", "corroborate", "endorse", "verify")
_OVERSTATING = ("exaggerat", "inflat", "overstat")  # the stems _ANAPHORIC_REST spells out
# what calling a claim false says of it ("… are false", "… is a lie", "… is not true")
FALSE_VERDICT = (
    r"false|untrue|baseless|groundless|unfounded|fabricated|lies|a\s+lie|propaganda|"
    r"not\s+true|incorrect|wrong|(?:mere\s+|pure\s+)?speculations?|rumou?rs?|(?:pure\s+)?fiction|"
    r"(?:a\s+)?fantasy|(?:without|with\s+no)\s+(?:any\s+)?(?:basis|foundation)"
)


@cache
def _anaphoric_object() -> re.Pattern[str] | Prefiltered:
    """A denial or confirmation of earlier claims: "rejected the report", "the allegations are
    false" (the verbs are the vocabulary's deny verbs and the confirming ones, every form).

    Every match holds one of those verbs, an "exaggerated"-like verb or a false verdict; a
    statement holding none of them is not searched (the pattern's own required words, found by
    :mod:`claims.prefilter`, are too many and too common: "said", "report")."""
    v = vocabulary()
    deny = dict.fromkeys(lemma for lemma, stance in v.reporting.values() if stance == DENIES)
    lemmas = (*deny, *_CONFIRMING)
    forms = [f for lemma in lemmas for f in v.verb_forms(lemma) if not f.endswith("ing")]
    pattern = re.compile(rf"\b(?:(?:{alternation(forms)})\s+(?!by\b)" + _ANAPHORIC_REST, _I)
    verdicts = required_words(re.compile(FALSE_VERDICT, _I)) or ()
    words = {f.split()[0].lower() for f in forms} | set(_OVERSTATING) | set(verdicts)
    return Prefiltered(pattern, minimal(frozenset(words))) if verdicts else pattern


_ANAPHORIC_REST = (
    r"(?P<obj>(?:(?:the|this|that|these|those|such|its|their|his|her)\s+)?(?:[\w'-]+(?:'s)?\s+){0,2}?"
    r"(?:claims?|reports?|statements?|allegations?|information|accounts?|news|rhetoric|"
    r"version|assertions?|announcement|numbers|figures|toll)|it|this|that|them))\b"
    r"|\b(?:exaggerat(?:ed|es|ing)|inflat(?:ed|es|ing)|overstat(?:ed|es|ing))\s+"  # _OVERSTATING
    r"(?P<obj2>(?:the|these|those|their|its)\s+(?:[\w'-]+\s+){0,2}?(?:numbers?|figures?|tolls?|"
    r"count|claims?))\b"
    r"|\b(?P<subj>(?:this|that|the|these)\s+(?:\w+\s+)?(?:information|claims?|reports?|"
    r"news|account|statements?|assertions?|allegations?|version))(?:,\s+\w+(?:\s+\w+)?,)?\s+"
    r"(?:has|have|had|was|were)\s+(?:\w+\s+)?(?:been\s+)?"
    r"(?:confirmed|denied|rejected|dismissed|disputed|corroborated|verified)\b"
    # "the allegations made by some militants in the media are false"
    r"|\b(?P<subj2>(?:the|these|those|such|their|its|this|that)\s+(?:[\w'-]+\s+){0,8}?"
    r"(?:claims?|reports?|allegations?|statements?|news|accounts?|assertions?|rumou?rs?))(?:\s+[\w'-]+){0,8}?\s+"
    rf"(?:are|were|is|was)\s+(?:(?:all|completely|totally|entirely|simply|utterly|only|"
    rf"merely|just|nothing\s+but|mere)\s+)?"
    rf"(?P<verdict>{FALSE_VERDICT})\b"
    # "The resistance says that is a lie": a bare demonstrative called false
    rf"|\b(?:says?|said|insists?|insisted|added)\s+(?:that\s+)?(?P<subj3>this|that|it)\s+"
    rf"(?:is|was)\s+(?:(?:all|completely|totally|simply|utterly|just)\s+)?"
    rf"(?P<verdict2>{FALSE_VERDICT})\b"
    # '"This is completely false," the front said.': a statement that opens by calling it false
    rf"|^\W*(?P<subj5>this|that|these|those|it)\s+(?:is|are|was|were)\s+(?:(?:all|completely|"
    rf"totally|simply|utterly|just|absolutely|entirely)\s+)?(?P<verdict3>{FALSE_VERDICT})\b"
    # "A claim the front denied.": a verbless line that names what it denies and who denies it
    r"|(?:^|(?<=[.!?]\s))\s*(?:(?:it|this|that)\s+(?:is|was)\s+)?(?P<subj4>an?\s+(?:claim|report|assertion|allegation|account|version|figure))\s+"
    r"(?:that\s+|which\s+)?(?:[\w'’.-]+\s+){1,5}?(?:(?:has|have|had)\s+)?"
    r"(?:(?:since|later|quickly|swiftly|strongly|flatly|promptly|immediately|firmly)\s+)?"
    r"(?:denied|rejected|disputed|dismissed|refuted)(?=\s*[.!]?\s*$)"
)
_NEGATED = re.compile(r"(?:\b(?:not|never|no|yet\s+to)|n't)\s+(?:\w+\s+){0,2}$|\bnot\b|n't\b", _I)
_DENY_WORD = re.compile(
    r"den|reject|dismiss|disput|refut|contradict|rebut|debunk|exaggerat|inflat|overstat", _I
)


def anaphoric_candidate(text: str) -> bool:
    """True when ``text`` may deny or confirm an earlier claim ("The Taliban denied this")."""
    return _anaphoric_object().search(text) is not None


_CLAUSE_AFTER = re.compile(r"\s+(?!(?:was|is|were|are|has|had|have)\b)[\w\"']", _I)
_CONTENT_AFTER = re.compile(r"\s*(?:,\s*)?(?:that|of|about|saying|:)\b", _I)
_PRONOUN_OBJECT = frozenset({"it", "this", "that", "them"})


def _bare_reference(text: str, m: re.Match[str]) -> bool:
    """A reference to earlier claims that is not this statement's own content: a noun
    ("rejected the reports.", "the allegations are false"), not a pronoun that may open a
    clause ("denied that the town fell") or a noun with its content ("reports that …")."""
    obj = (m.group("obj") or "").lower()
    return obj not in _PRONOUN_OBJECT and not _CONTENT_AFTER.match(text, m.end())


def anaphoric_stances(
    run: Any, layer: Any, *, own_claims: bool = False, later: bool = False
) -> list[Claim]:
    """Claims of a statement that denies or confirms earlier claims. ``own_claims``: the
    statement makes claims of its own, so only a bare reference counts ("the allegations are
    false", "rejected the reports", not "rejected reports that …", whose content is here).
    ``later``: a headline's "Resistance refutes Taliban claim" refers to the claim its story
    tells below."""
    m = _anaphoric_object().search(layer.text)
    if m is None or _NEGATED.search(layer.text, max(0, m.start() - 30), m.start() + 1):
        return []
    if (m.group("obj") or "").lower() == "that" and _CLAUSE_AFTER.match(layer.text, m.end()):
        return []  # "confirmed that the province was held": a clause of its own, no reference
    if own_claims and not _bare_reference(layer.text, m):
        return []
    # "A claim the front denied.": the denier's frame begins after the noun it denies
    at = m.end() - 1 if m.group("subj4") else m.start()
    frame = innermost(layer.frames, at)
    if frame is None:
        frame = next((f for f in layer.frames if f.covers(at) or f.whole), None)
    if frame is None:
        return []
    if own_claims and any(g.cue < m.start() and g.side != frame.side for g in layer.frames):
        return []  # "X claimed …, but the Taliban denied this claim": the claim denied is here
    verdict = m.group("verdict") or m.group("verdict2") or m.group("verdict3")
    stance = DENIES if verdict or _DENY_WORD.search(m.group(0)) else ASSERTS
    obj = m.group("obj") or m.group("obj2") or m.group("subj") or m.group("subj2") or ""
    obj = obj or m.group("subj3") or m.group("subj4") or m.group("subj5") or ""
    referents = _covering(run, _referents(run, layer, obj, frame, later))
    out = []
    for old in referents:
        out.append(_restated(run, layer, old, frame, stance))
    return out


def _covering(run: Any, referents: list[Claim]) -> list[Claim]:
    """ "We refute the numbers" after a report of deaths in Rukha, Dara and Abshar: the denial
    of one kind at several places of a province is one denial, placed at that province
    (``P-covering``)."""
    from claims.assemble import place_fields
    from claims.claim_places import INFERRED

    out: list[Claim] = []
    for kind in dict.fromkeys(c.kind for c in referents):
        same = [c for c in referents if c.kind == kind]
        province = _shared_province(run, same) if len(same) > 1 else None
        if province is None:
            out.extend(same)
            continue
        out.append(replace(
            same[0], **place_fields(province, None, INFERRED, None),
            rule=_with_place_rule(same[0].rule, PlaceRule.COVERING),
        ))  # fmt: skip
    return out


def _with_place_rule(rule: str, place_rule: str) -> str:
    parts = rule.split(" ")
    return " ".join([*parts[:2], place_rule, *parts[3:]])


def _shared_province(run: Any, claims: list[Claim]) -> Any:
    """The province every claim's place lies in (None when they are not all in one)."""
    names = set()
    for c in claims:
        if c.place_id is None:
            return None
        place = run.gaz.resolve(c.place).place
        if place is None or place.id != c.place_id:
            return None
        names.add(place.name if place.kind == "province" else place.province)
    if len(names) != 1 or None in names:
        return None
    province = run.gaz.resolve(next(iter(names))).place
    return province if province is not None and province.kind == "province" else None


_FIGURES = re.compile(r"\b(?:numbers?|figures?|tolls?|counts?|tally)\b", _I)


def _referents(run: Any, layer: Any, obj: str, frame: Frame, later: bool) -> list[Claim]:
    """The claims a "this claim" / "the Taliban's statements" refers to: the latest before it;
    for a party named ("rejected the Taliban's claim"), that party's first claim in the story
    (its main one, not its latest aside); or (``later``) the first after it."""
    named = [
        a for a in run.actors.find(obj) if not a.opposed and a.strength >= Strength.ORGANISATION
    ]
    end = layer.st.start + len(layer.text)
    pool = [c for c in run.claims if (c.quote_start >= end if later else c.quote_end <= end)]
    if later and not named:
        return []  # a headline's bare "rejects claims": whose claims is not told
    if named:
        side = named[0].side
        pool = [c for c in pool if c.side == side]
    else:
        pool = [c for c in pool if c.side != frame.side or c.claimant != frame.claimant]
        # "However, the front denied the claim": a party's claim, not the outlet's narration
        pool = [c for c in pool if SpeakerRule.OUTLET not in c.rule] or pool
    if _FIGURES.search(obj):
        pool = [c for c in pool if c.figure is not None]  # "refuted the numbers": the counts
    if not pool:
        return []
    last = pool[0].statement_id if later or named else pool[-1].statement_id
    seen: set[tuple[str, str | None]] = set()
    out = []
    for c in pool:
        if c.statement_id != last or (c.kind, c.place_id) in seen:
            continue
        seen.add((c.kind, c.place_id))
        out.append(c)
    return out


# "'These claims are untrue,' said A. K., commander of a unit": a fighter of no known side who
# denies one side's claim fights for the other (in a conflict of two sides)
@cache
def _combatant() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(vocabulary().combatants)})\b", _I)


def denier_side(run: Any, layer: Any, frame: Frame, denied: Claim) -> str:
    """The side of a speaker who denies ``denied``: the frame's, or, for a combatant of no
    known side, the side opposed to the denied claim's."""
    sides = [s.id for s in run.profile.sides]
    if frame.side != UNKNOWN or len(sides) != 2 or denied.side not in sides:
        return frame.side
    start = layer.original.find(frame.claimant)
    around = layer.original[start : start + len(frame.claimant) + 60] if start >= 0 else ""
    if not _combatant().search(around):
        return frame.side
    return next(s for s in sides if s != denied.side)


def _restated(run: Any, layer: Any, old: Claim, frame: Frame, stance: str) -> Claim:
    from claims.assemble import claim_id, statement_id

    article = run.article
    st = layer.st
    key = old.place_id or old.unresolved_place or "none"
    side = denier_side(run, layer, frame, old) if stance == DENIES else frame.side
    speaker_rule = frame.rule if side == frame.side else f"{frame.rule}+{SpeakerRule.DENIER}"
    basis_rule = old.rule.split(" ")
    place_rule = basis_rule[2] if len(basis_rule) > 2 else ""
    date_rule = basis_rule[3] if len(basis_rule) > 3 else ""
    return replace(
        old,
        id=claim_id(article.file, article.sha256, st.start, st.end, key, old.kind),
        statement_id=statement_id(article.file, article.sha256, st.start, st.end),
        claimant=frame.claimant,
        side=side,
        stance=stance,
        quote=article.text[st.start : st.end],
        quote_start=st.start,
        quote_end=st.end,
        figure=None,
        figure_qualifier=None,
        figure_scope=None,
        rule=f"K-anaphora {speaker_rule} {place_rule} {date_rule}".strip(),
    )


# ---------------------------------------------------------------- a claim and its denial in one


_COUNTER_ADVERBS = (
    r"(?:(?:since|later|quickly|swiftly|strongly|flatly|promptly|immediately|firmly)\s+)?"
)
_COUNTER_NP = (
    r"(?P<who>(?:(?!(?:has|have|had|was|were|is|are|said|says)\b)[\w'’.-]+\s+){0,5}?[\w'’.-]+)"
)
_REFERENCE = (
    # "but rebels deny claim" (a headline drops the article)
    r"(?:(?:(?:the|this|that|these|those|such|their|its)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:claims?|reports?|accounts?|assertions?|allegations?|figures?|numbers?|tolls?|version|"
    r"statements?)|it|this|that|them)"
)


@cache
def _counter_clause() -> re.Pattern[str]:
    """A denial that closes the statement whose claim it denies: "…, which the front denied",
    "…, a figure the militants disputed", "…, a claim the rebels called a lie", "…, but the
    front denied it", "…, whereas the commander rejected this claim", "…, but the movement said
    this was false" (the vocabulary's deny verbs, every finite form)."""
    v = vocabulary()
    lemmas = dict.fromkeys(lemma for lemma, stance in v.reporting.values() if stance == DENIES)
    deny = alternation(f for lemma in lemmas for f in v.verb_forms(lemma)[:3])
    called = (
        r"(?:called|described|branded|termed|labell?ed)\s+(?:it\s+|this\s+|that\s+|them\s+)?"
        rf"(?:as\s+)?(?:{FALSE_VERDICT}|an?\s+(?:lie|fabrication|exaggeration)|exaggerated)"
    )
    said = r"(?:said|says|insisted|insists|maintained|countered|replied|responded)"
    relative = (
        r",\s+(?:which|what|an?\s+(?:claim|figure|number|toll|report|account|version|assertion|"
        r"statement|allegation)(?:\s+(?:that|which))?)\s+"
    )
    coordinated = (
        r"(?:,\s*|;\s*|\s+)(?:but|while|whereas|although|though)\s+(?:however,?\s+)?|;\s+"
        r"(?:however,?\s+)?"
    )
    end = r"\s*(?:as\s+[^,.;:\"]{1,50})?[.;!]?\s*$"
    headline_np = _COUNTER_NP.replace("who", "who3").replace("{0,5}", "{0,2}")
    return re.compile(
        rf"(?P<lead>{relative}){_COUNTER_NP}\s+(?:(?:has|have|had)\s+)?{_COUNTER_ADVERBS}"
        rf"(?P<verb>{deny}|{called})\b[^,.;:\"]{{0,50}}[.;!]?\s*$"
        rf"|(?P<lead2>{coordinated}){_COUNTER_NP.replace('who', 'who2')}\s+(?:(?:has|have|had)\s+)?"
        rf"{_COUNTER_ADVERBS}(?:(?P<verb2>{deny})(?:\s+{_REFERENCE})?|(?P<verb3>{said})\s+(?:that\s+)?"
        rf"{_REFERENCE}\s+(?:is|was|are|were)\s+(?:(?:all|completely|totally|simply|utterly|just)\s+)?"
        rf"(?:{FALSE_VERDICT})|{called}){end}"
        rf"|(?P<lead3>,\s+){headline_np}\s+"  # a headline's ", rebels deny (the claim)"
        rf"(?P<verb4>{deny})(?:\s+(?:{_REFERENCE}|claims?|reports?))?[.!]?\s*$",
        _I,
    )


def counter_denials(run: Any, layer: Any, own: list[Claim]) -> tuple[list[Claim], list[Claim]]:
    """A statement's claims and the denial that closes it ("X said it had taken the town,
    which Y denied"): the claims stay the claimant's assertions, and the denier makes a
    claim of his own of each, quoting the denial clause (``K-counter``), so disputes pair
    the two. The denial clause holds no claim word of its own."""
    m = _counter_clause().search(layer.text) if own else None
    if m is None or any(t.start >= m.start() for t in layer.triggers):
        return own, []
    who = next(g for g in ("who", "who2", "who3") if m.group(g))
    phrase = phrase_from_text(layer.text, m.start(who), m.end(who))
    identity = run.reader.identify(layer.text, layer.original, phrase, run.discourse)
    side = identity.side or UNKNOWN
    denier = Frame(
        claimant=identity.claimant, side=side, rule=SpeakerRule.COUNTER, stance=DENIES,
        scope=(m.start(), len(layer.text)), holes=((m.start(who), m.end(who)),),
        cue=m.end(who), party=identity.party,
    )  # fmt: skip
    own = _first_voice(layer, own, denier, m.start())
    counts = _FIGURES.search(m.group(0)) is not None  # "a figure the militants disputed"
    denied_claims = [
        c for c in own
        if c.claimant != denier.claimant and (side == UNKNOWN or c.side != side)
        and (c.figure is not None or not counts)
    ]  # fmt: skip
    if not denied_claims:
        return own, []
    start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(",; "))
    span = (layer.st.start + start, layer.st.start + len(layer.text.rstrip()))
    counters = [_counter(run, layer, c, denier, span) for c in denied_claims]
    kept = [replace(c, stance=ASSERTS) if c in denied_claims else c for c in own]
    return kept, counters


def _first_voice(layer: Any, own: list[Claim], denier: Frame, cut: int) -> list[Claim]:
    """ "Taliban says the valley captured but rebels deny claim": a parse that hands the whole
    headline to the denier is corrected, the claim going to the speaker of the first clause."""
    first = next((f for f in layer.frames if f.cue < cut and f.claimant != denier.claimant), None)
    if first is None:
        return own
    out = []
    for c in own:
        if c.claimant == denier.claimant and c.stance == DENIES:
            parts = c.rule.split(" ")
            parts[1:2] = [first.rule]
            c = replace(c, claimant=first.claimant, side=first.side, stance=ASSERTS,
                        rule=" ".join(parts))  # fmt: skip
        out.append(c)
    return out


def _counter(run: Any, layer: Any, old: Claim, frame: Frame, span: tuple[int, int]) -> Claim:
    from claims.assemble import claim_id, statement_id

    article = run.article
    restated = _restated(run, layer, old, frame, DENIES)
    key = old.place_id or old.unresolved_place or "none"
    start, end = span
    rule = restated.rule.replace("K-anaphora", "K-counter", 1)
    return replace(
        restated,
        id=claim_id(article.file, article.sha256, start, end, key, old.kind),
        statement_id=statement_id(article.file, article.sha256, start, end),
        quote=article.text[start:end],
        quote_start=start,
        quote_end=end,
        rule=rule,
    )


# ---------------------------------------------------------------- an event placed after it is told

_INCIDENT = re.compile(
    r"^\W*(?:[^,.;:]{0,40},\s*)?(?:the|this|that)\s+(?:(?:deadly|latest|fatal|reported|"
    r"alleged|bloody|whole)\s+)?(?:incident|event|episode|tragedy)\s+(?:reportedly\s+|"
    r"(?:had|has)\s+)?(?:took\s+place|taken\s+place|happened|occurred|unfolded)\b",
    _I,
)
_INCIDENT_REACH = 400  # characters back to the claims the incident restates


def incident_placed(run: Any, layer: Any) -> list[Claim]:
    """ "As per the report, the incident took place on Tuesday in Tagab district.": the claims
    of the statement just before, told again at the place (and day) this one names
    (``P-incident``); their speaker stays the one who told them."""
    from claims.assemble import _date

    if not _INCIDENT.match(layer.text):
        return []
    named = [m for m in layer.places.mentions if m.place is None or m.place.kind != "country"]
    inner = {(m.place.province or "").lower() for m in named if m.place and m.place.province}
    named = [m for m in named if not (m.place and m.place.name.lower() in inner)]
    start = layer.st.start
    before = [c for c in run.claims if c.quote_end <= start < c.quote_end + _INCIDENT_REACH]
    if not named or not before:
        return []
    last = before[-1].statement_id
    told = {(c.kind, c.claimant, c.side): c for c in reversed(before) if c.statement_id == last}
    fix = _date(run, layer)
    return [_placed_again(run, layer, c, m, fix) for c in reversed(told.values()) for m in named]


def _placed_again(run: Any, layer: Any, old: Claim, m: Any, fix: Any) -> Claim:
    from claims.assemble import place_fields
    from claims.extract import NAMED, claim_id, statement_id

    article, st, place = run.article, layer.st, m.place
    dated = fix.start is not None
    rule = old.rule.split(" ")
    return replace(
        old,
        id=claim_id(article.file, article.sha256, st.start, st.end, m.key, old.kind),
        statement_id=statement_id(article.file, article.sha256, st.start, st.end),
        quote=article.text[st.start : st.end], quote_start=st.start, quote_end=st.end,
        **place_fields(place, m.text, NAMED, m.text if place is None else None),
        date_start=fix.start.isoformat() if dated else old.date_start,
        date_end=fix.end.isoformat() if dated and fix.end else old.date_end,
        date_precision=fix.precision if dated else old.date_precision,
        date_basis=fix.basis if dated else old.date_basis,
        figure=None, figure_qualifier=None, figure_scope=None,
        rule=" ".join([*rule[:2], PlaceRule.INCIDENT, fix.rule if dated else rule[-1]]),
    )  # fmt: skip
