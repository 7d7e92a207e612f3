"""The claims map: one marker per place, built in the browser from JSON data.

Why not one ``folium.Marker`` + ``Popup`` per claim: folium compiles every popup and tooltip
string as a Jinja template (slow at scale, and ``{{ … }}`` in an article would run on the
server). Here article text only travels as JSON data written by :func:`claims.ui.jsdata.to_js`
(no ``{ } < > & '`` left inside strings: branca compiles rendered scripts once more), and the
browser builds popups and tooltips with ``textContent``.

Layout of a map:
- :func:`build_base_map` — tiles (or none), province outlines, legend, attribution, the
  view fitted to the claims. It changes only when the set of claims does.
- :func:`build_place_layer` — a ``FeatureGroup`` for the filtered claims: the markers,
  clustered where they would overlap (Leaflet.markercluster), and translucent circles of
  area-level places; given to ``st_folium(feature_group_to_add=…)`` so filtering swaps
  markers without reloading the map.
A click on a marker comes back as ``last_active_drawing`` (a GeoJSON point whose
``properties.key`` is the place key); :func:`clicked_place_key` reads it.
"""

from __future__ import annotations

import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

import folium
from branca.element import MacroElement
from jinja2 import Template

from claims.model import SIDES, Claim
from claims.ui import assets
from claims.ui.filters import claim_dates, date_label, outlet_of
from claims.ui.jsdata import to_js
from claims.ui.outlines import OUTLINES_ATTRIBUTION, province_outlines

MIXED = "mixed"
SIDE_COLORS: dict[str, str] = {
    "NRF": "#1b9e77",
    "Taliban": "#d95f02",
    "other": "#7570b3",
    "unknown": "#7f7f7f",
    MIXED: "#e7298a",
}
SIDE_LABELS: dict[str, str] = {
    "NRF": "NRF",
    "Taliban": "Taliban",
    "other": "other",
    "unknown": "side unknown",
    MIXED: "several sides",
}
# Roughly Afghanistan, for a map with no located claim.
DEFAULT_BOUNDS = ((29.35, 60.5), (38.5, 75.0))
TILES_ENV = "CLAIM_ATLAS_TILES"
MAX_ZOOM = 18
EMPTY_COLLECTION: dict[str, Any] = {"type": "FeatureCollection", "features": []}


# -- places -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceGroup:
    """The shown claims about one place (one marker)."""

    key: str
    name: str
    lat: float
    lon: float
    radius_km: float | None
    precision: str | None
    side: str  # one of SIDES when every claim has that side, else MIXED
    side_counts: tuple[tuple[str, int], ...]
    claims: tuple[Claim, ...]

    @property
    def undated_only(self) -> bool:
        return all(claim_dates(c) is None for c in self.claims)

    @property
    def is_area(self) -> bool:
        return self.precision == "area" and bool(self.radius_km)


def place_key(claim: Claim) -> str | None:
    """The key claims are grouped under: the gazetteer id, else the rounded point."""
    if not claim.located:
        return None
    if claim.place_id:
        return claim.place_id
    return f"{claim.lat:.4f},{claim.lon:.4f}"


def side_of(claims: Iterable[Claim]) -> str:
    """The one side all claims share, or ``"mixed"``; a side outside SIDES counts as unknown."""
    sides = {c.side if c.side in SIDES else "unknown" for c in claims}
    return sides.pop() if len(sides) == 1 else MIXED


def _sort_key(claim: Claim) -> tuple[bool, int, str]:
    """Newest first, undated last, then by id for a stable order."""
    span = claim_dates(claim)
    return (span is None, -span[0].toordinal() if span else 0, claim.id)


def group_places(claims: Iterable[Claim]) -> list[PlaceGroup]:
    """Located claims grouped per place, biggest group first; unlocated claims are skipped."""
    buckets: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        key = place_key(claim)
        if key is not None:
            buckets[key].append(claim)
    groups = []
    for key, members in buckets.items():
        first = members[0]
        counts = Counter(c.side if c.side in SIDES else "unknown" for c in members)
        radii = [c.radius_km for c in members if c.radius_km]
        groups.append(
            PlaceGroup(
                key=key,
                name=first.place or first.place_mention or key,
                lat=float(first.lat),  # type: ignore[arg-type]
                lon=float(first.lon),  # type: ignore[arg-type]
                radius_km=max(radii) if radii else None,
                precision=first.place_precision,
                side=side_of(members),
                side_counts=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
                claims=tuple(sorted(members, key=_sort_key)),
            )
        )
    groups.sort(key=lambda g: (-len(g.claims), g.name))
    return groups


