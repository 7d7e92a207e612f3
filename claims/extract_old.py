"""Articles → claims: one claim per (statement, place, kind), attributed, dated, located and
pinned to the exact words of the source.

The pipeline for one article:

1. statements: sentences and heading lines without page furniture (:mod:`claims.sentences`),
   an attribution-only sentence ("– X wrote on Twitter.") or a continuation ("The fighting
   continued till Sunday morning.") joined to the sentence before it; so is the attribution
   after a quote that runs over several sentences, and a denier's quote after the denial
   ("X denied that … “…,” he said.");
2. skip background: historical statements (:func:`claims.dates.is_historical`; the history of
   a paragraph carries on until a sentence names the current news window) and descriptions
   ("is led by", "90 miles north of Kabul");
3. triggers (:mod:`claims.kinds`), speakers (:mod:`claims.attribution`), figures
   (:mod:`claims.figures`), places (``gazetteer.find_mentions`` on the normalised statement),
   the date (:mod:`claims.dates`);
4. each trigger takes the places of its clause (else of the statement, else the place the
   article is about: a "the valley"/"the province" reference to the latest such place, or the
   place the headline names, else the place the article names most), the nearest figure of
   its clause, and the speaker whose scope covers it. A place inside the speaker's phrase ("A
   UN spokesman in Kabul said") only qualifies the speaker when the statement names another.
   A dateline's date is the filing date, not the event's; a speaker's biography ("…, who has
   sold rice here for three decades") does not make the statement history.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claims import attribution, dates, figures, kinds
from claims.model import Article, Claim
from claims.sentences import Sentence, normalise, split_sentences

if TYPE_CHECKING:
    from datetime import date

    from geo import Gazetteer, Place

_I = re.IGNORECASE
NAMED = "named in the sentence"
INFERRED = "inferred from the article"

_ATTRIBUTION_ONLY = re.compile(
    r"^\s*(?:-\s*)?(?:[\w.'-]+\s+){0,6}?(?:said|wrote|tweeted|added|claimed|stated|posted|"
    r"told\s+\w+|reported|announced)\b[^.!?]{0,60}[.!?]?\s*$",
    _I,
)
_CONTINUATION = re.compile(
    r"^(?:the|this|that|it|such|these|those)\s+(?:\w+\s+){0,2}(?:continued|lasted|went\s+on|"
    r"raged|persisted|carried\s+on)\b",
    _I,
)
_PRONOUN_SAID = re.compile(
    r"^(?:he|she|they|the\s+(?:spokes\w+|commander|official))\s+(?:\w+\s+)?(?:said|says|added|told|"
    r"claimed|insisted|noted)\b",
    _I,
)
_DESCRIPTION = re.compile(
    r"\b(?:is|are|was)\s+(?:now\s+|being\s+|currently\s+|also\s+)?led\s+by\b|"
    r"\b\d+\s*(?:km|kilomet(?:er|re)s?|miles)\s+(?:\w+\s+)?(?:north|south|east|west)\w*\s+of\b",
    _I,
)
_REFERENCE_POINT = re.compile(
    r"(?:(?:gateway|entrance|doorway|gate)\s+(?:in)?to(?:\s+the)?|"
    r",\s+on\s+the\s+(?:\w+\s+)?(?:road|route|highway)\s+(?:from|to|between|linking)\b[^,;.]*?|"
    r"\b(?:said|says|spoke|speaking|talking|told\s+\w+)\s+(?:[\w-]+\s+){0,3}?from|"
    r"(?:north|south|east|west)(?:east|west)?(?:ern)?\s+of|(?:km|kilomet(?:er|re)s?|miles)\s+"
    r"(?:from|of|outside)|outside\s+of|capital\s+of\s+the\s+country)\s+$",
    _I,
)
_DATELINE = re.compile(
    r"\W*(?-i:[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*)(?:,\s*(?-i:[A-Z][a-z]+))?"
    r"(?:,\s*(?:[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{4})?|"
    r"\d{4}-\d{2}-\d{2}))?\s*"
    r"(?:\([^)]{1,60}\))?\s*(?:-|:|–|—)\s",
)
# a generalisation ("Whoever holds X …") or a programme cue ("PRESENTER: On the question of
# talks.") asserts no event; a question asks, it does not assert.
_NOT_ASSERTED = re.compile(
    r"^(?:[A-Z][\w.' -]{0,30}:\s*)?(?:whoever|whichever\s+side|anyone\s+who\b|"
    r"(?:(?:and\s+)?now\s+|turning\s+)?(?:on|to)\s+(?:the\s+)?(?:question|subject|issue|matter|topic)"
    r"\s+of\b[^.,;]{0,40}[.:]?\s*$)",
    _I,
)
_OUTLET_NOUN = re.compile(
    r"\s+(?-i:Courier|Times|Post|News|Radio|Voice|Herald|Tribune|Agency|Press|TV|Daily|Observer|"
    r"Journal|Gazette|Television|Broadcasting|Chronicle)\b"
)
_TRAILING_RELATIVE = re.compile(r",\s+(?:who|whose|whom)\s[^\"]*$", _I)
_BACK_REFERENCE = re.compile(  # starts with a literal "th": the scan is faster (measured)
    r"th(?:(?:is|at|ese|ose|e\s+same)\s+(?:\w+\s+)?(?:battles?|attacks?|fighting|clash(?:es)?|"
    r"assaults?|offensive|operation|ambush|raids?|engagement)|e\s+(?:operation|raid|ambush|"
    r"assault|attack|battle))\b",
    _I,
)
_SINCE_THEN = re.compile(r"\bsince\s+then\b", _I)
_NEXT_WORD = re.compile(r"\s+(\w+)")
_FROM_VERB = re.compile(r"\s+(?:\w+\s+)?(?:from|out\s+of)\b", _I)
_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?$", _I)
_ANAPHORA = re.compile(
    r"\bthe\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}?(?P<noun>valley|province|district|city|town|village|pass|"
    r"region|area|capital)\b",
    _I,
)
_ANAPHORA_KINDS = {
    "valley": ("valley",),
    "province": ("province",),
    "district": ("district",),
    "city": ("city", "town"),
    "town": ("town", "city"),
    "village": ("village",),
    "pass": ("pass",),
}
_PLACE_CLAUSE_BREAK = re.compile(
    r";|\s-\s|[.!?]\s|,\s+(?:and|but|while|whereas|after|before)\b|"
    r"\s(?:and|but)\s+(?:that\b|the|a|an|they|it|he|she)\b|\bwhile\b|\bwhereas\b|"
    r",\s+(?=(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s+(?:says|said|claims|claimed|insists|"
    r"insisted|adds|added)\b)|"
    r"\sas\s+(?=(?:the\s+)?(?-i:[A-Z])|they\b|it\b|he\b|she\b)",
    _I,
)
_FIGURE_CLAUSE_BREAK = re.compile(
    r";|:|\s-\s|[.!?]\s|(?<!\d),(?!\s*(?:including|comprising|among\s+them|of\s+whom|mostly)\b)|"
    r",(?!\d)(?!\s*(?:including|comprising|among\s+them|of\s+whom|mostly)\b)|"
    r"\s(?:and|but|while|whereas|or)\s+(?=\S+\s+(?:\S+\s+)?(?:had|have|has|were|was|are|is)\b)|"
    r"\sand\s+(?=\d|(?:about|over|more|at\s+least|some|nearly|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|a\s+dozen|dozens|hundreds|thousands)\b)",
    _I,
)


@dataclass
class _Statement:
    start: int
    end: int
    line: int
    heading: bool
    continuation: tuple[int, int] | None = None  # span of a "continued till …" sentence
    single: bool = True  # one sentence, not yet joined with another


@dataclass
class _Quiet:
    """A statement without claim words: looked at only if a later statement needs it (its
    speaker for a "he said", its date for a "since then", its history for the paragraph)."""

    st: _Statement
    s_norm: str
    original: str
    context: str
    historical: bool | None = None


@dataclass
class _Context:
    """What one statement needs to know of the ones before it."""

    published: date | None
    outlet: str | None
    own_side: str = "other"  # the side of an outlet that is a party's own press office
    speaker: attribution.Speaker | None = None
    speaker_line: int = -1  # the paragraph the speaker was named in
    historical_line: int = -1
    explicit: date | None = None
    recent: list[tuple[Place, str]] = field(default_factory=list)  # (place, next word), latest last
    quiet: list[_Quiet] = field(default_factory=list)
    speaker_at: int = 0  # quiet statements before this index have been read for speakers
    explicit_at: int = 0  # … for explicit dates
    last_fix: dates.DateFix | None = None  # the date of the latest claim statement
    history_at: int = 0  # … for history

    def is_historical(self, q: _Quiet) -> bool:
        if q.historical is None:
            q.historical = dates.is_historical(q.s_norm, self.published)
        return q.historical

    def previous_speaker(self) -> attribution.Speaker | None:
        while self.speaker_at < len(self.quiet):
            q = self.quiet[self.speaker_at]
            self.speaker_at += 1
            if self.is_historical(q):
                continue
            found = attribution.find_speakers(
                q.s_norm, q.original, outlet=self.outlet, previous=self.speaker, context=q.context
            )
            if found:
                self.speaker = found[-1]
                self.speaker_line = q.st.line
        return self.speaker

    def latest_explicit(self) -> date | None:
        while self.explicit_at < len(self.quiet):
            q = self.quiet[self.explicit_at]
            self.explicit_at += 1
            if not self.is_historical(q):
                fix = dates.resolve(q.s_norm, self.published, self.explicit)
                self.explicit = fix.explicit or self.explicit
        return self.explicit

    def history_of_line(self, line: int) -> None:
        for q in self.quiet[self.history_at :]:
            if q.st.line == line and self.is_historical(q):
                self.historical_line = line
        self.history_at = len(self.quiet)


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    from geo import load_gazetteer

    return load_gazetteer()


def extract_claims(article: Article, gazetteer: Gazetteer | None = None) -> list[Claim]:
    """All claims of one article, in text order."""
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    text = article.text
    norm = normalise(text)
    statements = _statements(split_sentences(text, article.body_start, norm), norm)
    if not statements:
        return []
    everything = [_mentions(gaz, norm, st) for st in statements]
    mentions = [[m for m in found if not _is_country(m)] for found in everything]
    # the place the article is about; a country only when it names nothing finer
    main = _title_place(gaz, article.meta.title) or _main_place(mentions) or _main_place(everything)
    published = article.meta.published
    outlet = article.meta.outlet
    ctx = _Context(published, outlet, own_side=attribution.outlet_side(outlet, article.meta.author))
    claims: list[Claim] = []
    for st, found in zip(statements, mentions, strict=True):
        s_norm = norm[st.start : st.end]
        resolved_here = [
            (m.resolution.place, _NEXT_WORD.match(norm, m.end))
            for m in found
            if m.resolution.place is not None
        ]
        try:
            claims.extend(
                _claims_of(gaz, article, norm, st, s_norm, found, main, published, outlet, ctx)
            )
        finally:
            ctx.recent.extend(
                (place, nxt.group(1).lower() if nxt else "") for place, nxt in resolved_here
            )
    return claims


def _claims_of(
    gaz: Gazetteer,
    article: Article,
    norm: str,
    st: _Statement,
    s_norm: str,
    found: list[_Shifted],
    main: Place | None,
    published: date | None,
    outlet: str | None,
    ctx: _Context,
) -> list[Claim]:
    spans = tuple((m.start - st.start, m.end - st.start) for m in found)
    triggers = kinds.find_triggers(s_norm, spans)
    context = norm[_line_start(norm, st.start) : st.start]
    original = article.text[st.start : st.end]
    if not triggers:  # most statements: nothing to claim, look at them later if needed
        ctx.quiet.append(_Quiet(st, s_norm, original, context))
        return []
    # background: history carries on through a paragraph until the news window reappears
    ctx.history_of_line(st.line)
    # "…, said X, who has sold rice here for three decades.": the speaker's biography
    bio = _TRAILING_RELATIVE.search(s_norm) if "who" in s_norm else None
    if dates.is_historical(s_norm[: bio.start()] if bio else s_norm, published):
        ctx.historical_line = st.line
        return []
    if ctx.historical_line == st.line and not dates.has_current_marker(s_norm):
        return []
    if _DESCRIPTION.search(s_norm) or _NOT_ASSERTED.match(s_norm) or _is_question(s_norm):
        return []
    dateline = _DATELINE.match(s_norm) if s_norm[:2].isupper() else None
    # "KABUL, Sept. 4 (Wire) –": a dateline names where and when the report was filed; it is
    # neither a speaker nor the event's day (blanked, same length, so offsets hold)
    cut = dateline.end() if dateline else 0
    speakers = attribution.find_speakers(
        " " * cut + s_norm[cut:],
        " " * cut + original[cut:],
        outlet=outlet,
        previous=ctx.previous_speaker,
        context=context,
    )
    if not speakers and _is_quote_only(s_norm):
        # "“…,” he said. “We have lost only three men.”": a quote that follows an attributed
        # one in the same paragraph is the same speaker's
        prior = ctx.previous_speaker()
        if prior is not None and ctx.speaker_line == st.line:
            speakers = [attribution.Speaker(prior.claimant, prior.side, 0, len(s_norm))]
    if speakers:
        ctx.speaker = speakers[-1]
        ctx.speaker_at = len(ctx.quiet)
        ctx.speaker_line = st.line
    since_then = _SINCE_THEN.search(s_norm) is not None
    s_dated = " " * cut + s_norm[cut:]
    fix = dates.resolve(s_dated, published, ctx.latest_explicit() if since_then else None)
    if st.continuation is not None:
        fix = dates.extend_until(fix, norm[st.continuation[0] : st.continuation[1]], published)
    if (
        ctx.last_fix is not None
        and fix.basis.startswith("publication date")
        and _BACK_REFERENCE.search(s_norm)
    ):
        # "In this battle …", "… in the operation": the event dated by the statement before
        fix = ctx.last_fix
    ctx.last_fix = fix
    if fix.explicit is not None:
        ctx.explicit = fix.explicit
        ctx.explicit_at = len(ctx.quiet)
    figs = _assign_figures(s_norm, triggers)
    inferred = _inferred_place(s_norm, main, ctx.recent, gaz)
    out: dict[tuple[str, str], Claim] = {}
    attributed: dict[tuple[str, str], attribution.Speaker | None] = {}
    found = _without_locators(s_norm, found, st.start, bool(speakers))
    # "the town" refers back to a place named earlier in the same statement first, even one
    # that only located the speaker ("Residents of X said … the town …")
    named_here = [
        (m.start - st.start, m.resolution.place, _next_word(norm, m.end))
        for m in found
        if m.resolution.place is not None
    ]
    named_ids = {place.id for _, place, _ in named_here}
    if speakers and len(found) > 1:
        # "A UN spokesman in Kabul said …": a place inside the speaker's phrase only
        # qualifies the speaker (but "the district" later may still refer back to it)
        qualifying = _in_speaker_phrases(original, speakers, found, st.start)
        found = [m for m in found if m not in qualifying] or found
    for trig in triggers:
        speaker = _speaker_for(trig, speakers)
        claimant = speaker.claimant if speaker else attribution.default_claimant(outlet)
        side = speaker.side if speaker else ctx.own_side
        if side == "unknown" and ctx.own_side != "other":
            side = ctx.own_side  # in a party's own statement, an unnamed speaker is the party
        fig = figs.get(trig.start)
        places, ref = _places_for(s_norm, trig, found, st.start)
        if ref:
            before = [(place, nxt) for at, place, nxt in named_here if at < trig.start]
            here = _inferred_place(ref, main, ctx.recent + before, gaz)
        else:
            here = inferred
        for place in places or [None]:
            key = (_place_key(place, here), trig.kind)
            if place is None and here is not None and here.id in named_ids:
                key = (here.id, trig.kind)  # "the district" = the district named before it
            if key in out:
                if speaker is not None and attributed.get(key) is None:
                    # a speaker's claim outranks the reporter's framing of the same thing
                    keep = fig if fig is not None else _figure_of(out[key])
                    out[key] = _claim(
                        article, st, trig.kind, claimant, side, keep, place, here, fix
                    )
                    attributed[key] = speaker
                elif out[key].figure is None and fig is not None:
                    out[key] = _with_figure(out[key], fig)
                continue
            attributed[key] = speaker
            out[key] = _claim(article, st, trig.kind, claimant, side, fig, place, here, fix)
    return list(out.values())


_PLACE_TAIL = re.compile(r"\s*(?:[,.;:)!?\"]|\s+province\b|$)", _I)
_LEAD_IN = re.compile(r"^(?:[A-Z][\w.' -]{0,30}:\s*)?in\s+$", _I)


def _without_locators(
    s_norm: str, found: list[_Shifted], offset: int, has_speaker: bool
) -> list[_Shifted]:
    """Drop mentions that only locate another: a province right after a finer place ("Nijrab,
    Kapisa,"), and the opening "In Kabul," of a statement with a speaker (where the speaker
    was, not where the reported event happened)."""
    out = []
    for i, m in enumerate(found):
        place = m.resolution.place
        if i > 0 and place is not None and place.kind == "province":
            prev = found[i - 1]
            prev_place = prev.resolution.place
            if (
                s_norm[prev.end - offset : m.start - offset] == ", "
                and (prev_place is None or prev_place.kind not in ("province", "country"))
                and _PLACE_TAIL.match(s_norm, m.end - offset)
            ):
                continue
        if (
            has_speaker
            and _LEAD_IN.match(s_norm[: m.start - offset])
            and s_norm[m.end - offset : m.end - offset + 1] == ","
        ):
            continue
        out.append(m)
    return out


def _next_word(norm: str, pos: int) -> str:
    nxt = _NEXT_WORD.match(norm, pos)
    return nxt.group(1).lower() if nxt else ""


def _in_speaker_phrases(
    original: str, speakers: list[attribution.Speaker], found: list[_Shifted], offset: int
) -> list[_Shifted]:
    out = []
    for sp in speakers:
        if len(sp.claimant) < 4:
            continue
        at = original.find(sp.claimant)
        while at >= 0:
            end = at + len(sp.claimant)
            out += [m for m in found if at <= m.start - offset and m.end - offset <= end]
            at = original.find(sp.claimant, end)
    return out


def _title_place(gaz: Gazetteer, title: str | None) -> Place | None:
    """The first place the headline names, finer than a country: what the article is about."""
    if not title:
        return None
    for m in gaz.find_mentions(normalise(title)):
        place = m.resolution.place
        if place is not None and place.kind != "country":
            return place
    return None


def _statements(sents: list[Sentence], norm: str) -> list[_Statement]:
    out: list[_Statement] = []
    for s in sents:
        piece = norm[s.start : s.end]
        prev = out[-1] if out else None
        if prev is not None and prev.line == s.line and not s.heading:
            prev_text = norm[prev.start : prev.end]
            if _CONTINUATION.match(piece) and dates.TIME_EXPR.search(piece):
                prev.end = s.end
                prev.continuation = (s.start, s.end)
                prev.single = False
                continue
            if _ends_quote(prev_text) and (
                (_ATTRIBUTION_ONLY.match(piece) and not kinds.find_triggers(piece))
                or attribution.is_quote_source(piece)
            ):
                prev.end = s.end  # "“…” – X wrote on Twitter." / "“…” X made the statement."
                prev.single = False
                continue
            if (
                prev.single
                and not prev.heading
                and _QUOTE_THEN_PRONOUN.match(piece)
                and attribution.is_denial(prev_text)
            ):
                prev.end = s.end  # "X denied that … “…,” he said.": one statement of X
                prev.single = False
                continue
            if (
                prev.single
                and not prev.heading
                and _SPOKESPERSON_SAID.match(piece)
                and attribution.is_denial(prev_text)
            ):
                prev.end = s.end  # "X denied …. Y, a spokesman for X, said …": one statement
                prev.single = False
                continue
            if (
                prev.single
                and not prev.heading
                and (_is_quote_only(piece) or _PRONOUN_SAID.match(piece))
                and attribution.is_speaker_intro(prev_text)
                and not kinds.find_triggers(prev_text)
            ):
                prev.end = s.end  # "X told a different story. “…”" / "… He said …"
                prev.single = False
                continue
        out.append(_Statement(s.start, s.end, s.line, s.heading))
    return out


_SPOKESPERSON_SAID = re.compile(
    r"^(?:[\w.'-]+\s+){0,3}[\w.'-]+,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?spokes(?:man|woman|person)\b"
    r"[^.;\"]{0,60}?,\s+(?:said|says|added|told|insisted|claimed|stated)\b",
    _I,
)
_QUOTE_THEN_PRONOUN = re.compile(
    r'^"[^"]+[,.!?]"\s*(?:he|she|they|the\s+(?:spokes\w+|commander|official|statement))\s+'
    r"(?:\w+\s+)?(?:said|says|added|told|claimed|insisted|wrote|stated|continued)\b",
    _I,
)


def _is_question(text: str) -> bool:
    """A statement that ends in a question mark (inside or outside a closing quote), unless the
    question is only tagged on to an assertion ("X still holds Y - can anyone confirm?")."""
    if not text.rstrip().rstrip("\"')").endswith("?"):
        return False
    return " - " not in text and "; " not in text


def _ends_quote(text: str) -> bool:
    """A sentence that closes a quotation (all of it quoted, or the last part of a quote
    that runs over several sentences)."""
    text = text.strip()
    return _is_quote_only(text) or (text.endswith('"') and text.count('"') % 2 == 1)


def _is_quote_only(text: str) -> bool:
    text = text.strip()
    return text.startswith('"') and '"' in text[-3:] and text.count('"') >= 2


def _mentions(gaz: Gazetteer, norm: str, st: _Statement) -> list[_Shifted]:
    """Place mentions of a statement with article offsets. Reference points ("north of
    Kabul"), datelines and countries are left out: a country names the whole conflict (or
    sits in a name, "Islamic Emirate of Afghanistan"), not where something happened."""
    piece = norm[st.start : st.end]
    found = []
    dateline = _DATELINE.match(piece)
    for m in gaz.find_mentions(piece):
        if _REFERENCE_POINT.search(piece, max(0, m.start - 120), m.start):
            continue
        if _OUTLET_NOUN.match(piece, m.end):
            continue  # "told The Parwan Courier": a place inside an outlet's name
        if dateline is not None and m.start < dateline.end():
            continue  # "KABUL (Wire) -": where the report was filed, not where it happened
        found.append(_Shifted(m.start + st.start, m.end + st.start, m.text, m.resolution))
    return found


@dataclass(frozen=True, slots=True)
class _Shifted:
    """A geo Mention with offsets into the article instead of the statement."""

    start: int
    end: int
    text: str
    resolution: Any  # geo.Resolution


def _is_country(m: _Shifted) -> bool:
    place = m.resolution.place
    return place is not None and place.kind == "country"


def _main_place(mentions: list[list[_Shifted]]) -> Place | None:
    """The place the article names most (first named on a tie), or None."""
    counts: Counter[str] = Counter()
    first: dict[str, Place] = {}
    for found in mentions:
        for m in found:
            place = m.resolution.place
            if place is None:
                continue
            counts[place.id] += 1
            first.setdefault(place.id, place)
    if not counts:
        return None
    order = list(first)
    best = max(order, key=lambda pid: (counts[pid], -order.index(pid)))
    return first[best]


def _inferred_place(
    s_norm: str, main: Place | None, recent: list[tuple[Place, str]], gaz: Gazetteer
) -> Place | None:
    """ "the valley" → the latest valley named before, else the valley of the article's
    province ("Panjshir Valley"); otherwise the article's main place."""
    for m in _ANAPHORA.finditer(s_norm):
        noun = m["noun"].lower()
        wanted = _ANAPHORA_KINDS.get(noun)
        if not wanted:
            continue
        for place, next_word in reversed(recent):
            if place.kind in wanted or next_word == noun:  # "the upper Paryan valley"
                return place
        if main is not None:
            area = main.province or main.name
            found = gaz.resolve(f"{area} {noun}" if noun != "province" else area).place
            if found is not None and found.kind in wanted:
                return found
    return main


