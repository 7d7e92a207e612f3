"""Statements that hold claim words but assert no current event (rule ids in the skip reason):

- ``B-history``: the statement places its event in the past (decades, earlier years, "9/11",
  :func:`claims.dates.is_historical`); the history of a paragraph carries on until a sentence
  names the current news window or speaks in the present perfect; a speaker's biography
  ("…, who has sold rice here for three decades") does not make the statement history;
- ``B-description``: descriptions and geography ("is led by", "80 km north of Kabul", "sits
  some 20 km up the valley");
- ``B-not-asserted``: generalisations ("Whoever holds X …") and programme cues ("On the
  question of talks.");
- ``B-question``: a question asks, it does not assert ("… - can anyone confirm?" still
  asserts);
- ``B-subheading``: a short heading line inside the body that names no place and no speaker
  (a section label such as "Under the invasion", "What we know"; a longer one is a summary
  point that asserts, unless it is in capitals);
- ``B-repeat``: a heading line that repeats an earlier one (image titles, captions);
- ``B-cross-reference``: a bracketed pointer to another story inside a paragraph ("[See: …]",
  "(Read: …)");
- ``B-national``: control of the whole country ("seized control of Afghanistan on Aug. 15",
  "swept to power"), naming no place below the country but its capital, and the fighting
  of that sweep told with it;
- ``B-next-story``: a block after a gap of two or more blank lines that names no actor of the
  conflict, after an article that did: the page's next story.
- ``B-sidebar``: three or more heading lines in a row that name no place and no actor of the
  conflict: links to other stories (recognised by layout and topic, not by their words).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from claims import dates
from claims.actors import Strength
from claims.prefilter import Prefiltered, prefiltered
from claims.vocabulary import alternation, vocabulary
from geo.countries import country_code
from geo.gazetteer import scope_countries

_I = re.IGNORECASE

_DESCRIPTION = re.compile(
    r"\b(?:is|are|was)\s+(?:now\s+|being\s+|currently\s+|also\s+)?led\s+by\b|"
    r"\b(?:located\s+|situated\s+|lies\s+|sits\s+)?(?:some\s+|about\s+|roughly\s+|around\s+)?"
    r"\d+\s*(?:km|kilomet(?:er|re)s?|miles)\s+(?:\(\d+\s*\w+\)\s+)?(?:\w+\s+)?"
    r"(?:north|south|east|west|up|down)\w*(?:\s+of|\s+the\s+valley)?\b|"
    r"\b(?:is|are|lies|sits)\s+(?:located|situated|some|about|roughly)\b|"
    r"\bmodus\s+operandi\b|\btactics\s+(?:include|involve)\b|"
    r"\b(?P<sits>sits|lies|stands|is\s+situated)\s+(?:at|on|in|astride|near|along)\b",
    _I,
)
_DESCRIPTION = prefiltered(_DESCRIPTION)
_OPERATION_BEFORE = re.compile(
    r"\b(?:operations?|offensives?|attacks?|assaults?|campaign|fight|fighting)\b[^.;]{0,60}$", _I
)
# non-restrictive clauses (", which …"), and any clause about a person ("the commander who
# opposed the Soviets decades ago"): a person's past is biography, not the claim's time
_RELATIVE = re.compile(
    r",\s*(?:which|who|whom|whose)\s+[^,;.\"]*|\s(?:who|whom|whose)\s+[^,;.\"]*"
    # "…, a region that had repelled the Soviets in the 1980s": a place described in apposition
    r"|,\s*(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}?(?:region|province|valley|place|area|district|"
    r"town|city|village|land|stronghold|bastion|holdout)\s+(?:that|which)\s+[^,;.\"]*",
    _I,
)
_PLACE_HEAD = re.compile(
    r"\b(?:province|district|valley|region|stronghold|bastion|holdout|city|town|village|area|"
    r"capital)\s*,?\s*$",
    _I,
)
_META = re.compile(
    r"\bthis\s+is\s+the\s+\w+\s+time\s+(?:that\s+)?(?:\w+\s+){1,3}(?:have|has|had)?\s*(?:\w+\s+)?"
    r"(?:reported|announced|admitted|confirmed|acknowledged)\b"
    # "Each side made competing claims about gains and losses": claims about claims
    r"|^\s*(?:each|both|the\s+two|the\s+warring)\s+(?:sides?|parties|camps)\s+(?:have\s+|has\s+)?"
    r"(?:made|make|traded|trade|exchanged|exchange|offered|offer|issued|issue)\s+"
    r"(?:\w+\s+)?(?:claims|accounts|versions|statements)\b",
    _I,
)
_NOT_ASSERTED = re.compile(
    r"^(?:[A-Z][\w.' -]{0,30}:\s*)?(?:whoever|whichever\s+side|anyone\s+who\b|"
    # the writer's guess: "Presumably, the operations were timed to …"
    r"(?:presumably|perhaps|conceivably|arguably)\s*,|"
    r"(?:(?:and\s+)?now\s+|turning\s+)?(?:on|to)\s+(?:the\s+)?(?:question|subject|issue|matter|topic)"
    r"\s+of\b[^.,;]{0,40}[.:]?\s*$)",
    _I,
)


# "Neither the Taliban nor the front commented on the clash and the number of casualties",
# "The group has yet to respond to the reports of fighting": that nobody spoke is no claim
@cache
def _no_comment() -> Prefiltered:
    """ "Neither the Taliban nor the front commented on the clash and the number of
    casualties", "The group has yet to respond to the reports of fighting": that nobody spoke
    is no claim (a subject that reports something is not silent: "X said Y had not replied")."""
    spoke = alternation(vocabulary().reporting)
    return prefiltered(
        re.compile(
            r"^(?:neither\s+[^,;]{1,60}?\s+nor\s+[^,;]{1,60}?\s+(?:has\s+|have\s+|had\s+)?(?:yet\s+)?|"
            rf"(?:(?!\b(?:{spoke})\b)[^,;]){{1,80}}?\s+"
            r"(?:(?:has|have|had|did|does|do)(?:\s+not|n't)\s+(?:yet\s+)?|"
            r"(?:has|have|had|is|are|was|were)\s+yet\s+to\s+))"
            r"(?:comment|commented|respond|responded|react|reacted|reply|replied|said\s+anything|"
            r"(?:issue|issued|release|released|provide|provided)\s+(?:any\s+|a\s+)?(?:statement|"
            r"comments?|details|figures))\b(?![^.;]*(?:\b(?:but|while|although|though|however|"
            r"whereas)\b|,\s*and\b|\band\s+(?:had|has|have|was|were|is|are)\b|"
            r"\b(?:reports?|claims?|allegations?)\s+that\b))[^;]*$",
            _I,
        )
    )


_TRAILING_RELATIVE = re.compile(r",\s+(?:who|whose|whom)\s[^\"]*$", _I)
_BACK_REFERENCE = re.compile(
    r"th(?:(?:is|at|ese|ose|e\s+same)\s+(?:\w+\s+)?(?:battles?|attacks?|fighting|clash(?:es)?|"
    r"assaults?|offensive|operation|ambush|raids?|engagement)|e\s+(?:operation|raid|ambush|"
    r"assault|attack|battle))\b",
    _I,
)


def back_reference(text: str) -> bool:
    """ "In this battle …", "… in the operation": the event named by the statement before."""
    return _BACK_REFERENCE.search(text) is not None


def is_question(text: str) -> bool:
    """A statement that ends in a question mark, unless the question is only tagged on to an
    assertion ("X still holds Y - can anyone confirm?")."""
    if not text.rstrip().rstrip("\"')").endswith("?"):
        return False
    return " - " not in text and "; " not in text


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    out = list(text)
    for s, e in spans:
        out[s:e] = " " * (e - s)
    return "".join(out)


def _relative_spans(text: str) -> list[tuple[int, int]]:
    """Non-restrictive relative clauses (", which …", ", who …")."""
    return [(m.start(), m.end()) for m in _RELATIVE.finditer(text)]


def _historical(run: Any, layer: Any) -> bool:
    """The statement's main clause is history (its relative clauses and its speaker's phrase
    do not count: "the Panjshir, which resisted the Soviets in the 1980s, is holding on", "a
    group which has in the past claimed attacks said …")."""
    if layer.historical is not None:
        return bool(layer.historical)
    speakers = [f.holes[0] for f in layer.frames if f.holes]
    text = _blank(layer.text, _relative_spans(layer.text) + speakers)
    meta = run.article.meta
    value = dates.is_historical(text, meta.published, run.profile.window)
    layer.historical = value
    return value


