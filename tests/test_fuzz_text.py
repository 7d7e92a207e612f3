"""Property-based fuzzing of the text layers: reader, sentence offsets, place-name normaliser.

Example counts are fixed (not left to hypothesis' default) so the total number of generated
inputs is known; see FUZZ_EXAMPLES and tests/test_fuzz_claims.py for the rest.
"""

from __future__ import annotations

import re

import pytest
from hostile.strategies import (
    PLACES,
    article_bytes,
    article_text,
    front_matter,
    fuzz,
    name_like,
    sentence,
)
from hypothesis import given
from hypothesis import strategies as st

from claims.exc import ClaimsError
from claims.model import Article, ArticleMeta
from claims.reader import read_bytes
from claims.sentences import normalise, split_sentences
from geo.normalize import match_key, normalize, phonetic_key, strip_generic

# examples per test, summed in the report
N_READER = 800
N_READER_TEXT = 800
N_SENTENCES = 800
N_NORMALISE = 1500
N_NORMALIZE = 2500
N_KEYS = 1000


@fuzz(N_READER)
@given(data=article_bytes(), name=st.sampled_from(("a.md", "upload.txt", "<b>x</b>.md", "")))
def test_reader_returns_an_article_or_a_named_claims_error(data: bytes, name: str):
    try:
        article = read_bytes(name, data)
    except ClaimsError as exc:
        assert isinstance(exc, OSError | ValueError)
        assert name in str(exc)
        return
    assert isinstance(article, Article)
    assert article.file == name
    assert 0 <= article.body_start <= len(article.text)
    assert "\r" not in article.text
    meta = article.meta
    assert isinstance(meta, ArticleMeta)
    for field in ("title", "outlet", "url", "author"):
        value = getattr(meta, field)
        assert value is None or (isinstance(value, str) and value.strip() == value and value)
    assert all(isinstance(n, str) and n for n in article.notes)


@fuzz(N_READER_TEXT)
@given(fm=front_matter(), body=article_text())
def test_reader_text_is_exactly_the_decoded_file(fm: str, body: str):
    data = (fm + body).encode("utf-8")
    if "\x00" in fm + body:  # NUL means binary: refused, by name
        with pytest.raises(ClaimsError, match=r"f\.md"):
            read_bytes("f.md", data)
        return
    article = read_bytes("f.md", data)
    expected = (fm + body).replace("\r\n", "\n").replace("\r", "\n")
    assert article.text == expected
    # the body is the end of the text, front matter (if parsed) before it
    assert article.text.endswith(article.text[article.body_start :])


@fuzz(N_SENTENCES)
@given(text=article_text(), lead=st.integers(0, 40))
def test_sentence_spans_are_in_order_inside_the_body_and_trimmed(text: str, lead: int):
    body_start = min(lead, len(text))
    spans = split_sentences(text, body_start)
    previous_end = body_start
    for s in spans:
        assert body_start <= s.start < s.end <= len(text), s
        assert s.start >= previous_end, "sentences overlap or go backwards"
        previous_end = s.end
        piece = text[s.start : s.end]
        assert piece.strip(" \t\n\u00a0\u202f\u200b\ufeff") == piece
        # a sentence spans lines only where a hard-wrapped page broke it mid-sentence: the line
        # before stops on a word, the next goes on in lower case
        plain = normalise(piece)  # the splitter reads the normalised text (dashes as "-")
        for m in re.finditer(r"\n", plain.replace("\r", " ")):
            blank = " \t\r\u00a0\u202f\u200b\ufeff"
            before, after = plain[: m.start()].rstrip(blank), plain[m.end() :].lstrip(blank)
            assert re.search(r"[\w,;'’-]$", before) and re.match(r"[a-z(]", after), (
                "a sentence spans two lines"
            )


@fuzz(N_NORMALISE)
@given(text=st.one_of(sentence(), st.text(), name_like))
def test_normalise_keeps_every_offset(text: str):
    norm = normalise(text)
    assert len(norm) == len(text)
    # characters that are not translated stay where they were
    for a, b in zip(text, norm, strict=True):
        assert a == b or len(b) == 1


@fuzz(N_NORMALIZE)
@given(name=name_like)
def test_place_normalize_is_idempotent_and_plain(name: str):
    once = normalize(name)
    assert normalize(once) == once
    assert once == once.strip() and "  " not in once
    assert not re.search(r"[\W_]", once.replace(" ", "")), repr(once)


@fuzz(N_KEYS)
@given(
    name=name_like,
    decor=st.sampled_from(("", " district", " Province", "the ", "Kotal-e ", "'s", " area")),
)
def test_place_keys_never_crash_and_ignore_decoration(name: str, decor: str):
    core, _hint = strip_generic(normalize(name))
    if normalize(name):
        assert core, "strip_generic emptied a non-empty name"
    key = phonetic_key(core)
    assert isinstance(key, str)
    if name in PLACES and decor:
        decorated = decor + name if decor.endswith(" ") else name + decor
        assert isinstance(match_key(decorated), str)
