"""Frame finders on the dependency parse: reporting verbs (subject, agent, source, lead,
parenthetical), light verbs, "according to X", "with reference to X", claims called false,
rumours and reports, gerund denials, and the frame each makes (rule ids in
:mod:`claims.frames`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from claims.frames.subjects import (
    _PRONOUNS,
    _act,
    _agent,
    _as_by,
    _clip,
    _clip_end,
    _fronted_title,
    _lead_scope,
    _parenthetical,
    _passive,
    _phrase,
    _quoted_object,
    _relayed_source,
    _scope_of,
    _span,
    _subject,
    _without_relative,
    said_clause_start,
)
from claims.phrases import Phrase
from claims.profile import OTHER, UNKNOWN
from claims.sides import SideReader
from claims.speakers import Discourse, Frame, SpeakerRule
from claims.vocabulary import ASSERTS, DENIES, vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_VERBAL_DEPS = frozenset(
    {"ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp", "parataxis", "pcomp", "acl", "dep"}
)
_PEJORATIVE = frozenset(
    {
        "rumour",
        "rumours",
        "rumor",
        "rumors",
        "canard",
        "canards",
        "propaganda",
        "lie",
        "lies",
        "fabrication",
        "fabrications",
    }
)
_RUMOUR_NOUNS = frozenset(
    {
        "reports",
        "report",
        "rumours",
        "rumors",
        "rumour",
        "rumor",
        "claims",
        "claim",
        "canards",
        "allegations",
        "speculation",
        "accounts",
        "news",
        "propaganda",
    }
)


@dataclass
class _Work:
    doc: Doc
    text: str  # normalised statement
    original: str
    reader: SideReader
    discourse: Discourse
    frames: list[Frame]


def frames_from_parse(
    doc: Doc, text: str, original: str, reader: SideReader, discourse: Discourse
) -> list[Frame]:
    """Every attribution frame of one parsed statement, in the order of their cues."""
    work = _Work(doc, text, original, reader, discourse, [])
    vocab = vocabulary()
    rumours = []
    for tok in doc:
        low = tok.lower_
        if low == "according" or (low == "per" and tok.i > 0 and tok.nbor(-1).lower_ == "as"):
            _according(work, tok)  # "according to X", "as per X"
        elif low == "reference" and _with_reference(tok):
            _referenced(work, tok)  # "reported by TASS with reference to a source"
        elif low in vocab.reporting and tok.dep_ in _VERBAL_DEPS:
            _verb_frame(work, tok)
        elif low in vocab.light_verbs:
            _light_frame(work, tok)
        elif low in _CALL and tok.dep_ in _VERBAL_DEPS:
            _called_false(work, tok)
        elif low in _RUMOUR_NOUNS:
            rumours.append(tok)
    for tok in rumours:  # after the verbs: a speaker who frames the reports speaks for them
        _rumour_frame(work, tok)
    _quote_run(work)
    return work.frames


# ---------------------------------------------------------------- frame finders


# "reported killed": the noun before is the victim of a passive, not a speaker
REPORTED_PARTICIPLE = (
    r"(?:to\s+(?:have\s+been|be)\s+)?(?:killed|dead|wounded|injured|captured|missing|arrested|"
    r"detained|slain|executed|taken)\b"
)
_REPORTED_VICTIM = re.compile(rf"\s+{REPORTED_PARTICIPLE}", re.IGNORECASE)


def _reported_victim(tok: Token) -> bool:
    """ "58 Taliban reported killed": a passive with its auxiliary dropped (headline style)."""
    return tok.lower_ in _PASSIVE_VICTIM_VERBS and bool(
        _REPORTED_VICTIM.match(tok.doc.text, tok.idx + len(tok.text))
    )


_PASSIVE_VICTIM_VERBS = frozenset({"reported", "said", "claimed"})


def _a_thing(speaker: Token) -> bool:
    """A subject that is a thing, not a source: equipment, a building, wreckage, signs."""
    vocab = vocabulary()
    low = speaker.lower_
    return low in vocab.equipment_nouns or low in vocab.facility_nouns or low in _EVIDENCE


_EVIDENCE = frozenset(
    {"wreckage", "debris", "ruins", "craters", "crater", "signs", "traces", "damage", "remains"}
)


def _verb_frame(work: _Work, tok: Token) -> None:
    stance = vocabulary().reporting[tok.lower_][1]
    if _reported_victim(tok):
        return
    if stance == DENIES and _act(tok):
        return
    if _passive(tok) or _as_by(tok):
        speaker, rule = _agent(tok), SpeakerRule.AGENT
    else:
        speaker, rule = _subject(tok)
    if speaker is None:
        return  # "is said to have", "were reported": nobody is credited
    if _a_thing(speaker):
        return  # "A burned tank and wrecked trucks indicate heavy fighting": the writer's reading
    relayed = _relayed_source(speaker)
    if relayed is not None:
        speaker, rule = relayed, SpeakerRule.SOURCE
    if _gerund_denial(work, tok, speaker):
        return
    quoted = _quoted_object(tok)
    if quoted is not None:
        scope = _span(tok.head) if tok.dep_ in ("advcl", "xcomp", "conj") else _span(tok)
        said = said_clause_start(quoted)
        _add(work, quoted, SpeakerRule.SOURCE, ASSERTS, scope, tok, rank=2, phrase_end=said)
        return
    scope = _participle_list(work.text, _scope_of(tok))
    if _parenthetical(tok):
        rule = f"{rule}+{SpeakerRule.PARENTHETICAL}"
    elif rule == SpeakerRule.SUBJECT and speaker.i < tok.i:
        lead = _lead_scope(work, speaker, tok, scope)
        if lead != scope:
            scope, rule = lead, f"{rule}+{SpeakerRule.LEAD}"
    _add(work, speaker, rule, stance, scope, tok)


# "claims to have killed 58 Taliban, wounded 12 others and captured 40": the parser hangs the
# later participles of the list on another verb; they go on in the reporting verb's clause
_PARTICIPLE_NEXT = re.compile(r"\s*(?:and\s+)?(?:[a-z]+ed|shot|taken|hit|seized)\s", re.IGNORECASE)
_PARTICIPLE_IN = re.compile(r"\b(?:[a-z]+ed|shot|taken|hit)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;!?]")


def _participle_list(text: str, scope: tuple[int, int]) -> tuple[int, int]:
    """The scope widened over the rest of a list of participles it opens."""
    start, end = scope
    if not text[:end].rstrip().endswith(",") or not _PARTICIPLE_NEXT.match(text, end):
        return scope
    if not _PARTICIPLE_IN.search(text, start, end):
        return scope
    stop = _CLAUSE_END.search(text, end)
    return (start, stop.start() if stop else len(text))


def _gerund_denial(work: _Work, tok: Token, speaker: Token) -> bool:
    """ "Dismissing reports that the leaders died in combat, the source said: …" is parsed
    with "Dismissing" as the subject of a verb "reports": the speaker is the main reporting
    verb's subject, denying what the reports say (``S-subject``, stance denies)."""
    form = vocabulary().reporting.get(speaker.lower_)
    head = tok.head
    if (
        form is None
        or form[1] != DENIES
        or not speaker.lower_.endswith("ing")
        or speaker.i != 0
        or head is tok
        or head.lower_ not in vocabulary().reporting
    ):
        return False
    real, rule = _subject(head)
    if real is None:
        return False
    _add(work, real, rule, DENIES, _span(tok), head)
    return True


