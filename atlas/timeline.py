"""The timeline of claims per day by side, as a Vega-Lite dict built directly (no Altair, no
pandas: the first page of a fresh server does not pay their imports, about a second).

A claim "reported by 5 Sep" stands on 5 Sep as a pale bar (it may have happened any day up to
then), a claim "on 5 Sep" as a solid one. The shaded window is a dataset of its own
(``ca-window``): a new window (the slider moved) costs a dict copy, not a new chart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from atlas.palette import Palette, default_palette
from atlas.when import Dating, when
from claims.model import Claim
from store.query import DayCount

DATING_OPACITY = {Dating.DAY: 1.0, Dating.RANGE: 0.7, Dating.REPORTED: 0.3}
DATING_LEGEND = {
    Dating.DAY: "on the day",
    Dating.RANGE: "over days (first day)",
    Dating.REPORTED: "reported by (on or before)",
}
WINDOW_DATASET = "ca-window"
BARS_DATASET = "ca-bars"
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"  # a name only, never fetched
HEIGHT = 165
LEGEND = {  # in one row under the chart, so the timeline stays short
    "orient": "bottom",
    "direction": "horizontal",
    "labelLimit": 200,
    "symbolSize": 80,
    "columnPadding": 12,
}


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
) -> list[dict[str, Any]]:
    """Claims per (day, side, dating), in order; undated claims are left out. The day is the
    first day of a dated claim, the report day of a "reported by" one. ``claims``: claims, or
    their counts per day (:class:`store.query.DayCount`)."""
    palette = palette or default_palette()
    items = list(claims)
    found = items if items and isinstance(items[0], DayCount) else day_counts(items)  # type: ignore[arg-type]
    counts: Counter[tuple[date, str, Dating]] = Counter()
    for row in found:
        if row.day is not None and row.dating is not Dating.UNDATED:  # type: ignore[union-attr]
            counts[(row.day, palette.side_of(row.side), row.dating)] += row.count  # type: ignore[union-attr]
    return [
        {"day": d.isoformat(), "side": palette.label(s), "dating": DATING_LEGEND[k], "claims": n}
        for (d, s, k), n in sorted(counts.items())
    ]


def _window_rows(window: tuple[date, date] | None) -> list[dict[str, str]]:
    if window is None:
        return []
    return [{"start": window[0].isoformat(), "end": (window[1] + timedelta(days=1)).isoformat()}]


def _bars(palette: Palette) -> dict[str, Any]:
    legend = [DATING_LEGEND[k] for k in (Dating.DAY, Dating.RANGE, Dating.REPORTED)]
    day = {"field": "day", "timeUnit": "yearmonthdate", "type": "temporal"}
    total = {"aggregate": "sum", "field": "claims", "title": "claims", "type": "quantitative"}
    side_scale = {
        "domain": [palette.label(s) for s in palette.sides],
        "range": [palette.colour(s) for s in palette.sides],
    }
    return {
        "data": {"name": BARS_DATASET},
        "mark": {"type": "bar", "stroke": "#1a1a1a", "strokeWidth": 0.5},
        "encoding": {
            "x": {**day, "title": None, "axis": {"format": "%-d %b"}},
            "y": total,
            "color": {"field": "side", "type": "nominal", "scale": side_scale, "legend": None},
            "opacity": {
                "field": "dating",
                "type": "nominal",
                "title": None,
                "scale": {"domain": legend, "range": [DATING_OPACITY[k] for k in DATING_OPACITY]},
            },
            "order": {"field": "dating", "type": "nominal", "sort": "ascending"},
            "tooltip": [
                {**day, "title": "day", "format": "%-d %b %Y"},
                {"field": "side", "type": "nominal"},
                {"field": "dating", "type": "nominal", "title": "dated"},
                total,
            ],
        },
    }


def timeline_spec(
    claims: Iterable[Claim] | Iterable[DayCount],
    palette: Palette | None = None,
    window: tuple[date, date] | None = None,
) -> dict[str, Any]:
    """Stacked bars of claims per day by side (the map's colours), pale for "reported by",
    legends in one row under the chart; ``window`` shaded (see :func:`with_window`)."""
    palette = palette or default_palette()
    band = {
        "data": {"name": WINDOW_DATASET},
        "mark": {"type": "rect", "color": "#1f4e79", "opacity": 0.12},
        "encoding": {"x": {"field": "start", "type": "temporal"}, "x2": {"field": "end"}},
    }
    return {
        "$schema": SCHEMA,
        "config": {
            "view": {"continuousWidth": 300, "continuousHeight": 300, "strokeWidth": 0},
            "legend": LEGEND,
        },
        "height": HEIGHT,
        "layer": [band, _bars(palette)],
        "datasets": {
            BARS_DATASET: timeline_rows(claims, palette),
            WINDOW_DATASET: _window_rows(window),
        },
    }


def with_window(spec: dict[str, Any], window: tuple[date, date] | None) -> dict[str, Any]:
    """``spec`` (from :func:`timeline_spec`) with ``window`` shaded (none: no band); the bars
    are shared, not copied."""
    return {**spec, "datasets": {**spec["datasets"], WINDOW_DATASET: _window_rows(window)}}
