"""Property-based fuzzing of extraction end to end: bytes → article → claims.

Whatever the input, every claim keeps its provenance (``text[start:end] == quote``), stays on
Earth (±90/±180) and uses only the vocabulary of claims.model.
"""

from __future__ import annotations

from datetime import date

from hostile.strategies import article_bytes, article_text, front_matter, fuzz, sentence
from hypothesis import given
from hypothesis import strategies as st

from claims import extract_claims, find_disputes, read_bytes
from claims.exc import ClaimsError
from claims.model import DATE_PRECISIONS, KINDS, PLACE_BASES, SIDES, Article, Claim

N_EXTRACT_BYTES = 600
N_EXTRACT_NEWS = 500


def check_claims(article: Article, claims: list[Claim]) -> None:
    ids = [c.id for c in claims]
    assert len(ids) == len(set(ids)), "duplicate claim ids"
    for c in claims:
        assert article.text[c.quote_start : c.quote_end] == c.quote, c
        assert c.quote_start >= article.body_start, "quote taken from the front matter"
        assert c.quote.strip(), "empty quote"
        assert c.file == article.file
        assert c.side in SIDES and c.kind in KINDS and c.date_precision in DATE_PRECISIONS
        assert c.place_basis is None or c.place_basis in PLACE_BASES
        assert (c.lat is None) == (c.lon is None), c
        if c.lat is not None:
            assert -90 <= c.lat <= 90 and -180 <= c.lon <= 180, (c.lat, c.lon)
        if c.radius_km is not None:
            assert c.radius_km >= 0
        assert c.figure is None or (isinstance(c.figure, int) and c.figure >= 0), c.figure
        start = date.fromisoformat(c.date_start) if c.date_start else None
        end = date.fromisoformat(c.date_end) if c.date_end else None
        if start and end:
            assert start <= end, (c.date_start, c.date_end)
        if c.date_precision == "unknown":
            assert start is None, c
        assert c.outlet == article.meta.outlet or c.outlet is None or article.meta.outlet is None
        assert c.url == article.meta.url


@fuzz(N_EXTRACT_BYTES)
@given(data=article_bytes())
def test_extraction_from_any_bytes_keeps_provenance(data: bytes):
    try:
        article = read_bytes("fuzz.md", data)
    except ClaimsError:
        return
    claims = extract_claims(article)
    check_claims(article, claims)
    find_disputes(claims)


news_body = st.lists(st.one_of(sentence(), sentence(), article_text()), max_size=8).map(
    lambda parts: "\n\n".join(parts)
)


@fuzz(N_EXTRACT_NEWS)
@given(
    fm=st.one_of(
        st.just(""),
        front_matter(),
        st.dates(date(2000, 1, 1), date(2030, 12, 31)).map(
            lambda d: f"---\ntitle: T\noutlet: O\npublished: {d.isoformat()}\n---\n"
        ),
    ),
    body=news_body,
)
def test_extraction_from_news_like_text_keeps_provenance(fm: str, body: str):
    try:
        article = read_bytes("news.md", (fm + body).encode("utf-8", errors="replace"))
    except ClaimsError:  # NUL bytes from the random part: refused as binary, by name
        assert "\x00" in fm + body
        return
    claims = extract_claims(article)
    check_claims(article, claims)
    for dispute in find_disputes(claims):
        assert set(dispute.claim_ids) <= {c.id for c in claims}
