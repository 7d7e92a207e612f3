"""Serving the dashboard for the end-to-end tests: Chromium found, ``streamlit run
dashboard.py`` on a free port, health-checked, killed by PID (imported by ``conftest.py`` and by
the browser tests; a module of its own, since tests/store has a conftest.py of its own too)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")


def find_chromium() -> str:
    """Debian's /usr/bin/chromium, else Playwright's own download; a clear failure if none."""
    if DEBIAN_CHROMIUM.exists():
        return str(DEBIAN_CHROMIUM)
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            own = p.chromium.executable_path
    except PlaywrightError:
        own = ""
    if own and Path(own).exists():
        return own
    pytest.fail(
        "No Chromium for the browser tests: install Debian's (`apt-get install -y chromium`, "
        "giving /usr/bin/chromium) or Playwright's (`playwright install chromium`)."
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited ({proc.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"streamlit not healthy after {timeout:.0f}s:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def serve_dashboard(
    corpus: Path | None,
    log: Path,
    env: dict[str, str] | None = None,
    launcher: Path | None = None,
    args: Sequence[str] = (),
) -> Iterator[str]:
    """``streamlit run dashboard.py -- --corpus <corpus> <args>`` on a free port (no tiles
    unless ``env`` says otherwise; no ``--corpus`` when ``corpus`` is None); its URL while the
    block runs, killed by PID afterwards. The default claim store is a file in a ``data``
    folder beside ``log`` (never the user's). ``launcher``: a Python script that prepares the
    process and then runs Streamlit's CLI (the same arguments follow it) — for dashboards on
    constructed claims."""
    port = _free_port()
    full_env = {
        **os.environ, "CLAIM_ATLAS_TILES": "none", "PYTHONUNBUFFERED": "1",
        "XDG_DATA_HOME": str(log.parent / "data"), **(env or {}),
    }  # fmt: skip
    full_env.pop("CLAIM_ATLAS_CORPUS", None)
    if "CLAIM_ATLAS_DB" not in (env or {}):
        full_env.pop("CLAIM_ATLAS_DB", None)
    if "CLAIM_ATLAS_REVIEWER" not in (env or {}):
        full_env.pop("CLAIM_ATLAS_REVIEWER", None)  # read-only unless the test names one
    start = [sys.executable, str(launcher)] if launcher else [sys.executable, "-m", "streamlit"]
    command = [
        *start, "run", str(REPO / "dashboard.py"),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
        "--", *(["--corpus", str(corpus)] if corpus is not None else []), *args,
    ]  # fmt: skip
    with log.open("w") as out:
        proc = subprocess.Popen(
            command, cwd=REPO, env=full_env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, log)
        yield url
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
