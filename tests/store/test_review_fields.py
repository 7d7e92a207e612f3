"""The rules of corrected values and of re-attachment by quote, as tables of cases."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from conftest import FULL_CLAIM

from store.exc import ReviewInvalid
from store.reattach import match, quote_hash
from store.review_fields import apply, parse_date, parse_figure, validate


@pytest.mark.parametrize(
    ("raw", "value"),
    [("40", 40), (" 1,200 ", 1200), ("", None), (None, None), (7, 7), ("0", 0)],
)
def test_figures(raw, value):
    assert parse_figure(raw) == value


@pytest.mark.parametrize("raw", ["abc", "-3", "4.5", "1e3", True, 10**16])
def test_bad_figures(raw):
    with pytest.raises(ValueError):
        parse_figure(raw)


@pytest.mark.parametrize("raw", ["2021-02-30", "2021-13-01", "05/09/2021", "yesterday"])
def test_bad_dates(raw):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date(raw)


@pytest.mark.parametrize(
    ("raw", "changed"),
    [
        ({"figure": "600"}, {"figure": 600}),
        ({"figure": str(FULL_CLAIM.figure)}, {}),  # the machine's value: no correction
        ({"figure_qualifier": ""}, {"figure_qualifier": None}),
        (
            {"date_precision": "day", "date_start": "2021-09-03", "date_end": ""},
            {"date_precision": "day", "date_end": "2021-09-03"},
        ),
        (
            {"date_precision": "on_or_before", "date_end": "2021-09-05"},
            {"date_precision": "on_or_before", "date_start": None, "date_end": "2021-09-05"},
        ),
        (
            {"date_precision": "unknown"},
            {"date_precision": "unknown", "date_start": None, "date_end": None},
        ),
        (
            {"place": "Danah", "lat": "35.3", "lon": "69.6", "place_id": ""},
            {"place": "Danah", "lat": 35.3, "lon": 69.6, "place_id": None},
        ),
    ],
)
def test_corrections_keep_only_what_differs(raw, changed):
    assert validate(FULL_CLAIM, raw) == changed


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"lat": "91", "lon": "0", "place": "x"}, "lat"),
        ({"lon": "nan", "lat": "0", "place": "x"}, "lon"),
        ({"date_precision": "range", "date_start": "2021-09-04", "date_end": ""}, "date_end"),
        (
            {"date_precision": "day", "date_start": "2021-09-04", "date_end": "2021-09-05"},
            "date_end",
        ),
        ({"date_precision": "weekly"}, "date_precision"),
        ({"figure_qualifier": "x" * 501}, "figure_qualifier"),
    ],
)
def test_invalid_corrections(raw, field):
    with pytest.raises(ReviewInvalid) as caught:
        validate(FULL_CLAIM, raw)
    assert field in caught.value.errors


def test_an_unresolved_place_placed_by_hand_becomes_a_point():
    danah = replace(
        FULL_CLAIM,
        place=None,
        place_id=None,
        lat=None,
        lon=None,
        radius_km=None,
        place_precision=None,
        unresolved_place="Danah",
    )
    fixed = apply(danah, validate(danah, {"place": "Danah", "lat": "35.3", "lon": "69.6"}))
    assert (fixed.lat, fixed.lon, fixed.place, fixed.unresolved_place) == (
        35.3,
        69.6,
        "Danah",
        None,
    )
    assert fixed.located and fixed.place_mention == FULL_CLAIM.place_mention


@dataclass(frozen=True)
class C:
    id: str
    quote: str
    kind: str = "casualties"
    file: str = "a.txt"


@dataclass(frozen=True)
class D:
    claim_id: str
    quote: str
    machine_kind: str = "casualties"
    machine_place: str | None = "p1"
    file_name: str = "a.txt"

    @property
    def quote_sha(self) -> str:
        return quote_hash(self.quote)


@pytest.mark.parametrize(
    ("claims", "place_of", "attached"),
    [
        ([C("n1", "He said 40 died.")], {"n1": "p1"}, "n1"),  # same quote, new id
        ([C("n1", "He  said 40\ndied.")], {}, "n1"),  # spacing and line breaks changed
        ([C("n1", "Other words.")], {}, None),  # the quote is gone: orphan
        ([C("n1", "He said 40 died.", file="b.txt")], {}, None),  # another file
        ([C("n1", "He said 40 died.", "clashes"), C("n2", "He said 40 died.")], {}, "n2"),
        ([C("n1", "He said 40 died."), C("n2", "He said 40 died.")], {"n2": "p1"}, "n2"),
        ([C("n1", "He said 40 died."), C("n2", "He said 40 died.")], {}, None),  # a tie
    ],
)
def test_reattachment_by_quote(claims, place_of, attached):
    found, orphans = match([D("old", "He said 40 died.")], claims, set(), place_of)
    assert [m.claim.id for m in found] == ([attached] if attached else [])
    assert len(orphans) == (0 if attached else 1)


def test_a_claim_takes_one_decision():
    claims = [C("n1", "He said 40 died.")]
    taken = {("n1", quote_hash("He said 40 died."))}  # already decided
    found, orphans = match([D("old", "He said 40 died.")], claims, taken, {})
    assert found == [] and len(orphans) == 1


def test_apply_is_replace_and_leaves_the_machine_claim_alone():
    """The fast copy in ``apply`` gives what ``dataclasses.replace`` gives: an equal, hashable,
    frozen claim with only the corrected fields changed."""
    corrections = validate(FULL_CLAIM, {"side": "NRF", "figure": "1,200"})
    fixed = apply(FULL_CLAIM, corrections)
    assert fixed == replace(FULL_CLAIM, **corrections) and hash(fixed) == hash(
        replace(FULL_CLAIM, **corrections)
    )
    assert fixed is not FULL_CLAIM and FULL_CLAIM.figure != 1200 and fixed.figure == 1200
    with pytest.raises(AttributeError):
        fixed.side = "Taliban"  # type: ignore[misc]
    assert fixed.to_dict() == {**FULL_CLAIM.to_dict(), **corrections}