# "the Taliban have retaliated against …": the present perfect reaches up to now
_PRESENT_PERFECT = re.compile(
    r"\b(?:have|has)\s+(?:\w+ly\s+|also\s+|since\s+)?(?:been\s+)?(?!been\b)[a-z]+(?:ed|en|t)\b", _I
)


def _paragraph_history(run: Any, layer: Any) -> bool:
    """A sentence in a paragraph that went into history is history too, unless it names a day
    of the news window or speaks in the present perfect."""
    for other in run.layers[: layer.st.index]:
        if other.st.line == layer.st.line and _historical(run, other):
            return not (dates.has_current_marker(layer.text) or _PRESENT_PERFECT.search(layer.text))
    return False


# "This recent attack underscores the tension in the capital", "This operation by the NRF, a
# coalition of …, highlights …": the event of the sentences before, weighed, not told again
_COMMENTARY = re.compile(
    r"^\s*(?:this|these|that|those|such)\s+(?:[\w'-]+\s+){0,2}?(?:attacks?|operations?|"
    r"assaults?|raids?|ambush(?:es)?|offensive|fighting|clash(?:es)?|incidents?|escalation|"
    r"strikes?|developments?)\b[^.;:\"“]{0,120}?\b(?:underscores?|underlines?|highlights?|shows?|"
    r"showed|demonstrates?|demonstrated|reflects?|reflected|illustrates?|signals?|signall?ed|"
    r"represents?|raises?|raised|points?\s+to|pointed\s+to|comes?\s+amid|came\s+amid|"
    r"adds?\s+to|added\s+to)\b",
    _I,
)
_CROSS_REFERENCE = re.compile(
    r"^\s*[\[(]\s*(?:see|read|watch|related|also\s+read)\b[^\])]*[\])]\s*$", _I
)
_LABEL_WORDS = 6  # a section label is short; a longer heading line is a summary point


