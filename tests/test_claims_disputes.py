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
    return next(c for c in seed_claims if c.place == "Bazarak")


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
