"""Conflict profiles: who the parties of a conflict are, how the news names them, where and when.

A profile is a TOML file (the bundled ones are in ``claims/profiles/``; see the README for how
to write one)::

    id = "panjshir-2021"
    title = "…"
    countries = ["AF"]            # ISO 3166-1 alpha-2 codes of the countries it is about:
                                  # the gazetteer's scope (places there resolve first)
    sources = ["…"]               # optional: where the facts in this file come from
    [window]                      # the days its reporting covers (fixes years the text omits)
    start = 2021-08-01
    end = 2024-12-31

    [[sides]]                     # each party whose claims are mapped in its own colour
    id = "NRF"                    # the side's value in claims ("side"), unique
    label = "National Resistance Front"
    colour = "#009E73"
    names = ["National Resistance Front", "resistance forces"]   # organisation names, aliases
    acronyms = ["NRF"]            # upper case; a permutation of 3+ letters also matches (FNR)
    descriptors = ["rebels"]      # common nouns that name this side in this conflict (weaker)

    [[sides.people]]              # its leaders and spokespeople
    name = "Fahim Dashti"
    variants = ["Fahim Dashty", "Dashti"]
    role = "spokesman"

    [[third_parties]]             # named organisations that are neither side (their side: other)
    id = "AFF"
    label = "Afghanistan Freedom Front"
    names = ["Afghanistan Freedom Front"]

``other`` (the press, third parties, residents) and ``unknown`` (unattributed rumours) are
always sides too. Every error names the file, the line and the field
(``panjshir.toml:14: sides[1].colour: expected a colour like "#D55E00", got 'red'``).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from claims.exc import ClaimsError

PROFILE_DIR = Path(__file__).parent / "profiles"
DEFAULT_PROFILE = "panjshir-2021"
PROFILE_ENV = "CLAIM_ATLAS_PROFILE"
OTHER = "other"
UNKNOWN = "unknown"
BUILTIN_SIDES = (OTHER, UNKNOWN)
BUILTIN_COLOURS = {OTHER: "#0072B2", UNKNOWN: "#6E6E6E"}
BUILTIN_LABELS = {OTHER: "press and third parties", UNKNOWN: "unattributed"}
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_SIDE_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,31}$")


class ProfileError(ClaimsError, ValueError):
    """A profile that cannot be found or read, or a field with a wrong value; the message
    names the file, the line and the field."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None,
                 field_name: str | None = None) -> None:  # fmt: skip
        where = file or "profile"
        if line is not None:
            where += f":{line}"
        prefix = f"{where}: {field_name}: " if field_name else f"{where}: "
        super().__init__(prefix + message)
        self.file = file
        self.line = line
        self.field = field_name


@dataclass(frozen=True)
class Person:
    """A named leader or spokesperson of a party."""

    name: str
    variants: tuple[str, ...] = ()
    role: str | None = None

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.variants)


@dataclass(frozen=True)
class Party:
    """A side of the conflict, or a third party (whose claims have side ``other``)."""

    id: str
    label: str
    side: str  # the claims' side value: the id for a side, "other" for a third party
    colour: str | None = None
    names: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    governs_from: date | None = None  # from this day its ministries and officials speak for it
    # what an article calls it when it treats it as the government ("Islamic Emirate"): an
    # undated article that does so is read as written while it governs
    government_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    """One conflict: its sides, third parties, countries and date window."""

    id: str
    title: str
    sides: tuple[Party, ...]
    third_parties: tuple[Party, ...] = ()
    countries: tuple[str, ...] = ()
    window: tuple[date, date] | None = None
    path: Path | None = None
    sources: tuple[str, ...] = ()

    @property
    def side_ids(self) -> tuple[str, ...]:
        """Every side value a claim of this profile can carry, the parties' first."""
        return (*(s.id for s in self.sides), *BUILTIN_SIDES)

    @property
    def parties(self) -> tuple[Party, ...]:
        return (*self.sides, *self.third_parties)

    def colour(self, side: str) -> str:
        for party in self.sides:
            if party.id == side and party.colour:
                return party.colour
        return BUILTIN_COLOURS.get(side, BUILTIN_COLOURS[UNKNOWN])

    def label(self, side: str) -> str:
        for party in self.sides:
            if party.id == side:
                return party.label
        return BUILTIN_LABELS.get(side, side)

    def in_window(self, day: date) -> bool:
        return self.window is None or self.window[0] <= day <= self.window[1]


# ---------------------------------------------------------------- locating fields in the text

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


