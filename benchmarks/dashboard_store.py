"""``python -m benchmarks.dashboard_store [--runs N] [--claims N] [--decisions N]``: the
dashboard on a claim store of 100,000 claims (issue 11; with ``--decisions 10000`` review
decisions laid over them, issue 12), measured, never asserted:

- ``cold_start_s``: ``streamlit run dashboard.py -- --db URL`` → the first marker visible in
  Chromium (the browser already up; a fresh server each run). Target < 3 s.
- ``rerun_ms``: a rerun after the date window moved (filter + map build + everything the page
  does, the Disputes tab open), the real ``dashboard.py`` under Streamlit's AppTest, wall
  time of ``AppTest.run`` (server side; AppTest's own overhead included). Target < 300 ms.
- ``slider_step_ms``: in Chromium, one arrow-key press on the date slider's end thumb → the
  caption shows a new count *and* the map's markers changed (key press to both, polled).
  Target < 500 ms.
- ``floor_s``: the same cold start of :mod:`benchmarks.floor_app` (a title and one empty folium
  map, nothing else) to its map frame attached, measured right after ``cold_start_s``:
  what Streamlit and the map component cost on this machine before any claim is drawn. The
  dashboard's own ``frame`` phase compares with it.
- ``peak_rss_mb``: peak resident memory of the dashboard process (and children) while a
  browser session loads the page and steps the slider.

The store is :func:`benchmarks.store.dashboard_store` (generated claims over the gazetteer's
places, one store per run of this benchmark, in ``benchmarks/out``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import browser
from benchmarks.stats import ROOT, spread
from benchmarks.store import QUERY_CLAIMS, PeakRss, dashboard_store

OUT = Path(__file__).parent / "out"
DASHBOARD = ROOT / "dashboard.py"
FLOOR_APP = Path(__file__).parent / "floor_app.py"
CAPTION_JS = r"""() => {
  const m = document.body.innerText.match(/(\d+) of (\d+) claims shown/);
  return m ? m[0] : null;
}"""
MARKERS_JS = """() => Array.from(document.querySelectorAll('.ca-marker, .ca-cluster'))
  .map((e) => (e.getAttribute('data-place') || e.getAttribute('data-places') || '') + ':'
              + (e.getAttribute('data-count') || '')).sort().join('|')"""


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _env(scratch: Path) -> dict[str, str]:
    return {"CLAIM_ATLAS_TILES": "none", "XDG_DATA_HOME": str(scratch / "data"),
            "XDG_CACHE_HOME": str(scratch / "cache")}  # fmt: skip


def warm(url: str, scratch: Path) -> float:
    """What ``claim-atlas ingest`` does at its end (:meth:`SnapshotCache.warm`): keep the
    snapshot the dashboard's first start reads, in the servers' cache folder; seconds taken."""
    from store.database import open_store
    from store.snapshot_cache import SnapshotCache

    t0 = time.perf_counter()
    with open_store(url) as store:
        folder = scratch / "cache" / "claim-atlas" / "snapshots"
        if not SnapshotCache(folder).warm(store):
            raise RuntimeError("the snapshot file was not written")
    return round(time.perf_counter() - t0, 3)


def app_rerun(url: str, runs: int) -> dict[str, Any]:
    """Server-side reruns of ``dashboard.py`` on the store (AppTest), date window moved."""
    from benchmarks.rerun import app_rerun as rerun_of

    return rerun_of(DASHBOARD, None, runs, env={"CLAIM_ATLAS_DB": url})


def _wait(check: Callable[[], bool], timeout_s: float = 30.0) -> bool:
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        if check():
            return True
        time.sleep(0.005)
    return False


def floor_start(runs: int) -> dict[str, Any]:
    """``streamlit run benchmarks/floor_app.py`` → its map frame attached, a fresh server each
    run (the browser already up), as :func:`benchmarks.browser.cold_start` times the page."""
    times: list[float] = []
    with browser.browser() as b:
        for _ in range(runs):
            port = browser.free_port()
            t0 = time.perf_counter()
            proc = browser.start_server(FLOOR_APP, port, {})
            try:
                browser.wait_healthy(proc, port)
                page = b.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(f"http://127.0.0.1:{port}/", wait_until="commit")
                page.locator(browser.MAP_FRAME).first.wait_for(state="attached", timeout=120_000)
                times.append(time.perf_counter() - t0)
                page.close()
            finally:
                browser.stop_server(proc)
    return {"seconds": spread(times).to_json(3)}


def _steps(page: Any, runs: int) -> tuple[list[float], int]:
    """Key presses on the slider's end thumb: ms to new caption and new markers each."""
    frame = page.locator(browser.MAP_FRAME).element_handle().content_frame()
    thumb = page.get_by_role("slider", name="Claim dates — end")
    thumb.focus()
    times, unchanged = [], 0
    for _ in range(runs):
        caption, markers = page.evaluate(CAPTION_JS), frame.evaluate(MARKERS_JS)
        t0 = time.perf_counter()
        thumb.press("ArrowLeft")
        if not _wait(lambda c=caption: page.evaluate(CAPTION_JS) not in (c, None)):
            raise RuntimeError("the caption did not change after a slider step")
        if not _wait(lambda m=markers: frame.evaluate(MARKERS_JS) != m, 10.0):
            unchanged += 1  # this step changed no marker: counted, not timed
            continue
        times.append((time.perf_counter() - t0) * 1000)
        time.sleep(0.3)  # let streamlit-folium's debounce pass before the next step
    return times, unchanged