def claim_bounds(claims: Iterable[Claim]) -> tuple[tuple[float, float], tuple[float, float]]:
    """South-west and north-east corners around the located claims (DEFAULT_BOUNDS if none)."""
    points = [(c.lat, c.lon) for c in claims if c.located]
    if not points:
        return DEFAULT_BOUNDS
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    # a single place: open a window of about 0.3° so the fit does not zoom to the street
    pad_lat = max(0.15 - (north - south) / 2, 0.0)
    pad_lon = max(0.15 - (east - west) / 2, 0.0)
    return ((south - pad_lat, west - pad_lon), (north + pad_lat, east + pad_lon))


# -- JSON payload ---------------------------------------------------------------------------


def _clip(text: str | None, limit: int) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def claim_summary(claim: Claim, quote_chars: int = 300) -> dict[str, Any]:
    """What a popup shows of one claim. Plain data: the browser renders it as text."""
    figure = None
    if claim.figure is not None:
        figure = (
            f"{claim.figure_qualifier} {claim.figure}"
            if claim.figure_qualifier
            else str(claim.figure)
        )
    return {
        "id": claim.id,
        "claimant": claim.claimant or "claimant not stated",
        "side": claim.side,
        "kind": claim.kind.replace("_", " "),
        "figure": figure,
        "date": date_label(claim),
        "undated": claim_dates(claim) is None,
        "outlet": outlet_of(claim),
        "quote": _clip(claim.quote, quote_chars),
    }


def marker_size(count: int) -> int:
    """Icon diameter in pixels: grows with the log of the claim count, 18 to 40."""
    return int(min(40, 18 + 5 * math.log2(max(count, 1))))


def place_payload(
    groups: Iterable[PlaceGroup], max_claims: int = 5, quote_chars: int = 300
) -> list[dict[str, Any]]:
    """The per-place data the browser draws markers from (at most ``max_claims`` quotes each)."""
    payload = []
    for g in groups:
        payload.append(
            {
                "key": g.key,
                "name": g.name,
                "lat": round(g.lat, 5),
                "lon": round(g.lon, 5),
                "radius_m": round(g.radius_km * 1000) if g.is_area else None,
                "precision": g.precision or "unknown",
                "side": g.side if g.side in SIDE_COLORS else "unknown",
                "sides": [[SIDE_LABELS.get(s, s), n] for s, n in g.side_counts],
                "n": len(g.claims),
                "undated": g.undated_only,
                "size": marker_size(len(g.claims)),
                "claims": [claim_summary(c, quote_chars) for c in g.claims[:max_claims]],
                "more": max(len(g.claims) - max_claims, 0),
            }
        )
    return payload


# -- folium elements -----------------------------------------------------------------------


class OfflineMap(folium.Map):
    """A folium Map whose Leaflet/jQuery come from ``/app/static/vendor`` (no CDN, no Bootstrap)."""

    default_js: ClassVar[list[tuple[str, str]]] = [
        ("leaflet", assets.LEAFLET_JS),
        ("jquery", assets.JQUERY_JS),
        ("markercluster", assets.MARKERCLUSTER_JS),
    ]
    default_css: ClassVar[list[tuple[str, str]]] = [
        ("leaflet_css", assets.LEAFLET_CSS),
        ("markercluster_css", assets.MARKERCLUSTER_CSS),
    ]


