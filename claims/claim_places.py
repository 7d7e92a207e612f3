"""Where each claim is: a place named in the statement (``NAMED``), carried on from the
statement before (``P-carried``), referred back to, the dateline's, or the article's main place
(``INFERRED``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from claims import kinds
from claims.kinds.rules import placeholders
from claims.places import PlaceMention, PlaceRule, without_lead_in
from claims.placing import _referring, places_for, without_refuges
from claims.speakers import innermost
from claims.statements import Join
from claims.vocabulary import DENIES

if TYPE_CHECKING:
    from claims.run import _Layer, _Run
    from geo import Place


NAMED = "named in the sentence"
INFERRED = "inferred from the article"
_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class _Where:
    """Where one claim is: a place (or an unresolved name), how it was found, and its key."""

    place: Place | None
    mention: str | None  # the words of this statement that name it
    unresolved: str | None
    basis: str | None
    key: str
    rule: str


def _where_named(m: PlaceMention, rule: str) -> _Where:
    unresolved = m.text if m.place is None else None
    return _Where(m.place, m.text, unresolved, NAMED, m.key, rule)


def _where_carried(m: PlaceMention) -> _Where:
    """A place of the sentence before, in the same paragraph ("… in Shotul. He also said
    bodies were left on the battlefield.")."""
    unresolved = m.text if m.place is None else None
    return _Where(m.place, None, unresolved, INFERRED, m.key, PlaceRule.CARRIED)


def _where_inferred(here: Place | None, rule: str, named_ids: set[str]) -> _Where:
    basis = INFERRED if here is not None else None
    return _Where(here, None, None, basis, _inferred_key(here, named_ids), rule)


def _wheres(
    run: _Run, layer: _Layer, trig: kinds.Trigger, found: list[PlaceMention], named_ids: set[str]
) -> list[_Where]:
    if trig.kind != "other":  # the displaced are where they fled to; the fighting is not
        found = without_refuges(layer.text, found, layer.st.start)
    found = _not_anothers(layer, trig, found)
    chosen, ref, place_rule = places_for(
        layer.text, trig.start, trig.end, found, layer.st.start, trig.kind,
        by_sentence=layer.st.join is Join.QUOTE_RUN
        or (trig.kind == "negotiation" and layer.text.lstrip().startswith('"')),
        # sentences joined by an introduction or a reference back share their places
        later_own=layer.st.join not in (Join.INTRO_QUOTE, Join.REFERRED, Join.DENIAL_QUOTE),
    )  # fmt: skip
    if chosen:
        return [_where_named(m, place_rule) for m in chosen]
    venue = _talks_venue(layer) if trig.kind == "negotiation" and ref is None else None
    if venue is not None:
        # "the two sides held a meeting in Charikar": where talks were held is their place
        return [_where_named(venue, PlaceRule.NAMED_CLAUSE)]
    continues = _continues(layer, trig) or (layer.st.join is Join.REFERRED and "speaker")
    if ref is None and not found and continues:
        # narrative with no speaker of its own (or one named only after it: "This was revealed
        # by X") goes on from the paragraph before, as words that refer back do ("He
        # retreated, led the militants into a gorge …")
        told = innermost(layer.frames, trig.start) is None or layer.st.join is Join.REFERRED
        narrative = told and not _list_item(run, layer)
        carried = _carried_places(run, layer, continues == "marker" or narrative)
        if carried:
            return [_where_carried(m) for m in carried]
    here, rule = _inferred(run, layer, ref, found, trig.start)
    return [_where_inferred(here, rule, named_ids)]


_TALKS_AT = re.compile(
    r"\b(?:meetings?|talks|negotiations)\s+(?:[\w-]+\s+){0,3}?(?:in|at)\s+(?:the\s+)?$", re.I
)


def _talks_venue(layer: _Layer) -> PlaceMention | None:
    """The place a meeting or talks were held at (a venue the statement's places leave out;
    a briefing's or an interview's venue is the speaker's, not the talks')."""
    for m in layer.places.venues:
        pos = m.start - layer.st.start
        if _TALKS_AT.search(layer.text, max(0, pos - 60), pos):
            return m
    return None


@lru_cache(maxsize=1)
def _definite_place() -> re.Pattern[str]:
    nouns = placeholders()["places"]
    return re.compile(rf"\b(?:the|this|that|its)\s+(?:[\w'-]+\s+)?(?:{nouns})\b", re.I)


def _refers_back(text: str, start: int, end: int) -> bool:
    """The clause names a place by reference ("the checkpoint", "the valley")."""
    return _referring(text, start, end) is not None or bool(
        _definite_place().search(text, start, end)
    )


def _not_anothers(
    layer: _Layer, trig: kinds.Trigger, found: list[PlaceMention]
) -> list[PlaceMention]:
    """ "The Taliban said they had entered Bazarak, even as the front claimed it had driven
    them back": a place named in another side's clause is not where this side's claim is."""
    own = innermost(layer.frames, trig.start) if len(layer.frames) > 1 else None
    if own is None:
        return found
    offset = layer.st.start
    rivals = [
        g for g in layer.frames
        if g is not own and g.side != own.side
        and not (g.scope[0] <= own.scope[0] and own.scope[1] <= g.scope[1])  # not a relay
    ]  # fmt: skip
    if not rivals or _refers_back(layer.text, *own.scope):
        return found  # "…; Taliban claim the checkpoint": the place of the clause before

    def anothers(m: PlaceMention) -> bool:
        pos = m.start - offset
        return not own.covers(pos) and any(g.covers(pos) for g in rivals)

    return [m for m in found if not anothers(m)]


_CONTINUES = re.compile(
    r"\b(?:also|then|again|ensuing|the\s+rest|this\s+(?:attack|clash|fighting|ambush|battle|operation|"
    r"raid|incident|village|area)|the\s+(?:detainees|captives|prisoners|dead|victims|wounded)|"
    r"the\s+same|(?:he|she|they|it|spokes\w+|sources?|officials?|commanders?)\s+(?:added|continued)|"
    r"in\s+the\s+(?:attack|clash|"
    r"fighting|ambush|battle|operation|raid)|(?:the\s+)?battlefield|the\s+(?:attack|clash|fighting|"
    r"ambush|battle|operation|raid)\b)",
    _I,
)


_ACCORDING_TO_THEM = re.compile(r"^\W*according\s+to\s+(?:them|him|her)\b", _I)
_PRONOUN_SOURCE = re.compile(
    r"^\W*(?:according\s+to\s+(?:them|him|her)\b|(?:he|she|they)\s+(?:said|added|told|claimed)\b)",
    _I,
)


def _continues(layer: _Layer, trig: kinds.Trigger) -> str:
    """How a statement continues the one before: "marker" when words refer back ("also",
    "then", "in the attack", "the detainees"), "speaker" when it has no speaker of its own (or
    only a pronoun or role for the same one), "" when it starts afresh."""
    if _CONTINUES.search(layer.text) is not None or _ACCORDING_TO_THEM.search(layer.text):
        return "marker"  # "According to them, …": words that point to the statement before
    frame = innermost(layer.frames, trig.start)
    if frame is None or any(r in frame.rule for r in ("S-pronoun", "S-role", "S-carry")):
        return "speaker"
    if frame.stance == DENIES:
        return "speaker"  # "The Taliban denied the civilian casualties": of the claim just told
    if _PRONOUN_SOURCE.search(layer.text):
        return "marker"
    return ""


def _carried_places(run: _Run, layer: _Layer, marked: bool) -> list[PlaceMention]:
    """The places the statement before named for its claims, or carried: in the same
    paragraph, or in the paragraph before when the statement refers back ("the detainees")."""
    i = layer.st.index
    if i == 0 or layer.st.heading:
        return []
    prev = _place_giver(run, layer, marked)
    if prev is None:
        return []
    keys = {w.key for w in prev.used if w.basis == NAMED}
    named = [m for m in prev.places.mentions if m.key in keys]
    carried = prev.carried_from if any(w.rule == PlaceRule.CARRIED for w in prev.used) else []
    places = named or carried
    if len(places) > 1:
        main = run.where.main
        places = [
            m for m in places if main is not None and m.place is not None and m.place.id == main.id
        ]
    layer.carried_from = places  # one place carries on; a list of places does not
    return places


_LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[•*▪·-])\s")


