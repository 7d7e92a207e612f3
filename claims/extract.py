"""Articles → claims: one claim per (statement, place, kind), attributed, dated, located and
pinned to the exact words of the source.

The pipeline passes each stage once, in the shape of spaCy's ``Doc`` pipeline: every stage
adds one layer to the article's statements and later stages read the layers:

1. statements — sentences and heading lines, page furniture dropped, joins
   (:mod:`claims.sentences`, :mod:`claims.statements`);
2. places — gazetteer mentions, datelines, venues and qualifiers left out (:mod:`claims.places`);
3. cues — claim words and their kind (:mod:`claims.kinds`), background and non-assertions
   dropped (:mod:`claims.background`);
4. speakers — the dependency parse of the statements with a reporting cue, frames and the
   discourse that resolves pronouns and roles (:mod:`claims.grammar`, :mod:`claims.speakers`);
5. figures and dates (:mod:`claims.figures`, :mod:`claims.dates`);
6. claims — each claim word with its place(s), figure, speaker, date and stance; ``rule`` lists
   the ids of the rules that decided each.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from claims import background, dates, figures, grammar, kinds
from claims.actors import Actors, actors_for
from claims.frames import (
    REPORTED_PARTICIPLE,
    clause_scopes,
    fast_frames,
    fast_path,
    frames_from_parse,
    layout_frames,
    section_label_end,
    tail_only,
    through_quotations,
)
from claims.model import Article, Claim
from claims.places import (
    ArticlePlaces,
    PlaceMention,
    PlaceRule,
    StatementPlaces,
    main_place,
    places_for,
    statement_places,
    title_place,
    url_slug,
    without_lead_in,
    without_refuges,
)
from claims.profile import OTHER, UNKNOWN, Profile, load_profile
from claims.sentences import normalise, split_sentences
from claims.speakers import (
    HONORIFICS,
    Discourse,
    Frame,
    Number,
    SideReader,
    SpeakerRule,
    innermost,
)
from claims.stances import (
    FALSE_VERDICT,
    anaphoric_candidate,
    anaphoric_stances,
    counter_denials,
    denied,
)
from claims.statements import Join, Statement, build_statements
from claims.vocabulary import ASSERTS, DENIES, alternation, vocabulary

if TYPE_CHECKING:
    from geo import Gazetteer, Place

NAMED = "named in the sentence"
INFERRED = "inferred from the article"
_I = re.IGNORECASE


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    from geo import load_gazetteer

    return load_gazetteer()


_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    vocab = vocabulary()
    return frozenset({*vocab.reporting, "according", "per", "quoting", "citing", "rumours",
                      "rumors", "rumour", "rumor"})  # fmt: skip


@lru_cache(maxsize=1)
def _light_rx() -> re.Pattern[str]:
    vocab = vocabulary()
    light = alternation(vocab.light_verbs)
    objects = alternation([*vocab.light_objects, *vocab.documents])
    return re.compile(
        rf"\b(?:{light})\s+(?:[\w'-]+\s+){{0,3}}?(?:{objects})\b|\b(?:{objects})\s+(?:\w+\s+)?"
        rf"(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:{light})\b|\breports?\s+(?:that|of)\b",
        _I,
    )


_TALK_VERB = re.compile(
    r"\btalks?\s+(?:to|about|of|with\s+(?:reporters|journalists|the\s+media))\b", _I
)


def _reporting_cues(text: str) -> list[str]:
    """The reporting words of a statement (a word-set look-up; the light-verb pattern only
    runs when one of its verbs is there)."""
    words = _WORD.findall(text.lower())
    found = [w for w in words if w in _cue_words()]
    if ("talks" in found or "talk" in found) and not _TALK_VERB.search(text):
        found = [w for w in found if w not in ("talks", "talk")]  # "talks stall": negotiations
    if not set(words).isdisjoint(vocabulary().light_verbs) or "report" in text or "Report" in text:
        found += _light_rx().findall(text)
    return found


def has_cue(text: str) -> bool:
    """True when a statement holds a reporting cue."""
    return bool(_reporting_cues(text))


def needs_parse(text: str) -> bool:
    """True when the statement's speaker takes the grammar: it has a reporting cue that no
    fast template or layout rule reads ("X said …", "…, X said.", "According to X, …")."""
    cues = _reporting_cues(text)
    return bool(cues) and not _fast(text, cues)


_AGENTLESS = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?(?:reported|claimed|said|confirmed|"
    r"announced|rumoured|rumored)\b(?!\s+by\b)"
    # a headline's passive: "58 Taliban reported killed", "commander said to have been captured"
    rf"|\b(?:reported|said|claimed|feared|believed)\s+{REPORTED_PARTICIPLE}",
    _I,
)


def _fast(text: str, cues: list[str]) -> bool:
    """True when a fast template or a tail attribution reads every speaker of the statement:
    an agentless passive ("fighting was reported in …") names no speaker and does not count."""
    speaking = len(cues) - len(_AGENTLESS.findall(text))
    if speaking < 1:
        return False
    return fast_path(text, speaking) or (speaking == 1 and tail_only(text))


@dataclass
class _Layer:
    """What the stages found in one statement."""

    st: Statement
    text: str  # normalised
    original: str
    places: StatementPlaces
    triggers: list[kinds.Trigger] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    parse: object | None = None
    skip: str = ""  # why the statement makes no claim (a background rule id), or ""
    historical: bool | None = None  # computed when first needed
    fast: bool = False  # its attribution is read by a fast template, not the parse
    cues: list[str] = field(default_factory=list)  # its reporting words
    used: list = field(default_factory=list)  # the _Where of every claim made
    carried_from: list[PlaceMention] = field(default_factory=list)
    voice: _Voice | None = None  # the speaker carried over from before, when it has no frame


@dataclass
class _Run:
    """One article on its way through the pipeline."""

    article: Article
    gaz: Gazetteer
    profile: Profile
    actors: Actors
    norm: str
    layers: list[_Layer]
    where: ArticlePlaces
    discourse: Discourse = field(default_factory=Discourse)
    claims: list[Claim] = field(default_factory=list)
    last_fix: dates.DateFix | None = None
    explicit: object | None = None
    outlet_claimant: str = "the reporter"
    outlet_side: str = OTHER
    outlet_rule: str = SpeakerRule.OUTLET
    embeds: list[tuple[int, int, str]] = field(default_factory=list)
    reader: SideReader | None = None  # made at the first statement that needs it
    sidebar: frozenset[int] | None = None  # statements of unrelated headline runs (background)
    next_story: frozenset[int] = frozenset()  # statements of the page's next stories


def extract_claims(
    article: Article, gazetteer: Gazetteer | None = None, profile: Profile | None = None
) -> list[Claim]:
    """All claims of one article, in text order."""
    run = _prepare(article, gazetteer, profile)
    if run is None:
        return []
    _parse([run])
    return _finish(run)


def extract_batch(
    articles: Sequence[Article], gazetteer: Gazetteer | None = None, profile: Profile | None = None
) -> list[list[Claim] | Exception]:
    """The claims of several articles, each as :func:`extract_claims` gives them, with the
    statements of all of them parsed in one batch (the parser runs faster on bigger batches).
    An article whose extraction fails gets its exception in place of its claims; the others
    are not affected."""
    runs: list[_Run | Exception | None] = []
    for article in articles:
        try:
            runs.append(_prepare(article, gazetteer, profile))
        except Exception as exc:  # reported by the caller, per article
            runs.append(exc)
    try:
        _parse([run for run in runs if isinstance(run, _Run)])
    except Exception:  # one article's text upset the parser: parse them one by one
        for i, run in enumerate(runs):
            if isinstance(run, _Run):
                try:
                    _parse([run])
                except Exception as exc:
                    runs[i] = exc
    out: list[list[Claim] | Exception] = []
    for run in runs:
        if run is None or isinstance(run, Exception):
            out.append([] if run is None else run)
            continue
        try:
            out.append(_finish(run))
        except Exception as exc:
            out.append(exc)
    return out


def _finish(run: _Run) -> list[Claim]:
    for layer in run.layers:
        _claims_of(run, layer)
        run.where.remember(run.norm, layer.places.mentions)
        run.discourse.note_parties(run.actors.find(layer.text), layer.st.line)
    _headline_stances(run)
    return _named_later(run.claims)


def _headline_stances(run: _Run) -> None:
    """A headline that denies or confirms a party's claim before the story tells it
    ("Resistance refutes Taliban claim"): the claim is the party's first one below."""
    heads = [
        layer for layer in run.layers
        if layer.st.heading and not layer.triggers and layer.frames
        and not any(layer.st.start <= c.quote_start < layer.st.end for c in run.claims)
    ]  # fmt: skip
    added = [c for layer in heads for c in anaphoric_stances(run, layer, later=True)]
    if added:
        run.claims.extend(added)
        run.claims.sort(key=lambda c: c.quote_start)


