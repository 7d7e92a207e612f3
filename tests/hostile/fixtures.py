"""A dashboard server on 127.0.0.1 and a headless Chromium, for the hostile browser tests.

Kept separate from the dashboard helper's tests/conftest.py so these tests can choose the
corpus the server reads (CLAIM_ATLAS_CORPUS) and run without map tiles (no network).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
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
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
CAPTION_RE = r"(\d+) of (\d+) claims shown"


def chromium_path() -> str | None:
    """Debian's Chromium, or None to let Playwright use its own browser if installed."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def launch_options() -> dict[str, object]:
    path = chromium_path()
    options: dict[str, object] = {"args": CHROMIUM_ARGS, "headless": True}
    if path:
        options["executable_path"] = path
    return options


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def dashboard_server(corpus: Path | None, log_dir: Path, timeout_s: float = 60) -> Iterator[Server]:
    """``streamlit run dashboard.py`` on a free localhost port; killed by PID afterwards."""
    port = free_port()
    env = dict(os.environ)
    env["CLAIM_ATLAS_TILES"] = "none"
    if corpus is not None:
        env["CLAIM_ATLAS_CORPUS"] = str(corpus)
    else:
        env.pop("CLAIM_ATLAS_CORPUS", None)
    log = log_dir / f"streamlit-{port}.log"
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    server = Server(url, proc, log)
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{server.log_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit not healthy in {timeout_s}s:\n{server.log_text()}")
            time.sleep(0.2)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def copy_corpus(src: Path, dest: Path, pattern: str = "*.md") -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(src.glob(pattern)):
        shutil.copyfile(path, dest / path.name)
    return dest


# JavaScript run in every frame after the page has been exercised.
PROBE_JS = r"""
() => {
  const pwned = Object.getOwnPropertyNames(window).filter(k => k.startsWith("__pwned"));
  const handlers = [];
  const links = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) || "";
      if (attr.toLowerCase().startsWith("on")) handlers.push(el.tagName + "[" + attr + "]");
      if (["href", "src", "xlink:href", "action", "formaction", "data", "srcdoc"].includes(attr)) {
        const v = value.replace(/[\u0000-\u0020]+/g, "").toLowerCase();
        if (v.startsWith("javascript:") || v.startsWith("data:text/html") || attr === "srcdoc")
          links.push(el.tagName + "[" + attr + "=" + value.slice(0, 80) + "]");
      }
    }
  }
  const planted = document.querySelectorAll(
    'img[src="x"], svg[onload], details[ontoggle], input[autofocus][onfocus], marquee, ' +
    'video source[onerror], math mglyph, iframe[srcdoc]').length;
  return {pwned, handlers, links, planted};
}
"""
