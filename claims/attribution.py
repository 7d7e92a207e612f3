"""A statement's frames put together: the parse's or fast template's frames with the layout's
(a layout frame replaces the parse's of the same cue), relays ranked below the speaker they
relay, a tail speaker carried back through a quotation, frames of joined sentences, "we"/"I"
inside a quotation given to its speaker, and the owner of a claim called false replaced by who
calls it false (``S-called-false``)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from claims.frames import (
    clause_scopes,
    fast_frames,
    frames_from_parse,
    layout_frames,
    through_quotations,
)
from claims.profile import OTHER, UNKNOWN
from claims.sides import SideReader
from claims.speakers import Discourse, Frame, SpeakerRule
from claims.stances import FALSE_VERDICT
from claims.statements import Join
from claims.vocabulary import DENIES, vocabulary

if TYPE_CHECKING:
    from claims.run import _Layer, _Run


# ---------------------------------------------------------------- one statement


def _reader(run: _Run) -> SideReader:
    """The article's side reader: what it reads (actors, outlet, publication day, the text for
    the governing side) is the article's, so it is made once."""
    if run.reader is None:
        meta = run.article.meta
        run.reader = SideReader(run.actors, meta.outlet, meta.published, run.article.text)
    return run.reader


def _frames(run: _Run, layer: _Layer) -> list[Frame]:
    reader = _reader(run)
    run.discourse.start(layer.st.line)
    frames = []
    if layer.parse is not None:
        frames += frames_from_parse(layer.parse, layer.text, layer.original, reader, run.discourse)
    elif layer.fast:
        frames += fast_frames(layer.text, layer.original, reader, run.discourse)
    layout = list(layout_frames(layer.text, layer.original, run.actors, reader, run.discourse))
    frames = _relays(_prefer_layout(frames, layout))
    frames = through_quotations(layer.text, clause_scopes(layer.text, frames))
    frames = _tail_back_through_quotation(layer.text, frames)
    if layer.st.join is Join.REFERRED:
        # "… were killed. This was revealed by X.": X says the sentence before as well
        first = layer.st.first_end - layer.st.start
        frames = [
            replace(f, scope=(0, len(layer.text)), whole=True) if f.cue >= first else f
            for f in frames
        ]
    if layer.st.join is Join.INTRO_QUOTE:
        # 'X told a different story. "…"': the introduction's speaker says the quotation
        first = layer.st.first_end - layer.st.start
        frames = [
            replace(f, scope=(f.scope[0], len(layer.text)), whole=True) if f.cue < first else f
            for f in frames
        ]
    frames = _first_person(layer.text, frames)
    return _called_false(layer.text, frames, run.discourse, layer.st.line)


# "The Taliban's claim that they took the valley is false": the owner of the claim does not
# say this; whoever speaks here denies it
_OWNED_CLAIM = re.compile(
    r"(?:the\s+)?[\w'’ -]{1,40}?(?:'s|’s|s'|s’)\s+(?:claims?|statements?|assertions?|reports?|"
    r"allegations?)\b",
    re.IGNORECASE,
)
_CALLED_FALSE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:all\s+|completely\s+|totally\s+|simply\s+|utterly\s+)?"
    rf"(?:{FALSE_VERDICT})\b",
    re.IGNORECASE,
)
_RECENT_LINES = 2  # a voice this many paragraphs back may still be speaking (a tweet quoted)


def _called_false(text: str, frames: list[Frame], discourse: Discourse, line: int) -> list[Frame]:
    """A frame that is only the owner of a claim called false is given to the one who calls
    it false: another speaker of the statement, else a speaker of the paragraphs just before
    (S-called-false, a denial)."""
    out = []
    for f in frames:
        hole = f.holes[0] if f.holes else None
        owned = _OWNED_CLAIM.match(text, hole[0]) if hole is not None else None
        end = text.find(". ", owned.end()) if owned is not None else -1
        end = end if end > 0 else len(text)
        if owned is None or not _CALLED_FALSE.search(text, owned.end(), end):
            out.append(f)
            continue
        denier = _denier(f, frames, discourse, line)
        if denier is None:
            out.append(f)
            continue
        claimant, side, party = denier
        out.append(replace(f, claimant=claimant, side=side, party=party, stance=DENIES,
                           rule=f"{f.rule}+{SpeakerRule.CALLED_FALSE}"))  # fmt: skip
    return out


def _denier(
    f: Frame, frames: list[Frame], discourse: Discourse, line: int
) -> tuple[str, str, str | None] | None:
    others = [g for g in frames if g is not f and g.side != UNKNOWN and g.side != f.side]
    if others:
        g = min(others, key=lambda g: abs(g.cue - f.cue))
        return g.claimant, g.side, g.party
    voices = [v for v in discourse.voices if v.line >= line - _RECENT_LINES and v.side != f.side]
    if voices and voices[-1].side != UNKNOWN:
        v = voices[-1]
        return v.claimant, v.side, v.party
    return None


_FIRST_PERSON = frozenset({"we", "i"})


def _said_as_we(text: str, f: Frame) -> bool:
    """The frame's speaker is "we" or "I" (read as written, or linked to an earlier speaker:
    inside a quotation the one who is quoted says it)."""
    if f.side == UNKNOWN and f.claimant.lower() in _FIRST_PERSON:
        return True
    hole = f.holes[0] if f.holes else None
    return hole is not None and text[hole[0] : hole[1]].lower() in _FIRST_PERSON