_TOLD_WORDS = 4  # a subheading this long that names a party tells what the party did


def _subheading(run: Any, layer: Any) -> bool:
    st = layer.st
    if not st.heading or st.index == 0:
        return False
    if len(layer.text.split()) > _LABEL_WORDS and not layer.text.isupper():
        return False  # a line in capitals inside the body is a label or a teaser, however long
    told = len(layer.text.split()) >= _TOLD_WORDS and not layer.text.isupper()
    if told and run.actors.find(layer.text):
        return False  # "Taliban recapture three fallen districts": a party does something
    return not layer.places.mentions and not layer.frames


SIDEBAR_RUN = 3  # unrelated headlines in a row that make a sidebar


def _off_topic(run: Any, layer: Any) -> bool:
    """A heading line that names no place and no actor of the conflict (not even "rebels")."""
    return (
        layer.st.heading
        and layer.st.index > 0
        and not layer.places.mentions
        and not layer.places.countries
        and not run.actors.find(layer.text)
    )


def _sidebar(run: Any) -> frozenset[int]:
    """Statements of a run of headline lines about other news ("Singer dead at 85", "Teen shot
    in parked car"): at least :data:`SIDEBAR_RUN` heading lines in a row none of which names a
    place or an actor of the conflict are a list of links to other stories, however their words
    read."""
    if run.sidebar is None:
        found: set[int] = set()
        streak: list[int] = []
        for layer in [*run.layers, None]:
            if layer is not None and _off_topic(run, layer):
                streak.append(layer.st.index)
                continue
            if len(streak) >= SIDEBAR_RUN:
                found.update(streak)
            streak = []
        run.sidebar = frozenset(found)
    return run.sidebar


_STORY_GAP = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")  # two or more blank lines


def next_stories(norm: str, layers: list[Any], actors: Any) -> frozenset[int]:
    """Statements of the page's next stories: a block after a gap of two or more blank lines
    (wider than the article's paragraph breaks) in which no actor of the conflict is named,
    once the article before it has named one ("Heavy snow closes highways …" after an attack
    report). Layout and topic, not words."""
    cuts = [m.end() for m in _STORY_GAP.finditer(norm)]
    if not cuts:
        return frozenset()
    bounds = list(zip([0, *cuts], [*cuts, len(norm)], strict=True))
    blocks: list[list[Any]] = [[] for _ in bounds]
    k = 0
    for layer in layers:
        while k + 1 < len(bounds) and layer.st.start >= bounds[k][1]:
            k += 1
        blocks[k].append(layer)
    found: set[int] = set()
    seen_actor = False
    for block in blocks:
        named = any(actors.find(layer.text) for layer in block)
        if block and not named and seen_actor:
            found.update(layer.st.index for layer in block)
        seen_actor = seen_actor or named
    return frozenset(found)


