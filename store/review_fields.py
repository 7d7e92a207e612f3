"""What a reviewer may correct on a claim, and the rules a corrected value must pass.

Each correctable field has one parser in :data:`PARSERS` (raw form text or a typed value in,
the stored value out, :class:`FieldError` with the message shown at the field otherwise). The
date fields are then checked together against their precision, and a place placed by hand
needs both coordinates. :func:`validate` returns only the fields whose value differs from the
machine's claim, or raises :class:`~store.exc.ReviewInvalid` listing every bad field at once.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping
from datetime import date
from typing import Any

from claims.model import DATE_PRECISIONS, KINDS, SIDES, Claim
from store.exc import ReviewInvalid

MAX_FIGURE = 10**15
MAX_TEXT = 500
PLACE_FIELDS = ("place", "place_id", "lat", "lon")
DATE_FIELDS = ("date_start", "date_end", "date_precision")
CORRECTABLE = ("side", "kind", "figure", "figure_qualifier", *PLACE_FIELDS, *DATE_FIELDS)
"""The claim fields a reviewer can correct, in the order the form shows them."""


class FieldError(ValueError):
    """One field's value cannot be used; the message is shown next to the field."""


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_figure(value: Any) -> int | None:
    """A whole number of people or things, ``1,200`` allowed; blank: no figure."""
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise FieldError(f"expected a whole number, got {value!r}")
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip().replace(",", "").replace("_", "")
        if not text.isdigit():
            raise FieldError(f"expected a whole number like 40 or 1,200, got {value!r}")
        number = int(text)
    if not 0 <= number <= MAX_FIGURE:
        raise FieldError(f"expected a number from 0 to {MAX_FIGURE:,}, got {number:,}")
    return number


def parse_date(value: Any) -> str | None:
    """An ISO calendar date (``2021-09-05``); blank: none."""
    if _blank(value):
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise FieldError(f"expected a calendar date as YYYY-MM-DD, got {text!r}") from None


def parse_text(value: Any) -> str | None:
    if _blank(value):
        return None
    text = " ".join(str(value).split())
    if len(text) > MAX_TEXT:
        raise FieldError(f"at most {MAX_TEXT} characters, got {len(text)}")
    return text


def _coordinate(limit: float) -> Callable[[Any], float | None]:
    def parse(value: Any) -> float | None:
        if _blank(value):
            return None
        try:
            number = float(str(value).strip())
        except ValueError:
            raise FieldError(f"expected a number of degrees, got {value!r}") from None
        if not math.isfinite(number) or abs(number) > limit:
            raise FieldError(f"expected degrees from -{limit:g} to {limit:g}, got {value!r}")
        return round(number, 6)

    return parse


def _one_of(allowed: Collection[str], what: str) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        text = "" if value is None else str(value).strip()
        if text not in allowed:
            raise FieldError(f"expected a {what} ({', '.join(allowed)}), got {value!r}")
        return text

    return parse


PARSERS: dict[str, Callable[[Any], Any]] = {
    "kind": _one_of(KINDS, "kind"),
    "figure": parse_figure,
    "figure_qualifier": parse_text,
    "place": parse_text,
    "place_id": parse_text,
    "lat": _coordinate(90.0),
    "lon": _coordinate(180.0),
    "date_start": parse_date,
    "date_end": parse_date,
    "date_precision": _one_of(DATE_PRECISIONS, "date precision"),
}
"""Field → parser. ``side`` is checked against the sides in use (see :func:`validate`)."""


def _dates(values: dict[str, Any], errors: dict[str, str]) -> None:
    """The dates agree with their precision (as ``claims.model`` defines them)."""
    precision = values.get("date_precision")
    start, end = values.get("date_start"), values.get("date_end")
    if any(f in errors for f in DATE_FIELDS) or precision is None:
        return
    if precision == "day":
        if start is None and end is None:
            errors["date_start"] = "a day-dated claim needs its day"
        elif start and end and start != end:
            errors["date_end"] = "a single day: leave empty or equal to the start"
        else:
            values["date_start"] = values["date_end"] = start or end
    elif precision == "range":
        if start is None or end is None:
            errors["date_start" if start is None else "date_end"] = "a range needs both ends"
        elif start > end:
            errors["date_end"] = f"ends ({end}) before it starts ({start})"
    elif precision == "on_or_before":
        if end is None:
            errors["date_end"] = "'on or before' needs the latest possible day"
        values["date_start"] = None
    else:  # unknown
        values["date_start"] = values["date_end"] = None


def _place(values: dict[str, Any], errors: dict[str, str]) -> None:
    """A place given by hand has a name and both coordinates (or neither coordinate)."""
    if any(f in errors for f in PLACE_FIELDS):
        return
    lat, lon = values.get("lat"), values.get("lon")
    if (lat is None) != (lon is None):
        errors["lat" if lat is None else "lon"] = "give both latitude and longitude"
    elif lat is not None and not values.get("place"):
        errors["place"] = "name the place you put on the map"


def validate(
    claim: Claim, raw: Mapping[str, Any], sides: Collection[str] = SIDES
) -> dict[str, Any]:
    """The corrections in ``raw`` (field → form value; fields not given keep the machine's
    value), parsed and checked. Returns only the fields that differ from ``claim``; raises
    ReviewInvalid with a message per bad or unknown field."""
    errors: dict[str, str] = {}
    unknown = sorted(set(raw) - set(CORRECTABLE))
    for name in unknown:
        errors[name] = f"not a field a reviewer can correct ({', '.join(CORRECTABLE)})"
    parsers = {**PARSERS, "side": _one_of(tuple(sides), "side")}
    values = {name: getattr(claim, name) for name in CORRECTABLE}
    for name in CORRECTABLE:
        if name not in raw:
            continue
        try:
            values[name] = parsers[name](raw[name])
        except FieldError as exc:
            errors[name] = str(exc)
    if any(name in raw for name in DATE_FIELDS):
        _dates(values, errors)
    if any(name in raw for name in PLACE_FIELDS):
        _place(values, errors)
    if errors:
        raise ReviewInvalid(errors)
    return {name: v for name, v in values.items() if v != getattr(claim, name)}


def apply(claim: Claim, corrections: Mapping[str, Any]) -> Claim:
    """The claim as the reviewer corrected it. A place placed by hand (coordinates given)
    becomes a resolved point; the machine's unresolved mention is kept in ``place_mention``."""
    from dataclasses import replace

    if not corrections:
        return claim
    changes = {k: v for k, v in corrections.items() if k in CORRECTABLE}
    if any(k in changes for k in PLACE_FIELDS):
        lat = changes.get("lat", claim.lat)
        changes.setdefault("place_id", None if "lat" in changes else claim.place_id)
        located = lat is not None
        changes["unresolved_place"] = None if located else claim.unresolved_place
        changes["place_precision"] = "point" if "lat" in changes else claim.place_precision
        changes["place_mention"] = claim.place_mention or claim.unresolved_place
        if "lat" in changes:
            changes["radius_km"] = None
    return replace(claim, **changes)
