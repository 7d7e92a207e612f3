"""HTML for the place panel and the article reader: article text escaped, claim spans marked.

Every piece of article text passes through :func:`html.escape` before it is wrapped in the
few tags made here (``p``, ``mark``, ``a``, ``details``, ``summary``, ``h4``, ``small``), and
links are made only for http(s) URLs; the result is safe to hand to ``st.html``.

Front matter is never shown as text: a quote's paragraph starts at the article body at the
earliest, and the reader starts at the body. The reader opens *at* the claim: the paragraphs
before it are folded into a ``<details>`` line ("12 earlier paragraphs"), so the claim is at
the top without any script.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import PurePath
from urllib.parse import urlsplit

from claims.model import Article, Claim

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
MARK_STYLE = "background:#ffe680;padding:0 1px;border-radius:2px"
CURRENT_STYLE = "background:#ffb74d;padding:0 1px;border-radius:2px;font-weight:600"


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host, else None (no javascript: etc.)."""
    if not url:
        return None
    url = url.strip()
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return url


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (blank-line separated) containing ``text[start:end]``, widened to cover
    the whole span when it crosses a paragraph break."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = 0
    for match in _PARAGRAPH_BREAK.finditer(text, 0, start):
        left = match.end()
    after = _PARAGRAPH_BREAK.search(text, end)
    right = after.start() if after else len(text)
    return left, right


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def marked_html(
    text: str,
    spans: Iterable[tuple[int, int]],
    offset: int = 0,
    current: tuple[int, int] | None = None,
) -> str:
    """``text`` escaped, with each span (offsets into the full article, ``offset`` = where
    ``text`` starts) wrapped in ``<mark>``; the ``current`` span is marked more strongly.
    Overlapping spans are merged; newlines become ``<br>``."""
    pieces: list[str] = []
    cursor = 0
    for start, end in _merge(spans):
        lo, hi = max(start - offset, 0), min(end - offset, len(text))
        if hi <= lo or lo < cursor:
            continue
        style = CURRENT_STYLE if current and start <= current[0] and current[1] <= end else None
        pieces.append(html.escape(text[cursor:lo]))
        pieces.append(f'<mark style="{style or MARK_STYLE}">{html.escape(text[lo:hi])}</mark>')
        cursor = hi
    pieces.append(html.escape(text[cursor:]))
    return "".join(pieces).replace("\n", "<br>")


def _span_ok(article: Article, claim: Claim) -> bool:
    return 0 <= claim.quote_start < claim.quote_end <= len(article.text)


def quote_in_paragraph_html(article: Article, claim: Claim) -> str:
    """The claim's paragraph as HTML with its quote highlighted (never reaching back into the
    front matter).

    Falls back to the bare quote (escaped) when the offsets don't fit the article."""
    if not _span_ok(article, claim):
        return f'<p><mark style="{CURRENT_STYLE}">{html.escape(claim.quote)}</mark></p>'
    left, right = paragraph_bounds(article.text, claim.quote_start, claim.quote_end)
    body = min(max(article.body_start, 0), claim.quote_start)
    left = max(left, body)
    while left < claim.quote_start and article.text[left] in "\r\n":
        left += 1
    span = (claim.quote_start, claim.quote_end)
    return f"<p>{marked_html(article.text[left:right], [span], offset=left, current=span)}</p>"


def article_header_html(article: Article, file_label: str | None = None) -> str:
    """Title, outlet, date, author and (http(s) only) link of an article, escaped.
    ``file_label``: how to name the file (relative to the corpus folder); its name by default."""
    meta = article.meta
    name = file_label or PurePath(article.file).name or article.file
    title = html.escape(meta.title or name)
    bits = [
        html.escape(x)
        for x in (
            meta.outlet or "outlet not stated",
            meta.published.isoformat() if meta.published else "publication date not stated",
            meta.author and f"by {meta.author}",
            f"file {name}",
        )
        if x
    ]
    url = safe_url(meta.url)
    link = (
        f' · <a href="{html.escape(url, quote=True)}" target="_blank" '
        f'rel="noopener noreferrer nofollow">original article</a>'
        if url
        else ""
    )
    return f"<h4>{title}</h4><p><small>{' · '.join(bits)}{link}</small></p>"


def body_paragraphs(article: Article) -> list[tuple[int, int]]:
    """(start, end) of every non-blank paragraph of the body (front matter excluded)."""
    text = article.text
    cursor = min(max(article.body_start, 0), len(text))
    bounds = []
    for match in _PARAGRAPH_BREAK.finditer(text, cursor):
        bounds.append((cursor, match.start()))
        cursor = match.end()
    bounds.append((cursor, len(text)))
    return [(left, right) for left, right in bounds if text[left:right].strip()]


def article_html(
    article: Article,
    claims: Iterable[Claim],
    current: Claim | None = None,
    file_label: str | None = None,
) -> str:
    """The whole article body, paragraph by paragraph, every claim span marked; opened at the
    ``current`` claim (earlier paragraphs folded, one click away)."""
    spans = [(c.quote_start, c.quote_end) for c in claims if _span_ok(article, c)]
    cur = (
        (current.quote_start, current.quote_end) if current and _span_ok(article, current) else None
    )
    text = article.text
    paragraphs = []
    at: int | None = None  # index of the current claim's first paragraph
    for n, (left, right) in enumerate(body_paragraphs(article)):
        inside = [(s, e) for s, e in spans if s < right and e > left]
        attrs = ""
        if at is None and cur is not None and cur[0] < right and cur[1] > left:
            at, attrs = n, ' class="ca-current"'
        paragraphs.append(f"<p{attrs}>{marked_html(text[left:right], inside, left, cur)}</p>")
    parts = [article_header_html(article, file_label)]
    if at:
        earlier = f"{at} earlier paragraph{'s' if at != 1 else ''}"
        parts.append(f"<details><summary>{earlier}</summary>{''.join(paragraphs[:at])}</details>")
        paragraphs = paragraphs[at:]
    parts.extend(paragraphs)
    return "\n".join(parts)
