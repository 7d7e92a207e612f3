"""Place names for the offline base map, from the shipped gazetteer (atlas.labels)."""

from __future__ import annotations

from atlas.labels import TIERS, labels_from, map_labels
from geo import load_gazetteer


def test_provinces_and_districts_are_labelled_from_the_gazetteer():
    labels = map_labels()
    tiers = {t.name: i for i, t in enumerate(TIERS)}
    provinces = {x.name for x in labels if x.tier == tiers["province"]}
    districts = [x for x in labels if x.tier == tiers["district"]]
    assert len(provinces) == 34 and {"Panjshir", "Parwan", "Kapisa"} <= provinces
    assert len(districts) > 300
    assert {"Bazarak", "Charikar", "Khawak Pass"} <= {x.name for x in labels}


def test_higher_ranks_first_and_no_twin_names_nearby():
    labels = map_labels()
    assert [x.tier for x in labels] == sorted(x.tier for x in labels)
    kabul = sorted(TIERS[x.tier].name for x in labels if x.name == "Kabul")
    assert kabul == ["city", "province"]  # the district "Kabul" at the city is dropped


def test_approximate_points_are_not_labelled():
    gaz = load_gazetteer()
    approximate = {p.name for p in gaz.places if p.approximate and p.kind != "province"}
    names = {x.name for x in labels_from(gaz)}
    assert approximate and not ({"Anabah", "Gulbahar"} & names)


def test_zoom_thresholds_increase_with_rank():
    zooms = [t.min_zoom for t in TIERS]
    assert zooms == sorted(zooms) and zooms[0] <= 6
