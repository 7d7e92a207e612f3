"""Statements of an article body, with exact character offsets into ``Article.text``.

Lines are split first (a headline or subheading without final punctuation is its own
statement), page furniture is dropped (:mod:`claims.furniture`), and each remaining line is
split into sentences with sentencex, whose spans are mapped back to offsets and stripped of
surrounding whitespace. Matching runs on :func:`normalise`'d text, which has exactly the same
length as the original (one character for one), so offsets carry over unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sentencex

from claims import furniture

# One character for one: offsets in the normalised text are offsets in the original.
_NORMALISE = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u200b": " ",  # zero-width space
        "\ufeff": " ",  # BOM / zero-width no-break space
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2012": "-",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2026": ".",  # ellipsis (one char → one char)
    }
)

_FINAL_PUNCT = ".!?\"')]:;"
_LEADING_DATE = re.compile(
    r"\s*(?:date|published|posted|updated)\s*:?\s*\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE
)
# Markdown decoration at a line start: "# ", "> ", "- ", "1. ", "**14:05** - "
_MARKDOWN_LEAD = re.compile(
    r"(?:#{1,6}\s+|>\s*|[-*+]\s+|\d{1,3}[.)]\s+)?(?:\*\*[^*\n]{1,24}\*\*\s*(?:-|:)?\s*)?"
)
_WS = " \t\n\u00a0\u202f\u200b\ufeff"
MAX_STATEMENT_CHARS = 1500
"""A "sentence" longer than this is not prose (a table, a dump, a run-on page): skipped."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence or heading line: ``text[start:end]`` of the article."""

    start: int
    end: int
    heading: bool  # a line without final punctuation (headline, subheading)
    line: int  # index of the body line it comes from (paragraph number)


def normalise(text: str) -> str:
    """Straight quotes and plain spaces/dashes for matching; same length as ``text``."""
    return text.translate(_NORMALISE)


def split_sentences(text: str, body_start: int = 0, norm: str | None = None) -> list[Sentence]:
    """The article's statements: body sentences and heading lines, furniture removed."""
    norm = normalise(text) if norm is None else norm
    lines = _unwrapped(norm, _lines(norm, body_start))
    out: list[Sentence] = []
    for index, (start, end) in enumerate(lines):
        line = norm[start:end].replace("\n", " ")  # an unwrapped paragraph: same length
        if furniture.is_end_of_article(line):
            break
        if furniture.is_furniture_line(line):
            continue
        following = (
            norm[lines[index + 1][0] : lines[index + 1][1]] if index + 1 < len(lines) else None
        )
        if furniture.is_alt_text(line, following):
            continue
        if _repeats_what_follows(norm, lines, index, text[start:end]):
            continue
        lead = _LEADING_DATE.match(line) or _MARKDOWN_LEAD.match(line)
        if lead and lead.end() < len(line):
            start += lead.end()
            line = norm[start:end].replace("\n", " ")
        if _is_heading(line):
            if end - start <= MAX_STATEMENT_CHARS:
                out.append(Sentence(start, end, True, index))
            continue
        for s, e in _segment(line):
            if e - s <= MAX_STATEMENT_CHARS and not furniture.is_promo_sentence(line[s:e]):
                out.append(Sentence(start + s, start + e, False, index))
    return out


def _repeats_what_follows(norm: str, lines: list[tuple[int, int]], index: int, line: str) -> bool:
    """A page title over the headline it repeats, or a teaser the next lines give in full
    (``line`` as the page has it: normalising turns an ellipsis into a stop)."""
    line = line.strip()
    if " | " in line:
        others = [norm[s:e] for i, (s, e) in enumerate(lines) if i != index]
        if furniture.is_page_title(normalise(line), others):
            return True
    if line.endswith(("...", "…")):
        following = [norm[s:e] for s, e in lines[index + 1 : index + 6]]
        return furniture.is_teaser(normalise(line.replace("…", "...")), following)
    return False


