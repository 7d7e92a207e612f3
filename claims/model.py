"""The nouns of the claims package: an article read from disk and the claims found in it.

Every claim keeps its provenance: the file it came from and the character offsets of the
quote, such that ``article.text[claim.quote_start:claim.quote_end] == claim.quote``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

SIDES = ("NRF", "Taliban", "other", "unknown")
KINDS = (
    "casualties",
    "captured_people",
    "territorial_control",
    "clashes",
    "equipment",
    "negotiation",
    "infrastructure",
    "other",
)
DATE_PRECISIONS = ("day", "range", "on_or_before", "unknown")
"""``on_or_before``: the text fixes no day, only that the event happened by the publication date
(``date_start`` is None, ``date_end`` the publication date)."""
STANCES = ("asserts", "denies")
"""``denies``: the claimant rejects a claim (the Taliban "rejected the report", a counter-claim
called "a lie"); kind and place are those of the claim denied, so disputes pair the two."""
PLACE_BASES = ("named in the sentence", "inferred from the article")


@dataclass(frozen=True)
class ArticleMeta:
    """What an article says about itself (front matter or the seeds' sidecar file)."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None


@dataclass(frozen=True)
class Article:
    """One article: its file name, its full text exactly as decoded, and its metadata.

    ``text`` is the file content exactly as ``Path(file).read_text(encoding="utf-8")`` returns
    it (universal newlines; a leading BOM kept as U+FEFF), possibly cut at a size cap, so
    claim offsets index into both. ``body_start`` is where the body begins after the BOM and
    any front matter; offsets are still into ``text``. ``notes`` lists what the reader had to
    work around (bad front matter fields, truncation, an empty file) without failing.
    """

    file: str
    text: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    body_start: int = 0
    sha256: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    """One (statement, place) pair: who asserts what, about where, on which day."""

    id: str
    statement_id: str
    # source
    file: str
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None  # ISO date
    # who
    claimant: str | None
    side: str  # one of SIDES
    # what
    kind: str  # one of KINDS
    figure: int | None
    figure_qualifier: str | None
    # where
    place: str | None
    place_mention: str | None
    place_id: str | None
    lat: float | None
    lon: float | None
    radius_km: float | None
    place_precision: str | None  # "point", "area" or None when unresolved
    place_basis: str | None  # one of PLACE_BASES, None when the article names no place at all
    unresolved_place: str | None
    # when
    date_start: str | None  # ISO date
    date_end: str | None
    date_precision: str  # one of DATE_PRECISIONS
    date_basis: str
    # provenance
    quote: str
    quote_start: int
    quote_end: int
    # a denial or an assertion; what a combined figure counts ("killed or captured")
    stance: str = "asserts"  # one of STANCES
    figure_scope: str | None = None
    # why: the ids of the rules that made it a claim and fixed its speaker, place and date
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Every field, in CLAIM_FIELDS order (all values are plain scalars)."""
        return {name: getattr(self, name) for name in CLAIM_FIELDS}

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Claim))
