"""Settings of the resolver chain: a frozen dataclass, or the environment.

Environment variables (all optional; online geocoding is OFF unless CLAIM_ATLAS_GEOCODER is set):

- ``CLAIM_ATLAS_GEOCODER``: ``nominatim`` to enable online geocoding (``off``/empty: disabled)
- ``CLAIM_ATLAS_GEOCODER_DOMAIN`` (default ``nominatim.openstreetmap.org``)
- ``CLAIM_ATLAS_GEOCODER_SCHEME`` (``https`` or ``http``; default ``https``)
- ``CLAIM_ATLAS_GEOCODER_TIMEOUT`` seconds per request, whole body included (default 5)
- ``CLAIM_ATLAS_USER_AGENT`` (default names this project)
- ``CLAIM_ATLAS_GEO_CACHE``: path of the JSON cache (default: the user cache directory)
- ``CLAIM_ATLAS_WORLD_INDEX``: path of the compact world gazetteer index (default: a file named
  after the inputs' fingerprint in the user cache directory); rebuilt there when stale
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from geo.exc import ConfigurationError

GEOCODERS = ("nominatim",)
DEFAULT_USER_AGENT = "claim-atlas/0.1.0 (offline-first conflict-claims map; geopy)"


def cache_dir() -> Path:
    """The user cache folder of Claim Atlas (``$XDG_CACHE_HOME/claim-atlas``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claim-atlas"


def default_cache_path() -> Path:
    return cache_dir() / "geocode-cache.json"


def world_index_path(fingerprint: str) -> Path:
    """Where the world index of these inputs lives (``CLAIM_ATLAS_WORLD_INDEX`` overrides)."""
    override = os.environ.get("CLAIM_ATLAS_WORLD_INDEX", "").strip()
    return Path(override) if override else cache_dir() / f"world-index-{fingerprint}.npz"


@dataclass(frozen=True)
class Config:
    geocoder: str | None = None  # None: offline only
    domain: str = "nominatim.openstreetmap.org"
    scheme: str = "https"
    timeout: float = 5.0
    user_agent: str = DEFAULT_USER_AGENT
    min_delay_seconds: float = 1.0
    max_response_bytes: int = 2_000_000
    cache_path: Path | None = None  # None: default_cache_path()

    def __post_init__(self) -> None:
        if self.geocoder is not None and self.geocoder not in GEOCODERS:
            raise ConfigurationError(
                f"Expected geocoder to be one of {GEOCODERS} or None, instead got: "
                f"{self.geocoder!r}."
            )
        if self.scheme not in ("http", "https"):
            raise ConfigurationError(
                f"Expected scheme 'http' or 'https', instead got: {self.scheme!r}."
            )
        if not (self.timeout > 0) or not (self.min_delay_seconds >= 0):
            raise ConfigurationError(
                f"Expected timeout > 0 and min_delay_seconds >= 0, instead got: "
                f"{self.timeout!r}, {self.min_delay_seconds!r}."
            )
        if not self.user_agent.strip():
            raise ConfigurationError("Expected a non-empty user agent.")

    @property
    def online(self) -> bool:
        return self.geocoder is not None

    def cache_file(self) -> Path:
        return self.cache_path or default_cache_path()

    def with_online(self, geocoder: str = "nominatim") -> Config:
        return replace(self, geocoder=geocoder)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Config:
        e = os.environ if env is None else env
        geocoder = (e.get("CLAIM_ATLAS_GEOCODER") or "").strip().lower() or None
        if geocoder in ("off", "none", "0", "false"):
            geocoder = None
        timeout = e.get("CLAIM_ATLAS_GEOCODER_TIMEOUT", "5")
        try:
            t = float(timeout)
        except ValueError:
            raise ConfigurationError(
                f"Expected CLAIM_ATLAS_GEOCODER_TIMEOUT in seconds, instead got: {timeout!r}."
            ) from None
        cache = e.get("CLAIM_ATLAS_GEO_CACHE")
        return cls(
            geocoder=geocoder,
            domain=e.get("CLAIM_ATLAS_GEOCODER_DOMAIN") or cls.domain,
            scheme=(e.get("CLAIM_ATLAS_GEOCODER_SCHEME") or cls.scheme).lower(),
            timeout=t,
            user_agent=e.get("CLAIM_ATLAS_USER_AGENT") or DEFAULT_USER_AGENT,
            cache_path=Path(cache) if cache else None,
        )
