"""Review in the store-backed dashboard under AppTest: one-click confirm, a correction with a
bad figure (and a bad date) refused at the field then saved with the machine value beside it,
a rejection hiding the claim (counted, shown again on request), a correction moving the claim
in the columns the filters read, a read-only session without controls, an unresolved place
placed by hand, a place from the gazetteer search, and sign-in offered with authentication."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from store.columnar import ColumnarClaims
from store.database import open_store
from store.ingest import ingest
from store.review import Status, audit, decision_for

REPO = Path(__file__).resolve().parents[1]
CAPTION = re.compile(r"(\d+) of (\d+) claims shown")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A store the seeds were ingested into (what the page would do at its first start)."""
    folder = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", folder)
    url = f"sqlite:///{tmp_path / 'review.sqlite'}"
    with open_store(url, create=True) as db:
        ingest(db, [folder], workers=0)
    return url


@pytest.fixture
def place(db_url):
    """The place with the most claims, its newest claim, and the total."""
    with open_store(db_url) as db:
        columns = ColumnarClaims.from_store(db)
    group = columns.places(samples=1)[0]
    return group, group.samples[0], columns.n


@pytest.fixture
def app(db_url, monkeypatch):
    st.cache_resource.clear()
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--db", db_url])
    monkeypatch.setenv("CLAIM_ATLAS_TILES", "none")
    monkeypatch.delenv("CLAIM_ATLAS_CORPUS", raising=False)

    def make(reviewer: str | None = "ana", tab: str | None = None) -> AppTest:
        if reviewer:
            monkeypatch.setenv("CLAIM_ATLAS_REVIEWER", reviewer)
        else:
            monkeypatch.delenv("CLAIM_ATLAS_REVIEWER", raising=False)
        at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
        if tab:
            at.session_state["tab"] = tab
        return run(at)

    yield make
    st.cache_resource.clear()


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click()
    return run(at)


def select(at: AppTest, key: str) -> AppTest:
    at.selectbox(key="f_place").set_value(key)
    return run(run(at))


def html_text(at: AppTest) -> str:
    return " ".join(e.proto.body for e in at.get("html"))


def caption(at: AppTest) -> tuple[int, int]:
    for m in at.markdown:
        found = CAPTION.search(m.value)
        if found:
            return int(found.group(1)), int(found.group(2))
    raise AssertionError("no caption")


def decided(db_url: str, claim):
    with open_store(db_url) as db:
        return decision_for(db, claim)


def test_confirm_is_one_click(app, place, db_url):
    group, claim, _total = place
    at = select(app(), group.key)
    assert "Machine-read · not reviewed" in html_text(at)
    assert any("Reviewing as ana" in c.value for c in at.sidebar.caption)
    click(at, f"rv_ok_{group.key}_{claim.id}")
    d = decided(db_url, claim)
    assert d.status is Status.CONFIRMED and d.reviewer == "ana"
    assert "Confirmed by ana" in html_text(at)
    with open_store(db_url) as db:
        assert [e.action.value for e in audit(db, d)] == ["confirm"]


def test_correction_is_checked_at_the_field_then_shown_beside_the_machine(app, place, db_url):
    group, claim, total = place
    at = select(app(), group.key)
    click(at, f"rv_open_{group.key}_{claim.id}")
    form = f"rv_{claim.id}_0"
    at.text_input(key=f"{form}_figure").set_value("abc")
    at.text_input(key=f"{form}_date_start").set_value("2021-02-30")
    click(at, f"{form}_save")
    errors = " ".join(e.value for e in at.error)
    assert "Figure: expected a whole number" in errors
    assert "From (YYYY-MM-DD):" in errors
    assert decided(db_url, claim) is None  # nothing saved, not even the good fields
    at.text_input(key=f"{form}_figure").set_value("1,234")
    at.text_input(key=f"{form}_date_start").set_value(claim.date_start or "")
    click(at, f"{form}_save")
    d = decided(db_url, claim)
    assert d.status is Status.CORRECTED and d.corrections == {"figure": 1234}
    page = html_text(at)
    assert "figure: <b>1234</b>" in page and f"(machine: {claim.figure or '—'})" in page
    assert caption(at) == (total, total)


