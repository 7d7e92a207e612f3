"""Synthetic claims for tests and benchmarks of the dashboard's functions.

They are made up (and say so in their ``file`` names); nothing here is read by the dashboard.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from claims.model import KINDS, SIDES, Claim

_BASE = Claim(
    id="c0",
    statement_id="s0",
    file="synthetic-0.txt",
    outlet="Example Wire",
    title="Synthetic article",
    url="https://example.org/a",
    published="2021-09-05",
    claimant="a spokesman",
    side="NRF",
    kind="casualties",
    figure=100,
    figure_qualifier=None,
    place="Bazarak",
    place_mention="Bazarak",
    place_id="town:bazarak",
    lat=35.31,
    lon=69.51,
    radius_km=2.0,
    place_precision="point",
    place_basis="named in the sentence",
    unresolved_place=None,
    date_start="2021-09-04",
    date_end="2021-09-04",
    date_precision="day",
    date_basis="stated",
    quote="A spokesman said 100 fighters were killed in Bazarak.",
    quote_start=0,
    quote_end=54,
)


def make_claim(**fields: Any) -> Claim:
    """A complete Claim with plausible defaults; ``fields`` override any of them.

    ``date="YYYY-MM-DD"`` sets a one-day date; ``date=None`` makes the claim undated;
    ``reported_by="YYYY-MM-DD"`` dates it only by its report (``on_or_before``);
    ``place=None`` makes it unlocated (unresolved).
    """
    if "reported_by" in fields:
        day = fields.pop("reported_by")
        fields.setdefault("date_start", None)
        fields.setdefault("date_end", day)
        fields.setdefault("date_precision", "on_or_before")
        fields.setdefault("date_basis", f"no day stated; published {day}")
    if "date" in fields:
        day = fields.pop("date")
        fields.setdefault("date_start", day)
        fields.setdefault("date_end", day)
        fields.setdefault("date_precision", "day" if day else "unknown")
    if "place" in fields and fields["place"] is None:
        fields.setdefault("place_mention", "Danah")
        fields.setdefault("unresolved_place", fields.get("place_mention") or "Danah")
        for name in ("place_id", "lat", "lon", "radius_km", "place_precision"):
            fields.setdefault(name, None)
    if "quote" in fields:
        fields.setdefault("quote_start", 0)
        fields.setdefault("quote_end", len(fields["quote"]))
    return replace(_BASE, **fields)


def synthetic_claims(n: int, seed: int = 0, places: int = 60, outlets: int = 12) -> list[Claim]:
    """``n`` random claims over ``places`` points in north-east Afghanistan, 30 days."""
    rng = random.Random(seed)
    first = date(2021, 8, 15)
    spots = [
        (f"place:{i}", f"Place {i}", 34.5 + rng.random() * 2, 68.5 + rng.random() * 3)
        for i in range(places)
    ]
    claims = []
    for i in range(n):
        pid, name, lat, lon = rng.choice(spots)
        area = rng.random() < 0.2
        dated = rng.random() < 0.9
        day = (first + timedelta(days=rng.randrange(30))).isoformat() if dated else None
        quote = f"Claim {i}: {rng.randrange(10, 900)} fighters were reported killed near {name}."
        claims.append(
            make_claim(
                id=f"c{i}",
                statement_id=f"s{i}",
                file=f"synthetic-{i % 500}.txt",
                outlet=f"Outlet {i % outlets}",
                side=rng.choice(SIDES),
                kind=rng.choice(KINDS),
                figure=rng.randrange(1, 2000) if rng.random() < 0.6 else None,
                place=name,
                place_mention=name,
                place_id=pid,
                lat=lat,
                lon=lon,
                radius_km=25.0 if area else 1.0,
                place_precision="area" if area else "point",
                date=day,
                quote=quote,
            )
        )
    return claims
