"""Filter state and selection <-> URL query string, so that a link reproduces the view.

Only what differs from "show everything" is written: ``from``/``to`` (ISO days), ``undated=0``,
``reported=0``, ``xo``/``xs``/``xk`` (excluded sources, sides, kinds; repeated keys), ``q``
(search text), ``place`` (the selected place's key) and ``claim`` (a claim's id, for a
permalink). Reading is forgiving: a value that does not parse, or names an unknown side or
kind, is ignored rather than failing the page; days are clamped to the claims' date domain.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from atlas.filters import FilterState
from atlas.when import DateDomain
from claims.model import KINDS, SIDES

Params = dict[str, str | list[str]]
MAX_VALUE = 500
"""Longer parameter values are ignored (no place key or claim id is that long)."""
_FALSE = frozenset({"0", "false", "no", "off"})


@dataclass(frozen=True)
class Selection:
    """What the user has singled out: a place (its key) and possibly one claim."""

    place: str | None = None
    claim: str | None = None


@dataclass(frozen=True)
class ViewState:
    filters: FilterState = field(default_factory=FilterState)
    selection: Selection = field(default_factory=Selection)


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


def _values(params: Mapping[str, Sequence[str] | str], key: str) -> list[str]:
    got = params.get(key, ())
    items = [got] if isinstance(got, str) else list(got)
    return [v for v in items if isinstance(v, str) and len(v) <= MAX_VALUE]


def _flag(values: list[str]) -> bool:
    return not (values and values[-1].strip().lower() in _FALSE)


def state_from_params(
    params: Mapping[str, Sequence[str] | str],
    domain: DateDomain | None = None,
    *,
    sides: Iterable[str] = SIDES,
    kinds: Iterable[str] = KINDS,
) -> FilterState:
    """Read a :class:`FilterState` from query parameters (each key -> all its values)."""
    sides, kinds = set(sides), set(kinds)
    start = _clamp(_parse_day(_values(params, "from")), domain)
    end = _clamp(_parse_day(_values(params, "to")), domain)
    if start is not None and end is not None and start > end:
        start, end = end, start
    text = _values(params, "q")
    return FilterState(
        start=start,
        end=end,
        include_undated=_flag(_values(params, "undated")),
        include_reported=_flag(_values(params, "reported")),
        excluded_outlets=frozenset(v for v in _values(params, "xo") if v),
        excluded_sides=frozenset(v for v in _values(params, "xs") if v in sides),
        excluded_kinds=frozenset(v for v in _values(params, "xk") if v in kinds),
        text=text[-1].strip() if text else "",
    )


def selection_from_params(params: Mapping[str, Sequence[str] | str]) -> Selection:
    """The selected place and claim of a link (unchecked: the page checks they exist)."""
    place = [v.strip() for v in _values(params, "place") if v.strip()]
    claim = [v.strip() for v in _values(params, "claim") if v.strip()]
    return Selection(place[-1] if place else None, claim[-1] if claim else None)


def params_from_state(state: FilterState, domain: DateDomain | None = None) -> Params:
    """The query parameters for ``state``; a day equal to the domain's edge is left out."""
    params: Params = {}
    if state.start is not None and (domain is None or state.start != domain.first):
        params["from"] = state.start.isoformat()
    if state.end is not None and (domain is None or state.end != domain.last):
        params["to"] = state.end.isoformat()
    if not state.include_undated:
        params["undated"] = "0"
    if not state.include_reported:
        params["reported"] = "0"
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


def params_from_view(view: ViewState, domain: DateDomain | None = None) -> Params:
    """Filters and selection as query parameters."""
    params = params_from_state(view.filters, domain)
    if view.selection.place:
        params["place"] = view.selection.place
    if view.selection.claim:
        params["claim"] = view.selection.claim
    return params


def query_string(params: Params) -> str:
    """``?a=1&xo=A&xo=B`` for a link (empty string when there is nothing to say)."""
    pairs = [(k, v) for k, vs in params.items() for v in ([vs] if isinstance(vs, str) else vs)]
    return "?" + urlencode(pairs) if pairs else ""
