"""Optional online geocoding through geopy's Nominatim, bounded in time and size.

Off unless configured (see :mod:`geo.config`). Every call goes through geopy's
``RateLimiter`` (``min_delay_seconds`` from the config, 1 s by default, as Nominatim's usage
policy asks) with no retries: a failure is reported at once as a reason string, never raised,
never waited out. A 429 with ``Retry-After`` blocks further requests until that time passes.
Responses are read with a whole-request deadline and a size cap, so a slow drip or a huge
body cannot hang the caller.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from geopy.adapters import URLLibAdapter
from geopy.exc import (
    GeocoderParseError,
    GeocoderRateLimited,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
    GeopyError,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from geo.config import Config
from geo.model import BBox, Place

MAX_BLOCK_SECONDS = 3600.0
KINDS = {
    "city": "city",
    "town": "town",
    "village": "village",
    "hamlet": "village",
    "suburb": "locality",
    "neighbourhood": "locality",
    "locality": "locality",
    "state": "province",
    "province": "province",
    "county": "district",
    "district": "district",
    "mountain_pass": "pass",
    "valley": "valley",
    "river": "river",
    "country": "country",
    "mountain_range": "range",
}


class BoundedURLLibAdapter(URLLibAdapter):
    """geopy's urllib adapter with a whole-response deadline and a body-size cap."""

    def __init__(self, *, proxies: Any, ssl_context: Any, max_bytes: int, deadline_s: float):
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.max_bytes = max_bytes
        self.deadline_s = deadline_s
        self._deadline = math.inf

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        self._deadline = time.monotonic() + self.deadline_s
        try:
            return super().get_text(url, timeout=timeout, headers=headers)
        except GeocoderServiceError as exc:
            # geopy reports "connection refused" and DNS failures as a generic service error
            reason = getattr(exc.__context__, "reason", None)
            if type(exc) is GeocoderServiceError and isinstance(reason, OSError):
                raise GeocoderUnavailable(f"Service not available: {reason}") from exc
            raise

    def _decode_page(self, page: Any) -> str:
        encoding = page.headers.get_content_charset() or "utf-8"
        read = getattr(page, "read1", None) or page.read
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                chunk = read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > self.max_bytes:
                    raise GeocoderParseError(f"response larger than {self.max_bytes} bytes")
                chunks.append(chunk)
                if time.monotonic() > self._deadline:
                    raise GeocoderTimedOut(f"response not complete within {self.deadline_s} s")
        except GeopyError:
            raise
        except TimeoutError as exc:
            raise GeocoderTimedOut("Service timed out while sending the response") from exc
        except OSError as exc:
            raise GeocoderServiceError(f"Unable to read the response: {exc}") from exc
        try:
            return b"".join(chunks).decode(encoding)
        except (LookupError, ValueError) as exc:
            raise GeocoderParseError("Unable to decode the response bytes") from exc


class OnlineGeocoder:
    """Nominatim behind a RateLimiter; :meth:`geocode` returns a Place or a reason string."""

    def __init__(self, config: Config) -> None:
        self.config = config
        cfg = config

        def factory(*, proxies: Any, ssl_context: Any) -> BoundedURLLibAdapter:
            return BoundedURLLibAdapter(
                proxies=proxies,
                ssl_context=ssl_context,
                max_bytes=cfg.max_response_bytes,
                deadline_s=cfg.timeout,
            )

        self._nominatim = Nominatim(
            user_agent=cfg.user_agent,
            domain=cfg.domain,
            scheme=cfg.scheme,
            timeout=cfg.timeout,
            adapter_factory=factory,
            proxies={},
        )
        self.rate_limiter = RateLimiter(
            self._nominatim.geocode,
            min_delay_seconds=cfg.min_delay_seconds,
            max_retries=0,
            swallow_exceptions=False,
        )
        self.blocked_until = 0.0
        self.clock: Callable[[], float] = time.monotonic

    def geocode(self, query: str, *, within: BBox, context: BBox | None = None) -> Place | str:
        """Look ``query`` up; a Place inside ``within`` (and ``context``), or why not."""
        now = self.clock()
        if now < self.blocked_until:
            return (
                f"geocoder rate-limited; retry after {self.blocked_until - now:.0f} s "
                "(no request sent)"
            )
        kwargs: dict[str, Any] = {"exactly_one": True, "country_codes": "af", "language": "en"}
        if context is not None:
            kwargs["viewbox"] = [(context.south, context.west), (context.north, context.east)]
        loc = self._request(query, kwargs)
        if isinstance(loc, str):
            return loc
        if loc is None:
            return "no online result"
        try:
            lat, lon = float(loc.latitude), float(loc.longitude)
            raw = loc.raw if isinstance(loc.raw, dict) else {}
        except (TypeError, ValueError, AttributeError):
            return "geocoder sent an unexpected response"
        if not (math.isfinite(lat) and math.isfinite(lon)) or not within.contains(lat, lon):
            return f"online result outside Afghanistan ({lat:.4f}, {lon:.4f}) rejected"
        if context is not None and not context.contains(lat, lon):
            return f"online result outside the context box ({lat:.4f}, {lon:.4f}) rejected"
        return self._place(query, lat, lon, raw)

    def _request(self, query: str, kwargs: dict[str, Any]) -> Any:
        """The geocoder's answer for ``query`` (a location or None), or why there is none."""
        try:
            return self.rate_limiter(query, **kwargs)
        except GeocoderRateLimited as exc:
            wait = min(float(exc.retry_after or 60), MAX_BLOCK_SECONDS)
            self.blocked_until = self.clock() + wait
            return f"geocoder rate-limited (HTTP 429); retry after {wait:.0f} s"
        except GeocoderTimedOut as exc:
            return f"geocoder timed out: {exc}"
        except GeocoderUnavailable as exc:
            return f"geocoder unavailable: {exc}"
        except GeocoderParseError as exc:
            return f"geocoder sent an unreadable response: {str(exc)[:200]}"
        except GeopyError as exc:
            return f"geocoder error: {str(exc)[:200]}"
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            return f"geocoder sent an unexpected response: {type(exc).__name__}"

    def _place(self, query: str, lat: float, lon: float, raw: dict[str, Any]) -> Place:
        osm = f"{raw.get('osm_type', '')}/{raw.get('osm_id', '')}".strip("/")
        kind = KINDS.get(str(raw.get("addresstype") or raw.get("type") or ""), "locality")
        radius = 2.0
        try:
            s, n, w, e = (float(x) for x in raw["boundingbox"])
            diag = math.hypot((n - s) * 111.2, (e - w) * 111.2 * math.cos(math.radians(lat)))
            radius = min(max(diag / 2, 0.5), 500.0)
        except (KeyError, TypeError, ValueError):
            pass
        name = str(raw.get("name") or str(raw.get("display_name", query)).split(",")[0] or query)
        return Place(
            id=f"osm:{osm}" if osm else f"nominatim:{lat:.5f},{lon:.5f}",
            name=name,
            kind=kind,
            lat=lat,
            lon=lon,
            radius_km=round(radius, 2),
            province=None,
            approximate=False,
            aliases=(),
            source=f"© OpenStreetMap contributors (ODbL), via Nominatim ({self.config.domain})",
        )
