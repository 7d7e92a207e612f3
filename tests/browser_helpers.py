"""Shared steps of the browser tests: open the dashboard, find the map frame and its markers,
reveal a marker the way a user would, open a tab, read rendered colours.

Selectors: the map is the iframe titled ``streamlit_folium.st_folium``; markers are
``.ca-marker`` (one per place, ``data-place`` = place key, ``data-count`` = its claims); markers
that would overlap are grouped in ``.ca-cluster`` icons whose label lists the grouped places in
``data-places``; place names ``.ca-label``; the place panel ``.st-key-place_panel``, its claim
cards ``.ca-card`` (``data-claim`` = claim id) with the quote's paragraph in ``.ca-para``.
"""

from __future__ import annotations

import re
import time

from playwright.sync_api import expect

MAP = 'iframe[title="streamlit_folium.st_folium"]'
CAPTION = re.compile(r"(\d+) of (\d+) claims shown")
PANEL = ".st-key-place_panel"


def caption_text(shown: int, total: int) -> str:
    return f"{shown} of {total} claims shown"


def open_dashboard(page, url: str, total: int, query: str = ""):
    """Load the page; wait for the full caption, one map frame and its markers."""
    page.goto(url + query)
    expect(page.get_by_text(CAPTION)).to_be_visible(timeout=60_000)
    if not query:
        expect(page.get_by_text(caption_text(total, total))).to_be_visible(timeout=60_000)
    return map_frame(page)


def map_frame(page):
    """The map's frame once exactly one map iframe exists (reruns can briefly show two)."""
    expect(page.locator(MAP)).to_have_count(1, timeout=30_000)
    frame = page.frame_locator(MAP)
    expect(frame.locator(".ca-marker, .ca-cluster").first).to_be_visible(timeout=30_000)
    return frame


def places_on_map(frame) -> list[str]:
    """Place keys drawn: single markers plus the places grouped in cluster icons."""
    keys = frame.locator(".ca-marker").evaluate_all(
        "(els) => els.map((e) => e.getAttribute('data-place'))"
    )
    for grouped in frame.locator(".ca-cluster [data-places]").evaluate_all(
        "(els) => els.map((e) => e.getAttribute('data-places'))"
    ):
        keys += grouped.split()
    return sorted(keys)


def expect_places(frame, keys: list[str], timeout: float = 15.0) -> None:
    """Wait until the map draws exactly ``keys`` (markers + clustered places)."""
    deadline = time.monotonic() + timeout
    while True:
        got = places_on_map(frame)
        if got == sorted(keys) or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert got == sorted(keys)


def settle(frame, timeout: float = 5.0) -> None:
    """Wait until the map's zoom and cluster animations are over."""
    busy = frame.locator(".leaflet-zoom-anim, .leaflet-cluster-anim")
    deadline = time.monotonic() + timeout
    while busy.count() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.3)  # the last animation frame


def reveal_marker(frame, group):
    """The clickable marker of ``group`` (a PlaceSummary), found as a user would: click the
    cluster icons holding it (zoom/spiderfy), zoom out when it is out of view, pan to it when
    a control covers it."""
    key = group.key
    marker = frame.locator(f'.ca-marker[data-place="{key}"]')
    cluster = frame.locator(f'.ca-cluster:has([data-places~="{key}"])')
    for _ in range(20):
        settle(frame)
        view = frame.locator("#map_div").bounding_box()
        for icon in (marker, cluster):
            if inside(icon, view) and not on_top(icon):
                frame.locator("#map_div").evaluate(
                    "(el, ll) => window.map.panTo(ll, {animate: false})", [group.lat, group.lon]
                )
                settle(frame)
        if inside(marker, view) and on_top(marker):
            return marker
        if inside(cluster, view) and on_top(cluster):
            cluster.click()
        elif not inside(marker, view):  # out of view: zoom out
            frame.locator(".leaflet-control-zoom-out").click()
    raise AssertionError(f"marker {key} never appeared")


def inside(locator, view: dict) -> bool:
    if locator.count() != 1 or not locator.is_visible():
        return False
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    return view["x"] < x < view["x"] + view["width"] and view["y"] < y < view["y"] + view["height"]


def on_top(locator) -> bool:
    """True when a click at the icon's centre reaches it (no control or marker over it)."""
    return locator.evaluate(
        """(el) => { const r = el.getBoundingClientRect();
                     const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                     return el.contains(hit); }"""
    )


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    expect(page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")


def open_folds(page) -> None:
    """Open every folded side of the disputes shown (each opens with a rerun)."""
    folds = page.get_by_role("button", name=re.compile(r"^Show \d+ more claims? from this side"))
    for _ in range(200):
        if not folds.count():
            return
        before = folds.count()
        folds.first.click()
        expect(folds).not_to_have_count(before, timeout=30_000)
    raise AssertionError("folded claims never all opened")


def choose(page, label: str, option_text: str) -> None:
    """Pick an option of a selectbox by typing (the list is virtualised)."""
    box = page.get_by_role("combobox", name=label)
    box.click()
    box.fill(option_text)
    page.get_by_role("option", name=option_text, exact=True).click()


def assert_offline(requests) -> None:
    assert requests.external == [], f"requests outside 127.0.0.1: {requests.external[:5]}"


def assert_no_app_error(page) -> None:
    errors = page.locator('[data-testid="stException"]')
    assert errors.count() == 0, errors.first.inner_text()


# Colours as the browser renders them: "rgb(r, g, b)" / "rgba(r, g, b, a)" → (r, g, b, a).
RGB = re.compile(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)")


def parse_rgb(text: str) -> tuple[float, float, float, float]:
    match = RGB.match(text.strip())
    assert match, f"not a colour: {text!r}"
    r, g, b, a = match.groups()
    return float(r), float(g), float(b), float(a) if a is not None else 1.0


# For every element matched: its text colour and the first opaque background behind it.
COLOURS_JS = """
(els) => els.map((el) => {
  let bg = null, node = el;
  while (node && node.nodeType === 1) {
    const c = getComputedStyle(node).backgroundColor;
    if (c && c !== "rgba(0, 0, 0, 0)" && c !== "transparent") { bg = c; break; }
    node = node.parentElement;
  }
  return {text: el.textContent, color: getComputedStyle(el).color, background: bg,
          visible: el.offsetParent !== null};
})
"""
