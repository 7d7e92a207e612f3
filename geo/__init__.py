"""Where things are: offline gazetteers (a curated Afghan layer, a world layer), name
matching, country outlines and optional geocoding.

Public API::

    from geo import load_gazetteer, Gazetteer, ScopedGazetteer, Place, Resolution, Mention
    from geo import country_outlines, GeoError

``load_gazetteer()`` is the default scope (Afghanistan, curated layer);
``load_gazetteer(countries=("UA", "RU"))`` a scope of other countries (see :mod:`geo.scope`).
"""

from typing import TYPE_CHECKING, Any

from geo.exc import GeoError
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.model import BBox, Mention, Place, Province, Resolution

if TYPE_CHECKING:
    from geo.outlines import country_outlines
    from geo.scope import ScopedGazetteer


def __getattr__(name: str) -> Any:
    """The world layer's names load on first use: ``import geo`` stays as light as before."""
    if name == "ScopedGazetteer":
        from geo.scope import ScopedGazetteer

        return ScopedGazetteer
    if name == "country_outlines":
        from geo.outlines import country_outlines

        return country_outlines
    raise AttributeError(f"module 'geo' has no attribute {name!r}")


__all__ = [
    "BBox",
    "Gazetteer",
    "GeoError",
    "Mention",
    "Place",
    "Province",
    "Resolution",
    "ScopedGazetteer",
    "country_outlines",
    "load_gazetteer",
]
