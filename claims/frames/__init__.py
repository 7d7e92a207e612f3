"""Attribution frames: who is credited with which part of a statement.

Frames come from the dependency parse of statements with a reporting cue
(:mod:`claims.grammar`) and from a few layouts that need no parse. Rule ids (in
``Claim.rule``):

========================  ====================================================================
``S-subject``             the subject of a reporting verb, however far it is from the verb
                          ("A representative of the resistance, an alliance of …, told …")
``S-lead``                a statement that opens with its speaker and verb ("Resistance says
                          700 killed, 600 captured"): the whole sentence is the speaker's
``S-inherited``           a coordinated or participle reporting verb without a subject of its
                          own takes its head's ("held a news conference and said …", "…,
                          adding …")
``S-relative``            a relative clause's verb speaks for the noun it describes ("the
                          Taliban, who claimed …")
``S-agent``               a passive reporting verb speaks for its agent ("was confirmed by X");
                          without one ("is said to", "were reported") nobody is credited
``S-light-verb``          "X made the statement", "X gave the figure", "The account was given
                          by X", "The statement was sent to reporters" (the latest speaker)
``S-according``           "according to X" credits X with the clause it is attached to; a
                          reporting verb in the same clause is the more direct source
``S-source``              "quoting X", "citing X", "X quoted sources in the group that …",
                          "reported by TASS with reference to X": the quoted source, inside the
                          reporter's frame
``S-parenthetical``       "The fighting, the NRF said, lasted …": an inserted reporting clause
                          covers the clause around it
``S-rumour``              "there are unconfirmed reports (that) …", "rumours that …": the reports
                          themselves speak, unless a speaker frames them
``S-tail``                a headline or sentence ending ", says/claims X"
``S-dash``                '"…" – NRF spokesman X, writing on X': a dash after a quotation; a
                          headline's closing "… — regional source", "… - NRF"
``S-label``               a transcript or headline label naming an actor ("Mujahid: …")
========================  ====================================================================

A rejection whose object is a proposal ("rejected the offer of talks") is an act, not an
attribution: it makes no frame. The sentences of a quotation that an attribution closes ('"A.
B. C," he wrote') are all in its frame.

The frames of a statement are found in families of rules: :mod:`claims.frames.parsed` (on the
dependency parse, with :mod:`claims.frames.subjects` for the speaker phrases),
:mod:`claims.frames.fast` and :mod:`claims.frames.layout` (without a parse), and
:mod:`claims.frames.scopes` (one frame per clause).
"""

from __future__ import annotations

from claims.actors import Actors
from claims.frames.fast import fast_frames, fast_path
from claims.frames.layout import layout_frames, section_label_end, tail_only
from claims.frames.parsed import CALL_WORDS, REPORTED_PARTICIPLE, frames_from_parse
from claims.frames.scopes import clause_scopes, through_quotations
from claims.sides import SideReader
from claims.speakers import Discourse, Frame

__all__ = [
    "CALL_WORDS",
    "REPORTED_PARTICIPLE",
    "clause_scopes",
    "fast_frames",
    "fast_path",
    "find_frames",
    "frames_from_parse",
    "layout_frames",
    "section_label_end",
    "tail_only",
    "through_quotations",
]


def find_frames(text: str, outlet: str | None = None, actors: Actors | None = None) -> list[Frame]:
    """The attribution frames of one sentence on its own (a fresh discourse), for tests and
    for readers who want to see how a sentence is attributed."""
    from claims import grammar
    from claims.actors import actors_for
    from claims.sentences import normalise

    actors = actors if actors is not None else actors_for()
    norm = normalise(text)
    reader = SideReader(actors, outlet)
    discourse = Discourse()
    discourse.start(0)
    (doc,) = grammar.parse([norm])
    frames = frames_from_parse(doc, norm, text, reader, discourse)
    layout = list(layout_frames(norm, text, actors, reader, discourse))
    by_cue = {f.cue for f in layout}
    return clause_scopes(norm, [f for f in frames if f.cue not in by_cue] + layout)
