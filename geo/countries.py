"""Country names and ISO 3166-1 alpha-2 codes of the world layer (geo/data/world_countries.csv).

Light on purpose (no numpy, no index): profiles and command lines check codes with it.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from pathlib import Path

from geo.normalize import normalize


@cache
def _rows() -> tuple[dict[str, str], ...]:
    path = Path(str(resources.files("geo").joinpath("data", "world_countries.csv")))
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


@cache
def country_codes() -> frozenset[str]:
    """Every code the world layer knows ("AF", "UA", "SD", …)."""
    return frozenset(r["code"] for r in _rows())


@cache
def _names() -> dict[str, str]:
    out: dict[str, str] = {}
    for r in _rows():
        for label in (r["name"], *r["aliases"].split(";")):
            if label:
                out.setdefault(normalize(label), r["code"])
    return out


def country_name(code: str) -> str | None:
    """The English short name of a code ("UA" → "Ukraine"), or None."""
    return next((r["name"] for r in _rows() if r["code"] == code.strip().upper()), None)


def country_code(name: str) -> str | None:
    """The code of a country named (or coded) ``name``: "Ukraine", "the Sudan", "ua"."""
    code = name.strip().upper()
    if code in country_codes():
        return code
    norm = normalize(name)
    return _names().get(norm) or _names().get(norm.removeprefix("the "))


def country_capital(code: str) -> str | None:
    """The capital's name of a country ("AF" → "Kabul"), or None."""
    row = next((r for r in _rows() if r["code"] == code.strip().upper()), None)
    return (row.get("capital") or None) if row else None
