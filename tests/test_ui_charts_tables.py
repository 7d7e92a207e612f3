"""Timeline and figure charts, claims and sources tables, data issues (atlas.charts,
atlas.tables)."""

from __future__ import annotations

from datetime import date

import pytest

from atlas.charts import figure_rows, figure_spread_chart
from atlas.sample import make_claim
from atlas.sources import ArticleInfo
from atlas.tables import TABLE_COLUMNS, IssueKind, claims_frame, data_issues, sources_frame
from atlas.timeline import timeline, timeline_rows
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


def _tree(html: str):
    """The chart's boxes, parsed (the HTML is well-formed XML)."""
    import xml.etree.ElementTree as ET

    return ET.fromstring(html)


def _boxes(html: str, cls: str) -> list:
    return [e for e in _tree(html).iter() if e.get("class") == cls]


def _style(box) -> dict[str, str]:
    pairs = (p.split(":", 1) for p in box.get("style").split(";") if p)
    return {k: v for k, v in pairs}


def _num(box, prop: str) -> float:
    return float(_style(box)[prop].rstrip("%"))


def test_timeline_draws_one_bar_per_day_side_and_dating_in_profile_colours():
    html = timeline(CLAIMS).html()
    bars = _boxes(html, "ca-tl-bar")
    assert len(bars) == len(timeline_rows(CLAIMS))  # one segment per row of counts
    assert {_style(b)["background"] for b in bars} >= {"#009E73", "#D55E00"}
    tips = [b.get("title") for b in bars]
    assert "4 Sep 2021 · National Resistance Front · on the day: 2 claims" in tips
    reported = [b for b in bars if "reported by" in b.get("title")]
    assert len(reported) == 1 and float(_style(reported[0])["opacity"]) < 0.5  # pale
    assert "reported by (on or before)" in html  # the legend names the pale bars


def test_timeline_bar_heights_follow_the_counts_and_stack_per_day():
    by_tip = {b.get("title"): b for b in _boxes(timeline(CLAIMS).html(), "ca-tl-bar")}
    two = by_tip["4 Sep 2021 · National Resistance Front · on the day: 2 claims"]
    one = by_tip["5 Sep 2021 · Taliban · on the day: 1 claim"]
    assert _num(two, "height") == pytest.approx(2 * _num(one, "height"), abs=0.01)
    assert _num(two, "height") + _num(two, "bottom") <= 100  # under the top gridline
    fifth = sorted((b for t, b in by_tip.items() if t.startswith("5 Sep")),
                   key=lambda b: _num(b, "bottom"))  # fmt: skip
    tops = [_num(b, "bottom") + _num(b, "height") for b in fifth]
    assert [_num(b, "bottom") for b in fifth[1:]] == pytest.approx(tops[:-1], abs=0.01)  # stacked
    assert len({_num(b, "left") for b in fifth}) == 1 and _num(two, "left") < _num(fifth[0], "left")


def test_timeline_shades_only_the_window_and_shares_the_bars():
    chart = timeline(CLAIMS)
    plain = chart.html()
    shaded = chart.html((date(2021, 9, 4), date(2021, 9, 4)))
    (window,) = _boxes(shaded, "ca-tl-window")
    assert not _boxes(plain, "ca-tl-window")
    first, *_ = (b for b in _boxes(shaded, "ca-tl-bar") if b.get("title").startswith("4 Sep"))
    later = next(b for b in _boxes(shaded, "ca-tl-bar") if b.get("title").startswith("5 Sep"))
    left, width = _num(window, "left"), _num(window, "width")
    assert (
        left <= _num(first, "left") and _num(first, "left") + _num(first, "width") <= left + width
    )
    assert _num(later, "left") >= left + width  # 5 Sep is outside the window
    assert not _boxes(chart.html((date(2020, 1, 1), date(2020, 1, 2))), "ca-tl-window")
    whole = chart.html((date(2021, 8, 1), date(2021, 12, 1)))  # clipped to the days drawn
    (clipped,) = _boxes(whole, "ca-tl-window")
    assert (_num(clipped, "left"), _num(clipped, "width")) == (0, 100)


def test_timeline_escapes_labels_and_says_when_nothing_is_dated():
    from atlas.palette import Palette, SideStyle

    hostile = Palette((SideStyle("NRF", '<img src=x onerror="alert(1)">', "#009E73", "#000", False),
                       SideStyle("unknown", "unattributed", "#777777", "#fff", True)))  # fmt: skip
    html = timeline(CLAIMS, palette=hostile).html()
    assert "<img" not in html and "&lt;img src=x onerror=" in html
    _tree(html)  # still well-formed: the label broke out of no attribute
    assert any("<img" in b.get("title") for b in _boxes(html, "ca-tl-bar"))  # shown as text
    undated = [make_claim(id="u", date=None, side="NRF")]
    assert "No dated claim shown." in timeline(undated).html()
    assert "ca-tl-bar" not in timeline([]).html((date(2021, 9, 4), date(2021, 9, 5)))


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
