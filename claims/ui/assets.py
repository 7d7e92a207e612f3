"""Offline map assets: Leaflet, Leaflet.markercluster and jQuery, copied from installed
packages into ``static/vendor``.

folium points its maps at CDNs; with no network the map stays blank. The files ship in PyPI
packages (``xstatic-leaflet``, ``xstatic-leaflet-markercluster``, ``xstatic-jquery``), so the
dashboard copies them at start-up into the folder Streamlit serves (``<app dir>/static/``
appears at ``/app/static/``). Copies, not symlinks: Streamlit refuses symlinks that leave
``static/``.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import xstatic.pkg.jquery as xs_jquery
import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_markercluster

STATIC_URL = "/app/static/vendor"


@dataclass(frozen=True)
class VendorFile:
    """One file to copy: from an installed package's data folder to ``static/vendor/<dest>``."""

    source: Path
    dest: str


def _vendor_files() -> tuple[VendorFile, ...]:
    leaflet = Path(xs_leaflet.BASE_DIR)
    jquery = Path(xs_jquery.BASE_DIR)
    cluster = Path(xs_markercluster.BASE_DIR)
    files = [
        VendorFile(leaflet / "leaflet.js", "leaflet/leaflet.js"),
        VendorFile(leaflet / "leaflet.css", "leaflet/leaflet.css"),
        VendorFile(jquery / "jquery.min.js", "jquery/jquery.min.js"),
        VendorFile(cluster / "leaflet.markercluster.js", "markercluster/leaflet.markercluster.js"),
        VendorFile(cluster / "MarkerCluster.css", "markercluster/MarkerCluster.css"),
    ]
    files += [
        VendorFile(image, f"leaflet/images/{image.name}")
        for image in sorted((leaflet / "images").glob("*.png"))
    ]
    return tuple(files)


LEAFLET_VERSION = xs_leaflet.VERSION
JQUERY_VERSION = xs_jquery.VERSION

LEAFLET_JS = f"{STATIC_URL}/leaflet/leaflet.js"
LEAFLET_CSS = f"{STATIC_URL}/leaflet/leaflet.css"
LEAFLET_IMAGES = f"{STATIC_URL}/leaflet/images/"
JQUERY_JS = f"{STATIC_URL}/jquery/jquery.min.js"
MARKERCLUSTER_JS = f"{STATIC_URL}/markercluster/leaflet.markercluster.js"
MARKERCLUSTER_CSS = f"{STATIC_URL}/markercluster/MarkerCluster.css"


def ensure_vendor_assets(static_dir: str | Path) -> list[Path]:
    """Copy the map's JS/CSS into ``static_dir/vendor``; return the files written.

    Idempotent: a file already identical is left alone. Each file is written to its own
    temporary name and renamed into place, so a browser never reads a half-written script,
    concurrent start-ups don't share a temporary file, and a failure leaves the previous file
    and no temporary file behind.
    """
    vendor = Path(static_dir) / "vendor"
    written: list[Path] = []
    for item in _vendor_files():
        target = vendor / item.dest
        if target.is_file() and filecmp.cmp(item.source, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(fd)
        try:
            shutil.copyfile(item.source, tmp_name)
            os.replace(tmp_name, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
            raise
        written.append(target)
    return written
