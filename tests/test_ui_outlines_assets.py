"""Province outlines decoded from TopoJSON; vendor assets and our map files copied for offline
maps (atlas.outlines, atlas.assets, atlas.jsdata)."""

from __future__ import annotations

import json
import re

from atlas import assets
from atlas.jsdata import to_js
from atlas.outlines import province_outlines, topojson_to_geojson

SQUARE = {
    "type": "Topology",
    "transform": {"scale": [1, 1], "translate": [10, 20]},
    "arcs": [[[0, 0], [1, 0], [0, 1]], [[1, 1], [-1, 0], [0, -1]]],
    "objects": {
        "shapes": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "sq"}},
                {"type": "LineString", "arcs": [~0]},
                {"type": "Point", "coordinates": [0, 0]},
            ],
        }
    },
}


def test_topojson_delta_decoding_and_reversed_arcs():
    collection = topojson_to_geojson(SQUARE)
    polygon, line = collection["features"]
    assert polygon["properties"] == {"name": "sq"}
    assert polygon["geometry"]["coordinates"] == [
        [[10, 20], [11, 20], [11, 21], [10, 21], [10, 20]]
    ]
    assert line["geometry"]["coordinates"] == [[11, 21], [11, 20], [10, 20]]


def test_shipped_outlines_are_34_closed_provinces_in_afghanistan():
    collection = province_outlines()
    names = {f["properties"]["name"] for f in collection["features"]}
    assert len(collection["features"]) == 34 and "Panjshir" in names
    for feature in collection["features"]:
        geom = feature["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for polygon in polygons:
            for ring in polygon:
                assert ring[0] == ring[-1] and len(ring) >= 4
                for lon, lat in ring:
                    assert 60.4 <= lon <= 75.0 and 29.3 <= lat <= 38.6


def test_ensure_vendor_assets_copies_once(tmp_path):
    written = assets.ensure_vendor_assets(tmp_path)
    names = {p.relative_to(tmp_path / "vendor").as_posix() for p in written if "vendor" in p.parts}
    assert {
        "leaflet/leaflet.js",
        "leaflet/leaflet.css",
        "jquery/jquery.min.js",
        "leaflet/images/marker-icon.png",
    } <= names
    assert assets.ensure_vendor_assets(tmp_path) == []
    (tmp_path / "vendor" / "leaflet" / "leaflet.js").write_text("broken")
    assert [p.name for p in assets.ensure_vendor_assets(tmp_path)] == ["leaflet.js"]
    assert "Leaflet" in (tmp_path / "vendor" / "leaflet" / "leaflet.js").read_text()[:400]


def test_our_map_files_follow_into_another_static_folder(tmp_path):
    written = {p.relative_to(tmp_path).as_posix() for p in assets.ensure_vendor_assets(tmp_path)}
    assert {"atlas/map.js", "atlas/map.css", "atlas/page.css"} <= written
    assert (tmp_path / "atlas" / "map.js").read_bytes() == (
        assets.STATIC_DIR / "atlas" / "map.js"
    ).read_bytes()
    # into static/ itself nothing of ours is copied (the files are committed there)
    assert not [f for f in assets._own_files(assets.STATIC_DIR)]


def test_asset_urls_match_copied_paths_and_carry_a_version():
    for url in (assets.LEAFLET_JS, assets.LEAFLET_CSS, assets.JQUERY_JS):
        assert url.startswith("/app/static/vendor/")
    for url, name in ((assets.MAP_JS, "map.js"), (assets.MAP_CSS, "map.css")):
        path, version = url.split("?v=")
        assert path == f"/app/static/atlas/{name}" and len(version) == 10


def test_map_bundles_join_leaflet_markercluster_and_ours_in_order(tmp_path):
    assets.ensure_vendor_assets(tmp_path)
    js = (tmp_path / "vendor" / "map.js").read_text(encoding="utf-8")
    ours = (assets.STATIC_DIR / "atlas" / "map.js").read_text(encoding="utf-8").strip()
    leaflet = js.index("Leaflet 1.")
    cluster = js.index("L.MarkerClusterGroup")
    assert leaflet < cluster < js.index(ours) and js.rstrip().endswith(";")
    css = (tmp_path / "vendor" / "map.css").read_text(encoding="utf-8")
    assert ".leaflet-container" in css and ".leaflet-cluster-anim" in css and ".ca-outline" in css
    for url in re.findall(r"url\(([^)#]+)\)", css):  # Leaflet's images, from the bundle's folder
        assert (tmp_path / "vendor" / url.strip("'\"")).is_file(), url
    for bundle, url in ((assets.MAP_BUNDLE_JS, assets.MAP_SCRIPT),
                        (assets.MAP_BUNDLE_CSS, assets.MAP_STYLES)):  # fmt: skip
        path, version = url.split("?v=")
        assert path == f"/app/static/vendor/{bundle.name}" and len(version) == 10


def test_a_changed_bundle_part_rewrites_the_bundle(tmp_path, monkeypatch):
    assets.ensure_vendor_assets(tmp_path)
    own = tmp_path / "own.js"
    own.write_text("/* ours, changed */", encoding="utf-8")
    changed = assets.Bundle("map.js", (*assets.MAP_BUNDLE_JS.parts[:-1], own))
    monkeypatch.setattr(assets, "BUNDLES", (changed, assets.MAP_BUNDLE_CSS))
    assert assets.ensure_vendor_assets(tmp_path) == [tmp_path / "vendor" / "map.js"]
    assert (
        (tmp_path / "vendor" / "map.js")
        .read_text(encoding="utf-8")
        .rstrip()
        .endswith("/* ours, changed */\n;")
    )
    assert changed.url != assets.MAP_SCRIPT


def test_the_static_files_hold_all_css_and_js():
    js = (assets.STATIC_DIR / "atlas" / "map.js").read_text(encoding="utf-8")
    assert "ClaimAtlas" in js and "innerHTML" not in js  # text only ever via textContent
    assert assets.PAGE_CSS_PATH.read_text(encoding="utf-8").strip()


def test_assets_command(tmp_path, capsys):
    assert assets.main([str(tmp_path)]) == 0
    assert "wrote" in capsys.readouterr().err
    assert assets.main([str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""


def test_to_js_round_trips_and_hides_delimiters():
    value = {
        "q": "{{ 7*7 }} {% raw %} {# c #} </script> & 'x' \u2028",
        "n": [1, 2.5, None, True],
        "nested": {"a": [{"b": {}}]},
    }
    text = to_js(value)
    assert json.loads(text) == value
    for bad in ("{{", "{%", "{#", "<", ">", "&", "'", "\u2028"):
        assert bad not in text
