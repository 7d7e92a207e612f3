"""The resolver chain: gazetteer → persistent cache → optional online geocoder.

The gazetteer answers first (offline, always). When it has no entry (not when it found the
name ambiguous) and online geocoding is configured, the cache of earlier online answers is
consulted, then the geocoder; definitive answers (a place, "no online result", a rejected
out-of-area result) are cached, transient failures are not.
"""

from __future__ import annotations

import warnings
from dataclasses import replace

from geo.cache import GeocodeCache
from geo.config import Config
from geo.exc import CacheError
from geo.gazetteer import AMBIGUOUS, Context, Gazetteer, load_gazetteer
from geo.model import Place, Resolution
from geo.normalize import normalize
from geo.online import OnlineGeocoder

_DEFINITIVE = ("no online result", "online result outside")


class Resolver:
    """Resolve names through the chain; ``config`` defaults to :meth:`Config.from_env`."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        config: Config | None = None,
        *,
        geocoder: OnlineGeocoder | None = None,
        cache: GeocodeCache | None = None,
    ) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.config = config or Config.from_env()
        self.geocoder = geocoder or (OnlineGeocoder(self.config) if self.config.online else None)
        self._cache = cache

    @property
    def cache(self) -> GeocodeCache:
        if self._cache is None:
            self._cache = GeocodeCache(self.config.cache_file())
        return self._cache

    def resolve(self, name: str, context: Context = None, *, kind: str | None = None) -> Resolution:
        gaz = self.gazetteer
        res = gaz.resolve(name, context, kind=kind)
        if res.resolved or res.reason == AMBIGUOUS or self.geocoder is None:
            return res
        box, prov = gaz.context_box(context)
        key = "|".join((normalize(name), prov or (repr(box) if box else ""), kind or ""))
        cached = self.cache.get(key)
        if isinstance(cached, Place):
            return Resolution(name, place=cached, score=res.score, method="cache")
        if isinstance(cached, str):
            return replace(res, reason=f"{res.reason}; online (cached): {cached}")
        got = self.geocoder.geocode(name, within=gaz.country_bbox, context=box)
        if isinstance(got, Place):
            got = replace(got, province=prov or self._province_of(got))
            self._store(key, got)
            return Resolution(name, place=got, score=res.score, method="online")
        if got.startswith(_DEFINITIVE):
            self._store(key, got)
        return replace(res, reason=f"{res.reason}; online: {got}")

    def _province_of(self, p: Place) -> str | None:
        inside = [v for v in self.gazetteer.provinces if v.bbox.contains(p.lat, p.lon)]
        if not inside:
            return None
        best = min(inside, key=lambda v: (v.lat - p.lat) ** 2 + (v.lon - p.lon) ** 2)
        return best.name

    def _store(self, key: str, value: Place | str) -> None:
        try:
            self.cache.put(key, value)
        except CacheError as exc:
            warnings.warn(str(exc), stacklevel=3)
