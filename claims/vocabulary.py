"""The vocabulary of news language, read once from ``claims/data/vocabulary.toml``.

Every word list the extractor uses lives in that file; this module turns the lists into the
lookups and regular-expression alternations the other modules use, so a word is added in one
place and every pattern and prefilter built from it follows.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "vocabulary.toml"

ASSERTS = "asserts"
DENIES = "denies"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` (longest first; spaces match any run of whitespace)."""
    ordered = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def by_first_letter(names: Iterable[str], pattern: Callable[[str], str]) -> str:
    """An alternation of ``pattern(name)`` for non-empty names whose patterns begin with
    their first character, longest first, grouped by that character behind a one-character
    look-ahead: at each position the engine tries only the names that can start there (4x
    faster than a flat alternation of the profile's 200-odd names, same matches: names with
    different first characters never match at the same place). For a pattern compiled with
    ``re.IGNORECASE``: a letter's cases share one group, so longest-first holds across them."""
    groups: dict[str, list[str]] = {}
    for name in sorted({n for n in names if n}, key=lambda n: (-len(n), n)):
        lower = name[0].lower()
        groups.setdefault(lower if len(lower) == 1 else name[0], []).append(pattern(name))
    return "|".join(f"(?={re.escape(first)})(?:{'|'.join(alts)})" for first, alts in groups.items())


def _regular_forms(lemma: str, doubling: frozenset[str]) -> tuple[str, str, str]:
    """Third person, past, -ing of a regular verb ("claim" → claims, claimed, claiming)."""
    short_cvc = len(lemma) <= 4 and re.search(r"(?:^|[^aeiou])[aeiou][bdgmnprt]$", lemma)
    if (lemma in doubling or short_cvc) and not lemma.endswith(("sh", "ch")):
        double = lemma + lemma[-1]
        return lemma + "s", double + "ed", double + "ing"
    if lemma.endswith(("ee", "oe", "ye")):  # flee → fleeing, agree → agreeing
        return lemma + "s", lemma + "d", lemma + "ing"
    if lemma.endswith("e"):
        return lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if re.search(r"(?:ss|sh|ch|x|z)$", lemma):
        return lemma + "es", lemma + "ed", lemma + "ing"
    return lemma + "s", lemma + "ed", lemma + "ing"


@dataclass(frozen=True)
class Vocabulary:
    reporting: dict[str, tuple[str, str]]  # form → (lemma, stance)
    reporting_nouns: frozenset[str]
    proposal_verbs: tuple[str, ...]
    act_objects: frozenset[str]
    light_verbs: dict[str, str]  # form → lemma
    light_objects: frozenset[str]
    documents: frozenset[str]
    irregular: dict[str, tuple[str, str]]
    doubling: frozenset[str]
    pronouns_singular: frozenset[str]
    pronouns_plural: frozenset[str]
    opinion: frozenset[str]
    relative_pronouns: frozenset[str]
    roles: frozenset[str]
    person_roles: frozenset[str]
    combatants: frozenset[str]
    events: frozenset[str]
    collectives: frozenset[str]
    organisations: frozenset[str]
    third_parties: frozenset[str]
    state: frozenset[str]
    unconfirmed: frozenset[str]
    unconfirmed_heads: frozenset[str]
    press: tuple[str, ...]
    press_heads: tuple[str, ...]
    kin: frozenset[str]
    number_units: tuple[str, ...]
    number_tens: tuple[str, ...]
    number_scales: dict[str, int]
    number_vague: dict[str, int]
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    people_nouns: frozenset[str]
    actor_nouns: frozenset[str]
    equipment_nouns: frozenset[str]
    facility_nouns: frozenset[str]
    place_nouns: frozenset[str]
    force_nouns: frozenset[str] = frozenset()
    past_eras: tuple[str, ...] = ()
    tail_verbs: tuple[str, ...] = ()  # lemmas that close a statement: '…," shared the spokesman'
    losses: frozenset[str] = frozenset()  # losses and events that speak for nobody

    def verb_forms(self, lemma: str) -> tuple[str, ...]:
        """Every form of a verb: lemma, -s, past, past participle, -ing."""
        third, past, ing = _regular_forms(lemma, self.doubling)
        if lemma in self.irregular:
            past, participle = self.irregular[lemma]
            return tuple(dict.fromkeys((lemma, third, past, participle, ing)))
        return (lemma, third, past, ing)

    def tail_forms(self) -> tuple[str, ...]:
        """Every form of the verbs that close a statement ("…, the front said")."""
        return tuple(f for lemma in self.tail_verbs for f in self.verb_forms(lemma))

    def month_names(self) -> tuple[str, ...]:
        """Month names and their abbreviations ("sep", "sept")."""
        short = [m[:3] for m in self.months] + ["sept"]
        return (*self.months, *short)

    def number_words(self) -> dict[str, int]:
        """Unit and tens words with their values ("four" → 4, "forty" → 40)."""
        words = {w: i for i, w in enumerate(self.number_units)}
        words |= {w: i * 10 for i, w in enumerate(self.number_tens) if w}
        return words