def _field_lines(text: str) -> dict[str, int]:
    """``sides[1].people[0].name`` → its line number (1-based), for error messages."""
    lines: dict[str, int] = {}
    counters: dict[str, int] = {}
    prefix = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            prefix = _header_path(header.group(2), header.group(1) == "[[", counters)
            lines.setdefault(prefix, number)
            continue
        key = _KEY.match(line)
        if key:
            path = f"{prefix}.{key.group(1)}" if prefix else key.group(1)
            lines.setdefault(path, number)
    return lines


def _header_path(name: str, array: bool, counters: dict[str, int]) -> str:
    parts = [p.strip().strip("\"'") for p in name.split(".")]
    path = ""
    for i, part in enumerate(parts):
        base = f"{path}.{part}" if path else part
        last = i == len(parts) - 1
        if last and array:
            counters[base] = counters.get(base, -1) + 1
            for key in [k for k in counters if k.startswith(base + "[")]:
                del counters[key]  # a new parent entry restarts its children's numbering
            path = f"{base}[{counters[base]}]"
        elif base in counters:
            path = f"{base}[{counters[base]}]"
        else:
            path = base
    return path


class _Checker:
    """Reads fields of one profile file, raising ProfileError with file, line and field."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.lines = _field_lines(text)

    def fail(self, path: str, message: str) -> ProfileError:
        line = self.lines.get(path)
        if line is None:  # the field is missing: point at its table
            parent = path.rsplit(".", 1)[0] if "." in path else ""
            line = self.lines.get(parent)
        return ProfileError(message, self.file, line, path)

    def string(self, table: dict[str, Any], key: str, path: str, required: bool = True) -> str:
        value = table.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            got = "nothing" if value is None else repr(value)
            raise self.fail(f"{path}.{key}" if path else key, f"expected a text, got {got}")
        return value.strip()

    def strings(self, table: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = table.get(key, [])
        where = f"{path}.{key}" if path else key
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(where, f"expected a list of texts, got {value!r}")
        return tuple(v.strip() for v in value)

    def tables(self, table: dict[str, Any], key: str, path: str) -> Iterator[tuple[str, dict]]:
        value = table.get(key, [])
        where = f"{path}.{key}" if path else key
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(where, f"expected tables ([[{where}]]), got {type(value).__name__}")
        for i, item in enumerate(value):
            yield f"{where}[{i}]", item

    def unknown_keys(self, table: dict[str, Any], allowed: set[str], path: str) -> None:
        for key in table:
            if key not in allowed:
                names = ", ".join(sorted(allowed))
                where = f"{path}.{key}" if path else key
                raise self.fail(where, f"unknown field (expected one of: {names})")


_TOP = {"id", "title", "countries", "window", "sides", "third_parties", "sources"}
_PARTY = {
    "id", "label", "colour", "names", "acronyms", "descriptors", "people", "governs_from",
    "government_names",
}  # fmt: skip
_PERSON = {"name", "variants", "role"}


def _person(check: _Checker, path: str, table: dict[str, Any]) -> Person:
    check.unknown_keys(table, _PERSON, path)
    role = check.string(table, "role", path, required=False) or None
    return Person(check.string(table, "name", path), check.strings(table, "variants", path), role)


def _party(check: _Checker, path: str, table: dict[str, Any], side: str | None) -> Party:
    check.unknown_keys(table, _PARTY, path)
    party_id = check.string(table, "id", path)
    if not _SIDE_ID.match(party_id) or party_id in BUILTIN_SIDES:
        raise check.fail(
            f"{path}.id",
            f"expected a short name of letters, digits, '-' or '_' other than "
            f"{' or '.join(BUILTIN_SIDES)}, got {party_id!r}",
        )
    colour = check.string(table, "colour", path, required=side is None) or None
    if colour is not None and not _COLOUR.match(colour):
        raise check.fail(f"{path}.colour", f'expected a colour like "#D55E00", got {colour!r}')
    acronyms = check.strings(table, "acronyms", path)
    for acronym in acronyms:
        if not acronym.isupper():
            raise check.fail(f"{path}.acronyms", f"expected upper-case acronyms, got {acronym!r}")
    people = tuple(_person(check, p, t) for p, t in check.tables(table, "people", path))
    governs_from = table.get("governs_from")
    if governs_from is not None and not isinstance(governs_from, date):
        raise check.fail(
            f"{path}.governs_from", f"expected a date like 2021-08-15, got {governs_from!r}"
        )
    return Party(
        id=party_id,
        label=check.string(table, "label", path),
        side=side or party_id,
        colour=colour,
        names=check.strings(table, "names", path),
        acronyms=acronyms,
        descriptors=check.strings(table, "descriptors", path),
        people=people,
        governs_from=governs_from,
        government_names=check.strings(table, "government_names", path),
    )


def _window(check: _Checker, data: dict[str, Any]) -> tuple[date, date] | None:
    window = data.get("window")
    if window is None:
        return None
    if not isinstance(window, dict):
        raise check.fail("window", "expected a table with start and end dates")
    check.unknown_keys(window, {"start", "end"}, "window")
    start, end = window.get("start"), window.get("end")
    for key, value in (("start", start), ("end", end)):
        if not isinstance(value, date):
            raise check.fail(f"window.{key}", f"expected a date like 2021-08-15, got {value!r}")
    assert isinstance(start, date) and isinstance(end, date)
    if end < start:
        raise check.fail("window.end", f"expected a date after {start}, got {end}")
    return start, end


def _distinct_colours(check: _Checker, sides: tuple[Party, ...]) -> None:
    """Each side needs its own colour on the map, unlike the built-in sides' too."""
    taken = {c.upper(): f"the built-in side {s!r}" for s, c in BUILTIN_COLOURS.items()}
    for i, party in enumerate(sides):
        colour = (party.colour or "").upper()
        if colour in taken:
            message = f"expected a colour of its own, got {colour} ({taken[colour]})"
            raise check.fail(f"sides[{i}].colour", message)
        taken[colour] = f"side {party.id!r}"