_SURNAME = re.compile(rf"(?:(?:{HONORIFICS})\.?\s+)?(?-i:[A-Z])[\w'-]+")


def _named_later(claims: list[Claim]) -> list[Claim]:
    """A speaker named by surname alone before the article names them in full ("Waziri said
    …" in a standfirst, "police spokesman Asif Waziri told reporters" below): the surname
    takes the side the full name has (``S-named-later``)."""
    known: dict[str, tuple[str, str]] = {}
    for c in claims:
        words = c.claimant.split()
        if len(words) > 1 and c.side not in (UNKNOWN, OTHER) and words[-1][:1].isupper():
            known.setdefault(words[-1], (c.claimant, c.side))
    if not known:
        return claims
    out = []
    for c in claims:
        if c.side == UNKNOWN and _SURNAME.fullmatch(c.claimant):
            found = known.get(c.claimant.split()[-1])
            if found is not None:
                rule = " ".join(
                    f"{part}+S-named-later" if part.startswith("S-") else part
                    for part in c.rule.split()
                )
                c = replace(c, side=found[1], rule=rule)
        out.append(c)
    return out


def _named_area(gaz: Gazetteer, main: Place | None) -> Place | None:
    """An article about "the Panjshir valley" is about the province of that name: a claim the
    text does not place is put in the province the valley is named after."""
    if main is None or main.kind != "valley" or not main.province:
        return main
    if not main.name.lower().startswith(main.province.lower()):
        return main
    province = gaz.resolve(main.province).place
    return province if province is not None and province.kind == "province" else main


