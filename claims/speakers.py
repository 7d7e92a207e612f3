"""Who: speaker phrases, the side they speak for, and the discourse that resolves pronouns.

A *frame* (:class:`Frame`, found by :mod:`claims.frames`) credits a speaker with part of a
statement. This module decides who the speaker of a frame is and which side they speak for.

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
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum, StrEnum
from functools import cache

from claims.actors import ActorMention, Actors, Strength
from claims.profile import OTHER, UNKNOWN
from claims.vocabulary import alternation, vocabulary


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
        for voice in reversed(voices):
            if voice.number is want and voice.side != UNKNOWN:
                return voice
        if want is Number.GROUP and self.parties:
            line, m = self.parties[-1]
            return Voice(m.text, m.side, Number.GROUP, m.text.lower(), line)
        return voices[-1] if voices else None

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
            line, m = self.parties[-1]
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


# ---------------------------------------------------------------- speaker phrases


@dataclass(frozen=True, slots=True)
class Phrase:
    """A speaker phrase split into its parts (offsets into the statement)."""

    start: int
    end: int
    core: tuple[int, int]  # determiners, modifiers and the head
    head: str  # lower case
    complements: tuple[tuple[int, int], ...] = ()  # "for the NRF", "of the resistance"
    appositions: tuple[tuple[int, int], ...] = ()
    relatives: tuple[tuple[int, int], ...] = ()
    plural: bool = False
    age: bool = False  # "X, 52," — a private person given with an age
    before: str = ""  # the reported text before a post-posed phrase (for "a spokesman")
    context: str = ""  # the statement text before the phrase (for "the group", "the latter")


@dataclass(frozen=True, slots=True)
class Identity:
    claimant: str
    side: str | None  # None: the phrase alone does not tell (a bare role)
    rule: str
    number: Number
    head: str
    party: str | None = None


_SPLIT = re.compile(
    r"\s+(?:of|for|from|in|at|with|within|close\s+to|loyal\s+to|against)\s+|,\s*"
    r"|\s+(?=(?:fighting|battling|resisting|opposing)\s)",  # "a commander fighting X"
    re.IGNORECASE,
)


def phrase_from_text(text: str, start: int, end: int) -> Phrase:
    """A speaker phrase from plain text (no parse): the core up to the first preposition or
    comma, then complements, appositions and relative clauses."""
    piece = text[start:end]
    cut = _SPLIT.search(piece)
    core_end = start + (cut.start() if cut else len(piece.rstrip()))
    words = re.findall(r"[\w'-]+", text[start:core_end])
    head = words[-1].lower() if words else ""
    complements: list[tuple[int, int]] = []
    appositions: list[tuple[int, int]] = []
    relatives: list[tuple[int, int]] = []
    pos = core_end
    for m in _SPLIT.finditer(piece, cut.start() if cut else len(piece)):
        nxt = _SPLIT.search(piece, m.end())
        part = (start + m.end(), start + (nxt.start() if nxt else len(piece)))
        chunk = text[part[0] : part[1]].lower()
        if chunk.startswith(("who ", "whom ", "which ")):
            relatives.append(part)
        elif m.group(0).strip() == ",":
            appositions.append(part)
        else:
            complements.append(part)
        pos = part[1]
    del pos
    age = any(re.fullmatch(r"\s*\d{1,3}\s*", text[s:e]) for s, e in appositions)
    plural = head.endswith("s") and not head.endswith("ss")
    return Phrase(start, end, (start, core_end), head, tuple(complements), tuple(appositions),
                  tuple(relatives), plural, age, context=text[:start])  # fmt: skip


_NAME_PART = re.compile(r"^[A-Z][\w'.-]*$")
HONORIFICS = "Mr|Mrs|Ms|Dr|Gen"  # before a surname ("Mr. Ahmadi"); claims.extract uses them too
_HONORIFIC = re.compile(rf"^(?:{HONORIFICS})\.?\s+(?=[A-Z])")
_TITLE_WORDS = re.compile(
    r"^(?:gen\.?|general|commander|mr\.?|ms\.?|mrs\.?|"
    r"engineer|col\.?|colonel|maj\.?|major|lt\.?|capt\.?|defen[cs]e|minister|spokes\w+|former|"
    r"deputy|chief|president|vice|leader|head|official|amir|emir|governor)$",
    re.IGNORECASE,
)
_THERE_ARE = re.compile(
    r"\bthere\s+(?:is|are|was|were|(?:has|have|had)\s+been)\s+(?:also\s+|now\s+)?$", re.IGNORECASE
)
_VIA = re.compile(  # "a statement posted by X", "unconfirmed reports by X"
    r"(?:\b(?:posted|issued|released|published|shared|sent|put\s+out|made)\s+(?:online\s+)?|"
    r"\b(?:reports?|statements?|claims?|accounts?)\s+)by\s+"
    r"(?P<who>[^,;.]+)",
    re.IGNORECASE,
)
# heads that speak for the party their complement names ("a source in the resistance", "people
# close to the Taliban"), though they are third parties on their own
_FOREIGN = frozenset(
    [
        "us",
        "american",
        "british",
        "pakistani",
        "iranian",
        "indian",
        "russian",
        "chinese",
        "un",
        "western",
        "foreign",
        "former",
        "diplomatic",
        "aid",
        "health",
        "hospital",
    ]
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


_INSIDERS = frozenset({"source", "sources", "insider", "insiders", "people", "person", "figure"})
_ONE_OF = re.compile(r"(?i)^(?:one|some|many|two|three|several|most)\s+of\s+(them|us)\b")
_ITS = re.compile(r"(?i)^(?:its|their)\s")
_OWNER = re.compile(r"(?i)^(?:the|its|their)\s+(?:[\w-]+\s+)?(?P<noun>[\w-]+)['’]s\s")
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


_BOTH_AND = re.compile(r"\W*both\s+\S.*\band\s+\S", re.IGNORECASE)
_BOTH = re.compile(r"\b(?:both|each|either|the\s+two|two|warring|all)\b", re.IGNORECASE)
_FORMER = re.compile(r"(?:an?\s+|the\s+)?former\b")
_NOT_THIRD = frozenset({"sources", "source", "officials", "official", "authorities"})
_PERSONS = frozenset({"people", "person", "woman", "women", "man", "men", "someone", "somebody"})
_LOCAL = re.compile(
    r"\b(?:local|provincial|district|independent|western|foreign|diplomatic|hospital|health|aid|"
    r"security|police|us|u\.s\.|american|british|pakistani|iranian|indian|russian|chinese|un)\b"
)


class SideReader:
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

    def _state_side(self, text: str, phrase: Phrase) -> str | None:
        """The governing side's, for a state voice that names no party ("the Defence
        Ministry", "Panjshir officials", "the provincial police spokesman"); not a foreign or
        former one ("Pakistani officials"), nor one official speaking as a source ("a local
        official, who asked not to be named")."""
        if self.governing is None:
            return None
        words = re.findall(r"[\w'-]+", text[phrase.start : phrase.end].lower())
        if words[:1] in (["a"], ["an"], ["one"]):
            return None  # "a provincial official": a source, not the office speaking
        if not self.vocab.state.intersection(words) or _FOREIGN.intersection(words):
            return None
        return self.governing

    def identify(self, text: str, original: str, phrase: Phrase, discourse: Discourse) -> Identity:
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
            side, rule = self._opponent(text, phrase) or (side, rule)
        claimant = self._claimant(text, original, phrase)
        return Identity(
            claimant, side, rule, number, self._role_of(text, phrase), self._party(text, phrase)
        )

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

    def _described_back(
        self, core: list[ActorMention], core_text: str, phrase: Phrase, discourse: Discourse
    ) -> tuple[str, str] | None:
        """ "This anti-Taliban armed group", "the rebel group": a definite description of a
        group refers back to the organisation named last, when that is a third party (the
        Afghanistan Freedom Front) and not one of the sides the description usually means."""
        if any(m.strength is not Strength.DESCRIPTOR for m in core):
            return None
        if not _is_definite(core_text) or phrase.head not in self.vocab.collectives:
            return None
        if not discourse.parties:
            return None
        last = discourse.parties[-1][1]
        sides = {p.id for p in self.actors.profile.sides}
        return (last.side, SpeakerRule.COLLECTIVE) if last.side not in sides else None

    def _described_side(
        self, text: str, phrase: Phrase, mentions: list[ActorMention], discourse: Discourse
    ) -> tuple[str | None, str]:
        """The side of a speaker named by description: a collective's group, the press, a third
        party, a party in a complement or apposition; None for a bare role."""
        shift = phrase.start
        head = phrase.head
        inside = [m for span in phrase.complements for m in _within(mentions, span, shift)]
        found = self._organised_side(text, phrase, mentions, inside, discourse)
        if found is not None:
            return found
        if inside and phrase.head in _INSIDERS:
            return _strongest(inside).side, "party"  # "a source in the resistance"
        if self._third_party(text, phrase) or phrase.head in _PERSONS:
            return OTHER, "third party"
        for spans in (phrase.complements, phrase.appositions, phrase.relatives):
            found = [m for span in spans for m in _within(mentions, span, shift)]
            if found:
                return _strongest(found).side, "party"
        if self._third_party_apposition(text, phrase):
            return OTHER, "third party"
        if any(m.strength is Strength.PRESS for m in mentions):
            return OTHER, "press"
        if head in self.vocab.roles or head in self.vocab.collectives:
            return None, "role"
        return UNKNOWN, "unknown"

    def _organised_side(
        self,
        text: str,
        phrase: Phrase,
        mentions: list[ActorMention],
        inside: list[ActorMention],
        discourse: Discourse,
    ) -> tuple[str, str] | None:
        """A collective's group ("the group said"), a party's office ("the media office of the
        NRF"), the press, a state voice; None when the phrase is none of these."""
        owned = self._owner_noun(text[phrase.core[0] : phrase.core[1]])
        collective = phrase.head in self.vocab.collectives or owned
        if collective or self._collective_complement(text, phrase):
            side = self._collective(text, phrase, mentions, phrase.start, discourse)
            if side is not None:
                return side, SpeakerRule.COLLECTIVE
        if inside and phrase.head in self.vocab.roles:
            return _strongest(inside).side, "party"  # "the media office of the NRF" (no outlet)
        if self._is_outlet(text, phrase):
            return OTHER, "press"
        state = self._state_side(text, phrase) if not mentions else None
        if state is not None:
            return state, SpeakerRule.STATE
        return None

    def _collective(
        self,
        text: str,
        phrase: Phrase,
        mentions: list[ActorMention],
        shift: int,
        discourse: Discourse,
    ) -> str | None:
        """ "a source within the group", "the group's spokesman": the group named before it
        in the statement ("an anti-Taliban group"), else the reported clause's subject, else
        the latest organisation speaker."""
        inside = [m for span in phrase.complements for m in _within(mentions, span, shift)]
        if inside:
            return _strongest(inside).side
        context = phrase.context
        noun = (
            phrase.head
            if phrase.head in self.vocab.collectives
            else self._collective_noun(text, phrase)
        )
        for m in reversed(self.actors.find(context)):
            if m.opposed or not noun:
                continue
            after = context[m.end : m.end + 24].lower()
            if re.match(rf"\s*(?:[\w-]+\s+)?{re.escape(noun)}\b", after):
                return m.side
        named = discourse.named_with(noun) if noun else None
        if named is not None:
            return named  # "the front": the National Resistance Front named before
        side = self._context_party(phrase, noun)
        if side is not None:
            return side
        named_here = {m.side for m in self.actors.find(context) if not m.opposed}
        named_here &= {p.id for p in self.actors.profile.sides}
        if len(named_here) == 1:
            return named_here.pop()  # "the Taliban's offensive …, as the group claimed …"
        voice = discourse.collective(frozenset(p.id for p in self.actors.profile.sides))
        return voice.side if voice is not None else None

    def _parties_named_by(self, noun: str) -> frozenset[str]:
        """The sides of the parties whose names hold ``noun`` as a word ("front": the National
        Resistance Front's, a side's name before a third party's; "movement": none, when no
        name holds it)."""
        if not noun:
            return frozenset()
        found = self._named_by.get(noun)
        if found is None:
            profile = self.actors.profile
            named = [
                party
                for party in profile.parties
                if any(noun in name.lower().split() for name in party.names)
            ]
            sides = [p for p in named if p in profile.sides]  # a side before a third party
            found = self._named_by[noun] = frozenset(p.side for p in (sides or named))
        return found

    def _owner_noun(self, core: str) -> str:
        """ "the group's spokesman" → "group": a collective that owns the head; else ""."""
        owner = _OWNER.match(core.strip())
        if owner is None or owner["noun"].lower() not in self.vocab.collectives:
            return ""
        return owner["noun"].lower()

    def _collective_noun(self, text: str, phrase: Phrase) -> str:
        """ "a source within the group", "the group's spokesman" → "group"; "" when neither a
        complement ends in a collective nor one owns the head."""
        owned = self._owner_noun(text[phrase.core[0] : phrase.core[1]])
        if owned:
            return owned
        for s, e in phrase.complements:
            words = re.findall(r"[\w'-]+", text[s:e].lower())
            if len(words) <= 4 and words and words[-1] in self.vocab.collectives:
                return words[-1]
        for s, e in phrase.appositions:
            # "A. B., the spokesman of the front": the apposition's role is the collective's
            words = re.findall(r"[\w'-]+", text[s:e].lower())
            if (
                3 <= len(words) <= 6
                and words[-1] in self.vocab.collectives
                and any(w in self.vocab.person_roles for w in words[:-1])
            ):
                return words[-1]
        return ""

    def _collective_complement(self, text: str, phrase: Phrase) -> bool:
        """ "a source within the group", "a spokesman for the movement"."""
        return bool(self._collective_noun(text, phrase))

    def _is_outlet(self, text: str, phrase: Phrase) -> bool:
        """The outlet itself, by name or initials ("APW reports" in Afghan Peace Watch)."""
        if not self.outlet:
            return False
        core = text[phrase.core[0] : phrase.core[1]]
        words = re.findall(r"[\w'-]+", core)
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", self.outlet)).upper()
        names = (
            {self.outlet.lower(), initials.lower()} if len(initials) >= 2 else {self.outlet.lower()}
        )
        return any(w.lower() in names for w in words) or self.outlet.lower() in core.lower()

    def _clause_subject(self, phrase: Phrase) -> str | None:
        """The party that is the first actor of the reported text before a post-posed
        speaker ("Fighters of the NRF captured …, a spokesman said")."""
        if not phrase.before:
            return None
        found = [m for m in self.actors.find(phrase.before) if not m.opposed]
        return found[0].side if found else None

    def _context_party(self, phrase: Phrase, noun: str) -> str | None:
        """The side a post-posed collective or role speaker has from its context: the reported
        clause's first actor, unless the speaker's noun is a word of other parties' names
        ("The Taliban attack failed, the front said": the Front, when one side's name holds
        "front")."""
        named_by = self._parties_named_by(noun)
        subject = self._clause_subject(phrase)
        if subject is not None and (not named_by or subject in named_by):
            return subject
        return next(iter(named_by)) if len(named_by) == 1 else None

    def _role_side(self, text: str, phrase: Phrase, discourse: Discourse) -> tuple[str, str]:
        side = self._context_party(phrase, phrase.head)
        if side is not None:
            return side, SpeakerRule.ROLE_CONTEXT
        if phrase.head in ("spokesman", "spokesperson", "spokeswoman", "commander", "official",
                           "source", "fighter", "member", "representative"):  # fmt: skip
            voice = discourse.party_speaker(discourse.line)
            if voice is not None:
                return voice.side, SpeakerRule.ROLE_CONTEXT
        return UNKNOWN, "role"

    def _third_party(self, text: str, phrase: Phrase) -> bool:
        """Residents, witnesses, analysts, the press, a former MP, an age, local officials."""
        head = phrase.head
        if phrase.age or head in ("sources", "source"):
            return True
        if head in ("side", "sides", "parties", "camps") and _BOTH.search(
            text, phrase.core[0], phrase.core[1]
        ):
            return True  # "Each side says …", "both sides claimed …": no one side's voice
        if head in self.vocab.third_parties and head not in _NOT_THIRD:
            return True
        words = re.findall(r"[\w'-]+", text[phrase.core[0] : phrase.core[1]].lower())
        if any(w in self.vocab.third_parties and w not in _NOT_THIRD for w in words[:-1]):
            return not any(w in ("spokesman", "spokesperson", "commander") for w in words)
        # "a local official", "provincial officials"
        local = bool(_LOCAL.search(" ".join(words)))
        return (
            head in ("official", "officials", "authorities") or head in self.vocab.state
        ) and local

    def _third_party_apposition(self, text: str, phrase: Phrase) -> bool:
        """ "Gul Ahmad, an elder from Jabal-us-Saraj": a third party by apposition."""
        for s, e in phrase.appositions:
            words = re.findall(r"[\w'-]+", text[s:e].lower())[:4]
            if any(w in self.vocab.third_parties and w not in _NOT_THIRD for w in words):
                return True
            if _FORMER.match(" ".join(words)):
                return True  # "X, a former minister of foreign affairs": no side's voice now
        return False

    def _unconfirmed(self, text: str, phrase: Phrase) -> bool:
        core = text[phrase.core[0] : phrase.core[1]].lower()
        words = set(re.findall(r"[\w-]+", core))
        if phrase.head in _PERSONS and (
            phrase.complements or phrase.relatives or phrase.appositions
        ):
            return False  # "People in Gulbahar say", "a woman from Rukha": a third party
        if phrase.head in self.vocab.unconfirmed_heads:
            return True
        if "social media" in text[phrase.start : phrase.end].lower():
            return True
        if phrase.head in ("reports", "report") and _THERE_ARE.search(
            text, max(0, phrase.start - 30), phrase.start
        ):
            return True  # "There were reports that …": no source at all
        return phrase.head in ("reports", "report", "claims", "accounts", "sources") and bool(
            words & self.vocab.unconfirmed
        )

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


def _clean(text: str) -> str:
    return text.strip(" ,;:-–—\"'“”‘’()[]")


def _trailing_name(text: str) -> str | None:
    """The run of capitalised words that ends ``text``, past titles ("Taliban spokesman
    Zabihullah Mujahid" → "Zabihullah Mujahid"; "Defense Minister Gen. Bismillah Mohammadi" →
    "Bismillah Mohammadi")."""
    run: list[str] = []
    for word in reversed(text.split()):
        bare = word.strip(",.\"'“”’")
        if not _NAME_PART.match(bare) or _TITLE_WORDS.match(bare):
            break
        run.append(bare)
    if not run:
        return None
    return " ".join(reversed(run))


def _is_definite(core: str) -> bool:
    return core.lower().startswith(("the ", "this ", "that ", "these ", "those ", "one of "))


def _within(mentions: list[ActorMention], span: tuple[int, int], shift: int) -> list[ActorMention]:
    """Mentions that start inside ``span`` ("the National Resistance Front of Afghanistan"
    names the party even when the parse puts "of Afghanistan" outside the core)."""
    return [m for m in mentions if span[0] <= m.start + shift < span[1]]


def _strongest(mentions: list[ActorMention]) -> ActorMention:
    return max(mentions, key=lambda m: (m.strength, -m.start))
