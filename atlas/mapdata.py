"""The JSON the map is drawn from: per place, and for the base map. Plain data, no folium.

Everything article-derived here is a string value that ``static/atlas/map.js`` puts on the page
with ``textContent``; :func:`atlas.jsdata.to_js` writes it so that no template or HTML
delimiter survives inside it.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from atlas.palette import Palette
from atlas.places import MIXED, Bounds, PlaceSummary, place_days
from atlas.when import span_text

LEGEND_ROWS: tuple[tuple[str, str, str], ...] = (
    ("ca-key-undated", "dashed edge: no claim dated", ""),
    ("ca-key-reported", "dotted edge: only 'reported by' dates", ""),
    ("ca-key-area", "circle: area-level place (radius)", ""),
    ("ca-key-cluster", "double ring: nearby places, click to zoom", ""),
    ("ca-key-badge", "disputed here or about its province", "!"),
    ("ca-key-reviewed", "every claim here reviewed by an analyst (half: some)", "✓"),
)
"""(swatch class, text, swatch text) for the marks that are not sides."""
REVIEWED_ARIA = {"all": ", all reviewed", "some": ", some reviewed"}
STRINGS = {"tilesFailed": "Map tiles unavailable — showing outlines"}
OUTLINES_ATTRIBUTION = (
    'Outlines: <a href="https://www.geoboundaries.org/">geoBoundaries</a> (public domain)'
)
COUNTRIES_ATTRIBUTION = (
    'Countries: <a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain)'
)
ATTRIBUTION_PREFIX = '<a href="https://leafletjs.com/">Leaflet</a>'


def marker_size(count: int) -> int:
    """Icon diameter in pixels: grows with the log of the claim count, 22 to 40."""
    return int(min(40, 22 + 5 * math.log2(max(count, 1))))


def dating_of(group: PlaceSummary) -> str:
    """``undated`` (no claim dated), ``reported`` (only "reported by" dates) or ``dated``."""
    if group.undated_only:
        return "undated"
    if group.reported_only:
        return "reported"
    return "dated"


def _segments(group: PlaceSummary, palette: Palette) -> list[list[Any]]:
    counts = dict(group.side_counts)
    order = [s for s in palette.sides if s in counts] + [
        s for s in counts if s not in palette.sides
    ]
    return [[palette.side_of(s), counts[s]] for s in order]


def _tip(group: PlaceSummary, palette: Palette, disputed: bool) -> list[str]:
    n = group.count
    sides = ", ".join(f"{palette.label(s)} {c}" for s, c in group.side_counts)
    lines = [f"{n} claim{'s' if n != 1 else ''}: {sides}"]
    days = place_days(group)
    if days is not None:
        lines.append(span_text(*days) + (" (report dates only)" if group.reported_only else ""))
    elif group.undated_only:
        lines.append("no claim dated")
    if disputed:
        lines.append("disputed (see the place panel)")
    return lines


def place_payload(
    groups: Iterable[PlaceSummary],
    palette: Palette,
    disputed: Collection[str] = (),
    reviewed: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """The per-place data markers are drawn from. ``disputed``: keys of places in a dispute;
    ``reviewed``: place key → ``all`` or ``some`` (of its claims reviewed by an analyst)."""
    reviewed = reviewed or {}
    payload = []
    for g in groups:
        n = g.count
        side = g.side(palette.sides)
        is_disputed = g.key in disputed
        payload.append(
            {
                "key": g.key,
                "name": g.name,
                "lat": round(g.lat, 5),
                "lon": round(g.lon, 5),
                "radius_m": round(g.radius_km * 1000) if g.is_area and g.radius_km else None,
                "precision": g.precision or "unknown",
                "side": side if side == MIXED else palette.side_of(side),
                "segments": _segments(g, palette),
                "n": n,
                "dating": dating_of(g),
                "disputed": is_disputed,
                "size": marker_size(n),
                "tip": _tip(g, palette, is_disputed),
                "reviewed": reviewed.get(g.key, "none"),
                "aria": f"{g.name}: {n} claim{'s' if n != 1 else ''}"
                + (", disputed" if is_disputed else "")
                + REVIEWED_ARIA.get(reviewed.get(g.key, "none"), ""),
            }
        )
    return payload


def layer_data(
    groups: Iterable[PlaceSummary],
    palette: Palette,
    selected: str | None = None,
    disputed: Collection[str] = (),
    reviewed: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """What ``ClaimAtlas.places`` receives."""
    return {
        "places": place_payload(groups, palette, disputed, reviewed),
        "selected": selected,
        "palette": palette.to_dict(),
        "sides": list(palette.sides),
    }


def setup_data(
    bounds: Bounds,
    palette: Palette,
    outlines: dict[str, Any],
    labels: list[list[Any]],
    tiers: list[dict[str, Any]],
    image_path: str,
    countries: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What ``ClaimAtlas.setup`` receives. ``countries``: country outlines (GeoJSON, drawn
    under the province ``outlines``), credited with their source."""
    attribution = OUTLINES_ATTRIBUTION
    if countries is not None:
        attribution += "; " + COUNTRIES_ATTRIBUTION
    return {
        "imagePath": image_path,
        "attributionPrefix": ATTRIBUTION_PREFIX,
        "attribution": attribution,
        "outlines": outlines,
        "countries": countries or {"type": "FeatureCollection", "features": []},
        "labels": labels,
        "tiers": tiers,
        "bounds": [list(bounds[0]), list(bounds[1])],
        "palette": palette.to_dict(),
        "sides": list(palette.sides),
        "legend": [list(row) for row in LEGEND_ROWS],
        "strings": STRINGS,
    }
