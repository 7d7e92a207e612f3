"""Load: 10 browser sessions at once against one dashboard server on 127.0.0.1.

One Chromium, 10 contexts, driven concurrently (Playwright's async API in a worker thread, so
it does not meet the sync API of tests/conftest.py). Each session opens its own link (one kind
excluded, ``?xk=<kind>``) and uploads its own article (outlet "Session <k> Wire"), then for a
bounded time scrubs the end thumb of the date slider and now and then clicks a marker. After
every slider step the session waits until its caption shows exactly the count that its own
filters and its own upload give (computed here with the dashboard's functions): another
session's upload or filter leaking in would change the count.

Latency is measured in the browser (performance.now()): from the key press to the caption
``N of M claims shown`` showing the new count. p50/p95/max go to artifacts/load_sessions.json
and are printed; there is no timing assertion.
"""

from __future__ import annotations

import asyncio
import json
import math
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from hostile.fixtures import launch_options
from serving import serve_dashboard

from atlas.filters import FilterState, filter_claims
from atlas.when import date_domain
from claims import extract_claims, load_corpus, read_bytes
from claims.model import KINDS

pytestmark = pytest.mark.browser

SESSIONS = 10
LOAD_SECONDS = 15
STEP_TIMEOUT_S = 30
PAGE_LOAD_MS = 240_000  # ten sessions opening at once on two shared cores: a guard, not a timing
CALL_TIMEOUT_S = 60  # any single browser call; a stuck one is reported, never waited on forever
REPO = Path(__file__).resolve().parents[1]
ARTIFACT = REPO / "artifacts" / "load_sessions.json"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
CAPTION_JS = r"""
() => {
  const m = document.body.innerText.match(/(\d+) of (\d+) claims shown/);
  return m ? m[0] : null;
}
"""
# Resolves with the ms from the mark to the caption reading `want` (polled every frame).
WAIT_CAPTION_JS = r"""
async ([want, t0, limit]) => {
  return await new Promise((resolve) => {
    const tick = () => {
      const m = document.body.innerText.match(/(\d+) of (\d+) claims shown/);
      const now = performance.now();
      if (m && m[0] === want) resolve(now - t0);
      else if (now - t0 > limit) resolve(-1);
      else setTimeout(tick, 10);  // not requestAnimationFrame: a starved page may skip frames
    };
    tick();
  });
}
"""


def upload_text(k: int) -> str:
    return (
        f"---\ntitle: Session {k} report\noutlet: Session {k} Wire\npublished: 2021-09-05\n---\n\n"
        f"Taliban spokesman Bilal Karimi said {100 + k} resistance fighters were killed in "
        "Bazarak on Sunday.\n\n"
        f"The NRF said {200 + k} Taliban were captured in Khinj on Sunday.\n"
    )


class Barrier:
    """Sessions wait here until all are loaded; then all get the same scrubbing deadline."""

    def __init__(self, n: int) -> None:
        self.left = n
        self.event = asyncio.Event()
        self.deadline = 0.0

    def leave(self) -> None:
        """A session that failed before arriving: the others must not wait for it."""
        self.left -= 1
        self._maybe_open()

    async def wait(self) -> float:
        self.left -= 1
        self._maybe_open()
        await self.event.wait()
        return self.deadline

    def _maybe_open(self) -> None:
        if self.left <= 0 and not self.event.is_set():
            self.deadline = time.monotonic() + LOAD_SECONDS
            self.event.set()


@dataclass
class SessionResult:
    k: int
    latencies_ms: list[float] = field(default_factory=list)
    steps: int = 0
    marker_clicks: int = 0
    missed_clicks: int = 0
    problems: list[str] = field(default_factory=list)
    stage: str = "not started"
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def corpus(browser_corpus: Path):
    return load_corpus([browser_corpus])


async def _bounded(awaitable, what: str, result: SessionResult):
    """One browser call, given at most CALL_TIMEOUT_S (a hung renderer must not hang the test)."""
    result.stage = what
    return await asyncio.wait_for(awaitable, CALL_TIMEOUT_S)


async def _open(page, url: str, kind: str, corpus, result: SessionResult) -> None:
    from playwright.async_api import expect

    hidden = frozenset({kind})
    total = len(corpus.claims)
    start_count = len(filter_claims(corpus.claims, FilterState(excluded_kinds=hidden)))
    result.stage = "opening the link"
    await page.goto(f"{url}/?xk={kind}", timeout=PAGE_LOAD_MS)
    result.stage = "waiting for the first caption"
    await expect(page.get_by_text(f"{start_count} of {total} claims shown")).to_be_visible(
        timeout=PAGE_LOAD_MS
    )