_SINGLE_CLOSE = re.compile(r"[.,!?]'(?=\s|$)")


def _inside_quotation(text: str, at: int) -> bool:
    """``at`` is inside a quotation: after an odd number of double marks, or inside a
    quotation in single marks that opens the statement ("'It is not true, I reject it,' X
    said")."""
    if text.count('"', 0, at) % 2 == 1:
        return True
    return (
        text.lstrip().startswith("'")
        and _SINGLE_CLOSE.search(text, 0, at) is None
        and (_SINGLE_CLOSE.search(text, at) is not None)
    )


def _first_person(text: str, frames: list[Frame]) -> list[Frame]:
    """'"We deny that …," X said': "we" or "I" inside a quotation is its speaker, X."""
    out = []
    for f in frames:
        if _said_as_we(text, f):
            at = f.holes[0][0] if f.holes else f.cue
            outer = [
                g for g in frames
                if g is not f and g.side != UNKNOWN and g.scope[0] <= at < g.scope[1]
                and _inside_quotation(text, at) and not _said_as_we(text, g)
            ]  # fmt: skip
            if outer:
                g = min(outer, key=lambda g: g.size)
                f = replace(f, claimant=g.claimant, side=g.side, party=g.party,
                            rule=f"{f.rule}+{g.rule}")  # fmt: skip
        out.append(f)
    return out


def _prefer_layout(parsed: list[Frame], layout: list[Frame]) -> list[Frame]:
    """A layout frame ("…, X said.", '"…" – X') replaces the parse's frame of the same cue, and
    the frames that took their subject from it ("…, adding …")."""
    by_cue = {f.cue: f for f in layout}
    # a frame whose subject the parse found at the layout's cue was misread there; one that
    # inherited its subject ("…, saying …, reported X": "reported" took "saying"'s) was not
    replaced = {
        f.holes[:1]: by_cue[f.cue]
        for f in parsed
        if f.cue in by_cue and f.holes and SpeakerRule.INHERITED not in f.rule
    }
    # '…," Ariana quoted Y as saying': "saying" (whose subject the parse takes to be the
    # channel) is Y's, read by the layout frame
    quoting = min((f.cue for f in layout if f.rule == SpeakerRule.SOURCE), default=None)
    out = []
    for f in parsed:
        if f.cue in by_cue or (quoting is not None and f.cue > quoting):
            continue
        new = replaced.get(f.holes[:1]) if f.holes else None
        if new is not None:
            f = replace(f, claimant=new.claimant, side=new.side, holes=new.holes, party=new.party)
        out.append(f)
    return out + layout


_CLOSED_BEFORE = re.compile(r'[.,!?]?"\s*,?\s*$')


def _tail_back_through_quotation(text: str, frames: list[Frame]) -> list[Frame]:
    """'"A. B," said X': a speaker named after a closing mark says the whole quotation, back to
    its opening mark, though a frame inside it (a relative clause of A) cut it at a sentence."""
    out = []
    for f in frames:
        hole = f.holes[0] if f.holes else None
        at = min(hole[0], f.cue) if hole is not None else 0
        if (
            f.rule != SpeakerRule.TAIL
            or hole is None
            or not _CLOSED_BEFORE.search(text, 0, at)
            or text.count('"', 0, at) % 2
        ):
            out.append(f)
            continue
        closing = text.rfind('"', 0, at)
        opening = text.rfind('"', 0, closing)
        introduced = any(  # 'X said, "…," reported Tolo News': X introduced the quotation
            g is not f and g.cue < opening and g.scope[0] <= opening < g.scope[1] for g in frames
        )
        if 0 <= opening < f.scope[0] and not introduced:
            f = replace(f, scope=(opening, f.scope[1]))
        out.append(f)
    return out


_GENERIC_SOURCES = frozenset({"reports", "report", "media", "news"})


def _relays(frames: list[Frame]) -> list[Frame]:
    """A relay of the same words is the outer frame: "The Taliban confirmed that …, Tolo News
    reported" (the tail relays the lead speaker), '"…," said the spokesman, citing Reuters' (a
    news agency cited beside a speaker is the channel). The relay ranks below the speaker it
    relays, so the innermost source speaks."""
    if len(frames) < 2:
        return frames
    press = vocabulary().press
    out = []
    for f in frames:
        relayed = f.rule == SpeakerRule.TAIL and any(
            g is not f and g.scope == f.scope and g.holes and f.holes
            and g.holes[0][1] <= g.cue < f.holes[0][0] and g.side not in (UNKNOWN, OTHER)
            for g in frames
        )  # fmt: skip
        # "…," X tweeted, the paper quoted reports as saying': unnamed reports are a channel too
        named = f.claimant.lower() in press or f.head in _GENERIC_SOURCES
        channel = f.rule == SpeakerRule.SOURCE and named and any(
            g is not f and g.scope == f.scope and g.side not in (UNKNOWN, OTHER) for g in frames
        )  # fmt: skip
        out.append(replace(f, rank=min(f.rank, -1)) if relayed or channel else f)
    return out
