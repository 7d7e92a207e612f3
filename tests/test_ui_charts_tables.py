"""Timeline and figure charts, claims table and data issues."""

from __future__ import annotations

from datetime import date

from claims.ui.charts import figure_rows, figure_spread_chart, timeline_chart, timeline_rows
from claims.ui.sample import make_claim
from claims.ui.tables import TABLE_COLUMNS, claims_frame, data_issues

CLAIMS = [
    make_claim(id="1", date="2021-09-04", side="NRF", figure=600, outlet="A"),
    make_claim(id="2", date="2021-09-04", side="NRF", figure=600, outlet="A"),
    make_claim(id="3", date="2021-09-05", side="Taliban", figure=None),
    make_claim(id="4", date=None, side="NRF", figure=50),
    make_claim(id="5", date="2021-09-05", side="alien", figure=7, figure_qualifier="at least"),
]


def test_timeline_rows_count_per_day_and_side():
    rows = timeline_rows(CLAIMS).to_dict("records")
    assert rows == [
        {"day": "2021-09-04", "side": "NRF", "claims": 2},
        {"day": "2021-09-05", "side": "Taliban", "claims": 1},
        {"day": "2021-09-05", "side": "unknown", "claims": 1},
    ]


def test_timeline_chart_shades_window():
    spec = timeline_chart(CLAIMS, (date(2021, 9, 4), date(2021, 9, 4))).to_dict()
    assert len(spec["layer"]) == 2
    datasets = list(spec["datasets"].values())
    assert [{"start": "2021-09-04", "end": "2021-09-05"}] in datasets
    assert "layer" not in timeline_chart(CLAIMS).to_dict()


def test_figure_rows_and_chart():
    rows = figure_rows(CLAIMS).to_dict("records")
    assert [(r["day"], r["figure"], r["claims"]) for r in rows] == [
        ("2021-09-04", 600, 2),
        ("2021-09-05", 7, 1),
    ]
    assert figure_spread_chart(CLAIMS).to_dict()["facet"]["row"]["field"] == "kind"
    assert figure_spread_chart([make_claim(figure=None)]) is None


def test_claims_frame():
    frame = claims_frame([*CLAIMS, make_claim(id="6", place=None, place_mention="Danah")])
    assert tuple(frame.columns) == TABLE_COLUMNS and len(frame) == 6
    assert frame.loc[4, "figure"] == "at least 7"
    assert frame.loc[3, "date"] == "undated"
    assert frame.loc[5, "place"] == "Danah (unresolved)"


def test_data_issues_lists_everything():
    claims = [
        make_claim(
            id="a", place=None, place_mention="Danah", unresolved_place="Danah", file="x.txt"
        ),
        make_claim(
            id="b", place=None, place_mention="Danah", unresolved_place="Danah", file="y.txt"
        ),
        make_claim(id="c", place=None, unresolved_place=None, place_mention=None),
        make_claim(id="d"),
    ]
    issues = data_issues(claims, [("bad.bin", "bad.bin: not UTF-8 text")], ["dup.txt"])
    assert [(i.kind, i.subject) for i in issues] == [
        ("unreadable file", "bad.bin"),
        ("duplicate file", "dup.txt"),
        ("unresolved place", "Danah"),
        ("no place", "1 claim"),
    ]
    assert issues[2].detail == "2 claims not on the map; in x.txt, y.txt"
