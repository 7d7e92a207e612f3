"""Fixtures for the end-to-end tests: a dashboard server on a free port and headless Chromium;
and the world gazetteer's index, built once per machine (user cache folder) for the tests that
need it.

Only browser/server fixtures live here. The server runs ``streamlit run dashboard.py`` with
``CLAIM_ATLAS_TILES=none`` (no tile requests) on 127.0.0.1; every browser request leaving
127.0.0.1/localhost is recorded and aborted, and the tests assert there were none.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from serving import REPO, find_chromium, serve_dashboard

from benchmarks.browser import CHROMIUM_ARGS  # one list of launch flags

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own user data folder (so the dashboard's default claim store is a
    fresh file, never the user's), and no store named by the environment."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("CLAIM_ATLAS_DB", raising=False)


@pytest.fixture(scope="session")
def browser_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seeds plus the hostile-input articles (tests/hostile/xss/*.md)."""
    folder = tmp_path_factory.mktemp("browser_corpus")
    for path in (REPO / "seeds").iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    for path in sorted((REPO / "tests" / "hostile" / "xss").glob("*.md")):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def dashboard_url(browser_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``streamlit run dashboard.py -- --corpus <browser_corpus>`` on a free port, no tiles."""
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    with serve_dashboard(browser_corpus, log) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class RequestLog:
    """Requests the page made, and those outside 127.0.0.1 (aborted)."""

    def __init__(self) -> None:
        self.local: list[str] = []
        self.external: list[str] = []


@pytest.fixture
def page_and_requests(browser) -> Iterator[tuple[object, RequestLog]]:
    """A fresh page whose requests outside 127.0.0.1 are recorded and aborted."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    requests = RequestLog()

    def route(route, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"data", "blob", "about"} or parts.hostname in LOCAL_HOSTS:
            requests.local.append(request.url)
            route.continue_()
        else:
            requests.external.append(request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    try:
        yield page, requests
    finally:
        context.close()


@pytest.fixture(scope="session")
def screenshot_dir(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Path:
    """Where the browser tests save screenshots ($CLAIM_ATLAS_SCREENSHOTS or a temp folder);
    the path is printed in the test report."""
    chosen = os.environ.get("CLAIM_ATLAS_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    message = f"browser screenshots: {folder}"
    # output is captured while a fixture is set up: write past it, so the folder is printed
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        if reporter is not None:
            reporter.write_line(message)
        else:
            print(message)
    return folder


@pytest.fixture(scope="session")
def world_index() -> Path:
    """The compact world index (built on first use, ~25 s, then reused from the user cache);
    subprocesses get its path through CLAIM_ATLAS_WORLD_INDEX."""
    from geo.worldindex import build_index

    return build_index()