def _places_for(
    s_norm: str, trig: kinds.Trigger, found: list[_Shifted], offset: int
) -> tuple[list[_Shifted], str | None]:
    """Mentions in the trigger's clause, else in the statement; when the clause names no
    place but refers to one ("into the valley"), the referring text instead."""
    start, end = _clause(s_norm, trig.start, _PLACE_CLAUSE_BREAK)
    local = [m for m in found if start <= m.start - offset < end]
    if not local:
        ref = _ANAPHORA.search(s_norm, start, end)
        if ref is not None:
            return [], ref.group(0)
    chosen = local or found
    if len(chosen) > 1 and not _FROM_VERB.match(s_norm, trig.end):
        # "… through Anjuman Pass from Badakhshan": where they came from is not where it happened
        destinations = [m for m in chosen if not _ORIGIN.search(s_norm, 0, m.start - offset)]
        chosen = destinations or chosen
    if len(chosen) > 1:
        # "Bazarak, the provincial capital of Panjshir": the province only locates the town
        inner = {
            (m.resolution.place.province or "").lower()
            for m in chosen
            if m.resolution.place is not None and m.resolution.place.kind != "province"
        }
        chosen = [
            m
            for m in chosen
            if m.resolution.place is None
            or m.resolution.place.kind != "province"
            or m.resolution.place.name.lower() not in inner
        ] or chosen
    seen: set[str] = set()
    out = []
    for m in chosen:
        key = _place_key(m, None)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out, None


