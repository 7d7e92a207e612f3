"""Review end to end in headless Chromium, on a real claim store (SQLite) the seeds were
ingested into — two server starts of their own:

1. ana's server: confirm one claim by keyboard; correct another (a bad figure refused at the
   field first, nothing saved); a second session of hers keeps the page open on a third claim.
2. ben's server, a fresh process: ana's decisions are there; ben confirms the third claim;
   ana's stale session then confirms it too and sees the conflict with ben's change. ana's
   server stops. The corpus is ingested again: the decisions are still there; an article is
   edited and ingested again: the decision re-attaches to the new claim, and ben's page shows
   it after a reload.
3. The shared server (no reviewer identity): the page says read-only and offers no control;
   the store refuses a write without identity too.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from browser_helpers import (
    CAPTION,
    PANEL,
    assert_no_app_error,
    assert_offline,
    choose,
    open_dashboard,
)
from playwright.sync_api import expect
from serving import REPO, serve_dashboard

from store.columnar import ColumnarClaims
from store.database import open_store
from store.exc import ReviewReadOnly
from store.ingest import ingest
from store.review import Action, Edit, Status, Verdict, audit, decision_for, save

pytestmark = pytest.mark.browser
WAIT = 30_000


def css_key(key: str) -> str:
    """The class Streamlit gives an element with ``key`` (st-key-…, other characters → -)."""
    return ".st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key)


@pytest.fixture
def setup(tmp_path):
    corpus = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", corpus)
    url = f"sqlite:///{tmp_path / 'team.sqlite'}"
    with open_store(url, create=True) as db:
        ingest(db, [corpus], workers=0)
    return corpus, url, tmp_path


def _place(url: str):
    """The place with the most claims (its three newest, as the panel lists them) and the
    number of claims in the store."""
    with open_store(url) as db:
        columns = ColumnarClaims.from_store(db)
    return columns.places(samples=3)[0], columns.n


def _serve(corpus: Path, url: str, log: Path, reviewer: str):
    return serve_dashboard(
        corpus, log, env={"CLAIM_ATLAS_DB": url, "CLAIM_ATLAS_REVIEWER": reviewer}
    )


def _open_place(page, server: str, group, total: int) -> None:
    open_dashboard(page, server, total)
    choose(page, "Place", f"{group.name} ({group.count})")
    expect(page.locator(PANEL).get_by_text(group.name).first).to_be_visible(timeout=WAIT)


def _button(page, kind: str, group, claim):
    return page.locator(f"{css_key(f'rv_{kind}_{group.key}_{claim.id}')} button").first


def _decided(url: str, claim):
    with open_store(url) as db:
        return decision_for(db, claim)


def _confirm_and_correct(page, url: str, group, total: int) -> None:
    first, second = group.samples[0], group.samples[1]
    expect(page.get_by_text("Reviewing as ana")).to_be_visible()
    _button(page, "ok", group, first).focus()
    page.keyboard.press("Enter")  # keyboard reachable
    expect(page.get_by_text("Confirmed by ana").first).to_be_visible(timeout=WAIT)
    expect(page.get_by_text(f"{total} of {total} claims shown")).to_be_visible()
    _button(page, "open", group, second).click()
    page.get_by_label("Figure", exact=True).fill("abc")
    page.get_by_role("button", name="Save correction").click()
    expect(page.get_by_text("Figure: expected a whole number")).to_be_visible(timeout=WAIT)
    assert _decided(url, second) is None  # nothing saved
    page.get_by_label("Figure", exact=True).fill("1,234")
    page.get_by_role("button", name="Save correction").click()
    expect(page.get_by_text(re.compile(r"Corrected by ana"))).to_be_visible(timeout=WAIT)
    expect(page.locator(".ca-review-diff").first).to_contain_text("1234")
    expect(page.locator(".ca-review-diff").first).to_contain_text("machine:")
    assert_no_app_error(page)


def test_decisions_survive_restart_reingest_an_edit_and_conflict(setup, browser, page_and_requests):
    corpus, url, tmp = setup
    page, requests = page_and_requests
    group, total = _place(url)
    first, second, third = group.samples[:3]
    stale_ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        with _serve(corpus, url, tmp / "ana.log", "ana") as ana_server:
            _open_place(page, ana_server, group, total)
            _confirm_and_correct(page, url, group, total)
            stale = stale_ctx.new_page()  # ana's second session: the third claim unreviewed
            _open_place(stale, ana_server, group, total)
            expect(_button(stale, "ok", group, third)).to_be_visible(timeout=WAIT)
            assert _decided(url, first).status is Status.CONFIRMED
            assert _decided(url, second).corrections == {"figure": 1234}

            with _serve(corpus, url, tmp / "ben.log", "ben") as ben_server:  # a new process
                _open_place(page, ben_server, group, total)
                expect(page.get_by_text("Confirmed by ana").first).to_be_visible(timeout=WAIT)
                expect(page.get_by_text("Corrected by ana").first).to_be_visible()
                _button(page, "ok", group, third).click()
                expect(page.get_by_text("Confirmed by ben").first).to_be_visible(timeout=WAIT)
                _button(stale, "ok", group, third).click()  # the version before ben's
                expect(
                    stale.get_by_text(re.compile("conflict: ben saved this claim"))
                ).to_be_visible(timeout=WAIT)
                d = _decided(url, third)
                assert (d.reviewer, d.version) == ("ben", 1)  # nothing overwritten
                stale_ctx.close()
                _reingest_and_edit(page, ben_server, corpus, url, first, total)
    finally:
        stale_ctx.close()
    assert_offline(requests)


def _reingest_and_edit(page, server: str, corpus: Path, url: str, first, total: int) -> None:
    with open_store(url) as db:  # ingest again: nothing changed, nothing lost
        ingest(db, [corpus], workers=0)
    assert _decided(url, first).status is Status.CONFIRMED
    path = corpus / first.file.split("/")[-1]
    path.write_text(path.read_text(encoding="utf-8") + "\n\nUpdated.\n", encoding="utf-8")
    with open_store(url) as db:
        assert ingest(db, [corpus], workers=0).changed == 1
        columns = ColumnarClaims.from_store(db)
    moved = next(
        c
        for c in columns.shown()
        if (c.quote, c.kind, c.place_id) == (first.quote, first.kind, first.place_id)
    )
    assert moved.id != first.id
    d = _decided(url, moved)
    assert d is not None and d.status is Status.CONFIRMED and d.reviewer == "ana"
    with open_store(url) as db:
        assert audit(db, d)[-1].action is Action.REATTACH
    group, _ = _place(url)
    page.reload()
    _open_place(page, server, group, total)
    card = page.locator(PANEL)
    expect(card.get_by_text("Confirmed by ana").first).to_be_visible(timeout=WAIT)
    expect(_button(page, "ok", group, moved)).to_be_visible()  # the new claim's controls
    assert_no_app_error(page)


def test_a_read_only_session_cannot_write(setup, page_and_requests, dashboard_url):
    """On the shared server (no reviewer identity): no control, the page says why."""
    _corpus, url, _tmp = setup
    page, requests = page_and_requests
    page.goto(dashboard_url)
    expect(page.get_by_text(CAPTION)).to_be_visible(timeout=60_000)
    expect(page.get_by_text(re.compile("Read-only: no reviewer identity"))).to_be_visible()
    page.locator(f"{PANEL} [class*='st-key-top_'] button").first.click()
    panel = page.locator(PANEL)
    expect(panel.get_by_role("button", name="Read in context").first).to_be_visible(timeout=WAIT)
    expect(panel.get_by_role("button", name="Confirm", exact=True)).to_have_count(0)
    expect(panel.get_by_role("button", name="Review…", exact=True)).to_have_count(0)
    assert_offline(requests)
    group, _total = _place(url)
    with open_store(url) as db, pytest.raises(ReviewReadOnly):
        save(db, group.samples[0], Edit(Verdict.CONFIRMED), None, 0)
    assert _decided(url, group.samples[0]) is None
