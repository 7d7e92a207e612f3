"""claims.furniture and claims.sentences: page furniture dropped, offsets exact."""

from __future__ import annotations

import pytest

from claims import furniture
from claims.sentences import normalise, split_sentences


@pytest.mark.parametrize(
    "line",
    [
        "Skip to content",
        "Read also: Afghan women protest despite the ban",
        "READ MORE: Who leads the resistance?",
        "Follow Us on Facebook - @SomeOutlet; Instagram - @SomeOutlet",
        "Subscribe to get the latest posts sent to your email.",
        "Image Credit: Twitter account someone",
        "Kabul at dawn (Photo courtesy of A. Person)",
        "Fighters in the valley. (Photo: Reuters)",
        "Photo: Fighters on a road near the pass, Sept. 5, 2021.",
        "Written by Jane Doe Twitter Last updated on Sep 05, 2021, 09:47 am",
        "Share this article: Facebook | X | LinkedIn | Email",
        "You are commenting using your Twitter account. Log Out /  Change )",
        "Fill in your details below or click an icon to log in: Logo",
        "24/7 UPDATES ON OUR WHATSAPP TV, JOIN NOW",
        "@outlet #panjshir https://example.org",
        "Advertisement",
        "© 2021 Some Times. All rights reserved.",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert furniture.is_furniture_line(normalise(line)), line


@pytest.mark.parametrize(
    "line",
    [
        "Taliban fighters entered Bazarak on Monday, the group said.",
        "Resistance says 700 Taliban fighters killed, 600 captured",
        "The resistance tweeted that the road was blocked.",
        "Situation in Panjshir",
        "Heavy fighting reported as talks stall in the north",
    ],
)
def test_article_lines_are_not_furniture(line: str) -> None:
    assert not furniture.is_furniture_line(normalise(line)), line


@pytest.mark.parametrize(
    "line", ["Leave a Reply", "Discover more from Some Updates", "Recent News", "12 comments"]
)
def test_end_of_article_markers(line: str) -> None:
    assert furniture.is_end_of_article(line)


def test_alt_text_repeated_by_the_caption_is_furniture() -> None:
    caption = "Fighters in the valley. (Photo courtesy of Someone)"
    assert furniture.is_alt_text("Fighters in the valley", caption)
    assert not furniture.is_alt_text("Fighters in the valley", "Fighters in the valley rested.")


def test_normalise_keeps_length_and_maps_quotes_and_spaces() -> None:
    text = "\ufeff“It’s” — Panjshir\u00a0Valley…"
    norm = normalise(text)
    assert len(norm) == len(text)
    assert norm == ' "It\'s" - Panjshir Valley.'


ARTICLE = (
    "\ufeffSkip to content\n\n"
    "Taliban suffer heavy losses in Panjshir\u00a0Valley\n\n"
    "Image Credit: Someone\n\n"
    "“About 600 Taliban were killed. More than 1,000 surrendered.” – spokesman X wrote on "
    "Twitter. Mr. Y said the U.S. left. Stay tuned to Outlet for more news.\n"
    "A second paragraph? Yes!\n\n"
    "Leave a Reply\n\nYou are commenting using your account.\n"
)


def test_sentence_offsets_are_exact_and_furniture_is_gone() -> None:
    sents = split_sentences(ARTICLE, 1)
    texts = [ARTICLE[s.start : s.end] for s in sents]
    assert texts == [
        "Taliban suffer heavy losses in Panjshir\u00a0Valley",
        "“About 600 Taliban were killed. More than 1,000 surrendered.” – spokesman X wrote on "
        "Twitter.",
        "Mr. Y said the U.S. left.",
        "A second paragraph?",
        "Yes!",
    ]
    assert sents[0].heading and not sents[1].heading
    assert sents[1].line == sents[2].line != sents[3].line


def test_leading_date_stamp_is_not_part_of_the_statement() -> None:
    text = " date 2021-09-05 Over 700 killed, claims resistance\n"
    (sent,) = split_sentences(text)
    assert text[sent.start : sent.end] == "Over 700 killed, claims resistance"


def test_a_panic_inside_the_splitter_costs_one_line_only(monkeypatch):
    """sentencex is Rust: a panic arrives as a BaseException; the line becomes one span."""
    import claims.sentences as sentences

    class PanicException(BaseException):
        pass

    def panic(lang, line):
        raise PanicException("explicit panic")

    monkeypatch.setattr(sentences.sentencex, "get_sentence_boundaries", panic)
    text = "Taliban said 40 fighters were killed. NRF denied it.\nSecond line here."
    spans = sentences.split_sentences(text, 0)
    assert [text[s.start : s.end] for s in spans] == [
        "Taliban said 40 fighters were killed. NRF denied it.",
        "Second line here.",
    ]
