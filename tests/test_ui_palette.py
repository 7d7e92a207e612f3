"""Side colours from the conflict profile (atlas.palette): contrast and colour-blind safety."""

from __future__ import annotations

import itertools

import pytest

from atlas.palette import (
    BLACK,
    INK,
    WHITE,
    Deficiency,
    contrast_ratio,
    default_palette,
    delta_e,
    palette_for,
    simulate,
    text_colour_on,
)
from claims.profile import load_profile, parse_profile

PALETTE = default_palette()
MAP_BACKGROUNDS = ("#FBFAF7", "#DDE3EA")  # province fill, outside the outlines (map.css/js)
MIN_DELTA_E = 12.0  # CIE76; every pair of sides under each colour-vision deficiency


@pytest.mark.parametrize(
    ("a", "b", "ratio"),
    [("#FFFFFF", "#000000", 21.0), ("#777777", "#FFFFFF", 4.48), ("#009E73", "#DDDDDD", 2.52)],
)
def test_contrast_ratio_matches_wcag(a, b, ratio):
    assert contrast_ratio(a, b) == pytest.approx(ratio, abs=0.01)


def test_colours_and_labels_come_from_the_profile():
    profile = load_profile()
    assert PALETTE.sides == profile.side_ids
    for side in profile.side_ids:
        assert PALETTE.colour(side) == profile.colour(side).upper()
        assert PALETTE.label(side) == profile.label(side)
    assert PALETTE.style("martians").side == "unknown"


@pytest.mark.parametrize("side", PALETTE.sides)
def test_marker_numbers_are_readable(side):
    style = PALETTE.style(side)
    assert contrast_ratio(style.fill, style.text) >= 4.5, style


@pytest.mark.parametrize("background", MAP_BACKGROUNDS)
def test_labels_and_marker_edges_stand_out_from_the_untiled_map(background):
    assert contrast_ratio(INK, background) >= 4.5  # place names, and every marker's dark edge
    for style in PALETTE.styles:  # a marker's fill on the province fill
        assert contrast_ratio(style.fill, MAP_BACKGROUNDS[0]) >= 3.0, style


@pytest.mark.parametrize("deficiency", list(Deficiency))
def test_sides_stay_apart_under_colour_blindness(deficiency):
    seen = {s.side: simulate(s.fill, deficiency) for s in PALETTE.styles}
    for a, b in itertools.combinations(seen, 2):
        assert delta_e(seen[a], seen[b]) >= MIN_DELTA_E, (deficiency, a, b)


def test_the_unattributed_side_has_a_pattern_too():
    assert [s.side for s in PALETTE.styles if s.hatched] == ["unknown"]


def test_simulation_keeps_greys_and_moves_red_green():
    assert simulate("#808080", Deficiency.DEUTERANOPIA) == "#808080"
    assert delta_e(simulate("#D55E00", Deficiency.DEUTERANOPIA), "#D55E00") > 10


def test_text_colour_is_the_better_of_black_and_white():
    assert text_colour_on("#FFFF00") == BLACK and text_colour_on("#1F4E79") == WHITE


def test_a_profile_with_other_colours_gets_its_own_palette():
    text = (
        'id = "x"\ntitle = "X"\n[[sides]]\nid = "A"\nlabel = "Side A"\ncolour = "#56B4E9"\n'
        '[[sides]]\nid = "B"\nlabel = "Side B"\ncolour = "#000000"\n'
    )
    palette = palette_for(parse_profile(text))
    assert palette.sides == ("A", "B", "other", "unknown")
    assert palette.style("A").text == BLACK and palette.style("B").text == WHITE