async def _upload(page, k: int, hidden: frozenset, corpus, result: SessionResult) -> list:
    from playwright.async_api import expect

    text = upload_text(k)
    name = f"session_{k}.md"
    mine = extract_claims(read_bytes("uploaded/" + name, text.encode()))
    claims = list(corpus.claims) + mine
    result.stage = "uploading"  # Playwright's own timeout: the server may be busy with nine others
    await page.locator('input[type="file"]').set_input_files(
        [{"name": name, "mimeType": "text/markdown", "buffer": text.encode()}],
        timeout=PAGE_LOAD_MS,
    )
    shown = len(filter_claims(claims, FilterState(excluded_kinds=hidden)))
    result.stage = "waiting for the caption after the upload"
    await expect(page.get_by_text(f"{shown} of {len(claims)} claims shown")).to_be_visible(
        timeout=PAGE_LOAD_MS
    )
    return claims


async def _click_marker(page, result: SessionResult) -> None:
    marker = page.frame_locator(MAP_FRAME).locator(".ca-marker").first
    if await _bounded(marker.count(), "counting markers", result):
        try:
            await _bounded(marker.click(timeout=5_000), "clicking a marker", result)
            result.marker_clicks += 1
        except Exception:
            result.missed_clicks += 1


async def _scrub(page, claims: list, hidden: frozenset, deadline: float, result) -> None:
    """Step the slider's end thumb until the deadline; after each step, wait for the count."""
    domain = date_domain(claims)
    thumb = page.get_by_role("slider", name="Claim dates — end")
    end, direction, step = domain.last, -1, 0
    while time.monotonic() < deadline:
        if end <= domain.first + timedelta(days=1) or (end >= domain.last and step):
            direction = -direction
        step += 1
        end = end + timedelta(days=direction)
        state = FilterState(start=domain.first, end=end, excluded_kinds=hidden)
        caption = f"{len(filter_claims(claims, state))} of {len(claims)} claims shown"
        await _bounded(thumb.focus(), f"step {step}: focusing the slider", result)
        t0 = await _bounded(page.evaluate("() => performance.now()"), "reading the clock", result)
        key = "ArrowLeft" if direction < 0 else "ArrowRight"
        await _bounded(thumb.press(key), f"step {step}: pressing {key}", result)
        ms = await _bounded(
            page.evaluate(WAIT_CAPTION_JS, [caption, t0, STEP_TIMEOUT_S * 1000]),
            f"step {step}: waiting for {caption!r}",
            result,
        )
        if ms < 0:
            got = await _bounded(page.evaluate(CAPTION_JS), "reading the caption", result)
            result.problems.append(f"step {step}: waited for {caption!r}, page shows {got!r}")
            return
        result.latencies_ms.append(ms)
        result.steps += 1
        if step % 4 == 0:  # now and then, click a marker; the detail panel must follow
            await _click_marker(page, result)


async def _check_isolation(page, k: int, kind: str, result: SessionResult) -> None:
    body = await _bounded(page.locator("body").inner_text(), "reading the page", result)
    for other in range(SESSIONS):
        if other != k and f"Session {other} Wire" in body:
            result.problems.append(f"session {other}'s upload visible in session {k}")
    if f"Session {k} Wire" not in body:
        result.problems.append("own upload not listed")
    if f"xk={kind}" not in page.url:
        result.problems.append(f"own filter lost from the URL: {page.url}")
    if await _bounded(page.locator('[data-testid="stException"]').count(), "checking", result):
        result.problems.append("app exception shown")


async def _only_local(route, request, result: SessionResult) -> None:
    host = re.sub(r"^\w+://([^/:]+).*$", r"\1", request.url)
    if request.url.startswith(("data:", "blob:", "about:")) or host in ("127.0.0.1", "localhost"):
        await route.continue_()
    else:
        result.problems.append(f"external request {request.url}")
        await route.abort()


async def _session(k, browser, url, corpus, result: SessionResult, ready: Barrier) -> None:
    context = await browser.new_context(viewport={"width": 1300, "height": 950})
    await context.route("**/*", lambda route, request: _only_local(route, request, result))
    page = await context.new_page()
    page.on("pageerror", lambda exc: result.page_errors.append(str(exc)))
    page.on("dialog", lambda d: result.dialogs.append(d.message))
    arrived = False
    try:
        kind = KINDS[k % len(KINDS)]  # this session's own filter, from its link: one kind out
        hidden = frozenset({kind})
        await _open(page, url, kind, corpus, result)
        claims = await _upload(page, k, hidden, corpus, result)
        result.stage = "waiting for the other sessions"
        arrived = True
        deadline = await ready.wait()  # every session loaded: scrub together from here
        await _scrub(page, claims, hidden, deadline, result)
        await _check_isolation(page, k, kind, result)
        result.stage = "done"
    except Exception as exc:
        result.problems.append(f"{result.stage}: {type(exc).__name__}: {str(exc)[:300]}")
    finally:
        if not arrived:
            ready.leave()  # failed before the barrier: the others must not wait for it
        try:
            await asyncio.wait_for(context.close(), CALL_TIMEOUT_S)
        except Exception as exc:
            result.problems.append(f"closing: {type(exc).__name__}")


