"""Sides: the claimant name and side of a speaker phrase (:class:`SideReader`), pronouns and
references back, and the side that governs on the publication day.

The side of a speaker phrase comes from its parts, strongest first (rule ids in ``Claim.rule``):

- a person of the profile anywhere in the phrase ("Fahim Dashty", "Vilar Karimi", "Mujahid");
- a party named in the phrase's core ("Taliban spokesman", "NRF and sources", "pro-Taliban
  accounts"); a mention right after a word of opposition ("who has sworn to resist the
  Taliban", "anti Taliban") never counts for the party it opposes;
- unconfirmed sources: rumours, videos, social media, "unverified reports", people → ``unknown``;
- a collective head ("the group", "the movement", "a source within the group") refers to the
  group named before it in the statement ("an anti-Taliban group"), else to the subject of the
  reported clause, else to the latest organisation speaker (``S-collective``);
- a third-party head (residents, witnesses, analysts, elders, hospitals, the press) → ``other``,
  whatever its complements say ("residents of the Taliban-held district"); a private person
  given with an age ("Asadullah, 52,") → ``other``;
- a party named in the head's complements ("a spokesman for the NRF", "a representative of the
  resistance"), appositions ("X, a commander of the resistance") or relative clauses;
- "the latter" / "the former" → the last / first party named before it (``S-latter``);
- "his son Ebadullah", "her brother" → the side of the person the possessive points back to,
  when that person speaks for a party (``S-kin``);
- a bare role ("a spokesman said") after the clause it reports takes the party of that clause's
  subject ("Fighters of the NRF captured …, a spokesman said"), else the latest party speaker
  of the paragraph (``S-role-context``);
- a combatant of no known side ("A. K., commander of a unit") who denies one side's claim
  speaks for the other side, in a conflict of two sides (``S-denier``, claims.stances); one
  who fights one side ("a commander fighting against the Taliban") speaks for the other
  (``S-opponent``);
- hearsay of no named source ("It is said that …") is ``unknown`` (``S-rumour``,
  claims.frames); so is "Both the rebels and the Taliban say they …", where each side speaks
  of itself (``S-each-side``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from claims.actors import ActorMention, Actors, Strength
from claims.described import _NOT_THIRD, DescribedSides
from claims.phrases import (
    _HONORIFIC,
    _NAME_PART,
    Identity,
    Phrase,
    _clean,
    _is_definite,
    _strongest,
    _trailing_name,
    _within,
    phrase_from_text,
)
from claims.profile import OTHER, UNKNOWN
from claims.speakers import _PRONOUN_WORDS, Discourse, Number, SpeakerRule, Voice
from claims.vocabulary import alternation, vocabulary
from geo.countries import country_code

_VIA = re.compile(  # "a statement posted by X", "unconfirmed reports by X"
    r"(?:\b(?:posted|issued|released|published|shared|sent|put\s+out|made)\s+(?:online\s+)?|"
    r"\b(?:reports?|statements?|claims?|accounts?)\s+)by\s+"
    r"(?P<who>[^,;.]+)",
    re.IGNORECASE,
)


def _governing(actors: Actors, published: date | None, text: str = "") -> str | None:
    """The side that governs on the publication day, by its profile's ``governs_from``; in an
    undated article, the governing party the article calls by a government name (its
    ``government_names``: "Islamic Emirate forces", "the Taliban government")."""
    for party in actors.profile.parties:
        if party.governs_from is None:
            continue
        if published is not None:
            if party.governs_from <= published:
                return party.side
        elif (
            _names_government(party.government_names, text)
            or _dates_after(party.governs_from, text)
            or _in_power(party.names, text)
        ):
            return party.side
    return None


@cache
def _month_year() -> re.Pattern[str]:
    months = alternation(vocabulary().months)
    return re.compile(rf"\b(?P<m>{months})\s+(?:\d{{1,2}},?\s+)?(?P<y>(?:19|20)\d\d)\b", re.I)


_YEAR = re.compile(r"(?<![\d/-])(?P<y>20\d\d)(?![\d/-])|\b\d{1,2}/\d{1,2}/(?P<y2>20\d\d)\b")


def _dates_after(day: date, text: str) -> bool:
    """An undated article that names a month or year after ``day`` ("lost Panjshir in
    September 2021", "in 2022") was written after it."""
    months = vocabulary().months
    for m in _month_year().finditer(text):
        if date(int(m["y"]), months.index(m["m"].lower()) + 1, 1) > day:
            return True
    return any(date(int(m["y"] or m["y2"]), 1, 1) > day for m in _YEAR.finditer(text))


_TO_POWER = (
    r"\b(?:(?:back|returned|returning|return|came|come|swept|storming|stormed|rose)\s+(?:back\s+)?"
    r"to\s+power|(?:seized|seizing|took|taken|taking|grabbed)\s+power)\b"
)


def _in_power(names: tuple[str, ...], text: str) -> bool:
    """An undated article that says the party came to power ("Since storming back to power
    in August the Taliban have …") was written while it governs."""
    if not names or not text or "power" not in text:
        return False
    return _in_power_rx(names).search(text) is not None


@cache
def _in_power_rx(names: tuple[str, ...]) -> re.Pattern[str]:
    party = rf"(?<!\w)(?:{alternation(names)})(?!\w)"
    return re.compile(
        rf"{party}[^.;]{{0,80}}?{_TO_POWER}|{_TO_POWER}[^.;]{{0,80}}?{party}", re.IGNORECASE
    )


def _names_government(names: tuple[str, ...], text: str) -> bool:
    if not names or not text:
        return False
    return re.search(rf"(?<!\w)(?:{alternation(names)})(?!\w)", text, re.IGNORECASE) is not None


_ONE_OF = re.compile(r"(?i)^(?:one|some|many|two|three|several|most)\s+of\s+(them|us)\b")
_ITS = re.compile(r"(?i)^(?:its|their)\s")
_LATTER = re.compile(r"^the\s+(?P<which>latter|former)$", re.IGNORECASE)


def _both_sides(core: list[ActorMention], core_text: str) -> bool:
    """A speaker phrase that joins two opposed sides with "and" ("Taliban and NRF officials",
    "Taliban and resistance tweets") speaks for neither."""
    sides = {m.side for m in core if m.party != "press" and m.side not in (OTHER, UNKNOWN)}
    return len(sides) > 1 and re.search(r"\band\b|&", core_text) is not None


def _each_of_two(core: list[ActorMention], core_text: str, head: str) -> bool:
    """ "Both the rebels and the extremist group say they …": each side says it of itself, so
    no one side speaks (unless both named are of one side)."""
    if head in _NOT_THIRD or not _BOTH_AND.match(core_text):
        return False
    sides = {m.side for m in core if m.party != "press" and m.side not in (OTHER, UNKNOWN)}
    return len(sides) != 1 or len(core) < 2


_KIN = re.compile(
    r"(?P<owner>his|her)\s+(?:(?:eldest|elder|younger|youngest|own)\s+)?(?P<noun>[a-z]+)\b", re.I
)


@cache
def _weekday_after() -> re.Pattern[str]:
    """ "the Taliban Sunday said": a wire's day after the subject is no part of the name."""
    days = alternation((*vocabulary().weekdays, "today", "yesterday"))
    return re.compile(rf"\s+(?:on\s+)?(?:{days})$", re.IGNORECASE)


_BOTH_AND = re.compile(r"\W*both\s+\S.*\band\s+\S", re.IGNORECASE)


class SideReader(DescribedSides):
    """Decides the claimant name and side of the speaker phrases of one article."""

    def __init__(
        self,
        actors: Actors,
        outlet: str | None = None,
        published: date | None = None,
        text: str = "",
    ) -> None:
        """``text``: the article's, read only when ``published`` is None (:func:`_governing`)."""
        self.actors = actors
        self._named_by: dict[str, frozenset[str]] = {}  # noun -> sides (_parties_named_by)
        self.vocab = vocabulary()
        self.outlet = outlet
        self.governing = _governing(actors, published, text)

    def identify(self, text: str, original: str, phrase: Phrase, discourse: Discourse) -> Identity:
        found = self._kin_ref(text, original, phrase, discourse)
        if found is None:
            found = self._pronoun_ref(text, original, phrase, discourse)
        if found is None:
            found = self._discourse_ref(text, original, phrase, discourse)
        if found is not None:
            return found
        side, rule = self._side(text, phrase, discourse)
        number = Number.GROUP if self._group(text, phrase, rule) else Number.PERSON
        if side is None:
            side, rule = self._role_side(text, phrase, discourse)
        if side == UNKNOWN:
            side, rule = (
                self._opponent(text, phrase)
                or self._named_after_role(text, phrase, discourse)
                or self._foreign_state(text, phrase)
                or (side, rule)
            )
        claimant = _weekday_after().sub("", self._claimant(text, original, phrase))
        return Identity(
            claimant, side, rule, number, self._role_of(text, phrase), self._party(text, phrase)
        )

    def _kin_ref(
        self, text: str, original: str, phrase: Phrase, discourse: Discourse
    ) -> Identity | None:
        """ "His son Ebadullah", "her brother": a relative of the person the possessive points
        back to speaks for that person's side (``S-kin``); a relative of no known person, or
        one named with a party of his own, is read as any other phrase."""
        core_text = text[phrase.core[0] : phrase.core[1]].strip()
        m = _KIN.match(core_text)
        if m is None or m["noun"].lower() not in self.vocab.kin or self._named(text, phrase):
            return None
        voice = discourse.pronoun("he" if m["owner"].lower() == "his" else "she")
        if voice is None or voice.number is not Number.PERSON or voice.side in (UNKNOWN, OTHER):
            return None
        written = _clean(original[phrase.start : phrase.end])
        name = _trailing_name(written)
        claimant = name if name and name.lower() != m["noun"].lower() else written
        return Identity(claimant, voice.side, SpeakerRule.KIN, Number.PERSON, m["noun"].lower())

    def _pronoun_ref(
        self, text: str, original: str, phrase: Phrase, discourse: Discourse
    ) -> Identity | None:
        """ "they", "one of them", "the latter": whom the pronoun points back to."""
        core_text = text[phrase.core[0] : phrase.core[1]]
        written = original[phrase.start : phrase.end]
        words = core_text.lower().split()
        if len(words) <= 2 and words[-1:] and words[-1] in _PRONOUN_WORDS:
            return self._pronoun(words[-1], discourse, written)
        if words in (["another"], ["another", "one"], ["a", "second"], ["a", "third"]):
            voice = discourse.last()  # "One resident said … Another said …": one more of them
            if voice is not None:
                return Identity(written, voice.side, SpeakerRule.PRONOUN, Number.PERSON, voice.head)
        one_of = _ONE_OF.match(text[phrase.start : phrase.end].strip())
        if one_of:
            return self._pronoun(one_of.group(1).lower(), discourse, written)
        latter = _LATTER.match(core_text.strip())
        if latter:
            found = self._latter(phrase.context, latter["which"].lower())
            if found is not None:
                return Identity(found.text, found.side, SpeakerRule.LATTER, Number.GROUP, "latter")
        return None

    def _discourse_ref(
        self, text: str, original: str, phrase: Phrase, discourse: Discourse
    ) -> Identity | None:
        """ "the spokesman", "its commanders", "a statement posted by X", "Ahmadi": a speaker
        named before in the article, or the one inside a document's "by X"."""
        core_text = text[phrase.core[0] : phrase.core[1]].strip()
        head = phrase.head
        voice: Voice | None = None
        owned = self._owner_noun(core_text)  # "the front's spokesman": the front's, not the last
        if _is_definite(core_text) and not (phrase.complements or phrase.appositions or owned):
            voice = self._role_back(text, phrase, head, discourse)
        if voice is None and _ITS.match(core_text) and not self._named(text, phrase):
            voice = discourse.collective()  # "Its commanders say": the organisation before
            if voice is not None:
                return Identity(core_text, voice.side, SpeakerRule.COLLECTIVE, Number.GROUP,
                                head, voice.party)  # fmt: skip
        if voice is not None:
            return Identity(voice.claimant, voice.side, SpeakerRule.ROLE, voice.number, head,
                            voice.party)  # fmt: skip
        via = _VIA.search(text, phrase.start, phrase.end)
        if via is not None and (head in self.vocab.documents or head[:-1] in self.vocab.documents):
            # "a statement posted by the group's ministry of defence": the ministry speaks
            end = min(via.end("who"), phrase.end)
            inner = phrase_from_text(text, via.start("who"), end)
            who = self.identify(text, original, replace(inner, context=text[: via.start("who")]),
                                discourse)  # fmt: skip
            return replace(who, claimant=_clean(original[via.start("who") : end]))
        surname = _HONORIFIC.sub("", core_text)  # "Mr. Ahmadi": the surname
        if _NAME_PART.match(surname) and not self._named(text, phrase):
            voice = discourse.named(surname)  # "According to Ahmadi": named in full before
            if voice is not None:
                return Identity(voice.claimant, voice.side, SpeakerRule.ROLE, voice.number, head,
                                voice.party)  # fmt: skip
        return None

    def _group(self, text: str, phrase: Phrase, rule: str) -> bool:
        """A speaker "they" (not "he") refers to: many people, a collective, an outlet."""
        head = phrase.head
        if phrase.plural or head in self.vocab.collectives or head in self.vocab.organisations:
            return True
        if head in self.vocab.third_parties or head in self.vocab.person_roles:
            return False  # the outlet's correspondent, reporter or spokesman is a person
        mentions = self.actors.find(text[phrase.start : phrase.end])
        press = any(
            m.strength is Strength.PRESS for m in _within(mentions, phrase.core, phrase.start)
        )
        return rule == "press" or press  # a named outlet ("TASS reported")

    def _named_after_role(
        self, text: str, phrase: Phrase, discourse: Discourse
    ) -> tuple[str, str] | None:
        """ "A local Taliban commander confirmed there was fighting. '…,' A. B. said": a bare
        name of no known side, right after a speaker told only by his role and party in the
        same paragraph, is that speaker (``S-named-after-role``)."""
        if phrase.complements or phrase.appositions or phrase.relatives:
            return None
        words = text[phrase.core[0] : phrase.core[1]].split()
        if len(words) < 2 or not all(_NAME_PART.match(w) for w in words):
            return None
        last = discourse.last()
        if last is None or last.line != discourse.line or last.number is not Number.PERSON:
            return None
        if last.side in (UNKNOWN, OTHER) or last.head not in self.vocab.person_roles:
            return None
        if not re.match(r"(?:an?|the)\s", last.claimant, re.IGNORECASE):
            return None  # the speaker before was named: a new name is a new speaker
        return last.side, SpeakerRule.NAMED_AFTER_ROLE

    def _foreign_state(self, text: str, phrase: Phrase) -> tuple[str, str] | None:
        """ "Iran", "Russia's envoy", "the Iranian foreign ministry": the voice of a government
        outside the conflict's countries, a third party (side other, ``S-foreign-state``)."""
        core = text[phrase.core[0] : phrase.core[1]].strip()
        m = _STATE_OWNER.match(core)
        if m is None:
            return None
        owner, rest = m["owner"], m["rest"]
        if rest and phrase.head not in self.vocab.state | _DIPLOMATS:
            return None  # "Iranian fighters", "Pakistan's Taliban": not the state speaking
        if owner.lower() in _FOREIGN_ADJECTIVES:
            return OTHER, SpeakerRule.FOREIGN_STATE
        if len(owner) <= 2 and owner not in ("US", "UK"):
            return None  # "It", "He": not country codes
        code = country_code(owner)
        if code is None or code in self.actors.profile.countries:
            return None
        return OTHER, SpeakerRule.FOREIGN_STATE

    def _opponent(self, text: str, phrase: Phrase) -> tuple[str, str] | None:
        """ "a commander fighting against the Taliban": a combatant of no named side who fights
        one side fights for the other, in a conflict of two sides (``S-opponent``)."""
        sides = {p.id for p in self.actors.profile.sides}
        if phrase.head not in self.vocab.combatants or len(sides) != 2:
            return None
        opposed = {
            m.side for m in self.actors.find(text[phrase.start : phrase.end])
            if m.opposed and m.strength is not Strength.PRESS
        }  # fmt: skip
        if len(opposed) != 1 or not opposed <= sides:
            return None
        return (sides - opposed).pop(), SpeakerRule.OPPONENT

    def _role_of(self, text: str, phrase: Phrase) -> str:
        """The role a later "the spokesman" refers to: the head noun, or a role named in the
        apposition ("Zabihullah Mujahid, the Taliban spokesman"), or the person's in the profile."""
        if phrase.head in self.vocab.roles:
            return phrase.head
        for s, e in phrase.appositions:
            words = re.findall(r"[\w'-]+", text[s:e].lower())
            # "…, a military affairs analyst": an analyst, whatever field the title names
            role = next((w for w in words if w in self.vocab.opinion), None)
            role = role or next((w for w in words if w in self.vocab.roles), None)
            if role is not None:
                return role
        for m in self.actors.find(text[phrase.start : phrase.end]):
            if m.person is not None and m.person.role:
                return m.person.role.split()[-1]
        return phrase.head

    def _party(self, text: str, phrase: Phrase) -> str | None:
        """The organisation a phrase names in its core ("the Afghanistan Freedom Front")."""
        for m in _within(
            self.actors.find(text[phrase.start : phrase.end]), phrase.core, phrase.start
        ):
            if m.strength is Strength.ORGANISATION and not m.opposed:
                return m.party
        return None

    def _role_back(
        self, text: str, phrase: Phrase, head: str, discourse: Discourse
    ) -> Voice | None:
        if self._named(text, phrase):
            return None
        if (
            head not in self.vocab.roles
            and head not in self.vocab.documents
            and head not in (self.vocab.third_parties)
        ):
            return None
        if head in self.vocab.collectives:
            return None
        return discourse.role(head)

    def _named(self, text: str, phrase: Phrase) -> bool:
        return bool(self.actors.find(text[phrase.start : phrase.end]))

    def _pronoun(self, word: str, discourse: Discourse, written: str) -> Identity:
        voice = discourse.pronoun(word)
        if voice is None:
            return Identity(written, UNKNOWN, SpeakerRule.PRONOUN, Number.PERSON, word)
        return Identity(voice.claimant, voice.side, SpeakerRule.PRONOUN, voice.number, voice.head)

    def _latter(self, context: str, which: str) -> ActorMention | None:
        found = [m for m in self.actors.find(context) if not m.opposed]
        if not found:
            return None
        return found[-1] if which == "latter" else found[0]

    def _side(self, text: str, phrase: Phrase, discourse: Discourse) -> tuple[str | None, str]:
        mentions = [m for m in self.actors.find(text[phrase.start : phrase.end]) if not m.opposed]
        shift = phrase.start
        people = [m for m in mentions if m.strength is Strength.PERSON]
        if people:
            return people[0].side, "person"
        core = _within(mentions, phrase.core, shift)
        core_text = text[phrase.core[0] : phrase.core[1]]
        if _each_of_two(core, text[phrase.start : phrase.core[1]], phrase.head):
            return UNKNOWN, SpeakerRule.EACH_SIDE  # "Both the rebels and the militants say they …"
        if _both_sides(core, core_text):
            return OTHER, "third party"  # "Taliban and resistance sources": both sides at once
        if core:
            back = self._described_back(core, core_text, phrase, discourse)
            return back or (_strongest(core).side, "party")
        if self._unconfirmed(text, phrase):
            return UNKNOWN, "unconfirmed"
        return self._described_side(text, phrase, mentions, discourse)

    def _institution(self, name: str) -> bool:
        last = name.split()[-1].lower()
        return last in self.vocab.state or last in self.vocab.collectives

    def _claimant(self, text: str, original: str, phrase: Phrase) -> str:
        for m in self.actors.find(text[phrase.start : phrase.end]):
            if m.strength is Strength.PERSON and not m.opposed:
                return _clean(original[phrase.start + m.start : phrase.start + m.end])
        core = original[phrase.core[0] : phrase.core[1]]
        name = _trailing_name(core)
        if name and self._institution(name):
            return _clean(core)  # "The Defence Ministry" is no person "Ministry"
        if name and name != core.strip():
            return _clean(name)
        if not name and phrase.appositions:
            s, e = phrase.appositions[0]
            appo = original[s:e].strip(" ,")
            if _trailing_name(appo) == appo and len(appo.split()) <= 4:
                return _clean(appo)  # "The spokesman, Sibghatullah Ahmadi"
        return _clean(core)


_STATE_OWNER = re.compile(
    r"^(?:the\s+)?(?P<owner>(?-i:[A-Z])[\w.]+(?:\s+(?-i:[A-Z])[\w.]+)?)(?:'s|’s)?"
    r"(?:\s+(?P<rest>.+))?$"
)
_FOREIGN_ADJECTIVES = frozenset(
    {"iranian", "pakistani", "russian", "chinese", "american", "british", "indian", "turkish",
     "qatari", "saudi", "tajik", "uzbek", "turkmen", "french", "german", "emirati"}
)  # fmt: skip
_DIPLOMATS = frozenset(
    {"envoy", "envoys", "embassy", "ambassador", "diplomat", "diplomats", "government", "ministry",
     "minister", "president", "premier", "leader", "leaders", "spokesman", "spokeswoman",
     "spokesperson", "official", "officials"}
)  # fmt: skip
