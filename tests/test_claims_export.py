"""claims.export: GeoJSON (through geopandas), CSV and JSONL carry every field; atomic writes."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest

from claims import extract_claims, load_corpus, read_bytes
from claims.exc import ExportError
from claims.export import render, to_csv, to_geojson, to_jsonl, write_atomic
from claims.model import CLAIM_FIELDS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def claims():
    corpus = load_corpus([ROOT / "seeds"])
    extra = read_bytes(
        "extra.md",
        b"---\npublished: 2021-09-05\n---\nClashes erupted in the Zorbazak area, residents said.\n",
    )
    found = corpus.claims + extract_claims(extra)
    assert any(c.located for c in found) and any(not c.located for c in found)
    return found


def test_geojson_is_rfc7946_with_lon_lat_and_null_geometry(claims) -> None:
    doc = to_geojson(claims)
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == len(claims)
    for feature, claim in zip(doc["features"], claims, strict=True):
        assert tuple(feature["properties"]) == CLAIM_FIELDS
        if claim.located:
            assert feature["geometry"] == {"type": "Point", "coordinates": [claim.lon, claim.lat]}
        else:
            assert feature["geometry"] is None


def test_geojson_file_loads_unchanged_in_geopandas(claims, tmp_path: Path) -> None:
    geopandas = pytest.importorskip("geopandas")
    path = tmp_path / "claims.geojson"
    write_atomic(path, render(claims, "geojson"))
    frame = geopandas.read_file(path)
    assert len(frame) == len(claims)
    assert set(CLAIM_FIELDS) - {"id"} <= set(frame.columns)
    located = frame[frame.geometry.notna()]
    assert len(located) == sum(c.located for c in claims)
    first = next(c for c in claims if c.located)
    row = frame[frame["quote_start"] == first.quote_start].iloc[0]
    assert (row.geometry.x, row.geometry.y) == (first.lon, first.lat)


def test_csv_has_every_field_and_round_trips(claims) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(claims))))
    assert len(rows) == len(claims)
    assert tuple(rows[0]) == CLAIM_FIELDS
    for row, claim in zip(rows, claims, strict=True):
        assert row["quote"] == claim.quote and row["id"] == claim.id
        assert row["figure"] == ("" if claim.figure is None else str(claim.figure))


def test_jsonl_has_every_field_with_nulls(claims) -> None:
    lines = to_jsonl(claims).splitlines()
    assert len(lines) == len(claims)
    for line, claim in zip(lines, claims, strict=True):
        assert json.loads(line) == claim.to_dict()


def test_unknown_format_is_refused(claims) -> None:
    with pytest.raises(ExportError, match="xml"):
        render(claims, "xml")


def test_write_atomic_replaces_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")
    write_atomic(path, "new ✓")
    assert path.read_text(encoding="utf-8") == "new ✓"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_write_atomic_failure_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(path, "bad \udcff surrogate")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_csv_text_that_looks_like_a_formula_stays_text(claims) -> None:
    import dataclasses

    risky = dataclasses.replace(claims[0], outlet="=HYPERLINK(1)", title="-x", figure=-3)
    (row,) = csv.DictReader(io.StringIO(to_csv([risky])))
    assert (row["outlet"], row["title"], row["figure"]) == ("'=HYPERLINK(1)", "'-x", "-3")


# -- groups and relative paths (the dashboard's downloads) ----------------------------------

from claims.corroboration import GROUP_FIELDS, find_groups, group_index  # noqa: E402
from claims.export import export_fields, relative_file  # noqa: E402


def test_relative_file(tmp_path):
    inside = str(tmp_path / "sub" / "a.md")
    assert relative_file(inside, tmp_path) == "sub/a.md"
    assert relative_file("/somewhere/else/b.md", tmp_path) == "b.md"
    assert relative_file("uploaded/c.md", tmp_path) == "uploaded/c.md"
    assert relative_file(inside, None) == inside


def test_grouped_exports_carry_group_ids_counts_and_no_absolute_path(tmp_path):
    corpus = load_corpus([ROOT / "seeds"])
    claims = [dataclasses.replace(c, file=str(tmp_path / Path(c.file).name)) for c in corpus.claims]
    groups = group_index(find_groups(claims))
    assert export_fields(groups) == CLAIM_FIELDS + GROUP_FIELDS
    doc = to_geojson(claims, groups, tmp_path)
    for feature in doc["features"]:
        props = feature["properties"]
        assert tuple(props) == CLAIM_FIELDS + GROUP_FIELDS
        assert props["group_id"] == groups[feature["id"]].id
        assert props["group_outlets"] >= 1 and props["group_claims"] >= 1
    rows = list(csv.DictReader(io.StringIO(to_csv(claims, groups, tmp_path))))
    assert tuple(rows[0]) == CLAIM_FIELDS + GROUP_FIELDS
    for text in (
        json.dumps(doc),
        to_csv(claims, groups, tmp_path),
        to_jsonl(claims, groups, tmp_path),
    ):
        assert str(tmp_path) not in text
    assert tuple(json.loads(to_jsonl(claims)[: to_jsonl(claims).index("\n")])) == CLAIM_FIELDS
