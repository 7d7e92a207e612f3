"""Generators for files a reader meets on a bad day. Everything is written under a test's
tmp_path at run time (nothing big or binary is committed).

Each case says what a good reader must do with it:
  "problem"  -> a Problem naming the file (the file itself may or may not also load);
  "load"     -> the file loads as an article (a Problem is allowed as a warning);
  "either"   -> load it or report it, but never crash, hang or lose the other files.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# A line that any reader should turn into an article with a claim, so that a file that
# "loads" is visibly not empty.
GOOD_SENTENCE = "Taliban spokesman Bilal Karimi said 40 resistance fighters were killed in Bazarak."

FURNITURE = (
    "Skip to content\n"
    "Menu\n"
    "Follow us on Twitter\n"
    "Subscribe to our newsletter\n"
    "Read also: Ten things to know about the valley\n"
    "(Photo courtesy of Atlas News)\n"
    "Image Credit: Reuters\n"
    "Leave a Reply Cancel reply\n"
    "Your email address will not be published.\n"
    "Share this:\n"
)


def good_article(n: int = 0) -> str:
    """A small, valid, unique article (n makes the bytes differ)."""
    return (
        f"---\ntitle: Good article {n}\noutlet: Control Wire\npublished: 2021-09-0{1 + n % 9}\n"
        f"---\n\nGood article {n}\n\n{GOOD_SENTENCE}\n\nReport number {n}.\n"
    )


@dataclass(frozen=True)
class BadFile:
    name: str
    expect: str  # "problem" | "load" | "either"
    why: str
    make: Callable[[Path], None]  # writes the file at the given path


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _text(text: str) -> Callable[[Path], None]:
    return _bytes(text.encode("utf-8"))


def _front(front: str, body: str = GOOD_SENTENCE) -> Callable[[Path], None]:
    return _text(f"---\n{front}\n---\n\n{body}\n")


def _binary(path: Path) -> None:
    rng = random.Random(1234)
    path.write_bytes(bytes(rng.randrange(256) for _ in range(64 * 1024)))


def _big(path: Path, size: int = 20 * 1024 * 1024) -> None:
    """A 20 MB article: one paragraph repeated, written in chunks."""
    para = (
        "Heavy clashes continued in Panjshir on Sunday, local sources said, and the roads to "
        f"Bazarak remained closed. {GOOD_SENTENCE}\n\n"
    ).encode()
    with path.open("wb") as fh:
        fh.write(b"---\ntitle: The biggest article\npublished: 2021-09-05\n---\n\n")
        written = 0
        while written < size:
            fh.write(para)
            written += len(para)


def _one_line_big(path: Path, size: int = 20 * 1024 * 1024) -> None:
    """20 MB without a single newline or sentence end (splitters that backtrack choke)."""
    unit = b"Taliban fighters Bazarak Panjshir 1,000 killed said " * 4
    with path.open("wb") as fh:
        written = 0
        while written < size:
            fh.write(unit)
            written += len(unit)


YAML_BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
title: *i
outlet: *i
author: *i"""

