"""End to end in headless Chromium: `streamlit run dashboard.py` on a free port, no tiles.

Corpus: the seeds plus the hostile articles of tests/hostile/xss/. Expected counts come from the
package functions the dashboard itself calls, computed here on the same folder. Every test
also checks that the browser asked nothing of any host but 127.0.0.1.

Selectors: the map is the iframe titled ``streamlit_folium.st_folium``; markers are
``.ca-marker`` (one per place, ``data-place`` = place key, ``data-count`` = its claims); markers
that would overlap are grouped in ``.ca-cluster`` icons whose label lists the grouped places in
``data-places``; popups ``.leaflet-popup-content``; the detail panel's highlighted paragraphs
``.ca-para``; slider thumbs by role and name.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from atlas.filters import FilterState, date_domain, filter_claims, outlet_counts, outlet_of
from atlas.mapbuild import group_places
from claims import load_corpus

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
MAP = 'iframe[title="streamlit_folium.st_folium"]'
CAPTION = re.compile(r"(\d+) of (\d+) claims shown")
XSS_MANIFEST = REPO / "tests" / "hostile" / "xss" / "manifest.json"


@pytest.fixture(scope="module")
def corpus(browser_corpus: Path):
    return load_corpus([browser_corpus])


def caption_text(shown: int, total: int) -> str:
    return f"{shown} of {total} claims shown"


def open_dashboard(page, url: str, total: int):
    """Load the page; wait for the full caption, one map frame and its markers."""
    page.goto(url)
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
    """The clickable marker of ``group`` (a PlaceGroup), found as a user would: close an open
    popup, click the cluster icons holding it (zoom/spiderfy), zoom out when it is out of view,
    pan to it when a control covers it."""
    key = group.key
    marker = frame.locator(f'.ca-marker[data-place="{key}"]')
    cluster = frame.locator(f'.ca-cluster:has([data-places~="{key}"])')
    for _ in range(20):
        if frame.locator(".leaflet-popup").count():  # an open popup may cover the marker
            frame.locator("#map_div").press("Escape")
        settle(frame)
        view = frame.locator("#map_div").bounding_box()
        for icon in (marker, cluster):
            if _inside(icon, view) and not _on_top(icon):
                frame.locator("#map_div").evaluate(
                    "(el, ll) => window.map.panTo(ll, {animate: false})", [group.lat, group.lon]
                )
                settle(frame)
        if _inside(marker, view) and _on_top(marker):
            return marker
        if _inside(cluster, view) and _on_top(cluster):
            cluster.click()
        elif not _inside(marker, view):  # out of view: zoom out
            frame.locator(".leaflet-control-zoom-out").click()
    raise AssertionError(f"marker {key} never appeared")


def _inside(locator, view: dict) -> bool:
    if locator.count() != 1 or not locator.is_visible():
        return False
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    return view["x"] < x < view["x"] + view["width"] and view["y"] < y < view["y"] + view["height"]


def _on_top(locator) -> bool:
    """True when a click at the icon's centre reaches it (no control or marker over it)."""
    return locator.evaluate(
        """(el) => { const r = el.getBoundingClientRect();
                     const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                     return el.contains(hit); }"""
    )


def assert_offline(requests) -> None:
    assert requests.external == [], f"requests outside 127.0.0.1: {requests.external[:5]}"


def assert_no_app_error(page) -> None:
    errors = page.locator('[data-testid="stException"]')
    assert errors.count() == 0, errors.first.inner_text()


def test_page_loads_with_markers_outlines_and_legend(
    dashboard_url, page_and_requests, corpus, screenshot_dir
):
    page, requests = page_and_requests
    frame = open_dashboard(page, dashboard_url, len(corpus.claims))
    places = group_places(corpus.claims)
    expect_places(frame, [g.key for g in places])
    settle(frame)
    view = frame.locator("#map_div").bounding_box()
    for icon in frame.locator(".ca-marker, .ca-cluster").all():
        assert _inside(icon, view), "a marker outside the visible map: the view is not fitted"
        assert _on_top(icon), "a marker covered (by the legend?) on the fitted map"
    counts = dict(
        frame.locator(".ca-marker").evaluate_all(
            "(els) => els.map((e) => [e.dataset.place, Number(e.dataset.count)])"
        )
    )
    for group in places:
        assert counts.get(group.key, len(group.claims)) == len(group.claims)
    areas = sum(1 for g in places if g.is_area)
    expect(frame.locator("path.ca-area")).to_have_count(areas)
    assert frame.locator(".leaflet-overlay-pane path").count() >= 34 + areas  # outlines drawn
    expect(frame.locator(".ca-legend")).to_contain_text("Claims by side")
    expect(frame.locator(".leaflet-control-attribution")).to_contain_text("geoBoundaries")
    assert frame.locator(".leaflet-tile").count() == 0
    assert any("/app/static/vendor/leaflet/leaflet.js" in u for u in requests.local)
    page.screenshot(path=screenshot_dir / "01_loaded.png", full_page=True)
    assert_no_app_error(page)
    assert_offline(requests)


