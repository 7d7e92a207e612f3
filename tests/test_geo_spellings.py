"""Machine-translated and foreign-language spellings of Afghan places (issue 9, point 7).

Each spelling is matched by a general transliteration rule (``geo.normalize.SPELLINGS`` or the
older key rules), not by an alias list: none of the spellings below is in the gazetteer.
"""

from __future__ import annotations

import re

import pytest

from geo import load_gazetteer
from geo.gazetteer import Gazetteer
from geo.normalize import SPELLINGS, match_key, normalize

PANJSHIR = "province:AF08"
# spelling -> the place it names (German, Spanish, Chinese-derived and other renderings)
SPELLED = [
    ("Pandschir", PANJSHIR),  # German dsch = j
    ("Penjir", PANJSHIR),  # sh after j dropped, vowel changed
    ("Panjhir", PANJSHIR),  # sh written h
    ("Panshir", PANJSHIR),  # the j dropped before sh
    ("Panchir", PANJSHIR),  # French ch = sh, j dropped
    ("Panchir Valley", "place:panjshir-valley"),
    ("Schutul", "district:AF0806"),  # German sch = sh
    ("Shutur", "district:AF0806"),  # l/r confusion: a fuzzy match
    ("Parjan", "district:AF0807"),  # German j = y
    ("Rukh", "district:AF0802"),  # final -a dropped
    ("Afshar", "place:abshar-district"),  # b/f
    ("Worsaj", "district:AF1813"),  # vowel variant of Warsaj
    ("Raghistan", "district:AF1714"),  # Raghestan
    ("Andrab", "district:AF0907"),  # a vowel dropped
    ("Onaba", "district:AF0805"),
    ("Anabe", "district:AF0805"),  # final -e for -a
    ("Jab al-Seraj", "place:jabal-saraj"),  # article particle, vowels
    ("Jabul-Saraj", "place:jabal-saraj"),  # particle glued to the word
    ("Pul-e-Hesar", "district:AF0912"),  # ezafe and hyphens
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


# matched only by likeness (no rule makes them equal): after a bare preposition a fuzzy match
# must be close; with a kind word after the name ("Shutur district") it is enough
FUZZY_ONLY = {"Shutur": "district", "Afshar": "district"}


@pytest.mark.parametrize(("spelling", "place_id"), SPELLED)
def test_spelling_resolves(gaz: Gazetteer, spelling: str, place_id: str) -> None:
    res = gaz.resolve(spelling)
    assert res.place is not None and res.place.id == place_id, (spelling, res)


@pytest.mark.parametrize(
    "spelling",
    [
        "Pandschir",
        "Penjir",
        "Panjhir",
        "Panshir",
        "Panchir",
        "Schutul",
        "Shutur",
        "Rukh",
        "Anabe",
        "Afshar",
    ],
)
def test_no_alias_lists_these_spellings(gaz: Gazetteer, spelling: str) -> None:
    assert not gaz.has_name(normalize(spelling))


@pytest.mark.parametrize(("spelling", "place_id"), SPELLED)
def test_spelling_found_in_a_sentence(gaz: Gazetteer, spelling: str, place_id: str) -> None:
    kind = FUZZY_ONLY.get(spelling)
    name = f"{spelling} {kind}" if kind else spelling
    text = f"Heavy fighting was reported in {name} on Friday, a local elder said."
    found = gaz.find_mentions(text)
    assert [m.text for m in found] == [spelling]
    assert found[0].resolution.place is not None and found[0].resolution.place.id == place_id


@pytest.mark.parametrize("spelling", sorted(FUZZY_ONLY))
def test_a_mere_likeness_after_a_preposition_is_not_enough(gaz: Gazetteer, spelling: str) -> None:
    assert gaz.find_mentions(f"Heavy fighting was reported in {spelling} on Friday.") == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Pandschir", "Panjshir"),
        ("Panjhir", "Panjshir"),
        ("Schutul", "Shutul"),
        ("Rukh", "Rukha"),
        ("Anabe", "Anaba"),
        ("Dzhankoi", "Jankoy"),
        ("Djalalabad", "Jalalabad"),
        ("Tschitral", "Chitral"),
        ("Panchir", "Panjshir"),
        ("Panshir", "Panjshir"),
        ("Charikar", "Tcharikar"),  # English and French ch names still meet
    ],
)
def test_rules_give_one_key(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Khinjan", "Khinj"),  # a Baghlan district is not the Panjshir one
        ("Bagrami", "Bagram"),  # a final -i makes another name
        ("Shinwari", "Shinwar"),
        ("Dara", "Dar"),  # short words keep their final vowel
    ],
)
def test_rules_keep_different_names_apart(a: str, b: str) -> None:
    assert match_key(a) != match_key(b)