_MAP_SETUP_TEMPLATE = Template(
    """
{% macro header(this, kwargs) %}
<style>
.ca-marker { border-radius: 50%; border: 2px solid #fff; box-sizing: border-box;
  box-shadow: 0 0 0 1px rgba(0,0,0,.45); color: #fff; font: bold 11px/1 sans-serif;
  display: flex; align-items: center; justify-content: center; }
.ca-marker.ca-undated { border: 2px dashed #222; opacity: .75; }
.ca-cluster { border-radius: 50%; border: 3px double #fff; box-sizing: border-box;
  box-shadow: 0 0 0 2px rgba(0,0,0,.45); color: #fff; font: bold 12px/1 sans-serif;
  display: flex; align-items: center; justify-content: center; }
{% for side, color in this.colors.items() %}.ca-side-{{ loop.index0 }} { background: {{ color }}; }
{% endfor %}
.ca-legend { background: rgba(255,255,255,.9); padding: 3px 7px; border-radius: 4px;
  font: 11px/1.5 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 430px; }
.ca-legend div { display: inline-block; margin-right: 9px; white-space: nowrap; }
.ca-legend i { display: inline-block; width: 11px; height: 11px; border-radius: 50%;
  margin-right: 5px; vertical-align: -1px; }
.ca-legend .ca-dash { border: 2px dashed #222; width: 7px; height: 7px; background: #ddd; }
.ca-legend .ca-area { border: 1px solid #555; background: rgba(85,85,85,.15); }
.ca-legend .ca-clus { border: 3px double #555; width: 7px; height: 7px; background: #bbb; }
.ca-popup { max-height: 260px; overflow-y: auto; font: 12px/1.4 sans-serif; min-width: 240px; }
.ca-popup h4 { margin: 0 0 4px; font-size: 13px; }
.ca-popup .ca-claim { border-top: 1px solid #ddd; padding: 4px 0; }
.ca-popup .ca-meta { color: #444; }
.ca-popup q { display: block; font-style: italic; margin-top: 2px; }
.ca-popup .ca-more { color: #555; margin-top: 4px; }
.ca-tooltip { width: 280px; white-space: normal; }
.ca-tip { font: 12px/1.4 sans-serif; }
.ca-tip q { display: block; font-style: italic; }
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  L.Icon.Default.imagePath = {{ this.image_path_js }};
  map.attributionControl.addAttribution({{ this.attribution_js }});
  var outlines = L.geoJSON({{ this.outlines_js }}, {
    interactive: false,
    style: function () {
      return {color: "#555", weight: 1, opacity: 0.8, fillColor: "#f2efe9", fillOpacity: 0.35};
    }
  });
  outlines.addTo(map);
  var legend = L.control({position: "bottomleft"});
  legend.onAdd = function () {
    var box = L.DomUtil.create("div", "ca-legend");
    var title = document.createElement("b");
    title.textContent = "Claims by side: ";
    box.appendChild(title);
    {{ this.legend_js }}.forEach(function (row) {
      var line = document.createElement("div");
      var swatch = document.createElement("i");
      if (row[2]) { swatch.className = row[2]; } else { swatch.style.background = row[1]; }
      line.appendChild(swatch);
      line.appendChild(document.createTextNode(row[0]));
      box.appendChild(line);
    });
    return box;
  };
  legend.addTo(map);
  // Fit to the claims now, and again when the frame gets its final size (streamlit sizes
  // the iframe after the script ran) unless the user has moved the map in the meantime.
  var bounds = {{ this.bounds_js }};
  var fit = function () {
    map.fitBounds(bounds, {paddingTopLeft: [30, 30], paddingBottomRight: [30, 95], maxZoom: 10,
                           animate: false});
  };
  var started = Date.now(), userMoved = false;
  map.on("dragstart", function () { userMoved = true; });
  map.getContainer().addEventListener("wheel", function () { userMoved = true; }, {passive: true});
  map.on("resize", function () { if (!userMoved && Date.now() - started < 5000) { fit(); } });
  fit();
})();
{% endmacro %}
"""
)


@lru_cache(maxsize=1)
def _outlines_js() -> str:
    return to_js(province_outlines())


class MapSetup(MacroElement):
    """Static parts of the map: marker CSS, icon path, outlines, legend, attribution, view."""

    _template = _MAP_SETUP_TEMPLATE

    def __init__(
        self,
        bounds: tuple[tuple[float, float], tuple[float, float]],
        outlines: bool = True,
    ) -> None:
        super().__init__()
        self._name = "MapSetup"
        self.colors = SIDE_COLORS
        self.image_path_js = to_js(assets.LEAFLET_IMAGES)
        self.attribution_js = to_js(OUTLINES_ATTRIBUTION)
        self.outlines_js = (
            _outlines_js() if outlines else '{"type":"FeatureCollection","features":[]}'
        )
        self.bounds_js = to_js([list(bounds[0]), list(bounds[1])])
        legend = [[SIDE_LABELS[s], c, ""] for s, c in SIDE_COLORS.items()] + [
            ["only undated claims", "", "ca-dash"],
            ["area-level place (radius)", "", "ca-area"],
            ["nearby places grouped: click", "", "ca-clus"],
        ]
        self.legend_js = to_js(legend)


