"""Disputes side by side, every claim reachable; corroboration rows (atlas.disputes_view)."""

from __future__ import annotations

from dataclasses import dataclass

from atlas.disputes_view import corroborated, days_text, kind_ranges, range_text, side_columns
from atlas.sample import make_claim
from claims.corroboration import FigureRange, find_groups, group_index


@dataclass
class FakeDispute:
    claim_ids: tuple[str, ...]


def test_side_columns_show_a_few_and_keep_every_other_claim_reachable():
    claims = {
        c.id: c
        for c in [
            make_claim(id="t1", side="Taliban", figure=40),
            make_claim(id="n1", side="NRF", figure=600),
            make_claim(id="n2", side="NRF", figure=None),
            make_claim(id="n3", side="NRF", figure=1000),
            make_claim(id="n4", side="NRF", figure=5),
        ]
    }
    columns = side_columns(FakeDispute(("t1", "n1", "n2", "n3", "n4", "gone")), claims, 2)
    assert [(c.side, [x.id for x in c.claims], [x.id for x in c.rest]) for c in columns] == [
        ("NRF", ["n3", "n1"], ["n4", "n2"]),
        ("Taliban", ["t1"], []),
    ]
    assert columns[0].more == 2 and len(columns[0].all) == 4
    (nrf_range,) = columns[0].ranges
    assert (nrf_range.figures.low, nrf_range.figures.high) == (5, 1000)


def test_kind_ranges_split_scopes_and_skip_denials():
    ranges = kind_ranges([
        make_claim(id="1", figure=600, outlet="A"),
        make_claim(id="2", figure=700, outlet="B", statement_id="s2"),
        make_claim(id="3", figure=1600, figure_scope="dead or captured", outlet="C",
                   statement_id="s3"),
        make_claim(id="4", figure=0, stance="denies", outlet="D", statement_id="s4"),
    ])  # fmt: skip
    assert [(r.title, r.figures.low, r.figures.high) for r in ranges] == [
        ("casualties", 600, 700),
        ("casualties (dead or captured)", 1600, 1600),
    ]


def test_range_text():
    assert range_text(FigureRange(600, 700, 1000, 600, 3, 3)) == (
        "low 600 · best 700 · high 1,000 · most conservative 600 (3 sources)"
    )
    assert range_text(FigureRange(5, 5, 5, 5, 1, 1)) == "5 · most conservative 5 (1 source)"


def test_days_text():
    assert days_text("2021-09-03", "2021-09-05") == "3–5 Sep 2021"
    assert days_text(None, "2021-09-05") == "reported by 5 Sep 2021"
    assert days_text(None, None) == "undated"


def test_corroborated_counts_only_shown_outlets():
    claims = [
        make_claim(id="a", outlet="A", figure=600),
        make_claim(id="b", outlet="B", figure=600, figure_qualifier="about", statement_id="sb"),
        make_claim(id="c", outlet="C", figure=600, statement_id="sc"),
        make_claim(id="d", outlet="D", figure=90, statement_id="sd"),
    ]
    groups = group_index(find_groups(claims))
    (row,) = corroborated(claims, groups)
    assert row.outlets == 3 and {c.id for c in row.claims} == {"a", "b", "c"}
    (row,) = corroborated(claims[:2], groups)  # C filtered out: 2 outlets shown
    assert row.outlets == 2 and row.group.n_outlets == 3
    assert corroborated(claims[:1], groups) == []
