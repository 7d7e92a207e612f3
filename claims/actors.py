"""The actors of a conflict, found in text: patterns generated from the conflict profile.

An :class:`ActorMention` is a stretch of text naming a party of the profile: one of its people
("Fahim Dashty", "Mujahid"), an organisation name or alias ("National Resistance Front", "Islamic
Emirate"), an acronym (also with its letters permuted, as other languages order them: "FNR",
"NFR" for NRF), or a descriptor, a common noun this conflict's reporting uses for a side
("rebels", "anti-Taliban"). Named press organisations are actors too (side ``other``).

A mention right after a word of opposition ("against the Taliban", "anti Taliban", "fighting
the Taliban", "opponents of the NRF") does not name the speaker's own side: it is marked
``opposed``.
"""

from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass
from enum import IntEnum
from functools import cache, cached_property

from claims.profile import OTHER, Party, Person, Profile, load_profile
from claims.vocabulary import alternation, by_first_letter, vocabulary


class Strength(IntEnum):
    """How surely a mention names its party (the strongest mention of a phrase decides)."""

    DESCRIPTOR = 1
    PRESS = 2
    ORGANISATION = 3
    PERSON = 4


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    text: str
    party: str  # a party id of the profile, or "press"
    side: str  # the claims' side value
    strength: Strength
    opposed: bool = False
    person: Person | None = None


_OPPOSED_BEFORE = re.compile(
    r"(?:\banti[\s-]*|\bagainst\s+|\bfight(?:s|ing)?\s+|\bfought\s+|\bresist(?:s|ed|ing)?\s+|"
    r"\bopponents?\s+of\s+|\bopposed\s+to\s+|\bopposing\s+|\bbattl(?:e|es|ed|ing)\s+|"
    r"\benemies\s+of\s+|\bfrom\s+the\s+(?=[^\s]+\s+(?:side|camp)\b)|"
    # "who represents Panjshir at talks with the Taliban": the other side of the table
    r"\b(?:talks|negotiations?|dialogue|truce|ceasefire)\s+with\s+|\bnegotiat(?:e|es|ed|ing)\s+"
    r"with\s+)(?:the\s+)?$",
    re.IGNORECASE,
)


# "National Resistance Front (FTS)": an acronym in brackets right after a name
_DEFINED_ACRONYM = re.compile(r"\s?\((?P<acronym>[A-Z]{2,6})\)")


def _acronym_pattern(acronyms: dict[str, _Entry]) -> re.Pattern[str]:
    """Any of ``acronyms`` as a word of its own, longest first."""
    alternatives = alternation(sorted(acronyms, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?!\w)")


def _permutations(acronym: str, taken: set[str]) -> list[str]:
    letters = re.sub(r"[^A-Z]", "", acronym)
    if len(letters) < 3 or len(set(letters)) != len(letters) or letters != acronym:
        return []
    return [p for p in ("".join(q) for q in itertools.permutations(letters)) if p not in taken]


# How the same Dari or Pashto name is spelt in English: a doubled consonant written once
# ("Massoud" / "Masoud"), "ou" / "oo" / "u" for one vowel ("Masood", "Masud"), a silent "h"
# before "-ullah" dropped ("Zabihullah" / "Zabiullah"), "ee" / "i", "ai" / "ay" ("Maisam" /
# "Maysam"), a long name's final "i" / "y" ("Nazary" / "Nazari", "Dashti" / "Dashty"), and
# "Moh" / "Muh" ("Mohammadi" / "Muhammadi").
_TRANSLITERATIONS = (
    (re.compile(r"([bcdfgjklmnprstvz])\1"), r"\1"),
    (re.compile(r"ou|oo"), "u"),
    (re.compile(r"(?<=[aeiou])h(?=ull)"), ""),
    (re.compile(r"ee"), "i"),
    (re.compile(r"ai(?=[^aeiou])"), "ay"),
    (re.compile(r"(?<=\w{4})[iy]$"), lambda m: "y" if m.group(0) == "i" else "i"),
    (re.compile(r"^(M)([ou])(?=h)"), lambda m: m.group(1) + ("u" if m.group(2) == "o" else "o")),
)


def transliterations(name: str) -> set[str]:
    """Other English spellings of a person's name: one word spelt by one rule at a time, or
    by all of them ("Zabiullah Mujahid", "Ahmad Masud"); the name itself excluded."""
    parts = name.split(" ")
    out = set()
    for i, part in enumerate(parts):
        for variant in _word_variants(part):
            out.add(" ".join([*parts[:i], variant, *parts[i + 1 :]]))
    out.add(" ".join(_all_rules(part) for part in parts))
    out.discard(name)
    return {n for n in out if len(n.replace(" ", "")) >= 4}


def _word_variants(word: str) -> set[str]:
    return {rx.sub(repl, word) for rx, repl in _TRANSLITERATIONS} | {_all_rules(word)}


def _all_rules(word: str) -> str:
    for rx, repl in _TRANSLITERATIONS:
        word = rx.sub(repl, word)
    return word


def _flex(name: str) -> str:
    """A pattern for a name: spaces and hyphens interchangeable."""
    return r"[\s-]*".join(re.escape(part) for part in re.split(r"[\s-]+", name.strip()))


_WORD_BEFORE = re.compile(r"(?-i:[A-Z])[\w'’-]+\s+$")


def _another_given_name(text: str, m: re.Match[str], person: Person) -> bool:
    """A surname found alone, right after a capitalised word that is none of the known
    person's names nor a title ("Spokesman Noorullah Nazari"): someone else of that name."""
    if " " in m.group(0).strip():
        return False
    before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if before is None:
        return False
    word = before.group(0).strip().lower()
    known = {w.lower() for spelling in person.spellings for w in spelling.split()}
    known |= {v for w in known for v in _word_variants(w)}
    titles = vocabulary().roles | vocabulary().person_roles | _TITLES
    return word not in known and word not in titles and word.rstrip(".") not in titles


_TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "gen", "general", "mawlawi", "mullah", "maulvi", "qari", "haji",
     "sheikh", "commander", "engineer", "eng", "prof", "professor", "minister", "president",
     "marshal", "colonel", "col", "captain", "said", "says", "told", "added", "and", "but",
     "the", "of", "by", "to", "from", "with", "as", "that", "when", "while"}
)  # fmt: skip