def _off_page(run: Any, layer: Any) -> str:
    """The rule that makes the statement part of the page around the article, or ""."""
    if layer.st.index in _sidebar(run):
        return "B-sidebar"
    return "B-next-story" if layer.st.index in run.next_story else ""


def _repeat(run: Any, layer: Any) -> bool:
    if not layer.st.heading:
        return False
    text = " ".join(layer.text.split()).lower()
    return any(
        other.st.heading and " ".join(other.text.split()).lower() == text
        for other in run.layers[: layer.st.index]
    )


def _description_spans(text: str) -> list[tuple[int, int]]:
    """Descriptions and geography, each to the end of its clause ("…, located about 150
    kilometers north of Kabul, …"); "the operations are led by X" is no description."""
    spans = []
    for m in _DESCRIPTION.finditer(text):
        if "led" in m.group(0).lower() and _OPERATION_BEFORE.search(text, 0, m.start()):
            continue
        start = max(text.rfind(",", 0, m.start()), text.rfind(";", 0, m.start()), 0)
        end = min(
            [i for i in (text.find(",", m.end()), text.find(";", m.end())) if i >= 0] or [len(text)]
        )
        if m.group("sits"):
            start, end = 0, len(text)  # "X sits at the mouth of the valley … and controls …"
        spans.append((start, end))
    if _kinship_sentence().match(text):
        spans.append((0, len(text)))  # "X is the son of the late commander, who fought …"
    return spans


@cache
def _kinship_sentence() -> re.Pattern[str]:
    """A sentence that says whose relative someone is ("Ahmad Massoud is the son of the late
    commander …"): biography, whatever it tells of the relative."""
    kin = alternation(vocabulary().kin)
    return re.compile(
        rf"^\W*(?:(?:he|she)|(?:(?-i:[A-Z])[\w'’.-]+\s+){{0,3}}(?-i:[A-Z])[\w'’.-]+),?\s+"
        rf"(?:is|was)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:{kin})s?\s+of\b",
        re.IGNORECASE,
    )


# "the raid on the district, which has killed more than 40 people": the clause reports what
# the raid did (the relative pronoun follows the place, but the place does not kill)
_EVENT_RELATIVE = re.compile(
    r"\W*(?:which|that)\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|so\s+far\s+|reportedly\s+)?"
    r"(?:killed|left|claimed\s+the\s+lives|wounded|injured|cost)\b",
    _I,
)


# "…, who was a key figure in …", "…, who is one of the founders of …": what a person is
_WHO_WAS_A = re.compile(
    r",?\s*(?:who|whom)\s+(?:was|is|were|are|had\s+been|has\s+been|became|remains)\s+"
    r"(?:also\s+|once\s+|long\s+|later\s+)?(?:an?|the|one\s+of)\s",
    _I,
)


def _descriptive_relatives(run: Any, layer: Any) -> list[tuple[int, int]]:
    """Relative clauses that describe a place ("Panjhir, the last province …, which was not
    controlled by the Taliban", "a former stronghold of the resistance that fought against the
    Taliban takeover") or hold history: what they say is no claim of the statement."""
    text = layer.text
    out = []
    for s, e in _relative_spans(text):
        if dates.has_current_marker(text[s:e]) or _EVENT_RELATIVE.match(text, s):
            continue
        if _WHO_WAS_A.match(text, s):
            out.append((s, e))  # "…, who was a key figure in the resistance to …": biography
            continue
        history = dates.is_historical(text[s:e], run.article.meta.published, run.profile.window)
        after_place = any(
            0 <= s - (m.end - layer.st.start) <= 3 for m in layer.places.mentions
        ) or _PLACE_HEAD.search(text, max(0, s - 60), s)
        if history or after_place:
            out.append((s, e))
    return out


# a digest's paragraph opened by its country: "In Pakistan, …", "Meanwhile in India, …"
_IN_COUNTRY = re.compile(
    r"^\W*(?:meanwhile,?\s+|elsewhere,?\s+|also\s+)?(?:in|across)\s+(?:neighbou?ring\s+)?"
    r"(?P<country>(?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+){0,2})\s*,",
    _I,
)


