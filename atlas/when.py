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

from claims.model import Claim
from store.semantics import Dating, When, dating_of, when

__all__ = ["Dating", "When", "dating_of", "when"]  # defined in store.semantics, used here


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
