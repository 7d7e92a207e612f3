"""Recompute ``quote_start``/``quote_end`` of every gold entry from its quote.

Usage: ``python tests/gold/fill_offsets.py tests/gold/seeds.json [...]`` (run from the repo root).

Each claim and furniture entry names its ``file`` (relative to the repo root), its exact
``quote`` (claims) or ``text`` (furniture), and ``occurrence`` (1-based, which occurrence of
the string in the file is meant when it occurs more than once). Offsets are ``str.find``
positions in ``Path(file).read_text(encoding="utf-8")``. The script refuses a quote that does
not occur, or an ``occurrence`` that does not exist, so the gold can never drift silently.
An annotator may type a plain space where the file has a no-break space or a line break: the
match is then retried with any run of whitespace, and the quote is replaced by the file's
exact substring (only whitespace may differ).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def locate(text: str, needle: str, occurrence: int) -> tuple[int, str]:
    """Start and exact text of the ``occurrence``-th (1-based) occurrence of ``needle``."""
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            break
    if pos >= 0:
        return pos, needle
    pattern = r"\s+".join(re.escape(word) for word in needle.split())
    found = list(re.finditer(pattern, text))
    if len(found) < occurrence:
        raise ValueError(f"{needle[:60]!r}: occurrence {occurrence} not found")
    match = found[occurrence - 1]
    return match.start(), match.group(0)


def fill(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    cache: dict[str, str] = {}
    for key, field in (("claims", "quote"), ("furniture", "text")):
        for entry in data[key]:
            text = cache.setdefault(
                entry["file"], (ROOT / entry["file"]).read_text(encoding="utf-8")
            )
            start, entry[field] = locate(text, entry[field], entry.get("occurrence", 1))
            entry["start" if key == "furniture" else "quote_start"] = start
            entry["end" if key == "furniture" else "quote_end"] = start + len(entry[field])
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        fill(Path(arg))
