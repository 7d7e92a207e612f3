"""Server side: every payload in every text field of a claim goes through the functions that
build HTML and the folium map. Nothing is evaluated as a Jinja template, no payload survives
unescaped into the HTML, and the HTML the reader builds holds only its own few tags.

The claims are made directly (not extracted), so payloads also sit where extraction rarely
puts them: place names, place mentions, unresolved places, claimants, outlets, titles, URLs.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile.payloads import JINJA_MARKER_FILE, PAYLOADS

from atlas.mapbuild import build_map
from atlas.mapdata import place_payload
from atlas.palette import default_palette
from atlas.places import group_places
from atlas.reader_view import article_html, quote_in_paragraph_html
from atlas.tables import claims_frame, data_issues
from claims.export import to_csv, to_geojson, to_jsonl
from claims.model import Article, ArticleMeta, Claim

TEXT_FIELDS = ("claimant", "place", "place_mention", "unresolved_place", "outlet", "title", "url")
EVALUATED = ("LOOP0LOOP1LOOP2", "1338337", ">49<", "42.md")
READER_TAGS = {"p", "mark", "a", "br", "h4", "small", "div", "span", "details", "summary"}


def _claims() -> tuple[list[Claim], dict[str, Article]]:
    claims, articles = [], {}
    for i, p in enumerate(PAYLOADS):
        body = f"Heading {p.text}\n\nThe NRF said {p.text} 40 Taliban were killed in Bazarak.\n"
        file = f"f{i}.md"
        start = body.index("The NRF")
        quote = body[start : body.index("\n", start)]
        articles[file] = Article(
            file=file,
            text=body,
            meta=ArticleMeta(title=p.text, outlet=p.text, url=p.text, author=p.text,
                             published=date(2021, 9, 5)),
        )  # fmt: skip
        base = dict(
            id=f"c{i}", statement_id=f"s{i}", file=file, outlet=p.text, title=p.text, url=p.text,
            published="2021-09-05", claimant=p.text, side="NRF", kind="casualties", figure=40,
            figure_qualifier=None, place=p.text, place_mention=p.text, place_id=f"x:{p.id}",
            lat=35.0 + i / 100, lon=69.0 + i / 100, radius_km=5.0, place_precision="point",
            place_basis="named in the sentence", unresolved_place=None,
            date_start="2021-09-05", date_end="2021-09-05", date_precision="day",
            date_basis=p.text, quote=quote, quote_start=start, quote_end=start + len(quote),
        )  # fmt: skip
        claims.append(Claim(**base))
        # the same payload as an unresolved place (no coordinates)
        claims.append(
            dataclasses.replace(
                claims[-1], id=f"u{i}", place=None, place_id=None, lat=None, lon=None,
                radius_km=None, place_precision=None, unresolved_place=p.text,
            )
        )  # fmt: skip
    return claims, articles


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def hostile():
    marker = Path(JINJA_MARKER_FILE)
    marker.unlink(missing_ok=True)
    yield _claims()
    assert not marker.exists(), "a Jinja payload ran on the server (it wrote its marker file)"


def test_map_html_carries_payloads_only_as_escaped_data(hostile):
    claims, _ = hostile
    html = build_map(claims).get_root().render()
    for evaluated in EVALUATED:
        assert evaluated not in html, f"template evaluated: {evaluated!r}"
    for p in PAYLOADS:
        if "<" in p.text or "\u2028" in p.text:
            assert p.text not in html, f"payload {p.id} unescaped in the map HTML"
    # every place survived as data, in order and complete
    payload = place_payload(group_places(claims), default_palette())
    assert {g["name"] for g in payload} == {p.text for p in PAYLOADS}


def test_reader_html_has_only_its_own_tags_and_the_exact_text(hostile):
    claims, articles = hostile
    by_file: dict[str, list[Claim]] = {}
    for c in claims:
        by_file.setdefault(c.file, []).append(c)
    for file, article in articles.items():
        for html in (
            article_html(article, by_file[file], current=by_file[file][0]),
            quote_in_paragraph_html(article, by_file[file][0]),
        ):
            parsed = _Tags()
            parsed.feed(html)
            assert parsed.tags <= READER_TAGS, (file, parsed.tags - READER_TAGS)
            for name, value in parsed.attrs:
                assert not name.startswith("on"), (file, name)
                if name == "href":
                    assert value and value.lower().startswith(("http://", "https://")), value
        text = "".join(parsed.text)
        assert article.text[by_file[file][0].quote_start : by_file[file][0].quote_end] in text


def test_tables_and_exports_keep_payloads_verbatim(hostile):
    claims, _ = hostile
    frame = claims_frame(claims)
    assert set(frame["claimant"]) == {p.text for p in PAYLOADS}
    issues = data_issues(claims, [(p.text, p.text) for p in PAYLOADS], [p.text for p in PAYLOADS])
    assert issues
    to_geojson(claims)
    to_jsonl(claims)
    to_csv(claims)


CARD_TAGS = {"div", "b", "span", "a", "p", "mark", "br", "dl", "dt", "dd"}


def test_claim_cards_have_only_their_own_tags_and_the_exact_text(hostile):
    from atlas.cards import claim_card_html
    from claims.corroboration import find_groups, group_index

    claims, articles = hostile
    groups = group_index(find_groups(claims))
    palette = default_palette()
    for claim in claims:
        html = claim_card_html(
            claim, palette, claim.outlet or "", articles.get(claim.file), groups.get(claim.id),
            place=claim.place_id, denies=[claim], label_of=lambda c: c.outlet or "",
        )  # fmt: skip
        parsed = _Tags()
        parsed.feed(html)
        assert parsed.tags <= CARD_TAGS, parsed.tags - CARD_TAGS
        for name, value in parsed.attrs:
            assert not name.startswith("on"), name
            if name == "href":
                assert value.startswith(("http://", "https://", "?claim=")), value
        text = "".join(parsed.text)
        assert claim.quote in text and (claim.claimant or "") in text
        for evaluated in EVALUATED:
            assert evaluated not in html
