"""Which claims are shown: the filter state and the pure functions that apply it.

Nothing here imports Streamlit; the dashboard turns widgets into a :class:`FilterState` and
calls :func:`filter_claims`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from atlas.sources import plain_label
from atlas.when import Dating, when
from claims.model import Claim

SourceOf = Callable[[Claim], str]


@dataclass(frozen=True)
class FilterState:
    """What the user chose. Empty exclusions and no window mean "show everything".

    Sources (outlets, or articles of unknown outlet), sides and kinds are stored as
    *exclusions*, so that a source first seen in an upload is shown by default.
    ``start``/``end`` bound the day window (inclusive): a claim whose days can lie in it is
    shown — a "reported by" claim while the window reaches back to its report day.
    ``include_reported`` False hides claims dated only by their report; ``text`` terms must
    all occur in the quote (case-insensitive).
    """

    start: date | None = None
    end: date | None = None
    include_undated: bool = True
    include_reported: bool = True
    excluded_outlets: frozenset[str] = field(default_factory=frozenset)
    excluded_sides: frozenset[str] = field(default_factory=frozenset)
    excluded_kinds: frozenset[str] = field(default_factory=frozenset)
    text: str = ""

    def search_terms(self) -> tuple[str, ...]:
        return tuple(t.casefold() for t in self.text.split())


def _dates_pass(claim: Claim, state: FilterState) -> bool:
    found = when(claim)
    if found is None:
        return state.include_undated
    if found.dating is Dating.REPORTED and not state.include_reported:
        return False
    return found.overlaps(state.start, state.end)


def matches(
    claim: Claim,
    state: FilterState,
    terms: Sequence[str] | None = None,
    source_of: SourceOf = plain_label,
) -> bool:
    """True when the claim passes every filter in ``state``."""
    if claim.side in state.excluded_sides or claim.kind in state.excluded_kinds:
        return False
    if state.excluded_outlets and source_of(claim) in state.excluded_outlets:
        return False
    if not _dates_pass(claim, state):
        return False
    terms = state.search_terms() if terms is None else terms
    if terms:
        quote = claim.quote.casefold()
        if not all(t in quote for t in terms):
            return False
    return True


def filter_claims(
    claims: Iterable[Claim], state: FilterState, source_of: SourceOf = plain_label
) -> list[Claim]:
    """The claims that pass ``state``, in their original order."""
    terms = state.search_terms()
    return [c for c in claims if matches(c, state, terms, source_of)]


def without_dates(state: FilterState) -> FilterState:
    """The same filters with the day window opened (for the timeline's context)."""
    return replace(state, start=None, end=None)


def reported_before_window(claims: Iterable[Claim], state: FilterState) -> int:
    """How many "reported by" claims are shown although their report day lies after the
    window (they may have happened inside it)."""
    if state.end is None:
        return 0
    count = 0
    for claim in claims:
        found = when(claim)
        if found is not None and found.dating is Dating.REPORTED and found.end > state.end:
            count += 1
    return count
