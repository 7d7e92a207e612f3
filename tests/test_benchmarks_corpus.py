"""The benchmark corpus generator: deterministic, realistic enough, and independent of size."""

from __future__ import annotations

import random
import re

import pytest

from benchmarks import corpus
from benchmarks.corpus import PlaceName
from claims.model import KINDS, SIDES

PLACES = [
    PlaceName("p:1", "Bazarak", "town", "Panjshir", 35.31, 69.52, 2.0, ("Bazaarak",)),
    PlaceName("p:2", "Khenj District", "district", "Panjshir", 35.43, 69.78, 12.0, ("Khinj",)),
    PlaceName("p:3", "Dasht-e Rewat", "locality", "Panjshir", 35.43, 69.78, 12.0, ()),
    PlaceName("p:4", "Charikar", "city", "Parwan", 35.01, 69.17, 3.0, ("Charikar City",)),
    PlaceName("p:5", "Salang Pass", "pass", "Parwan", 35.31, 69.04, 1.0, ("Kotal-e Salang",)),
]


def test_same_seed_same_articles() -> None:
    a = list(corpus.generate_articles(20, PLACES, seed=1))
    b = list(corpus.generate_articles(20, PLACES, seed=1))
    assert a == b


def test_other_seed_other_articles() -> None:
    a = [x.text for x in corpus.generate_articles(5, PLACES, seed=1)]
    b = [x.text for x in corpus.generate_articles(5, PLACES, seed=2)]
    assert all(x != y for x, y in zip(a, b, strict=True))


def test_small_corpus_is_a_prefix_of_a_larger_one() -> None:
    small = list(corpus.generate_articles(10, PLACES))
    large = list(corpus.generate_articles(30, PLACES))
    assert large[:10] == small


def test_articles_are_400_to_about_600_words_and_distinct() -> None:
    arts = list(corpus.generate_articles(60, PLACES))
    words = [a.words for a in arts]
    assert min(words) >= corpus.WORDS_MIN
    assert max(words) <= corpus.WORDS_MAX + 80  # the last paragraph may overshoot a little
    assert 450 <= sum(words) / len(words) <= 600
    assert len({a.text for a in arts}) == len(arts)
    assert len({a.name for a in arts}) == len(arts)


def test_articles_do_real_work() -> None:
    """Places, figures in digits and words, relative dates, quotes and furniture all occur."""
    text = "\n".join(a.text for a in corpus.generate_articles(80, PLACES))
    for name in ("Bazarak", "Khenj", "Charikar"):
        assert name in text
    assert re.search(r"\b\d{1,3}(,\d{3})+\b", text)  # 1,000
    assert re.search(r"\b(forty|twenty|sixty|eighty-five|thirty-five|seven|twelve)\b", text)
    assert re.search(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text)
    assert "“" in text and "said" in text
    assert re.search(r"Skip to content|Read also:|Follow us|Subscribe|Photo courtesy", text)
    assert re.search(r"the [A-Z][a-z]+ area", text)  # an invented place for unresolved mentions


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "one"),
        (7, "seven"),
        (19, "nineteen"),
        (40, "forty"),
        (42, "forty-two"),
        (100, "one hundred"),
        (700, "seven hundred"),
        (1000, "one thousand"),
        (1234, "one thousand two hundred thirty-four"),
    ],
)
def test_number_words(n: int, words: str) -> None:
    assert corpus.number_words(n) == words


@pytest.mark.parametrize("name", ["Panjshir", "Dasht-e Rewat", "Bazarak", "Kotal-e Salang"])
def test_spelling_variant_changes_the_name_slightly(name: str) -> None:
    for seed in range(10):
        variant = corpus.spelling_variant(name, random.Random(seed))
        assert variant != name
        assert variant[0] == name[0]
        assert abs(len(variant) - len(name)) <= 2


def test_claims_are_deterministic_and_valid() -> None:
    a = corpus.generate_claims(500, PLACES)
    assert a == corpus.generate_claims(500, PLACES)
    assert len({c.id for c in a}) == 500
    assert {c.side for c in a} <= set(SIDES)
    assert {c.kind for c in a} <= set(KINDS)
    points = {(p.lat, p.lon) for p in PLACES}
    located = [c for c in a if c.located]
    assert 0.85 < len(located) / len(a) < 1
    assert all((c.lat, c.lon) in points for c in located)
    assert all(c.quote[c.quote_start : c.quote_end] == c.quote for c in a)
    undated = [c for c in a if c.date_start is None]
    assert all(c.date_precision == "unknown" for c in undated)
    assert {c.date_precision for c in a} == {"day", "range", "unknown"}


def test_no_places_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least one place"):
        list(corpus.generate_articles(1, []))
    with pytest.raises(ValueError, match="at least one place"):
        corpus.generate_claims(1, [])


def test_gazetteer_places_are_latin_located_and_sorted() -> None:
    places = corpus.gazetteer_places()
    assert len(places) > 50
    assert [p.id for p in places] == sorted(p.id for p in places)
    assert all(p.lat is not None and p.lon is not None for p in places)
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z' \-]+", a) for p in places for a in p.aliases)
