"""Map building: places aggregated, data carried as JSON, article text never a template."""

from __future__ import annotations

import json
import re

import pytest
from streamlit_folium import _get_feature_group_string, _get_header, _get_map_string

from claims.ui.mapbuild import (
    DEFAULT_BOUNDS,
    MIXED,
    build_base_map,
    build_map,
    build_place_layer,
    claim_bounds,
    clicked_place_key,
    group_places,
    marker_size,
    place_payload,
    side_of,
    tiles_from_env,
)
from claims.ui.sample import make_claim, synthetic_claims

BAZARAK = dict(place="Bazarak", place_id="town:bazarak", lat=35.31, lon=69.51)
KHENJ = dict(
    place="Khenj",
    place_id="district:khenj",
    lat=35.43,
    lon=69.73,
    radius_km=18.0,
    place_precision="area",
)

HOSTILE = (
    "He said {{ 7*7 }} {% raw %} <script>window.__pwned=1</script> "
    '<img src=x onerror="window.__pwned=2"> </script><a href="javascript:alert(1)">x</a>'
)


def payload_of(html: str) -> list[dict]:
    match = re.search(r"var places = (\[.*?\]);\n", html, re.S)
    assert match, "no places payload in the map"
    return json.loads(match.group(1))


def test_group_places_one_group_per_place():
    claims = [
        make_claim(id="1", side="NRF", **BAZARAK),
        make_claim(id="2", side="NRF", date="2021-09-05", **BAZARAK),
        make_claim(id="3", side="Taliban", **KHENJ),
        make_claim(id="4", place=None),
    ]
    groups = group_places(claims)
    assert [(g.key, len(g.claims)) for g in groups] == [("town:bazarak", 2), ("district:khenj", 1)]
    assert [c.id for c in groups[0].claims] == ["2", "1"]  # newest first
    assert groups[0].side == "NRF" and not groups[0].is_area
    assert groups[1].is_area and groups[1].radius_km == 18.0


def test_places_without_id_group_by_point():
    claims = [make_claim(id=str(i), place_id=None, lat=35.0, lon=69.0) for i in range(3)]
    assert [len(g.claims) for g in group_places(claims)] == [3]


@pytest.mark.parametrize(
    ("sides", "expected"),
    [
        (["NRF"], "NRF"),
        (["NRF", "NRF"], "NRF"),
        (["NRF", "Taliban"], MIXED),
        (["weird"], "unknown"),
        (["unknown", "other"], MIXED),
    ],
)
def test_side_of(sides, expected):
    assert side_of([make_claim(side=s) for s in sides]) == expected


def test_undated_only_marks_place():
    groups = group_places(
        [
            make_claim(date=None, **BAZARAK),
            make_claim(date=None, **KHENJ),
            make_claim(id="x", date="2021-09-04", **KHENJ),
        ]
    )
    flags = {g.key: g.undated_only for g in groups}
    assert flags == {"town:bazarak": True, "district:khenj": False}


def test_payload_caps_quotes_and_counts_rest():
    claims = [make_claim(id=str(i), quote="q" * 500, **BAZARAK) for i in range(8)]
    (place,) = place_payload(group_places(claims), max_claims=5, quote_chars=100)
    assert place["n"] == 8 and place["more"] == 3 and len(place["claims"]) == 5
    assert len(place["claims"][0]["quote"]) == 100 and place["claims"][0]["quote"].endswith("…")
    assert place["radius_m"] is None


def test_area_place_has_radius_in_metres():
    (place,) = place_payload(group_places([make_claim(**KHENJ)]))
    assert place["radius_m"] == 18000 and place["precision"] == "area"


def test_marker_size_grows_and_is_capped():
    sizes = [marker_size(n) for n in (1, 2, 10, 100, 100000)]
    assert sizes == sorted(sizes) and sizes[0] == 18 and sizes[-1] == 40


def test_claim_bounds():
    assert claim_bounds([]) == DEFAULT_BOUNDS
    (s, w), (n, e) = claim_bounds([make_claim(**BAZARAK), make_claim(**KHENJ)])
    assert s <= 35.31 < 35.43 <= n and w <= 69.51 < 69.73 <= e
    (s, w), (n, e) = claim_bounds([make_claim(**BAZARAK)])
    assert n - s == pytest.approx(0.3) and e - w == pytest.approx(0.3)


