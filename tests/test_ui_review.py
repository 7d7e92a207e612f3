"""atlas.review: who reviews, decisions laid over the store's columns (status per row,
corrections applied to those rows only, orphans kept), the status filter and its counts, the
markers' review marks, the gazetteer search, the review columns of the table and exports."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest

from atlas.review import (
    DEFAULT_STATUSES,
    annotate_csv,
    annotate_geojson,
    identity,
    machine_beside,
    overlay,
    place_marks,
    search_places,
    table_columns,
)
from atlas.sample import synthetic_claims
from atlas.settings import reviewer_name
from claims.export import to_csv, to_geojson
from geo import load_gazetteer
from store.columnar import ColumnarClaims
from store.reattach import quote_hash
from store.review import Decision, IdentitySource, Status, Verdict


class User(dict):
    """Like st.user: a mapping with is_logged_in."""


@pytest.mark.parametrize(
    ("user", "env", "expected"),
    [
        (
            User(is_logged_in=True, email="ana@example.org"),
            {"CLAIM_ATLAS_REVIEWER": "x"},
            ("ana@example.org", IdentitySource.AUTHENTICATION),
        ),
        (
            User(is_logged_in=False),
            {"CLAIM_ATLAS_REVIEWER": "  ben  "},
            ("ben", IdentitySource.SETTING),
        ),
        (None, {"CLAIM_ATLAS_REVIEWER": "ben"}, ("ben", IdentitySource.SETTING)),
        (User(is_logged_in=True, name="Ana"), {}, ("Ana", IdentitySource.AUTHENTICATION)),
        (User(is_logged_in=False), {}, None),
        (None, {"CLAIM_ATLAS_REVIEWER": "   "}, None),
    ],
)
def test_identity(user, env, expected):
    found = identity(user, reviewer_name(env))
    assert (None if found is None else (found.name, found.source)) == expected


def _decision(claim, verdict, corrections=None, pk=1, reviewer="ana") -> Decision:
    return Decision(
        pk=pk, claim_id=claim.id, quote_sha=quote_hash(claim.quote), file=claim.file,
        quote=claim.quote, machine_json=json.dumps(claim.to_dict()), verdict=verdict,
        reason=None, corrections=corrections or {}, note=None, links=(), version=1,
        reviewer=reviewer, updated_at=datetime.now(UTC),
    )  # fmt: skip


@pytest.fixture
def claims():
    return synthetic_claims(40)


def test_overlay_status_counts_and_orphans(claims):
    columns = ColumnarClaims.of_claims(claims)
    first, second = claims[0], claims[1]
    gone = replace(claims[2], quote=claims[2].quote + " (edited)")  # its quote hash is stale
    view = overlay(columns, [_decision(first, Verdict.CONFIRMED),
                             _decision(second, Verdict.REJECTED, pk=2),
                             _decision(gone, Verdict.CONFIRMED, pk=3)])  # fmt: skip
    assert view.status_of(first.id) is Status.CONFIRMED
    assert [d.pk for d in view.orphans] == [3]  # kept, listed
    counts = view.counts()
    assert (counts[Status.CONFIRMED], counts[Status.REJECTED]) == (1, 1)
    assert counts[Status.UNREVIEWED] == len(claims) - 2
    keep = view.keep(DEFAULT_STATUSES, columns.n + 3)  # 3 uploaded rows: unreviewed
    assert len(keep) == columns.n + 3 and keep.sum() == columns.n + 3 - 1
    assert not keep[columns.row_of(second.id)]
    assert view.columns is columns  # no correction: nothing rebuilt


def test_corrections_replace_only_their_rows_and_equal_a_rebuild(claims):
    columns = ColumnarClaims.of_claims(claims)
    first, moved = claims[0], claims[5]
    decisions = [
        _decision(first, Verdict.CORRECTED, {"figure": 99, "kind": "negotiation",
                                             "date_start": "2021-08-01",
                                             "date_end": "2021-08-01"}),
        _decision(moved, Verdict.CORRECTED, {"place": "Danah", "place_id": None,
                                             "lat": 35.35, "lon": 69.61}, pk=2),
    ]  # fmt: skip
    view = overlay(columns, decisions)
    assert view.machine is columns and view.columns is not columns
    assert view.columns.claim(first.id).figure == 99 and columns.claim(first.id).figure != 99
    rebuilt = ColumnarClaims.of_claims([d.reviewed(c) if (d := _by(decisions, c)) else c
                                        for c in claims])  # fmt: skip
    mask = np.ones(columns.n, dtype=bool)
    assert view.columns.places_of(mask, 3) == rebuilt.places_of(mask, 3)
    assert view.columns.timeline_of(mask) == rebuilt.timeline_of(mask)
    assert view.columns.overview_of(mask) == rebuilt.overview_of(mask)
    assert machine_beside(view.decision(first.id))[0] == ("kind", "negotiation", first.kind)


def _by(decisions, claim):
    return next((d for d in decisions if d.claim_id == claim.id), None)


def test_markers_say_whether_their_claims_were_reviewed(claims):
    from atlas.mapdata import place_payload
    from atlas.palette import default_palette

    columns = ColumnarClaims.of_claims(claims)
    mask = np.ones(columns.n, dtype=bool)
    groups = columns.places_of(mask, samples=100)
    group = next(g for g in groups if g.count >= 2)
    view = overlay(columns, [_decision(group.samples[0], Verdict.CONFIRMED)])
    marks = place_marks(columns, mask, view)
    assert marks == {group.key: "some"}
    every = overlay(columns, [_decision(c, Verdict.CONFIRMED, pk=i)
                              for i, c in enumerate(group.samples)])  # fmt: skip
    assert place_marks(columns, mask, every)[group.key] == "all"
    payload = {p["key"]: p for p in place_payload(groups, default_palette(), (), marks)}
    assert payload[group.key]["reviewed"] == "some"
    assert payload[group.key]["aria"].endswith(", some reviewed")
    assert {p["reviewed"] for k, p in payload.items() if k != group.key} == {"none"}


def test_gazetteer_search():
    places = load_gazetteer().places
    found = search_places(places, "bazar")
    assert found and found[0].name.lower().startswith("b")
    assert any("zarak" in p.name.lower() for p in found)
    assert search_places(places, "   ") == []
    assert search_places(places, "qqqzzz") == []


def test_exports_and_table_say_machine_or_reviewed(claims):
    hostile = replace(claims[0], side="=HYPERLINK(1)")
    mine = [hostile, *claims[1:]]
    columns = ColumnarClaims.of_claims(mine)
    view = overlay(columns, [_decision(hostile, Verdict.CORRECTED, {"side": "NRF"})])
    shown = view.columns.shown()
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(annotate_csv(to_csv(shown), view)))}
    assert rows[hostile.id]["side"] == "NRF" and rows[hostile.id]["review_status"] == "corrected"
    assert rows[hostile.id]["machine_values"] == "side: =HYPERLINK(1)"
    assert rows[claims[1].id]["review_status"] == "unreviewed"
    evil = overlay(columns, [_decision(claims[1], Verdict.CONFIRMED, reviewer="@SUM(1)")])
    guarded = {r["id"]: r for r in csv.DictReader(io.StringIO(annotate_csv(to_csv(shown), evil)))}
    assert guarded[claims[1].id]["reviewed_by"] == "'@SUM(1)"  # stays text in a spreadsheet
    doc = annotate_geojson(to_geojson(shown), view)
    props = {f["id"]: f["properties"] for f in doc["features"]}[hostile.id]
    assert props["machine_values"] == {"side": "=HYPERLINK(1)"} and props["reviewed_by"] == "ana"
    status, machine = table_columns([hostile.id, claims[1].id], view)
    assert status == ["corrected by ana", "not reviewed (machine-read)"]
    assert machine[0] == "side: =HYPERLINK(1)"
