"""The dashboard on the claim store in Chromium: a ``--db`` store's claims on the map; a
restart with the same ``--corpus`` is a look-up (the store's runs say nothing was extracted);
an upload saved to the store by its button is seen by a new session; ``--profile`` draws its
countries' outlines under the markers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser_helpers import CAPTION, caption_text, map_frame, open_dashboard
from playwright.sync_api import expect
from serving import REPO, serve_dashboard

from claims import extract_claims, load_corpus, read_bytes
from store.database import open_store
from store.ingest import ingest

pytestmark = pytest.mark.browser

UPLOAD = (
    "---\ntitle: Saved in the browser\noutlet: Browser Wire\npublished: 2021-09-05\n---\n\n"
    "Taliban spokesman Bilal Karimi said 77 resistance fighters were killed in Bazarak on "
    "Sunday.\n"
)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("store_seeds") / "seeds"
    shutil.copytree(REPO / "seeds", folder)
    return folder


@pytest.fixture(scope="module")
def seed_total(seeds: Path) -> int:
    return len(load_corpus([seeds]).claims)


def test_db_store_claims_on_the_map(seeds, seed_total, tmp_path, page_and_requests):
    page, requests = page_and_requests
    db = tmp_path / "team.sqlite"
    with open_store(str(db), create=True) as store:
        ingest(store, [seeds], workers=0)
    with serve_dashboard(None, tmp_path / "server.log", args=["--db", f"sqlite:///{db}"]) as url:
        frame = open_dashboard(page, url, seed_total)
        expect(frame.locator(".ca-marker, .ca-cluster").first).to_be_visible()
        expect(page.get_by_text("team.sqlite")).to_be_visible()
    assert not requests.external


def _runs(db: str) -> list:
    with open_store(db) as store:
        return sorted(store.runs(), key=lambda r: r.id)


def test_restart_is_a_look_up(seeds, seed_total, tmp_path, page_and_requests):
    page, _ = page_and_requests
    db = f"sqlite:///{tmp_path / 'corpus.sqlite'}"
    for n in (1, 2):
        log = tmp_path / f"server{n}.log"
        with serve_dashboard(seeds, log, args=["--db", db]) as url:
            open_dashboard(page, url, seed_total)
        runs = _runs(db)
        assert len(runs) == n, runs
    first, second = runs
    assert first.counts["added"] == 5
    assert second.counts["unchanged"] == 5
    assert second.counts["added"] == second.counts["changed"] == 0  # nothing re-extracted


def test_save_upload_to_store(seeds, seed_total, tmp_path, browser, page_and_requests):
    page, _ = page_and_requests
    db = f"sqlite:///{tmp_path / 'up.sqlite'}"
    mine = extract_claims(read_bytes("uploaded/saved.md", UPLOAD.encode()))
    assert mine
    total = seed_total + len(mine)
    with serve_dashboard(seeds, tmp_path / "server.log", args=["--db", db]) as url:
        open_dashboard(page, url, seed_total)
        page.locator('input[type="file"]').set_input_files(
            [{"name": "saved.md", "mimeType": "text/markdown", "buffer": UPLOAD.encode()}]
        )
        expect(page.get_by_text(caption_text(total, total))).to_be_visible(timeout=30_000)
        with open_store(db) as store:
            assert store.article("uploaded/saved.md") is None  # in the session only
        save = page.get_by_role("button", name="Save 1 uploaded article to the store")
        save.click()
        sidebar = page.locator('[data-testid="stSidebar"]')
        # the upload's own "1 claim added" may stand beside the save's message for a rerun
        saved = sidebar.locator('[data-testid="stAlertContentSuccess"]').filter(
            has_text=f"uploaded/saved.md: {len(mine)} claim{'s' if len(mine) != 1 else ''} saved"
        )
        expect(saved).to_be_visible(timeout=30_000)
        expect(save).to_have_count(0)
        expect(page.get_by_text(caption_text(total, total))).to_be_visible(timeout=30_000)
        with open_store(db) as store:
            assert store.article("uploaded/saved.md") is not None
        other = browser.new_page()  # a new session: the saved article is in the store
        try:
            open_dashboard(other, url, total)
        finally:
            other.close()


def test_profile_draws_its_countries(seeds, tmp_path, page_and_requests):
    page, requests = page_and_requests
    args = ["--profile", "russia-ukraine-2022"]
    with serve_dashboard(seeds, tmp_path / "server.log", args=args) as url:
        page.goto(url)
        expect(page.get_by_text(CAPTION)).to_be_visible(timeout=60_000)
        frame = map_frame(page)
        expect(frame.locator("path.ca-country")).to_have_count(2, timeout=30_000)
        assert frame.locator("path.ca-outline").count() > 10  # the Afghan provinces stay
    assert not requests.external


def test_unknown_profile_message(seeds, tmp_path, page_and_requests):
    page, _ = page_and_requests
    with serve_dashboard(seeds, tmp_path / "server.log", args=["--profile", "nowhere"]) as url:
        page.goto(url)
        alert = page.locator('[data-testid="stAlertContentError"]')
        expect(alert).to_contain_text("nowhere: no such profile", timeout=60_000)
