"""The map: data carried as JSON to static/atlas/map.js, article text never a template or markup
(atlas.mapdata, atlas.mapbuild, atlas.settings.tiles)."""

from __future__ import annotations

import json
import re

import pytest
from streamlit_folium import _get_feature_group_string, _get_header, _get_map_string

from atlas import assets
from atlas.mapbuild import build_base_map, build_map, build_place_layer, clicked_place
from atlas.mapdata import layer_data, marker_size, place_payload
from atlas.palette import default_palette
from atlas.places import group_places
from atlas.sample import make_claim, synthetic_claims
from atlas.settings import OSM_URL, Tiles, tiles

BAZARAK = dict(place="Bazarak", place_id="town:bazarak", lat=35.31, lon=69.51)
KHENJ = dict(place="Khenj", place_id="district:khenj", lat=35.43, lon=69.73, radius_km=18.0,
             place_precision="area")  # fmt: skip
HOSTILE = (
    "He said {{ 7*7 }} {% raw %} <script>window.__pwned=1</script> "
    '<img src=x onerror="window.__pwned=2"> </script><a href="javascript:alert(1)">x</a>'
)
PALETTE = default_palette()


def call_data(text: str, function: str) -> dict:
    match = re.search(rf"ClaimAtlas\.{function}\([\w]+, (\{{.*?\}})\);", text, re.S)
    assert match, f"no ClaimAtlas.{function} call in the map"
    return json.loads(match.group(1))


def render(fmap) -> str:
    return fmap.get_root().render()


def test_payload_per_place():
    claims = [make_claim(id="1", side="NRF", **BAZARAK),
              make_claim(id="2", side="Taliban", date=None, **BAZARAK),
              make_claim(id="3", side="NRF", **KHENJ)]  # fmt: skip
    bazarak, khenj = place_payload(group_places(claims), PALETTE, disputed={"town:bazarak"})
    assert bazarak["side"] == "mixed" and bazarak["n"] == 2
    assert bazarak["segments"] == [["NRF", 1], ["Taliban", 1]]  # the profile's order
    assert bazarak["disputed"] is True and khenj["disputed"] is False
    assert bazarak["radius_m"] is None and khenj["radius_m"] == 18000
    assert bazarak["dating"] == "dated"
    assert bazarak["tip"][0] == "2 claims: National Resistance Front 1, Taliban 1"
    assert "disputed" in bazarak["aria"]
    assert "quote" not in json.dumps(bazarak)  # the tooltip is short: details are in the panel


def test_dating_marks():
    (undated,) = place_payload(group_places([make_claim(date=None)]), PALETTE)
    (reported,) = place_payload(group_places([make_claim(reported_by="2021-09-05")]), PALETTE)
    assert undated["dating"] == "undated" and reported["dating"] == "reported"
    assert "report dates only" in " ".join(reported["tip"])


def test_marker_size_grows_and_is_capped():
    sizes = [marker_size(n) for n in (1, 2, 10, 100, 100000)]
    assert sizes == sorted(sizes) and sizes[0] == 22 and sizes[-1] == 40


@pytest.mark.parametrize("field", ["quote", "claimant", "outlet", "place"])
def test_hostile_text_is_data_not_template_or_markup(field):
    claim = make_claim(**{**BAZARAK, field: HOSTILE})
    html = render(build_map([claim], tiles=None))  # would raise on "{% raw %}" if compiled
    for raw in ("<script>window.__pwned", "<img src=x", "{{ 7*7 }}", "{% raw %}", "<a href"):
        assert raw not in html
    (place,) = call_data(html, "places")["places"]
    if field == "place":
        assert place["name"] == HOSTILE  # verbatim, not evaluated ("49"), not stripped


def test_streamlit_folium_strings_keep_hostile_text_inert():
    claim = make_claim(place="{{ 7*7 }} <script>x</script>", place_id="p:1", lat=35.3, lon=69.5)
    base = build_base_map([claim], tiles=None)
    base.get_root().render()
    script = _get_map_string(base)
    layer = _get_feature_group_string(build_place_layer(group_places([claim])), base)
    assert "feature_group_feature_group_0" in layer
    assert "<script>" not in layer and "{{" not in layer and "{%" not in layer
    assert call_data(layer, "places")["places"][0]["name"] == claim.place
    assert "ClaimAtlas.setup(" in script


