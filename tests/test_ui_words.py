"""Words for codes (atlas.words): figures keep qualifier and scope, no snake_case on screen."""

from __future__ import annotations

import pytest

from atlas.sample import make_claim
from atlas.words import KIND_LABELS, figure_text, kind_label, place_precision_text, rule_text
from claims.model import KINDS


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"figure": None}, None),
        ({"figure": 600}, "600"),
        ({"figure": 600, "figure_qualifier": "about"}, "about 600"),
        ({"figure": 1000, "figure_qualifier": "more than"}, "more than 1,000"),
        ({"figure": 1600, "figure_scope": "dead or captured"}, "1,600 dead or captured"),
        ({"figure": 20, "figure_qualifier": "at least", "figure_scope": "killed or wounded"},
         "at least 20 killed or wounded"),
        ({"figure": 1000, "figure_qualifier": "thousands"}, "thousands (coded 1,000)"),
        ({"figure": 100, "figure_qualifier": "about hundreds"}, "about hundreds (coded 100)"),
    ],
)  # fmt: skip
def test_figure_text(fields, text):
    assert figure_text(make_claim(**fields)) == text


def test_every_kind_has_words_without_underscores():
    assert set(KIND_LABELS) == set(KINDS)
    assert all("_" not in kind_label(k) for k in KINDS)
    assert kind_label("new_kind") == "new kind"


def test_precision_and_rule_texts():
    assert place_precision_text(make_claim(place_precision="area", radius_km=35.2)).endswith(
        "radius 35 km"
    )
    assert "not found" in place_precision_text(make_claim(place=None))
    assert rule_text(make_claim(rule="kind=K-control-took  speaker=S-subject")) == (
        "kind=K-control-took · speaker=S-subject"
    )
    assert rule_text(make_claim(rule="")) == "no rule ids recorded"