def _prepare(article: Article, gazetteer: Gazetteer | None, profile: Profile | None) -> _Run | None:
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    profile = profile if profile is not None else load_profile()
    text = article.text
    norm = normalise(text)
    statements = build_statements(split_sentences(text, article.body_start, norm), norm)
    if not statements:
        return None
    layers = []
    for st in statements:
        places = statement_places(gaz, norm, st.start, st.end)
        layers.append(_Layer(st, norm[st.start : st.end], text[st.start : st.end], places))
    actors = actors_for(profile).for_article(norm)
    elsewhere = background.next_stories(norm, layers, actors)
    own = [layer for layer in layers if layer.st.index not in elsewhere]
    main = (
        title_place(gaz, article.meta.title or url_slug(article.meta.url))
        or main_place([layer.places.mentions for layer in own])
        or main_place([layer.places.countries for layer in own])
    )
    where = ArticlePlaces(gaz, _named_area(gaz, main))
    run = _Run(article, gaz, profile, actors, norm, layers, where, next_story=elsewhere)
    _outlet_voice(run)
    run.embeds = _embeds(run.norm)
    for layer in layers:
        _cues(run, layer)
    return run


def _outlet_voice(run: _Run) -> None:
    meta = run.article.meta
    run.outlet_claimant = meta.outlet or "the reporter"
    party = run.actors.party_of(meta.outlet) or run.actors.party_of(meta.author)
    party = party or run.actors.party_of_site(meta.outlet) or run.actors.party_of_site(meta.url)
    if party is not None:
        run.outlet_side = party.side
        run.outlet_rule = SpeakerRule.PARTY_OUTLET


def _cues(run: _Run, layer: _Layer) -> None:
    spans = tuple((m.start - layer.st.start, m.end - layer.st.start) for m in layer.places.mentions)
    layer.triggers = kinds.find_triggers(layer.text, spans)
    cut = layer.places.dateline_end
    if cut and layer.triggers and layer.text[:cut].isupper():
        # "RESPONSE TO RESISTANCE OFFENSIVES - …": a label in capitals before the dash, like a
        # dateline, tells no claim
        layer.triggers = [t for t in layer.triggers if t.start >= cut]


def _parse(runs: Sequence[_Run]) -> None:
    """Parse, in one batch, every statement (of these articles) whose speaker the grammar must
    tell."""
    wanted = [(run, layer) for run in runs for layer in _to_parse(run)]
    texts = []
    for run, layer in wanted:
        # a dateline ("KABUL, Sept 4 (Agency) -") misleads the parser: it is blanked, same length
        cut = layer.places.dateline_end or section_label_end(layer.text, run.actors)
        texts.append(" " * cut + layer.text[cut:] if cut else layer.text)
    for (_, layer), doc in zip(wanted, grammar.parse(texts), strict=True):
        layer.parse = doc


def _to_parse(run: _Run) -> list[_Layer]:
    """The statements of one article that need the parse (the others are read by templates,
    or have no reporting word, or nothing a parse would change)."""
    wanted = []
    for layer in run.layers:
        cues = layer.cues = _reporting_cues(layer.text)
        if not cues:
            continue
        if _fast(layer.text, cues):
            layer.fast = True
        elif layer.triggers or _speaks_for_later(run, layer):
            wanted.append(layer)
    return wanted


def _speaks_for_later(run: _Run, layer: _Layer) -> bool:
    """A statement without claim words is parsed only when its frames can matter: it denies or
    confirms an earlier claim, or its speaker (a party, a person, a role) can be referred back to
    ("he", "the spokesman") by a later statement. "Analysts say the winter will be hard" is
    neither."""
    if anaphoric_candidate(layer.text):
        return True
    if run.actors.find(layer.text):
        return True
    words = set(_WORD.findall(layer.text.lower()))
    return bool(words & _referable())


_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _referable() -> frozenset[str]:
    v = vocabulary()
    return v.roles | v.collectives  # a document alone ("many reports") names nobody


# ---------------------------------------------------------------- one statement


def _reader(run: _Run) -> SideReader:
    """The article's side reader: what it reads (actors, outlet, publication day, the text for
    the governing side) is the article's, so it is made once."""
    if run.reader is None:
        meta = run.article.meta
        run.reader = SideReader(run.actors, meta.outlet, meta.published, run.article.text)
    return run.reader


