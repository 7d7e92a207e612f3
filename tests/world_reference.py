"""Reference points of the places the world-layer tests resolve, with their sources.

Where a row says "(checked)", the coordinate is the one in the infobox of the English
Wikipedia article of that name, as read in an archived copy of the article while these tests
were written; the others are the same infobox coordinates as recorded by the author (degrees
and minutes), with no copy at hand to check them. A resolved point must be within ``radius``
km: GeoNames and Wikipedia points of one town differ by a few km, and a wrong namesake is tens
or hundreds of km away.
"""

from __future__ import annotations

import math
from typing import Any

# name -> (lat, lon, radius km, source)
REFERENCE = {
    "Kharkiv": (49.9925, 36.2311, 15, "en.wikipedia 'Kharkiv' infobox, 49°59′33″N 36°13′52″E"),
    "Kupiansk": (49.717, 37.583, 8, "en.wikipedia 'Kupiansk' infobox, 49°43′N 37°35′E (checked)"),
    "Balakliia": (49.46583, 36.86778, 8, "en.wikipedia 'Balakliia' infobox (checked)"),
    "Izium": (49.21278, 37.25694, 8, "en.wikipedia 'Izium' infobox (checked)"),
    "Kyiv": (50.45, 30.5233, 15, "en.wikipedia 'Kyiv' infobox, 50°27′N 30°31′E"),
    "Lyman": (48.9833, 37.8, 8, "en.wikipedia 'Lyman, Ukraine' infobox, 48°59′N 37°48′E"),
    "Bakhmut": (48.5833, 38.0, 8, "en.wikipedia 'Bakhmut' infobox, 48°35′N 38°00′E"),
    "Kherson": (46.6333, 32.6167, 12, "en.wikipedia 'Kherson' infobox, 46°38′N 32°37′E"),
    "Belgorod": (50.6, 36.6, 12, "en.wikipedia 'Belgorod' infobox, 50°36′N 36°36′E"),
    "Omdurman": (15.65, 32.4833, 15, "en.wikipedia 'Omdurman' infobox, 15°39′N 32°29′E"),
    "El Fasher": (13.6167, 25.35, 10, "en.wikipedia 'Al-Fashir' infobox, 13°37′N 25°21′E"),
    "Nyala": (12.03639, 24.87694, 10, "en.wikipedia 'Nyala, South Darfur' infobox (checked)"),
    "Khartoum": (15.5931, 32.5357, 15, "Cove editions 'Khartoum' place page (checked)"),
    "Wad Madani": (14.4, 33.5167, 10, "en.wikipedia 'Wad Madani' infobox, 14°24′N 33°31′E"),
    "El Geneina": (13.45, 22.45, 10, "en.wikipedia 'Geneina' infobox, 13°27′N 22°27′E"),
    "Adre": (13.4667, 22.2, 10, "en.wikipedia 'Adré' infobox, 13°28′N 22°12′E"),
}


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def near(place: Any, ref: str) -> bool:
    lat, lon, radius, _ = REFERENCE[ref]
    return km((place.lat, place.lon), (lat, lon)) <= radius