HEADING_WORDS = 30
"""A line without final punctuation is a heading when it is this short; a longer one is a
paragraph whose last full stop was lost (it is split into sentences)."""


def _is_heading(line: str) -> bool:
    """A headline or subheading: a short line without final punctuation ("‘Under the
    invasion’" ends with a quotation mark but no full stop)."""
    bare = line.rstrip("\"')]")
    if bare and bare[-1] in ".!?:;,":
        return False
    return len(line.split()) <= HEADING_WORDS


def _lines(norm: str, body_start: int) -> list[tuple[int, int]]:
    """Non-blank lines of the body as stripped (start, end) spans."""
    spans: list[tuple[int, int]] = []
    pos = body_start
    n = len(norm)
    while pos < n:
        nl = norm.find("\n", pos)
        end = n if nl < 0 else nl
        s, e = pos, end
        while s < e and norm[s] in _WS:
            s += 1
        while e > s and norm[e - 1] in _WS:
            e -= 1
        if e > s:
            spans.append((s, e))
        pos = end + 1
    return spans


_WRAPPED_END = re.compile(r"[\w,;'’-]$")  # a line cut mid-sentence
_WRAPPED_NEXT = re.compile(r"[a-z(]")  # … whose next line goes on in lower case
MIN_WRAPS = 3  # a page hard-wrapped at a fixed width breaks this many sentences at least


def _unwrapped(norm: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines of a page hard-wrapped at a fixed width ("… whose forces appeared" / "to be
    advancing …") joined back into their paragraphs: a line that stops mid-sentence and a next
    line that goes on in lower case are one. Other pages keep their lines."""
    breaks = [
        i for i in range(len(lines) - 1)
        if _WRAPPED_END.search(norm, lines[i][1] - 1, lines[i][1])
        and _WRAPPED_NEXT.match(norm, lines[i + 1][0])
        and "\n\n" not in norm[lines[i][1] : lines[i + 1][0]]
    ]  # fmt: skip
    if len(breaks) < MIN_WRAPS:
        return lines
    joined = set(breaks)
    out: list[tuple[int, int]] = []
    for i, span in enumerate(lines):
        if i - 1 in joined:
            out[-1] = (out[-1][0], span[1])
        else:
            out.append(span)
    return out


# sentencex 1.0.32 panics (a pyo3 PanicException, a BaseException) on some Unicode spaces
# before a full stop ("A\u2003."); it only ever sees them as plain spaces, one for one.
_PLAIN_SPACES = str.maketrans(
    {chr(c): " " for c in range(0x80, 0x3001) if chr(c).isspace()}
    | {chr(c): " " for c in range(0x1C, 0x20)}
)


def _segment(line: str) -> list[tuple[int, int]]:
    """sentencex boundaries of one line as stripped (start, end) offsets into the line."""
    spans: list[tuple[int, int]] = []
    line = line.translate(_PLAIN_SPACES)  # same length: offsets hold
    cursor = 0
    try:
        boundaries = sentencex.get_sentence_boundaries("en", line)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # a panic inside sentencex (pyo3 PanicException): one line, one span
        boundaries = [{"start_index": 0, "end_index": len(line), "text": line}]
    for item in boundaries:
        s, e = item["start_index"], item["end_index"]
        piece = item["text"]
        if line[s:e] != piece:  # map back robustly if indices ever disagree with the text
            found = line.find(piece, cursor)
            if found < 0:
                continue
            s, e = found, found + len(piece)
        cursor = e
        while s < e and line[s] in _WS:
            s += 1
        while e > s and line[e - 1] in _WS:
            e -= 1
        if e > s:
            spans.append((s, e))
    if not spans:
        spans.append((0, len(line)))
    return spans


def clause_bounds(text: str, pos: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    """The clause of ``text`` around ``pos`` delimited by ``breaks``."""
    start, end = 0, len(text)
    for m in breaks.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end
