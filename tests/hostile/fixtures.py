"""Browser helpers for the hostile tests: Chromium launch options (for the load test's own
async browser) and the probe run in every frame. The server and the sync browser come from
tests/conftest.py.
"""

from __future__ import annotations

import os
import shutil

from benchmarks.browser import CHROMIUM_ARGS  # one list of launch flags

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def chromium_path() -> str | None:
    """Debian's Chromium, or None to let Playwright use its own browser if installed."""
    for candidate in (
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def launch_options() -> dict[str, object]:
    path = chromium_path()
    options: dict[str, object] = {"args": CHROMIUM_ARGS, "headless": True}
    if path:
        options["executable_path"] = path
    return options


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
