"""One claim as the panels show it (atlas.cards): every new field visible, all text escaped."""

from __future__ import annotations

from html.parser import HTMLParser

from atlas.cards import claim_card_html, permalink
from atlas.palette import default_palette
from atlas.sample import make_claim
from claims.corroboration import find_groups, group_index
from claims.model import Article, ArticleMeta

PALETTE = default_palette()


class _Parse(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text = set(), [], []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.text.append(data)


def card(claim, **kw):
    article = kw.pop("article", None)
    return claim_card_html(claim, PALETTE, kw.pop("source", "Some Wire"), article, **kw)


def text_of(html: str) -> str:
    p = _Parse()
    p.feed(html)
    return " ".join("".join(p.text).split())


def test_card_shows_rule_stance_scope_qualifier_and_reported_by():
    claim = make_claim(
        figure=1600, figure_qualifier="more than", figure_scope="dead or captured",
        stance="denies", rule="kind=K-control-took speaker=S-subject", reported_by="2021-09-05",
    )  # fmt: skip
    text = text_of(card(claim))
    assert "more than 1,600 dead or captured" in text
    assert "DENIAL" in text and "reported by 5 Sep 2021" in text
    assert "kind=K-control-took · speaker=S-subject" in text
    assert "National Resistance Front" in text  # the side's label from the profile


def test_card_names_what_a_denial_denies_and_the_outlets_carrying_it():
    claims = [make_claim(id="a", outlet="A"), make_claim(id="b", outlet="B", statement_id="s2")]
    groups = group_index(find_groups(claims))
    denied = make_claim(id="x", claimant="Fahim Dashti", figure=600, figure_qualifier="about")
    html = card(claims[0], group=groups["a"], denies=[denied], label_of=lambda c: "Pop Smoke")
    text = text_of(html)
    assert "carried by2 outlets (2 claims)" in text  # <dt>carried by</dt><dd>…
    assert "Denies: Fahim Dashti: about 600 (Pop Smoke)" in text


def test_card_escapes_everything_and_links_safely():
    evil = "<img src=x onerror=alert(1)> {{ 7*7 }}"
    article = Article(file="f.md", text=f"NRF said {evil}.", meta=ArticleMeta(
        title=evil, url="javascript:alert(1)"))  # fmt: skip
    claim = make_claim(id='c"1', claimant=evil, quote=article.text, title=evil, url=None)
    html = card(claim, article=article, source=evil, place="town:bazarak", linked=True)
    p = _Parse()
    p.feed(html)
    assert "img" not in p.tags and "script" not in p.tags
    hrefs = [v for k, v in p.attrs if k == "href"]
    assert hrefs == ["?claim=c%221&place=town%3Abazarak"]
    assert not [k for k, _ in p.attrs if k.startswith("on")]
    assert evil in "".join(p.text) and "ca-linked" in html


def test_permalink_without_place():
    assert permalink(None, make_claim(id="z")) == "?claim=z"
