"""Filter state and selection <-> URL query string (atlas.state)."""

from __future__ import annotations

from datetime import date

import pytest

from atlas.filters import FilterState
from atlas.state import (
    Selection,
    ViewState,
    params_from_state,
    params_from_view,
    query_string,
    selection_from_params,
    state_from_params,
)
from atlas.when import DateDomain

DOMAIN = DateDomain(date(2021, 8, 30), date(2021, 9, 5))


@pytest.mark.parametrize(
    "state",
    [
        FilterState(),
        FilterState(start=date(2021, 9, 1), end=date(2021, 9, 4)),
        FilterState(include_undated=False, text="killed in Panjshir"),
        FilterState(include_reported=False),
        FilterState(
            excluded_outlets=frozenset({"Republic", "Pop Smoke Media"}),
            excluded_sides=frozenset({"Taliban"}),
            excluded_kinds=frozenset({"negotiation", "other"}),
        ),
    ],
)
def test_round_trip(state):
    params = params_from_state(state, DOMAIN)
    as_lists = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    back = state_from_params(as_lists, DOMAIN)
    expected_start = state.start or None
    assert back.start == expected_start
    assert back.end == state.end
    assert back.include_undated == state.include_undated
    assert back.include_reported == state.include_reported
    assert back.excluded_outlets == state.excluded_outlets
    assert back.excluded_sides == state.excluded_sides
    assert back.excluded_kinds == state.excluded_kinds
    assert back.text == state.text


def test_defaults_write_nothing():
    assert params_from_state(FilterState(), DOMAIN) == {}
    full = FilterState(start=DOMAIN.first, end=DOMAIN.last)
    assert params_from_state(full, DOMAIN) == {}


def test_params_shape():
    state = FilterState(
        start=date(2021, 9, 1),
        include_undated=False,
        excluded_outlets=frozenset({"B", "A"}),
        text=" x ",
    )
    assert params_from_state(state, DOMAIN) == {
        "from": "2021-09-01",
        "undated": "0",
        "xo": ["A", "B"],
        "q": "x",
    }


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"from": ["garbage"]}, lambda s: s.start is None),
        ({"from": ["2020-01-01"]}, lambda s: s.start == DOMAIN.first),  # clamped
        ({"to": ["2030-01-01"]}, lambda s: s.end == DOMAIN.last),
        (
            {"from": ["2021-09-04"], "to": ["2021-09-01"]},
            lambda s: (s.start, s.end) == (date(2021, 9, 1), date(2021, 9, 4)),
        ),
        ({"xs": ["Taliban", "martians"]}, lambda s: s.excluded_sides == {"Taliban"}),
        ({"xk": ["<script>"]}, lambda s: s.excluded_kinds == frozenset()),
        ({"undated": ["false"]}, lambda s: s.include_undated is False),
        ({"undated": ["1"]}, lambda s: s.include_undated is True),
        ({"q": "plain string"}, lambda s: s.text == "plain string"),
        ({"reported": ["0"]}, lambda s: s.include_reported is False),
        ({"xo": ["x" * 5000]}, lambda s: s.excluded_outlets == frozenset()),
    ],
)
def test_forgiving_reading(params, check):
    assert check(state_from_params(params, DOMAIN))


def test_custom_sides_are_the_ones_accepted():
    state = state_from_params({"xs": ["Taliban", "ISKP"]}, DOMAIN, sides=("ISKP", "other"))
    assert state.excluded_sides == {"ISKP"}


def test_selection_round_trip_and_link():
    view = ViewState(FilterState(text="x"), Selection("town:bazarak", "c1"))
    params = params_from_view(view, DOMAIN)
    assert params == {"q": "x", "place": "town:bazarak", "claim": "c1"}
    as_lists = {k: [v] if isinstance(v, str) else v for k, v in params.items()}
    assert selection_from_params(as_lists) == view.selection
    assert query_string(params) == "?q=x&place=town%3Abazarak&claim=c1"
    assert query_string({}) == ""
    assert query_string({"xo": ["A", "B"]}) == "?xo=A&xo=B"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, Selection()),
        ({"place": [" "]}, Selection()),
        ({"place": ["a", "b"]}, Selection("b")),
        ({"place": "x" * 600}, Selection()),
        ({"claim": "c9"}, Selection(None, "c9")),
    ],
)
def test_selection_reading_is_forgiving(params, expected):
    assert selection_from_params(params) == expected
