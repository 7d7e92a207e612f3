"""Property-based fuzzing of the date resolver (claims.dates) and figure finder."""

from __future__ import annotations

from datetime import date

from hostile.strategies import DATES, fuzz, sentence
from hypothesis import given
from hypothesis import strategies as st

from claims.dates import extend_until, is_historical, resolve
from claims.figures import find_figures
from claims.model import DATE_PRECISIONS
from claims.sentences import normalise

N_RESOLVE = 1500
N_FIGURES = 600

publication = st.one_of(
    st.none(),
    st.dates(date(2015, 1, 1), date(2030, 12, 31)),
    st.dates(),  # the extremes: 0001-01-01 … 9999-12-31 are valid front-matter dates
)
statement = st.one_of(
    sentence(),
    st.builds(lambda a, b: f"{a} {b}", st.sampled_from(DATES), sentence()),
    st.text(max_size=60),
)


def _check(fix) -> None:
    assert fix.precision in DATE_PRECISIONS
    assert isinstance(fix.basis, str) and fix.basis
    if fix.start is not None and fix.end is not None:
        assert fix.start <= fix.end, fix
    if fix.precision == "day":
        assert fix.start is not None and fix.start == fix.end, fix
    if fix.precision == "range":
        assert fix.start is not None and fix.end is not None and fix.start < fix.end, fix


@fuzz(N_RESOLVE)
@given(text=statement, published=publication, previous=st.one_of(st.none(), st.dates()))
def test_date_resolver_never_crashes_and_ranges_are_ordered(text, published, previous):
    norm = normalise(text)
    fix = resolve(norm, published, previous)
    _check(fix)
    _check(extend_until(fix, norm, published))
    assert isinstance(is_historical(norm, published), bool)
    if published is None and fix.start is not None:
        # without a publication date only an explicit date with a year can fix the day
        assert "explicit" in fix.basis or "since then" in fix.basis.lower() or fix.explicit, fix


@fuzz(N_FIGURES)
@given(text=statement)
def test_figures_are_inside_the_text_and_non_negative(text):
    norm = normalise(text)
    for fig in find_figures(norm):
        assert 0 <= fig.start < fig.end <= len(norm)
        assert isinstance(fig.value, int) and fig.value >= 0
