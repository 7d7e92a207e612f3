"""Hostile text in headless Chromium: nothing from an article runs, everything shows as text.

The server (tests/conftest.py) reads the seeds plus tests/hostile/xss/*.md, whose payloads sit
in titles, outlets, URLs, authors, claimants, place contexts and quotes. Every view that shows
article text is exercised — map tooltips, the place panel, the article reader, the disputes tab,
the claims table, the sources, the sidebar, the downloads and an upload with a hostile name —
and then every frame is probed: no ``window.__pwned*`` global, no dialog, no page error, no
element carrying an inline event handler or a javascript:/data: link, no planted element
(``img[src=x]``, ``svg[onload]``, …). The expected text of each view comes from the same
package functions the dashboard calls, so "visible as text" is an exact comparison.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from browser_helpers import choose, open_folds, open_tab
from hostile.fixtures import MAP_FRAME, PROBE_JS
from hostile.payloads import JINJA_MARKER_FILE, PAYLOADS, by_id
from playwright.sync_api import expect

from atlas.charts import figure_rows
from atlas.disputes_view import side_columns
from atlas.mapdata import place_payload
from atlas.page.tabs import PER_PAGE
from atlas.palette import default_palette
from atlas.places import group_places
from atlas.reader_view import safe_url
from atlas.session import session_data
from claims import find_disputes, load_corpus

pytestmark = pytest.mark.browser

CAPTION = re.compile(r"(\d+) of (\d+) claims shown")
XSS_FILES = sorted(p.name for p in (Path(__file__).parent / "hostile" / "xss").glob("xss_*.md"))
EVALUATED = ("LOOP0LOOP1LOOP2", "1338337", "42.md")
PANEL_PLACE = "Bazarak"  # every hostile article has claims there (two opposing context lines)

# Every marker, clustered or not: its tooltip content (the DOM nodes the app built) shown in a
# real tooltip on the map, and the rendered text read back. There is no popup: a click selects
# the place and the panel beside the map lists its claims (one text per interaction).
OPEN_ALL_TOOLTIPS_JS = """
() => {
  const markers = [];
  window.map.eachLayer((layer) => {
    if (L.MarkerClusterGroup && layer instanceof L.MarkerClusterGroup) {
      markers.push(...layer.getLayers());
    }
  });
  const seen = {};
  for (const m of markers) {
    if (!(m.getTooltip && m.getTooltip() && m.options.caPlace)) continue;
    const t = L.tooltip({permanent: true}).setLatLng(m.getLatLng())
      .setContent(m.getTooltip().getContent()).addTo(window.map);
    seen[m.options.caPlace.key] = t.getElement().innerText;
    t.remove();
  }
  return {tips: seen, popups: document.querySelectorAll(".leaflet-popup").length};
}
"""


COUNTS: dict[str, object] = {}
ARTIFACT = Path(__file__).resolve().parents[1] / "artifacts" / "hostile_browser.json"


@pytest.fixture(scope="module", autouse=True)
def counts_artifact():
    """Which payloads each view showed as text, written to artifacts/ for the report."""
    yield COUNTS
    if COUNTS:
        ARTIFACT.parent.mkdir(exist_ok=True)
        ARTIFACT.write_text(json.dumps(COUNTS, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nhostile browser counts ({ARTIFACT}): {json.dumps(COUNTS, sort_keys=True)}")


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


@pytest.fixture(scope="module")
def corpus(browser_corpus: Path):
    return load_corpus([browser_corpus])


@pytest.fixture
def hostile_page(page_and_requests):
    """A page that records dialogs and page errors; after the test every frame is probed."""
    page, requests = page_and_requests
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    marker = Path(JINJA_MARKER_FILE)
    marker.unlink(missing_ok=True)
    yield page
    assert not marker.exists(), "a Jinja payload ran on the server (it wrote its marker file)"
    findings = {frame.url: frame.evaluate(PROBE_JS) for frame in page.frames}
    for url, found in findings.items():
        assert not found["pwned"], f"script payload executed in {url}: {found['pwned']}"
        assert not found["handlers"], f"inline event handlers in {url}: {found['handlers'][:5]}"
        assert not found["links"], f"javascript:/data: links in {url}: {found['links'][:5]}"
        assert not found["planted"], f"{found['planted']} payload elements parsed as HTML in {url}"
    assert page.dialogs == [], f"a payload opened a dialog: {page.dialogs}"  # type: ignore[attr-defined]
    assert not [e for e in errors if "pwned" in e or "alert" in e], errors
    assert requests.external == [], requests.external[:5]
    assert page.locator('[data-testid="stException"]').count() == 0


def open_page(page, url: str, total: int):
    page.goto(url)
    expect(page.get_by_text(f"{total} of {total} claims shown")).to_be_visible(timeout=60_000)
    expect(page.locator(MAP_FRAME)).to_have_count(1, timeout=30_000)
    frame = page.locator(MAP_FRAME).element_handle().content_frame()
    frame.wait_for_selector(".ca-marker, .ca-cluster", timeout=30_000)
    return frame


def payloads_in(text: str) -> set[int]:
    flat = norm(text)
    return {p.id for p in PAYLOADS if len(norm(p.text)) > 3 and norm(p.text) in flat}


def test_map_sidebar_disputes_and_table_show_payloads_as_text(dashboard_url, hostile_page, corpus):
    page = hostile_page
    frame = open_page(page, dashboard_url, len(corpus.claims))
    expected = {p["key"]: p for p in place_payload(group_places(corpus.claims), default_palette())}

    # map: every tooltip, compared with the data the browser was given
    shown = frame.evaluate(OPEN_ALL_TOOLTIPS_JS)
    assert set(shown["tips"]) == set(expected), "tooltips missing for some places"
    assert shown["popups"] == 0
    seen: set[int] = set()
    for key, tip in shown["tips"].items():
        want = expected[key]
        assert norm(want["name"]) in norm(tip), (key, want["name"])
        for line in want["tip"]:
            assert norm(line) in norm(tip), (key, line)
        seen |= payloads_in(tip)
    # tooltips carry place names (from the gazetteer) and counts, no article text: hostile
    # place names are exercised in test_hostile_templates.py with constructed claims
    COUNTS["payloads_in_tooltips"] = sorted(seen)

    # sidebar: hostile outlet names are multiselect chips/labels, as text
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    for pid in (2, 15, 41, 49):
        assert norm(by_id(pid).text) in norm(sidebar), by_id(pid).text

    # disputes: title, claimant and quote of every member (the folded ones opened), literally
    disputes = find_disputes(corpus.claims)
    assert disputes, "the hostile corpus was built to contain disputes"
    open_tab(page, "Disputes")
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator(".ca-card").first).to_be_visible(timeout=30_000)
    open_folds(page)
    body = norm(main.inner_text())
    by_claim = {c.id: c for c in corpus.claims}
    for dispute in disputes[:PER_PAGE]:  # the first page
        for column in side_columns(dispute, by_claim):
            for claim in column.all:
                assert norm(claim.quote) in body, claim.quote
                assert norm(claim.claimant or "claimant not stated") in body
    seen_disputes = payloads_in(body)

    # claims table: narrow it to hostile quotes, then compare cells with the claims
    page.get_by_label("Search quotes").fill("pwned")
    page.get_by_label("Search quotes").press("Enter")
    hostile = [c for c in corpus.claims if "pwned" in c.quote.lower()]
    expect(page.get_by_text(f"{len(hostile)} of {len(corpus.claims)} claims shown")).to_be_visible(
        timeout=30_000
    )
    open_tab(page, "Claims table")
    # st.dataframe draws on a canvas; its accessible grid (hidden <td role=gridcell>) holds the
    # cell values it draws, so they are compared here.
    cells = page.locator('[data-testid="stDataFrame"] [role="gridcell"]')
    wanted = {norm(v) for c in hostile for v in (c.quote, c.claimant, c.outlet) if v}
    wanted = {v for v in wanted if "<" in v or "{" in v}
    deadline = time.monotonic() + 30
    while True:
        texts = {norm(t) for t in cells.all_text_contents()}
        if wanted & texts or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    shown_cells = wanted & texts
    assert len(shown_cells) >= 3, f"hostile values missing from the table: {sorted(texts)[:20]}"
    COUNTS["payloads_in_sidebar"] = sorted(payloads_in(sidebar))
    COUNTS["payloads_in_disputes"] = sorted(seen_disputes)
    COUNTS["payloads_in_table_cells"] = sorted(payloads_in(" ".join(texts)))
    # sources: titles and outlets of the hostile articles, as text
    open_tab(page, "Sources")
    expect(cells.first).to_be_attached(timeout=30_000)
    source_cells = " ".join(cells.all_text_contents())
    COUNTS["payloads_in_sources"] = sorted(payloads_in(source_cells))
    assert COUNTS["payloads_in_sources"], "no hostile title or outlet in the sources table"
    everything = page.locator("body").inner_text() + frame.locator("body").inner_text()
    for evaluated in EVALUATED:
        assert evaluated not in everything, f"a template was evaluated: {evaluated!r} on the page"


def test_place_panel_and_article_reader_show_payloads_as_text(dashboard_url, hostile_page, corpus):
    page = hostile_page
    open_page(page, dashboard_url, len(corpus.claims))
    group = next(g for g in group_places(corpus.claims) if g.name == PANEL_PLACE)
    choose(page, "Place", f"{group.name} ({group.count})")
    panel = page.locator(".st-key-place_panel")
    para = panel.locator(".ca-para")
    expect(para.first).to_be_visible(timeout=30_000)
    listed = min(20, group.count)
    expect(panel.locator(".ca-card")).to_have_count(listed, timeout=30_000)
    while listed < group.count:  # "Show more" until every claim is listed
        panel.get_by_role("button", name=re.compile(r"^Show \d+ more")).click()
        listed = min(listed + 20, group.count)
        expect(panel.locator(".ca-card")).to_have_count(listed, timeout=30_000)
    expect(para).to_have_count(group.count, timeout=30_000)
    paragraphs = norm(" ".join(para.all_inner_texts()))
    text = norm(panel.inner_text())
    for claim in group.samples:  # every quote inside its paragraph, the claimant above it
        assert norm(claim.quote) in paragraphs, claim.quote
        assert norm(claim.claimant or "claimant not stated") in text, claim.claimant
    seen = payloads_in(paragraphs) | payloads_in(text)

    articles = {Path(a.file).name: a for a in corpus.articles}
    files_here = {Path(c.file).name for c in group.samples}
    assert set(XSS_FILES) <= files_here
    ids = panel.locator(".ca-card").evaluate_all("(els) => els.map((e) => e.dataset.claim)")
    for name in XSS_FILES:
        claim = next(c for c in group.samples if Path(c.file).name == name)
        panel.get_by_role("button", name="Read in context").nth(ids.index(claim.id)).click()
        reader = page.get_by_role("dialog").locator(".ca-article")
        expect(reader).to_contain_text(f"file {name}", timeout=30_000)
        if reader.locator("details").count():  # the paragraphs before the claim, folded
            reader.locator("details summary").first.click()
        article = articles[name]
        text = norm(reader.inner_text())
        for paragraph in article.text[article.body_start :].split("\n\n"):
            assert norm(paragraph) in text, (name, paragraph[:80])
        meta = article.meta
        for value in (meta.title, meta.outlet, meta.author):
            if value:
                assert norm(value) in text, (name, value)
        links = reader.locator("a").evaluate_all("(els) => els.map((e) => e.getAttribute('href'))")
        url = safe_url(meta.url)
        if url:  # an http(s) URL is a link to exactly that address, attribute intact
            assert links == [url], links
        else:
            assert links == [], f"{name}: a non-http(s) URL was made a link: {meta.url!r}"
        seen |= payloads_in(text)
        page.keyboard.press("Escape")
        expect(page.get_by_role("dialog")).to_have_count(0, timeout=10_000)
    COUNTS["payloads_in_detail_panel_and_reader"] = sorted(seen)
    COUNTS["payloads_total"] = len(PAYLOADS)
    assert len(seen) >= 30, f"only {len(seen)} payloads seen as text in panel and reader"


def test_downloads_carry_payloads_as_inert_data(
    dashboard_url, hostile_page, corpus, tmp_path, browser_corpus
):
    page = hostile_page
    open_page(page, dashboard_url, len(corpus.claims))
    open_tab(page, "Claims table")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download GeoJSON").click()
    doc = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    by_id_ = {c.id: c for c in corpus.claims}
    assert len(doc["features"]) == len(corpus.claims)
    groups = session_data(corpus.articles, corpus.claims, browser_corpus).group_of
    for feature in doc["features"]:
        want = {**by_id_[feature["id"]].to_dict(), "file": Path(by_id_[feature["id"]].file).name}
        want |= {"group_id": groups[feature["id"]].id,
                 "group_claims": groups[feature["id"]].n_claims,
                 "group_outlets": groups[feature["id"]].n_outlets}  # fmt: skip
        assert feature["properties"] == json.loads(json.dumps(want))
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == len(corpus.claims)
    quotes = {r["quote"] for r in rows}
    assert {c.quote for c in corpus.claims} <= quotes | {"'" + q for q in quotes}


def test_hostile_upload_name_and_content(dashboard_url, hostile_page, corpus):
    page = hostile_page
    open_page(page, dashboard_url, len(corpus.claims))
    name = by_id(52).text
    content = (
        f"---\ntitle: '{by_id(37).text}'\noutlet: Upload Wire <b>bold</b>\n"
        "published: 2021-09-05\n---\n\n"
        "Taliban spokesman <img src=x onerror=window.__pwned_52=1> said 33 resistance fighters "
        "were killed in Bazarak on Sunday.\n"
    )
    jinja_name = by_id(53).text
    poison = "Taliban were killed in Panjshir  Thursday night, September 2 said .\n"  # FINDINGS F4
    page.locator('input[type="file"]').set_input_files(
        [
            {"name": name, "mimeType": "text/markdown", "buffer": content.encode()},
            {"name": jinja_name, "mimeType": "text/markdown", "buffer": b"\x00binary\xff"},
            {"name": "poison.md", "mimeType": "text/markdown", "buffer": poison.encode()},
        ]
    )
    total = len(corpus.claims)
    caption = page.get_by_text(CAPTION)
    expect(caption).not_to_have_text(f"{total} of {total} claims shown", timeout=30_000)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar).to_contain_text(name, timeout=30_000)  # success line names the upload
    expect(sidebar).to_contain_text(jinja_name)  # the error for the binary file names it
    expect(sidebar).not_to_contain_text("42.md")
    expect(sidebar).to_contain_text("Upload Wire <b>bold</b>")


def test_the_probe_would_see_a_payload_run(page_and_requests):
    """The detectors above can fail: on a page that does insert payload HTML, they fire."""
    page, _ = page_and_requests
    page.set_content("<div id=x></div>")
    page.evaluate(
        """(html) => { document.getElementById("x").innerHTML = html; }""",
        by_id(2).text + by_id(7).text + by_id(35).text,
    )
    page.evaluate("() => new Promise((r) => setTimeout(r, 300))")
    found = page.main_frame.evaluate(PROBE_JS)
    assert found["pwned"] == ["__pwned_2", "__pwned_7"] or set(found["pwned"]) >= {"__pwned_2"}
    assert found["handlers"] and found["links"] and found["planted"]
    page.set_content(by_id(10).text)
    page.wait_for_timeout(300)
    assert page.dialogs, "the dialog detector missed alert()"  # type: ignore[attr-defined]


def test_chart_tooltips_show_outlets_as_text(dashboard_url, hostile_page, corpus):
    """The figure-spread chart's tooltips name the outlet (article-derived text)."""
    page = hostile_page
    open_page(page, dashboard_url, len(corpus.claims))
    labels = session_data(corpus.articles, corpus.claims).sources.label  # as the page names them
    rows = figure_rows(corpus.claims, source_of=labels)
    stated = set(rows["outlets"])  # each point's sources, as its tooltip lists them
    hostile_outlets = {o for o in stated if "<" in o or "{" in o}
    assert hostile_outlets, "the hostile corpus should put markup outlets in the chart"
    open_tab(page, "Figures")
    chart = page.locator('[data-testid="stVegaLiteChart"]').last
    marks = chart.locator("g.mark-symbol.role-mark path")  # data points, not legend symbols
    expect(marks).to_have_count(len(rows), timeout=30_000)  # one point per row, all drawn
    page.wait_for_timeout(500)  # the chart settles to its width
    tips: set[str] = set()
    tooltip = page.locator("#vg-tooltip-element")
    for mark in marks.all():
        mark.scroll_into_view_if_needed()
        mark.hover(force=True)
        page.wait_for_timeout(120)  # the tooltip follows the pointer a frame later
        if tooltip.count() and tooltip.is_visible():
            tips.add(tooltip.inner_text())
    shown = {o for o in hostile_outlets if any(norm(o) in norm(t) for t in tips)}
    assert shown == hostile_outlets, f"outlets missing from tooltips: {hostile_outlets - shown}"
    COUNTS["payloads_in_chart_tooltips"] = sorted(payloads_in(" ".join(tips)))


def test_crafted_link_with_hostile_query_string(dashboard_url, hostile_page, corpus):
    """A link an adversary sends: impossible days, markup and templates in every parameter."""
    page = hostile_page
    query = urlencode(
        [
            ("from", "2021-02-30"),
            ("to", "0000-01-01"),
            ("undated", "{{ 7*7 }}"),
            ("xo", by_id(2).text),
            ("xo", by_id(41).text),
            ("xs", "<svg onload=window.__pwned_3=1>"),
            ("xk", "'); alert(1); //"),
            ("q", by_id(5).text),
        ]
    )
    page.goto(f"{dashboard_url}/?{query}")
    expect(page.get_by_text(CAPTION)).to_be_visible(timeout=60_000)
    expect(page.get_by_label("Search quotes")).to_have_value(by_id(5).text)
    shown, total = map(int, CAPTION.search(page.get_by_text(CAPTION).inner_text()).groups())
    assert total == len(corpus.claims)
    assert 1 <= shown < total, "the search for the payload text should find its claim"
