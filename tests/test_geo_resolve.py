"""Gazetteer data and name resolution: spelling table, seeds, ambiguity, context."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from geo import GeoError, Place, Resolution, load_gazetteer
from geo.exc import UnknownContext, UnknownPlaceId
from geo.gazetteer import AMBIGUOUS, NO_MATCH, Gazetteer, read_places, read_provinces
from geo.model import BBox, Province

DATA = Path(__file__).resolve().parent.parent / "geo" / "data"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


# query -> expected place id. Many of these spellings are NOT in the alias lists.
SPELLINGS = [
    ("Anabah", "place:anabah"),  # the village (approximate: district point)
    ("Anaba", "district:AF0805"),
    ("Onabah", "district:AF0805"),
    ("Unaba", "district:AF0805"),
    ("Unabah district", "district:AF0805"),
    ("Anabah village", "place:anabah"),
    ("Onaaba", "district:AF0805"),
    ("Dasht-e Rewat", "place:dasht-e-rewat"),
    ("Dasht-e Riwat", "place:dasht-e-rewat"),
    ("Dashte Rewat", "place:dasht-e-rewat"),
    ("Dashte Rewak", "place:dasht-e-rewat"),
    ("Dasht-e-Rivet", "place:dasht-e-rewat"),
    ("Dasht-i Rewat", "place:dasht-e-rewat"),
    ("Dasht e Rewaat area", "place:dasht-e-rewat"),
    ("Khenj", "district:AF0804"),
    ("Khinj", "district:AF0804"),
    ("Khinj District", "district:AF0804"),
    ("Hissa-e-Awal", "district:AF0804"),
    ("Hisa-i-Awal", "district:AF0804"),
    ("Bāzārak", "place:bazarak"),
    ("BAZARAK", "place:bazarak"),
    ("Bazaraak", "place:bazarak"),
    ("Bazarak district", "district:AF0801"),
    ("Paryan", "district:AF0807"),
    ("Paryaan", "district:AF0807"),
    ("Parian district", "district:AF0807"),
    ("Kotal-e Khawak", "place:khawak-pass"),
    ("Khawak pass", "place:khawak-pass"),
    ("Khawak Pass", "place:khawak-pass"),
    ("Khaawak", "place:khawak-pass"),
    ("Anjoman Pass", "place:anjuman-pass"),
    ("Anjuman Pass", "place:anjuman-pass"),
    ("Panjsher", "province:AF08"),
    ("Panjshir", "province:AF08"),
    ("Panjshir's", "province:AF08"),
    ("Panjshir’s", "province:AF08"),
    ("Panjshiir", "province:AF08"),
    ("Panjshir province", "province:AF08"),
    ("Panjshir Valley", "place:panjshir-valley"),
    ("the Panjshir valley", "place:panjshir-valley"),
    ("Panjsheer Valley", "place:panjshir-valley"),
    ("Panjshir River", "place:panjshir-river"),
    ("Shotul", "district:AF0806"),
    ("Shutul", "district:AF0806"),
    ("Rokha", "district:AF0802"),
    ("Rukhah", "district:AF0802"),
    ("Dara", "district:AF0803"),
    ("Kapisa province", "province:AF02"),
    ("Kāpīsā", "province:AF02"),
    ("Kabul", "place:kabul"),
    ("Kabul province", "province:AF01"),
    ("Kabol", "place:kabul"),
    ("Badakhshan", "province:AF17"),
    ("Badakshan", "province:AF17"),
    ("Hindu Kush", "place:hindu-kush"),
    ("Afghanistan", "country:AF"),
    ("Salang Pass", "place:salang-pass"),
    ("Kotal-e Salang", "place:salang-pass"),
    ("Jabal-us-Saraj", "place:jabal-saraj"),
    ("Gulbahar", "place:gulbahar"),
    ("Charikar", "place:charikar"),
    ("Abshar", "place:abshar-district"),
    ("Helmand", "province:AF30"),
    ("Herat", "province:AF32"),
    ("Kandhar", "province:AF27"),
    ("Andarab", "district:AF0907"),
    (f"Panjshir{NBSP}Valley", "place:panjshir-valley"),
    (f"Dasht-e{NBSP}Rewat", "place:dasht-e-rewat"),
    ("Dasht\u2011e\u2009Rewat", "place:dasht-e-rewat"),  # non-breaking hyphen, thin space
    ("  Khawak   pass  ", "place:khawak-pass"),
]


@pytest.mark.parametrize("upper", [False, True], ids=["as-is", "upper"])
@pytest.mark.parametrize(("query", "expected"), SPELLINGS)
def test_spelling_variants(gaz: Gazetteer, query: str, expected: str, upper: bool) -> None:
    q = query.upper() if upper else query
    r = gaz.resolve(q)
    assert r.resolved, (q, r.reason, r.candidates)
    assert r.place is not None and r.place.id == expected, (q, r.place)
    assert r.query == q


SEED_PLACES = [
    # every place named in the five seed articles, with the province it must lie in
    ("Panjshir", "Panjshir"),
    ("Panjshir Valley", "Panjshir"),
    ("Kabul", "Kabul"),
    ("Hindu Kush", None),
    ("Afghanistan", None),
    ("Khawak pass", "Panjshir"),
    ("Dashte Rewak", "Panjshir"),
    ("Dasht-e-Rivet", "Panjshir"),
    ("Bazarak", "Panjshir"),
    ("Kapisa", "Kapisa"),
    ("Anaba", "Panjshir"),
    ("Khinj", "Panjshir"),
    ("Unabah", "Panjshir"),
    ("Paryan", "Panjshir"),
    ("Anjuman Pass", "Badakhshan"),
    ("Badakhshan", "Badakhshan"),
]


@pytest.mark.parametrize(("query", "province"), SEED_PLACES)
def test_seed_places_resolve_inside_their_province(
    gaz: Gazetteer, query: str, province: str | None
) -> None:
    r = gaz.resolve(query)
    assert r.place is not None, (query, r.reason)
    p = r.place
    assert p.province == province
    box = gaz.context_box(province)[0] if province else gaz.country_bbox
    assert box is not None and box.contains(p.lat, p.lon), (query, p.lat, p.lon, box)


def test_danah_stays_unresolved_with_candidates(gaz: Gazetteer) -> None:
    r = gaz.resolve("Danah")
    assert not r.resolved and r.place is None
    assert r.reason == NO_MATCH
    assert 1 <= len(r.candidates) <= 5
    assert all(isinstance(c, str) and c for c in r.candidates)
    assert gaz.resolve("Danah", context="Panjshir").place is None


@pytest.mark.parametrize("query", ["Foo", "Xyzzyville", "Springfield", "Twitter", "Taliban"])
def test_unknown_names_are_unresolved_never_zero(gaz: Gazetteer, query: str) -> None:
    r = gaz.resolve(query)
    assert r.place is None and r.reason == NO_MATCH
    assert len(r.candidates) <= 5
    assert r.to_json() == {
        "query": query,
        "unresolved": True,
        "reason": NO_MATCH,
        "candidates": list(r.candidates),
    }


@pytest.mark.parametrize("query", ["", "   ", "---", "'s"])
def test_empty_names(gaz: Gazetteer, query: str) -> None:
    r = gaz.resolve(query)
    assert not r.resolved and r.reason


def test_same_name_in_two_provinces_is_ambiguous_unless_context(gaz: Gazetteer) -> None:
    r = gaz.resolve("Arghandab")
    assert r.reason == AMBIGUOUS and not r.resolved
    assert len(r.candidates) == 2 and all("Arghandab" in c for c in r.candidates)
    z = gaz.resolve("Arghandab", context="Zabul")
    k = gaz.resolve("Arghandab", context="Kandahar")
    assert z.place is not None and z.place.province == "Zabul"
    assert k.place is not None and k.place.province == "Kandahar"


def test_context_as_box_prefers_inside(gaz: Gazetteer) -> None:
    zabul = gaz.context_box("Zabul")[0]
    assert zabul is not None
    r = gaz.resolve("Arghandab", context=(zabul.south, zabul.west, zabul.north, zabul.east))
    assert r.place is not None and r.place.province == "Zabul"
    r = gaz.resolve("Arghandab", context=zabul)
    assert r.place is not None and r.place.province == "Zabul"


def test_context_is_a_preference_not_a_filter(gaz: Gazetteer) -> None:
    r = gaz.resolve("Kabul", context="Panjshir")
    assert r.place is not None and r.place.id == "place:kabul"


@pytest.mark.parametrize("bad", ["Atlantis", (1.0, 2.0)])
def test_bad_context_raises(gaz: Gazetteer, bad: object) -> None:
    with pytest.raises(UnknownContext) as ei:
        gaz.resolve("Kabul", context=bad)  # type: ignore[arg-type]
    assert isinstance(ei.value, GeoError) and isinstance(ei.value, ValueError)


def test_get_and_unknown_id(gaz: Gazetteer) -> None:
    assert gaz.get("district:AF0804").name == "Khenj"
    with pytest.raises(UnknownPlaceId) as ei:
        gaz.get("district:NOPE")
    assert isinstance(ei.value, KeyError) and isinstance(ei.value, GeoError)
    assert "district:NOPE" in str(ei.value)


def test_resolution_json_contract(gaz: Gazetteer) -> None:
    r = gaz.resolve("Khinj")
    assert r.resolved and r.score == 100.0 and r.method == "exact"
    assert list(r.to_json()) == [
        "query",
        "name",
        "id",
        "kind",
        "lat",
        "lon",
        "radius_km",
        "province",
        "approximate",
        "source",
    ]
    assert r.to_json()["id"] == "district:AF0804"


def test_precision_and_approximate(gaz: Gazetteer) -> None:
    assert gaz.get("place:khawak-pass").precision == "point"
    assert gaz.get("place:bazarak").precision == "point"
    dasht = gaz.get("place:dasht-e-rewat")
    assert dasht.approximate and dasht.precision == "area"
    assert (dasht.lat, dasht.lon) == (
        gaz.get("district:AF0804").lat,
        gaz.get("district:AF0804").lon,
    )
    assert gaz.get("province:AF08").precision == "area"


# -- the shipped data ----------------------------------------------------------------------


def test_data_counts_and_kinds(gaz: Gazetteer) -> None:
    kinds = [p.kind for p in gaz.places]
    assert kinds.count("province") == 34
    assert sum(p.id.startswith("district:AF") for p in gaz.places) == 399
    assert kinds.count("country") == 1
    assert len(gaz.provinces) == 34
    allowed = {
        "country",
        "province",
        "district",
        "city",
        "town",
        "village",
        "pass",
        "valley",
        "range",
        "locality",
        "river",
    }
    assert set(kinds) <= allowed


def test_every_point_inside_its_province_box(gaz: Gazetteer) -> None:
    boxes = {p.name: p.bbox for p in gaz.provinces}
    bad = [
        p.id
        for p in gaz.places
        if not (boxes[p.province] if p.province else gaz.country_bbox).contains(p.lat, p.lon)
    ]
    assert bad == []


def test_danah_not_in_data_and_no_meaningless_aliases(gaz: Gazetteer) -> None:
    for p in gaz.places:
        names = {p.name.casefold(), *(a.casefold() for a in p.aliases)}
        assert "danah" not in names
        assert not names & {"centre", "center", "markaz", "markaz (centre)"}, p.id
        assert all(not a.startswith(("COD-AB", "IEC ")) for a in p.aliases), p.id


def test_panjshir_spellings_are_aliases(gaz: Gazetteer) -> None:
    p = gaz.get("province:AF08")
    assert p.name == "Panjshir" and "Panjsher" in p.aliases


def test_radii_by_kind(gaz: Gazetteer) -> None:
    for p in gaz.places:
        assert p.radius_km > 0
        if p.kind == "pass":
            assert p.radius_km <= 5
        if p.kind in ("town", "village") and not p.approximate:
            assert p.radius_km <= 8


def test_attribution_file_covers_sources() -> None:
    text = (DATA / "ATTRIBUTION.md").read_text(encoding="utf-8")
    for needle in (
        "AGCHO",
        "OCHA COD-AB",
        "geoBoundaries",
        "AFG-ADM1-12653393",
        "Public Domain",
        "GeoNames",
    ):
        assert needle in text
    assert (DATA / "afg_provinces_simplified.topojson").stat().st_size > 10_000


def test_data_loaders_report_bad_files(tmp_path: Path) -> None:
    bad = tmp_path / "g.csv"
    bad.write_text(
        "id,name,kind,lat,lon,radius_km,province,approximate,aliases,source\n"
        "x,X,town,notanumber,1,1,,false,,s\n",
        encoding="utf-8",
    )
    with pytest.raises(GeoError, match=r"g\.csv:2"):
        read_places(bad)
    with pytest.raises(GeoError, match="cannot read"):
        read_provinces(tmp_path / "missing.csv")


def test_gazetteer_from_small_custom_data() -> None:
    prov = Province("X1", "Alpha", 10.0, 10.0, 50.0, BBox(9, 9, 11, 11))
    places = [
        Place("a", "Alpha", "province", 10, 10, 50, "Alpha", False, (), "t"),
        Place("b", "Karez", "village", 10.1, 10.1, 1, "Alpha", False, ("Kareez",), "t"),
        Place("c", "Kariz", "village", 10.9, 10.9, 1, "Alpha", False, (), "t"),
    ]
    g = Gazetteer(places, [prov])
    assert g.resolve("Kareez").place == places[1]
    assert g.resolve("Kaarez").place == places[1]  # same key, closer spelling
    # two different places equally close: ambiguous, not a guess
    r = g.resolve("Karoz")
    assert isinstance(r, Resolution)
    assert r.place is None and r.reason == AMBIGUOUS, r
    assert set(r.candidates) == {"Karez (Alpha village)", "Kariz (Alpha village)"}
    # the same two names 1 km apart are one place seen twice: no ambiguity
    near = [
        places[0],
        places[1],
        Place("c", "Kariz", "village", 10.1, 10.105, 1, "Alpha", False, (), "t"),
    ]
    assert Gazetteer(near, [prov]).resolve("Karoz").resolved


def test_shipped_csv_is_well_formed() -> None:
    with (DATA / "gazetteer.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["approximate"] in ("true", "false") for r in rows)
    assert all(r["source"] for r in rows)