BAD_FILES: tuple[BadFile, ...] = (
    BadFile("empty.txt", "problem", "zero bytes", _bytes(b"")),
    BadFile("blank.md", "problem", "whitespace only", _text(" \n\n\t  \r\n\u00a0\n")),
    BadFile("random.txt", "problem", "64 KB of random bytes", _binary),
    BadFile(
        "image.md",
        "problem",
        "a PNG named .md",
        _bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
    ),
    BadFile(
        "nuls.txt",
        "problem",
        "text full of NUL bytes",
        _bytes(GOOD_SENTENCE.encode().replace(b" ", b"\x00")),
    ),
    BadFile(
        "cp1252.txt",
        "either",
        "Windows-1252 text (not UTF-8)",
        _bytes(("Caf\u00e9 report \u2013 " + GOOD_SENTENCE).encode("cp1252")),
    ),
    BadFile(
        "broken_utf8.txt",
        "either",
        "UTF-8 with an invalid byte run in the middle",
        _bytes(GOOD_SENTENCE.encode() + b" \xff\xfe\xc3\x28 " + GOOD_SENTENCE.encode()),
    ),
    BadFile("utf16.txt", "either", "UTF-16 with BOM", _bytes(GOOD_SENTENCE.encode("utf-16"))),
    BadFile("furniture.txt", "problem", "only page furniture, no statement", _text(FURNITURE)),
    BadFile("big.txt", "either", "a 20 MB article", _big),
    BadFile("one_line_big.txt", "either", "20 MB, one line, no sentence end", _one_line_big),
    # front matter --------------------------------------------------------------------------
    BadFile(
        "fm_unclosed.md",
        "either",
        "front matter never closed",
        _text(f"---\ntitle: Never closed\npublished: 2021-09-05\n\n{GOOD_SENTENCE}\n"),
    ),
    BadFile("fm_syntax.md", "problem", "YAML syntax error", _front("title: [unclosed\nurl: :")),
    BadFile(
        "fm_tabs.md",
        "problem",
        "YAML with tab indentation",
        _front("title: x\n\tpublished: 2021-09-05"),
    ),
    BadFile("fm_list.md", "problem", "front matter is a list", _front("- a\n- b")),
    BadFile("fm_scalar.md", "problem", "front matter is a bare string", _front("just words")),
    BadFile("fm_title_list.md", "problem", "title is a list", _front("title: [1, 2]")),
    BadFile("fm_title_map.md", "problem", "title is a mapping", _front("title: {a: 1}")),
    BadFile(
        "fm_jinja_map.md",
        "problem",
        "unquoted {{ }} parses as a nested mapping",
        _front("title: {{ 7*7 }}"),
    ),
    BadFile("fm_url_int.md", "problem", "url is a number", _front("url: 42")),
    BadFile("fm_outlet_bool.md", "problem", "outlet is a boolean", _front("outlet: yes")),
    BadFile(
        "fm_date_feb30.md",
        "problem",
        "published 2021-02-30 (no such day)",
        _front("title: Feb 30\npublished: 2021-02-30"),
    ),
    BadFile(
        "fm_date_month13.md",
        "problem",
        "published 2021-13-01",
        _front("title: Month 13\npublished: 2021-13-01"),
    ),
    BadFile(
        "fm_date_int.md",
        "either",
        "published is a compact number date",
        _front("published: 20210905"),
    ),
    BadFile("fm_date_words.md", "problem", "published is words", _front("published: yesterday")),
    BadFile("fm_date_year0.md", "problem", "published 0000-01-01", _front("published: 0000-01-01")),
    BadFile(
        "fm_date_datetime.md",
        "either",
        "published has a time and zone",
        _front("published: 2021-09-05T23:30:00+04:30"),
    ),
    BadFile(
        "fm_python_tag.md",
        "problem",
        "YAML python object tag",
        _front("title: !!python/object/apply:os.system ['touch /tmp/claim_atlas_pwned_yaml']"),
    ),
    BadFile(
        "fm_tag_int.md",
        "problem",
        "explicit YAML tag that cannot construct",
        _front("title: !!int x"),
    ),
    BadFile(
        "fm_tag_timestamp.md",
        "problem",
        "explicit timestamp tag with an impossible day",
        _front("published: !!timestamp 2021-02-30"),
    ),
    BadFile("fm_tag_bool.md", "problem", "explicit bool tag on a word", _front("outlet: !!bool x")),
    BadFile("fm_bomb.md", "problem", "billion-laughs YAML alias bomb", _front(YAML_BOMB)),
    BadFile("fm_deep.md", "problem", "10,000 nested lists", _front("title: " + "[" * 10_000)),
    BadFile("fm_huge_key.md", "either", "1 MB title", _front("title: " + "A" * 1_000_000)),
    BadFile("fm_dup_keys.md", "either", "duplicate keys", _front("title: One\ntitle: Two")),
    BadFile(
        "fm_only.md",
        "problem",
        "front matter and no body",
        _text("---\ntitle: Nothing below\npublished: 2021-09-05\n---\n"),
    ),
    BadFile(
        "fm_crlf.md",
        "load",
        "front matter with CRLF line ends",
        _bytes(f"---\r\ntitle: CRLF title\r\n---\r\n\r\n{GOOD_SENTENCE}\r\n".encode()),
    ),
    BadFile(
        "fm_bom.md",
        "load",
        "UTF-8 BOM before the front matter",
        _bytes(b"\xef\xbb\xbf" + f"---\ntitle: BOM title\n---\n\n{GOOD_SENTENCE}\n".encode()),
    ),
)

# Which of these should still come out with their metadata parsed.
EXPECTED_TITLES = {"fm_crlf.md": "CRLF title", "fm_bom.md": "BOM title"}


def write_bad_files(folder: Path, names: tuple[str, ...] | None = None) -> list[BadFile]:
    folder.mkdir(parents=True, exist_ok=True)
    chosen = [b for b in BAD_FILES if names is None or b.name in names]
    for bad in chosen:
        bad.make(folder / bad.name)
    return chosen


def write_good_files(folder: Path, n: int = 3) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"good_{i}.md"
        p.write_text(good_article(i), encoding="utf-8")
        paths.append(p)
    return paths


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
