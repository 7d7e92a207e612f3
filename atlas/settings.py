"""The dashboard's settings, from the command line and ``CLAIM_ATLAS_*`` environment variables.

- ``CLAIM_ATLAS_CORPUS``: folder of articles the dashboard ingests into the store and opens
  (``--corpus DIR`` wins; default ``seeds/`` — unless a store is named, see :func:`data_source`);
- ``CLAIM_ATLAS_DB`` (read by :mod:`store.settings`): the claim store (``--db URL`` wins);
- ``CLAIM_ATLAS_TILES``: ``none`` (outlines only), ``osm`` (default) or a tile URL template;
- ``CLAIM_ATLAS_TILES_ATTRIBUTION``: the credit line shown for a custom tile URL;
- ``CLAIM_ATLAS_TIMING``: ``1`` prints each rerun's server-side time to stderr;
- ``CLAIM_ATLAS_REVIEWER``: the reviewer's name when Streamlit authentication is not
  configured (unset: the review panel is read-only), :func:`reviewer_name`.

The conflict profile: ``--profile NAME|FILE`` (:func:`profile_arg`) wins over
``CLAIM_ATLAS_PROFILE``, which :mod:`claims.profile` reads.
"""

from __future__ import annotations

import argparse
import html
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from store.settings import DB_ENV

CORPUS_ENV = "CLAIM_ATLAS_CORPUS"
TILES_ENV = "CLAIM_ATLAS_TILES"
TILES_ATTRIBUTION_ENV = "CLAIM_ATLAS_TILES_ATTRIBUTION"
TIMING_ENV = "CLAIM_ATLAS_TIMING"
REVIEWER_ENV = "CLAIM_ATLAS_REVIEWER"


OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
CUSTOM_ATTRIBUTION = "Map tiles: see CLAIM_ATLAS_TILES"
_OFF = frozenset({"", "none", "off", "0", "false", "no"})
_OSM = frozenset({"osm", "openstreetmap"})


@dataclass(frozen=True)
class Tiles:
    """A tile layer: its URL template and the credit line Leaflet shows for it."""

    url: str
    attribution: str


def _env(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if environ is None else environ


def corpus_dir(
    argv: Sequence[str] | None = None,
    environ: Mapping[str, str] | None = None,
    default: Path | None = None,
) -> Path:
    """``--corpus DIR`` (after ``--`` on the ``streamlit run`` line), else $CLAIM_ATLAS_CORPUS,
    else ``default`` (the bundled seeds), as an absolute path."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--corpus")
    args, _ = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    chosen = args.corpus or _env(environ).get(CORPUS_ENV) or str(default or "seeds")
    return Path(chosen).expanduser().resolve()


@dataclass(frozen=True)
class DataSource:
    """Where the dashboard's claims come from: the store ``db`` (None: ``CLAIM_ATLAS_DB``,
    else the default file) and, when ``corpus`` is set, a folder ingested into it first
    (incrementally) whose claims alone are shown — with the uploads saved from the page."""

    db: str | None
    corpus: Path | None


def data_source(
    argv: Sequence[str] | None = None,
    environ: Mapping[str, str] | None = None,
    default: Path | None = None,
) -> DataSource:
    """``--corpus DIR`` or ``$CLAIM_ATLAS_CORPUS``: that folder, ingested into the store of
    ``--db``/``$CLAIM_ATLAS_DB`` (else the default file). With neither but a store named by
    ``--db`` or ``$CLAIM_ATLAS_DB``: that store as it is, every claim in it. With nothing at
    all: the bundled seeds (``default``), ingested into the default store."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--corpus")
    parser.add_argument("--db")
    args, _ = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    env = _env(environ)
    folder = args.corpus or env.get(CORPUS_ENV)
    named_store = args.db or env.get(DB_ENV)
    if not folder and not named_store:
        folder = str(default or "seeds")
    corpus = Path(folder).expanduser().resolve() if folder else None
    return DataSource(args.db or None, corpus)


def profile_arg(argv: Sequence[str] | None = None) -> str | None:
    """``--profile NAME|FILE`` after ``--`` on the ``streamlit run`` line (None: not given,
    ``CLAIM_ATLAS_PROFILE`` or the default profile applies)."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--profile")
    args, _ = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    return args.profile.strip() if args.profile and args.profile.strip() else None


def tiles(environ: Mapping[str, str] | None = None) -> Tiles | None:
    """The tile layer from ``CLAIM_ATLAS_TILES``: unset/``osm`` → OpenStreetMap, ``none`` → no
    tiles (outlines only), anything else is used as a tile URL template."""
    env = _env(environ)
    value = env.get(TILES_ENV, "osm").strip()
    if value.lower() in _OFF:
        return None
    if value.lower() in _OSM:
        return Tiles(OSM_URL, OSM_ATTRIBUTION)
    credit = env.get(TILES_ATTRIBUTION_ENV, "").strip()
    return Tiles(value, html.escape(credit) if credit else CUSTOM_ATTRIBUTION)


def timing(environ: Mapping[str, str] | None = None) -> bool:
    """True when each rerun's time should be printed to stderr."""
    return _env(environ).get(TIMING_ENV, "").strip().lower() not in _OFF


def reviewer_name(environ: Mapping[str, str] | None = None) -> str | None:
    """``CLAIM_ATLAS_REVIEWER`` with its spacing normalised; None when unset or blank."""
    name = " ".join(_env(environ).get(REVIEWER_ENV, "").split())
    return name or None
