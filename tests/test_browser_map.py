"""The offline base map in headless Chromium (issue 10, points 1 and 9): place names from the
gazetteer, a dismissible notice when tiles fail, tiles used when they load, text contrast of
markers, labels and chips computed from the rendered colours, the scale bar uncovered.

Three servers: the session's (no tiles), one with the default OpenStreetMap tiles (every
request outside 127.0.0.1 is aborted, as offline), and one whose tiles come from a small tile
server on 127.0.0.1.
"""

from __future__ import annotations

import http.server
import struct
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import (
    COLOURS_JS,
    assert_no_app_error,
    assert_offline,
    open_dashboard,
    parse_rgb,
    settle,
)
from playwright.sync_api import expect
from serving import serve_dashboard

from atlas.palette import contrast_ratio, default_palette
from claims import load_corpus

pytestmark = pytest.mark.browser
MIN_TEXT = 4.5


def _png(size: int = 256) -> bytes:
    """A plain light-green PNG tile."""
    raw = b"".join(b"\x00" + b"\xcc\xe8\xcc" * size for _ in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))  # fmt: skip


class _Tiles(http.server.BaseHTTPRequestHandler):
    png = _png()
    served = 0

    def do_GET(self) -> None:
        type(self).served += 1
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.png)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(self.png)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def corpus(browser_corpus: Path):
    return load_corpus([browser_corpus])


@pytest.fixture(scope="module")
def tile_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Tiles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tiles/{{z}}/{{x}}/{{y}}.png"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def osm_url(browser_corpus, tmp_path_factory) -> Iterator[str]:
    """The dashboard as the README starts it: OpenStreetMap tiles (unreachable here)."""
    log = tmp_path_factory.mktemp("streamlit_osm") / "server.log"
    with serve_dashboard(browser_corpus, log, {"CLAIM_ATLAS_TILES": "osm"}) as url:
        yield url


@pytest.fixture(scope="module")
def local_tiles_url(browser_corpus, tmp_path_factory, tile_server) -> Iterator[str]:
    log = tmp_path_factory.mktemp("streamlit_tiles") / "server.log"
    with serve_dashboard(browser_corpus, log, {"CLAIM_ATLAS_TILES": tile_server}) as url:
        yield url


def _visible_labels(frame) -> list[dict]:
    return frame.locator(".ca-label:not(.ca-hidden) span").evaluate_all(
        """(els) => els.map((e) => { const r = e.getBoundingClientRect();
             return {name: e.textContent, tier: e.parentElement.className, x: r.x, y: r.y,
                     w: r.width, h: r.height}; })"""
    )


def _overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["w"]
        and b["x"] < a["x"] + a["w"]
        and (a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])
    )


def test_place_names_show_without_tiles_and_never_overlap(
    dashboard_url, page_and_requests, corpus, screenshot_dir
):
    page, requests = page_and_requests
    frame = open_dashboard(page, dashboard_url, len(corpus.claims))
    settle(frame)
    expect(frame.locator(".ca-label:not(.ca-hidden) span").first).to_be_visible(timeout=15_000)
    labels = _visible_labels(frame)
    names = {x["name"] for x in labels}
    assert len(labels) >= 8 and "Panjshir" in names, names
    assert any("ca-label-province" in x["tier"] for x in labels)
    # closer in, district names appear; still none overlaps another
    frame.locator("#map_div").evaluate("() => window.map.setZoom(10, {animate: false})")
    settle(frame)
    closer = _visible_labels(frame)
    assert any("ca-label-district" in x["tier"] for x in closer), closer[:5]
    for shown in (labels, closer):
        for i, a in enumerate(shown):
            for b in shown[i + 1 :]:
                assert not _overlap(a, b), (a["name"], b["name"])
    assert frame.locator(".leaflet-container.ca-no-tiles").count() == 1
    assert frame.locator(".ca-notice").count() == 0  # tiles off on purpose: nothing failed
    page.screenshot(path=screenshot_dir / "10_labels_zoomed.png")
    assert_offline(requests)


def test_a_notice_says_when_tiles_fail_and_can_be_dismissed(
    osm_url, page_and_requests, corpus, screenshot_dir
):
    page, requests = page_and_requests
    frame = open_dashboard(page, osm_url, len(corpus.claims))
    notice = frame.locator(".ca-notice")
    expect(notice).to_be_visible(timeout=20_000)
    expect(notice).to_contain_text("Map tiles unavailable — showing outlines")
    expect(frame.locator(".leaflet-container.ca-no-tiles")).to_have_count(1)
    assert frame.locator(".ca-label:not(.ca-hidden)").count() >= 8  # the map still reads
    page.screenshot(path=screenshot_dir / "11_tiles_failed_notice.png")
    tried = [u for u in requests.external if "tile.openstreetmap.org" in u]
    assert tried and len(tried) == len(requests.external), requests.external[:5]
    # the failing layer is dropped: panning asks for no more tiles
    frame.locator("#map_div").evaluate("() => window.map.panBy([300, 200], {animate: false})")
    settle(frame)
    assert len([u for u in requests.external if "tile.openstreetmap.org" in u]) == len(tried)
    notice.get_by_role("button", name="Dismiss").click()
    expect(notice).to_have_count(0)
    assert_no_app_error(page)


