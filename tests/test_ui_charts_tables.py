"""Timeline and figure charts, claims and sources tables, data issues (atlas.charts,
atlas.tables)."""

from __future__ import annotations

from datetime import date

import pytest

from atlas.charts import figure_rows, figure_spread_chart
from atlas.sample import make_claim
from atlas.sources import ArticleInfo
from atlas.tables import TABLE_COLUMNS, IssueKind, claims_frame, data_issues, sources_frame
from atlas.timeline import timeline_rows, timeline_spec
from claims.corroboration import find_groups, group_index

NRF, TAL, UNK = "National Resistance Front", "Taliban", "unattributed"
CLAIMS = [
    make_claim(id="1", date="2021-09-04", side="NRF", figure=600, outlet="A"),
    make_claim(id="2", date="2021-09-04", side="NRF", figure=600, outlet="A", statement_id="s2"),
    make_claim(id="3", date="2021-09-05", side="Taliban", figure=None),
    make_claim(id="4", date=None, side="NRF", figure=50),
    make_claim(id="5", date="2021-09-05", side="alien", figure=7, figure_qualifier="at least"),
    make_claim(id="6", reported_by="2021-09-05", side="Taliban", figure=None),
]


def test_timeline_rows_tell_reported_by_from_on_the_day():
    rows = timeline_rows(CLAIMS)
    assert rows == [
        {"day": "2021-09-04", "side": NRF, "dating": "on the day", "claims": 2},
        {"day": "2021-09-05", "side": TAL, "dating": "on the day", "claims": 1},
        {"day": "2021-09-05", "side": TAL, "dating": "reported by (on or before)", "claims": 1},
        {"day": "2021-09-05", "side": UNK, "dating": "on the day", "claims": 1},
    ]


def test_timeline_chart_shades_window_and_uses_profile_colours():
    spec = timeline_spec(CLAIMS, window=(date(2021, 9, 4), date(2021, 9, 4)))
    assert len(spec["layer"]) == 2
    datasets = list(spec["datasets"].values())
    assert [{"start": "2021-09-04", "end": "2021-09-05"}] in datasets
    bars = spec["layer"][1]["encoding"]
    assert bars["color"]["scale"]["range"][:2] == ["#009E73", "#D55E00"]
    assert bars["opacity"]["scale"]["range"][-1] < 0.5  # "reported by" is pale
    assert timeline_rows(CLAIMS) in datasets  # the bars' rows are the spec's data
    assert [] in timeline_spec(CLAIMS)["datasets"].values()  # no window: no band


def test_timeline_spec_is_valid_vega_lite():
    """The hand-built dict passes the Vega-Lite schema that Altair ships (offline)."""
    import altair as alt

    from atlas.timeline import BARS_DATASET, WINDOW_DATASET

    ours = timeline_spec(CLAIMS, window=(date(2021, 9, 4), date(2021, 9, 4)))
    chart = alt.LayerChart.from_dict(ours, validate=True)
    assert chart.to_dict()["layer"][1]["encoding"] == ours["layer"][1]["encoding"]
    assert set(ours["datasets"]) == {BARS_DATASET, WINDOW_DATASET}
    broken = {**ours, "layer": [{**ours["layer"][1], "mark": {"type": "barr"}}]}
    with pytest.raises(Exception, match="barr"):
        alt.LayerChart.from_dict(broken, validate=True)  # the check can fail


def test_figure_rows_count_a_statement_once_and_keep_the_wording():
    combined = [  # one sentence read into two kinds must not be two points in one kind
        make_claim(id="c1", statement_id="s9", kind="casualties", figure=1600,
                   figure_scope="dead or captured"),
        make_claim(id="c2", statement_id="s9", kind="casualties", figure=1600,
                   figure_scope="dead or captured"),
    ]  # fmt: skip
    other = make_claim(id="o", date="2021-09-04", figure=600, figure_qualifier="about",
                       outlet="B", statement_id="so")  # fmt: skip
    rows = figure_rows(CLAIMS + combined + [other]).to_dict("records")
    assert [(r["day"], r["figure"], r["claims"], r["as stated"], r["outlets"]) for r in rows] == [
        ("2021-09-04", 600, 3, "600; about 600", "A; B"),  # one point, both in its tooltip
        ("2021-09-04", 1600, 1, "1,600 dead or captured", "Example Wire"),
        ("2021-09-05", 7, 1, "at least 7", "Example Wire"),
    ]
    assert figure_spread_chart(CLAIMS).to_dict()["facet"]["row"]["field"] == "kind"
    assert figure_spread_chart([make_claim(figure=None)]) is None


