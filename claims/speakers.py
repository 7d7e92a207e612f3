"""Who: the attribution data model (speaker rule ids, frames) and the discourse that resolves
pronouns and roles.

A *frame* (:class:`Frame`, found by :mod:`claims.frames`) credits a speaker with part of a
statement. :mod:`claims.sides` decides who the speaker of a frame is and which side they speak
for (:mod:`claims.phrases`: the speaker phrase; :mod:`claims.described`: sides by description).

Pronouns and definite roles ("he", "they", "it", "the spokesman", "the source", "the
statement", "one of them") refer back (``S-pronoun``, ``S-role``): first to a subject of the
same statement that governs the clause ("accounts shared video of a tank they say was
captured"), then to the speakers of the statement so far, then to the discourse: "he"/"she"
to the latest person speaker (never an outlet), "they"/"we" to the latest group speaker or
party named, "another" to the latest speaker, a role to the latest speaker with that role
(unless a collective owns it: "the front's spokesman"), a document ("the statement") to the
latest speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum, StrEnum

from claims.actors import ActorMention, Strength
from claims.profile import OTHER, UNKNOWN
from claims.vocabulary import vocabulary


class SpeakerRule(StrEnum):
    SUBJECT = "S-subject"
    INHERITED = "S-inherited"
    RELATIVE = "S-relative"
    AGENT = "S-agent"
    ACCORDING = "S-according"
    SOURCE = "S-source"
    PARENTHETICAL = "S-parenthetical"
    LEAD = "S-lead"
    LIGHT = "S-light-verb"
    TAIL = "S-tail"
    DASH = "S-dash"
    FRONTED_TITLE = "S-fronted-title"  # "Spokesman for X, A. B. said": the title is B's
    RUMOUR = "S-rumour"
    CALLED_FALSE = "S-called-false"  # "X's claim … is false": who says so denies it
    LABEL = "S-label"
    PRONOUN = "S-pronoun"
    ROLE = "S-role"
    ROLE_CONTEXT = "S-role-context"
    STATE = "S-state"
    COLLECTIVE = "S-collective"
    LATTER = "S-latter"
    CARRY = "S-carry"
    OUTLET = "S-outlet"
    PARTY_OUTLET = "S-party-outlet"
    EMBED = "S-embed"  # an embedded post, signed after its text ("— Name (@handle) date")
    OPPONENT = "S-opponent"  # a combatant fighting one side, of no side named: the other's
    DENIER = "S-denier"  # a combatant of no known side denying one side's claim: the other's
    EACH_SIDE = "S-each-side"  # "Both the rebels and the Taliban say they …": neither alone
    COUNTER = "S-counter"  # "…, which the front denied": the denier of the claim just told
    QUOTED_HEADLINE = "S-quoted-headline"  # a headline in quotation marks: the story's source
    PROPOSER = "S-proposer"  # "Massoud has called for talks": the proposal's maker
    KIN = "S-kin"  # "His son Ebadullah": a relative of the person "his" points back to
    FOREIGN_STATE = "S-foreign-state"  # "Iran", "Russia's envoy": a foreign government
    NAMED_AFTER_ROLE = "S-named-after-role"  # "A Taliban commander said …. '…,' A. B. said"


class Number(Enum):
    PERSON = "person"  # he, she, the spokesman
    GROUP = "group"  # they, the Taliban, residents


@dataclass(frozen=True, slots=True)
class Frame:
    """One attribution: ``claimant`` (side ``side``) is credited with ``scope`` of the
    statement (character offsets into it), except the ``holes`` (the speaker phrase, the
    cue)."""

    claimant: str
    side: str
    rule: str  # "S-subject" or "S-subject+S-pronoun"
    stance: str
    scope: tuple[int, int]
    holes: tuple[tuple[int, int], ...] = ()
    rank: int = 0  # among frames of equal scope the higher rank is the more direct source
    number: Number = Number.PERSON
    head: str = ""  # the speaker phrase's head word, lower case (for "the spokesman")
    whole: bool = False  # covers the whole statement (for the next statement's carry-over)
    cue: int = 0  # where the cue word starts
    party: str | None = None  # the party the phrase named (an organisation of the profile)

    def covers(self, pos: int) -> bool:
        if not self.scope[0] <= pos < self.scope[1]:
            return False
        return not any(s <= pos < e for s, e in self.holes)

    @property
    def size(self) -> int:
        return self.scope[1] - self.scope[0]


def innermost(frames: Iterable[Frame], pos: int) -> Frame | None:
    """The most direct frame covering ``pos``: the smallest scope, then the higher rank."""
    covering = [f for f in frames if f.covers(pos)]
    if not covering:
        return None
    return min(covering, key=lambda f: (f.size, -f.rank))


# ---------------------------------------------------------------- discourse


@dataclass(frozen=True, slots=True)
class Voice:
    """A speaker the discourse remembers."""

    claimant: str
    side: str
    number: Number
    head: str
    line: int
    party: str | None = None


_PRONOUN_WORDS = frozenset({"he", "she", "they", "we", "it", "him", "her", "them", "us"})


def _speaks_from_inside(voice: Voice | None) -> bool:
    """A person of a party's side who speaks for its organisation (a source within it, or a
    person named by one of the vocabulary's roles): "they" after him is that organisation."""
    return (
        voice is not None
        and voice.number is Number.PERSON
        and voice.side not in (UNKNOWN, OTHER)
        and (
            voice.party is not None
            or voice.head == "source"
            or voice.head in vocabulary().person_roles
        )
    )


def _voice_of(frame: Frame, line: int) -> Voice:
    return Voice(frame.claimant, frame.side, frame.number, frame.head, line, frame.party)


