"""Property-based fuzzing of place mentions and resolution (geo public API only)."""

from __future__ import annotations

from hostile.strategies import PLACES, article_text, fuzz, name_like, sentence
from hypothesis import given
from hypothesis import strategies as st

from geo import GeoError, Resolution, load_gazetteer

N_MENTIONS = 1000
N_RESOLVE = 1000

GAZ = load_gazetteer()


def _check_resolution(r: Resolution) -> None:
    assert r.resolved == (r.place is not None)
    if r.place is not None:
        assert -90 <= r.place.lat <= 90 and -180 <= r.place.lon <= 180, r.place
        assert r.place.radius_km is None or r.place.radius_km >= 0
    assert isinstance(r.candidates, tuple)
    r.to_json()


@fuzz(N_MENTIONS)
@given(text=st.one_of(article_text(), sentence()))
def test_mentions_are_exact_spans_of_the_text(text: str):
    previous_end = 0
    for m in GAZ.find_mentions(text):
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start : m.end] == m.text, m
        assert m.start >= previous_end, "mentions overlap or go backwards"
        previous_end = m.end
        _check_resolution(m.resolution)


@fuzz(N_RESOLVE)
@given(name=name_like, context=st.one_of(st.none(), st.sampled_from(PLACES), st.text(max_size=12)))
def test_resolve_never_crashes_and_stays_on_earth(name: str, context: str | None):
    try:
        resolution = GAZ.resolve(name, context=context)
    except GeoError:  # documented: UnknownContext for a context that is not a province
        assert context is not None
        return
    _check_resolution(resolution)


WORLD_TEXT = st.lists(
    st.sampled_from(
        [
            "in", "Kharkiv", "Bar", "Said", "the", "Kupiansk", "al-Fashir", "Chad", "Adre",
            "Vladimir", "Putin", "Oblast", "region", "of", ",", ".", "Russia", "Nyala-based",
            "Khost", "district", "Baghlan", "Omdurman", "Ukraine", "near", "Izium", "and",
        ]
    ),
    max_size=30,
).map(" ".join)  # fmt: skip


@fuzz(300)
@given(text=st.one_of(WORLD_TEXT, sentence()))
def test_scoped_mentions_are_exact_spans_too(text: str, world_index: object) -> None:
    gaz = load_gazetteer(countries=("UA", "RU", "AF"))
    previous_end = 0
    for m in gaz.find_mentions(text):
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text, m
        assert m.start >= previous_end, "mentions overlap or go backwards"
        previous_end = m.end
        _check_resolution(m.resolution)
