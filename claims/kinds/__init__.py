"""What: claim words (the words that make a statement a claim) and their kind.

The rules are data (``claims/data/cues.toml``, loaded by :mod:`claims.kinds.rules`); ambiguous
words are decided by their neighbours (:mod:`claims.kinds.decide`); every match then goes
through the modality checks (:mod:`claims.kinds.modality`): a claim word counts only when it
asserts an event. Each :class:`Trigger` carries the id of the rule that found it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from claims.kinds import modality
from claims.kinds.decide import DECIDE
from claims.kinds.rules import Rule, rules

__all__ = ["Trigger", "find_triggers", "rules"]

_WORDS = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A claim word at ``text[start:end]`` of the statement, its kind and its rule."""

    kind: str
    start: int
    end: int
    rule: str = ""

    def __post_init__(self) -> None:
        if not self.rule:
            object.__setattr__(self, "rule", f"K-{self.kind}")


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _near(rule: Rule, text: str, start: int, end: int) -> bool:
    if rule.near is None:
        return True
    left = text[:start].split()[-rule.window :] if rule.window else []
    right = text[end:].split()[: rule.window] if rule.window else []
    window = " ".join([*left, "\x00", *right])
    if re.search(r"[;.!?](?=\s|$)", " ".join(left)) and left:
        window = " ".join(["\x00", *right])  # no looking back over a sentence break
    return rule.near.search(window) is not None


def _conditions(rule: Rule, text: str, m: re.Match[str]) -> int | None:
    """The end of the claim word when the rule's conditions hold, else None."""
    start, end = m.start(), m.end()
    if rule.before is not None and not rule.before.search(text, max(0, start - 120), start):
        return None
    if rule.not_before is not None and rule.not_before.search(text, max(0, start - 120), start):
        return None
    if rule.not_after is not None and rule.not_after.match(text, end):
        return None
    if rule.after is not None:
        after = rule.after.match(text, end)
        if after is None:
            return None
        end = after.end()
    if not _near(rule, text, start, end):
        return None
    return end


def _anchors(rule: Rule, text: str, starts: list[int] | None):
    """The rule's anchor matches, left to right, not overlapping: tried only at ``starts``
    (where one of its first words begins) when they are known, else by a scan."""
    if starts is None:
        yield from rule.anchor.finditer(text)
        return
    end = -1
    for pos in starts:
        if pos < end:
            continue
        m = rule.anchor.match(text, pos)
        if m is not None:
            end = m.end()
            yield m


def _matches(
    rule: Rule, text: str, places: tuple[tuple[int, int], ...], starts: list[int] | None = None
):
    for m in _anchors(rule, text, starts):
        end = _conditions(rule, text, m)
        if end is None:
            continue
        kind = rule.kind
        if rule.decide is not None:
            kind = DECIDE[rule.decide](text, m.start(), m.end(), places)
        if kind is not None:
            yield kind, m.start(), end


@cache
def _by_first_word() -> tuple[dict[str, tuple[int, ...]], frozenset[int]]:
    """Rule numbers by the words their anchors begin with, and the rules whose first words are
    not plain words (those scan every statement that shares a word with them)."""
    by_word: dict[str, list[int]] = defaultdict(list)
    scanned = set()
    for i, rule in enumerate(rules()):
        if not all(_WORDS.fullmatch(w) for w in rule.first_words):
            scanned.add(i)
        for word in rule.first_words:
            by_word[word].append(i)
    return {w: tuple(ids) for w, ids in by_word.items()}, frozenset(scanned)


def _asserted(rule: Rule, text: str, kind: str, start: int, end: int) -> bool:
    if rule.veto == "clash_word" and modality.clash_veto(text, start, end):
        return False
    if modality.realis(text, start, end, kind, rule.exempt):
        return False
    return not modality.hypothetical(text, start, end)


def find_triggers(text: str, places: tuple[tuple[int, int], ...] = ()) -> list[Trigger]:
    """Realis claim words of one statement (normalised text), in order.

    ``places`` are the (start, end) spans of place mentions in ``text``; they decide ambiguous
    verbs ("captured Bazarak", "fleeing Panjshir")."""
    lower = text.lower()
    at: dict[str, list[int]] = defaultdict(list)
    for m in _WORDS.finditer(lower):
        at[m.group()].append(m.start())
    by_word, scanned = _by_first_word()
    exact = len(lower) == len(text)  # offsets in ``lower`` are offsets in ``text``
    table = rules()
    words_of: dict[int, list[str]] = defaultdict(list)  # rule number -> its words found here
    for word in at:
        for i in by_word.get(word, ()):
            words_of[i].append(word)
    taken: list[tuple[int, int]] = []
    found: list[Trigger] = []
    for i in sorted(words_of):
        rule = table[i]
        starts = None
        if exact and i not in scanned:
            starts = sorted(p for w in words_of[i] for p in at[w])
        for kind, start, end in _matches(rule, text, places, starts):
            if rule.shares_span:  # a second kind on a word another rule may take as well
                if _asserted(rule, text, kind, start, end) and not any(
                    t.kind == kind and t.start < end and start < t.end for t in found
                ):
                    found.append(Trigger(kind, start, end, rule.id))
                continue
            if _overlaps(start, end, taken):
                continue
            taken.append((start, end))  # a vetoed word is not claimed by a later rule either
            if _asserted(rule, text, kind, start, end):
                found.append(Trigger(kind, start, end, rule.id))
    found.sort(key=lambda t: t.start)
    return found