def test_date_slider_lowers_shown_count_and_markers(
    dashboard_url, page_and_requests, corpus, screenshot_dir
):
    page, requests = page_and_requests
    total = len(corpus.claims)
    frame = open_dashboard(page, dashboard_url, total)
    initial_markers = len(group_places(corpus.claims))
    domain = date_domain(corpus.claims)
    assert domain is not None and domain.first < domain.last
    thumb = page.get_by_role("slider", name="Claim dates — end")
    thumb.focus()
    end = domain.last
    while end > domain.first:
        thumb.press("ArrowLeft")
        end = end.fromordinal(end.toordinal() - 1)
        expected = filter_claims(corpus.claims, FilterState(start=domain.first, end=end))
        expect(page.get_by_text(caption_text(len(expected), total))).to_be_visible()
        if len(group_places(expected)) < initial_markers:
            break
    assert len(expected) < total
    frame = map_frame(page)
    expect_places(frame, [g.key for g in group_places(expected)])
    assert len(group_places(expected)) < initial_markers
    assert f"to={end.isoformat()}" in page.url
    page.screenshot(path=screenshot_dir / "02_slider.png", full_page=True)
    assert_no_app_error(page)
    assert_offline(requests)


def test_excluding_an_outlet_removes_its_markers(
    dashboard_url, page_and_requests, corpus, screenshot_dir
):
    page, requests = page_and_requests
    total = len(corpus.claims)
    frame = open_dashboard(page, dashboard_url, total)
    all_keys = {g.key for g in group_places(corpus.claims)}
    # an outlet whose removal takes away at least one whole place
    owned = {
        (outlet, count): all_keys
        - {g.key for g in group_places(c for c in corpus.claims if outlet_of(c) != outlet)}
        for outlet, count in outlet_counts(corpus.claims)
    }
    choices = [(oc, gone) for oc, gone in owned.items() if gone]
    if not choices:
        pytest.fail("no outlet in the corpus owns a place alone")
    (outlet, count), gone = choices[0]
    expect_places(frame, list(all_keys))
    page.get_by_role("button", name=f"Remove {outlet} ({count})").click()
    expect(page.get_by_text(caption_text(total - count, total))).to_be_visible()
    frame = map_frame(page)
    expect_places(frame, list(all_keys - gone))
    page.screenshot(path=screenshot_dir / "03_outlet_excluded.png", full_page=True)
    assert_no_app_error(page)
    assert_offline(requests)


def test_clicking_a_marker_shows_its_quotes_in_the_detail_panel(
    dashboard_url, page_and_requests, corpus, screenshot_dir
):
    page, requests = page_and_requests
    frame = open_dashboard(page, dashboard_url, len(corpus.claims))
    group = group_places(corpus.claims)[0]
    first = group.claims[0]
    reveal_marker(frame, group).click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text(group.name)
    expect(popup).to_contain_text(" ".join(first.quote.split())[:60])
    snippet = " ".join(first.quote.split())[:80]
    expect(page.locator(".ca-para mark").filter(has_text=snippet).first).to_be_visible(
        timeout=20_000
    )
    expect(page.locator(".ca-para")).to_have_count(min(len(group.claims), 25))
    page.get_by_text("Read the whole article").click()
    expect(page.locator(".ca-article mark").first).to_be_visible()
    page.screenshot(path=screenshot_dir / "04_marker_clicked.png", full_page=True)
    assert_no_app_error(page)
    assert_offline(requests)


def _hostile_places(corpus) -> list:
    files = {p["file"] for p in json.loads(XSS_MANIFEST.read_text())["payloads"]}
    return [
        g for g in group_places(corpus.claims) if any(Path(c.file).name in files for c in g.claims)
    ]


def test_hostile_articles_show_as_text_and_run_nothing(
    dashboard_url, page_and_requests, corpus, screenshot_dir
):
    manifest = json.loads(XSS_MANIFEST.read_text())
    jinja_file = Path(manifest["jinja_marker_file"])
    jinja_file.unlink(missing_ok=True)
    page, requests = page_and_requests
    frame = open_dashboard(page, dashboard_url, len(corpus.claims))
    places = _hostile_places(corpus)
    assert places, "no hostile article produced a located claim"
    hostile_files = {p["file"] for p in manifest["payloads"]}
    for group in places:
        frame = map_frame(page)
        reveal_marker(frame, group).click()
        popup = frame.locator(".leaflet-popup-content").filter(has_text=group.name).last
        expect(popup).to_be_visible()
        expect(page.locator(".ca-para").first).to_be_visible(timeout=20_000)
    # the last place's hostile claim, in its paragraph and in the whole-article reader
    claim = next(c for c in places[-1].claims if Path(c.file).name in hostile_files)
    snippet = " ".join(claim.quote.split())[:60]
    expect(page.locator(".ca-para").filter(has_text=snippet).first).to_be_visible()
    page.get_by_text("Read the whole article").click()
    expect(page.locator(".ca-article").first).to_be_visible()
    page.screenshot(path=screenshot_dir / "05_hostile.png", full_page=True)

    markers = [p["marker"] for p in manifest["payloads"]]
    for target in [page, *page.frames]:
        ran = target.evaluate("(names) => names.filter((n) => window[n] !== undefined)", markers)
        assert ran == [], f"hostile script ran in {target.url}: {ran}"
        broken = target.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length")
        assert broken == 0, f"an <img src=x> from article text was created in {target.url}"
    texts = [page.locator("body").inner_text(), frame.locator("body").inner_text()]
    for payload in manifest["payloads"]:
        evaluated = payload["evaluated"]
        if payload["family"] == "jinja" and evaluated and len(evaluated) >= 5:
            for text in texts:  # a distinctive result of evaluating the template
                assert evaluated not in text, f"template payload {payload['text']!r} evaluated"
    assert page.dialogs == []
    assert not jinja_file.exists(), "a template payload ran on the server"
    assert_no_app_error(page)
    assert_offline(requests)
