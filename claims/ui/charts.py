"""Charts of the dashboard (Altair specs, built from aggregated rows, never one row per claim
more than needed): the timeline of claims per day by side, and the spread of figures per kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

import altair as alt
import pandas as pd

from claims.model import Claim
from claims.ui.filters import claim_dates, outlet_of
from claims.ui.mapbuild import SIDE_COLORS

_SIDE_DOMAIN = [s for s in SIDE_COLORS if s != "mixed"]
_SIDE_SCALE = alt.Scale(domain=_SIDE_DOMAIN, range=[SIDE_COLORS[s] for s in _SIDE_DOMAIN])


def timeline_rows(claims: Iterable[Claim]) -> pd.DataFrame:
    """Claims per (first day, side); undated claims are left out."""
    counts: Counter[tuple[date, str]] = Counter()
    for claim in claims:
        span = claim_dates(claim)
        if span is not None:
            side = claim.side if claim.side in _SIDE_DOMAIN else "unknown"
            counts[(span[0], side)] += 1
    rows = [{"day": d.isoformat(), "side": s, "claims": n} for (d, s), n in sorted(counts.items())]
    return pd.DataFrame(rows, columns=["day", "side", "claims"])


def timeline_chart(
    claims: Iterable[Claim], window: tuple[date, date] | None = None, height: int = 180
) -> alt.LayerChart | alt.Chart:
    """Stacked bars of claims per day by side; the selected ``window`` is shaded."""
    rows = timeline_rows(claims)
    bars = (
        alt.Chart(rows)
        .mark_bar()
        .encode(
            x=alt.X("day:T", timeUnit="yearmonthdate", title="day (first day of the claim)"),
            y=alt.Y("sum(claims):Q", title="claims"),
            color=alt.Color("side:N", scale=_SIDE_SCALE, title="side"),
            tooltip=[
                alt.Tooltip("day:T", timeUnit="yearmonthdate", title="day"),
                alt.Tooltip("side:N"),
                alt.Tooltip("sum(claims):Q", title="claims"),
            ],
        )
        .properties(height=height)
    )
    if window is None:
        return bars
    shade = pd.DataFrame(
        [{"start": window[0].isoformat(), "end": (window[1] + timedelta(days=1)).isoformat()}]
    )
    band = alt.Chart(shade).mark_rect(opacity=0.12, color="#1f4e79").encode(x="start:T", x2="end:T")
    return alt.layer(band, bars).properties(height=height)


def figure_rows(claims: Iterable[Claim]) -> pd.DataFrame:
    """One row per distinct (kind, day, side, outlet, figure) among dated claims with a figure."""
    counts: Counter[tuple[str, str, str, str, int]] = Counter()
    for claim in claims:
        span = claim_dates(claim)
        if claim.figure is None or span is None:
            continue
        side = claim.side if claim.side in _SIDE_DOMAIN else "unknown"
        key = (claim.kind.replace("_", " "), span[0].isoformat(), side, outlet_of(claim))
        counts[(*key, claim.figure)] += 1
    rows = [
        {"kind": k, "day": d, "side": s, "outlet": o, "figure": f, "claims": n}
        for (k, d, s, o, f), n in sorted(counts.items())
    ]
    return pd.DataFrame(rows, columns=["kind", "day", "side", "outlet", "figure", "claims"])


def figure_spread_chart(claims: Iterable[Claim]) -> alt.FacetChart | None:
    """Figures claimed per day, one row of the chart per kind: a point per source and figure,
    a line from the lowest to the highest figure of the day. None when no claim has a figure."""
    rows = figure_rows(claims)
    if rows.empty:
        return None
    x = alt.X("day:T", timeUnit="yearmonthdate", title="day")
    points = (
        alt.Chart()
        .mark_point(filled=True, size=70)
        .encode(
            x=x,
            y=alt.Y("figure:Q", title="figure claimed"),
            color=alt.Color("side:N", scale=_SIDE_SCALE, title="side"),
            shape=alt.Shape("side:N", title="side"),
            tooltip=[
                "kind:N",
                alt.Tooltip("day:T", timeUnit="yearmonthdate"),
                "side:N",
                "outlet:N",
                "figure:Q",
                "claims:Q",
            ],
        )
    )
    spread = alt.Chart().mark_rule(color="#888").encode(x=x, y="min(figure):Q", y2="max(figure):Q")
    return (
        alt.layer(spread, points, data=rows)
        .properties(height=140)
        .facet(row=alt.Row("kind:N", title=None))
        .resolve_scale(y="independent")
    )
