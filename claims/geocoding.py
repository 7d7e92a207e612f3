"""A second chance for places the offline gazetteer could not resolve.

Extraction itself is offline. When online geocoding is configured (``geo.Config``, off by
default), :func:`locate_unresolved` asks the resolver chain — persistent cache, then the
online geocoder, rate-limited — once per distinct mention and context, and fills in the
claims it answers. A claim it cannot answer keeps ``unresolved_place`` and its mention; it is
never dropped and never given made-up coordinates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from claims.model import Claim
from geo import GeoError
from geo.config import Config
from geo.model import Place
from geo.resolver import Resolver


def online_resolver(
    online: bool | None = None, env: dict[str, str] | None = None
) -> Resolver | None:
    """The resolver chain to use for a second chance, or None when online geocoding is off.

    ``online`` None follows the environment (``CLAIM_ATLAS_GEOCODER``, off by default); True
    turns Nominatim on with the environment's other settings; False keeps everything offline.
    """
    if online is False:
        return None
    config = Config.from_env(env)
    if online and not config.online:
        config = config.with_online()
    return Resolver(config=config) if config.online else None


def article_province(claims: Sequence[Claim], resolver: Resolver) -> str | None:
    """The province most of these (one article's) located claims lie in, if any."""
    counts: Counter[str] = Counter()
    for c in claims:
        if c.place_id is None:
            continue
        try:
            province = resolver.gazetteer.get(c.place_id).province
        except (GeoError, KeyError):
            continue
        if province:
            counts[province] += 1
    return counts.most_common(1)[0][0] if counts else None


def locate_unresolved(claims: Sequence[Claim], resolver: Resolver) -> list[Claim]:
    """``claims`` with unresolved places resolved through ``resolver`` where it can.

    The context of each lookup is the province of the same article's other claims, so an
    online answer far from what the article is about is rejected by the resolver.
    """
    if not any(c.unresolved_place for c in claims):
        return list(claims)
    by_file: dict[str, list[Claim]] = {}
    for c in claims:
        by_file.setdefault(c.file, []).append(c)
    context = {f: article_province(cs, resolver) for f, cs in by_file.items()}
    answers: dict[tuple[str, str | None], Place | None] = {}
    out: list[Claim] = []
    for c in claims:
        if not c.unresolved_place:
            out.append(c)
            continue
        key = (c.unresolved_place, context[c.file])
        if key not in answers:
            answers[key] = resolver.resolve(c.unresolved_place, key[1]).place
        place = answers[key]
        out.append(c if place is None else _located(c, place))
    return out


def _located(claim: Claim, place: Place) -> Claim:
    return replace(
        claim,
        place=place.name,
        place_id=place.id,
        lat=place.lat,
        lon=place.lon,
        radius_km=place.radius_km,
        place_precision=place.precision,
        unresolved_place=None,
    )
