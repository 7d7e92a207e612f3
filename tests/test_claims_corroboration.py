"""claims.corroboration: the same assertion from several outlets as one group, with UCDP-style
low / best / high and the ACLED-style most conservative figure."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from atlas.sample import make_claim
from claims import load_corpus
from claims.corroboration import (
    Bound,
    claim_span,
    figure_interval,
    figure_range,
    find_groups,
    group_fields,
    group_index,
    qualifier_bound,
    source_key,
    spans_overlap,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("qualifier", "bound", "interval"),
    [
        (None, Bound.EXACT, (600, 600)),
        ("about", Bound.ABOUT, (540, 660)),
        ("more than", Bound.AT_LEAST, (600, float("inf"))),
        ("up to", Bound.AT_MOST, (1, 600)),
        ("thousands", Bound.VAGUE, (1000, 9999)),
        ("about hundreds", Bound.VAGUE, (600, 999)),
        ("unheard-of", Bound.ABOUT, (540, 660)),
    ],
)
def test_qualifiers_bound_figures(qualifier, bound, interval):
    assert qualifier_bound(qualifier) is bound
    assert figure_interval(600, qualifier) == pytest.approx(interval)


def test_spans():
    assert claim_span(make_claim(reported_by="2021-09-05")) == (None, date(2021, 9, 5))
    assert claim_span(make_claim(date=None)) is None
    early, late = (date(2021, 9, 1), date(2021, 9, 2)), (date(2021, 9, 4), date(2021, 9, 4))
    assert not spans_overlap(early, late)
    assert spans_overlap((None, date(2021, 9, 5)), early)
    assert not spans_overlap((None, date(2021, 8, 30)), early)


def test_same_assertion_from_three_outlets_is_one_group():
    claims = [
        make_claim(id="a", outlet="Alpha", figure=600, file="a.md"),
        make_claim(id="b", outlet="Beta", figure=600, figure_qualifier="about", file="b.md",
                   statement_id="s2"),
        make_claim(id="c", outlet=None, figure=620, figure_qualifier="about", file="c.md",
                   statement_id="s3", reported_by="2021-09-05"),
        make_claim(id="d", outlet="Alpha", figure=600, file="a2.md", statement_id="s4"),
    ]  # fmt: skip
    (group,) = find_groups(claims)
    assert group.n_claims == 4 and group.n_outlets == 3  # Alpha twice counts once
    assert group.figures.low == 600 and group.figures.high == 620
    assert group.figures.conservative == 600 and group.figures.sources == 3
    assert group.date_start is None and group.date_end == "2021-09-05"  # an open start joined
    assert group.to_dict()["outlets"] == 3


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"side": "Taliban"}, "another side"),
        ({"kind": "captured_people"}, "another kind"),
        ({"stance": "denies"}, "a denial is not the assertion"),
        ({"figure_scope": "dead or captured"}, "another scope"),
        ({"place_id": "town:khinj", "place": "Khinj"}, "another place"),
        ({"date_start": "2021-09-01", "date_end": "2021-09-01"}, "days do not overlap"),
        ({"figure": 700}, "incompatible figure"),
        ({"figure": None}, "no figure vs a figure"),
        ({"date_start": None, "date_end": None, "date_precision": "unknown"}, "undated"),
    ],
)
def test_what_keeps_claims_apart(change, why):
    a = make_claim(id="a", outlet="A", figure=600, file="a.md")
    b = make_claim(**{"id": "b", "outlet": "B", "figure": 600, "file": "b.md",
                      "statement_id": "s2", **change})  # fmt: skip
    assert len(find_groups([a, b])) == 2, why


def test_more_than_joins_a_larger_exact_figure():
    a = make_claim(id="a", outlet="A", figure=1000, figure_qualifier="more than")
    b = make_claim(id="b", outlet="B", figure=1600, statement_id="s2")
    (group,) = find_groups([a, b])
    assert (group.figures.low, group.figures.high, group.figures.conservative) == (1000, 1600, 1000)


def test_figure_range_counts_a_statement_once():
    one = make_claim(id="1", kind="casualties", figure=1600, statement_id="s")
    two = make_claim(id="2", kind="captured_people", figure=1600, statement_id="s")
    other = make_claim(id="3", figure=600, statement_id="t", outlet="B")
    got = figure_range([one, two, other])
    assert got.figures == 2 and (got.low, got.high) == (600, 1600)
    assert figure_range([make_claim(figure=None)]) is None


def test_best_is_the_median_of_one_figure_per_source():
    claims = [make_claim(id=str(i), outlet=o, figure=f, statement_id=f"s{i}")
              for i, (o, f) in enumerate([("A", 600), ("B", 700), ("C", 1000)])]  # fmt: skip
    got = figure_range(claims)
    assert (got.low, got.best, got.high, got.conservative) == (600, 700, 1000, 600)


def test_every_claim_gets_one_group_and_fields():
    claims = load_corpus([ROOT / "seeds"]).claims
    groups = find_groups(claims)
    index = group_index(groups)
    assert sorted(index) == sorted(c.id for c in claims)
    assert sum(g.n_claims for g in groups) == len(claims)
    assert group_fields(None) == {"group_id": None, "group_claims": None, "group_outlets": None}
    fields = group_fields(index[claims[0].id])
    assert fields["group_id"].startswith("g") and fields["group_claims"] >= 1
    assert find_groups(claims) == groups  # stable


def test_source_key_keeps_unknown_outlets_apart():
    assert source_key(make_claim(outlet=" Republic ")) == source_key(make_claim(outlet="republic"))
    assert source_key(make_claim(outlet=None, file="a")) != source_key(
        make_claim(outlet=None, file="b")
    )
