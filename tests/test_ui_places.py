"""Claims per place (atlas.places): one group per marker, its side and dating, the fitted view."""

from __future__ import annotations

import pytest

from atlas.places import DEFAULT_BOUNDS, MIXED, claim_bounds, group_places, side_of
from atlas.sample import make_claim

BAZARAK = dict(place="Bazarak", place_id="town:bazarak", lat=35.31, lon=69.51)
KHENJ = dict(place="Khenj", place_id="district:khenj", lat=35.43, lon=69.73, radius_km=18.0,
             place_precision="area")  # fmt: skip


def test_group_places_one_group_per_place():
    claims = [
        make_claim(id="1", side="NRF", **BAZARAK),
        make_claim(id="2", side="NRF", date="2021-09-05", **BAZARAK),
        make_claim(id="3", side="Taliban", **KHENJ),
        make_claim(id="4", place=None),
    ]
    groups = group_places(claims)
    assert [(g.key, g.count) for g in groups] == [("town:bazarak", 2), ("district:khenj", 1)]
    assert [c.id for c in groups[0].samples] == ["2", "1"]  # newest first, all kept
    assert groups[0].side() == "NRF" and not groups[0].is_area
    assert groups[1].is_area and groups[1].radius_km == 18.0


def test_places_without_id_group_by_point():
    claims = [make_claim(id=str(i), place_id=None, lat=35.0, lon=69.0) for i in range(3)]
    assert [g.count for g in group_places(claims)] == [3]


@pytest.mark.parametrize(
    ("sides", "expected"),
    [
        (["NRF"], "NRF"),
        (["NRF", "NRF"], "NRF"),
        (["NRF", "Taliban"], MIXED),
        (["weird"], "unknown"),
        (["unknown", "other"], MIXED),
    ],
)
def test_side_of(sides, expected):
    assert side_of([make_claim(side=s) for s in sides]) == expected


def test_undated_and_reported_only_places():
    groups = group_places(
        [
            make_claim(id="u", date=None, **BAZARAK),
            make_claim(id="r", reported_by="2021-09-05", **KHENJ),
            make_claim(id="r2", date=None, **KHENJ),
        ]
    )
    flags = {g.key: (g.undated_only, g.reported_only) for g in groups}
    assert flags == {"town:bazarak": (True, False), "district:khenj": (False, True)}
    dated = group_places([make_claim(reported_by="2021-09-05"), make_claim(id="d")])[0]
    assert not dated.reported_only and not dated.undated_only


def test_claim_bounds():
    assert claim_bounds([]) == DEFAULT_BOUNDS
    (s, w), (n, e) = claim_bounds([make_claim(**BAZARAK), make_claim(**KHENJ)])
    assert s <= 35.31 < 35.43 <= n and w <= 69.51 < 69.73 <= e
    (s, w), (n, e) = claim_bounds([make_claim(**BAZARAK)])
    assert n - s == pytest.approx(0.3) and e - w == pytest.approx(0.3)
