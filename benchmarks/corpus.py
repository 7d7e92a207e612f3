"""A seeded generator of synthetic conflict-news articles and claims for the benchmarks.

Articles look like the web pages users feed Claim Atlas: a headline, a date line in one of
several styles (or none), a byline, body paragraphs where spokesmen of several sides claim
casualties, captures, control of places, clashes, equipment, talks and cuts, mixed with
background history, geography and opinion, and page furniture ("Skip to content",
"Read also: …", "Follow us …", photo credits). Places come from the gazetteer, spelled as
the gazetteer has them, as one of their aliases or as an unseen transliteration variant
("Panjshir" → "Panjsheer", "Dasht-e Rewat" → "Dashte Rewat"); some "the X area" names are
invented and must stay unresolved. Figures are in digits and in words, dates relative to
publication ("on Monday", "since morning") or explicit.

Everything is a pure function of ``seed`` and the place list: article ``i`` is the same
whatever ``n`` is, so the 100-article corpus is a prefix of the 10,000-article one.
Nothing is read from the network or written outside the folder you give.
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claims.model import Claim


SEED = 20210905
WORDS_MIN = 400
WORDS_MAX = 600
EPOCH = date(2021, 8, 10)  # publication dates fall in the 60 days from here
WINDOW_DAYS = 60
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class PlaceName:
    """A gazetteer place as the generator needs it: how it is written and where it is."""

    id: str
    name: str
    kind: str
    province: str | None
    lat: float | None
    lon: float | None
    radius_km: float
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SyntheticArticle:
    """One generated article: its file name, its text and its word count."""

    name: str
    text: str
    words: int


# ---------------------------------------------------------------------------------------------
# places


def gazetteer_places() -> list[PlaceName]:
    """The gazetteer's places with a point, sorted by id (so the corpus is stable).

    Uses the public ``geo`` API when it exposes its places; otherwise reads the CSV the
    package ships. Raises ``RuntimeError`` when neither is available.
    """
    try:
        from geo import load_gazetteer
    except ImportError as exc:
        raise RuntimeError(f"the geo package is not importable: {exc}") from exc
    gaz = load_gazetteer()
    raw = getattr(gaz, "places", None)
    if callable(raw):
        raw = raw()
    if raw is not None:
        places = [_from_place(p) for p in (raw.values() if isinstance(raw, dict) else raw)]
    else:
        places = _read_gazetteer_csv()
    places = [p for p in places if p.lat is not None and p.lon is not None and _usable(p.name)]
    if not places:
        raise RuntimeError("the gazetteer has no located places")
    return sorted(places, key=lambda p: p.id)


def _from_place(p: object) -> PlaceName:
    return PlaceName(
        id=str(p.id),  # type: ignore[attr-defined]
        name=p.name,  # type: ignore[attr-defined]
        kind=p.kind,  # type: ignore[attr-defined]
        province=p.province,  # type: ignore[attr-defined]
        lat=p.lat,  # type: ignore[attr-defined]
        lon=p.lon,  # type: ignore[attr-defined]
        radius_km=float(p.radius_km or 0.0),  # type: ignore[attr-defined]
        aliases=tuple(a for a in p.aliases if _usable(a)),  # type: ignore[attr-defined]
    )


def _read_gazetteer_csv() -> list[PlaceName]:
    import geo

    path = Path(geo.__file__).parent / "data" / "gazetteer.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))

    def num(row: dict[str, str], key: str) -> float | None:
        value = (row.get(key) or "").strip()
        return float(value) if value else None

    out = []
    for row in rows:
        aliases = re.split(r"[;|]", row.get("aliases") or "")
        out.append(
            PlaceName(
                id=row.get("id") or row["name"],
                name=row["name"],
                kind=row.get("kind") or "locality",
                province=row.get("province") or None,
                lat=num(row, "lat"),
                lon=num(row, "lon"),
                radius_km=num(row, "radius_km") or 0.0,
                aliases=tuple(a.strip() for a in aliases if _usable(a.strip())),
            )
        )
    return out


_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z' \-]{2,40}$")


def _usable(name: str) -> bool:
    """Latin-script names a news article would print (no codes, no Dari script)."""
    return bool(_LATIN_NAME.match(name)) and not name.isupper()


_SWAPS = (
    ("sh", "sch"),
    ("ee", "i"),
    ("i", "ee"),
    ("u", "o"),
    ("o", "u"),
    ("q", "k"),
    ("k", "q"),
    ("a", "e"),
    ("e", "i"),
    ("-e ", "e "),
    ("-e-", "-i-"),
    ("-i-", "-e-"),
    ("ah", "a"),
    ("y", "i"),
)


def spelling_variant(name: str, rng: random.Random) -> str:
    """An unseen but plausible transliteration of ``name`` (one or two letter changes)."""
    for _ in range(8):
        old, new = rng.choice(_SWAPS)
        positions = [m.start() for m in re.finditer(re.escape(old), name[1:])]
        if positions:
            at = rng.choice(positions) + 1
            variant = name[:at] + new + name[at + len(old) :]
            if variant != name:
                return variant
    # last resort: double a consonant ("Bazarak" -> "Bazzarak")
    consonants = [i for i, ch in enumerate(name) if i and ch.isalpha() and ch not in "aeiou"]
    if consonants:
        at = rng.choice(consonants)
        return name[: at + 1] + name[at] + name[at + 1 :]
    return name + "h"


def _written(place: PlaceName, rng: random.Random) -> str:
    """How an article spells a place: its name (60 %), an alias (20 %), a variant (20 %)."""
    roll = rng.random()
    if roll < 0.6 or (roll < 0.8 and not place.aliases):
        return _short(place)
    if roll < 0.8:
        return rng.choice(place.aliases)
    return spelling_variant(_short(place), rng)


def _short(place: PlaceName) -> str:
    """The name as running text uses it: "Khenj District" → "Khenj"."""
    return re.sub(r"\s+(District|Province)$", "", place.name)


_SYLLABLES = ("dar", "kha", "ra", "bad", "sang", "ghar", "mir", "zai", "tal", "nau", "qal", "sh")


def invented_name(rng: random.Random) -> str:
    """A place-like name that is in no gazetteer (for "the X area" mentions)."""
    parts = [rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 3)))]
    return "".join(parts).capitalize()


# ---------------------------------------------------------------------------------------------
# people, outlets, numbers and dates

_FIRST = (
    "Ahmad",
    "Mohammad",
    "Abdul",
    "Sayed",
    "Najib",
    "Rahim",
    "Farid",
    "Hamid",
    "Khalid",
    "Jawad",
    "Nasir",
    "Qadir",
    "Wahid",
    "Zubair",
    "Habib",
)
_LAST = (
    "Rahimi",
    "Karimzada",
    "Noori",
    "Sharifi",
    "Wardak",
    "Popal",
    "Hashimi",
    "Samadi",
    "Azizi",
    "Stanikzai",
    "Haqqani",
    "Amiri",
    "Safi",
    "Yousufzai",
    "Mohmand",
)
_OUTLETS = (
    "Frontline Dispatch",
    "The Kabul Ledger",
    "Northern Wire",
    "Mountain Herald",
    "Regional Monitor",
    "Asia Conflict Review",
    "The Daily Courier",
    "Valley Report",
    "Global Affairs Today",
    "Independent News Desk",
    "Steppe Times",
    "Eastern Bulletin",
)
_NRF_SPEAKERS = (
    "NRF spokesman {name}",
    "resistance spokesperson {name}",
    "{name}, a spokesman for the National Resistance Front,",
    "an NRF source",
    "a resistance commander",
    "the National Resistance Front",
    "the resistance",
)
_TALIBAN_SPEAKERS = (
    "Taliban spokesman {name}",
    "{name}, a spokesman for the Islamic Emirate,",
    "a Taliban official",
    "a Taliban commander",
    "the Taliban",
    "the Islamic Emirate",
)
_OTHER_SPEAKERS = (
    "local residents",
    "a provincial official",
    "a UN official",
    "witnesses",
    "a tribal elder in the area",
    "aid workers",
)
_UNITS = (
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(n: int) -> str:
    """English words for 1 ≤ n < 10,000 ("forty-two", "one thousand two hundred")."""
    if n >= 1000:
        rest = n % 1000
        head = f"{number_words(n // 1000)} thousand"
        return head if not rest else f"{head} {number_words(rest)}"
    if n >= 100:
        rest = n % 100
        head = f"{_UNITS[n // 100]} hundred"
        return head if not rest else f"{head} {number_words(rest)}"
    if n >= 20:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _UNITS[n % 10])
    return _UNITS[n]


def _figure(rng: random.Random) -> str:
    """A figure as the press prints it: digits, words, with or without a qualifier."""
    n = rng.choice((3, 7, 12, 20, 35, 40, 60, 85, 120, 200, 350, 600, 700, 1000, 1200, 1600))
    style = rng.random()
    if style < 0.45:
        text = f"{n:,}"
    elif style < 0.7 and n < 100:
        text = number_words(n)
    elif style < 0.8:
        return rng.choice(("dozens of", "hundreds of", "scores of", "thousands of"))
    elif n == 1000:
        text = "a thousand"
    else:
        text = f"{n:,}"
    qualifier = rng.choice(("", "", "", "at least ", "over ", "about ", "more than ", "nearly "))
    return qualifier + text


def _when(rng: random.Random, published: date | None) -> str:
    """When an event happened, relative to publication or explicit."""
    options = [
        "on {weekday}",
        "late on {weekday}",
        "on {weekday} night",
        "since morning",
        "today",
        "overnight",
        "earlier this week",
        "on {month} {day}",
        "in recent days",
    ]
    template = rng.choice(options)
    day = (published or EPOCH) - timedelta(days=rng.randrange(0, 4))
    return template.format(
        weekday=_WEEKDAYS[day.weekday()], month=_MONTHS[day.month - 1], day=day.day
    )


def _date_line(rng: random.Random, published: date) -> str:
    styles = (
        f"{_MONTHS[published.month - 1]} {published.day}, {published.year}",
        f" date {published.isoformat()}",
        f"Published {published.day} {_MONTHS[published.month - 1]} {published.year}",
        f"Last updated on {_MONTHS[published.month - 1][:3]} {published.day:02d}, "
        f"{published.year}, {rng.randrange(1, 12)}:{rng.randrange(0, 60):02d} am",
        f"{published.isoformat()}",
    )
    return rng.choice(styles)


# ---------------------------------------------------------------------------------------------
# sentences

_CLAIM_TEMPLATES: dict[str, tuple[str, ...]] = {
    "casualties": (
        "{fig} Taliban fighters were killed in {place} {when}, {speaker} said.",
        "“{fig} of their fighters have been liquidated in {place},” {speaker} wrote on Twitter.",
        "{Speaker} said {when} that {fig} resistance fighters had died in the fighting in {place}.",
        "According to {speaker}, the enemy suffered heavy losses near {place} {when}.",
        "{Speaker} claimed to have killed {fig} attackers around {place}.",
    ),
    "captured_people": (
        "{fig} fighters were captured and imprisoned in {place}, {speaker} said {when}.",
        "{Speaker} said {fig} men had surrendered in {place} {when}.",
        "“{fig} of them are trapped in {place} and cannot retreat,” {speaker} said.",
    ),
    "territorial_control": (
        "{Speaker} said {when} that its forces had captured {place}.",
        "{Speaker} claimed to have entered {place} and seized the governor's office.",
        "The attackers were pushed back from {place} {when}, according to {speaker}.",
        "{Speaker} said the {place} district had fallen {when}.",
        "{Speaker} insisted it still controls {place} and the roads around it.",
        "Fighters advanced into {place} {when}, {speaker} said.",
    ),
    "clashes": (
        "Heavy clashes broke out in {place} {when}, according to {speaker}.",
        "{Speaker} reported intense fighting in {place} {when}.",
        "“The battle for {place} is still going on,” {speaker} said {when}.",
        "An offensive on {place} began {when}, {speaker} said.",
    ),
    "equipment": (
        "{Speaker} said the retreating forces abandoned {fig} vehicles and weapons in {place}.",
        "{Speaker} claimed to have seized {fig} humvees and heavy equipment near {place} {when}.",
        "Several tanks were destroyed near {place}, {speaker} said.",
    ),
    "negotiation": (
        "{Speaker} said {when} that talks with elders from {place} had yielded no result.",
        "{Speaker} offered an amnesty to fighters in {place} {when}.",
        "Negotiations over {place} collapsed {when}, {speaker} said.",
        "{Speaker} demanded a ceasefire around {place}.",
    ),
    "infrastructure": (
        "{Speaker} said electricity and internet had been cut in {place} {when}.",
        "The main road to {place} was blocked {when}, {speaker} said.",
        "{Speaker} blew up the pass near {place} to stop the advance, witnesses said.",
        "Phone lines to {place} have been down {when}, according to {speaker}.",
    ),
}
_MULTI_TEMPLATES = (
    "{Speaker} said {when} that the {p1} and {p2} districts had been captured.",
    "Fighting was reported in {p1} and {p2} {when}, {speaker} said.",
    "{Speaker} said {fig} fighters were killed and {fig2} captured in {p1}.",
    "Resistance fighters gathered in the {unknown} area after leaving {p1}, {speaker} said.",
    "{Speaker} said the attackers were trapped in the {unknown} area near {p1}'s main road.",
)
_BACKGROUND = (
    "{p1} resisted the Soviet army in the 1980s and held out against the Taliban from 1996 "
    "to 2001.",
    "{p1} is roughly {dist} miles north of Kabul, deep in the Hindu Kush mountains.",
    "The narrow valleys around {p1} have few entry points, which has long given defenders a "
    "natural advantage.",
    "In the 1990s, commanders in {p1} fought a long civil war against rival factions.",
    "Many families from {p1} left for Kabul and Pakistan during the wars of the last four decades.",
    "The region is known for its emerald mines, its rivers and its terraced fields.",
    "Analysts say the coming winter will make supply lines through the mountains harder to "
    "keep open.",
    "The withdrawal of foreign troops in August changed the balance of power across the country.",
    "Observers warn that the fighting could drive thousands of civilians from their homes.",
    "It is not possible to verify the claims of either side independently.",
    "Both sides have used social media to publish their own accounts of the fighting.",
    "The situation remains fluid, and many reports could not be confirmed by independent sources.",
    "Humanitarian groups have called for safe passage for civilians who want to leave.",
)
_HEADLINES = (
    "{Side} claims {fig} enemy fighters killed in {p1}",
    "Fighting intensifies around {p1} as talks stall",
    "{p1}: both sides claim the upper hand",
    "Resistance says it holds {p1}; Taliban disagree",
    "Heavy clashes reported in {p1} and {p2}",
    "What we know about the battle for {p1}",
)
_FURNITURE_TOP = (
    "Skip to content",
    "Menu",
    "Home | World | Asia | Opinion",
    "Breaking News",
    "",
)
_FURNITURE_MID = (
    "Read also: {headline}",
    "(Photo courtesy of {name})",
    "Image Credit: Twitter account {handle}",
    "ADVERTISEMENT",
    "Related: {headline}",
)
_FURNITURE_END = (
    "More details to follow.",
    "Follow us on Facebook – @{handle}; Instagram – @{handle}; X – @{handle}",
    "Subscribe to get the latest posts sent to your email.",
    "Leave a Reply",
    "Share this: Twitter Facebook WhatsApp",
    "Recent News",
    "Stay tuned to {outlet} for more news, stories, and updates.",
    "Discover more from {outlet}",
)


class _Writer:
    """Fills templates for one article from its own random stream."""

    def __init__(self, rng: random.Random, places: Sequence[PlaceName], published: date | None):
        self.rng = rng
        self.published = published
        # an article is about a region: a main place and a few around it
        main = rng.choice(places)
        near = [p for p in places if p.province and p.province == main.province and p != main]
        rng.shuffle(near)
        others = [rng.choice(places) for _ in range(3)]
        self.places = [main, *near[:4], *others]
        self.main = main
        self.deck: list[str] = []

    def place(self) -> str:
        # the main place half the time, as real reports do
        p = self.main if self.rng.random() < 0.5 else self.rng.choice(self.places)
        return _written(p, self.rng)

    def speaker(self) -> str:
        rng = self.rng
        pool = rng.choice((_NRF_SPEAKERS, _NRF_SPEAKERS, _TALIBAN_SPEAKERS, _OTHER_SPEAKERS))
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        return rng.choice(pool).format(name=name)

    def fill(self, template: str) -> str:
        rng = self.rng
        speaker = self.speaker()
        p1 = self.place()
        p2 = self.place()
        if p2 == p1:
            p2 = _written(rng.choice(self.places), rng)
        values = {
            "speaker": speaker,
            "Speaker": speaker[0].upper() + speaker[1:],
            "place": p1,
            "p1": p1,
            "p2": p2,
            "unknown": invented_name(rng),
            "fig": _figure(rng),
            "fig2": _figure(rng),
            "when": _when(rng, self.published),
            "dist": rng.choice((40, 60, 90, 120)),
            "Side": rng.choice(("NRF", "Taliban", "Resistance")),
        }
        text = template.format(**values)
        text = re.sub(r",,", ",", text)
        first = next(i for i, ch in enumerate(text) if ch.isalnum())
        return text[:first] + text[first].upper() + text[first + 1 :]

    def claim_sentence(self) -> str:
        if self.rng.random() < 0.2:
            return self.fill(self.rng.choice(_MULTI_TEMPLATES))
        kind = self.rng.choice(tuple(_CLAIM_TEMPLATES))
        return self.fill(self.rng.choice(_CLAIM_TEMPLATES[kind]))

    def background(self) -> str:
        # each background sentence at most once per article, as a writer would
        if not self.deck:
            self.deck = list(_BACKGROUND)
            self.rng.shuffle(self.deck)
        return self.fill(self.deck.pop())


def _words(text: str) -> int:
    return len(text.split())


def generate_article(index: int, places: Sequence[PlaceName], seed: int = SEED) -> SyntheticArticle:
    """Article number ``index`` of the corpus for ``seed`` (independent of the corpus size)."""
    rng = random.Random(f"claim-atlas-bench:{seed}:{index}")
    published = EPOCH + timedelta(days=rng.randrange(WINDOW_DAYS))
    dated = rng.random() < 0.85
    writer = _Writer(rng, places, published if dated else None)
    outlet = rng.choice(_OUTLETS)
    handle = re.sub(r"\W", "", outlet)
    headline = writer.fill(rng.choice(_HEADLINES))
    target = rng.randrange(WORDS_MIN, WORDS_MAX + 1)

    lines: list[str] = []
    top = rng.choice(_FURNITURE_TOP)
    if top:
        lines += [top, ""]
    lines.append(headline)
    if dated:
        lines.append(_date_line(rng, published))
    if rng.random() < 0.5:
        lines.append(f"Written by {rng.choice(_FIRST)} {rng.choice(_LAST)}")
    lines.append("")

    words = sum(_words(line) for line in lines)
    end = [
        rng.choice(_FURNITURE_END).format(outlet=outlet, handle=handle)
        for _ in range(rng.randrange(1, 4))
    ]
    words += sum(_words(line) for line in end)
    while words < target:
        sentences = []
        count = rng.randrange(2, 5) if target - words > 80 else 1
        for _ in range(count):
            roll = rng.random()
            sentences.append(writer.claim_sentence() if roll < 0.55 else writer.background())
        paragraph = " ".join(sentences)
        lines += [paragraph, ""]
        words += _words(paragraph)
        if rng.random() < 0.15:
            sub = writer.fill(rng.choice(_HEADLINES))
            lines += [sub, ""]
            words += _words(sub)
        if rng.random() < 0.12:
            furniture = rng.choice(_FURNITURE_MID).format(
                headline=writer.fill(rng.choice(_HEADLINES)),
                name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
                handle=handle.lower(),
            )
            lines += [furniture, ""]
            words += _words(furniture)
    lines += end
    text = "\n".join(lines)
    name = f"bench_{index:05d}.txt"
    return SyntheticArticle(name=name, text=text, words=_words(text))


def generate_articles(
    n: int, places: Sequence[PlaceName], seed: int = SEED
) -> Iterator[SyntheticArticle]:
    """The first ``n`` articles of the corpus for ``seed``."""
    if not places:
        raise ValueError("generate_articles needs at least one place, got none.")
    for i in range(n):
        yield generate_article(i, places, seed)


def write_corpus(
    folder: str | Path, n: int, places: Sequence[PlaceName], seed: int = SEED
) -> tuple[list[Path], int]:
    """Write the first ``n`` articles into ``folder``; returns their paths and total words."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths, words = [], 0
    for article in generate_articles(n, places, seed):
        path = folder / article.name
        path.write_text(article.text, encoding="utf-8")
        paths.append(path)
        words += article.words
    return paths, words


