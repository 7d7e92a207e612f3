"""The simplest attributions, read without a parse ("X said (that) …", "X, a spokesman for Y,
said …", "According to X, …", "…, according to X."), and when a statement takes them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from claims.frames.parsed import REPORTED_PARTICIPLE, _with_side_rule
from claims.phrases import phrase_from_text
from claims.profile import UNKNOWN
from claims.sides import SideReader
from claims.speakers import Discourse, Frame, SpeakerRule
from claims.vocabulary import ASSERTS, vocabulary

_I = re.IGNORECASE


# a word of a noun phrase: no auxiliary ("Fighting was reported" has no speaker) or relative
_NP_WORD = r"(?!(?:was|were|is|are|be|been|being|have|not|who|which|that)\b)[\w'-]+"
_NP = rf"(?:(?:the|a|an|its|their)\s+)?(?:{_NP_WORD}\s+){{0,5}}?{_NP_WORD}"
_APPOSITIVE = (  # "X, a spokesman for Y, said"; the closing comma is often dropped
    r"(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,3},\s+(?:a|an|the|another)\s+[^,;:\"]{2,70}?"
    r"(?:,|(?=\s+(?:said|says|claimed|claims)\s))"
)
_LEAD_VERBS = r"(?:said|says|claimed|claims|announced|reported|added|insisted|stated|told\s+\w+)"
_FAST_LEAD = re.compile(
    r"^(?:(?:but|and|yet|however|meanwhile),?\s+(?=\S))?"  # "But the front said …": not the name
    rf"(?:(?:on|late\s+on|earlier\s+on|earlier|later|meanwhile)\s+(?:\w+\s+)?\w+,\s+)?"
    rf"(?P<who>{_APPOSITIVE}|(?!(?:he|she|they|it|we|there|this|that|as|after|before|when|once|although|though|until|while|if|because|since)\b){_NP})\s+"
    rf"(?:(?:has|had|also|later|earlier|then|again|separately|previously|further|now)\s+)?"
    rf"(?P<verb>{_LEAD_VERBS})(?!\s+{REPORTED_PARTICIPLE})"
    r"(?:\s+(?:on|late\s+on|early\s+on)\s+\w+(?:\s+(?:night|morning|evening))?)?"
    r"(?:,)?\s+(?:that\s+)?(?=\S)",
    _I,
)
# "according to X", "as per X", and "as reported (claimed, stated …) by X"
_AS_BY = r"as\s+(?:reported|claimed|stated|announced|confirmed|said|told|quoted|cited)\s+by"
_FAST_ACCORDING = re.compile(
    rf"^(?:according\s+to|as\s+per|{_AS_BY})\s+(?P<who>[^,;:\"]{{2,80}}),\s+|"
    rf"(?:,\s+(?:according\s+to|as\s+per|{_AS_BY})|\s(?=as\s)\s*{_AS_BY})\s+"
    r"(?P<who2>[^,;:\"]{2,80}?"
    r"(?:,\s+(?:a|an|the)\s+[^,;:\"]{2,70}?)?),?\s*[.!]?\s*$",
    _I,
)


def fast_frames(
    text: str, original: str, reader: SideReader, discourse: Discourse
) -> Iterator[Frame]:
    """Frames of the simplest attributions, read without a parse: "X said (that) …", "X, a
    spokesman for Y, said …", "According to X, …", "…, according to X." (the same speakers
    the parse gives; statements with any other reporting construction are parsed)."""
    for rx, rule in ((_FAST_LEAD, SpeakerRule.LEAD), (_FAST_ACCORDING, SpeakerRule.ACCORDING)):
        m = rx.search(text)
        if m is None:
            continue
        group = "who" if m.group("who") else "who2"
        start, end = m.start(group), m.end(group)
        phrase = phrase_from_text(text, start, end)
        if phrase.head in vocabulary().events and not reader.actors.find(text[start:end]):
            return  # "Heavy clashes reported in X": a headline's passive, an event speaks not
        who = reader.identify(text, original, phrase, discourse)
        scope = (0, len(text))
        frame = Frame(
            claimant=who.claimant, side=who.side or UNKNOWN, stance=ASSERTS,
            rule=_with_side_rule(f"{rule}+fast", who.rule),
            scope=scope, holes=((start, end),), rank=-1 if rule == SpeakerRule.ACCORDING else 0,
            number=who.number, head=who.head, whole=True,
            cue=m.start("verb") if rule == SpeakerRule.LEAD else m.start(), party=who.party,
        )  # fmt: skip
        discourse.pending.append(frame)
        yield frame
        return


def fast_path(text: str, cue_count: int) -> bool:
    """True when the statement's only attribution is one :func:`fast_frames` reads."""
    if cue_count != 1:
        return False
    return bool(_FAST_LEAD.search(text) or _FAST_ACCORDING.search(text))