def _elsewhere(run: Any, layer: Any) -> bool:
    """Another country's conflict: every place the statement names lies outside the profile's
    countries and it names neither side ("In India, militants clashed with state forces in
    Jammu and Kashmir" in a regional digest). Talks of the sides abroad stay claims."""
    # the gazetteer's scope when it has one (places were resolved there), else the profile's
    home = scope_countries(run.gaz) or run.profile.countries
    if not home:
        return False
    places = [m.place for m in layer.places.mentions if m.place is not None]
    if any(p.country is None or p.country in home for p in places):
        return False
    opening = _IN_COUNTRY.match(layer.text)
    abroad = opening is not None and country_code(opening.group("country")) not in (None, *home)
    if not (abroad or places):
        return False
    sides = {s.id for s in run.profile.sides}
    return not any(
        m.side in sides and not m.opposed and m.strength > Strength.DESCRIPTOR
        for m in run.actors.find(layer.text)
    )  # "rebels" abroad are not the profile's rebels; its names and people are


_NATIONAL_OBJECT = re.compile(
    r"\s+(?:(?:full|complete|total|effective)\s+)?(?:control\s+)?(?:of|over)\s+(?:the\s+)?"
    r"(?:whole\s+|entire\s+|rest\s+of\s+the\s+)?(?P<what>country|nation|"
    r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)\b"
    r"|\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?P<what2>country|nation|power)\b",
    _I,
)


def _national(run: Any, layer: Any, trigger: Any) -> bool:
    """Control of the whole country ("the Taliban seized control of Afghanistan on Aug. 15",
    "swept to power"): a change of power no map place stands for, when the statement names no
    place below the country but its capital."""
    if trigger.kind != "territorial_control":
        return False
    m = _NATIONAL_OBJECT.match(layer.text, trigger.end)
    what = (m["what"] or m["what2"]) if m else None
    if what is None:
        return False
    home = scope_countries(run.gaz) or run.profile.countries
    if what.lower() not in ("country", "nation", "power") and country_code(what) not in home:
        return False
    capital = run.where._national_capital()
    return all(
        p is None or p.kind == "country" or (capital is not None and p.id == capital.id)
        for p in (m.place for m in layer.places.mentions)
    )


def _before_dash(text: str, trigger: Any, national: int) -> bool:
    """The national control word is in a description set off after the claim ("— …")."""
    return bool(re.search(r"\s[—–-]\s|\(", text[trigger.end : national]))


def _without_national(run: Any, layer: Any, triggers: list) -> list:
    """The claim words that stay when the statement tells a change of power over the whole
    country: none of its control words ("took control of the country, capturing the
    palace")."""
    national = [t.start for t in triggers if _national(run, layer, t)]
    if not national:
        return triggers
    # "… have taken control of the province — the last territory between them and total
    # control over Afghanistan": a claim told before the country's control stays
    # the fighting of that sweep is the same country-wide story, which no map place stands for
    first = min(national)
    return [
        t for t in triggers
        if t.kind not in ("territorial_control", "clashes")
        or (t.start < first and _before_dash(layer.text, t, first))
    ]  # fmt: skip


def _outside(triggers: list, spans: list[tuple[int, int]]) -> list:
    return [t for t in triggers if not any(s <= t.start < e for s, e in spans)]


def review(run: Any, layer: Any) -> tuple[str, list]:
    """The id of the background rule that drops this statement ("" when it stays), and the
    claim words that stay (those inside descriptions are dropped)."""
    text = layer.text
    if _repeat(run, layer):
        return "B-repeat", []
    if _CROSS_REFERENCE.match(text):
        return "B-cross-reference", []
    if _COMMENTARY.match(text):
        return "B-commentary", []
    if _historical(run, layer) or _paragraph_history(run, layer):
        return "B-history", []
    if _elsewhere(run, layer):
        return "B-elsewhere", []
    if _NOT_ASSERTED.match(text) or _META.search(text) or _no_comment().match(text):
        return "B-not-asserted", []
    if is_question(text):
        return "B-question", []
    if _subheading(run, layer):
        return "B-subheading", []
    off_page = _off_page(run, layer)
    if off_page:
        return off_page, []
    kept = _outside(layer.triggers, _description_spans(text))
    if not kept:
        return "B-description", []
    kept = _outside(kept, _descriptive_relatives(run, layer))
    if not kept:
        return "B-description", []
    kept = _without_national(run, layer, kept)
    return ("", kept) if kept else ("B-national", [])