def browser_session(url: str, scratch: Path, runs: int) -> dict[str, Any]:
    """One server: peak memory while a page loads and steps the slider ``runs`` times."""
    port = browser.free_port()
    proc = browser.start_server(DASHBOARD, port, _env(scratch), ["--db", url])
    try:
        with PeakRss(proc.pid) as peak, browser.browser() as b:
            browser.wait_healthy(proc, port, timeout=120)
            page = b.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/")
            page.frame_locator(browser.MAP_FRAME).locator(browser.MARKER).first.wait_for(
                state="visible", timeout=120_000
            )
            times, unchanged = _steps(page, runs)
    finally:
        browser.stop_server(proc)
    return {
        "slider_step_ms": spread(times).to_json(1) if times else None,
        "steps_without_marker_change": unchanged,
        "peak_rss_mb": round(peak.mb, 1),
    }


def measure(
    runs: int,
    n_claims: int = QUERY_CLAIMS,
    log: Callable[[str], None] = _log,
    decisions: int = 0,
    after_ingest: bool = True,
) -> dict:
    """``after_ingest``: the snapshot file written first, as an ingest leaves it (False: the
    first start loads every claim from the store and writes the file itself)."""
    OUT.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="dash-store-", dir=OUT))
    try:
        url = f"sqlite:///{scratch / 'claims.sqlite'}"
        t0 = time.perf_counter()
        dashboard_store(url, n_claims)
        log(f"store of {n_claims:,} claims in {time.perf_counter() - t0:.1f} s")
        out: dict[str, Any] = {"claims": n_claims, "runs": runs}
        if decisions:
            from benchmarks.review import decide

            decide(url, decisions)  # as benchmarks.review: confirmed, corrected, rejected
            out["decisions"] = decisions
            log(f"{decisions:,} review decisions saved")
        if after_ingest:
            out["ingest_snapshot_s"] = warm(url, scratch)
            log(f"snapshot kept as an ingest keeps it, in {out['ingest_snapshot_s']:.1f} s")
        out["cold_start"] = browser.cold_start(DASHBOARD, _env(scratch), runs, ["--db", url])
        log(f"cold start: {out['cold_start']['seconds']['median']:.2f} s to first marker")
        out["floor"] = floor_start(runs)
        log(f"floor (title + empty map): {out['floor']['seconds']['median']:.2f} s to its frame")
        out["rerun"] = app_rerun(url, max(runs, 5))
        log(f"rerun: {out['rerun']['rerun_ms']['median']:.0f} ms server side")
        out["browser"] = browser_session(url, scratch, max(runs, 5))
        step = out["browser"]["slider_step_ms"]
        log(f"slider step: {step['median'] if step else None} ms; "
            f"peak RSS {out['browser']['peak_rss_mb']} MB")  # fmt: skip
        return out
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def figures(got: dict[str, Any]) -> dict[str, Any]:
    """The report's keys from :func:`measure`'s result."""
    step = got["browser"]["slider_step_ms"]
    return {
        "dashboard_100k_cold_start_s": got["cold_start"]["seconds"]["median"],
        "dashboard_100k_rerun_ms": got["rerun"]["rerun_ms"]["median"],
        "dashboard_100k_slider_step_ms": step["median"] if step else None,
        "dashboard_100k_peak_rss_mb": got["browser"]["peak_rss_mb"],
        "dashboard_floor_frame_s": got["floor"]["seconds"]["median"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dashboard_store")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--claims", type=int, default=QUERY_CLAIMS)
    parser.add_argument(
        "--decisions",
        type=int,
        default=0,
        help="review decisions saved in the store first (issue 12: 10000)",
    )
    parser.add_argument(
        "--no-ingest-snapshot",
        action="store_true",
        help="do not keep the snapshot file first, as an ingest does (the first start writes it)",
    )
    args = parser.parse_args(argv)
    got = measure(args.runs, args.claims, decisions=args.decisions,
                  after_ingest=not args.no_ingest_snapshot)  # fmt: skip
    print(json.dumps({**figures(got), "details": got}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
