"""Charts of the dashboard (Altair specs, built from aggregated rows): the timeline of claims per
day by side, and the spread of figures per kind.

The timeline tells dated claims from claims known only by their report: a claim "reported by
5 Sep" stands on 5 Sep as a pale bar (it may have happened any day up to then), a claim "on
5 Sep" as a solid one. In the figure chart each statement's figure is one point, with its
qualifier and scope in the tooltip; a combined figure ("1,600 dead or captured") is never
drawn twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

import altair as alt
import pandas as pd

from atlas.palette import Palette, default_palette
from atlas.sources import plain_label
from atlas.when import Dating, when
from atlas.words import figure_text, kind_label
from claims.model import Claim
from store.query import DayCount

DATING_OPACITY = {Dating.DAY: 1.0, Dating.RANGE: 0.7, Dating.REPORTED: 0.3}
DATING_LEGEND = {
    Dating.DAY: "on the day",
    Dating.RANGE: "over days (first day)",
    Dating.REPORTED: "reported by (on or before)",
}


def _side_scale(palette: Palette) -> alt.Scale:
    return alt.Scale(
        domain=[palette.label(s) for s in palette.sides],
        range=[palette.colour(s) for s in palette.sides],
    )


def day_counts(claims: Iterable[Claim]) -> list[DayCount]:
    """Claims per (timeline day, side, dating), counted from claim objects (the store's
    columns count the same, :meth:`store.columnar.ColumnarClaims.timeline`)."""
    counts: Counter[tuple[date | None, str, Dating]] = Counter()
    for claim in claims:
        found = when(claim)
        key = (found.anchor, claim.side, found.dating) if found else (None, claim.side,
                                                                     Dating.UNDATED)  # fmt: skip
        counts[key] += 1
    return [DayCount(d, s, n, k) for (d, s, k), n in counts.items()]


def timeline_rows(
    claims: Iterable[Claim] | Iterable[DayCount], palette: Palette | None = None
) -> pd.DataFrame:
    """Claims per (day, side, dating); undated claims are left out. The day is the first day
    of a dated claim, the report day of a "reported by" one. ``claims``: claims, or their
    counts per day (:class:`store.query.DayCount`)."""
    palette = palette or default_palette()
    items = list(claims)
    found = items if items and isinstance(items[0], DayCount) else day_counts(items)  # type: ignore[arg-type]
    counts: Counter[tuple[date, str, Dating]] = Counter()
    for row in found:
        if row.day is not None and row.dating is not Dating.UNDATED:  # type: ignore[union-attr]
            counts[(row.day, palette.side_of(row.side), row.dating)] += row.count  # type: ignore[union-attr]
    rows = [
        {
            "day": d.isoformat(),
            "side": palette.label(s),
            "dating": DATING_LEGEND[k],
            "claims": n,
        }
        for (d, s, k), n in sorted(counts.items())
    ]
    return pd.DataFrame(rows, columns=["day", "side", "dating", "claims"])


def timeline_chart(
    claims: Iterable[Claim] | Iterable[DayCount],
    window: tuple[date, date] | None = None,
    height: int = 165,
    palette: Palette | None = None,
) -> alt.LayerChart | alt.Chart:
    """Stacked bars of claims per day by side, pale for "reported by"; the selected ``window``
    is shaded."""
    palette = palette or default_palette()
    rows = timeline_rows(claims, palette)
    legend = [DATING_LEGEND[k] for k in (Dating.DAY, Dating.RANGE, Dating.REPORTED)]
    bars = (
        alt.Chart(rows)
        .mark_bar(stroke="#1a1a1a", strokeWidth=0.5)
        .encode(
            x=alt.X("day:T", timeUnit="yearmonthdate", title=None, axis=alt.Axis(format="%-d %b")),
            y=alt.Y("sum(claims):Q", title="claims"),
            color=alt.Color("side:N", scale=_side_scale(palette), legend=None),  # as on the map
            opacity=alt.Opacity(
                "dating:N",
                scale=alt.Scale(domain=legend, range=[DATING_OPACITY[k] for k in DATING_OPACITY]),
                title=None,
            ),
            order=alt.Order("dating:N", sort="ascending"),
            tooltip=[
                alt.Tooltip("day:T", timeUnit="yearmonthdate", title="day", format="%-d %b %Y"),
                alt.Tooltip("side:N"),
                alt.Tooltip("dating:N", title="dated"),
                alt.Tooltip("sum(claims):Q", title="claims"),
            ],
        )
        .properties(height=height)
    )
    if window is None:
        return _compact_legends(bars)
    shade = pd.DataFrame(
        [{"start": window[0].isoformat(), "end": (window[1] + timedelta(days=1)).isoformat()}]
    )
    band = alt.Chart(shade).mark_rect(opacity=0.12, color="#1f4e79").encode(x="start:T", x2="end:T")
    return _compact_legends(alt.layer(band, bars).properties(height=height))


WINDOW_DATASET = "ca-window"


def timeline_spec(
    claims: Iterable[Claim] | Iterable[DayCount], palette: Palette | None = None
) -> dict[str, Any]:
    """The timeline as a Vega-Lite dict whose shaded window is the dataset ``ca-window``, so a
    new window (the slider moved) costs a dict copy, not a new chart (:func:`with_window`)."""
    placeholder = (date(2000, 1, 1), date(2000, 1, 1))
    spec = timeline_chart(claims, placeholder, palette=palette).to_dict()
    band = spec["layer"][0]
    old = band["data"]["name"]
    band["data"] = {"name": WINDOW_DATASET}
    spec["datasets"] = {k: v for k, v in spec["datasets"].items() if k != old}
    spec["datasets"][WINDOW_DATASET] = []
    return spec


def with_window(spec: dict[str, Any], window: tuple[date, date] | None) -> dict[str, Any]:
    """``spec`` (from :func:`timeline_spec`) with ``window`` shaded (none: no band)."""
    rows = (
        [{"start": window[0].isoformat(), "end": (window[1] + timedelta(days=1)).isoformat()}]
        if window
        else []
    )
    return {**spec, "datasets": {**spec["datasets"], WINDOW_DATASET: rows}}


def _compact_legends(chart):
    """Legends in one row under the chart, so the timeline stays short."""
    return chart.configure_legend(
        orient="bottom", direction="horizontal", labelLimit=200, symbolSize=80, columnPadding=12
    ).configure_view(strokeWidth=0)


def figure_rows(
    claims: Iterable[Claim],
    palette: Palette | None = None,
    source_of: Callable[[Claim], str] | None = None,
) -> pd.DataFrame:
    """One row per distinct (kind, day, side, figure) among dated claims with a figure, with
    the wordings and the sources that state it (one point each: no point hides another's
    tooltip); a statement's figure counted once per kind and scope."""
    palette = palette or default_palette()
    label = source_of or plain_label
    sources: dict[tuple[str, str, str, int], set[str]] = {}
    stated: dict[tuple[str, str, str, int], set[str]] = {}
    counts: Counter[tuple[str, str, str, int]] = Counter()
    seen: set[tuple[str, str, int, str]] = set()
    for claim in claims:
        found = when(claim)
        if claim.figure is None or found is None:
            continue
        scope = claim.figure_scope or ""
        statement = (claim.file, claim.statement_id, claim.figure, claim.kind + scope)
        if statement in seen:
            continue
        seen.add(statement)
        key = (
            kind_label(claim.kind),
            found.anchor.isoformat(),
            palette.label(claim.side),
            claim.figure,
        )
        counts[key] += 1
        sources.setdefault(key, set()).add(label(claim))
        stated.setdefault(key, set()).add(figure_text(claim) or "")
    rows = [
        {"kind": k, "day": d, "side": s, "figure": f,
         "as stated": "; ".join(sorted(stated[(k, d, s, f)])), "claims": n,
         "outlets": "; ".join(sorted(sources[(k, d, s, f)], key=str.casefold))}
        for (k, d, s, f), n in sorted(counts.items())
    ]  # fmt: skip
    columns = ["kind", "day", "side", "figure", "as stated", "claims", "outlets"]
    return pd.DataFrame(rows, columns=columns)


