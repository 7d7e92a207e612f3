"""Which claims are shown: the dashboard's filter state and the functions that apply it.

One definition, :mod:`store.semantics`, serves the dashboard, the store's SQL and the columns
in memory; this module only gives it the dashboard's names. :class:`FilterState` *is*
:class:`store.semantics.ClaimFilter`.
"""

from __future__ import annotations

from store.semantics import ClaimFilter as FilterState
from store.semantics import (
    SourceOf,
    filter_claims,
    matches,
    reported_before_window,
    without_dates,
)

__all__ = [
    "FilterState",
    "SourceOf",
    "filter_claims",
    "matches",
    "reported_before_window",
    "without_dates",
]