def _frames(run: _Run, layer: _Layer) -> list[Frame]:
    reader = _reader(run)
    run.discourse.start(layer.st.line)
    frames = []
    if layer.parse is not None:
        frames += frames_from_parse(layer.parse, layer.text, layer.original, reader, run.discourse)
    elif layer.fast:
        frames += fast_frames(layer.text, layer.original, reader, run.discourse)
    layout = list(layout_frames(layer.text, layer.original, run.actors, reader, run.discourse))
    frames = _relays(_prefer_layout(frames, layout))
    frames = through_quotations(layer.text, clause_scopes(layer.text, frames))
    frames = _tail_back_through_quotation(layer.text, frames)
    if layer.st.join is Join.REFERRED:
        # "… were killed. This was revealed by X.": X says the sentence before as well
        first = layer.st.first_end - layer.st.start
        frames = [
            replace(f, scope=(0, len(layer.text)), whole=True) if f.cue >= first else f
            for f in frames
        ]
    if layer.st.join is Join.INTRO_QUOTE:
        # 'X told a different story. "…"': the introduction's speaker says the quotation
        first = layer.st.first_end - layer.st.start
        frames = [
            replace(f, scope=(f.scope[0], len(layer.text)), whole=True) if f.cue < first else f
            for f in frames
        ]
    frames = _first_person(layer.text, frames)
    return _called_false(layer.text, frames, run.discourse, layer.st.line)


# "The Taliban's claim that they took the valley is false": the owner of the claim does not
# say this; whoever speaks here denies it
_OWNED_CLAIM = re.compile(
    r"(?:the\s+)?[\w'’ -]{1,40}?(?:'s|’s|s'|s’)\s+(?:claims?|statements?|assertions?|reports?|"
    r"allegations?)\b",
    re.IGNORECASE,
)
_CALLED_FALSE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:all\s+|completely\s+|totally\s+|simply\s+|utterly\s+)?"
    rf"(?:{FALSE_VERDICT})\b",
    re.IGNORECASE,
)
_RECENT_LINES = 2  # a voice this many paragraphs back may still be speaking (a tweet quoted)


def _called_false(text: str, frames: list[Frame], discourse: Discourse, line: int) -> list[Frame]:
    """A frame that is only the owner of a claim called false is given to the one who calls
    it false: another speaker of the statement, else a speaker of the paragraphs just before
    (S-called-false, a denial)."""
    out = []
    for f in frames:
        hole = f.holes[0] if f.holes else None
        owned = _OWNED_CLAIM.match(text, hole[0]) if hole is not None else None
        end = text.find(". ", owned.end()) if owned is not None else -1
        end = end if end > 0 else len(text)
        if owned is None or not _CALLED_FALSE.search(text, owned.end(), end):
            out.append(f)
            continue
        denier = _denier(f, frames, discourse, line)
        if denier is None:
            out.append(f)
            continue
        claimant, side, party = denier
        out.append(replace(f, claimant=claimant, side=side, party=party, stance=DENIES,
                           rule=f"{f.rule}+{SpeakerRule.CALLED_FALSE}"))  # fmt: skip
    return out


def _denier(
    f: Frame, frames: list[Frame], discourse: Discourse, line: int
) -> tuple[str, str, str | None] | None:
    others = [g for g in frames if g is not f and g.side != UNKNOWN and g.side != f.side]
    if others:
        g = min(others, key=lambda g: abs(g.cue - f.cue))
        return g.claimant, g.side, g.party
    voices = [v for v in discourse.voices if v.line >= line - _RECENT_LINES and v.side != f.side]
    if voices and voices[-1].side != UNKNOWN:
        v = voices[-1]
        return v.claimant, v.side, v.party
    return None


_FIRST_PERSON = frozenset({"we", "i"})


def _said_as_we(text: str, f: Frame) -> bool:
    """The frame's speaker is "we" or "I" (read as written, or linked to an earlier speaker:
    inside a quotation the one who is quoted says it)."""
    if f.side == UNKNOWN and f.claimant.lower() in _FIRST_PERSON:
        return True
    hole = f.holes[0] if f.holes else None
    return hole is not None and text[hole[0] : hole[1]].lower() in _FIRST_PERSON


_SINGLE_CLOSE = re.compile(r"[.,!?]'(?=\s|$)")


def _inside_quotation(text: str, at: int) -> bool:
    """``at`` is inside a quotation: after an odd number of double marks, or inside a
    quotation in single marks that opens the statement ("'It is not true, I reject it,' X
    said")."""
    if text.count('"', 0, at) % 2 == 1:
        return True
    return (
        text.lstrip().startswith("'")
        and _SINGLE_CLOSE.search(text, 0, at) is None
        and (_SINGLE_CLOSE.search(text, at) is not None)
    )


def _first_person(text: str, frames: list[Frame]) -> list[Frame]:
    """'"We deny that …," X said': "we" or "I" inside a quotation is its speaker, X."""
    out = []
    for f in frames:
        if _said_as_we(text, f):
            at = f.holes[0][0] if f.holes else f.cue
            outer = [
                g for g in frames
                if g is not f and g.side != UNKNOWN and g.scope[0] <= at < g.scope[1]
                and _inside_quotation(text, at) and not _said_as_we(text, g)
            ]  # fmt: skip
            if outer:
                g = min(outer, key=lambda g: g.size)
                f = replace(f, claimant=g.claimant, side=g.side, party=g.party,
                            rule=f"{f.rule}+{g.rule}")  # fmt: skip
        out.append(f)
    return out