def _light_frame(work: _Work, tok: Token) -> None:
    """ "X made the statement", "X gave the figure", "The account was given by X"."""
    vocab = vocabulary()
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None or (obj.lower_ not in vocab.light_objects and obj.lower_ not in vocab.documents):
        return
    scope = (0, len(work.text))
    if _passive(tok):
        agent = _agent(tok)
        if agent is not None:
            _add(work, agent, SpeakerRule.LIGHT, ASSERTS, scope, tok)
        elif obj.dep_ == "nsubjpass":
            _add(work, obj, SpeakerRule.LIGHT, ASSERTS, scope, tok, phrase_tok=obj)
        return
    speaker, _ = _subject(tok)
    if speaker is not None:
        _add(work, speaker, SpeakerRule.LIGHT, ASSERTS, scope, tok)


_CALL = frozenset({"call", "calls", "called", "calling", "branded", "termed", "described"})
CALL_WORDS = _CALL
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you", "it", "this", "that"})
_CLAIM_NOUNS = frozenset(
    {
        "claim",
        "claims",
        "report",
        "reports",
        "allegation",
        "allegations",
        "account",
        "statement",
        "statements",
        "news",
        "it",
        "this",
        "them",
    }
)


def _called_false(work: _Work, tok: Token) -> None:
    """ "X called the claim 'false'", "which the opposition called a lie": X denies it; "X
    called the killings war crimes": X tells the killings (and names them)."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        return
    if obj.lower_ not in _CLAIM_NOUNS:
        if _names_an_event(tok, obj):
            speaker, rule = _subject(tok)
            if speaker is not None:
                _add(work, speaker, rule, ASSERTS, _span(tok), tok)
        return
    speaker, rule = _subject(tok)
    if speaker is not None:
        _add(work, speaker, rule, DENIES, _span(tok), tok)


def _names_an_event(verb: Token, obj: Token) -> bool:
    """ "called the killings war crimes", "described the raid as a massacre": the object is an
    event the speaker names (not "called him", "called the commander to talk", "called for")."""
    if obj.dep_ != "dobj" or obj.text[:1].isupper() or obj.lower_ in _OBJECT_PRONOUNS:
        return False  # "called Massoud", "called him"
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return nxt is None or nxt.lower_ not in ("for", "on", "upon", "off", "up", "in", "out")


def _according(work: _Work, tok: Token) -> None:
    to = tok if tok.lower_ == "per" else next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
        to = tok.nbor(1)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if pobj is None:
        return
    sent = tok.sent
    scope = (sent.start_char, sent.end_char)  # "according to X" speaks for its sentence
    _add(work, pobj, SpeakerRule.ACCORDING, ASSERTS, scope, tok, rank=-1, widen=1)


def _with_reference(tok: Token) -> bool:
    """ "with reference to X" (the Russian wires' "со ссылкой на": citing X)."""
    doc = tok.doc
    return (
        0 < tok.i < len(doc) - 1
        and doc[tok.i - 1].lower_ == "with"
        and doc[tok.i + 1].lower_ == "to"
    )


def _referenced(work: _Work, tok: Token) -> None:
    """ "TASS reports, with reference to a source close to the front, that …": the source the
    reporter cites speaks, inside the reporter's frame (as "citing X")."""
    to = tok.doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return
    sent = tok.sent
    _add(work, pobj, SpeakerRule.SOURCE, ASSERTS, (sent.start_char, sent.end_char), tok, rank=2)


def _introduced_by_that(clause: Token) -> bool:
    """ "reports that …" (not "a claim the resistance disputes")."""
    return any(c.lower_ == "that" and c.dep_ in ("mark", "nsubj") for c in clause.children) or (
        clause.doc[clause.left_edge.i].lower_ in ("that", "of")
    )


def _rumour_clause(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("acl", "relcl", "ccomp") and c.i > tok.i and _introduced_by_that(c):
            return c
    if tok.dep_ == "attr" and any(c.lower_ == "there" for c in tok.head.children):
        found = next((c for c in tok.head.children if c.dep_ == "ccomp"), None)
        return found or _reports_of(tok)
    if tok.dep_ == "nsubj" and tok.head.lower_ in ("spread", "spreads", "circulated"):
        return next((c for c in tok.head.children if c.dep_ == "ccomp"), None)
    return _reports_of(tok)


def _reports_of(tok: Token) -> Token | None:
    """ "There have been reports of clashes in X", "… amid reports of fighting in X": the
    reports (no named source) tell what their "of" names."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or tok.lower_ not in ("reports", "report", "rumours", "rumors"):
        return None
    there = tok.dep_ == "attr" and any(c.lower_ == "there" for c in tok.head.children)
    amid = tok.dep_ == "pobj" and tok.head.lower_ in ("amid", "amidst")
    return of if there or amid else None


def _rumour_frame(work: _Work, tok: Token) -> None:
    """ "there are unconfirmed reports (that) …", "rumours spread that …", "reports of …"."""
    clause = _rumour_clause(tok)
    if clause is None:
        return
    if any(f.covers(tok.idx) for f in work.frames):
        return  # a speaker frames the reports (and denies them when they are rumours)
    stance = DENIES if tok.lower_ in _PEJORATIVE else ASSERTS
    owner = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if tok.dep_ == "dobj" and owner is not None and stance == ASSERTS:
        # "X has claims that …", "X made claims that …": X speaks
        _add(work, owner, SpeakerRule.SUBJECT, stance, _span(clause), tok.head)
        return
    _add(work, tok, SpeakerRule.RUMOUR, stance, _span(clause), tok, rank=1, phrase_tok=tok,
         phrase_end=clause.left_edge.idx, unnamed=True)  # fmt: skip


def _antecedent(work: _Work, pronoun: Token, cue: Token) -> Token | None:
    """ "accounts shared video of a tank they say was captured": the subject of the clause
    that governs the pronoun's verb, when it agrees with the pronoun."""
    if cue.dep_ not in ("relcl", "acl", "ccomp", "advcl", "conj"):
        return None
    plural = pronoun.lower_ in ("they", "we")
    for ancestor in cue.ancestors:
        subject = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i >= pronoun.i or subject.lower_ in _PRONOUNS:
            continue
        low = subject.lower_
        is_plural = low.endswith("s") or any(c.dep_ == "conj" for c in subject.children)
        if pronoun.lower_ == "it" and not is_plural:
            return subject
        if plural == is_plural and pronoun.lower_ != "it":
            return subject
        return None
    return None


def _add(
    work: _Work,
    speaker: Token,
    rule: str,
    stance: str,
    scope: tuple[int, int],
    cue: Token,
    rank: int = 0,
    widen: int = 0,
    phrase_tok: Token | None = None,
    phrase_end: int | None = None,
    unnamed: bool = False,
) -> None:
    """A frame for ``speaker``'s words over ``scope``. ``unnamed``: bare rumour words speak
    ("reports"): a side the reader gives only by default (other) is unknown instead."""
    if speaker.lower_ in _PRONOUNS and phrase_tok is None:
        antecedent = _antecedent(work, speaker, cue)
        if antecedent is not None:
            speaker, rule = antecedent, f"{rule}+{SpeakerRule.PRONOUN}"
    phrase = _clip(_phrase(speaker if phrase_tok is None else phrase_tok, work.text), speaker, cue)
    if rule == SpeakerRule.RELATIVE:
        phrase = _without_relative(phrase, cue)
    if phrase_end is not None:
        phrase = _clip_end(phrase, phrase_end)
    titled = _fronted_title(work.text, phrase, speaker)
    if titled is not phrase:
        phrase, rule = titled, f"{rule}+{SpeakerRule.FRONTED_TITLE}"
    if phrase.start > cue.idx:
        phrase = replace(phrase, before=work.text[: cue.idx])
    elif work.text[: phrase.start].rstrip().endswith((",", '"', "-")):
        phrase = replace(phrase, before=work.text[: phrase.start])  # "…, a spokesman said"
    who = work.reader.identify(work.text, work.original, phrase, work.discourse)
    if unnamed and who.side == OTHER and who.claimant.lower() in _RUMOUR_NOUNS:
        who = replace(who, side=UNKNOWN)
    frame = _frame(work.text, who, rule, stance, scope, phrase, cue, rank, widen)
    work.frames.append(frame)
    work.discourse.pending.append(frame)


_SIDE_BASES = frozenset(
    {"person", "party", "third party", "press", "unconfirmed", "unknown", "role"}
)


def _with_side_rule(rule: str, how: str) -> str:
    """The speaker rule, with the rule that gave the side when it is one ("S-opponent")."""
    return rule if how in _SIDE_BASES else f"{rule}+{how}"


def _frame(
    text: str, who: object, rule: str, stance: str, scope: tuple[int, int], phrase: Phrase,
    cue: Token, rank: int, widen: int,
) -> Frame:  # fmt: skip
    side = who.side if who.side is not None else UNKNOWN  # type: ignore[attr-defined]
    how = who.rule  # type: ignore[attr-defined]
    full_rule = _with_side_rule(rule, how)
    start, end = scope
    whole = start <= _first_word(text) and end >= len(text.rstrip(" .\"'"))
    return Frame(
        claimant=who.claimant,  # type: ignore[attr-defined]
        side=side,
        rule=full_rule,
        stance=stance,
        scope=(max(0, start - widen), end + widen),
        holes=((phrase.start, phrase.end),),
        rank=rank,
        number=who.number,  # type: ignore[attr-defined]
        head=who.head,  # type: ignore[attr-defined]
        whole=whole,
        cue=cue.idx,
        party=who.party,  # type: ignore[attr-defined]
    )


def _first_word(text: str) -> int:
    m = re.search(r"\w", text)
    return m.start() if m else 0


def _quote_run(work: _Work) -> None:
    """'"A. B. C," he wrote.': the attribution after a run of quoted sentences covers them all."""
    text = work.text
    if not text.lstrip().startswith('"'):
        return
    close = text.rfind('"')
    for i, frame in enumerate(work.frames):
        if frame.scope[0] > 0 and frame.cue > close:
            work.frames[i] = replace(frame, scope=(0, frame.scope[1]), whole=True)
