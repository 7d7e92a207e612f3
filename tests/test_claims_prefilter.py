"""The literal prefilter skips only calls that would find nothing."""

from __future__ import annotations

import re

import pytest

from claims.prefilter import Prefiltered, prefiltered, required_words

SINCE = re.compile(r"\bsince\s+(?:it|they|the)\b[^,;.]*", re.IGNORECASE)
CHOICE = re.compile(r"\b(?:north|south)(?:ern)?\s+of\s+$", re.IGNORECASE)

TEXTS = [
    "Fighting has gone on since the valley fell.",
    "Fighting has gone on SINCE THE valley fell.",
    "Nothing in this sentence dates anything.",
    "Fighting has gone on \u017fince the valley fell.",  # "ſ" matches "s" when case is ignored
    "",
    "They moved to positions north of ",
    "They moved to positions SOUTHERN OF ",
    "They moved to positions west of ",
]


def test_required_words_come_from_the_pattern() -> None:
    assert required_words(SINCE) == ("since",)
    assert required_words(CHOICE) == ("north", "south")


def test_patterns_without_a_useful_word_stay_as_they_are() -> None:
    anything = re.compile(r"\w+\s+a\b")  # "a" is too short to tell statements apart
    assert prefiltered(anything) is anything
    optional = re.compile(r"(?:since)?\s+x")  # an optional word is not required
    assert required_words(optional) is None
    behind = re.compile(r"(?<=since )it")  # a lookbehind may read text before ``pos``
    assert required_words(behind) == ("it",)  # not "since"


@pytest.mark.parametrize("pattern", [SINCE, CHOICE])
@pytest.mark.parametrize("text", TEXTS)
def test_same_answers_as_the_pattern(pattern: re.Pattern[str], text: str) -> None:
    fast = prefiltered(pattern)
    assert isinstance(fast, Prefiltered)

    def span(m: re.Match[str] | None) -> tuple[int, int] | None:
        return m.span() if m else None

    assert span(fast.search(text)) == span(pattern.search(text))
    assert span(fast.match(text, 3)) == span(pattern.match(text, 3))
    windows = [(0, len(text)), (5, len(text)), (0, 12), (12, len(text))]
    for pos, end in windows:
        assert span(fast.search(text, pos, end)) == span(pattern.search(text, pos, end))
        assert [m.span() for m in fast.finditer(text, pos, end)] == [
            m.span() for m in pattern.finditer(text, pos, end)
        ]


def test_non_ascii_text_always_runs_the_pattern() -> None:
    text = "Fighting has gone on \u017fince the valley fell."
    assert prefiltered(SINCE).search(text) is not None