def test_every_rule_has_an_id_and_an_example_it_satisfies() -> None:
    ids = [r.id for r in SPELLINGS]
    assert len(ids) == len(set(ids)) and all(i.startswith("T-") for i in ids)
    for rule in SPELLINGS:
        left, right = (s.strip() for s in rule.example.split("=")[:2])
        assert match_key(left) == match_key(right), rule
        assert re.compile(rule.pattern)  # a valid pattern


# ---------------------------------------------------------------------------- traps


def test_khinjan_is_the_baghlan_district_not_khinj(gaz: Gazetteer) -> None:
    khinjan, khinj = gaz.resolve("Khinjan").place, gaz.resolve("Khinj").place
    assert khinjan is not None and (khinjan.id, khinjan.province) == ("district:AF0906", "Baghlan")
    assert khinj is not None and (khinj.id, khinj.province) == ("district:AF0804", "Panjshir")
    found = gaz.find_mentions("The Taliban sent reinforcements from Khinjan towards Khinj.")
    assert [m.resolution.place.id for m in found] == ["district:AF0906", "district:AF0804"]  # type: ignore[union-attr]


KHOST_WA_FERENG = "district:AF0913"


@pytest.mark.parametrize(
    "query",
    [
        "Khost district of Baghlan",
        "the Khost district in Baghlan",
        "Khost, Baghlan province",
        "Khost district in Baghlan province",
    ],
)
def test_a_province_named_next_to_a_name_narrows_it(gaz: Gazetteer, query: str) -> None:
    res = gaz.resolve(query)
    assert res.place is not None and res.place.id == KHOST_WA_FERENG, res
    assert res.query == query
    assert gaz.resolve("Khost").place.id == "province:AF14"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "sentence",
    [
        "Clashes erupted in the Khost district of Baghlan on Sunday.",
        "Fighters gathered in the Khost district in Baghlan overnight.",
        "The group said it had taken Khost, Baghlan province, without a fight.",
    ],
)
def test_the_narrowing_works_in_running_text(gaz: Gazetteer, sentence: str) -> None:
    found = gaz.find_mentions(sentence)
    assert found[0].text == "Khost"
    assert found[0].resolution.place is not None
    assert found[0].resolution.place.id == KHOST_WA_FERENG
    assert [m.text for m in found][1:] == ["Baghlan"]


def test_a_list_is_not_a_name_and_its_province(gaz: Gazetteer) -> None:
    found = gaz.find_mentions("The resistance held Khinj, Bazarak and Rukha.")
    assert [m.resolution.place.province for m in found] == ["Panjshir"] * 3  # type: ignore[union-attr]


def test_banu_is_andarab(gaz: Gazetteer) -> None:
    res = gaz.resolve("Banu")
    assert res.place is not None and res.place.id == "district:AF0907"
    assert gaz.resolve("Banu district").place.id == "district:AF0907"  # type: ignore[union-attr]
    found = gaz.find_mentions("Fighting was reported in Banu, the centre of the district.")
    assert [m.resolution.place.id for m in found] == ["district:AF0907"]  # type: ignore[union-attr]