def render(fmap) -> str:
    return fmap.get_root().render()


@pytest.mark.parametrize("field", ["quote", "claimant", "outlet", "place"])
def test_hostile_text_is_data_not_template_or_markup(field):
    claim = make_claim(**{**BAZARAK, field: HOSTILE})
    html = render(build_map([claim], tiles=None))  # would raise on "{% raw %}" if compiled
    for raw in ("<script>window.__pwned", "<img src=x", "{{ 7*7 }}", "{% raw %}", "<a href"):
        assert raw not in html
    (place,) = payload_of(html)
    shown = {
        "quote": place["claims"][0]["quote"],
        "claimant": place["claims"][0]["claimant"],
        "outlet": place["claims"][0]["outlet"],
        "place": place["name"],
    }[field]
    assert shown == " ".join(HOSTILE.split())  # verbatim, not evaluated ("49"), not stripped


def test_streamlit_folium_strings_keep_hostile_text_inert():
    claim = make_claim(quote=HOSTILE, **BAZARAK)
    base = build_base_map([claim], tiles=None)
    base.get_root().render()
    script = _get_map_string(base)
    layer = _get_feature_group_string(build_place_layer(group_places([claim])), base)
    assert "feature_group_feature_group_0" in layer
    assert "<script>" not in layer and "{{" not in layer and "{%" not in layer
    (place,) = payload_of(layer)
    assert place["claims"][0]["quote"] == " ".join(HOSTILE.split())
    assert "L.Icon.Default.imagePath" in script


def test_offline_map_uses_only_local_assets():
    fmap = build_map([make_claim(**BAZARAK)], tiles=None)
    html = render(fmap)
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert external == []
    assert "/app/static/vendor/leaflet/leaflet.js" in html
    assert "tile.openstreetmap.org" not in html
    assert "bootstrap" not in html.lower()
    header = _get_header(fmap)
    assert ".ca-marker" in header


def test_online_tiles_are_openstreetmap():
    html = render(build_map([make_claim(**BAZARAK)], tiles="OpenStreetMap"))
    assert "tile.openstreetmap.org" in html


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "OpenStreetMap"),
        ({"CLAIM_ATLAS_TILES": "none"}, None),
        ({"CLAIM_ATLAS_TILES": "OFF"}, None),
        ({"CLAIM_ATLAS_TILES": "osm"}, "OpenStreetMap"),
        (
            {"CLAIM_ATLAS_TILES": "http://127.0.0.1:9/{z}/{x}/{y}.png"},
            "http://127.0.0.1:9/{z}/{x}/{y}.png",
        ),
    ],
)
def test_tiles_from_env(env, expected):
    assert tiles_from_env(env) == expected


def test_map_has_outlines_legend_and_attribution():
    html = render(build_map([make_claim(**BAZARAK)], tiles=None))
    assert html.count('"type": "Feature"') + html.count('"type":"Feature"') >= 34
    assert "geoBoundaries" in html
    assert "Claims by side" in html


def test_payload_for_many_claims_stays_small():
    claims = synthetic_claims(10_000)
    base = build_base_map(claims, tiles=None)
    base.get_root().render()
    layer = _get_feature_group_string(build_place_layer(group_places(claims)), base)
    script = _get_map_string(base)
    assert len(layer) + len(script) < 2_000_000
    assert len(payload_of(layer)) == 60


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (None, None),
        ({}, None),
        ({"last_active_drawing": None}, None),
        (
            {"last_active_drawing": {"type": "Feature", "properties": {"key": "town:bazarak"}}},
            "town:bazarak",
        ),
        ({"last_active_drawing": {"type": "Feature", "properties": {"name": "x"}}}, None),
        ({"last_active_drawing": {"type": "Feature", "properties": {"key": 5}}}, None),
        ({"last_active_drawing": "junk"}, None),
    ],
)
def test_clicked_place_key(state, expected):
    assert clicked_place_key(state) == expected