def _prefer_layout(parsed: list[Frame], layout: list[Frame]) -> list[Frame]:
    """A layout frame ("…, X said.", '"…" – X') replaces the parse's frame of the same cue, and
    the frames that took their subject from it ("…, adding …")."""
    by_cue = {f.cue: f for f in layout}
    # a frame whose subject the parse found at the layout's cue was misread there; one that
    # inherited its subject ("…, saying …, reported X": "reported" took "saying"'s) was not
    replaced = {
        f.holes[:1]: by_cue[f.cue]
        for f in parsed
        if f.cue in by_cue and f.holes and SpeakerRule.INHERITED not in f.rule
    }
    # '…," Ariana quoted Y as saying': "saying" (whose subject the parse takes to be the
    # channel) is Y's, read by the layout frame
    quoting = min((f.cue for f in layout if f.rule == SpeakerRule.SOURCE), default=None)
    out = []
    for f in parsed:
        if f.cue in by_cue or (quoting is not None and f.cue > quoting):
            continue
        new = replaced.get(f.holes[:1]) if f.holes else None
        if new is not None:
            f = replace(f, claimant=new.claimant, side=new.side, holes=new.holes, party=new.party)
        out.append(f)
    return out + layout


_CLOSED_BEFORE = re.compile(r'[.,!?]?"\s*,?\s*$')


def _tail_back_through_quotation(text: str, frames: list[Frame]) -> list[Frame]:
    """'"A. B," said X': a speaker named after a closing mark says the whole quotation, back to
    its opening mark, though a frame inside it (a relative clause of A) cut it at a sentence."""
    out = []
    for f in frames:
        hole = f.holes[0] if f.holes else None
        at = min(hole[0], f.cue) if hole is not None else 0
        if (
            f.rule != SpeakerRule.TAIL
            or hole is None
            or not _CLOSED_BEFORE.search(text, 0, at)
            or text.count('"', 0, at) % 2
        ):
            out.append(f)
            continue
        closing = text.rfind('"', 0, at)
        opening = text.rfind('"', 0, closing)
        introduced = any(  # 'X said, "…," reported Tolo News': X introduced the quotation
            g is not f and g.cue < opening and g.scope[0] <= opening < g.scope[1] for g in frames
        )
        if 0 <= opening < f.scope[0] and not introduced:
            f = replace(f, scope=(opening, f.scope[1]))
        out.append(f)
    return out


def _relays(frames: list[Frame]) -> list[Frame]:
    """A relay of the same words is the outer frame: "The Taliban confirmed that …, Tolo News
    reported" (the tail relays the lead speaker), '"…," said the spokesman, citing Reuters' (a
    news agency cited beside a speaker is the channel). The relay ranks below the speaker it
    relays, so the innermost source speaks."""
    if len(frames) < 2:
        return frames
    press = vocabulary().press
    out = []
    for f in frames:
        relayed = f.rule == SpeakerRule.TAIL and any(
            g is not f and g.scope == f.scope and g.holes and f.holes
            and g.holes[0][1] <= g.cue < f.holes[0][0] and g.side not in (UNKNOWN, OTHER)
            for g in frames
        )  # fmt: skip
        channel = f.rule == SpeakerRule.SOURCE and f.claimant.lower() in press and any(
            g is not f and g.scope == f.scope and g.side not in (UNKNOWN, OTHER) for g in frames
        )  # fmt: skip
        out.append(replace(f, rank=min(f.rank, -1)) if relayed or channel else f)
    return out


def _claims_of(run: _Run, layer: _Layer) -> None:
    if not layer.triggers and not layer.cues and ":" not in layer.text:
        run.discourse.start(layer.st.line)  # nothing claimed, nobody speaking: no frames
        return
    layer.frames = _frames(run, layer)
    if run.outlet_side != OTHER:
        layer.frames = [_own_party(f, run.outlet_side) for f in layer.frames]
    try:
        if not layer.triggers:
            run.claims.extend(anaphoric_stances(run, layer))
            return
        layer.skip, layer.triggers = background.review(run, layer)
        if layer.skip:
            return
        restated = anaphoric_stances(run, layer, own_claims=True)
        own = _sided_by_denial(layer, _claims(run, layer), restated)
        own, counters = counter_denials(run, layer, own)
        run.claims.extend(own)
        run.claims.extend(counters)
        run.claims.extend(_denials_kept(own, restated))
    finally:
        for frame in layer.frames:
            run.discourse.remember(frame, layer.st.line)


def _denials_kept(own: list[Claim], restated: list[Claim]) -> list[Claim]:
    """The denials of earlier claims that stand beside a statement's own claims. "The
    allegations are false," he said, adding that thousands hold the valley: a denial beside a
    claim of another kind stands. A denier who gives his own version of the same events
    ("rejected the account: the district is ours") has made his claim, unless his version is
    of another place ("rejected the claim of all districts and said they had retaken Paryan")."""
    kinds = {c.kind for c in own}
    if not {c.kind for c in restated} & kinds:
        return restated
    return [c for c in restated if c.kind in kinds and _elsewhere(c, own)]


def _elsewhere(denial: Claim, own: list[Claim]) -> bool:
    """The denier's own claims of the denial's kind are his assertions about other places."""
    return all(
        o.stance == ASSERTS and o.claimant == denial.claimant and o.place != denial.place
        for o in own
        if o.kind == denial.kind
    )