def _clause(text: str, pos: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    start, end = 0, len(text)
    for m in breaks.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _assign_figures(s_norm: str, triggers: list[kinds.Trigger]) -> dict[int, figures.Figure]:
    """Each figure goes to the nearest trigger of its clause; triggers joined by 'or'/'and'
    with no figure of their own share it ("1600 Taliban dead or captured")."""
    figs = figures.find_figures(s_norm)
    out: dict[int, figures.Figure] = {}
    for fig in figs:
        c_start, c_end = _clause(s_norm, fig.start, _FIGURE_CLAUSE_BREAK)
        near = [t for t in triggers if c_start <= t.start < c_end]
        if not near:
            continue
        best = min(near, key=lambda t: (_distance(fig, t), t.start < fig.start))
        if best.start in out:
            continue
        out[best.start] = fig
        for t in near:
            if t.start not in out and t.start > best.end:
                gap = s_norm[best.end : t.start]
                if re.fullmatch(r"\s+(?:or|and)\s+", gap):
                    out[t.start] = fig
    return out


def _distance(fig: figures.Figure, trig: kinds.Trigger) -> int:
    if fig.end <= trig.start:
        return trig.start - fig.end
    return max(0, fig.start - trig.end)


def _speaker_for(
    trig: kinds.Trigger, speakers: list[attribution.Speaker]
) -> attribution.Speaker | None:
    covering = [s for s in speakers if s.scope_start <= trig.start < s.scope_end]
    if not covering:
        return None
    return min(covering, key=lambda s: s.scope_end - s.scope_start)


def _place_key(mention: _Shifted | None, inferred: Place | None) -> str:
    if mention is None:
        return f"inferred:{inferred.id}" if inferred is not None else "none"
    place = mention.resolution.place
    if place is not None:
        return place.id
    return "unresolved:" + " ".join(mention.text.lower().split())


def _line_start(norm: str, pos: int) -> int:
    return norm.rfind("\n", 0, pos) + 1


def claim_id(file: str, sha256: str, start: int, end: int, place_key: str, kind: str) -> str:
    """Stable id: the same article text gives the same ids on every run."""
    raw = f"{Path(file).name}|{sha256[:16]}|{start}|{end}|{place_key}|{kind}"
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=8).hexdigest()


