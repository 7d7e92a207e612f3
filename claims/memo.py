"""Memoised text look-ups the stages share: several rules ask the same pattern of the same
statement (every claim word of a statement checks whether it lies in a since-clause), so the
matches are found once per (pattern, text)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

Spans = tuple[tuple[int, int], ...]


def spans_of(pattern: re.Pattern[str], size: int = 512) -> Callable[[str], Spans]:
    """A function giving the (start, end) of every match of ``pattern`` in a text, left to
    right as ``finditer`` finds them, remembered for the last ``size`` texts."""

    @lru_cache(maxsize=size)
    def spans(text: str) -> Spans:
        return tuple((m.start(), m.end()) for m in pattern.finditer(text))

    return spans
