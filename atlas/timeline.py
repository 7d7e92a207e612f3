"""The timeline of claims per day by side: stacked bars drawn here as plain HTML boxes
(positions in per cent, looks in ``static/atlas/page.css``), with no chart library in the
browser: Vega's scripts cost the first page about half a second of the browser's time before
the map appeared, and every slider step a re-render. (SVG would not do: ``st.html`` keeps
HTML only.)

A claim "reported by 5 Sep" stands on 5 Sep as a pale bar (it may have happened any day up to
then), a claim "on 5 Sep" as a solid one. Each bar segment names its day, side, dating and
count in its tooltip (``title``). The shaded window is drawn apart from the bars
(:meth:`Timeline.html`): a new window (the slider moved) costs one box, not a new chart.
Every text that comes from data (side labels from the conflict profile) is escaped.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
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
MAX_DAY_LABELS = 8
BAR_WIDTH = 80  # per cent of a day's slot

Key = tuple[date, str, Dating]


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


def _counts(claims: Iterable[Claim] | Iterable[DayCount], palette: Palette) -> Counter[Key]:
    """(day, side as the palette draws it, dating) → claims; undated claims left out."""
    items = list(claims)
    found = items if items and isinstance(items[0], DayCount) else day_counts(items)  # type: ignore[arg-type]
    counts: Counter[Key] = Counter()
    for row in found:
        if row.day is not None and row.dating is not Dating.UNDATED:  # type: ignore[union-attr]
            counts[(row.day, palette.side_of(row.side), row.dating)] += row.count  # type: ignore[union-attr]
    return counts


def timeline_rows(
    claims: Iterable[Claim] | Iterable[DayCount], palette: Palette | None = None
) -> list[dict[str, Any]]:
    """Claims per (day, side, dating), in order; undated claims are left out. The day is the
    first day of a dated claim, the report day of a "reported by" one. ``claims``: claims, or
    their counts per day (:class:`store.query.DayCount`)."""
    palette = palette or default_palette()
    return [
        {"day": d.isoformat(), "side": palette.label(s), "dating": DATING_LEGEND[k], "claims": n}
        for (d, s, k), n in sorted(_counts(claims, palette).items())
    ]


def _nice_step(top: int, ticks: int = 4) -> int:
    """A round step (1, 2, 5 × 10ⁿ) giving about ``ticks`` gridlines up to ``top``."""
    raw = max(1.0, top / ticks)
    power = 10 ** math.floor(math.log10(raw))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def _day_label(day: date) -> str:
    return f"{day.day} {day:%b}"


def _pct(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") + "%"


@dataclass(frozen=True)
class Timeline:
    """The bars drawn once (:func:`timeline`); :meth:`html` adds the window's shading."""

    first: date | None
    days: int
    bars: str  # HTML of the gridlines and the bars
    axis: str  # HTML of the day labels
    legend: str  # HTML
    total: int  # dated claims drawn

    def _band(self, window: tuple[date, date] | None) -> str:
        if window is None or self.first is None:
            return ""
        start = max((window[0] - self.first).days, 0)
        end = min((window[1] - self.first).days + 1, self.days)
        if end <= start:
            return ""
        left, width = 100 * start / self.days, 100 * (end - start) / self.days
        return f'<div class="ca-tl-window" style="left:{_pct(left)};width:{_pct(width)}"></div>'

    def html(self, window: tuple[date, date] | None = None) -> str:
        """The chart with ``window`` shaded (None: no shading), and its legend."""
        if self.first is None:
            return '<div class="ca-timeline"><p class="ca-tl-empty">No dated claim shown.</p></div>'
        last = self.first + timedelta(days=self.days - 1)
        summary = escape(
            f"Claims per day by side: {self.total} dated claim{'s' if self.total != 1 else ''} "
            f"from {_day_label(self.first)} "
            f"to {_day_label(last)} {last.year}",
            quote=True,
        )
        return (
            f'<div class="ca-timeline" role="figure" aria-label="{summary}">'
            f'<div class="ca-tl-plot">{self._band(window)}{self.bars}</div>'
            f"{self.axis}{self.legend}</div>"
        )