def figure_spread_chart(
    claims: Iterable[Claim],
    palette: Palette | None = None,
    source_of: Callable[[Claim], str] | None = None,
) -> alt.FacetChart | None:
    """Figures claimed per day, one row of the chart per kind: a point per figure as stated
    (its sources in the tooltip),
    a line from the lowest to the highest figure of the day. None when no claim has a figure."""
    palette = palette or default_palette()
    rows = figure_rows(claims, palette, source_of)
    if rows.empty:
        return None
    x = alt.X("day:O", title="day")  # days as columns, sides side by side within each
    points = (
        alt.Chart()
        .mark_point(filled=True, size=70, stroke="#1a1a1a", strokeWidth=0.6)
        .encode(
            x=x,
            xOffset=alt.XOffset("side:N"),
            y=alt.Y("figure:Q", title="figure claimed"),
            color=alt.Color("side:N", scale=_side_scale(palette), title="side"),
            shape=alt.Shape("side:N", title="side"),
            tooltip=[
                "kind:N",
                alt.Tooltip("day:O"),
                "side:N",
                alt.Tooltip("outlets:N", title="stated by"),
                alt.Tooltip("as stated:N", title="figure as stated"),
                "claims:Q",
            ],
        )
    )
    spread = alt.Chart().mark_rule(color="#666").encode(x=x, y="min(figure):Q", y2="max(figure):Q")
    return (
        alt.layer(spread, points, data=rows)
        .properties(height=130)
        .facet(row=alt.Row("kind:N", title=None))
        .resolve_scale(y="independent")
    )
