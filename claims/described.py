"""Sides by description: the side of a speaker named by what it is rather than by a party or
person (a collective's group, a party's office, the outlet, the press, third parties, insiders,
unconfirmed sources, state voices of the governing side, a bare role in its context). A mixin
of :class:`claims.sides.SideReader`."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from claims.actors import ActorMention, Actors, Strength
from claims.phrases import Phrase, _is_definite, _strongest, _within
from claims.profile import OTHER, UNKNOWN
from claims.speakers import Discourse, SpeakerRule

if TYPE_CHECKING:
    from claims.vocabulary import Vocabulary


_THERE_ARE = re.compile(
    r"\bthere\s+(?:is|are|was|were|(?:has|have|had)\s+been)\s+(?:also\s+|now\s+)?$", re.IGNORECASE
)
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


# heads that speak for the party their complement names ("a source in the resistance", "people
# close to the Taliban"), though they are third parties on their own
_INSIDERS = frozenset({"source", "sources", "insider", "insiders", "people", "person", "figure"})
_OWNER = re.compile(r"(?i)^(?:the|its|their)\s+(?:[\w-]+\s+)?(?P<noun>[\w-]+)['’]s\s")
_BOTH = re.compile(r"\b(?:both|each|either|the\s+two|two|warring|all)\b", re.IGNORECASE)
_FORMER = re.compile(r"(?:an?\s+|the\s+)?former\b")
_NOT_THIRD = frozenset({"sources", "source", "officials", "official", "authorities"})
_PERSONS = frozenset({"people", "person", "woman", "women", "man", "men", "someone", "somebody"})
_LOCAL = re.compile(
    r"\b(?:local|provincial|district|independent|western|foreign|diplomatic|hospital|health|aid|"
    r"security|police|us|u\.s\.|american|british|pakistani|iranian|indian|russian|chinese|un)\b"
)


class DescribedSides:
    """The side of a speaker phrase read from its description (methods of
    :class:`claims.sides.SideReader`, whose attributes they read)."""

    actors: Actors
    vocab: Vocabulary
    outlet: str | None
    governing: str | None
    _named_by: dict[str, frozenset[str]]

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
        if head in self.vocab.collectives and not inside and self._third_party(text, phrase):
            return OTHER, "third party"  # "a rights group", "an aid group": not the group before
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
        # "forces loyal to X", "fighters": a word every armed group is called by names no party
        generic = noun in self.vocab.combatants or noun in ("forces", "force")
        return next(iter(named_by)) if len(named_by) == 1 and not generic else None

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
        if self._names_third_party(words[:-1]) or self._names_third_party(words, pairs_only=True):
            return not any(w in ("spokesman", "spokesperson", "commander") for w in words)
        # "a local official", "provincial officials"
        local = bool(_LOCAL.search(" ".join(words)))
        return (
            head in ("official", "officials", "authorities") or head in self.vocab.state
        ) and local

    def _names_third_party(self, words: list[str], pairs_only: bool = False) -> bool:
        """A word or a pair of words of the vocabulary's third parties ("residents", "aid
        group", "rights group"): the charity Emergency, an Italian aid group."""
        grams = [] if pairs_only else list(words)
        grams += [f"{a} {b}" for a, b in pairwise(words)]
        return any(g in self.vocab.third_parties and g not in _NOT_THIRD for g in grams)

    def _third_party_apposition(self, text: str, phrase: Phrase) -> bool:
        """ "Gul Ahmad, an elder from Jabal-us-Saraj": a third party by apposition."""
        for s, e in phrase.appositions:
            words = re.findall(r"[\w'-]+", text[s:e].lower())[:5]
            if self._names_third_party(words):
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