def _grid(top: int) -> tuple[str, int]:
    """Gridlines with their counts; the count at the top of the plot."""
    step = _nice_step(top)
    ceiling = step * math.ceil(top / step)
    lines = [
        f'<div class="ca-tl-grid" style="bottom:{_pct(100 * v / ceiling)}">'
        f'<span class="ca-tl-count">{v}</span></div>'
        for v in range(0, ceiling + 1, step)
    ]
    return "".join(lines), ceiling


def _axis(first: date, days: int) -> str:
    every = max(1, math.ceil(days / MAX_DAY_LABELS))
    labels = [
        f'<span class="ca-tl-day" style="left:{_pct(100 * (i + 0.5) / days)}">'
        f"{_day_label(first + timedelta(days=i))}</span>"
        for i in range(0, days, every)
    ]
    return f'<div class="ca-tl-axis">{"".join(labels)}</div>'


def _order(palette: Palette):
    sides = {s: i for i, s in enumerate(palette.sides)}
    datings = list(DATING_OPACITY)
    return lambda kv: (kv[0][0], sides.get(kv[0][1], len(sides)), datings.index(kv[0][2]))


def _segments(counts: Counter[Key], palette: Palette, first: date, days: int, top: int) -> str:
    """One box per (day, side, dating), stacked per day in the palette's side order, solid
    under pale."""
    stacked: Counter[date] = Counter()
    width = BAR_WIDTH / days
    parts = []
    for (day, side, dating), n in sorted(counts.items(), key=_order(palette)):
        left = 100 * ((day - first).days + (1 - BAR_WIDTH / 100) / 2) / days
        bottom = 100 * stacked[day] / top
        stacked[day] += n
        tip = escape(
            f"{day.day} {day:%b %Y} · {palette.label(side)} · {DATING_LEGEND[dating]}: "
            f"{n} claim{'s' if n != 1 else ''}",
            quote=True,
        )
        parts.append(
            f'<div class="ca-tl-bar" title="{tip}" style="left:{_pct(left)};'
            f"width:{_pct(width)};bottom:{_pct(bottom)};height:{_pct(100 * n / top)};"
            f'background:{escape(palette.colour(side))};opacity:{DATING_OPACITY[dating]}"></div>'
        )
    return "".join(parts)


def _legend(palette: Palette, sides: set[str]) -> str:
    key = '<span class="ca-tl-key"><i style="background:{c};opacity:{o}"></i>{t}</span>'
    shown = [s for s in palette.sides if s in sides]
    keys = [key.format(c=escape(palette.colour(s)), o=1, t=escape(palette.label(s)))
            for s in shown]  # fmt: skip
    keys += [key.format(c="#555", o=DATING_OPACITY[k], t=escape(DATING_LEGEND[k]))
             for k in DATING_OPACITY]  # fmt: skip
    return f'<div class="ca-tl-legend">{"".join(keys)}</div>'


def timeline(
    claims: Iterable[Claim] | Iterable[DayCount], palette: Palette | None = None
) -> Timeline:
    """Stacked bars of claims per day by side (the map's colours), pale for "reported by",
    over every day from the first dated claim to the last; the legend under them."""
    palette = palette or default_palette()
    counts = _counts(claims, palette)
    if not counts:
        return Timeline(None, 0, "", "", "", 0)
    first = min(d for d, _, _ in counts)
    days = (max(d for d, _, _ in counts) - first).days + 1
    per_day: Counter[date] = Counter()
    for (day, _, _), n in counts.items():
        per_day[day] += n
    grid, top = _grid(max(per_day.values()))
    bars = grid + _segments(counts, palette, first, days, top)
    legend = _legend(palette, {s for _, s, _ in counts})
    return Timeline(first, days, bars, _axis(first, days), legend, sum(counts.values()))
