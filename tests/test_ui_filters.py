"""Filters of the dashboard, without Streamlit."""

from __future__ import annotations

from datetime import date

import pytest

from claims.ui.filters import (
    UNKNOWN_OUTLET,
    DateDomain,
    FilterState,
    claim_dates,
    date_domain,
    date_label,
    filter_claims,
    outlet_counts,
    without_dates,
)
from claims.ui.sample import make_claim

CLAIMS = [
    make_claim(
        id="a",
        date="2021-09-01",
        outlet="Alpha",
        side="NRF",
        kind="casualties",
        quote="600 Taliban were killed in Panjshir",
    ),
    make_claim(
        id="b",
        date="2021-09-03",
        outlet="Beta",
        side="Taliban",
        kind="territorial_control",
        quote="The Taliban captured Bazarak",
    ),
    make_claim(
        id="c",
        date_start="2021-09-02",
        date_end="2021-09-05",
        date_precision="range",
        outlet="Alpha",
        side="NRF",
        kind="clashes",
        quote="Heavy fighting in Khenj",
    ),
    make_claim(
        id="d",
        date=None,
        outlet=None,
        side="unknown",
        kind="casualties",
        quote="Dozens were KILLED near the pass",
    ),
    make_claim(
        id="e",
        date="2021-09-05",
        outlet="Beta",
        side="other",
        kind="negotiation",
        quote="Talks were held in Kabul",
    ),
]


def ids(claims):
    return [c.id for c in claims]


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (FilterState(), ["a", "b", "c", "d", "e"]),
        (FilterState(include_undated=False), ["a", "b", "c", "e"]),
        (FilterState(start=date(2021, 9, 2)), ["b", "c", "d", "e"]),
        (FilterState(end=date(2021, 9, 1), include_undated=False), ["a"]),
        # a range claim overlapping the window is shown
        (FilterState(start=date(2021, 9, 4), end=date(2021, 9, 4)), ["c", "d"]),
        (FilterState(excluded_outlets=frozenset({"Alpha"})), ["b", "d", "e"]),
        (FilterState(excluded_outlets=frozenset({UNKNOWN_OUTLET})), ["a", "b", "c", "e"]),
        (FilterState(excluded_sides=frozenset({"NRF", "unknown"})), ["b", "e"]),
        (FilterState(excluded_kinds=frozenset({"casualties"})), ["b", "c", "e"]),
        (FilterState(text="killed"), ["a", "d"]),
        (FilterState(text="  TALIBAN   bazarak "), ["b"]),
        (FilterState(text="no such words"), []),
        (
            FilterState(
                start=date(2021, 9, 3), include_undated=False, excluded_outlets=frozenset({"Beta"})
            ),
            ["c"],
        ),
    ],
)
def test_filter_claims(state, expected):
    assert ids(filter_claims(CLAIMS, state)) == expected


def test_without_dates_keeps_other_filters():
    state = FilterState(
        start=date(2021, 9, 5), end=date(2021, 9, 5), text="taliban", include_undated=False
    )
    opened = without_dates(state)
    assert opened.start is None and opened.end is None
    assert ids(filter_claims(CLAIMS, opened)) == ["a", "b"]


def test_outlet_counts_most_first_and_unknown_label():
    assert outlet_counts(CLAIMS) == [("Alpha", 2), ("Beta", 2), (UNKNOWN_OUTLET, 1)]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"date": "2021-09-01"}, (date(2021, 9, 1), date(2021, 9, 1))),
        (
            {"date_start": "2021-09-05", "date_end": "2021-09-02"},
            (date(2021, 9, 2), date(2021, 9, 5)),
        ),
        ({"date_start": "2021-09-05", "date_end": None}, (date(2021, 9, 5), date(2021, 9, 5))),
        ({"date": None}, None),
        ({"date_start": "not a day", "date_end": None}, None),
    ],
)
def test_claim_dates(fields, expected):
    assert claim_dates(make_claim(**fields)) == expected


def test_date_domain_and_labels():
    assert date_domain(CLAIMS) == DateDomain(date(2021, 9, 1), date(2021, 9, 5))
    assert date_domain([make_claim(date=None)]) is None
    assert date_label(CLAIMS[0]) == "2021-09-01 (day)"
    assert date_label(CLAIMS[2]) == "2021-09-02 – 2021-09-05 (range)"
    assert date_label(CLAIMS[3]) == "undated"