_PLACE_LAYER_TEMPLATE = Template(
    """
{% macro script(this, kwargs) %}
(function () {
  var group = {{ this._parent.get_name() }};
  var sides = {{ this.side_order_js }};
  var colors = {{ this.colors_js }};
  var places = {{ this.places_js }};
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function sideIndex(side) {
    var i = sides.indexOf(side);
    return i < 0 ? sides.indexOf("unknown") : i;
  }
  function sizeFor(n) {
    return Math.floor(Math.min(40, 18 + 5 * Math.log2(Math.max(n, 1))));
  }
  function sidesText(p) {
    return p.sides.map(function (s) { return s[0] + " " + s[1]; }).join(", ");
  }
  function popup(p) {
    var box = el("div", "ca-popup");
    box.setAttribute("data-place", p.key);
    box.appendChild(el("h4", null, p.name));
    box.appendChild(el("div", "ca-meta",
      p.n + (p.n === 1 ? " claim" : " claims") + " (" + sidesText(p) + "), " +
      p.precision + "-level place"));
    p.claims.forEach(function (c) {
      var row = el("div", "ca-claim" + (c.undated ? " ca-claim-undated" : ""));
      var who = el("div", null);
      who.appendChild(el("b", null, c.claimant));
      who.appendChild(document.createTextNode(" (" + c.side + ") · " + c.kind +
        (c.figure ? " · " + c.figure : "")));
      row.appendChild(who);
      row.appendChild(el("div", "ca-meta", c.date + " · " + c.outlet));
      row.appendChild(el("q", "ca-quote", c.quote));
      box.appendChild(row);
    });
    if (p.more > 0) {
      box.appendChild(el("div", "ca-more",
        "+ " + p.more + " more: see the detail panel below the map."));
    }
    return box;
  }
  function tooltip(p) {
    var box = el("div", "ca-tip");
    box.appendChild(el("b", null, p.name));
    box.appendChild(el("div", null, p.n + (p.n === 1 ? " claim: " : " claims: ") + sidesText(p)));
    if (p.claims.length) {
      var c = p.claims[0];
      box.appendChild(el("div", null, c.claimant + " (" + c.side + "), " + c.kind +
        (c.figure ? ", " + c.figure : "") + ", " + c.date + ", " + c.outlet));
      var quote = c.quote.length > 140 ? c.quote.slice(0, 139) + "…" : c.quote;
      box.appendChild(el("q", "ca-quote", quote));
    }
    return box;
  }
  var cluster = L.markerClusterGroup({
    maxClusterRadius: 36, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
    zoomToBoundsOnClick: true,
    iconCreateFunction: function (c) {
      var n = 0, side = null, keys = [];
      c.getAllChildMarkers().forEach(function (m) {
        var p = m.options.caPlace;
        n += p.n;
        keys.push(p.key);
        side = side === null ? p.side : (side === p.side ? side : "mixed");
      });
      var label = el("span", null, n);
      label.setAttribute("data-places", keys.join(" "));
      label.setAttribute("data-count", String(n));
      label.setAttribute("aria-label", keys.length + " places, " + n + " claims: click to zoom");
      var size = sizeFor(n) + 6;
      return L.divIcon({className: "ca-cluster ca-side-" + sideIndex(side), html: label,
                        iconSize: [size, size]});
    }
  });
  group.addLayer(cluster);
  places.forEach(function (p) {
    var color = colors[p.side] || colors.unknown;
    if (p.radius_m) {
      L.circle([p.lat, p.lon], {radius: p.radius_m, color: color, weight: 1, opacity: 0.6,
        dashArray: "4 3", fillColor: color, fillOpacity: 0.08, interactive: false,
        className: "ca-area"}).addTo(group);
    }
    var label = el("span", null, p.n > 1 ? p.n : "");
    var icon = L.divIcon({
      className: "ca-marker ca-side-" + sideIndex(p.side) + (p.undated ? " ca-undated" : ""),
      html: label, iconSize: [p.size, p.size]
    });
    var marker = L.marker([p.lat, p.lon], {icon: icon, riseOnHover: true, caPlace: p,
      zIndexOffset: p.radius_m ? -Math.round(Math.log(p.radius_m) * 20) : 400});
    marker.feature = {type: "Feature", properties: {key: p.key, name: p.name}};
    marker.on("add", function () {
      var node = marker.getElement();
      if (node) {
        node.setAttribute("data-place", p.key);
        node.setAttribute("data-side", p.side);
        node.setAttribute("data-count", String(p.n));
        node.setAttribute("aria-label", p.name + ": " + p.n + (p.n === 1 ? " claim" : " claims"));
      }
    });
    marker.bindTooltip(tooltip(p), {direction: "auto", className: "ca-tooltip"});
    marker.bindPopup(popup(p), {maxWidth: 360});
    cluster.addLayer(marker);
  });
})();
{% endmacro %}
"""
)


