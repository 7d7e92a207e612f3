"""The article's run through the pipeline: its statements as layers, what is prepared before
the parse (places, claim words, the outlet's voice, embedded posts), which statements the parse
must read (reporting cues, fast templates), and each statement's claims in turn (headline
stances and speakers named in full later, at the end)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from claims import background, dates, grammar, kinds
from claims.actors import Actors, actors_for
from claims.article_places import ArticlePlaces, main_place, title_place, url_slug
from claims.assemble import _claims
from claims.attribution import _frames
from claims.frames import CALL_WORDS, REPORTED_PARTICIPLE, fast_path, section_label_end, tail_only
from claims.model import Article, Claim
from claims.phrases import HONORIFICS
from claims.places import PlaceMention, StatementPlaces, statement_places
from claims.profile import OTHER, UNKNOWN, Profile, load_profile
from claims.sentences import normalise, split_sentences
from claims.sides import SideReader
from claims.speakers import Discourse, Frame, SpeakerRule
from claims.stances import (
    anaphoric_candidate,
    anaphoric_stances,
    counter_denials,
    incident_placed,
)
from claims.statements import Statement, build_statements
from claims.vocabulary import ASSERTS, alternation, vocabulary
from claims.voices import _embeds, _Voice

if TYPE_CHECKING:
    from datetime import date

    from geo import Gazetteer, Place

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
                      "rumors", "rumour", "rumor", *CALL_WORDS})  # fmt: skip


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


def _finish(run: _Run) -> list[Claim]:
    for layer in run.layers:
        _claims_of(run, layer)
        run.where.remember(run.norm, layer.places.mentions)
        run.discourse.note_parties(run.actors.find(layer.text), layer.st.line)
    _headline_stances(run)
    _quoted_headlines(run)
    return _named_later(run.claims)


_QUOTED_LINE = re.compile(r"\s*[‘“\"'](?P<body>[^‘’“”\"]+)[’”\"']\s*$")
_SOURCE_LOOKAHEAD = 4  # statements below a quoted headline where its source is named


def _quoted_headlines(run: _Run) -> None:
    """A headline wholly in quotation marks ("‘17 militants killed in ambush’") quotes the
    story's source: its claims are the first named speaker's below, not the outlet's
    (``S-quoted-headline``)."""
    for i, layer in enumerate(run.layers):
        if not layer.st.heading or not _QUOTED_LINE.match(layer.text):
            continue
        st = layer.st
        own = [c for c in run.claims if st.start <= c.quote_start < st.end]
        if not own or any(SpeakerRule.OUTLET not in c.rule for c in own):
            continue
        below = {other.st.start for other in run.layers[i + 1 : i + 1 + _SOURCE_LOOKAHEAD]}
        source = next(
            (c for c in run.claims if c.quote_start in below and SpeakerRule.OUTLET not in c.rule
             and c.side != UNKNOWN),
            None,
        )  # fmt: skip
        if source is None:
            continue
        rule = f"+{SpeakerRule.QUOTED_HEADLINE}"
        run.claims[:] = [
            replace(c, claimant=source.claimant, side=source.side,
                    rule=c.rule.replace(str(SpeakerRule.OUTLET), str(SpeakerRule.OUTLET) + rule, 1))
            if c in own else c
            for c in run.claims
        ]  # fmt: skip


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
    body = [layer.places.mentions for layer in own]
    main = (
        title_place(gaz, article.meta.title or url_slug(article.meta.url), body)
        or main_place(_counted_places(own, article.meta.published))
        or main_place([layer.places.countries for layer in own])
    )
    where = ArticlePlaces(gaz, _named_area(gaz, main))
    run = _Run(article, gaz, profile, actors, norm, layers, where, next_story=elsewhere)
    _outlet_voice(run)
    run.embeds = _embeds(run.norm)
    for layer in layers:
        _cues(layer)
    return run


def _counted_places(layers: list[_Layer], published: date | None) -> list[list[PlaceMention]]:
    """The statements' places as the main place counts them: each place once a statement (a
    place repeated in one sentence is one mention), none in a statement about the past (a
    biography, last year's posting) while others name places."""
    out: list[list[PlaceMention]] = []
    past: list[list[PlaceMention]] = []
    for layer in layers:
        once = list({m.place.id: m for m in layer.places.mentions if m.place is not None}.values())
        if not once:
            continue
        if dates.is_historical(layer.text, published):
            past.append(once)
            continue
        out.append(once)
    return out or past


def _outlet_voice(run: _Run) -> None:
    meta = run.article.meta
    run.outlet_claimant = meta.outlet or "the reporter"
    party = run.actors.party_of(meta.outlet) or run.actors.party_of(meta.author)
    party = party or run.actors.party_of_site(meta.outlet) or run.actors.party_of_site(meta.url)
    if party is not None:
        run.outlet_side = party.side
        run.outlet_rule = SpeakerRule.PARTY_OUTLET


def _cues(layer: _Layer) -> None:
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
        texts.append(_without_dash_asides(" " * cut + layer.text[cut:] if cut else layer.text))
    for (_, layer), doc in zip(wanted, grammar.parse(texts), strict=True):
        layer.parse = doc


# "The front — made up of militias and former soldiers — said …": an aside between dashes
# that the parser would take for the sentence's main clause
_DASH_ASIDE = re.compile(r"\s[—–-]\s[^—–\"“”]{3,160}?\s[—–-]\s")  # normalised: " - "


def _without_dash_asides(text: str) -> str:
    """``text`` with its asides between dashes blanked (same length), unless one of them holds
    a reporting word ("— the Taliban said —" is the speaker)."""
    if " - " not in text and "—" not in text and "–" not in text:
        return text
    for m in _DASH_ASIDE.finditer(text):
        if not _reporting_cues(m.group(0)):
            text = text[: m.start()] + " " * len(m.group(0)) + text[m.end() :]
    return text


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


def _claims_of(run: _Run, layer: _Layer) -> None:
    if not layer.triggers and (placed := incident_placed(run, layer)):
        run.claims.extend(placed)  # "The incident took place in Tagab district."
        return
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