def _sided_by_denial(layer: _Layer, own: list[Claim], restated: list[Claim]) -> list[Claim]:
    """A speaker of no known side whose denial told his side (stances.denier_side) speaks
    with that side in the rest of the statement, and is remembered with it."""
    told = {c.claimant: c.side for c in restated if c.side != UNKNOWN}
    if not told:
        return own
    layer.frames = [
        replace(f, side=told[f.claimant]) if f.side == UNKNOWN and f.claimant in told else f
        for f in layer.frames
    ]
    return [
        replace(c, side=told[c.claimant], rule=_with_speaker_rule(c.rule, SpeakerRule.DENIER))
        if c.side == UNKNOWN and c.claimant in told
        else c
        for c in own
    ]


def _with_speaker_rule(rule: str, extra: str) -> str:
    """ "K-x S-subject P-y D-z" with ``extra`` added to its speaker rule."""
    parts = rule.split(" ")
    return " ".join(f"{p}+{extra}" if p.startswith("S-") else p for p in parts)


def _own_party(frame: Frame, side: str) -> Frame:
    """In a party's own statement, a speaker whose side the phrase does not tell is the party."""
    return replace(frame, side=side) if frame.side == UNKNOWN else frame


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


def _claims(run: _Run, layer: _Layer) -> list[Claim]:
    st, text = layer.st, layer.text
    fix = _date(run, layer)
    figs = figures.assign(text, layer.triggers)
    found = _claim_places(run, layer)
    named_ids = {m.place.id for m in found if m.place is not None}
    out: dict[tuple[str, str], Claim] = {}
    for trig in layer.triggers:
        if _in_speaker_phrase(layer, trig):
            continue  # "according to people who left the valley": it describes the speaker
        voice = _voice(run, layer, trig.start)
        if voice.opinion:
            continue  # an analyst's reading of events is opinion, not a claim
        stance = DENIES if voice.stance == DENIES or denied(text, trig.start) else ASSERTS
        fig = figs.get(trig.start)
        for where in _wheres(run, layer, trig, found, named_ids):
            claim = _claim(run, st, trig, voice, stance, fig, where, fix)
            place = where.place.id if where.place is not None else where.key
            _keep(out, (place, trig.kind), claim, voice)  # one claim per (place, kind)
            layer.used.append(where)
    return list(out.values())


def _in_speaker_phrase(layer: _Layer, trig: kinds.Trigger) -> bool:
    """The claim word describes a speaker ("according to people who fled the fighting"),
    unless it is what a relative clause of that speaker reports ("…, which says the fighting
    goes on": the relative frame's content)."""

    def in_hole(f: Frame) -> bool:
        return any(s <= trig.start < e for s, e in f.holes[:1])

    if not any(in_hole(f) for f in layer.frames if f.scope[0] < f.scope[1]):
        return False
    return not any(
        SpeakerRule.RELATIVE in f.rule and f.scope[0] <= trig.start < f.scope[1] and not in_hole(f)
        for f in layer.frames
    )


def _wheres(
    run: _Run, layer: _Layer, trig: kinds.Trigger, found: list[PlaceMention], named_ids: set[str]
) -> list[_Where]:
    if trig.kind != "other":  # the displaced are where they fled to; the fighting is not
        found = without_refuges(layer.text, found, layer.st.start)
    chosen, ref, place_rule = places_for(
        layer.text, trig.start, trig.end, found, layer.st.start, trig.kind,
        by_sentence=layer.st.join is Join.QUOTE_RUN
        or (trig.kind == "negotiation" and layer.text.lstrip().startswith('"')),
        # sentences joined by an introduction or a reference back share their places
        later_own=layer.st.join not in (Join.INTRO_QUOTE, Join.REFERRED, Join.DENIAL_QUOTE),
    )  # fmt: skip
    if chosen:
        return [_where_named(m, place_rule) for m in chosen]
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


