"""Property-based fuzzing of what a crafted link feeds the dashboard: URL query parameters →
filter state → filtered claims. A link from an adversary must not crash the page."""

from __future__ import annotations

from pathlib import Path

from hostile.strategies import fuzz
from hypothesis import given
from hypothesis import strategies as st

from atlas.filters import filter_claims
from atlas.state import params_from_state, selection_from_params, state_from_params
from atlas.when import date_domain
from claims import load_corpus
from claims.model import KINDS, SIDES

N_PARAMS = 800

CLAIMS = load_corpus([Path(__file__).resolve().parent / "hostile" / "xss"]).claims
DOMAIN = date_domain(CLAIMS)

value = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["2021-09-01", "2021-02-30", "0000-01-01", "9999-12-31", "", " ", "0", "no", "x" * 5000,
         "<img src=x onerror=alert(1)>", "{{ 7*7 }}", "(", "[", "*", "\\", "%", *SIDES, *KINDS]
    ),
)  # fmt: skip
params = st.dictionaries(
    st.sampled_from(
        ["from", "to", "undated", "reported", "xo", "xs", "xk", "q", "place", "claim", "", "zz"]
    ),
    st.one_of(value, st.lists(value, max_size=4)),
    max_size=7,
)


@fuzz(N_PARAMS)
@given(raw=params)
def test_any_query_string_gives_a_valid_filter(raw):
    state = state_from_params(raw, DOMAIN)
    if state.start is not None and state.end is not None:
        assert state.start <= state.end
        assert DOMAIN.first <= state.start and state.end <= DOMAIN.last
    assert state.excluded_sides <= set(SIDES) and state.excluded_kinds <= set(KINDS)
    shown = filter_claims(CLAIMS, state)
    assert set(c.id for c in shown) <= {c.id for c in CLAIMS}
    again = state_from_params(
        {k: v if isinstance(v, list) else [v] for k, v in params_from_state(state, DOMAIN).items()},
        DOMAIN,
    )
    assert filter_claims(CLAIMS, again) == shown, "the URL written back shows something else"
    selection = selection_from_params(raw)
    for value in (selection.place, selection.claim):
        assert value is None or (value.strip() == value and 0 < len(value) <= 500)
