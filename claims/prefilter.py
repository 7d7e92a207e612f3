"""Literal prefilters for patterns that scan whole statements and seldom match.

:func:`prefiltered` reads a compiled pattern's syntax tree and finds words that every match
must contain (one of them at least: "since", or one of "after"/"before"/…); a text that holds
none of them cannot match, and the pattern is not run on it. The words come from the pattern
itself, so the prefilter follows every edit of the rule. Matches are the pattern's own: the
prefilter only skips calls that would have found nothing.

Exactness: literals are compared in lower case with the text's (ASCII) lower case, which is
weaker than the pattern's own test; a text that is not ASCII, where case-insensitive matching
knows equivalences ``str.lower`` does not ("ſ" matches "s"), always runs the pattern; a
lookbehind's words, which may stand before ``pos``, are not required.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

try:  # the syntax tree of ``re`` (CPython 3.11+); without it there is no prefilter
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - another implementation of ``re``
    sre = sre_parse = None  # type: ignore[assignment]

MAX_WORDS = 30  # more alternatives than this cost more to look for than the pattern saves
_MIN_LENGTH = 2  # a shorter literal occurs in almost every statement
_END = sys.maxsize

Literals = frozenset[str] | None  # every match holds one of them; None: nothing is known


def _better(a: Literals, b: Literals) -> Literals:
    """The stronger of two requirements: longer shortest word, then fewer words."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _sequence(items: Any) -> Literals:
    best: Literals = None
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL and av < 128:
            run.append(chr(av))
            continue
        if run:
            best = _better(best, frozenset({"".join(run).lower()}))
            run = []
        best = _better(best, _item(op, av))
    if run:
        best = _better(best, frozenset({"".join(run).lower()}))
    return best


def _item(op: Any, av: Any) -> Literals:
    if op is sre.SUBPATTERN:
        return _sequence(av[3])
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op is sre.BRANCH:
        words: set[str] = set()
        for branch in av[1]:
            found = _sequence(branch)
            if found is None:
                return None
            words |= found
        return frozenset(words)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _sequence(av[2]) if av[0] >= 1 else None
    if op is sre.ASSERT and av[0] == 1:  # a lookahead reads text inside [pos, endpos)
        return _sequence(av[1])
    return None


def minimal(words: frozenset[str]) -> tuple[str, ...]:
    """Without the words that contain another one (the shorter is found wherever they are)."""
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def required_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case words of which every match of ``pattern`` holds one, or None when the
    pattern has no useful set of them."""
    if sre_parse is None or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # a parser of another Python version: no prefilter
        return None
    words = _sequence(tree.data)
    if not words or min(map(len, words)) < _MIN_LENGTH:
        return None
    found = minimal(words)
    return found if len(found) <= MAX_WORDS else None


_LAST: list[tuple[str, str | None]] = [("", "")]  # the last text asked about, its lower case


def _lowered(text: str) -> str | None:
    """``text`` in lower case, or None when it is not ASCII (see the module docstring); the
    rules ask many patterns of one statement in a row, so the last answer is kept (one tuple,
    replaced whole: threads see a consistent pair)."""
    last = _LAST[0]
    if last[0] is text:
        return last[1]
    lower = text.lower() if text.isascii() else None
    _LAST[0] = (text, lower)
    return lower


class Prefiltered:
    """A compiled pattern whose ``search``, ``match`` and ``finditer`` first look for its
    required words (see the module docstring); everything else is the pattern's."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.words = words

    def _absent(self, text: str, pos: int, endpos: int) -> bool:
        lower = _lowered(text)
        if lower is None:
            return False
        pos = max(pos, 0)
        if pos or endpos < len(text):
            lower = lower[pos:endpos]
        for word in self.words:  # noqa: SIM110 - a plain loop: the hot path of every rule
            if word in lower:
                return False
        return True

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        if self._absent(text, pos, endpos):
            return None
        return self.pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        if self._absent(text, pos, endpos):
            return None
        return self.pattern.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        if self._absent(text, pos, endpos):
            return iter(())
        return self.pattern.finditer(text, pos, endpos)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)


def prefiltered(pattern: re.Pattern[str]) -> re.Pattern[str] | Prefiltered:
    """``pattern`` behind a prefilter of its required words, or itself when it has none."""
    words = required_words(pattern)
    return pattern if words is None else Prefiltered(pattern, words)