def _keep(
    out: dict[tuple[str, str], Claim], key: tuple[str, str], claim: Claim, voice: _Voice
) -> None:
    """One claim per (place, kind): a speaker's claim outranks the reporter's framing; the
    first figure found is kept."""
    old = out.get(key)
    if old is None:
        out[key] = claim
        return
    if voice.attributed and "S-outlet" in old.rule:
        figure = claim.figure if claim.figure is not None else old.figure
        qualifier = claim.figure_qualifier if claim.figure is not None else old.figure_qualifier
        out[key] = replace(claim, figure=figure, figure_qualifier=qualifier)
    elif old.figure is None and claim.figure is not None:
        out[key] = replace(
            old, figure=claim.figure, figure_qualifier=claim.figure_qualifier,
            figure_scope=claim.figure_scope,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Voice:
    claimant: str
    side: str
    rule: str
    stance: str
    attributed: bool
    opinion: bool = False


def _voice(run: _Run, layer: _Layer, pos: int) -> _Voice:
    frame = innermost(layer.frames, pos)
    if frame is not None:
        opinion = frame.head in vocabulary().opinion
        return _Voice(frame.claimant, frame.side, frame.rule, frame.stance, True, opinion)
    if layer.voice is None:
        layer.voice = _carried(run, layer)
    if layer.voice is not None:
        return layer.voice
    embedded = _embedded(run, layer)
    if embedded is not None:
        return embedded
    return _Voice(run.outlet_claimant, run.outlet_side, run.outlet_rule, ASSERTS, False)


# an embedded post's signature after its text: "pic.twitter.com/x— Name (@handle) 2 May 2021"
_EMBED_SIGNATURE = re.compile(
    r"(?:pic\.twitter\.com/\w+)?\s*[-\u2013\u2014]\s*(?P<who>[^()\n]{2,60}?)\s*\(\s*@\s*\w+\s*\)"
    r"\s*(?:[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
)
_EMBED_LENGTH = 320  # a post is short: its text is the lines right before the signature


def _embeds(text: str) -> list[tuple[int, int, str]]:
    """(start, end, author) of every embedded post signed after its text."""
    out: list[tuple[int, int, str]] = []
    if "@" not in text:  # every signature holds a handle
        return out
    for m in _EMBED_SIGNATURE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        while start > 0:
            prev = text.rfind("\n", 0, start - 1) + 1
            if m.start() - prev > _EMBED_LENGTH or not text[prev : start - 1].strip():
                break
            start = prev
        out.append((start, m.start(), m.group("who").strip()))
    return out


def _embedded(run: _Run, layer: _Layer) -> _Voice | None:
    """A statement of an embedded post is its author's (side from the profile, if known)."""
    pos = layer.st.start
    for start, end, who in run.embeds:
        if start <= pos < end:
            party = run.actors.party_of(who)
            side = party.side if party is not None else UNKNOWN
            return _Voice(who, side, SpeakerRule.EMBED, ASSERTS, True)
    return None


_CARRY_START = re.compile(
    r"^(?:in\s+addition|additionally|also|furthermore|moreover|besides|he\s+also|she\s+also)\b",
    _I,
)


def _carried(run: _Run, layer: _Layer) -> _Voice | None:
    """Reported speech that carries on: a sentence of the same paragraph after a fully
    attributed one, opening with "In addition", "Also", "Furthermore", or a quotation that
    follows an attributed quotation."""
    i = layer.st.index
    if i == 0 or layer.st.heading:
        return None
    prev = run.layers[i - 1]
    if prev.st.line != layer.st.line:
        return _quote_goes_on(run, prev, layer)
    turn = _turn_label(run, layer)
    if turn is not None:
        return turn
    if _quoted_claim_words(layer):
        voice = _last_voice_in_paragraph(run, layer)
        if voice is not None:
            return voice
    whole = [f for f in prev.frames if f.whole]
    if not whole:
        return None
    quote = layer.text.lstrip().startswith('"') and prev.text.rstrip().endswith(('"', "."))
    if not (_CARRY_START.match(layer.text) or quote or _left_open(prev.text)):
        return None
    f = whole[-1]
    return _Voice(f.claimant, f.side, f"{f.rule}+{SpeakerRule.CARRY}", f.stance, True)


def _quoted_claim_words(layer: _Layer) -> bool:
    """Every claim word of the statement stands inside a quotation ('In the clashes,
    "numerous elements of the enemy were killed"'): someone's words, quoted by the outlet."""
    marks = [i for i, ch in enumerate(layer.text) if ch == '"']
    spans = list(zip(marks[::2], marks[1::2], strict=False))
    return bool(layer.triggers) and all(
        any(s < t.start < e for s, e in spans) for t in layer.triggers
    )


def _last_voice_in_paragraph(run: _Run, layer: _Layer) -> _Voice | None:
    """The speaker of the latest attributed statement before this one in its paragraph (over
    at most two statements of the outlet's own narration)."""
    i = layer.st.index
    for prev in reversed(run.layers[max(0, i - 3) : i]):
        if prev.st.line != layer.st.line:
            return None
        sided = [f for f in prev.frames if f.side != UNKNOWN]
        if sided:
            f = sided[-1]
            return _Voice(f.claimant, f.side, f"{f.rule}+{SpeakerRule.CARRY}", ASSERTS, True)
    return None


def _turn_label(run: _Run, layer: _Layer) -> _Voice | None:
    """A transcript's turn: a paragraph opened by a speaker's label ("NAZARY: …") is that
    speaker's to its end, every sentence of it."""
    i = layer.st.index
    while i > 0 and run.layers[i - 1].st.line == layer.st.line:
        i -= 1
    first = run.layers[i]
    if first is layer:
        return None
    label = next((f for f in first.frames if f.rule == SpeakerRule.LABEL and f.scope[0] < 40), None)
    if label is None:
        return None
    return _Voice(label.claimant, label.side, f"{label.rule}+{SpeakerRule.CARRY}", ASSERTS, True)


_OPENING = re.compile(r"(?:^|[:,]\s*|\s)(?P<mark>[\"'])(?=[A-Z])")


def _left_open(text: str) -> bool:
    """'X said: "The Taliban attacked …' with no closing mark: the quotation goes on into the
    next sentence of the paragraph."""
    m = _OPENING.search(text)
    if m is None:
        return False
    rest = text[m.end() :]
    if m.group("mark") == '"':
        return rest.count('"') % 2 == 0
    return re.search(r"[.!?,]'(?:\s|$)|'\s*$", rest) is None


_SINGLE_MARK = re.compile(r"(?<![A-Za-z])'|'(?![A-Za-z])")  # a quotation mark, no apostrophe


def _one_quotation(text: str) -> bool:
    """A paragraph that is one quotation, in double or single marks, closed at its end or left
    open for the next paragraph ('"We tried our best … all in vain.' then '"We still want …"')."""
    if len(text) < 3 or text[0] not in "\"'":
        return False
    mark = text[0]
    inner = text[1:-1] if text[-1] == mark else text[1:]
    if mark == '"':
        return '"' not in inner
    return _SINGLE_MARK.search(inner) is None


def _quote_goes_on(run: _Run, prev: _Layer, layer: _Layer) -> _Voice | None:
    """A paragraph that is one quotation and names no speaker, after a paragraph ending in an
    attributed quotation or attributed reported speech: the same speaker goes on (news style
    attributes a long quotation once, at its first paragraph)."""
    if not _one_quotation(layer.text.strip()):
        return None
    if not prev.frames:
        if prev.voice is None:
            prev.voice = _carried(run, prev)
        return prev.voice  # a further paragraph of the same quotation
    # else reported speech: "…, he said." then his quotation
    quoted = '"' in prev.text or _SINGLE_MARK.search(prev.text) is not None
    end = min(len(prev.text.rstrip()) - 1, len(prev.text.rstrip(" .!?\"'")))
    closing = [
        f for f in prev.frames if f.scope[1] >= end and f.side != UNKNOWN and (quoted or f.whole)
    ]
    if not closing:
        return None
    f = max(closing, key=lambda f: (f.size, f.rank))
    return _Voice(f.claimant, f.side, f"{f.rule}+{SpeakerRule.CARRY}", ASSERTS, True)


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


def _date(run: _Run, layer: _Layer) -> dates.DateFix:
    text = layer.text
    published = run.article.meta.published
    cut = layer.places.dateline_end
    dated = " " * cut + text[cut:]
    since_then = "since then" in text.lower()
    fix = dates.resolve(dated, published, run.explicit if since_then else None, run.profile.window)
    if layer.st.continuation is not None:
        s, e = layer.st.continuation
        fix = dates.extend_until(fix, run.norm[s:e], published)
    if (
        run.last_fix is not None
        and fix.precision == "on_or_before"
        and background.back_reference(text)
    ):
        fix = run.last_fix  # "In this battle …": the event dated by the statement before
    run.last_fix = fix
    if fix.explicit is not None:
        run.explicit = fix.explicit
    return fix


@lru_cache(maxsize=4096)
def _basename(file: str) -> str:
    return Path(file).name


def claim_id(file: str, sha256: str, start: int, end: int, place_key: str, kind: str) -> str:
    """Stable id: the same article text gives the same ids on every run."""
    raw = f"{_basename(file)}|{sha256[:16]}|{start}|{end}|{place_key}|{kind}"
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=8).hexdigest()