def _countries(check: _Checker, data: dict[str, Any]) -> tuple[str, ...]:
    from geo.countries import country_codes

    countries = check.strings(data, "countries", "")
    for code in countries:
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise check.fail("countries", f"expected ISO country codes like 'AF', got {code!r}")
        if code not in country_codes():
            raise check.fail("countries", f"unknown ISO 3166-1 alpha-2 country code {code!r}")
    if len(set(countries)) != len(countries):
        raise check.fail("countries", f"expected each country once, got {list(countries)!r}")
    return countries


def parse_profile(text: str, file: str = "profile") -> Profile:
    """A profile from TOML text; ``file`` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise ProfileError(
            f"not valid TOML ({exc})", file, int(match.group(1)) if match else None
        ) from exc
    check = _Checker(file, text)
    check.unknown_keys(data, _TOP, "")
    profile_id = check.string(data, "id", "")
    title = check.string(data, "title", "")
    sides = tuple(_party(check, p, t, None) for p, t in check.tables(data, "sides", ""))
    if len(sides) < 2:
        raise check.fail("sides", f"expected at least two [[sides]], got {len(sides)}")
    third = tuple(_party(check, p, t, OTHER) for p, t in check.tables(data, "third_parties", ""))
    _distinct_colours(check, sides)
    seen: set[str] = set()
    for i, party in enumerate((*sides, *third)):
        if party.id in seen:
            kind = "sides" if i < len(sides) else "third_parties"
            index = i if i < len(sides) else i - len(sides)
            raise check.fail(f"{kind}[{index}].id", f"duplicate id {party.id!r}")
        seen.add(party.id)
    countries = _countries(check, data)
    return Profile(
        id=profile_id,
        title=title,
        sides=sides,
        third_parties=third,
        countries=countries,
        window=_window(check, data),
        sources=check.strings(data, "sources", ""),
    )


def bundled_profiles() -> dict[str, Path]:
    """The profiles shipped with Claim Atlas: {id (file stem): path}."""
    return {p.stem: p for p in sorted(PROFILE_DIR.glob("*.toml"))}


def default_profile_name() -> str:
    """``CLAIM_ATLAS_PROFILE`` when set, else the bundled Panjshir profile."""
    return os.environ.get(PROFILE_ENV, "").strip() or DEFAULT_PROFILE


def load_profile(name_or_path: str | os.PathLike[str] | None = None) -> Profile:
    """A bundled profile by name, or a profile file by path (None: the default profile)."""
    return _load(str(name_or_path) if name_or_path is not None else default_profile_name())


@cache
def _load(name: str) -> Profile:
    bundled = bundled_profiles()
    path = bundled.get(name)
    if path is None:
        candidate = Path(name)
        if candidate.suffix.lower() != ".toml" and not candidate.exists():
            known = ", ".join(bundled) or "none"
            raise ProfileError(f"no such profile (bundled: {known}; or give a .toml file)", name)
        path = candidate
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot be read ({exc})", str(path)) from exc
    profile = parse_profile(text, str(path))
    return Profile(**{**profile.__dict__, "path": path})


@dataclass(frozen=True)
class ProfileInfo:
    """One line of ``claim-atlas profiles``."""

    id: str
    title: str
    path: Path
    sides: tuple[str, ...] = field(default_factory=tuple)
    countries: tuple[str, ...] = field(default_factory=tuple)


def list_profiles() -> list[ProfileInfo]:
    """Every bundled profile, read and checked."""
    out = []
    for name, path in bundled_profiles().items():
        profile = load_profile(name)
        sides = tuple(s.id for s in profile.sides)
        out.append(ProfileInfo(name, profile.title, path, sides, profile.countries))
    return out
