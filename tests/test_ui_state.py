"""Filter state <-> URL query string."""

from __future__ import annotations

from datetime import date

import pytest

from claims.ui.filters import DateDomain, FilterState
from claims.ui.state import params_from_state, state_from_params

DOMAIN = DateDomain(date(2021, 8, 30), date(2021, 9, 5))


@pytest.mark.parametrize(
    "state",
    [
        FilterState(),
        FilterState(start=date(2021, 9, 1), end=date(2021, 9, 4)),
        FilterState(include_undated=False, text="killed in Panjshir"),
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
    ],
)
def test_forgiving_reading(params, check):
    assert check(state_from_params(params, DOMAIN))