# ---------------------------------------------------------------------------------------------
# claims for the dashboard figures

_SIDES = ("NRF", "NRF", "Taliban", "Taliban", "other", "unknown")
_KINDS = (*_CLAIM_TEMPLATES, "other")


def generate_claims(n: int, places: Sequence[PlaceName], seed: int = SEED) -> list[Claim]:
    """``n`` claims spread over the places and a 60-day window, as the extractor shapes them.

    About 6 % are unresolved (no point), 10 % undated, 20 % are date ranges. (Hostile text is
    the security tests' business; these claims measure speed.)
    """
    from claims.model import Claim

    if not places:
        raise ValueError("generate_claims needs at least one place, got none.")
    rng = random.Random(f"claim-atlas-bench-claims:{seed}")
    claims = []
    for i in range(n):
        article = i // 6
        place = rng.choice(places)
        side = rng.choice(_SIDES)
        kind = rng.choice(_KINDS)
        published = EPOCH + timedelta(days=(article * 7919) % WINDOW_DAYS)
        roll = rng.random()
        if roll < 0.1:
            start = end = None
            precision, basis = "unknown", "no date in the text and no publication date"
        elif roll < 0.3:
            first = published - timedelta(days=rng.randrange(1, 4))
            start, end = first.isoformat(), (first + timedelta(days=1)).isoformat()
            precision, basis = "range", "late on a weekday till the next morning"
        else:
            start = end = (published - timedelta(days=rng.randrange(0, 3))).isoformat()
            precision, basis = "day", "relative to publication"
        resolved = rng.random() >= 0.06
        figure = rng.choice((None, None, 40, 200, 600, 700, 1000)) if kind != "other" else None
        outlet = _OUTLETS[article % len(_OUTLETS)]
        quote = f"{outlet} reports {kind.replace('_', ' ')} near {place.name} ({i})."
        claimant = {
            "NRF": "NRF spokesman",
            "Taliban": "Taliban spokesman",
            "other": outlet,
            "unknown": None,
        }[side]
        claims.append(
            Claim(
                id=f"c{i:06d}",
                statement_id=f"s{i // 2:06d}",
                file=f"bench_{article:05d}.txt",
                outlet=outlet,
                title=f"Report {article} from {place.name}",
                url=None,
                published=published.isoformat(),
                claimant=claimant,
                side=side,
                kind=kind,
                figure=figure,
                figure_qualifier=rng.choice((None, "at least", "over")) if figure else None,
                place=place.name if resolved else None,
                place_mention=place.name,
                place_id=place.id if resolved else None,
                lat=place.lat if resolved else None,
                lon=place.lon if resolved else None,
                radius_km=place.radius_km if resolved else None,
                place_precision=("area" if place.radius_km > 5 else "point") if resolved else None,
                place_basis="named in the sentence",
                unresolved_place=None if resolved else place.name,
                date_start=start,
                date_end=end,
                date_precision=precision,
                date_basis=basis,
                quote=quote,
                quote_start=0,
                quote_end=len(quote),
            )
        )
    return claims
