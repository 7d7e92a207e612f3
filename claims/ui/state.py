"""Filter state <-> URL query string, so that a link reproduces the view.

Only what differs from "show everything" is written: ``from``/``to`` (ISO days), ``undated=0``,
``xo``/``xs``/``xk`` (excluded outlets, sides, kinds; repeated keys) and ``q`` (search text).
Reading is forgiving: a value that does not parse, or names an unknown side or kind, is
ignored rather than failing the page; days are clamped to the claims' date domain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from claims.model import KINDS, SIDES
from claims.ui.filters import DateDomain, FilterState

Params = dict[str, str | list[str]]


def _parse_day(values: Sequence[str]) -> date | None:
    for value in reversed(values):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            continue
    return None


def _clamp(day: date | None, domain: DateDomain | None) -> date | None:
    if day is None or domain is None:
        return None if domain is None else day
    return min(max(day, domain.first), domain.last)


def state_from_params(
    params: Mapping[str, Sequence[str]], domain: DateDomain | None = None
) -> FilterState:
    """Read a :class:`FilterState` from query parameters (each key -> all its values)."""

    def values(key: str) -> list[str]:
        got = params.get(key, ())
        return [got] if isinstance(got, str) else list(got)

    start = _clamp(_parse_day(values("from")), domain)
    end = _clamp(_parse_day(values("to")), domain)
    if start is not None and end is not None and start > end:
        start, end = end, start
    undated = values("undated")
    include_undated = not (undated and undated[-1].strip().lower() in {"0", "false", "no"})
    text = values("q")
    return FilterState(
        start=start,
        end=end,
        include_undated=include_undated,
        excluded_outlets=frozenset(v for v in values("xo") if v),
        excluded_sides=frozenset(v for v in values("xs") if v in SIDES),
        excluded_kinds=frozenset(v for v in values("xk") if v in KINDS),
        text=text[-1].strip() if text else "",
    )


def params_from_state(state: FilterState, domain: DateDomain | None = None) -> Params:
    """The query parameters for ``state``; a day equal to the domain's edge is left out."""
    params: Params = {}
    if state.start is not None and (domain is None or state.start != domain.first):
        params["from"] = state.start.isoformat()
    if state.end is not None and (domain is None or state.end != domain.last):
        params["to"] = state.end.isoformat()
    if not state.include_undated:
        params["undated"] = "0"
    for key, items in (
        ("xo", state.excluded_outlets),
        ("xs", state.excluded_sides),
        ("xk", state.excluded_kinds),
    ):
        if items:
            params[key] = sorted(items)
    if state.text.strip():
        params["q"] = state.text.strip()
    return params
