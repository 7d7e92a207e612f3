"""Place panel / article reader HTML (atlas.reader_view): escaped text, marked spans, safe
links, front matter never shown, the reader opened at the claim."""

from __future__ import annotations

import pytest

from atlas.reader_view import (
    article_html,
    marked_html,
    paragraph_bounds,
    quote_in_paragraph_html,
    safe_url,
)
from atlas.sample import make_claim
from claims.model import Article, ArticleMeta

TEXT = (
    "Title line\n\n"
    "First paragraph. The NRF said 600 <b>Taliban</b> were killed. More text.\n\n"
    "Second paragraph with <script>alert(1)</script> in it.\n"
    "Still second.\n\n"
    "Third."
)


def claim_for(sentence: str, **fields):
    start = TEXT.index(sentence)
    return make_claim(quote=sentence, quote_start=start, quote_end=start + len(sentence), **fields)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("  https://example.org/x  ", "https://example.org/x"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//example.org/x", None),
        ("https://exa mple.org", None),
        ("https:/no-host", None),
        ("java\tscript:alert(1)", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_url(url, expected):
    assert safe_url(url) == expected


def test_paragraph_bounds():
    start = TEXT.index("The NRF")
    left, right = paragraph_bounds(TEXT, start, start + 5)
    assert TEXT[left:right].startswith("First paragraph.")
    assert TEXT[left:right].endswith("More text.")
    start = TEXT.index("Still")
    left, right = paragraph_bounds(TEXT, start, start + 3)
    assert TEXT[left:right].startswith("Second paragraph") and TEXT[left:right].endswith("second.")
    left, right = paragraph_bounds(TEXT, TEXT.index("Third"), len(TEXT))
    assert TEXT[left:right] == "Third."


def test_marked_html_escapes_and_merges():
    out = marked_html("a <b> c & d", [(2, 5), (4, 7)])
    assert out.count("<mark") == 1
    assert "&lt;b&gt; c" in out and "&amp; d" in out and "<b>" not in out


def test_quote_in_paragraph_highlights_the_sentence():
    claim = claim_for("The NRF said 600 <b>Taliban</b> were killed.")
    article = Article(file="a.txt", text=TEXT)
    out = quote_in_paragraph_html(article, claim)
    assert out.startswith("<p>First paragraph. <mark")
    assert "The NRF said 600 &lt;b&gt;Taliban&lt;/b&gt; were killed.</mark> More text.</p>" in out
    assert "<b>" not in out and "Second" not in out


def test_quote_with_bad_offsets_falls_back_to_quote_text():
    claim = make_claim(quote="<i>x</i>", quote_start=5000, quote_end=5008)
    out = quote_in_paragraph_html(Article(file="a.txt", text=TEXT), claim)
    assert "&lt;i&gt;x&lt;/i&gt;" in out and "<i>" not in out


def test_article_html_marks_every_claim_and_escapes_everything():
    c1 = claim_for("The NRF said 600 <b>Taliban</b> were killed.")
    c2 = claim_for("Second paragraph with <script>alert(1)</script> in it.")
    meta = ArticleMeta(
        title="<img src=x onerror=alert(1)>", outlet="Out & About", url="javascript:alert(1)"
    )
    article = Article(file="a.txt", text=TEXT, meta=meta, body_start=TEXT.index("First"))
    out = article_html(article, [c1, c2], current=c1)
    assert out.count("<mark") == 2
    assert "<script>" not in out and "<img" not in out and "javascript:" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out and "Out &amp; About" in out
    assert "Title line" not in out  # before body_start
    assert out.count("<p") == 4  # header line + three paragraphs
    assert "<details>" not in out  # the claim is in the first paragraph: nothing to fold
    assert 'class="ca-current"' in out.split("First paragraph")[0]


def test_reader_opens_at_the_claim_with_earlier_paragraphs_folded():
    c2 = claim_for("Second paragraph with <script>alert(1)</script> in it.")
    article = Article(file="a.txt", text=TEXT, body_start=TEXT.index("First"))
    out = article_html(article, [c2], current=c2, file_label="sub/a.txt")
    folded, rest = out.split("</details>")
    assert "<summary>1 earlier paragraph</summary>" in folded and "First paragraph" in folded
    assert rest.lstrip().startswith('<p class="ca-current"><mark')
    assert "font-weight:600" in rest.split("Second paragraph")[0]
    assert "file sub/a.txt" in out


def test_front_matter_is_never_a_quote_paragraph():
    text = "---\ntitle: T\noutlet: O\n---\nThe NRF said 40 Taliban were killed.\nMore.\n"
    start = text.index("The NRF")
    claim = make_claim(quote="The NRF said 40 Taliban were killed.", quote_start=start,
                       quote_end=start + 36)  # fmt: skip
    article = Article(file="u.md", text=text, body_start=text.index("The NRF"))
    out = quote_in_paragraph_html(article, claim)
    assert "title:" not in out and "---" not in out and out.startswith("<p><mark")
    assert "title:" not in article_html(article, [claim], current=claim)


def test_article_header_links_only_http():
    article = Article(file="a.txt", text="x", meta=ArticleMeta(url='https://example.org/a"b'))
    out = article_html(article, [])
    assert 'href="https://example.org/a&quot;b"' in out and 'rel="noopener' in out
    assert "outlet not stated" in out and "publication date not stated" in out
