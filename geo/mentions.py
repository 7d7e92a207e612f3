"""Find place mentions in running text in one pass over its capitalised words.

Rules (general news-language rules, no article-specific ones):

- A mention starts at a capitalised word (or a word of an uncased script, e.g. Dari); names
  of several words ("Panjshir Valley", "Dasht-e Rewat", "Hindu Kush") match greedily, longest
  first, by exact normalised name or alias (dict lookups, no fuzzy).
- Names that are also common words or person names ("Farah", "Reg", "Tani"…, see
  :mod:`geo.stopwords`) only count in a place context.
- A place context is a preceding preposition or verb of place (``in``, ``at``, ``from``,
  ``near``, ``into``, ``entered``, ``captured``…, optionally followed by ``the``) or a
  following generic word (``district(s)``, ``province``, ``valley``, ``pass``, ``area`` …).
- Capitalised phrases that are not known names are looked up with phonetic/fuzzy matching
  only in a place context; in a following-generic-word context ("the Danah area", "in Foo
  district") an unresolvable phrase is still reported, as an unresolved mention.
- A possessive ``'s``/``’s`` is never part of the span; ``Mention.text == text[start:end]``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from geo.model import Mention, Resolution
from geo.normalize import GENERIC_SUFFIXES, normalize
from geo.stopwords import NOT_PLACE_WORDS, weak_names

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’‘ʼ](?![sS]\b)[^\W\d_]+)*")
_GAP = re.compile(r"[ \t\u00a0\u2009\u202f\u2007]{1,3}")  # same line, no punctuation between
PLACE_BEFORE = frozenset(
    """
    in at from near into to entered enter enters entering captured capture captures seized
    seize took take taking around across through toward towards outside inside reached
    reach via besieged attacked stormed overran retook recaptured fled of
    """.split()  # noqa: SIM905
)
_CONNECTORS = frozenset({"e", "i", "ye", "wa", "va", "al", "ul", "us", "os", "of"})
WEAK_CONTEXT_THRESHOLD = 87.0
MAX_RUN = 4


@lru_cache(maxsize=65536)
def _norm(token: str) -> str:
    return normalize(token)


def _is_cap(token: str) -> bool:
    c = token[0]
    return c.isupper() or (c.isalpha() and not c.islower() and not c.isupper())


def find_mentions(gaz: Gazetteer, text: str) -> list[Mention]:
    """Place mentions in ``text``, in order; see the module docstring for the rules."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    if not toks:
        return []
    n = len(toks)
    norms = [_norm(t[2]) for t in toks]
    # linked[i]: token i and i+1 are separated only by spaces on the same line.
    linked = [
        i + 1 < n and _GAP.fullmatch(text, toks[i][1], toks[i + 1][0]) is not None for i in range(n)
    ]
    weak = weak_names(gaz)
    out: list[Mention] = []
    i = 0
    while i < n:
        tok = toks[i][2]
        if not _is_cap(tok) or (tok.isupper() and len(tok) > 1 and not gaz.has_name(norms[i])):
            i += 1
            continue
        match = _longest_name(gaz, norms, linked, i, n)
        if match:
            j, joined = match
            before = _before_context(norms, linked, i)
            hint = _hint_after(norms, linked, j, n)
            if joined in weak and not (before or hint is not None):
                i = j
                continue
            kind = GENERIC_SUFFIXES.get(hint) if hint else None
            res = gaz.resolve_cached(text[toks[i][0] : toks[j - 1][1]], kind)
            out.append(_mention(text, toks[i][0], toks[j - 1][1], res))
            i = j
            continue
        # An unknown capitalised phrase: only in a place context.
        if norms[i] in NOT_PLACE_WORDS:
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and j - i < MAX_RUN
            and linked[j - 1]
            and (
                (_is_cap(toks[j][2]) and _longest_name(gaz, norms, linked, j, n) is None)
                or (norms[j] in _CONNECTORS and j + 1 < n and linked[j] and _is_cap(toks[j + 1][2]))
            )
        ):
            j += 1
        while j > i + 1 and norms[j - 1] in _CONNECTORS:
            j -= 1
        if any(w in NOT_PLACE_WORDS for w in norms[i:j]):
            i += 1
            continue
        hint = _hint_after(norms, linked, j, n)
        before = _before_context(norms, linked, i)
        if hint is None and not before:
            i = j
            continue
        start, end = toks[i][0], toks[j - 1][1]
        kind = GENERIC_SUFFIXES.get(hint) if hint else None
        res = gaz.resolve_cached(text[start:end], kind)
        if hint is None and res.resolved and res.score < WEAK_CONTEXT_THRESHOLD:
            res = Resolution(res.query, reason="weak match outside a strong place context")
        if res.resolved or hint is not None:
            out.append(_mention(text, start, end, res))
        i = j
    return out


def _mention(text: str, start: int, end: int, res: Resolution) -> Mention:
    return Mention(start, end, text[start:end], res)


def _longest_name(
    gaz: Gazetteer, norms: list[str], linked: list[bool], i: int, n: int
) -> tuple[int, str] | None:
    first = norms[i]
    if first.split(" ", 1)[0] not in gaz.first_words:
        return None
    best: tuple[int, str] | None = None
    joined = first
    if gaz.has_name(joined):
        best = (i + 1, joined)
    j = i + 1
    while j < n and j - i < gaz.max_words and linked[j - 1]:
        joined = f"{joined} {norms[j]}"
        j += 1
        if gaz.has_name(joined):
            best = (j, joined)
    return best


def _before_context(norms: list[str], linked: list[bool], i: int) -> bool:
    k = i - 1
    if k >= 0 and norms[k] == "the" and linked[k]:
        k -= 1
    if k < 0 or not linked[k]:
        return False
    word = norms[k]
    if word == "of":  # "of" alone is too weak ("Lion of X"); "of the X" counts
        return k + 1 < len(norms) and norms[k + 1] == "the"
    return word in PLACE_BEFORE


def _hint_after(norms: list[str], linked: list[bool], j: int, n: int) -> str | None:
    if j < n and linked[j - 1] and norms[j] in GENERIC_SUFFIXES:
        return norms[j]
    return None
