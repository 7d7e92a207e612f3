"""Reading articles: bytes → :class:`~claims.model.Article` with its metadata.

Rules (each tested in tests/test_claims_reader.py):

- The text is UTF-8. A leading BOM is kept as U+FEFF and skipped (``body_start``), and line
  ends are translated like ``Path.read_text`` does (``\\r\\n`` and ``\\r`` → ``\\n``), so offsets
  into ``Article.text`` are offsets into ``Path(file).read_text(encoding="utf-8")``.
- Binary files (a NUL byte near the start) and undecodable bytes raise
  :class:`~claims.exc.DecodeError` naming the file and the first bad byte.
- Files larger than :data:`MAX_BYTES` are cut at that size (on a character boundary) and the
  article says so in ``notes``; the kept text is a prefix, so offsets stay valid.
- Metadata comes from YAML front matter between ``---`` lines at the top (title, outlet, url,
  published, author), else from a ``sources.toml`` sidecar in the file's folder (a table per
  file name), else from a date line near the top for ``published``. Front matter is parsed
  with aliases and anchors refused, a size cap, and no implicit type guessing; a field with a
  wrong type or an impossible date (2021-02-30) is dropped with a note, the article still loads.
- URLs are kept exactly as given.
"""

from __future__ import annotations

import calendar
import codecs
import hashlib
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from dateutil import parser as date_parser

from claims.exc import DecodeError, ReadError
from claims.model import Article, ArticleMeta

MAX_BYTES = 512_000
"""Articles beyond this size are cut here (a long article is 5-50 KB of text)."""
MAX_FRONT_MATTER = 16_000
"""Front matter beyond this many characters is not parsed (a YAML bomb needs room)."""
MAX_FLOW_COLLECTIONS = 100
"""Metadata needs no deep YAML structures; refusing them keeps the parser fast."""
SIDECAR_NAME = "sources.toml"
BINARY_PROBE = 8192
META_FIELDS = ("title", "outlet", "url", "published", "author")

_BOM = "\ufeff"
_FM_OPEN = re.compile(r"---[ \t]*\n")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_VALUE = (
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})"
)
# A date line near the top of the body: "September 5, 2021", " date 2021-09-05 Title …",
# "Published: 5 Sep 2021", "Last updated on Sep 05, 2021, 09:47 am".
_DATELINE = re.compile(
    rf"^\s*(?:(?:date|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|"
    rf"last\s+updated(?:\s+on)?)\s*:?\s*)?(?P<value>{_DATE_VALUE})\b",
    re.IGNORECASE,
)
_DATELINE_ANYWHERE = re.compile(
    rf"\b(?:published|posted|last\s+updated|updated)(?:\s+on)?\s*:?\s*(?P<value>{_DATE_VALUE})",
    re.IGNORECASE,
)
DATELINE_SCAN_LINES = 4


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without aliases/anchors and without implicit timestamps (dates stay text
    so an impossible date is reported instead of crashing the parse)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.YAMLError("YAML aliases and anchors are not allowed in front matter")
        return super().compose_node(parent, index)


_StrictLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_article(path: str | os.PathLike[str]) -> Article:
    """Read one article from disk. Raises :class:`~claims.exc.ReadError` naming the file."""
    p = Path(path)
    try:
        info = os.stat(p)
    except FileNotFoundError as exc:
        what = "broken symbolic link" if p.is_symlink() else "no such file"
        raise ReadError(f"{p}: {what}") from exc
    except OSError as exc:
        raise ReadError(f"{p}: cannot be read ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(f"{p}: is a folder, not an article file")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(f"{p}: not a regular file (a pipe, socket or device); skipped")
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except IsADirectoryError as exc:
        raise ReadError(f"{p}: is a folder, not an article file") from exc
    except PermissionError as exc:
        raise ReadError(f"{p}: permission denied") from exc
    except FileNotFoundError as exc:
        raise ReadError(f"{p}: no such file") from exc
    except OSError as exc:
        raise ReadError(f"{p}: cannot be read ({exc.strerror or exc})") from exc
    sidecar = _sidecar_entry(p)
    return _build(str(path), data, sidecar)


def read_bytes(name: str, data: bytes) -> Article:
    """Read an article from bytes (an upload); ``name`` is used as its file name."""
    return _build(name, data[: MAX_BYTES + 1], None)


def _build(
    name: str, data: bytes, sidecar: tuple[Mapping[str, Any] | None, str | None] | None
) -> Article:
    notes: list[str] = []
    truncated = len(data) > MAX_BYTES
    if truncated:
        data = data[:MAX_BYTES]
        notes.append(f"file is larger than {MAX_BYTES:,} bytes; only the first part was read")
    text = decode(name, data, final=not truncated)
    sha = hashlib.sha256(data).hexdigest()
    if not text.replace(_BOM, "").strip():
        notes.append("empty file: no text")
        return Article(file=name, text=text, body_start=len(text), sha256=sha, notes=tuple(notes))
    start = 1 if text.startswith(_BOM) else 0
    fields, body_start = _front_matter(text, start, notes)
    if sidecar is not None:
        entry, problem = sidecar
        if problem:
            notes.append(problem)
        for key, value in (entry or {}).items():
            if key in META_FIELDS and key not in fields:
                fields[key] = value
    meta = _meta_from_fields(fields, notes)
    if meta.published is None:
        found = _dateline(text, body_start)
        if found is not None:
            value, day = found
            meta = ArticleMeta(**{**_asdict(meta), "published": day})
            notes.append(f"publication date taken from the date line {value!r}")
    return Article(
        file=name, text=text, meta=meta, body_start=body_start, sha256=sha, notes=tuple(notes)
    )


def decode(name: str, data: bytes, *, final: bool = True) -> str:
    """UTF-8 → text with ``read_text`` newline rules; raises DecodeError naming ``name``."""
    if b"\x00" in data[:BINARY_PROBE]:
        raise DecodeError(f"{name}: binary file (contains NUL bytes), not a text article")
    try:
        text = codecs.getincrementaldecoder("utf-8")("strict").decode(data, final=final)
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise DecodeError(
            f"{name}: not UTF-8 text (byte 0x{bad:02x} at offset {exc.start}); "
            "save the article as UTF-8"
        ) from exc
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _front_matter(text: str, start: int, notes: list[str]) -> tuple[dict[str, Any], int]:
    """Parse YAML front matter at ``start``; returns (fields, body_start)."""
    opening = _FM_OPEN.match(text, start)
    if opening is None:
        return {}, start
    closing = _FM_CLOSE.search(text, opening.end(), opening.end() + MAX_FRONT_MATTER + 8)
    if closing is None:
        notes.append(
            "front matter: no closing '---' line within "
            f"{MAX_FRONT_MATTER:,} characters; read as body text"
        )
        return {}, start
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    raw = text[opening.end() : closing.start()]
    if raw.count("[") + raw.count("{") > MAX_FLOW_COLLECTIONS:
        notes.append("front matter ignored: too many nested [ ] or { } collections")
        return {}, body_start
    try:
        loaded = yaml.load(raw, Loader=_StrictLoader)
    except (
        yaml.YAMLError,
        RecursionError,
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
        OverflowError,
        IndexError,
    ) as exc:  # explicit tags (!!int x, !!bool x, !!timestamp …) fail in their constructors
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        notes.append(f"front matter ignored: not valid YAML ({first})")
        return {}, body_start
    if loaded is None:
        return {}, body_start
    if not isinstance(loaded, dict):
        notes.append(
            f"front matter ignored: expected key: value pairs, got {type(loaded).__name__}"
        )
        return {}, body_start
    return {str(k): v for k, v in loaded.items() if str(k) in META_FIELDS}, body_start


def _meta_from_fields(fields: Mapping[str, Any], notes: list[str]) -> ArticleMeta:
    values: dict[str, Any] = {}
    for key in ("title", "outlet", "url", "author"):
        value = fields.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            notes.append(f"{key}: expected text, got {type(value).__name__}; field left unknown")
            continue
        if not isinstance(value, str):
            if key == "url":
                notes.append(f"url: expected a link, got the number {value!r}; field left unknown")
                continue
            notes.append(f"{key}: expected text, got the number {value!r}; read as text")
        value = str(value).strip()
        if value:
            values[key] = value
    if "published" in fields and fields["published"] is not None:
        day, problem = parse_published(fields["published"])
        if problem:
            notes.append(f"published: {problem}; field left unknown")
        elif _MONTH_ONLY.fullmatch(str(fields["published"]).strip()):
            notes.append(
                f"published: {fields['published']!r} names a month only; read as its last day "
                f"({day}), so claims it dates are on or before then"
            )
        values["published"] = day
    return ArticleMeta(**values)


_MONTH_ONLY = re.compile(r"(\d{4})-(\d{1,2})")


def parse_published(value: Any) -> tuple[date | None, str | None]:
    """A publication date from front matter/sidecar → (date, None) or (None, problem)."""
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None, f"expected a date, got {type(value).__name__}"
    text = str(value).strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?", text)
    month = _MONTH_ONLY.fullmatch(text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3])), None
        if month:  # "2024-12" (a URL's path): the latest day it can be
            year, number = int(month[1]), int(month[2])
            return date(year, number, calendar.monthrange(year, number)[1]), None
        sentinel = datetime(1, 1, 1)
        parsed = date_parser.parse(text, default=sentinel)
    except (ValueError, OverflowError) as exc:
        return None, f"{text!r} is not a valid date ({exc})"
    if parsed.year == 1:
        return None, f"{text!r} has no year"
    return parsed.date(), None


def _dateline(text: str, body_start: int) -> tuple[str, date] | None:
    """A publication date stated on one of the first lines of the body, if any."""
    seen = 0
    pos = body_start
    while seen < DATELINE_SCAN_LINES and pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        pos = end + 1
        if not line.strip():
            continue
        seen += 1
        match = _DATELINE.match(line) or _DATELINE_ANYWHERE.search(line)
        if match is None:
            continue
        day, problem = parse_published(match["value"])
        if day is not None and problem is None:
            return match["value"], day
    return None


@lru_cache(maxsize=64)
def _load_sidecar(path: str, mtime_ns: int) -> tuple[dict[str, Any], str | None]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh), None
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return {}, f"{SIDECAR_NAME} ignored: {exc}"


def _sidecar_entry(path: Path) -> tuple[Mapping[str, Any] | None, str | None] | None:
    sidecar = path.parent / SIDECAR_NAME
    try:
        mtime = sidecar.stat().st_mtime_ns
    except OSError:
        return None
    table, problem = _load_sidecar(str(sidecar), mtime)
    entry = table.get(path.name)
    if entry is not None and not isinstance(entry, dict):
        return None, f"{SIDECAR_NAME}: entry for {path.name} is not a table; ignored"
    return entry, problem


def _asdict(meta: ArticleMeta) -> dict[str, Any]:
    return {k: getattr(meta, k) for k in META_FIELDS}