def test_claims_frame_has_words_not_codes_and_no_none():
    claims = [*CLAIMS, make_claim(id="7", place=None, place_mention="Danah", claimant=None,
                                  kind="territorial_control", stance="denies")]  # fmt: skip
    groups = group_index(find_groups(claims))
    frame = claims_frame(claims, groups=groups, relative=lambda f: "rel/" + f)
    assert tuple(frame.columns) == TABLE_COLUMNS and len(frame) == 7
    assert list(frame.columns).index("quote") < 4  # on screen at 1280 px
    assert frame.loc[4, "figure"] == "at least 7"
    assert frame.loc[3, "when"] == "undated" and frame.loc[5, "when"] == "reported by 5 Sep 2021"
    assert (
        frame.loc[6, "place"] == "Danah (not found)"
        and frame.loc[6, "kind"] == "control of territory"
    )
    assert frame.loc[6, "stance"] == "denial" and frame.loc[0, "side"] == NRF
    assert frame.loc[0, "file"].startswith("rel/")
    cells = frame.astype(str).to_numpy().ravel().tolist()
    assert "None" not in cells and "nan" not in cells
    assert not any("_" in v for v in frame["kind"])


def test_sources_frame():
    info = ArticleInfo("a.md", "a.md", None, None, None, None, None, "(outlet not stated) a.md", 3)
    frame = sources_frame([info])
    assert frame.loc[0, "outlet"] == "(not stated)" and frame.loc[0, "title"] == ""
    assert frame.loc[0, "link"] is None and frame.loc[0, "claims"] == 3


def test_data_issues_lists_everything_with_relative_paths():
    claims = [
        make_claim(id="a", place=None, place_mention="Danah", unresolved_place="Danah",
                   file="/home/me/corpus/x.txt"),
        make_claim(id="b", place=None, place_mention="Danah", unresolved_place="Danah",
                   file="/home/me/corpus/y.txt"),
        make_claim(id="c", place=None, unresolved_place=None, place_mention=None),
        make_claim(id="d"),
    ]  # fmt: skip
    rel = lambda f: f.removeprefix("/home/me/corpus/")  # noqa: E731
    issues = data_issues(
        claims,
        [("/home/me/corpus/bad.bin", "/home/me/corpus/bad.bin: not UTF-8 text")],
        ["/home/me/corpus/dup.txt"],
        rel,
        notes=[("/home/me/corpus/n.md", "empty file: no text")],
        uploads=[("u.md", "u.md: the file is empty (no text); not added")],
    )
    assert [(i.kind, i.subject) for i in issues] == [
        (IssueKind.UNREADABLE, "bad.bin"),
        (IssueKind.NOTE, "n.md"),
        (IssueKind.DUPLICATE, "dup.txt"),
        (IssueKind.UPLOAD, "u.md"),
        (IssueKind.UNRESOLVED, "Danah"),
        (IssueKind.NO_PLACE, "1 claim"),
    ]
    assert issues[0].detail == "bad.bin: not UTF-8 text"
    assert issues[4].detail == "2 claims not on the map; in x.txt, y.txt"
    assert "/home/me" not in repr(issues)


def test_timeline_spec_moves_only_its_window():
    from atlas.timeline import WINDOW_DATASET, with_window

    spec = timeline_spec(CLAIMS)
    one = with_window(spec, (date(2021, 9, 4), date(2021, 9, 4)))
    assert one["datasets"][WINDOW_DATASET] == [{"start": "2021-09-04", "end": "2021-09-05"}]
    assert with_window(spec, None)["datasets"][WINDOW_DATASET] == []
    assert spec["datasets"][WINDOW_DATASET] == []  # the cached spec is not changed
    assert one["layer"][1] == spec["layer"][1]  # the bars are shared