class PlaceLayer(MacroElement):
    """Markers (and area circles) drawn in the browser from :func:`place_payload` data."""

    _template = _PLACE_LAYER_TEMPLATE

    def __init__(self, places: list[dict[str, Any]]) -> None:
        super().__init__()
        self._name = "PlaceLayer"
        self.places_js = to_js(places)
        self.side_order_js = to_js(list(SIDE_COLORS))
        self.colors_js = to_js(SIDE_COLORS)


def tiles_from_env(environ: Mapping[str, str] | None = None) -> str | None:
    """Tile source from ``CLAIM_ATLAS_TILES``: unset/``osm`` → OpenStreetMap, ``none`` → no
    tiles (offline; outlines only), anything else is used as a tile URL template."""
    value = (os.environ if environ is None else environ).get(TILES_ENV, "osm").strip()
    if value.lower() in {"", "none", "off", "0", "false"}:
        return None
    if value.lower() in {"osm", "openstreetmap"}:
        return "OpenStreetMap"
    return value


def build_base_map(
    claims: Iterable[Claim] = (),
    tiles: str | None = None,
    outlines: bool = True,
    bounds: tuple[tuple[float, float], tuple[float, float]] | None = None,
) -> OfflineMap:
    """The map without markers, fitted to ``claims`` (or to ``bounds`` when given, as
    :func:`claim_bounds` returns them); ``tiles=None`` draws no tiles."""
    bounds = bounds or claim_bounds(claims)
    center = ((bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2)
    kwargs: dict[str, Any] = {"max_zoom": MAX_ZOOM}
    if tiles is not None and tiles != "OpenStreetMap":
        kwargs["attr"] = "Map tiles: see CLAIM_ATLAS_TILES"
    fmap = OfflineMap(
        location=center, zoom_start=7, tiles=tiles, control_scale=True, maxZoom=MAX_ZOOM, **kwargs
    )
    MapSetup(bounds, outlines).add_to(fmap)
    return fmap


def build_place_layer(groups: Iterable[PlaceGroup], max_claims: int = 5) -> folium.FeatureGroup:
    """The markers for ``groups`` as a FeatureGroup (for ``feature_group_to_add``)."""
    layer = folium.FeatureGroup(name="Claims", control=False)
    PlaceLayer(place_payload(groups, max_claims=max_claims)).add_to(layer)
    return layer


def build_map(
    claims: Iterable[Claim],
    shown: Iterable[Claim] | None = None,
    tiles: str | None = None,
) -> OfflineMap:
    """A complete stand-alone map: base fitted to ``claims``, markers for ``shown`` (all)."""
    claims = list(claims)
    fmap = build_base_map(claims, tiles=tiles)
    build_place_layer(group_places(claims if shown is None else shown)).add_to(fmap)
    return fmap


def clicked_place_key(map_state: Mapping[str, Any] | None) -> str | None:
    """The place key of the last clicked marker in an ``st_folium`` return value, if any."""
    if not map_state:
        return None
    drawing = map_state.get("last_active_drawing")
    if not isinstance(drawing, Mapping):
        return None
    properties = drawing.get("properties")
    if not isinstance(properties, Mapping):
        return None
    key = properties.get("key")
    return key if isinstance(key, str) and key else None
