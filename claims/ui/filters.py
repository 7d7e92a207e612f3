"""Which claims are shown: the filter state and the pure functions that apply it.

Nothing here imports Streamlit; the dashboard turns widgets into a :class:`FilterState` and
calls :func:`filter_claims`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from claims.model import Claim

UNKNOWN_OUTLET = "(outlet not stated)"


def outlet_of(claim: Claim) -> str:
    """The outlet label a claim is filtered and counted under."""
    return claim.outlet.strip() if claim.outlet and claim.outlet.strip() else UNKNOWN_OUTLET


def claim_dates(claim: Claim) -> tuple[date, date] | None:
    """The claim's day span (start, end), or None when it is undated or its dates don't parse."""
    if not claim.date_start:
        return None
    try:
        start = date.fromisoformat(claim.date_start)
        end = date.fromisoformat(claim.date_end) if claim.date_end else start
    except ValueError:
        return None
    return (start, end) if start <= end else (end, start)


@dataclass(frozen=True)
class DateDomain:
    """The first and last day any claim covers; None when no claim is dated."""

    first: date
    last: date


def date_domain(claims: Iterable[Claim]) -> DateDomain | None:
    spans = [s for s in map(claim_dates, claims) if s is not None]
    if not spans:
        return None
    return DateDomain(min(s[0] for s in spans), max(s[1] for s in spans))


@dataclass(frozen=True)
class FilterState:
    """What the user chose. Empty exclusions and no window mean "show everything".

    Outlets, sides and kinds are stored as *exclusions* so that an outlet first seen in an
    upload is shown by default. ``start``/``end`` bound the day window (inclusive); a claim
    whose date span overlaps the window is shown. ``text`` terms must all occur in the quote
    (case-insensitive).
    """

    start: date | None = None
    end: date | None = None
    include_undated: bool = True
    excluded_outlets: frozenset[str] = field(default_factory=frozenset)
    excluded_sides: frozenset[str] = field(default_factory=frozenset)
    excluded_kinds: frozenset[str] = field(default_factory=frozenset)
    text: str = ""

    def search_terms(self) -> tuple[str, ...]:
        return tuple(t.casefold() for t in self.text.split())


def matches(claim: Claim, state: FilterState, terms: Sequence[str] | None = None) -> bool:
    """True when the claim passes every filter in ``state``."""
    if outlet_of(claim) in state.excluded_outlets:
        return False
    if claim.side in state.excluded_sides or claim.kind in state.excluded_kinds:
        return False
    span = claim_dates(claim)
    if span is None:
        if not state.include_undated:
            return False
    else:
        if state.start is not None and span[1] < state.start:
            return False
        if state.end is not None and span[0] > state.end:
            return False
    terms = state.search_terms() if terms is None else terms
    if terms:
        quote = claim.quote.casefold()
        if not all(t in quote for t in terms):
            return False
    return True


def filter_claims(claims: Iterable[Claim], state: FilterState) -> list[Claim]:
    """The claims that pass ``state``, in their original order."""
    terms = state.search_terms()
    return [c for c in claims if matches(c, state, terms)]


def without_dates(state: FilterState) -> FilterState:
    """The same filters with the day window opened (for the timeline's context)."""
    return FilterState(
        include_undated=state.include_undated,
        excluded_outlets=state.excluded_outlets,
        excluded_sides=state.excluded_sides,
        excluded_kinds=state.excluded_kinds,
        text=state.text,
    )


def outlet_counts(claims: Iterable[Claim]) -> list[tuple[str, int]]:
    """Outlets with their claim counts, most claims first, then by name."""
    counts = Counter(outlet_of(c) for c in claims)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))


def is_undated(claim: Claim) -> bool:
    return claim_dates(claim) is None


def date_label(claim: Claim) -> str:
    """``2021-09-05``, ``2021-09-04 – 2021-09-05 (range)`` or ``undated``, with precision."""
    span = claim_dates(claim)
    if span is None:
        return "undated"
    start, end = span
    text = start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"
    return f"{text} ({claim.date_precision})"