@dataclass(frozen=True)
class _Entry:
    party: Party | None  # None: the press
    strength: Strength
    person: Person | None = None


def _other_spellings(spellings: tuple[str, ...]) -> list[str]:
    """Transliterations of a person's listed spellings, then the names cut short to their
    first two words ("Ali Maisam" for "Ali Maisam Nazary")."""
    out = [v for spelling in spellings for v in sorted(transliterations(spelling))]
    out += [" ".join(s.split()[:2]) for s in spellings if len(s.split()) >= 3]
    return out


def _names(profile: Profile) -> dict[str, _Entry]:
    """Every name of the profile's actors: people (their spellings, then transliterations of
    them), organisations, descriptors, then the press."""
    names: dict[str, _Entry] = {}
    people = [(party, person) for party in profile.parties for person in party.people]
    for party, person in people:
        for spelling in person.spellings:
            names[spelling] = _Entry(party, Strength.PERSON, person)
    for party, person in people:  # other spellings after every listed one
        for variant in _other_spellings(person.spellings):
            names.setdefault(variant, _Entry(party, Strength.PERSON, person))
    for party in profile.parties:
        for name in party.names:
            names.setdefault(name, _Entry(party, Strength.ORGANISATION))
        for descriptor in party.descriptors:
            names.setdefault(descriptor, _Entry(party, Strength.DESCRIPTOR))
    for press in vocabulary().press:
        names.setdefault(press, _Entry(None, Strength.PRESS))
    return names


def _acronyms(profile: Profile) -> dict[str, _Entry]:
    """The parties' acronyms, and their permutations no other party uses ("NRFA", "AFNR")."""
    acronyms: dict[str, _Entry] = {}
    taken = {a for p in profile.parties for a in p.acronyms}
    for party in profile.parties:
        for acronym in party.acronyms:
            acronyms[acronym] = _Entry(party, Strength.ORGANISATION)
            for perm in _permutations(acronym, taken):
                acronyms.setdefault(perm, _Entry(party, Strength.ORGANISATION))
    return acronyms


@cache
def _press_heads() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(vocabulary().press_heads)})\b")


@cache
def _press_names() -> re.Pattern[str]:
    """ "Aamaj News", "the Kabul Daily Times": capitalised words ending in a press head (not
    a sentence's first word alone: "News of the attack …")."""
    heads = alternation(vocabulary().press_heads)
    return re.compile(rf"\b(?:(?-i:[A-Z])[\w'’-]+\s+){{1,3}}(?:{heads})\b")


