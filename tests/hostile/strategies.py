"""Hypothesis strategies for news-like hostile text.

Random text is mostly useless against an extractor (no claim is ever found), so the strategies
build sentences from the pieces extractors look for — place names (known, misspelt, unknown),
figures, attribution and conflict verbs, weekdays and dates — and mix in the characters that
break offset arithmetic: NBSP, combining marks, right-to-left text, emoji (astral), BOM,
CRLF, lone CR, zero-width joiners, line/paragraph separators.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

PLACES = (
    "Panjshir",
    "Bazarak",
    "Khinj",
    "Khenj",
    "Unabah",
    "Anaba",
    "Rokha",
    "Rukha",
    "Shutul",
    "Dara",
    "Paryan",
    "Khawak Pass",
    "Salang Pass",
    "Charikar",
    "Jabal Saraj",
    "Gulbahar",
    "Andarab",
    "Kabul",
    "Parwan",
    "Kapisa",
    "Baghlan",
    "Dashte Rewak",
    "Dasht-e Rewat",
    "Panjshir Valley",
    "Panjsher",
    "Panjshir's",
    "Bāzārak",
    "بازارک",
    "پنجشیر",
    "PANJSHIR",
    "panjshir",
    "Panjshirr",
    "Pnjshir",
    "Danah",
    "the Danah area",
    "Khinj and Unabah districts",
    "Hisa-e-Awal",
    "Afghanistan",
)
CLAIMANTS = (
    "Taliban spokesman Zabihullah Mujahid",
    "Bilal Karimi",
    "Fahim Dashti",
    "Ali Nazary",
    "an NRF source",
    "the resistance",
    "the Taliban",
    "a source within the group",
    "Ahmad Massoud",
    "Amrullah Saleh",
    "the Islamic Emirate",
    "local residents",
    "officials",
)
VERBS = (
    "said",
    "claimed",
    "told reporters",
    "wrote on Twitter",
    "announced",
    "denied",
    "added",
    "according to",
    "reported",
    "stated",
)
EVENTS = (
    "were killed in",
    "killed",
    "captured",
    "seized",
    "took control of",
    "entered",
    "fled from",
    "clashes in",
    "fighting in",
    "heavy losses in",
    "surrendered in",
    "destroyed humvees in",
    "talks in",
    "ceasefire in",
    "cut electricity in",
    "blocked the road to",
    "advanced into",
    "retreated from",
    "wiped out",
    "liquidated",
    "trapped in",
)
FIGURES = (
    "40",
    "1,000",
    "1.000",
    "700",
    "a thousand",
    "forty",
    "hundreds of",
    "thousands of",
    "over 700",
    "at least 1,000",
    "about 600",
    "more than 1,000",
    "99999999999999999999",
    "-5",
    "0",
    "1e309",
    "٣٠٠",
    "३००",
    "12%",
    "2021",
    "3.5",
    "1,00,000",
    "1 000",
)
DATES = (
    "on Monday",
    "on Tuesday",
    "on Sunday",
    "Thursday night, September 2",
    "today",
    "yesterday",
    "since morning",
    "late on Saturday till Sunday morning",
    "on September 31",
    "on 2021-02-30",
    "February 29",
    "on 29 February 2020",
    "in the 1980s",
    "from 96-01",
    "on Sept. 5",
    "on 5/9",
    "on 31/12/9999",
    "over the past 48 hours",
    "in the last three days",
    "over the past 1000000 days",
    "in the last 99999999999999999999 hours",
    "since then",
    "since Monday",
    "till Sunday morning",
    "on 9999-12-31",
    "on 0001-01-01",
    "December 31",
    "January 1",
    "last week",
    "on 0 January",
    "at dawn",
    "in 1996–2001",
)
ODD = (
    "\u00a0",
    "\u0301",
    "\u0308\u0308",
    "\u200b",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202e",
    "\ufeff",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\t",
    "\u2028",
    "\u2029",
    "\u3000",
    "\u1680",
    "\u205f",
    "\u2003",
    "\u0085",
    "\x0b",
    "\x0c",
    "😀",
    "👩‍👩‍👧",
    "🇦🇫",
    "𝐓𝐚𝐥𝐢𝐛𝐚𝐧",
    "ﬁ",
    "İ",
    "ß",
    "ǅ",
    "Å",
    "\u0130",
    "﷽",
    "مرحبا",
    "עברית",
    "\u00ad",
    "…",
    "“",
    "”",
    "‘",
    "’",
    "–",
    "—",
    "·",
    "|",
    "<",
    ">",
    "&",
    "{{",
    "}}",
    "%",
    ".",
    "!",
    "?",
    ";",
    ":",
    ",",
    '"',
    "'",
    "(",
    ")",
    "[",
    "]",
    "...",
    "Mr.",
    "U.S.",
    "e.g.",
    "No.",
    "St.",
)

places = st.sampled_from(PLACES)
odd = st.sampled_from(ODD)
any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """One news-like sentence, possibly damaged."""
    parts = [
        draw(st.sampled_from(CLAIMANTS)),
        draw(st.sampled_from(VERBS)),
        draw(st.sampled_from(FIGURES)),
        draw(st.sampled_from(("Taliban", "fighters", "resistance fighters", "people", ""))),
        draw(st.sampled_from(EVENTS)),
        draw(places),
        draw(st.sampled_from(DATES)),
    ]
    if draw(st.booleans()):
        parts = draw(st.permutations(parts))
    # sprinkle odd characters between and inside words
    out: list[str] = []
    for part in parts:
        if draw(st.integers(0, 4)) == 0:
            cut = draw(st.integers(0, len(part)))
            part = part[:cut] + draw(odd) + part[cut:]
        out.append(part)
        out.append(draw(st.sampled_from((" ", " ", " ", "\u00a0", "  ", "\t", "\n", ""))))
    if draw(st.integers(0, 5)) == 0:
        out.append(draw(any_text))
    out.append(draw(st.sampled_from((".", ".", "!", "?", "", "…", ".\u201d", "\u3002"))))
    return "".join(out)


@st.composite
def article_text(draw: st.DrawFn) -> str:
    """A body of a few sentences and paragraph breaks, mixed with odd characters."""
    n = draw(st.integers(0, 6))
    chunks = []
    for _ in range(n):
        chunks.append(draw(st.one_of(sentence(), sentence(), odd, any_text)))
        chunks.append(draw(st.sampled_from((" ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", ""))))
    text = "".join(chunks)
    if draw(st.integers(0, 9)) == 0:
        text = "\ufeff" + text
    return text


FRONT_KEYS = ("title", "outlet", "url", "published", "author", "tags", "date", "")
FRONT_VALUES = (
    "x",
    "",
    "'quoted'",
    '"double"',
    "2021-09-05",
    "2021-02-30",
    "2021-13-01",
    "0000-00-00",
    "[1, 2]",
    "{a: 1}",
    "{{ 7*7 }}",
    "null",
    "~",
    "yes",
    "42",
    "1e400",
    "&a x",
    "*a",
    "!!python/object/apply:os.system ['true']",
    "!!binary aGk=",
    "|\n  block",
    ">\n  folded",
    "- a",
    ": :",
    "'unclosed",
    '"unclosed',
    "[",
    "{",
    "javascript:alert(1)",
    "\u00a0",
    "2021-09-05T10:00:00Z",
    "!!timestamp 2021-09-05",
    "!!int x",
    "!!float nan",
)


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        key = draw(st.sampled_from(FRONT_KEYS))
        value = draw(st.one_of(st.sampled_from(FRONT_VALUES), any_text))
        lines.append(f"{key}: {value}")
    eol = draw(st.sampled_from(("\n", "\r\n")))
    opener = draw(st.sampled_from(("---", "---", "--- ", "---\t", "----", "\ufeff---")))
    closer = draw(st.sampled_from(("---", "---", "...", "", "--- x")))
    return opener + eol + eol.join(lines) + eol + closer + eol


@st.composite
def article_bytes(draw: st.DrawFn) -> bytes:
    """Bytes a reader may be handed: a text article (with or without front matter), encoded
    in UTF-8 or something else, possibly cut mid-character, or plain random bytes."""
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.binary(max_size=300))
    text = draw(article_text())
    if kind <= 5:
        text = draw(front_matter()) + text
    encoding = draw(st.sampled_from(("utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1")))
    data = text.encode(encoding, errors="replace")
    if draw(st.integers(0, 7)) == 0 and data:
        data = data[: draw(st.integers(0, len(data)))]
    return data


FUZZ_SCALE = float(os.environ.get("CLAIM_ATLAS_FUZZ_SCALE", "1"))
"""More (or fewer) examples for every fuzz test: ``CLAIM_ATLAS_FUZZ_SCALE=10`` for a long run."""


def fuzz(max_examples: int) -> settings:
    """Settings for a fuzz test: a fixed example count (times ``CLAIM_ATLAS_FUZZ_SCALE``), no
    per-example deadline."""
    return settings(
        max_examples=max(1, round(max_examples * FUZZ_SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# Cheap strings for fast pure functions: letters of place names, punctuation and odd characters.
_NAME_CHARS = sorted(set("".join(PLACES)) | {c for c in ODD if len(c) == 1} | set("-'’ .,"))
name_like = st.one_of(
    places,
    st.text(alphabet=st.sampled_from(_NAME_CHARS), max_size=24),
    st.text(max_size=16),
    st.builds(lambda a, b, c: a + b + c, places, odd, places),
)
