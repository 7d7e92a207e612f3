"""The matching normaliser: table of cases and property tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.normalize import match_key, normalize, phonetic_key, strip_generic

NORMALIZE = [
    ("Bāzārak", "bazarak"),
    ("BAZARAK", "bazarak"),
    ("Dasht-e-Rivet", "dasht e rivet"),
    ("Dasht\u00a0e\u2009Rewat", "dasht e rewat"),
    ("Dasht\u2011e Rewat", "dasht e rewat"),
    ("‘Unābah", "unabah"),
    ("Panjshir's", "panjshir"),
    ("Panjshir’s", "panjshir"),
    ("  Khawak \t pass ", "khawak pass"),
    ("Andżoman", "andzoman"),
    ("Maḩmūd-e Rāqī", "mahmud e raqi"),
    ("Łódź", "lodz"),
    ("پنجشیر", "پنجشیر"),
    ("", ""),
    ("---", ""),
]


@pytest.mark.parametrize(("raw", "expected"), NORMALIZE)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected
    assert normalize(raw.upper()) == expected


@pytest.mark.parametrize(
    ("norm", "core", "hint"),
    [
        ("khinj district", "khinj", "district"),
        ("unabah districts", "unabah", "district"),
        ("kotal e khawak", "khawak", "pass"),
        ("the panjshir valley", "panjshir", "valley"),
        ("kapisa province", "kapisa", "province"),
        ("danah area", "danah", None),
        ("anabah village", "anabah", "village"),
        ("pass", "pass", None),
        ("the pass", "pass", None),
    ],
)
def test_strip_generic(norm: str, core: str, hint: str | None) -> None:
    assert strip_generic(norm) == (core, hint)


SAME_KEY = [
    ("Unabah", "Anaba", "Onaba", "Anabah", "Onabah", "Unaba"),
    ("Khinj", "Khenj"),
    ("Dasht-e Rewat", "Dashte Rewat", "Dasht-i Rewat", "Dasht e Rewat", "Dasht-e-Rewat"),
    ("Bazarak", "Bazaraak", "Bāzārak", "Bazzarak"),
    ("Paryan", "Paryaan", "Parian"),
    ("Shutul", "Shotul", "Shotol"),
    ("Rukha", "Rokha", "Rukhah"),
    ("Panjshir", "Panjsher", "Panjsheer", "Panjshar"),
    ("Parwan", "Parvan"),
    ("Qalat", "Kalat"),
    ("Khawak", "Hawak"),
    ("Jabal Saraj", "Jabal-e Saraj", "Jabalsaraj"),
]


@pytest.mark.parametrize("group", SAME_KEY, ids=lambda g: g[0])
def test_phonetic_key_groups_variants(group: tuple[str, ...]) -> None:
    keys = {match_key(v) for v in group} | {match_key(v.upper()) for v in group}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    ("a", "b"), [("Khinj", "Khinjan"), ("Kabul", "Kapisa"), ("Balkh", "Bal"), ("Dara", "Dur")]
)
def test_phonetic_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert match_key(a) != match_key(b)


@settings(max_examples=2000, deadline=None)
@given(st.text(max_size=40))
def test_normalize_idempotent_and_total(s: str) -> None:
    once = normalize(s)
    assert normalize(once) == once
    assert once == once.strip() and "  " not in once
    core, _ = strip_generic(once)
    assert isinstance(phonetic_key(core), str)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from("aeiouykhqvwzsrtdnbl- 'āÉ\u00a0ʿ"), max_size=25))
def test_keys_of_latin_names_are_stable(s: str) -> None:
    k = match_key(s)
    assert match_key(s.upper()) == k
    assert match_key(normalize(s)) == k


def test_a_gorge_is_a_valley() -> None:
    from geo import load_gazetteer

    res = load_gazetteer().resolve("Panjshir Gorge")
    assert res.place is not None and res.place.name == "Panjshir Valley"
