"""The figures chart of the dashboard (Altair, built from aggregated rows): the spread of figures
per kind. Each statement's figure is one point, with its qualifier and scope in the tooltip; a
combined figure ("1,600 dead or captured") is never drawn twice. (The timeline, on every page,
is HTML drawn in Python: :mod:`atlas.timeline`.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

import altair as alt
import pandas as pd

from atlas.palette import Palette, default_palette
from atlas.sources import plain_label
from atlas.when import when
from atlas.words import figure_text, kind_label
from claims.model import Claim


def _side_scale(palette: Palette) -> alt.Scale:
    return alt.Scale(
        domain=[palette.label(s) for s in palette.sides],
        range=[palette.colour(s) for s in palette.sides],
    )


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
