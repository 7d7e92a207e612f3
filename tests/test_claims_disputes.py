"""claims.disputes on the seeds and on hand-made claims."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from claims import Claim, find_disputes, load_corpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_claims() -> list[Claim]:
    return load_corpus([ROOT / "seeds"]).claims


def test_taliban_casualty_figures_differ_by_source(seed_claims) -> None:
    disputes = [d for d in find_disputes(seed_claims) if d.kind == "casualties"]
    assert disputes
    figures = {f for d in disputes for f in d.figures if f is not None}
    assert {600, 700, 1000} <= figures
    by_id = {c.id: c for c in seed_claims}
    files = {by_id[i].file for d in disputes for i in d.claim_ids}
    assert len(files) >= 3, files
    assert any("figures differ" in d.reason for d in disputes)


def test_control_of_panjshir_is_disputed_by_nrf_and_taliban(seed_claims) -> None:
    disputes = [d for d in find_disputes(seed_claims) if d.kind == "territorial_control"]
    sided = [d for d in disputes if {"NRF", "Taliban"} <= set(d.sides)]
    assert sided and any("sides differ" in d.reason for d in sided)
    by_id = {c.id: c for c in seed_claims}
    places = {by_id[i].place for d in sided for i in d.claim_ids}
    assert {"Bazarak", "Panjshir"} <= places  # a town and the province it lies in


def base(seed_claims) -> Claim:
    found = next(c for c in seed_claims if c.place == "Bazarak")
    return dataclasses.replace(found, date_precision="day", date_start=found.date_end)


def variant(claim: Claim, **changes: object) -> Claim:
    key = "|".join(f"{k}={v}" for k, v in sorted(changes.items()))
    return dataclasses.replace(claim, id=f"{claim.id}:{key}", **changes)


def test_same_side_and_figure_is_no_dispute(seed_claims) -> None:
    c = base(seed_claims)
    assert (
        find_disputes([variant(c, side="Taliban"), variant(c, side="Taliban", quote_start=1)]) == []
    )


def test_different_days_are_no_dispute(seed_claims) -> None:
    c = base(seed_claims)
    a = variant(c, side="Taliban", date_start="2021-09-01", date_end="2021-09-01")
    b = variant(c, side="NRF", date_start="2021-09-05", date_end="2021-09-05")
    assert find_disputes([a, b]) == []
    b2 = variant(c, side="NRF", date_start="2021-08-30", date_end="2021-09-02")
    (dispute,) = find_disputes([a, b2])
    assert dispute.sides == ("NRF", "Taliban") or set(dispute.sides) == {"NRF", "Taliban"}


def test_undated_and_unlocated_claims_are_left_out(seed_claims) -> None:
    c = base(seed_claims)
    a = variant(c, side="Taliban", date_start=None, date_end=None, date_precision="unknown")
    b = variant(c, side="NRF", date_start=None, date_end=None, date_precision="unknown")
    assert find_disputes([a, b]) == []


def test_dispute_serialises(seed_claims) -> None:
    for d in find_disputes(seed_claims):
        data = d.to_dict()
        assert len(data["claim_ids"]) == len(data["sides"]) == len(data["figures"]) >= 2
        assert data["date_start"] <= data["date_end"]


# -- across kinds of one event, denials, scopes, open starts, pointers (atlas.sample claims) --

from atlas.sample import make_claim  # noqa: E402
from claims.disputes import Reason, contains, counter_claim_pointers, family_of  # noqa: E402

PANJSHIR = dict(place="Panjshir", place_id="province:AF08", lat=35.4828, lon=69.8819,
                radius_km=34.5, place_precision="area")  # fmt: skip
BAZARAK = dict(place="Bazarak", place_id="place:bazarak", lat=35.3129, lon=69.5152, radius_km=3.0)


def test_took_control_and_repelled_are_one_dispute():
    took = make_claim(id="t", side="Taliban", kind="territorial_control", figure=None, **BAZARAK)
    held = make_claim(id="n", side="NRF", kind="clashes", figure=None, statement_id="s2",
                      **PANJSHIR)  # fmt: skip
    (dispute,) = find_disputes([took, held])
    assert dispute.kind == "territorial_control" and set(dispute.kinds) == {
        "territorial_control", "clashes"}  # fmt: skip
    assert Reason.OUTCOMES in dispute.reasons and Reason.SIDES in dispute.reasons
    assert dispute.family == family_of("clashes") == family_of("territorial_control")
    assert dispute.to_dict()["reasons"] == [str(r) for r in dispute.reasons]


def test_a_denial_is_paired_with_what_it_denies():
    killed = make_claim(id="k", side="NRF", figure=50, **BAZARAK)
    denial = make_claim(id="d", side="NRF", figure=None, stance="denies", statement_id="s2",
                        claimant="another NRF official", **BAZARAK)  # fmt: skip
    (dispute,) = find_disputes([killed, denial])
    assert dispute.reasons == (Reason.DENIAL,)
    assert sorted(zip(dispute.claim_ids, dispute.stances, strict=True)) == [
        ("d", "denies"),
        ("k", "asserts"),
    ]


def test_figures_of_another_scope_are_not_compared():
    a = make_claim(id="a", side="NRF", figure=600, **PANJSHIR)
    b = make_claim(id="b", side="NRF", figure=1600, figure_scope="dead or captured",
                   statement_id="s2", **PANJSHIR)  # fmt: skip
    assert find_disputes([a, b]) == []
    c = make_claim(id="c", side="NRF", figure=700, statement_id="s3", **PANJSHIR)
    (dispute,) = find_disputes([a, b, c])
    assert dispute.reason == "figures differ: 600, 700"


def test_reported_by_claims_reach_back_into_earlier_days():
    early = make_claim(id="e", side="Taliban", date="2021-09-01", **BAZARAK)
    reported = make_claim(id="r", side="NRF", reported_by="2021-09-05", statement_id="s2",
                          **BAZARAK)  # fmt: skip
    (dispute,) = find_disputes([early, reported])
    assert (dispute.date_start, dispute.date_end) == ("2021-09-01", "2021-09-05")
    later = make_claim(id="l", side="Taliban", date="2021-09-06", statement_id="s3", **BAZARAK)
    assert find_disputes([later, reported]) == []


def test_a_town_points_to_a_counter_claim_filed_at_province_level():
    town = make_claim(id="town", side="NRF", kind="territorial_control", **BAZARAK)
    province = make_claim(id="prov", side="Taliban", kind="territorial_control",
                          statement_id="s2", **PANJSHIR)  # fmt: skip
    disputes = find_disputes([town, province])
    pointers = counter_claim_pointers(disputes, {"town": town, "prov": province})
    (pointer,) = pointers["place:bazarak"]
    assert (pointer.claim_id, pointer.filed_at, pointer.filed_at_key) == (
        "prov",
        "Panjshir",
        "province:AF08",
    )
    assert "province:AF08" not in pointers  # the province does not "contain" the town's claim back


def test_containment_needs_the_province_or_the_radius():
    town = make_claim(id="t", **BAZARAK)
    assert contains(make_claim(id="p", **PANJSHIR), town, None) is False  # 38 km > 34.5 km radius
    from geo import load_gazetteer

    assert contains(make_claim(id="p", **PANJSHIR), town, load_gazetteer()) is True
    parwan = make_claim(id="w", place="Parwan", place_id="province:AF03", lat=35.0, lon=68.75,
                        radius_km=42.2, place_precision="area")  # fmt: skip
    assert contains(parwan, town, load_gazetteer()) is False
