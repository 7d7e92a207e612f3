"""Filters of the dashboard (atlas.filters), without Streamlit."""

from __future__ import annotations

from datetime import date

import pytest

from atlas.filters import FilterState, filter_claims, reported_before_window, without_dates
from atlas.sample import make_claim
from atlas.sources import UNKNOWN_OUTLET

CLAIMS = [
    make_claim(id="a", date="2021-09-01", outlet="Alpha", side="NRF", kind="casualties",
               quote="600 Taliban were killed in Panjshir"),
    make_claim(id="b", date="2021-09-03", outlet="Beta", side="Taliban",
               kind="territorial_control", quote="The Taliban captured Bazarak"),
    make_claim(id="c", date_start="2021-09-02", date_end="2021-09-05", date_precision="range",
               outlet="Alpha", side="NRF", kind="clashes", quote="Heavy fighting in Khenj"),
    make_claim(id="d", date=None, outlet=None, title="Rumours", side="unknown",
               kind="casualties", quote="Dozens were KILLED near the pass"),
    make_claim(id="e", date="2021-09-05", outlet="Beta", side="other", kind="negotiation",
               quote="Talks were held in Kabul"),
    # known only to have happened by the report of 3 Sep
    make_claim(id="r", reported_by="2021-09-03", outlet="Beta", side="Taliban",
               kind="casualties", quote="Forty resistance fighters died"),
]  # fmt: skip


def ids(claims):
    return [c.id for c in claims]


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (FilterState(), ["a", "b", "c", "d", "e", "r"]),
        (FilterState(include_undated=False), ["a", "b", "c", "e", "r"]),
        (FilterState(include_reported=False), ["a", "b", "c", "d", "e"]),
        (FilterState(start=date(2021, 9, 2)), ["b", "c", "d", "e", "r"]),
        (FilterState(end=date(2021, 9, 1), include_undated=False), ["a", "r"]),
        # a range claim overlapping the window is shown
        (FilterState(start=date(2021, 9, 4), end=date(2021, 9, 4)), ["c", "d"]),
        # "reported by 3 Sep": shown while the window reaches back to 3 Sep, not after
        (FilterState(start=date(2021, 9, 3), end=date(2021, 9, 3)), ["b", "c", "d", "r"]),
        (FilterState(start=date(2021, 9, 4), include_undated=False), ["c", "e"]),
        (FilterState(excluded_outlets=frozenset({"Alpha"})), ["b", "d", "e", "r"]),
        (FilterState(excluded_outlets=frozenset({f"{UNKNOWN_OUTLET} Rumours"})),
         ["a", "b", "c", "e", "r"]),
        (FilterState(excluded_sides=frozenset({"NRF", "unknown"})), ["b", "e", "r"]),
        (FilterState(excluded_kinds=frozenset({"casualties"})), ["b", "c", "e"]),
        (FilterState(text="killed"), ["a", "d"]),
        (FilterState(text="  TALIBAN   bazarak "), ["b"]),
        (FilterState(text="no such words"), []),
        (FilterState(start=date(2021, 9, 3), include_undated=False,
                     excluded_outlets=frozenset({"Beta"})), ["c"]),
    ],
)  # fmt: skip
def test_filter_claims(state, expected):
    assert ids(filter_claims(CLAIMS, state)) == expected


def test_a_source_function_decides_what_an_outlet_exclusion_hides():
    by_file = {c.file: "one source" for c in CLAIMS}
    state = FilterState(excluded_outlets=frozenset({"one source"}))
    assert filter_claims(CLAIMS, state, lambda c: by_file[c.file]) == []


def test_without_dates_keeps_other_filters():
    state = FilterState(
        start=date(2021, 9, 5), end=date(2021, 9, 5), text="taliban", include_undated=False,
        include_reported=False,
    )  # fmt: skip
    opened = without_dates(state)
    assert opened.start is None and opened.end is None
    assert opened.include_reported is False
    assert ids(filter_claims(CLAIMS, opened)) == ["a", "b"]


def test_reported_claims_after_the_window_are_counted():
    state = FilterState(start=date(2021, 9, 1), end=date(2021, 9, 2))
    shown = filter_claims(CLAIMS, state)
    assert "r" in ids(shown) and reported_before_window(shown, state) == 1
    assert reported_before_window(shown, FilterState()) == 0
