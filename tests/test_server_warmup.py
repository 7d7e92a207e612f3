"""``streamlit run dashboard.py`` warms the process up before any browser connects
(:mod:`atlas.page.warmup`): the corpus is ingested into the store and the map component is
served, with no page ever opened. The page under AppTest (no server start-up) waits for nothing:
the AppTest tests cover that path."""

from __future__ import annotations

import shutil
import time
import urllib.error
import urllib.request
from pathlib import Path

from serving import REPO, serve_dashboard

from store.database import open_store
from store.exc import StoreError

COMPONENT = "/component/streamlit_folium.st_folium/index.html"


def _stored_articles(db: Path) -> int:
    """Articles in the store so far; 0 while the server is still creating it (the file may
    exist before its schema does)."""
    if not db.exists():
        return 0
    try:
        with open_store(f"sqlite:///{db}") as store:
            return len(store.known())
    except StoreError:
        return 0


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def test_server_start_ingests_and_serves_the_map_before_any_page(tmp_path: Path) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", corpus)
    db = tmp_path / "warm.sqlite"
    articles = len(list(corpus.glob("*.txt")))
    assert articles
    with serve_dashboard(corpus, tmp_path / "server.log", args=["--db", f"sqlite:///{db}"]) as url:
        deadline = time.monotonic() + 120
        while _stored_articles(db) < articles and time.monotonic() < deadline:
            time.sleep(0.25)
        assert _stored_articles(db) == articles, (tmp_path / "server.log").read_text()[-2000:]
        # The map component was registered by the warm-up (outside any page run): served.
        assert _status(url + COMPONENT) == 200
    log = (tmp_path / "server.log").read_text()
    assert "missing ScriptRunContext" not in log
    assert "Traceback" not in log


def test_a_store_that_cannot_be_opened_still_lets_the_server_start(tmp_path: Path) -> None:
    """The warm-up meets the problem first and keeps quiet: the page reports it (the
    browser store tests check the page's message)."""
    missing = tmp_path / "nowhere" / "absent.sqlite"
    with serve_dashboard(
        None, tmp_path / "server.log", args=["--db", f"sqlite:///{missing}"]
    ) as url:
        time.sleep(2)
        assert _status(url + "/_stcore/health") == 200
    assert "Traceback" not in (tmp_path / "server.log").read_text()


def test_streamlit_run_finds_the_app_in_dashboard_py() -> None:
    """``streamlit run`` finds the ``st.App`` by reading the file, without running it."""
    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(REPO / "dashboard.py")
    assert found.is_asgi_app
    assert found.import_string == "dashboard:app"


def test_the_page_waits_for_the_warm_up_only_so_long(monkeypatch) -> None:
    """No warm-up (AppTest, ``python -m``): no wait. A warm-up still running (a large corpus
    being ingested): the page waits, then goes on after the timeout instead of hanging."""
    import threading

    from atlas.page import warmup

    assert not warmup._started.is_set()
    t0 = time.monotonic()
    warmup.wait(timeout_s=30)  # nothing was started in this process: no wait at all
    assert time.monotonic() - t0 < 10
    started, done = threading.Event(), threading.Event()
    started.set()
    monkeypatch.setattr(warmup, "_started", started)
    monkeypatch.setattr(warmup, "_done", done)
    monkeypatch.setattr(warmup, "QUIET_WAIT_S", 0.01)
    t0 = time.monotonic()
    warmup.wait(timeout_s=0.3)
    assert time.monotonic() - t0 >= 0.3  # it did wait (a spinner is shown in a page run)
    done.set()
    t0 = time.monotonic()
    warmup.wait(timeout_s=30)  # finished: no wait
    assert time.monotonic() - t0 < 10
