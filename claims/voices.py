"""Who speaks where no frame does: reported speech that carries on from the statement before
(``S-carry``: "In addition …", quotations that go on, a transcript's turn, claim words quoted by
the outlet), embedded posts signed after their text (``S-embed``), else the outlet; a proposal
no one else is credited with is its maker's (``S-proposer``: "Massoud, whose forces …, has
called for negotiations")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from claims.actors import Strength
from claims.profile import UNKNOWN
from claims.speakers import SpeakerRule, innermost
from claims.vocabulary import ASSERTS, alternation, vocabulary

if TYPE_CHECKING:
    from claims.run import _Layer, _Run

_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class _Voice:
    claimant: str
    side: str
    rule: str
    stance: str
    attributed: bool
    opinion: bool = False


def _voice(run: _Run, layer: _Layer, pos: int) -> _Voice:
    frame = innermost(layer.frames, pos)
    if frame is not None:
        opinion = frame.head in vocabulary().opinion
        return _Voice(frame.claimant, frame.side, frame.rule, frame.stance, True, opinion)
    if layer.voice is None:
        layer.voice = _carried(run, layer)
    if layer.voice is not None:
        return layer.voice
    embedded = _embedded(run, layer)
    if embedded is not None:
        return embedded
    return _Voice(run.outlet_claimant, run.outlet_side, run.outlet_rule, ASSERTS, False)


@cache
def _proposal() -> re.Pattern[str]:
    v = vocabulary()
    forms = []
    for entry in v.proposal_verbs:
        lemma, _, rest = entry.partition(" ")
        forms += [f"{form} {rest}".strip() for form in v.verb_forms(lemma)]
    return re.compile(rf"\b(?:{alternation(forms)})\b", _I)


_SUBJECT_START = re.compile(r"\W*(?:[\w'’-]+[\s,]+){0,4}")  # "On Sunday, Massoud …"
_CLAUSE_GAP = re.compile(r"[^.;:!?]*")
_GAP_WORDS = 6


def proposer(run: _Run, layer: _Layer, pos: int) -> _Voice | None:
    """The party that makes the proposal whose negotiation word is at ``pos``: the subject of
    a proposal verb a few words before it in the same clause ("Massoud, whose forces include
    …, has called for negotiations"), named at the sentence's start (``S-proposer``)."""
    text = layer.text
    verbs = [
        m
        for m in _proposal().finditer(text)
        if m.start() == pos  # the proposal verb is the negotiation word ("proposed that …")
        or (
            m.end() <= pos
            and _CLAUSE_GAP.fullmatch(text, m.end(), pos)
            and len(text[m.end() : pos].split()) <= _GAP_WORDS
        )
    ]
    if not verbs:
        return None
    before = text[: verbs[-1].start()]
    found = [
        m for m in run.actors.find(before) if not m.opposed and m.strength is not Strength.PRESS
    ]
    if not found or not _SUBJECT_START.fullmatch(before, 0, found[0].start):
        return None
    return _Voice(found[0].text, found[0].side, SpeakerRule.PROPOSER, ASSERTS, True)


# an embedded post's signature after its text: "pic.twitter.com/x— Name (@handle) 2 May 2021"
_EMBED_SIGNATURE = re.compile(
    r"(?:pic\.twitter\.com/\w+)?\s*[-\u2013\u2014]\s*(?P<who>[^()\n]{2,60}?)\s*\(\s*@\s*\w+\s*\)"
    r"\s*(?:[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
)
_EMBED_LENGTH = 320  # a post is short: its text is the lines right before the signature


def _embeds(text: str) -> list[tuple[int, int, str]]:
    """(start, end, author) of every embedded post signed after its text."""
    out: list[tuple[int, int, str]] = []
    if "@" not in text:  # every signature holds a handle
        return out
    for m in _EMBED_SIGNATURE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        while start > 0:
            prev = text.rfind("\n", 0, start - 1) + 1
            if m.start() - prev > _EMBED_LENGTH or not text[prev : start - 1].strip():
                break
            start = prev
        out.append((start, m.start(), m.group("who").strip()))
    return out


def _embedded(run: _Run, layer: _Layer) -> _Voice | None:
    """A statement of an embedded post is its author's (side from the profile, if known)."""
    pos = layer.st.start
    for start, end, who in run.embeds:
        if start <= pos < end:
            party = run.actors.party_of(who)
            side = party.side if party is not None else UNKNOWN
            return _Voice(who, side, SpeakerRule.EMBED, ASSERTS, True)
    return None


_CARRY_START = re.compile(
    r"^(?:in\s+addition|additionally|also|furthermore|moreover|besides|he\s+also|she\s+also)\b",
    _I,
)


def _carried(run: _Run, layer: _Layer) -> _Voice | None:
    """Reported speech that carries on: a sentence of the same paragraph after a fully
    attributed one, opening with "In addition", "Also", "Furthermore", or a quotation that
    follows an attributed quotation."""
    i = layer.st.index
    if i == 0 or layer.st.heading:
        return None
    prev = run.layers[i - 1]
    if prev.st.line != layer.st.line:
        return _quote_goes_on(run, prev, layer)
    turn = _turn_label(run, layer)
    if turn is not None:
        return turn
    if _quoted_claim_words(layer):
        voice = _last_voice_in_paragraph(run, layer)
        if voice is not None:
            return voice
    whole = [f for f in prev.frames if f.whole]
    if not whole:
        return None
    quote = layer.text.lstrip().startswith('"') and prev.text.rstrip().endswith(('"', "."))
    if not (_CARRY_START.match(layer.text) or quote or _left_open(prev.text)):
        return None
    f = whole[-1]
    return _Voice(f.claimant, f.side, f"{f.rule}+{SpeakerRule.CARRY}", f.stance, True)


def _quoted_claim_words(layer: _Layer) -> bool:
    """Every claim word of the statement stands inside a quotation ('In the clashes,
    "numerous elements of the enemy were killed"'): someone's words, quoted by the outlet."""
    marks = [i for i, ch in enumerate(layer.text) if ch == '"']
    spans = list(zip(marks[::2], marks[1::2], strict=False))
    return bool(layer.triggers) and all(
        any(s < t.start < e for s, e in spans) for t in layer.triggers
    )


def _last_voice_in_paragraph(run: _Run, layer: _Layer) -> _Voice | None:
    """The speaker of the latest attributed statement before this one in its paragraph (over
    at most two statements of the outlet's own narration)."""
    i = layer.st.index
    for prev in reversed(run.layers[max(0, i - 3) : i]):
        if prev.st.line != layer.st.line:
            return None
        sided = [f for f in prev.frames if f.side != UNKNOWN]
        if sided:
            f = sided[-1]
            return _Voice(f.claimant, f.side, f"{f.rule}+{SpeakerRule.CARRY}", ASSERTS, True)
    return None


def _turn_label(run: _Run, layer: _Layer) -> _Voice | None:
    """A transcript's turn: a paragraph opened by a speaker's label ("NAZARY: …") is that
    speaker's to its end, every sentence of it."""
    i = layer.st.index
    while i > 0 and run.layers[i - 1].st.line == layer.st.line:
        i -= 1
    first = run.layers[i]
    if first is layer:
        return None
    label = next((f for f in first.frames if f.rule == SpeakerRule.LABEL and f.scope[0] < 40), None)
    if label is None:
        return None
    return _Voice(label.claimant, label.side, f"{label.rule}+{SpeakerRule.CARRY}", ASSERTS, True)


_OPENING = re.compile(r"(?:^|[:,]\s*|\s)(?P<mark>[\"'])(?=[A-Z])")


def _left_open(text: str) -> bool:
    """'X said: "The Taliban attacked …' with no closing mark: the quotation goes on into the
    next sentence of the paragraph."""
    m = _OPENING.search(text)
    if m is None:
        return False
    rest = text[m.end() :]
    if m.group("mark") == '"':
        return rest.count('"') % 2 == 0
    return re.search(r"[.!?,]'(?:\s|$)|'\s*$", rest) is None


_SINGLE_MARK = re.compile(r"(?<![A-Za-z])'|'(?![A-Za-z])")  # a quotation mark, no apostrophe


def _one_quotation(text: str) -> bool:
    """A paragraph that is one quotation, in double or single marks, closed at its end or left
    open for the next paragraph ('"We tried our best … all in vain.' then '"We still want …"')."""
    if len(text) < 3 or text[0] not in "\"'":
        return False
    mark = text[0]
    inner = text[1:-1] if text[-1] == mark else text[1:]
    if mark == '"':
        return '"' not in inner
    return _SINGLE_MARK.search(inner) is None


def _quote_goes_on(run: _Run, prev: _Layer, layer: _Layer) -> _Voice | None:
    """A paragraph that is one quotation and names no speaker, after a paragraph ending in an
    attributed quotation or attributed reported speech: the same speaker goes on (news style
    attributes a long quotation once, at its first paragraph)."""
    if not _one_quotation(layer.text.strip()):
        return None
    if not prev.frames:
        if prev.voice is None:
            prev.voice = _carried(run, prev)
        return prev.voice  # a further paragraph of the same quotation
    # else reported speech: "…, he said." then his quotation
    quoted = '"' in prev.text or _SINGLE_MARK.search(prev.text) is not None
    end = min(len(prev.text.rstrip()) - 1, len(prev.text.rstrip(" .!?\"'")))
    closing = [
        f for f in prev.frames if f.scope[1] >= end and f.side != UNKNOWN and (quoted or f.whole)
    ]
    if not closing:
        return None
    f = max(closing, key=lambda f: (f.size, f.rank))
    return _Voice(f.claimant, f.side, f"{f.rule}+{SpeakerRule.CARRY}", ASSERTS, True)