@cache
def vocabulary() -> Vocabulary:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    irregular = {k: (v[0], v[1]) for k, v in data["irregular"].items()}
    partial = Vocabulary(
        reporting={},
        reporting_nouns=frozenset(data["reporting"]["nouns"]),
        proposal_verbs=tuple(data["reporting"]["proposal"]),
        act_objects=frozenset(data["reporting"]["acts"]),
        light_verbs={},
        light_objects=frozenset(data["reporting"]["light_objects"]),
        documents=frozenset(data["speakers"]["documents"]),
        irregular=irregular,
        doubling=frozenset(data["doubling"]["verbs"]),
        pronouns_singular=frozenset(data["pronouns"]["singular"]),
        pronouns_plural=frozenset(data["pronouns"]["plural"]),
        opinion=frozenset(data["pronouns"]["opinion"]),
        relative_pronouns=frozenset(data["pronouns"]["relative"]),
        roles=frozenset(data["speakers"]["roles"]),
        person_roles=frozenset(data["speakers"]["person_roles"]),
        combatants=frozenset(data["speakers"]["combatants"]),
        events=frozenset(data["speakers"]["events"]),
        collectives=frozenset(data["speakers"]["collectives"]),
        organisations=frozenset(data["speakers"]["organisations"]),
        third_parties=frozenset(data["speakers"]["third_parties"]),
        state=frozenset(data["speakers"]["state"]),
        unconfirmed=frozenset(data["speakers"]["unconfirmed"]),
        unconfirmed_heads=frozenset(data["speakers"]["unconfirmed_heads"]),
        press=tuple(data["speakers"]["press"]),
        press_heads=tuple(data["speakers"]["press_heads"]),
        kin=frozenset(data["kin"]["nouns"]),
        number_units=tuple(data["numbers"]["units"]),
        number_tens=tuple(data["numbers"]["tens"]),
        number_scales=dict(data["numbers"]["scales"]),
        number_vague=dict(data["numbers"]["vague"]),
        weekdays=tuple(data["time"]["weekdays"]),
        months=tuple(data["time"]["months"]),
        people_nouns=frozenset(data["nouns"]["people"]),
        actor_nouns=frozenset(data["nouns"]["actors"]),
        equipment_nouns=frozenset(data["nouns"]["equipment"]),
        facility_nouns=frozenset(data["nouns"]["facilities"]),
        place_nouns=frozenset(data["nouns"]["places"]),
        force_nouns=frozenset(data["nouns"]["forces"]),
        past_eras=tuple(data["history"]["eras"]),
        tail_verbs=tuple(data["reporting"]["tail"]),
        losses=frozenset(data["speakers"]["losses"]),
    )
    forms: dict[str, tuple[str, str]] = {}
    for stance, key in ((ASSERTS, "assert"), (DENIES, "deny")):
        for lemma in data["reporting"][key]:
            for form in partial.verb_forms(lemma):
                forms.setdefault(form, (lemma, stance))
    partial.reporting.update(forms)
    for lemma in data["reporting"]["light"]:
        head = lemma.partition(" ")[0]
        for form in partial.verb_forms(head):
            partial.light_verbs[form] = lemma
    return partial