class Actors:
    """Finds the actors of one profile in text."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self._cache: dict[str, list[ActorMention]] = {}
        names = _names(profile)
        acronyms = _acronyms(profile)
        self._lookup = {self._key(k): v for k, v in names.items()}
        self._acronyms = {k.upper(): v for k, v in acronyms.items()}
        words = by_first_letter(names, _flex)  # where a name can start, those names only
        # at a word start only when every name begins with a letter: the scan skips the rest
        start = r"\b(?=\w)" if all(n[:1].isalnum() for n in names) else r"(?<![\w])"
        self._names = re.compile(rf"{start}(?:{words})(?!\w)", re.IGNORECASE)
        self._acronym_rx = _acronym_pattern(self._acronyms)
        stems = {re.split(r"[\s-]+", n.lower())[0][:4] for n in names} | {
            a.lower() for a in self._acronyms
        }
        self._stems = re.compile("|".join(re.escape(s) for s in sorted(stems, key=len)))

    def for_article(self, text: str) -> Actors:
        """These actors with the acronyms ``text`` defines for an organisation of the profile
        ("the National Resistance Front (FTS)": a translation's own letters are the front's in
        this article); ``self`` when it defines none."""
        defined: dict[str, _Entry] = {}
        for m in _DEFINED_ACRONYM.finditer(text):
            acronym = m.group("acronym")
            if acronym in self._acronyms or acronym in defined:
                continue
            before = text[max(0, m.start() - 80) : m.start()].rstrip()
            named = self.find(before)
            if named and named[-1].end == len(before) and not named[-1].opposed:
                party = self.party_of(named[-1].text)
                if party is not None and named[-1].strength is Strength.ORGANISATION:
                    defined[acronym] = _Entry(party, Strength.ORGANISATION)
        if not defined:
            return self
        widened = copy.copy(self)
        widened._cache = {}
        widened._acronyms = {**self._acronyms, **defined}
        widened._acronym_rx = _acronym_pattern(widened._acronyms)
        extra = "|".join(re.escape(a.lower()) for a in defined)
        widened._stems = re.compile(f"{self._stems.pattern}|{extra}")
        return widened

    @staticmethod
    def _key(name: str) -> str:
        return " ".join(re.split(r"[\s-]+", name.lower().strip()))

    def find(self, text: str) -> list[ActorMention]:
        """Every actor mention in ``text``, in order (longest match at each place)."""
        found = self._cache.get(text)
        if found is None:
            found = self._find(text)
            if len(self._cache) > 4096:
                self._cache.clear()
            self._cache[text] = found
        return list(found)

    def _find(self, text: str) -> list[ActorMention]:
        if not self._stems.search(text.lower()):
            return self._press_names(text, [])
        found: list[ActorMention] = []
        for m in self._names.finditer(text):
            entry = self._lookup.get(self._key(m.group(0)))
            if entry is None:
                continue
            if entry.strength is Strength.PERSON and m.group(0).islower():
                continue  # a name in lower case is a word ("saleh", "mujahid" as a noun)
            if entry.person is not None and _another_given_name(text, m, entry.person):
                continue  # "Noorullah Nazari" is not Ali Nazary
            found.append(self._mention(text, m, entry))
        for m in self._acronym_rx.finditer(text):
            if any(f.start <= m.start() < f.end for f in found):
                continue
            found.append(self._mention(text, m, self._acronyms[m.group(0)]))
        found.extend(self._press_names(text, found))
        found.sort(key=lambda a: a.start)
        return found

    def _press_names(self, text: str, found: list[ActorMention]) -> list[ActorMention]:
        """Outlets no list names, told by their name's last word ("Aamaj News"), where no
        other actor stands."""
        if not _press_heads().search(text):
            return []
        out = []
        for m in _press_names().finditer(text):
            if not any(f.start < m.end() and m.start() < f.end for f in found):
                out.append(self._mention(text, m, _Entry(None, Strength.PRESS)))
        return out

    def _mention(self, text: str, m: re.Match[str], entry: _Entry) -> ActorMention:
        opposed = _OPPOSED_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None
        party = entry.party
        return ActorMention(
            start=m.start(),
            end=m.end(),
            text=m.group(0),
            party=party.id if party is not None else "press",
            side=party.side if party is not None else OTHER,
            strength=entry.strength,
            opposed=opposed,
            person=entry.person,
        )

    def party_of(self, name: str | None) -> Party | None:
        """The party an outlet or author name belongs to ("National Resistance Front of
        Afghanistan" → the NRF), when the name is one of its organisations or people."""
        if not name:
            return None
        for mention in self.find(name):
            if mention.strength >= Strength.ORGANISATION and not mention.opposed:
                for party in self.profile.parties:
                    if party.id == mention.party:
                        return party
        return None

    def party_of_site(self, site: str | None) -> Party | None:
        """The party whose own site ``site`` is, by its domain ("northernallianceaf.ga",
        "https://nrf.af/..."): the domain's first label is one of the party's organisation
        names or acronyms written as one word, alone or followed by a country code of two or
        three letters. A site that only names a party among other words is not its own."""
        label = _site_label(site)
        if label is None:
            return None
        for compact, party in self._site_names:
            rest = label[len(compact) :]
            if label.startswith(compact) and (not rest or (2 <= len(rest) <= 3 and rest.isalpha())):
                return party
        return None

    @cached_property
    def _site_names(self) -> list[tuple[str, Party]]:
        """Each party's organisation names and acronyms as one lower-case word."""
        out = []
        for party in self.profile.parties:
            for name in (*party.names, *party.acronyms):
                compact = re.sub(r"[^a-z]", "", name.lower())
                if len(compact) >= 3:
                    out.append((compact, party))
        return out


_SITE = re.compile(r"^(?:[a-z]+://)?(?:www\.)?([a-z0-9-]+)\.[a-z.]{2,}(?:[/:?#]|$)")


def _site_label(site: str | None) -> str | None:
    """The first label of a domain name or URL ("northernallianceaf" of
    "www.northernallianceaf.ga"); None for a name with spaces (an outlet's name)."""
    if not site or " " in site.strip():
        return None
    found = _SITE.match(site.strip().lower())
    return found.group(1).replace("-", "") if found else None


@cache
def actors_for(profile: Profile | None = None) -> Actors:
    """The (cached) actor finder of a profile; the default profile when None."""
    return Actors(profile if profile is not None else load_profile())
