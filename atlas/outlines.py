"""Province outlines drawn under the markers, readable with no map tiles.

The shipped file is TopoJSON (geoBoundaries gbOpen AFG ADM1, public domain). Leaflet draws
GeoJSON, so the arcs are decoded here once (no topojson-client script from a CDN).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

OUTLINES_PATH = Path(str(files("geo") / "data" / "afg_provinces_simplified.topojson"))
"""Shipped with the ``geo`` package (geoBoundaries gbOpen AFG ADM1, public domain)."""


def _decode_arcs(topology: dict[str, Any], digits: int) -> list[list[list[float]]]:
    transform = topology.get("transform")
    arcs: list[list[list[float]]] = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                points.append([round(x * sx + tx, digits), round(y * sy + ty, digits)])
        else:
            points = [[round(p[0], digits), round(p[1], digits)] for p in arc]
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[list[float]]]) -> list[list[float]]:
    ring: list[list[float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def topojson_to_geojson(topology: dict[str, Any], digits: int = 4) -> dict[str, Any]:
    """Every object of a TopoJSON topology as one GeoJSON FeatureCollection.

    Handles Polygon, MultiPolygon, LineString, MultiLineString and GeometryCollection
    members; coordinates are rounded to ``digits`` decimals (4 ≈ 10 m, plenty for outlines).
    """
    arcs = _decode_arcs(topology, digits)
    features: list[dict[str, Any]] = []

    def geometry(obj: dict[str, Any]) -> dict[str, Any] | None:
        kind = obj.get("type")
        if kind == "Polygon":
            return {"type": kind, "coordinates": [_ring(r, arcs) for r in obj["arcs"]]}
        if kind == "MultiPolygon":
            return {
                "type": kind,
                "coordinates": [[_ring(r, arcs) for r in poly] for poly in obj["arcs"]],
            }
        if kind == "LineString":
            return {"type": kind, "coordinates": _ring(obj["arcs"], arcs)}
        if kind == "MultiLineString":
            return {"type": kind, "coordinates": [_ring(line, arcs) for line in obj["arcs"]]}
        return None

    def visit(obj: dict[str, Any]) -> None:
        if obj.get("type") == "GeometryCollection":
            for member in obj.get("geometries", []):
                visit(member)
            return
        geom = geometry(obj)
        if geom is not None:
            features.append(
                {"type": "Feature", "properties": obj.get("properties", {}), "geometry": geom}
            )

    for obj in topology.get("objects", {}).values():
        visit(obj)
    return {"type": "FeatureCollection", "features": features}


@lru_cache(maxsize=1)
def province_outlines() -> dict[str, Any]:
    """The shipped province outlines as GeoJSON, properties reduced to ``name``."""
    topology = json.loads(OUTLINES_PATH.read_text(encoding="utf-8"))
    collection = topojson_to_geojson(topology, digits=3)
    for feature in collection["features"]:
        feature["properties"] = {"name": feature["properties"].get("shapeName")}
    return collection