def statement_id(file: str, sha256: str, start: int, end: int) -> str:
    raw = f"{Path(file).name}|{sha256[:16]}|{start}|{end}"
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=6).hexdigest()


def _claim(
    article: Article,
    st: _Statement,
    kind: str,
    claimant: str,
    side: str,
    fig: figures.Figure | None,
    mention: _Shifted | None,
    inferred: Place | None,
    fix: dates.DateFix,
) -> Claim:
    meta = article.meta
    place = mention.resolution.place if mention is not None else inferred
    basis = NAMED if mention is not None else (INFERRED if inferred is not None else None)
    unresolved = mention.text if mention is not None and mention.resolution.place is None else None
    return Claim(
        id=claim_id(
            article.file, article.sha256, st.start, st.end, _place_key(mention, inferred), kind
        ),
        statement_id=statement_id(article.file, article.sha256, st.start, st.end),
        file=article.file,
        outlet=meta.outlet,
        title=meta.title,
        url=meta.url,
        published=meta.published.isoformat() if meta.published else None,
        claimant=claimant,
        side=side,
        kind=kind,
        figure=fig.value if fig else None,
        figure_qualifier=fig.qualifier if fig else None,
        place=place.name if place is not None else None,
        place_mention=mention.text if mention is not None else None,
        place_id=place.id if place is not None else None,
        lat=place.lat if place is not None else None,
        lon=place.lon if place is not None else None,
        radius_km=place.radius_km if place is not None else None,
        place_precision=place.precision if place is not None else None,
        place_basis=basis,
        unresolved_place=unresolved,
        date_start=fix.start.isoformat() if fix.start else None,
        date_end=fix.end.isoformat() if fix.end else None,
        date_precision=fix.precision,
        date_basis=fix.basis,
        quote=article.text[st.start : st.end],
        quote_start=st.start,
        quote_end=st.end,
    )


def _figure_of(claim: Claim) -> figures.Figure | None:
    if claim.figure is None:
        return None
    return figures.Figure(claim.figure, claim.figure_qualifier, 0, 0)


def _with_figure(claim: Claim, fig: figures.Figure) -> Claim:
    from dataclasses import replace

    return replace(claim, figure=fig.value, figure_qualifier=fig.qualifier)
