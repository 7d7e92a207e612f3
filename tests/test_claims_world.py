"""Claims from articles about two other conflicts (written for these tests, tests/world/):
the current extractor, given the gazetteer of each profile's countries, places them at the
right towns. (Sides from the profiles come with the extractor that reads them.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from world_reference import near

from claims import extract_claims, read_article
from claims.profile import load_profile
from geo import load_gazetteer

WORLD = Path(__file__).resolve().parent / "world"

# article, profile, {place as written: reference point}
ARTICLES = [
    (
        "ua_kharkiv_counteroffensive.md",
        "russia-ukraine-2022",
        {"Balakliia": "Balakliia", "Kupiansk": "Kupiansk"},
    ),
    (
        "sd_darfur_khartoum.md",
        "sudan-2023",
        {
            "El Fasher": "El Fasher",
            "Omdurman": "Omdurman",
            "Nyala": "Nyala",
            "El Geneina": "El Geneina",
            "Adre": "Adre",  # in Chad: the sentence names Chad
            "Wad Madani": "Wad Madani",
        },
    ),
]


@pytest.mark.parametrize(("name", "profile", "expected"), ARTICLES)
def test_claims_are_placed_in_the_profiles_countries(
    name: str, profile: str, expected: dict[str, str], world_index: Path
) -> None:
    article = read_article(WORLD / name)
    gaz = load_gazetteer(countries=load_profile(profile).countries)
    claims = extract_claims(article, gaz)
    placed = {c.place_mention: c for c in claims if c.lat is not None}
    assert set(expected) <= set(placed), sorted(placed)
    for mention, ref in expected.items():
        c = placed[mention]
        assert near(c, ref), (mention, c.lat, c.lon)
        assert c.place_precision == "point" and c.radius_km is not None
        assert article.text[c.quote_start : c.quote_end] == c.quote


def test_the_afghan_gazetteer_places_none_of_them() -> None:
    for name, _, expected in ARTICLES:
        claims = extract_claims(read_article(WORLD / name), load_gazetteer())
        assert not {c.place_mention for c in claims if c.lat is not None} & set(expected)