def test_rejection_hides_the_claim_and_counts_it(app, place, db_url):
    group, claim, total = place
    at = select(app(), group.key)
    click(at, f"rv_open_{group.key}_{claim.id}")
    form = f"rv_{claim.id}_0"
    click(at, f"{form}_reject")
    assert any("Reason for rejecting: say why" in e.value for e in at.error)
    assert decided(db_url, claim) is None
    at.text_input(key=f"{form}_reason").set_value("a history sentence")
    click(at, f"{form}_reject")
    assert decided(db_url, claim).reason == "a history sentence"
    assert caption(at) == (total - 1, total)
    assert any("1 claim rejected by reviewers, hidden" in c.value for c in at.sidebar.caption)
    at.multiselect(key="f_review_status").select(Status.REJECTED)
    run(at)
    assert caption(at) == (total, total)
    at.multiselect(key="f_review_status").set_value([Status.REJECTED])
    run(at)
    assert caption(at) == (1, total)


def test_a_corrected_kind_is_what_the_filters_read(app, place, db_url):
    group, claim, _total = place
    at = select(app(), group.key)
    click(at, f"rv_open_{group.key}_{claim.id}")
    form = f"rv_{claim.id}_0"
    new_kind = "negotiation" if claim.kind != "negotiation" else "clashes"
    at.selectbox(key=f"{form}_kind").set_value(new_kind)
    click(at, f"{form}_save")
    assert decided(db_url, claim).corrections == {"kind": new_kind}
    at.multiselect(key="f_kinds").set_value([new_kind])
    run(at)
    shown, _ = caption(at)
    with open_store(db_url) as db:
        machine = ColumnarClaims.from_store(db)
    before = int((machine.kind.codes == machine.kind.index.get(new_kind, -2)).sum())
    assert shown == before + 1  # the corrected claim counts under its reviewed kind


def test_read_only_session_has_no_controls(app, place, db_url):
    group, _claim, _total = place
    at = select(app(reviewer=None), group.key)
    assert not [b for b in at.button if b.key and b.key.startswith("rv_")]
    assert any("Read-only: no reviewer identity" in c.value for c in at.sidebar.caption)
    assert "not reviewed" not in html_text(at)  # undecided cards stay as they were


def _markers(at: AppTest) -> list[dict]:
    (component,) = list(at.get("component_instance"))
    args = json.loads(component.proto.json_args)
    found = re.search(r"ClaimAtlas\.places\(\w+, (\{.*?\})\);", args["feature_group"], re.S)
    return json.loads(found.group(1))["places"]


def test_an_unresolved_place_is_placed_by_hand_and_appears_on_the_map(app, db_url):
    with open_store(db_url) as db:
        danah = next(c for c in ColumnarClaims.from_store(db).shown() if not c.located)
    at = app(tab="Data issues")
    at.selectbox(key="rv_unplaced").set_value(danah.id)
    run(at)
    click(at, f"rv_open_unplaced_{danah.id}")
    form = f"rv_{danah.id}_0"
    at.text_input(key=f"{form}_none_place").set_value("Danah")
    at.text_input(key=f"{form}_none_lat").set_value("35.35")
    click(at, f"{form}_save")
    assert any("Longitude: give both" in e.value for e in at.error)
    at.text_input(key=f"{form}_none_lon").set_value("69.61")
    click(at, f"{form}_save")
    d = decided(db_url, danah)
    assert d.corrections == {"place": "Danah", "lat": 35.35, "lon": 69.61}
    placed = [p for p in _markers(at) if (p["lat"], p["lon"]) == (35.35, 69.61)]
    assert placed and placed[0]["name"] == "Danah" and placed[0]["reviewed"] == "all"


def test_a_place_from_the_gazetteer_search(app, place, db_url):
    from geo import load_gazetteer

    group, claim, _total = place
    at = select(app(), group.key)
    click(at, f"rv_open_{group.key}_{claim.id}")
    form = f"rv_{claim.id}_0"
    at.text_input(key=f"{form}_find").set_value("Khinj")
    run(at)
    chosen = at.selectbox(key=f"{form}_found").value
    assert "khinj" in chosen.name.lower() or "khenj" in chosen.name.lower()
    click(at, f"{form}_save")
    d = decided(db_url, claim)
    assert d.corrections["place_id"] == chosen.id != claim.place_id
    assert load_gazetteer().get(chosen.id).name == d.corrections["place"]


def test_with_authentication_configured_a_visitor_is_offered_to_sign_in(app, monkeypatch):
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
    monkeypatch.delenv("CLAIM_ATLAS_REVIEWER", raising=False)
    at.secrets["auth"] = {"redirect_uri": "http://127.0.0.1/oauth2callback",
                          "cookie_secret": "x" * 32}  # fmt: skip
    run(at)
    assert at.button(key="rv_login").label == "Sign in to review"
    assert any("Read-only" in c.value for c in at.sidebar.caption)
