"""Offline map assets: Leaflet, Leaflet.markercluster and jQuery, copied from installed
packages into ``static/vendor``; and the dashboard's own map script and styles
(``static/atlas/``, committed).

folium points its maps at CDNs; with no network the map stays blank. The files ship in PyPI
packages (``xstatic-leaflet``, ``xstatic-leaflet-markercluster``, ``xstatic-jquery``), so the
dashboard copies them at start-up into the folder Streamlit serves (``<app dir>/static/``
appears at ``/app/static/``). Copies, not symlinks: Streamlit refuses symlinks that leave
``static/``.

``python -m atlas.assets [STATIC_DIR]`` does the copy ahead of ``streamlit run`` (as
``scripts/dashboard.sh`` does), so the running server never writes under the folder its file
watcher looks at; the dashboard still checks at start-up and copies only what is missing or
changed. Copying into a folder other than ``static/`` (the benchmark app) also copies
``static/atlas/``.

The map loads one script and one style sheet, written next to the copies: ``vendor/map.js``
(Leaflet, Leaflet.markercluster and ``static/atlas/map.js``, in that order) and
``vendor/map.css``. streamlit-folium loads a map's scripts one after another, each waiting for
the one before; one file is one round trip instead of four on a cold start. jQuery is copied
for folium elements that call ``$`` (a ``folium.Popup``); the dashboard's map uses none.
"""

from __future__ import annotations

import contextlib
import filecmp
import hashlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import xstatic.pkg.jquery as xs_jquery
import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_markercluster

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
"""The folder Streamlit serves next to ``dashboard.py``."""
STATIC_URL = "/app/static/vendor"
OWN_URL = "/app/static/atlas"
OWN_FILES = ("map.js", "map.css", "page.css")


@dataclass(frozen=True)
class VendorFile:
    """One file to copy: from an installed package's data folder to ``<static dir>/<dest>``."""

    source: Path
    dest: str


def _vendor_files() -> tuple[VendorFile, ...]:
    leaflet = Path(xs_leaflet.BASE_DIR)
    jquery = Path(xs_jquery.BASE_DIR)
    cluster = Path(xs_markercluster.BASE_DIR)
    files = [
        VendorFile(leaflet / "leaflet.js", "vendor/leaflet/leaflet.js"),
        VendorFile(leaflet / "leaflet.css", "vendor/leaflet/leaflet.css"),
        VendorFile(jquery / "jquery.min.js", "vendor/jquery/jquery.min.js"),
        VendorFile(
            cluster / "leaflet.markercluster.js", "vendor/markercluster/leaflet.markercluster.js"
        ),
        VendorFile(cluster / "MarkerCluster.css", "vendor/markercluster/MarkerCluster.css"),
    ]
    files += [
        VendorFile(image, f"vendor/leaflet/images/{image.name}")
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


def _version(name: str) -> str:
    """A short hash of one of our static files, so browsers never keep a stale copy."""
    try:
        data = (STATIC_DIR / "atlas" / name).read_bytes()
    except OSError:
        return "0"
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:10]


MAP_JS = f"{OWN_URL}/map.js?v={_version('map.js')}"
MAP_CSS = f"{OWN_URL}/map.css?v={_version('map.css')}"
PAGE_CSS_PATH = STATIC_DIR / "atlas" / "page.css"


@dataclass(frozen=True)
class Bundle:
    """A file made of others, in order (``vendor/<name>``), and the URL it is served at."""

    name: str
    parts: tuple[Path, ...]

    def content(self) -> bytes:
        """The parts joined; in a style sheet, Leaflet's ``url(images/…)`` points to its copy."""
        texts = []
        for part in self.parts:
            text = part.read_bytes()
            if self.name.endswith(".css") and part.parent == Path(xs_leaflet.BASE_DIR):
                text = text.replace(b"url(images/", b"url(leaflet/images/")
            texts.append(text.rstrip() + (b"\n;\n" if self.name.endswith(".js") else b"\n"))
        return b"".join(texts)

    @property
    def url(self) -> str:
        digest = hashlib.sha1(self.content(), usedforsecurity=False).hexdigest()[:10]
        return f"{STATIC_URL}/{self.name}?v={digest}"


MAP_BUNDLE_JS = Bundle(
    "map.js",
    (
        Path(xs_leaflet.BASE_DIR) / "leaflet.js",
        Path(xs_markercluster.BASE_DIR) / "leaflet.markercluster.js",
        STATIC_DIR / "atlas" / "map.js",
    ),
)
MAP_BUNDLE_CSS = Bundle(
    "map.css",
    (
        Path(xs_leaflet.BASE_DIR) / "leaflet.css",
        Path(xs_markercluster.BASE_DIR) / "MarkerCluster.css",
        STATIC_DIR / "atlas" / "map.css",
    ),
)
BUNDLES = (MAP_BUNDLE_JS, MAP_BUNDLE_CSS)
MAP_SCRIPT = MAP_BUNDLE_JS.url
"""The map's one script (Leaflet, markercluster, ours), versioned by its content."""
MAP_STYLES = MAP_BUNDLE_CSS.url


def _own_files(static_dir: Path) -> tuple[VendorFile, ...]:
    """Our map script and styles, when ``static_dir`` is not the folder they live in."""
    source = STATIC_DIR / "atlas"
    if static_dir.resolve() == STATIC_DIR.resolve():
        return ()
    return tuple(VendorFile(source / name, f"atlas/{name}") for name in OWN_FILES)


def ensure_vendor_assets(static_dir: str | Path) -> list[Path]:
    """Copy the map's JS/CSS into ``static_dir/vendor`` (and ``static_dir/atlas`` when that is not
    ``static/`` itself); return the files written.

    Idempotent: a file already identical is left alone. Each file is written to its own
    temporary name and renamed into place, so a browser never reads a half-written script,
    concurrent start-ups don't share a temporary file, and a failure leaves the previous file
    and no temporary file behind.
    """
    static = Path(static_dir)
    written: list[Path] = []
    for item in (*_vendor_files(), *_own_files(Path(static_dir))):
        target = static / item.dest
        if target.is_file() and filecmp.cmp(item.source, target, shallow=False):
            continue
        _write(target, lambda tmp, source=item.source: shutil.copyfile(source, tmp))
        written.append(target)
    for bundle in BUNDLES:
        target = static / "vendor" / bundle.name
        content = bundle.content()
        if target.is_file() and target.read_bytes() == content:
            continue
        _write(target, lambda tmp, data=content: Path(tmp).write_bytes(data))
        written.append(target)
    return written


def _write(target: Path, fill: Callable[[str], object]) -> None:
    """``fill`` a temporary file next to ``target``, then rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        fill(tmp_name)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def main(argv: list[str] | None = None) -> int:
    """``python -m atlas.assets [STATIC_DIR]``: copy the map's files; print what was written."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else STATIC_DIR
    try:
        written = ensure_vendor_assets(folder)
    except OSError as err:
        print(f"atlas.assets: error: cannot write into {folder}: {err}", file=sys.stderr)
        return 1
    for path in written:
        print(f"atlas.assets: wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
