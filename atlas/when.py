"""When a claim is said to have happened, as exactly as the text fixes it and no more.

A claim is dated to a day ("on 5 Sep 2021"), to a span of days ("3–5 Sep 2021"), only by the
report ("reported by 5 Sep 2021": the text fixes no day, only that it happened by the time it
was published), or not at all ("undated"). The day window of the filters follows the same
reading: a "reported by" claim may have happened on any day up to its report, so it is shown
while the window reaches back to that day (window start ≤ report day).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from claims.corroboration import claim_span
from claims.model import Claim


class Dating(StrEnum):
    """How a claim is dated, as shown to the user."""

    DAY = "on the day"
    RANGE = "over days"
    REPORTED = "reported by"
    UNDATED = "undated"


@dataclass(frozen=True)
class When:
    """A claim's days: ``start`` None means an open start (on or before ``end``)."""

    start: date | None
    end: date
    dating: Dating

    def overlaps(self, first: date | None, last: date | None) -> bool:
        """True when the claim can lie in the window [first, last] (None: unbounded)."""
        if first is not None and self.end < first:
            return False
        return not (last is not None and self.start is not None and self.start > last)

    @property
    def anchor(self) -> date:
        """The day a timeline puts it on: its first day, or the report day."""
        return self.start or self.end


def when(claim: Claim) -> When | None:
    """The claim's :class:`When`, or None when it is undated (or its dates do not parse)."""
    span = claim_span(claim)
    return None if span is None else _when_of(span)


@lru_cache(maxsize=8192)
def _when_of(span: tuple[date | None, date]) -> When:
    start, end = span
    if start is None:
        return When(None, end, Dating.REPORTED)
    return When(start, end, Dating.DAY if start == end else Dating.RANGE)


def dating_of(claim: Claim) -> Dating:
    found = when(claim)
    return Dating.UNDATED if found is None else found.dating


def day_text(day: date) -> str:
    """``5 Sep 2021``."""
    return f"{day.day} {day:%b %Y}"


def span_text(start: date, end: date) -> str:
    """``3–5 Sep 2021``, ``31 Aug – 2 Sep 2021``, ``30 Dec 2021 – 2 Jan 2022``."""
    if start == end:
        return day_text(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day_text(end)}"
    if start.year == end.year:
        return f"{start.day} {start:%b} – {day_text(end)}"
    return f"{day_text(start)} – {day_text(end)}"


def date_label(claim: Claim) -> str:
    """``on 5 Sep 2021``, ``3–5 Sep 2021``, ``reported by 5 Sep 2021`` or ``undated``."""
    found = when(claim)
    if found is None:
        return "undated"
    if found.start is None:
        return f"reported by {day_text(found.end)}"
    if found.start == found.end:
        return f"on {day_text(found.start)}"
    return span_text(found.start, found.end)


def iso_span(claim: Claim) -> str:
    """The same, machine-readable: ``2021-09-05``, ``2021-09-03/2021-09-05``, ``../2021-09-05``
    (ISO 8601 open start) or empty."""
    found = when(claim)
    if found is None:
        return ""
    if found.start is None:
        return f"../{found.end.isoformat()}"
    if found.start == found.end:
        return found.start.isoformat()
    return f"{found.start.isoformat()}/{found.end.isoformat()}"


@dataclass(frozen=True)
class DateDomain:
    """The first and last day any claim names; None when no claim is dated."""

    first: date
    last: date


def date_domain(claims: Iterable[Claim]) -> DateDomain | None:
    """The days the slider spans: from the earliest stated day to the latest (a "reported
    by" claim contributes its report day only, never an open start)."""
    first: date | None = None
    last: date | None = None
    for claim in claims:
        found = when(claim)
        if found is None:
            continue
        lo = found.anchor
        first = lo if first is None or lo < first else first
        last = found.end if last is None or found.end > last else last
    if first is None or last is None:
        return None
    return DateDomain(first, last)
