"""Where things are: an offline Afghan gazetteer, name matching and optional geocoding.

Public API::

    from geo import load_gazetteer, Gazetteer, Place, Resolution, Mention, GeoError
"""

from geo.exc import GeoError
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.model import BBox, Mention, Place, Province, Resolution

__all__ = [
    "BBox",
    "Gazetteer",
    "GeoError",
    "Mention",
    "Place",
    "Province",
    "Resolution",
    "load_gazetteer",
]