@dataclass
class Discourse:
    """The speakers and parties of the statements read so far, for pronouns and roles."""

    voices: list[Voice] = field(default_factory=list)
    parties: list[tuple[int, ActorMention]] = field(default_factory=list)  # (line, mention)
    pending: list[Frame] = field(default_factory=list)  # frames of the current statement
    line: int = -1
    # parties named in statements where nobody spoke, with how many voices were heard before
    quiet: list[tuple[int, ActorMention]] = field(default_factory=list)
    heard: int = 0  # voices heard before the current statement

    def start(self, line: int) -> None:
        """A new statement of paragraph ``line`` begins."""
        self.pending = []
        self.line = line
        self.heard = len(self.voices)

    def remember(self, frame: Frame, line: int) -> None:
        if frame.side == UNKNOWN and frame.claimant.lower() in _PRONOUN_WORDS:
            return
        self.voices.append(_voice_of(frame, line))

    def note_parties(self, mentions: Iterable[ActorMention], line: int) -> None:
        named = [m for m in mentions if not m.opposed and m.strength >= Strength.ORGANISATION]
        self.parties.extend((line, m) for m in named)
        if len(self.voices) == self.heard:  # "The Taliban could not be reached for comment."
            self.quiet.extend((self.heard, m) for m in named if m.start <= 4)  # as the subject

    def _candidates(self) -> list[Voice]:
        return [*self.voices, *(_voice_of(f, self.line) for f in self.pending)]

    def pronoun(self, word: str) -> Voice | None:
        """ "he"/"she" → the latest person speaker; "they"/"we"/"it" → the latest group
        speaker (else the latest party named); either falls back to the latest speaker."""
        want = Number.PERSON if word in vocabulary().pronouns_singular else Number.GROUP
        voices = self._candidates()
        last = voices[-1] if voices else None
        if word in ("they", "them") and _speaks_from_inside(last):
            # "a source within the resistance told …. They also claimed …": his side
            return Voice(last.claimant, last.side, Number.GROUP, last.head, last.line,
                         last.party)  # fmt: skip
        for voice in reversed(voices):
            if voice.number is want and voice.side != UNKNOWN:
                return self._person_named_since(voice) if want is Number.PERSON else voice
        if want is Number.GROUP and self.parties:
            line, m = self.parties[-1]
            return Voice(m.text, m.side, Number.GROUP, m.text.lower(), line)
        if want is Number.PERSON:  # no person spoke: a known person named since (or at all)
            return self._person_named_since(voices[-1] if voices else None)
        return voices[-1] if voices else None

    def _person_named_since(self, voice: Voice | None) -> Voice | None:
        """ "X, the front's envoy, paid tribute to the slain commander. '…,' he said": a known
        person named in a later paragraph than the last person who spoke is "he"."""
        for line, m in reversed(self.parties):
            if voice is not None and line <= voice.line:
                break
            if m.strength is Strength.PERSON:
                return Voice(m.text, m.side, Number.PERSON, m.text.lower(), line)
        return voice

    def role(self, head: str) -> Voice | None:
        """ "the spokesman" → the latest speaker whose phrase had that head (spokesman,
        spokesperson and spokeswoman are one role); "the statement" → the latest speaker."""
        voices = self._candidates()
        if head in vocabulary().documents:
            return voices[-1] if voices else None
        key = _role_key(head)
        for voice in reversed(voices):
            if _role_key(voice.head) == key:
                return voice
        return None

    def last(self) -> Voice | None:
        """The latest speaker ("Another said": one more of the same kind)."""
        voices = self._candidates()
        return voices[-1] if voices else None

    def named_with(self, noun: str) -> str | None:
        """The side of the latest organisation named in the article whose name holds ``noun``
        ("the front" → the National Resistance Front)."""
        for _, m in reversed(self.parties):
            if noun in re.findall(r"[\w'-]+", m.text.lower()):
                return m.side
        return None

    def collective(self, sides: frozenset[str] = frozenset()) -> Voice | None:
        """ "the group" → the latest organisation speaker, else the latest party named; but a
        party of ``sides`` named alone since that speaker, where nobody spoke ("The Taliban could
        not be reached. The group's spokesman had claimed …"), is the group meant."""
        candidates = self._candidates()
        for k in range(len(candidates) - 1, -1, -1):
            voice = candidates[k]
            if voice.party is not None:
                since = {m.side: m for heard, m in self.quiet if heard > k and m.side in sides}
                if len(since) == 1 and voice.side not in since:
                    m = next(iter(since.values()))
                    return Voice(m.text, m.side, Number.GROUP, m.text.lower(), self.line)
                return voice
        if self.parties:
            # where no organisation spoke, the one the latest statement named first (its
            # subject: "The NRF clashed with the Taliban … The group intensified its attacks")
            line = self.parties[-1][0]
            m = next(m for heard, m in self.parties if heard == line)
            return Voice(m.text, m.side, Number.GROUP, m.text.lower(), line)
        return None

    def named(self, name: str) -> Voice | None:
        """ "According to Ahmadi": a speaker named before in full ("Sibghatullah Ahmadi")."""
        key = name.lower()
        for voice in reversed(self._candidates()):
            parts = voice.claimant.lower().split()
            if len(parts) > 1 and key in parts:
                return voice
        return None

    def party_speaker(self, line: int) -> Voice | None:
        """The latest speaker for a party in paragraph ``line`` or the one before it."""
        for voice in reversed(self._candidates()):
            if voice.line < line - 1:
                break
            if voice.side not in (OTHER, UNKNOWN):
                return voice
        return None


def _role_key(head: str) -> str:
    return "spokes" if head.startswith("spokes") else head.rstrip("s")