def test_tiles_are_used_when_they_load(local_tiles_url, page_and_requests, corpus):
    page, requests = page_and_requests
    frame = open_dashboard(page, local_tiles_url, len(corpus.claims))
    expect(frame.locator(".leaflet-tile-loaded").first).to_be_visible(timeout=20_000)
    expect(frame.locator("#map_div")).to_have_attribute("data-tiles", "loaded")
    assert frame.locator(".ca-notice").count() == 0
    assert frame.locator(".leaflet-container.ca-no-tiles").count() == 0
    assert _Tiles.served > 0
    assert_offline(requests)


def test_text_contrast_of_markers_labels_and_chips(dashboard_url, page_and_requests, corpus):
    page, requests = page_and_requests
    frame = open_dashboard(page, dashboard_url, len(corpus.claims))
    settle(frame)
    checked = 0
    for sel in (".ca-dot > .ca-count", ".ca-dot > .ca-num", ".ca-badge"):
        for item in frame.locator(sel).evaluate_all(COLOURS_JS):
            if not item["text"].strip():
                continue
            ratio = contrast_ratio(parse_rgb(item["color"])[:3], parse_rgb(item["background"])[:3])
            assert ratio >= MIN_TEXT, (sel, item, round(ratio, 2))
            checked += 1
    assert checked >= 3, "no marker number was checked"
    # place names: their colour against the map under them (outline fill and outside grey)
    background = parse_rgb(frame.locator(".leaflet-container").evaluate(
        "(e) => getComputedStyle(e).backgroundColor"))  # fmt: skip
    fill = frame.locator(".ca-outline").first.evaluate("(e) => getComputedStyle(e).fill")
    for item in frame.locator(".ca-label:not(.ca-hidden) span").evaluate_all(COLOURS_JS):
        colour = parse_rgb(item["color"])[:3]
        for under in (background[:3], parse_rgb(fill)[:3]):
            assert contrast_ratio(colour, under) >= MIN_TEXT, (item["text"], item["color"], under)
    # single-side markers are drawn in the profile's colours
    palette = default_palette()
    fills = frame.locator(".ca-dot[data-sides]").evaluate_all(
        "(els) => els.map((e) => [e.dataset.sides, getComputedStyle(e).backgroundColor])"
    )
    for sides, colour in fills:
        if " " not in sides:
            want = palette.colour(sides).lstrip("#")
            assert parse_rgb(colour)[:3] == tuple(int(want[i : i + 2], 16) for i in (0, 2, 4))
    # the sidebar's chips (no default red): white on the theme's dark blue
    chips = page.locator('[data-testid="stSidebar"] [data-baseweb="tag"] span').evaluate_all(
        COLOURS_JS
    )
    for chip in [c for c in chips if c["text"].strip()][:5]:
        ratio = contrast_ratio(parse_rgb(chip["color"])[:3], parse_rgb(chip["background"])[:3])
        assert ratio >= MIN_TEXT, (chip, ratio)
    assert_offline(requests)


def test_the_scale_bar_is_not_covered(dashboard_url, page_and_requests, corpus):
    page, requests = page_and_requests
    frame = open_dashboard(page, dashboard_url, len(corpus.claims))
    settle(frame)
    scale = frame.locator(".leaflet-control-scale")
    expect(scale).to_be_visible()
    box = scale.bounding_box()
    for other in (".leaflet-control-attribution", ".ca-legend", ".leaflet-control-zoom"):
        b = frame.locator(other).bounding_box()
        apart = not _overlap(
            {"x": box["x"], "y": box["y"], "w": box["width"], "h": box["height"]},
            {"x": b["x"], "y": b["y"], "w": b["width"], "h": b["height"]},
        )
        assert apart, f"{other} covers the scale bar: {b} over {box}"
    hit = scale.evaluate(
        """(el) => { const r = el.getBoundingClientRect();
                     const hit = document.elementFromPoint(r.x + 5, r.y + r.height / 2);
                     return el.contains(hit); }"""
    )
    assert hit, "something is drawn over the scale bar"
    assert_offline(requests)
