"""The world gazetteer: scoped resolution for two other conflicts, importance, common words,
evidence for places outside the scope, contexts, outlines, and the Afghan layer unchanged.
Reference points and their sources: ``world_reference.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from world_reference import REFERENCE, near

from geo import Mention, load_gazetteer
from geo.exc import UnknownContext, UnknownCountry
from geo.outlines import country_outlines, outline_codes
from geo.scope import ScopedGazetteer

REPO = Path(__file__).resolve().parent.parent
UA_RU = ("UA", "RU")
SD = ("SD",)


@pytest.fixture(scope="module")
def ua(world_index: Path) -> ScopedGazetteer:
    return load_gazetteer(countries=UA_RU)


@pytest.fixture(scope="module")
def sd(world_index: Path) -> ScopedGazetteer:
    return load_gazetteer(countries=SD)


# query, scope, reference point
RESOLVE = [
    ("Kharkiv", UA_RU, "Kharkiv"),
    ("Kharkov", UA_RU, "Kharkiv"),  # the Russian form
    ("Charkiw", UA_RU, "Kharkiv"),  # German
    ("Kupiansk", UA_RU, "Kupiansk"),
    ("Kupyansk", UA_RU, "Kupiansk"),
    ("Kupjansk", UA_RU, "Kupiansk"),
    ("Balakliia", UA_RU, "Balakliia"),  # the town, not the village of the same name
    ("Balakleya", UA_RU, "Balakliia"),
    ("Izium", UA_RU, "Izium"),
    ("Izyum", UA_RU, "Izium"),
    ("Kyiv", UA_RU, "Kyiv"),
    ("Kiev", UA_RU, "Kyiv"),
    ("Lyman", UA_RU, "Lyman"),  # the Donetsk town of 20,000 over a village of 4,000
    ("Bakhmut", UA_RU, "Bakhmut"),
    ("Artemivsk", UA_RU, "Bakhmut"),  # the Soviet name
    ("Kherson", UA_RU, "Kherson"),  # the city, not its oblast
    ("Belgorod", UA_RU, "Belgorod"),
    ("Omdurman", SD, "Omdurman"),
    ("Umm Durman", SD, "Omdurman"),
    ("El Fasher", SD, "El Fasher"),
    ("Al-Fashir", SD, "El Fasher"),
    ("al Fasher", SD, "El Fasher"),
    ("Nyala", SD, "Nyala"),
    ("Khartoum", SD, "Khartoum"),
    ("Wad Madani", SD, "Wad Madani"),
    ("Wad Medani", SD, "Wad Madani"),
    ("El Geneina", SD, "El Geneina"),
    ("Geneina", SD, "El Geneina"),
]


@pytest.mark.parametrize(("query", "scope", "ref"), RESOLVE)
def test_resolves_within_radius_of_reference(
    query: str, scope: tuple[str, ...], ref: str, world_index: Path
) -> None:
    res = load_gazetteer(countries=scope).resolve(query)
    assert res.resolved, (query, res.reason, res.candidates)
    assert near(res.place, ref), (query, res.place, REFERENCE[ref])


@pytest.mark.parametrize(("query", "scope", "ref"), RESOLVE[:6] + RESOLVE[17:21])
def test_upper_case_and_possessive_resolve_alike(
    query: str, scope: tuple[str, ...], ref: str, world_index: Path
) -> None:
    gaz = load_gazetteer(countries=scope)
    assert near(gaz.resolve(query.upper()).place, ref)
    assert near(gaz.resolve(f"{query}'s").place, ref)


def test_the_places_carry_country_division_and_attribution(ua: ScopedGazetteer) -> None:
    p = ua.resolve("Kupiansk").place
    assert p is not None
    assert (p.country, p.kind, p.province) == ("UA", "town", "Kharkivska oblast")
    assert p.id.startswith("geonames:") and "GeoNames" in p.source and "CC BY 4.0" in p.source
    assert p.population > 10_000 and p.precision == "point"
    assert ua.get(p.id) == p


@pytest.mark.parametrize(
    ("query", "kind", "province"),
    [
        ("Kharkiv Oblast", "province", "Kharkivska oblast"),
        ("Kharkiv region", "province", "Kharkivska oblast"),  # "region" asks for the division
        ("Kharkiv", "city", "Kharkivska oblast"),  # the city over its namesake division
        ("Belgorod Oblast", "province", "Belgorodskaya oblast'"),
        ("Donetsk region", "province", "Donetska oblast"),
    ],
)
def test_divisions_and_their_capitals(
    ua: ScopedGazetteer, query: str, kind: str, province: str
) -> None:
    p = ua.resolve(query).place
    assert p is not None and (p.kind, p.province) == (kind, province)


@pytest.mark.parametrize(
    ("query", "kind", "province"),
    [("Gezira state", "province", "Gezira"), ("North Darfur", "province", "North Darfur")],
)
def test_sudan_states(sd: ScopedGazetteer, query: str, kind: str, province: str) -> None:
    p = sd.resolve(query).place
    assert p is not None and (p.kind, p.province, p.country) == (kind, province, "SD")


def test_comparable_namesakes_are_ambiguous(ua: ScopedGazetteer) -> None:
    # two Ukrainian villages called Ivanivka, none much bigger than the others
    res = ua.resolve("Ivanivka")
    assert not res.resolved and res.reason == "ambiguous"
    assert all("UA" in c for c in res.candidates) and len(res.candidates) >= 2


def test_scope_first_then_an_explicit_country(ua: ScopedGazetteer) -> None:
    assert ua.resolve("Bar").place.country == "UA"  # type: ignore[union-attr]
    montenegro = ua.resolve("Bar, Montenegro").place
    assert montenegro is not None and montenegro.country == "ME"
    assert ua.resolve("Bar", "Montenegro").place.country == "ME"  # type: ignore[union-attr]
    assert ua.resolve("Izium", "Kharkiv Oblast").place.province == "Kharkivska oblast"  # type: ignore[union-attr]


@pytest.mark.parametrize("word", ["Said", "Now", "Police", "Victory", "Mobile"])
def test_a_common_word_is_never_a_village(ua: ScopedGazetteer, word: str) -> None:
    res = ua.resolve(word)
    assert res.place is None or res.place.kind != "village", res
    assert ua.find_mentions(f"{word} the army said it held the line.") == []


def test_a_places_own_name_beats_an_old_name_of_a_bigger_one(sd: ScopedGazetteer) -> None:
    """ "Islamabad" is also a former name of Chattogram, four times bigger: the capital that
    bears the name wins; an alternate name still wins when its place is far bigger ("Kiev")."""
    islamabad = sd.resolve("Islamabad").place
    assert islamabad is not None and (islamabad.name, islamabad.country) == ("Islamabad", "PK")
    kyiv = sd.resolve("Kiev").place
    assert kyiv is not None and (kyiv.name, kyiv.country) == ("Kyiv", "UA")


def test_a_bare_name_outside_the_scope_resolves_when_typed(sd: ScopedGazetteer) -> None:
    kyiv = sd.resolve("Kharkiv").place  # a query is its own evidence
    assert kyiv is not None and kyiv.country == "UA"
    assert not sd.resolve("Zzyzxabad").resolved


def test_unknown_scope_and_context_are_clear_errors(world_index: Path) -> None:
    with pytest.raises(UnknownCountry, match="'XX'"):
        load_gazetteer(countries=("UA", "XX"))
    with pytest.raises(UnknownContext, match="unknown province"):
        load_gazetteer(countries=UA_RU).resolve("Izium", "Atlantis")


# --------------------------------------------------------------------- running text


def spans(mentions: list[Mention]) -> list[tuple[str, str | None]]:
    return [(m.text, m.resolution.place.country if m.resolution.place else None) for m in mentions]


MENTIONS = [
    (
        UA_RU,
        "Ukrainian forces retook Balakliia and pushed on towards Kupiansk, officials in the "
        "Kharkiv region said.",
        [("Balakliia", "Balakliia"), ("Kupiansk", "Kupiansk"), ("Kharkiv", None)],
    ),
    (
        UA_RU,
        "Russia's defence ministry said troops near Izium were regrouping.",
        [("Russia", None), ("Izium", "Izium")],
    ),
    (
        UA_RU,
        "Shelling hit Kherson and Lyman overnight.",
        [("Kherson", "Kherson"), ("Lyman", "Lyman")],
    ),
    (
        SD,
        "Drone strikes hit al-Fashir and Nyala overnight.",
        [("al-Fashir", "El Fasher"), ("Nyala", "Nyala")],
    ),
    (SD, "The Omdurman-based radio station fell silent.", [("Omdurman", "Omdurman")]),
    (
        SD,
        "Refugees fled El Geneina for Adre, Chad.",
        [("El Geneina", "El Geneina"), ("Adre", "Adre"), ("Chad", None)],
    ),
    (
        SD,
        "Fighting reached Wad Madani, the capital of Gezira state.",
        [("Wad Madani", "Wad Madani"), ("Gezira state", None)],
    ),
]


@pytest.mark.parametrize(("scope", "text", "expected"), MENTIONS)
def test_mentions_in_running_text(
    scope: tuple[str, ...], text: str, expected: list[tuple[str, str | None]], world_index: Path
) -> None:
    found = load_gazetteer(countries=scope).find_mentions(text)
    assert [m.text for m in found] == [e[0] for e in expected]
    for m, (_, ref) in zip(found, expected, strict=True):
        assert m.resolution.resolved and text[m.start : m.end] == m.text
        if ref is not None:
            assert near(m.resolution.place, ref), (m.text, m.resolution.place)


def test_outside_the_scope_only_with_the_country_named(sd: ScopedGazetteer) -> None:
    # Adré is in Chad: without Chad in the sentence it is no mention
    assert spans(sd.find_mentions("Refugees reached Adre on foot.")) == []
    assert ("Adre", "TD") in spans(sd.find_mentions("Refugees reached Adre in Chad on foot."))
    # the evidence is the sentence, not the article
    text = "Talks began in Jeddah, Saudi Arabia. Later, delegates flew to Jeddah again."
    assert spans(sd.find_mentions(text)) == [("Jeddah", "SA"), ("Saudi Arabia", "SA")]


def test_person_names_and_words_are_not_places(ua: ScopedGazetteer) -> None:
    text = "Vladimir Putin said the Bar association met. Now Said Ahmed spoke in Bar."
    assert spans(ua.find_mentions(text)) == [("Bar", "UA")]  # only the one after "in"
    assert spans(ua.find_mentions("A rally in Vladimir drew crowds.")) == [("Vladimir", "RU")]


def test_titles_after_a_place_keep_it(ua: ScopedGazetteer) -> None:
    found = spans(ua.find_mentions("Kharkiv Governor Oleh Syniehubov said two people died."))
    assert found == [("Kharkiv", "UA")]


# ------------------------------------------------------------------- the Afghan layer


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        ("Khinj", "district:AF0804"),  # the Panjshir district, not a namesake elsewhere
        ("Bazarak", "place:bazarak"),
        ("Panjshir Valley", "place:panjshir-valley"),
        ("Kabul", "place:kabul"),
        ("Khinjan", "district:AF0906"),
        ("Pul-i-Khumri", "district:AF0901"),
    ],
)
def test_afghan_names_resolve_as_before_in_the_afghan_scope(
    query: str, place_id: str, world_index: Path
) -> None:
    national = load_gazetteer().resolve(query)
    scoped = load_gazetteer(countries=("AF",)).resolve(query)
    assert national.place is not None and national.place.id == place_id
    assert scoped.place == national.place


def test_the_default_gazetteer_is_the_curated_layer_unchanged() -> None:
    gaz = load_gazetteer()
    assert not isinstance(gaz, ScopedGazetteer)
    assert all(p.country is None for p in gaz.places)
    assert not gaz.resolve("Kharkiv").resolved  # no world layer unless a scope asks for it


def test_afghan_text_gives_the_same_mentions_in_the_afghan_scope(world_index: Path) -> None:
    text = (
        "Taliban fighters entered Bazarak and the Khinj district of Panjshir on Monday, while "
        "the resistance said it still held Rukha, Anaba and the Panjshir Valley."
    )
    national = [(m.text, m.resolution.place) for m in load_gazetteer().find_mentions(text)]
    scoped = [(m.text, m.resolution.place) for m in load_gazetteer(("AF",)).find_mentions(text)]
    assert scoped == national and len(national) == 6


def test_a_foreign_country_named_in_afghan_text_is_a_country(world_index: Path) -> None:
    found = load_gazetteer(("AF",)).find_mentions("Fighters fled from Khinj to Tajikistan.")
    assert [(m.text, m.resolution.place.kind) for m in found] == [  # type: ignore[union-attr]
        ("Khinj", "district"),
        ("Tajikistan", "country"),
    ]


# ---------------------------------------------------------------------------- outlines


def test_outlines_are_geojson_features_of_the_codes_asked() -> None:
    fc = country_outlines(["ua", "RU", "SD"])
    assert fc["type"] == "FeatureCollection" and "Natural Earth" in fc["attribution"]
    assert [f["properties"]["code"] for f in fc["features"]] == ["UA", "RU", "SD"]
    for f in fc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] in ("Polygon", "MultiPolygon")
        ring = f["geometry"]["coordinates"][0]
        ring = ring[0] if f["geometry"]["type"] == "MultiPolygon" else ring
        assert ring[0] == ring[-1] and len(ring) >= 4  # closed linear rings (RFC 7946)
    fc["features"].clear()
    assert len(country_outlines(["UA"])["features"]) == 1  # callers get copies


def test_outlines_cover_the_reference_points() -> None:
    from shapely.geometry import Point, shape

    ua = shape(country_outlines(["UA"])["features"][0]["geometry"])
    sd = shape(country_outlines(["SD"])["features"][0]["geometry"])
    for name in ("Kharkiv", "Kupiansk", "Balakliia", "Kyiv"):
        lat, lon, *_ = REFERENCE[name]
        assert ua.contains(Point(lon, lat)), name
    for name in ("Omdurman", "El Fasher", "Nyala"):
        lat, lon, *_ = REFERENCE[name]
        assert sd.contains(Point(lon, lat)), name


def test_unknown_outline_codes_are_named() -> None:
    assert {"AF", "UA", "RU", "SD", "TD"} <= set(outline_codes())
    with pytest.raises(UnknownCountry, match="'XX'"):
        country_outlines(["UA", "XX"])


# ------------------------------------------------------------------------------- CLI


def test_cli_resolves_the_issue_examples(world_index: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIM_ATLAS_")}
    env.update(XDG_CACHE_HOME=str(tmp_path), CLAIM_ATLAS_WORLD_INDEX=str(world_index))
    names = ["Kharkiv", "Kupiansk", "Balakliia", "Omdurman", "El Fasher"]
    proc = subprocess.run(
        [sys.executable, "-m", "geo", "resolve", *names],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["query"] for r in rows] == names
    for row, name in zip(rows, names, strict=True):
        assert near(type("P", (), row), name), row
        assert row["country"] in ("UA", "SD") and row["population"] > 0


def test_reference_sources_are_recorded() -> None:
    assert all(src for *_, src in REFERENCE.values())


def test_one_country_read_alone_is_the_same_as_from_the_whole_file() -> None:
    from geo import outlines

    for code in outline_codes():
        assert outlines._one(code) == outlines._collection()[code], code
    assert outlines._one("XX") is None
    with pytest.raises(UnknownCountry):
        country_outlines(["af", "XX"])
    assert [f["id"] for f in country_outlines(["af", "UA"])["features"]] == ["AF", "UA"]
