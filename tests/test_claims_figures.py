"""claims.figures: counts in digits and words, with qualifiers; not years, percentages,
durations or dates."""

from __future__ import annotations

import pytest

from claims.figures import find_figures, words_to_int


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NRF claims 1600 Taliban dead", [(1600, None)]),
        ("About 600 Taliban were liquidated", [(600, "about")]),
        ("More than 1,000 Taliban have been captured", [(1000, "more than")]),
        ("at least a thousand Taliban were trapped", [(1000, "at least")]),
        ("hundreds of its fighters", [(100, "hundreds")]),
        ("thousands of terrorists", [(1000, "thousands")]),
        ("dozens of families", [(12, "dozens")]),
        ("scores of fighters", [(20, "scores")]),
        ("Over 700 fighters", [(700, "over")]),
        ("forty resistance fighters", [(40, None)]),
        ("two hundred and fifty men", [(250, None)]),
        ("a dozen armoured vehicles", [(12, None)]),
        ("some 5,000 troops", [(5000, "some")]),
        ("up to 2 thousand fighters", [(2000, "up to")]),
        ("including 1,870 humvees", [(1870, None)]),
        ("one soldier was killed", [(1, None)]),
        ("demanded 30% of its share", []),
        ("30 percent of the vote", []),
        ("the 2021 offensive", []),
        ("in 2001 attacks", []),
        ("two-day-long negotiations", []),
        ("over the last 48 hours", []),
        ("on September 2, heavy clashes", []),
        ("80km north of Kabul", []),
        ("one of its fiercest battles", []),
        ("the two sides", []),
        ("a number of heavy weapons", []),
        ("the 9/11 attack", []),
    ],
)
def test_figures(text: str, expected: list[tuple[int, str | None]]) -> None:
    assert [(f.value, f.qualifier) for f in find_figures(text)] == expected


def test_figure_span_covers_the_qualifier() -> None:
    text = "They said about 600 were killed"
    (fig,) = find_figures(text)
    assert text[fig.start : fig.end] == "about 600"


@pytest.mark.parametrize(
    ("words", "value"),
    [("a thousand", 1000), ("forty-five", 45), ("two hundred and fifty", 250), ("bogus", None)],
)
def test_words_to_int(words: str, value: int | None) -> None:
    assert words_to_int(words) == value