async def _run_all(url: str, corpus, results: list[SessionResult]) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(**launch_options())
        await _warm_up(browser, url, corpus)
        ready = Barrier(len(results))
        await asyncio.gather(*(_session(r.k, browser, url, corpus, r, ready) for r in results))
        await browser.close()


async def _warm_up(browser, url: str, corpus) -> None:
    """One page opened and closed first: the server's first run (the corpus ingested into its
    store) is behind it, so the ten sessions meet a running dashboard, as users would."""
    warm = SessionResult(-1)
    context = await browser.new_context()
    try:
        await _open(await context.new_page(), url, KINDS[0], corpus, warm)
    finally:
        await context.close()


def _percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile of sorted values."""
    if not values:
        return None
    return round(values[min(len(values) - 1, max(0, math.ceil(q * len(values)) - 1))], 1)


@pytest.fixture(scope="module")
def dashboard_url(browser_corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    """A dashboard server of its own (the session's shared one has served every browser test
    before: its sessions, caches and memory are theirs, not what ten fresh users meet)."""
    log = tmp_path_factory.mktemp("streamlit_load") / "server.log"
    with serve_dashboard(browser_corpus, log) as url:
        yield url


def _server_logs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The log file(s) of the dashboard server started by tests/conftest.py."""
    return sorted(tmp_path_factory.getbasetemp().glob("streamlit*/server.log"))


@pytest.mark.timeout(600)  # ten browsers on two (possibly shared) cores: a guard, not a timing
def test_ten_sessions_scrub_click_and_never_see_each_other(dashboard_url, corpus, tmp_path_factory):
    logs = _server_logs(tmp_path_factory)
    assert logs, "cannot find the dashboard server's log"
    log_start = {p: p.stat().st_size for p in logs}
    results = [SessionResult(k) for k in range(SESSIONS)]
    failure: list[BaseException] = []

    def worker() -> None:
        try:
            asyncio.run(_run_all(dashboard_url, corpus, results))
        except BaseException as exc:
            failure.append(exc)

    thread = threading.Thread(target=worker, daemon=True)
    started = time.monotonic()
    thread.start()
    thread.join(540)  # a guard, not a timing: the 2 cores may be shared with other work
    stages = {r.k: r.stage for r in results if r.stage != "done"}
    assert not thread.is_alive(), f"load test did not finish in 540 s; sessions at: {stages}"
    if failure:
        raise failure[0]
    server_errors = []
    for path, offset in log_start.items():
        with path.open("rb") as fh:
            fh.seek(offset)
            tail = fh.read().decode("utf-8", errors="replace")
        server_errors += [
            line for line in tail.splitlines() if "Traceback" in line or "Error" in line
        ]
    latencies = sorted(ms for r in results for ms in r.latencies_ms)
    report = {
        "sessions": SESSIONS,
        "seconds": round(time.monotonic() - started, 1),
        "slider_steps": len(latencies),
        "marker_clicks": sum(r.marker_clicks for r in results),
        "marker_clicks_missed": sum(r.missed_clicks for r in results),
        "rerun_ms_p50": _percentile(latencies, 0.50),
        "rerun_ms_p95": _percentile(latencies, 0.95),
        "rerun_ms_max": round(latencies[-1], 1) if latencies else None,
        "measured": "browser side: key press on the slider to the caption showing the new count",
        "problems": {r.k: r.problems for r in results if r.problems},
        "server_log_errors": server_errors[:20],
    }
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"\nload test ({ARTIFACT}):\n{json.dumps(report, indent=1)}")
    assert not server_errors, f"the server logged errors under load: {server_errors[:5]}"
    for r in results:
        assert not r.problems, f"session {r.k}: {r.problems}"
        assert not r.dialogs, f"session {r.k}: dialogs {r.dialogs}"
        assert not r.page_errors, f"session {r.k}: page errors {r.page_errors[:3]}"
        assert r.steps >= 2, f"session {r.k} made only {r.steps} slider steps"