def test_python_writes_no_javascript_beyond_the_calls():
    base = build_base_map([make_claim(**BAZARAK)], tiles=None)
    base.get_root().render()
    layer = _get_feature_group_string(build_place_layer(group_places([make_claim()])), base)
    body = re.sub(r"ClaimAtlas\.places\([\w]+, \{.*?\}\);", "", layer, flags=re.S)
    for js in ("function", "L.marker", "L.divIcon", "addEventListener"):
        assert js not in body
    assert ".ca-" not in _get_header(base)  # our CSS is static/atlas/map.css


def test_offline_map_uses_only_local_assets():
    fmap = build_map([make_claim(**BAZARAK)], tiles=None)
    html = render(fmap)
    assert re.findall(r'(?:src|href)="(https?://[^"]+)"', html) == []
    assert assets.MAP_SCRIPT in html and assets.MAP_STYLES in html
    assert "leaflet/leaflet.js" not in html and "jquery" not in html  # one bundled script
    assert "tile.openstreetmap.org" not in html and "bootstrap" not in html.lower()


def test_online_tiles_are_openstreetmap_with_credit():
    html = render(build_map([make_claim(**BAZARAK)], tiles=tiles({})))
    assert "tile.openstreetmap.org" in html and "OpenStreetMap" in html


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, OSM_URL),
        ({"CLAIM_ATLAS_TILES": "none"}, None),
        ({"CLAIM_ATLAS_TILES": "OFF"}, None),
        ({"CLAIM_ATLAS_TILES": "osm"}, OSM_URL),
        ({"CLAIM_ATLAS_TILES": "http://127.0.0.1:9/{z}/{x}/{y}.png"},
         "http://127.0.0.1:9/{z}/{x}/{y}.png"),
    ],
)  # fmt: skip
def test_tiles_setting(env, expected):
    got = tiles(env)
    assert (got.url if got else None) == expected


def test_custom_tile_credit_is_escaped():
    got = tiles({"CLAIM_ATLAS_TILES": "http://x/{z}/{x}/{y}.png",
                 "CLAIM_ATLAS_TILES_ATTRIBUTION": "<b>Mine</b>"})  # fmt: skip
    assert got == Tiles("http://x/{z}/{x}/{y}.png", "&lt;b&gt;Mine&lt;/b&gt;")


def test_base_map_has_outlines_labels_legend_and_palette():
    html = render(build_map([make_claim(**BAZARAK)], tiles=None))
    setup = call_data(html, "setup")
    assert len(setup["outlines"]["features"]) == 34
    names = {row[0] for row in setup["labels"]}
    assert {"Panjshir", "Parwan", "Bazarak", "Charikar"} <= names
    assert "geoBoundaries" in setup["attribution"]
    assert setup["palette"]["NRF"]["fill"] == "#009E73"  # from the profile
    assert setup["sides"] == ["NRF", "Taliban", "other", "unknown"]
    assert setup["strings"]["tilesFailed"] == "Map tiles unavailable — showing outlines"


def test_layer_data_carries_the_selection():
    groups = group_places([make_claim(**BAZARAK)])
    data = layer_data(groups, PALETTE, selected="town:bazarak")
    assert data["selected"] == "town:bazarak" and data["places"][0]["key"] == "town:bazarak"


def test_payload_for_many_claims_stays_small():
    claims = synthetic_claims(10_000)
    base = build_base_map(claims, tiles=None)
    base.get_root().render()
    layer = _get_feature_group_string(build_place_layer(group_places(claims)), base)
    script = _get_map_string(base)
    assert len(layer) + len(script) < 2_000_000
    assert len(call_data(layer, "places")["places"]) == 60


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (None, None),
        ({}, None),
        ({"last_active_drawing": None}, None),
        ({"last_active_drawing": {"properties": {"key": "town:bazarak", "seq": 7}}},
         ("town:bazarak", 7)),
        ({"last_active_drawing": {"properties": {"key": "town:bazarak"}}}, ("town:bazarak", 0)),
        ({"last_active_drawing": {"properties": {"key": "k", "seq": True}}}, ("k", 0)),
        ({"last_active_drawing": {"type": "Feature", "properties": {"name": "x"}}}, None),
        ({"last_active_drawing": {"type": "Feature", "properties": {"key": 5}}}, None),
        ({"last_active_drawing": "junk"}, None),
        ("junk", None),
    ],
)  # fmt: skip
def test_clicked_place(state, expected):
    got = clicked_place(state)
    assert (None if got is None else (got.key, got.seq)) == expected