def _list_item(run: _Run, layer: _Layer) -> bool:
    """The statement's paragraph is an item of a numbered or bulleted list (a point of its
    own, not the narrative's next step)."""
    line_start = run.norm.rfind("\n", 0, layer.st.start) + 1
    return _LIST_ITEM.match(run.norm, line_start) is not None


_LOOK_BACK = 3  # statements of the narrative a place carries over


def _place_giver(run: _Run, layer: _Layer, marked: bool) -> _Layer | None:
    """The statement whose places carry on: the one before in the same paragraph (or in the
    paragraph before, when ``marked``: words refer back, or narrative with no speaker goes on),
    passing over up to two statements that placed no claim ("The resistance was led by K. He
    retreated …")."""
    i = layer.st.index
    for back in range(1, _LOOK_BACK + 1):
        if i - back < 0:
            return None
        prev = run.layers[i - back]
        same = prev.st.line == layer.st.line or (marked and prev.st.line == layer.st.line - 1)
        if not same or prev.st.heading:
            return None
        if prev.used:
            return prev
    return None


def _inferred_key(here: Place | None, named_ids: set[str]) -> str:
    if here is None:
        return "none"
    return here.id if here.id in named_ids else f"inferred:{here.id}"


def _claim_places(run: _Run, layer: _Layer) -> list[PlaceMention]:
    found = layer.places.mentions
    found = without_lead_in(layer.text, found, layer.st.start) if layer.frames else found
    if layer.frames and len(found) > 1:
        # "A UN spokesman in Kabul said …": a place inside the speaker's phrase only
        # qualifies the speaker when the statement names another
        holes = [h for f in layer.frames for h in f.holes[:1]]
        outside = [
            m for m in found
            if not any(s <= m.start - layer.st.start < e for s, e in holes)
        ]  # fmt: skip
        found = outside or found
    return found


def _inferred(
    run: _Run, layer: _Layer, ref: str | None, found: list[PlaceMention], pos: int
) -> tuple[Place | None, str]:
    if ref is not None:
        before = [
            (m.place, "") for m in found if m.place is not None and m.start - layer.st.start < pos
        ]
        return run.where.refer(ref, before), PlaceRule.REFERENCE_BACK
    dateline = layer.places.dateline
    main = run.where.main
    if (
        not found
        and dateline is not None
        and dateline.place is not None
        and main is not None
        and (dateline.place.id == main.id or dateline.place.name == main.province)
    ):
        return dateline.place, PlaceRule.DATELINE
    if main is None:
        return None, PlaceRule.NONE
    return main, PlaceRule.INFERRED
