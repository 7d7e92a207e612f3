"""One frame per clause: a frame's scope cut at the segments (";", ", while", a sentence end, a
speaker opening another clause) that hold another frame's cue, and run on to the end of a
quotation it opened."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from claims.speakers import Frame

_I = re.IGNORECASE


# ---------------------------------------------------------------- one frame per clause

_SEGMENT_BREAK = re.compile(
    r";\s|\s-\s|[.!?]\"?\s+(?=\"?[A-Z])|,\s+(?:while|whereas|but|although|though|even\s+as)\b", _I
)
_ADJUNCT_TAIL = re.compile(
    r"^[\s,]*(?:(?:on|in|at|by|to|late|early|earlier|later|this|last|yesterday|today|via|during|"
    r"after|before|from|with|through|over|tonight|overnight|[a-z]+day|[a-z]+ly|that\s+day)\b"
    r"[^,;:\"]{0,40})?[\s.!?\"]*$",
    _I,
)


def _pre_posed(text: str, frame: Frame, end: int) -> bool:
    """True when what the speaker is credited with follows the cue ("X says A")."""
    cue_end = frame.cue + 1
    while cue_end < len(text) and (text[cue_end].isalpha() or text[cue_end] == "'"):
        cue_end += 1
    return _ADJUNCT_TAIL.match(text[cue_end:end]) is None


def through_quotations(text: str, frames: list[Frame]) -> list[Frame]:
    """A frame whose scope stops inside a quotation it opened ('X said: "A. B."') runs to the
    quotation's end: the speaker says every sentence of it (unless another speaker's cue
    comes first)."""
    out = []
    for f in frames:
        end = f.scope[1]
        opened = text.rfind('"', f.scope[0], end)
        if opened < max(f.scope[0], f.cue) or text.count('"', 0, end) % 2 == 0:
            out.append(f)
            continue
        close = text.find('"', end)
        if close < 0 or any(end <= g.cue < close for g in frames if g is not f):
            out.append(f)
            continue
        out.append(replace(f, scope=(f.scope[0], close + 1)))
    return out


def clause_scopes(text: str, frames: list[Frame]) -> list[Frame]:
    """Keep each attribution to its own clauses: "Resistance says A; Taliban claim B", "the
    Taliban say A, while the resistance says B", "X tweeted that A, Y says B". A frame's scope
    stops at a clause (after ";", ", while", a sentence end, or a comma that opens another
    speaker's "Y says …") that holds another frame's cue."""
    cuts = {m.end() for m in _SEGMENT_BREAK.finditer(text)}
    frames = [_subordinate(text, _opened(text, f, cuts)) for f in frames]
    if len(frames) < 2:
        return frames
    bounds = sorted({0, *cuts, len(text)})
    return [_bounded(f, frames, bounds, len(text)) for f in frames]


_OPENERS = (",", ";", ":", ", and", ", but", ", while", ", whereas")
_SUBORDINATORS = frozenset({"after", "before", "when", "once", "although", "though", "until"})


def _subordinate(text: str, f: Frame) -> Frame:
    """ "After the front claimed a new fight in X, the Taliban denied clashes": a speaker in a
    fronted subordinate clause says that clause only, up to the comma that closes it."""
    speaker = f.holes[0] if f.holes else None
    if speaker is None or speaker[0] >= f.cue:
        return f
    if text[: speaker[0]].strip().lower() not in _SUBORDINATORS:
        return f
    comma = text.find(", ", f.cue)
    if comma < 0 or comma + 2 >= f.scope[1]:
        return f
    return replace(f, scope=(f.scope[0], comma + 1), whole=False)


def _opened(text: str, f: Frame, cuts: set[int]) -> Frame:
    """A speaker after a clause break ("A, Y says B") opens a segment of its own (added to
    ``cuts``); after a conjunction the speaker does not say what came before."""
    speaker = f.holes[0] if f.holes else None
    if speaker is None or speaker[0] >= f.cue:
        return f
    before = text[: speaker[0]].rstrip().lower()
    if not before.endswith(_OPENERS) or not _pre_posed(text, f, len(text)):
        return f
    cuts.add(speaker[0])
    if before.endswith((" and", " but", " while", " whereas")) or _fronted_adverbial(before):
        # "A, and the resistance claimed B": the speaker does not say A; nor "As the fighting
        # continues in X, the Taliban said …": the writer's fronted clause
        return replace(f, scope=(max(f.scope[0], speaker[0]), f.scope[1]), whole=False)
    return f


_FRONTED = ("as ", "while ", "amid ", "with ", "despite ", "even as ")


def _fronted_adverbial(before: str) -> bool:
    """The speaker follows a fronted adverbial clause of the writer's ("As the fighting
    continues in Panjshir, …")."""
    opening = _DATELINE_LEAD.sub("", before.lstrip(" \"“'"), count=1)
    return before.endswith(",") and opening.startswith(_FRONTED) and opening.count(",") == 1


_DATELINE_LEAD = re.compile(r"^[a-z][a-z .'-]{1,30}(?::|\s[-–—])\s*")  # "islamabad: ", lower-cased


def _segment(bounds: list[int], pos: int, length: int) -> tuple[int, int]:
    for lo, hi in itertools.pairwise(bounds):
        if lo <= pos < hi:
            return lo, hi
    return 0, length


def _bounded(f: Frame, frames: list[Frame], bounds: list[int], length: int) -> Frame:
    """``f``'s scope, cut at the nearest segment on each side that holds another frame's cue."""
    own = _segment(bounds, f.cue, length)
    lo, hi = f.scope
    for g in frames:
        other = _segment(bounds, g.cue, length)
        if g is f or other == own:
            continue
        if own[1] <= other[0] < hi:
            hi = other[0]
        elif lo < other[1] <= own[0]:
            lo = other[1]
    return f if (lo, hi) == f.scope else replace(f, scope=(lo, hi), whole=False)