def statement_id(file: str, sha256: str, start: int, end: int) -> str:
    raw = f"{_basename(file)}|{sha256[:16]}|{start}|{end}"
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=6).hexdigest()


def _claim(
    run: _Run,
    st: Statement,
    trig: kinds.Trigger,
    voice: _Voice,
    stance: str,
    fig: figures.Figure | None,
    where: _Where,
    fix: dates.DateFix,
) -> Claim:
    article = run.article
    meta = article.meta
    place = where.place
    key = where.key
    rule = f"{trig.rule} {voice.rule} {where.rule} {fix.rule}"
    return Claim(
        id=claim_id(article.file, article.sha256, st.start, st.end, key, trig.kind),
        statement_id=statement_id(article.file, article.sha256, st.start, st.end),
        file=article.file,
        outlet=meta.outlet,
        title=meta.title,
        url=meta.url,
        published=meta.published.isoformat() if meta.published else None,
        claimant=voice.claimant,
        side=voice.side,
        kind=trig.kind,
        figure=fig.value if fig else None,
        figure_qualifier=fig.qualifier if fig else None,
        place=place.name if place is not None else None,
        place_mention=where.mention,
        place_id=place.id if place is not None else None,
        lat=place.lat if place is not None else None,
        lon=place.lon if place is not None else None,
        radius_km=place.radius_km if place is not None else None,
        place_precision=place.precision if place is not None else None,
        place_basis=where.basis,
        unresolved_place=where.unresolved,
        date_start=fix.start.isoformat() if fix.start else None,
        date_end=fix.end.isoformat() if fix.end else None,
        date_precision=fix.precision,
        date_basis=fix.basis,
        quote=article.text[st.start : st.end],
        quote_start=st.start,
        quote_end=st.end,
        stance=stance,
        figure_scope=fig.scope if fig else None,
        rule=rule,
    )


__all__ = ["UNKNOWN", "Number", "claim_id", "extract_claims", "has_cue", "statement_id"]
