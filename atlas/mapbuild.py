"""The claims map as folium elements: a base map and a layer of markers, drawn in the browser.

Why not one ``folium.Marker`` + ``Popup`` per claim: folium compiles every popup and tooltip
string as a Jinja template (slow at scale, and ``{{ … }}`` in an article would run on the
server). Here the drawing is ``static/atlas/map.js`` (loaded like Leaflet, from
``/app/static/``); Python only hands it JSON written by :func:`atlas.jsdata.to_js` (no
``{ } < > & '`` left inside strings: branca compiles rendered scripts once more), through a
one-line call per element:

- :func:`build_base_map` — tiles (or none), province outlines, place names, legend, tiles
  notice, the view fitted to the claims (``ClaimAtlas.setup``). It changes only when the set of
  claims does.
- :func:`build_place_layer` — a ``FeatureGroup`` for the filtered claims and the selected place
  (``ClaimAtlas.places``); given to ``st_folium(feature_group_to_add=…)`` so filtering swaps
  markers without reloading the map.

A click on a marker, or Enter on a focused one, comes back as ``last_active_drawing`` (a GeoJSON
point whose ``properties`` hold the place ``key`` and a click counter ``seq``);
:func:`clicked_place` reads it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from atlas import assets
from atlas.jsdata import to_js
from atlas.labels import map_labels, tiers_payload
from atlas.mapdata import layer_data, setup_data
from atlas.outlines import province_outlines
from atlas.palette import Palette, default_palette
from atlas.places import Bounds, PlaceSummary, claim_bounds, group_places
from atlas.settings import Tiles
from claims.model import Claim

MAX_ZOOM = 18


class OfflineMap(folium.Map):
    """A folium Map whose Leaflet, markercluster and our map script come from ``/app/static``
    as one script and one style sheet (:data:`atlas.assets.MAP_SCRIPT`; no CDN, no
    Bootstrap, no jQuery)."""

    default_js: ClassVar[list[tuple[str, str]]] = [  # type: ignore[misc]  # folium's own lists
        ("claim_atlas", assets.MAP_SCRIPT),
    ]
    default_css: ClassVar[list[tuple[str, str]]] = [  # type: ignore[misc]
        ("claim_atlas_css", assets.MAP_STYLES),
    ]


class _Script(Element):
    """A script already rendered, kept as text: branca would compile it as a Jinja template
    (the map's data, ~300 KB at 100,000 claims, lexed on every run), and data must never
    become template source."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class _Call(MacroElement):
    """``ClaimAtlas.<function>(<parent>, <json>)``: the only script Python writes."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "ClaimAtlas.{{ this.function }}({{ this._parent.get_name() }}, {{ this.data_js }});"
        "{% endmacro %}"
    )

    def __init__(self, function: str, data: Any) -> None:
        super().__init__()
        self._name = f"ClaimAtlas_{function}"
        self.function = function
        self.data_js = to_js(data)

    def render(self, **kwargs: Any) -> None:
        """As ``MacroElement.render`` for a script-only element, the script added as text."""
        script = self._template.module.__dict__["script"]
        self.get_root().script.add_child(_Script(script(self, kwargs)), name=self.get_name())


@lru_cache(maxsize=1)
def _static_layers() -> tuple[dict[str, Any], list[list[Any]]]:
    return province_outlines(), [label.to_row() for label in map_labels()]


@lru_cache(maxsize=8)
def _countries(codes: tuple[str, ...]) -> dict[str, Any] | None:
    """The outlines of ``codes`` (None for none); a code with no outline is left out."""
    from geo.exc import UnknownCountry
    from geo.outlines import country_outlines, outline_codes

    if not codes:
        return None
    try:
        return country_outlines(codes)
    except UnknownCountry:  # a profile may name a country Natural Earth draws with another's
        known = set(outline_codes())
        kept = [c for c in codes if c.upper() in known]
        return country_outlines(kept) if kept else None


def build_base_map(
    claims: Iterable[Claim] = (),
    tiles: Tiles | None = None,
    outlines: bool = True,
    bounds: Bounds | None = None,
    palette: Palette | None = None,
    labels: bool = True,
    countries: Sequence[str] = (),
) -> OfflineMap:
    """The map without markers, fitted to ``claims`` (or to ``bounds`` when given, as
    :func:`atlas.places.claim_bounds` returns them); ``tiles=None`` draws no tiles;
    ``countries``: ISO codes whose outlines are drawn under the province outlines (the
    profile's countries)."""
    bounds = bounds or claim_bounds(claims)
    center = ((bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2)
    kwargs: dict[str, Any] = {"max_zoom": MAX_ZOOM}
    if tiles is not None:
        kwargs["attr"] = tiles.attribution
    fmap = OfflineMap(
        location=center,
        zoom_start=7,
        tiles=tiles.url if tiles is not None else None,
        control_scale=True,
        maxZoom=MAX_ZOOM,
        **kwargs,
    )
    shapes, names = _static_layers()
    data = setup_data(
        bounds,
        palette or default_palette(),
        shapes if outlines else {"type": "FeatureCollection", "features": []},
        names if labels else [],
        tiers_payload(),
        assets.LEAFLET_IMAGES,
        _countries(tuple(countries)) if outlines else None,
    )
    _Call("setup", data).add_to(fmap)
    return fmap


def build_place_layer(
    groups: Iterable[PlaceSummary],
    palette: Palette | None = None,
    selected: str | None = None,
    disputed: Collection[str] = (),
    reviewed: Mapping[str, str] | None = None,
) -> folium.FeatureGroup:
    """The markers for ``groups`` as a FeatureGroup (for ``feature_group_to_add``);
    ``reviewed``: place key → ``all``/``some`` of its claims reviewed (a check-mark badge)."""
    layer = folium.FeatureGroup(name="Claims", control=False)
    data = layer_data(groups, palette or default_palette(), selected, disputed, reviewed)
    _Call("places", data).add_to(layer)
    return layer


def build_map(
    claims: Iterable[Claim],
    shown: Iterable[Claim] | None = None,
    tiles: Tiles | None = None,
) -> OfflineMap:
    """A complete stand-alone map: base fitted to ``claims``, markers for ``shown`` (all)."""
    claims = list(claims)
    fmap = build_base_map(claims, tiles=tiles)
    build_place_layer(group_places(claims if shown is None else shown)).add_to(fmap)
    return fmap


@dataclass(frozen=True)
class Click:
    """A marker the user clicked (or pressed Enter on): its place key and click counter."""

    key: str
    seq: int


def clicked_place(map_state: Mapping[str, Any] | None) -> Click | None:
    """The last clicked marker in an ``st_folium`` return value, if any."""
    if not isinstance(map_state, Mapping):
        return None
    drawing = map_state.get("last_active_drawing")
    if not isinstance(drawing, Mapping):
        return None
    properties = drawing.get("properties")
    if not isinstance(properties, Mapping):
        return None
    key = properties.get("key")
    seq = properties.get("seq")
    if not isinstance(key, str) or not key:
        return None
    return Click(key, seq if isinstance(seq, int) and not isinstance(seq, bool) else 0)
