"""Browser figures in headless Chromium: page load → first marker visible in the map frame,
and cold start (``streamlit run`` → first marker visible).

The server is ``streamlit run <app> --server.headless true --server.port <free port>``,
started from the project root (so ``.streamlit/config.toml`` applies), waited on through
``/_stcore/health`` and killed by PID. A marker is any Leaflet marker the map can draw:
a claim marker or cluster (``.ca-marker``, ``.ca-cluster``; place-name labels do not count), inside
``iframe[title="streamlit_folium.st_folium"]``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmarks.extraction import BenchmarkUnavailable
from benchmarks.stats import ROOT, spread

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
MARKER = ".ca-marker, .ca-cluster"  # claim markers (place labels are marker icons too)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    """Debian's Chromium if present, else None (Playwright's own browser is then tried)."""
    for candidate in (
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


def start_server(
    app: Path, port: int, env: Mapping[str, str] | None = None, args: Sequence[str] = ()
) -> subprocess.Popen:
    """``streamlit run <app> … -- <args>`` on ``port``."""
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        *(["--", *args] if args else []),
    ]
    return subprocess.Popen(
        cmd,
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            **(env or {}),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def wait_healthy(proc: subprocess.Popen, port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            raise BenchmarkUnavailable(f"streamlit exited early: {err.strip()[-300:]}")
        if _healthy(port):
            return
        time.sleep(0.02)
    raise BenchmarkUnavailable(f"streamlit not healthy on port {port} after {timeout} s")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


@contextlib.contextmanager
def server(app: Path, env: Mapping[str, str] | None = None) -> Iterator[int]:
    port = free_port()
    proc = start_server(app, port, env)
    try:
        wait_healthy(proc, port)
        yield port
    finally:
        stop_server(proc)


@contextlib.contextmanager
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise BenchmarkUnavailable(f"playwright is not installed: {exc}") from exc
    exe = find_chromium()
    with sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        except Exception as exc:
            raise BenchmarkUnavailable(f"cannot launch Chromium ({exe}): {exc}") from exc
        try:
            yield b
        finally:
            b.close()


def time_to_marker(b: Any, url: str, timeout_s: float = 60) -> dict[str, float]:
    """Seconds from navigation start to each phase, ``marker`` being the first marker visible.

    Phases, in the order they happen: ``commit`` (first response), ``frame`` (the map's
    iframe attached), ``leaflet`` (the Leaflet container drawn in it), ``marker``.
    """
    page = b.new_page(viewport={"width": 1400, "height": 1000})
    timeout = timeout_s * 1000
    try:
        t0 = time.perf_counter()
        page.goto(url, wait_until="commit")
        phases = {"commit": time.perf_counter() - t0}
        page.locator(MAP_FRAME).first.wait_for(state="attached", timeout=timeout)
        phases["frame"] = time.perf_counter() - t0
        frame = page.frame_locator(MAP_FRAME)
        frame.locator(".leaflet-container").first.wait_for(state="visible", timeout=timeout)
        phases["leaflet"] = time.perf_counter() - t0
        frame.locator(MARKER).first.wait_for(state="visible", timeout=timeout)
        phases["marker"] = time.perf_counter() - t0
        return phases
    finally:
        page.close()


def count_markers(b: Any, url: str) -> int:
    page = b.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(url)
        loc = page.frame_locator(MAP_FRAME).locator(MARKER)
        loc.first.wait_for(state="visible", timeout=60_000)
        page.wait_for_timeout(1000)  # let the map settle (nearby places may be grouped)
        return loc.count()
    finally:
        page.close()


def ready_times(app: Path, env: Mapping[str, str], runs: int) -> dict[str, Any]:
    """Page load → markers visible, ``runs`` fresh pages against one warm server.

    The first page (which also fills the server's caches) is untimed.
    """
    with server(app, env) as port, browser() as b:
        url = f"http://127.0.0.1:{port}/"
        markers = count_markers(b, url)  # warm-up, and proof the map draws
        runs_phases = [time_to_marker(b, url) for _ in range(runs)]
    return {
        "seconds": spread([p["marker"] for p in runs_phases]).to_json(3),
        "phases_s": {k: spread([p[k] for p in runs_phases]).to_json(3) for k in runs_phases[0]},
        "markers_drawn": markers,
    }


def cold_start(
    app: Path, env: Mapping[str, str], runs: int, args: Sequence[str] = ()
) -> dict[str, Any]:
    """``streamlit run`` → first marker visible, a fresh server each run, browser already up.

    Phases are seconds from the ``streamlit run`` call: ``health`` (the server answers),
    then the page phases of :func:`time_to_marker` shifted by it.
    """
    phases: list[dict[str, float]] = []
    with browser() as b:
        for _ in range(runs):
            port = free_port()
            t0 = time.perf_counter()
            proc = start_server(app, port, env, args)
            try:
                wait_healthy(proc, port)
                health = time.perf_counter() - t0
                page = time_to_marker(b, f"http://127.0.0.1:{port}/", timeout_s=120)
                phases.append({"health": health, **{k: health + v for k, v in page.items()}})
            finally:
                stop_server(proc)
    return {
        "seconds": spread([p["marker"] for p in phases]).to_json(3),
        "phases_s": {k: spread([p[k] for p in phases]).to_json(3) for k in phases[0]},
    }
