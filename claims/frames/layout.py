"""Frames read off the layout, without a parse: tail attributions (", says X.", '"…," X said'),
dashes after a quotation or closing a headline, labels before or after a colon, a headline's
"X claims", "the words are those of X", "quoting X, …", hearsay ("It is said that …")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from claims.actors import Actors, Strength
from claims.kinds import find_triggers
from claims.phrases import phrase_from_text
from claims.profile import UNKNOWN
from claims.sides import SideReader
from claims.speakers import Discourse, Frame, Number, SpeakerRule
from claims.vocabulary import ASSERTS, DENIES, alternation, vocabulary

_I = re.IGNORECASE


# ---------------------------------------------------------------- frames without a parse


_TAIL_VERBS: re.Pattern[str] | None = None
_PREPOSITION = (
    r"(?:in|on|at|to|by|from|with|during|after|before|via|over|through|for|that|it|this|"
    r"there|so|a\s+different|an?\s+(?:interview|statement)\b)"
)


# '"…," tweeted X on Friday', '"…," posted X from his account on Twitter': when and where from
# (not "in Kabul": where the speaker is stays out of the claim's places through the parse)
_INVERTED_AFTER = (
    r"(?:\s+(?:on|via|late|early|earlier|later|this|last|yesterday|today|overnight|"
    r"from\s+(?:his|her|their|its|the\s+group's)\s)\b[^,;:\"]{0,50}?)?"
)


def _tail_rx() -> re.Pattern[str]:
    """ ", says X." / ", X said on Sunday." at the end of a statement (", adding …" may follow)."""
    global _TAIL_VERBS
    if _TAIL_VERBS is None:
        v = vocabulary()
        lemmas = v.tail_verbs
        verbs = alternation(f for lemma in lemmas for f in v.verb_forms(lemma)[1:3])
        inverted = alternation(
            f for lemma in lemmas if lemma != "tell" for f in v.verb_forms(lemma)[1:3]
        )
        np = (
            r"(?![a-z]+ing\b)(?!as\b)(?!(?:which|what)\b)"  # "…, which the front denied": no tail
            r"(?!(?:but|and|or|yet|while|whereas)\s)"  # ", but the X made no claim and …": a clause
            r"(?!an?\s+(?:claim|figure|number|toll|report|account|version|assertion)\b)"
            # "Clashes resume in X; casualties reported": a headline's passive, no speaker
            rf"(?!(?:(?:heavy|many|several|more|some|\d+)\s+)?(?:{alternation(v.losses)})\s+"
            r"(?:reported|confirmed|feared|claimed)\b)"
            r"(?:(?!\b(?:was|were|is|are|had|has|have|been|that|it)\b)"
            r"(?!(?<!close )(?<!loyal )(?<!linked )(?<!allied )(?<!affiliated )(?<!connected )"
            r"(?<!attached )(?<!near )(?<!next )(?<!adviser )(?<!advisor )\bto\b)"
            r"[^,.;:\"]){2,70}?"
        )
        role = (
            r"(?:spokes\w+|commanders?|officials?|sources?|ministers?|leaders?|chief|residents?|"
            r"witnesses|deputy|senior|local|provincial|military|police|district|group's|former)"
        )
        inverted_np = (
            rf"(?:(?:the|a|an)\s+)?(?:(?:(?-i:[A-Z])[\w'-]*|{role})\s+){{0,4}}"
            rf"(?:(?-i:[A-Z])[\w'-]+|{role})(?:,\s+(?:a|an|the)\s+[^,.;:\"]{{2,60}})?"
        )
        _TAIL_VERBS = re.compile(
            rf"(?:[,;][\"']?|[!?][\"'])\s+(?:(?P<verb>{inverted})\s+(?!{_PREPOSITION}\b)(?P<who>{inverted_np}){_INVERTED_AFTER}|(?P<who2>{np}),?\s+"
            rf"(?P<verb2>{verbs})(?:\s+(?:the\s+)?(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){{0,3}}|"
            rf"\s+(?:reporters|journalists|us|me|the\s+media|(?:a|an|the|this|our)\s+(?:[\w-]+\s+){{0,2}}?"
            rf"(?:agency|newspaper|paper|broadcaster|channel|outlet|correspondent|reporters?|"
            rf"journalists?|website|station|network)))?(?:\s+(?:on|in|at|by|to|late|early|"
            rf"earlier|later|this|last|yesterday|today|via|during|after|since|overnight|throughout)\b[^,;:\"]{{0,40}})?)"
            rf"(?:,\s+(?:adding|saying|noting|claiming|stressing)\b[^\"]*)?\s*[.!]?\s*$",
            _I,
        )
    return _TAIL_VERBS


_DASH = re.compile(
    r"\"\s*(?P<verb>-)\s*(?P<who>[^,.;\"]{2,80}?)(?:\s+(?:said|says|wrote|writes|tweeted|posted|"
    r"added|told)\b[^.\"]*)?(?:,\s*(?:writing|speaking|posting|tweeting|quoted|said)\b"
    r"[^.\"]*)?[.!]?\s*$",
    _I,
)


@cache
def _label_pattern() -> re.Pattern[str]:
    """A leading label: capitalised words, optionally closed by a role ("Mujahid: …",
    "Taliban spokesman: …", "NRF commander (local): …")."""
    roles = alternation(vocabulary().roles)
    return re.compile(
        r"^\s*(?P<who>(?-i:[A-Z][\w'.-]+)(?:\s+(?-i:[A-Z][\w'.-]+)){0,3}"
        rf"(?:\s+(?:{roles}))?)\s*(?:\([^)]{{1,40}}\))?:\s+(?=\S)"
    )


_OPENING_VERB = (
    r"(?:claims?|says?|insists?|denies|deny|rejects?|dismiss(?:es)?|disputes?|refutes?|reports?|"
    r"announces?|stak(?:e|es|ed|ing)\s+(?:a\s+)?claims?)"  # "Taliban stake claim over X"
)
# the speaker's words are no opening verb: "Resistance Says Reports Of …" is the resistance's
_OPENING_WORD = rf"(?!{_OPENING_VERB}\s)(?-i:[A-Z])[\w'-]*"
_CLAIM_OPENING = re.compile(
    rf"(?:^|[:;]\s+|\s-\s|,\s+)(?P<who>(?:{_OPENING_WORD}\s+){{0,3}}{_OPENING_WORD})\s+"
    rf"(?P<verb>{_OPENING_VERB})\s+(?!that\b)",
    _I,
)


@cache
def _denied_by() -> re.Pattern[str]:
    """ "… has been denied by": a passive deny verb of the vocabulary with its agent."""
    v = vocabulary()
    lemmas = dict.fromkeys(lemma for lemma, stance in v.reporting.values() if stance == DENIES)
    past = alternation(v.verb_forms(lemma)[2] for lemma in lemmas)
    return re.compile(
        rf"\b(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:\w+ly\s+)?(?:{past})\s+by\b", _I
    )  # "was vehemently denied by"


_WORDS_OF = re.compile(
    r"\b(?:the\s+)?(?:words|remarks|comments|quote|account|message|claim)\s+(?:are|is|was|were)\s+"
    r"(?:those\s+|that\s+)?of\s+(?P<who>[^,.;]+?)(?=\s+who\b|[,.;]|$)"
    r"|\b(?:that|this)\s+(?:was|is)\s+how\s+(?P<who2>[^,.;]+?)\s+(?:described|put\s+it|summed|"
    r"explained|characteri[sz]ed|recounted|portrayed)\b"
    # '"…," read a (translation of the) statement put out by X on Twitter.'
    r"|[,;!?]\"?\s+read\s+(?:a|an|the)\s+(?:[\w'-]+\s+){0,5}?(?:statement|message|tweet|post|letter|"
    r"notice|communiqu\w+|release)\s+(?:(?:put\s+out|posted|issued|released|published|shared|"
    r"sent)\s+)?(?:by|from)\s+(?P<who3>[^,.;\"]+?)(?=\s+(?:on|in|via|late|early|earlier|this|last)\b|"
    r"[,.;]|$)",
    _I,
)
_INTRO = re.compile(
    r"^(?:(?:i|we)\s+(?:have\s+)?)?(?:spoke|spoken|talked)\s+(?:with|to)\s+(?P<who>(?:my|our|a|an|"
    r"the)\s+[\w-]+(?:\s+(?-i:[a-z][\w-]*)){0,2}?)(?=\s+(?:in|from|at|on|who|tonight|today|"
    r"yesterday)\b|[,.;]|$)",
    _I,
)


def _headline_claims(
    text: str, original: str, actors: Actors, reader: SideReader, discourse: Discourse
) -> Iterator[Frame]:
    """ "Taliban claim seizing Panjshir", "…: Taliban Claims Full Control, Resistance Fighters
    Say …": an actor followed by "claim(s)" or "say(s)" opens a clause it speaks for."""
    for m in _CLAIM_OPENING.finditer(text):
        who = m.group("who")
        if not actors.find(who):
            continue
        if who.endswith(("'s", "’s")) and _denied_by().search(text, m.end()):
            continue  # "The Taliban's claim to have … was denied by the front": the front's

        phrase = phrase_from_text(text, m.start("who"), m.end("who"))
        ident = reader.identify(text, original, phrase, discourse)
        nxt = re.compile(r";\s|\s-\s").search(text, m.end())
        yield Frame(
            claimant=ident.claimant, side=ident.side or UNKNOWN, rule=SpeakerRule.LEAD,
            stance=vocabulary().reporting.get(m.group("verb").lower(), ("", ASSERTS))[1],
            scope=(m.start("who"), nxt.start() if nxt else len(text)),
            holes=((m.start("who"), m.end("who")),), rank=1, number=ident.number,
            head=ident.head, cue=m.start("verb"), party=ident.party,
        )  # fmt: skip


def _named_after(
    text: str, original: str, reader: SideReader, discourse: Discourse
) -> Iterator[Frame]:
    """ "The words are those of X", "That was how X described it"; "Spoke with my cousin in
    Bazarak" names a source a later "he says" refers to (an empty scope)."""
    m = _WORDS_OF.search(text)
    if m is not None:
        group = next(g for g in ("who", "who2", "who3") if m.group(g))
        phrase = phrase_from_text(text, m.start(group), m.end(group))
        ident = reader.identify(text, original, phrase, discourse)
        yield Frame(
            ident.claimant, ident.side or UNKNOWN, SpeakerRule.LIGHT, ASSERTS, (0, len(text)),
            ((m.start(group), m.end(group)),), 1, ident.number, ident.head, True, m.start(),
            ident.party,
        )  # fmt: skip
    intro = _INTRO.search(text)
    if intro is not None:
        phrase = phrase_from_text(text, intro.start("who"), intro.end("who"))
        ident = reader.identify(text, original, phrase, discourse)
        yield Frame(
            ident.claimant, ident.side or UNKNOWN, SpeakerRule.SUBJECT, ASSERTS,
            (len(text), len(text)), (), 0, Number.PERSON, ident.head, False, intro.start(),
        )  # fmt: skip


def tail_only(text: str) -> bool:
    """True when the statement ends in a tail attribution ("…, X said.", '"…" – X')."""
    return bool(_tail_rx().search(text) or _DASH.search(text))


def layout_frames(
    text: str, original: str, actors: Actors, reader: SideReader, discourse: Discourse
) -> Iterator[Frame]:
    """Frames read off the layout: a label, a headline's "X claims", a tail attribution, a
    dash after a quotation, "the words are those of X"."""
    yield from _label(text, original, actors)
    yield from _label_after(text, original, actors)
    yield from _hearsay(text)
    yield from _unsourced_media(text, actors)
    yield from _fronted_source(text, original, reader, discourse)
    yield from _headline_claims(text, original, actors, reader, discourse)
    yield from _named_after(text, original, reader, discourse)
    yield from _headline_dash(text, original, actors, reader, discourse)
    for rx, rule in (
        (_tail_rx(), SpeakerRule.TAIL),
        (_DASH, SpeakerRule.DASH),
        (_QUOTED_AS, SpeakerRule.SOURCE),
    ):
        m = rx.search(text)
        if m is None:
            continue
        group = "who" if m.group("who") else "who2" if "who2" in m.groupdict() else "who"
        if not m.group(group) or len(m.group(group).split()) > 12:
            continue
        start, end = m.start(group), m.end(group)
        name = re.search(r"[,\"]\s*((?-i:[A-Z])[\w'.-]+(?:\s+(?-i:[A-Z])[\w'.-]+){0,3}),\s*$",
                         text[: start])  # fmt: skip
        if name is not None and rule == SpeakerRule.TAIL:
            start = name.start(1)  # "…, Jawad Wardak, a spokesman for the NRF, said."
        described = _DESCRIBED_BEFORE.search(text[:start]) if rule == SpeakerRule.TAIL else None
        if described is not None and _is_name(m.group(group)) and not _has_verb(described[1]):
            start = described.start(1)  # "…," a Taliban spokesman, Karim Ahmadi, said.
        phrase = phrase_from_text(text, start, end)
        phrase = replace(phrase, before=text[: m.start()])
        who = reader.identify(text, original, phrase, discourse)
        side = who.side if who.side is not None else UNKNOWN
        frame = Frame(
            claimant=who.claimant, side=side, rule=f"{rule}", stance=ASSERTS,
            scope=(0, len(text)), holes=((start, end),), rank=1, number=who.number,
            head=who.head, whole=True, cue=_verb_at(m),
            party=who.party,
        )  # fmt: skip
        discourse.pending.append(frame)
        yield frame


_FRONTED_SOURCE = re.compile(
    r"^\W*(?:quoting|citing)\s+(?P<who>(?!(?:reports?|media|the\s+(?:report|agency|broadcaster|"
    r"newspaper))\b)[^,;:\"“”]{2,80}?),\s+(?=\S)",
    re.IGNORECASE,
)


def _fronted_source(
    text: str, original: str, reader: SideReader, discourse: Discourse
) -> Iterator[Frame]:
    """ "Quoting sources in the front, the broadcaster said …", "Citing a Taliban commander,
    the agency reported …": the source the reporter relays speaks for the statement (as
    "X, quoting Y, said"; the parser often takes the fronted participle for a noun)."""
    m = _FRONTED_SOURCE.match(text)
    if m is None:
        return
    start, end = m.start("who"), m.end("who")
    who = reader.identify(text, original, phrase_from_text(text, start, end), discourse)
    if who.side in (None, UNKNOWN) and who.head not in vocabulary().roles:
        return  # "Citing security concerns, the Taliban said …": a reason, not a source
    frame = Frame(
        claimant=who.claimant, side=who.side or UNKNOWN, rule=SpeakerRule.SOURCE, stance=ASSERTS,
        scope=(0, len(text)), holes=((start, end),), rank=2, number=who.number, head=who.head,
        whole=True, cue=m.start(), party=who.party,
    )  # fmt: skip
    discourse.pending.append(frame)
    yield frame


_HEARSAY = re.compile(
    r"^\W*it\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+)?(?:said|rumou?red|alleged)"
    r"\s+(?:that\s+)?",
    re.IGNORECASE,
)


def _hearsay(text: str) -> Iterator[Frame]:
    """ "It is said that …", "It was rumoured that …": hearsay of no named source (side
    unknown, like rumours), not the outlet's own report."""
    m = _HEARSAY.match(text)
    if m is None or _tail_rx().search(text):
        return  # "It was said that …, a resident told the agency": the resident says it
    yield Frame(
        claimant=text[: m.end()].strip(" ,"), side=UNKNOWN, rule=SpeakerRule.RUMOUR,
        stance=ASSERTS, scope=(m.end(), len(text)), holes=((0, m.end()),), rank=1,
        number=Number.GROUP, head="hearsay", whole=True, cue=0,
    )  # fmt: skip


_OPENING = r"^\W*(?:(?:however|meanwhile|but|and|also|yet|now),?\s+)?"
_THERE_ARE_REPORTS = re.compile(
    _OPENING + r"there\s+(?:is|are|was|were|have\s+been|has\s+been|had\s+been)\s+(?:also\s+)?"
    r"(?:(?:some|several|many|numerous|widespread|conflicting|contradictory|unconfirmed|"
    r"unverified|multiple|other|new|further)\s+)*(?P<head>reports|report|rumou?rs?|accounts)\b"
    r"(?:\s+(?:on|across|circulating\s+on)\s+social\s+media)?",
    _I,
)
_MEDIA_HEADS = r"(?:video|videos|footage|clip|clips|photos|photographs|pictures|images|posts)"
_MEDIA_SUBJECT = re.compile(
    _OPENING + r"(?P<np>(?:[\w'’-]+\s+){0,3}?(?P<head>" + _MEDIA_HEADS + r")\b[^.;:\"“]{0,90}?)"
    r",?\s+(?:(?:appears?|appeared|purports?|purported|seems?|seemed)\s+to\s+show|"
    r"(?:shows?|showed|showing)\b(?!\s+(?:that\s+)?(?:the\s+)?(?:video|footage|clip)\b)|"
    r"(?:were|was|have\s+been|has\s+been|had\s+been|are|is)\s+(?:widely\s+|also\s+)?"
    r"(?:circulated|circulating|shared|posted|published)|"
    r"circulated|surfaced|emerged|(?:have|has)\s+(?:surfaced|emerged))\b",
    _I,
)
_MEDIA_SOURCE = re.compile(r"\b(?:by|from)\s+(?:the\s+)?(?-i:[A-Z])|'s\s+" + _MEDIA_HEADS, _I)


def _unsourced_media(text: str, actors: Actors) -> Iterator[Frame]:
    """Reports, videos and pictures no one is named as putting out ("Several videos were
    shared on social media …", "There were conflicting reports of …", "A clip circulating online
    appears to show …"): they tell what they show, side unknown, not the outlet's own report.
    A video put out by someone named ("released by the front", "the group's footage") is
    that one's, and is left to the parse."""
    m = _THERE_ARE_REPORTS.match(text)
    if m is None:
        m = _MEDIA_SUBJECT.match(text)
        if m is None:
            return
        np = m.group("np")
        if _MEDIA_SOURCE.search(np) and actors.find(np):
            return
    head = m.group("head").lower()
    name = m.group(0)[m.start("head") - m.start() :] if "np" not in m.groupdict() else m["np"]
    yield Frame(
        claimant=re.sub(r",\s*(?:however|though|meanwhile)\b", "", name).strip(" ,"),
        side=UNKNOWN, rule=SpeakerRule.RUMOUR, stance=ASSERTS, scope=(m.end(), len(text)),
        holes=((0, m.end()),), rank=1, number=Number.GROUP, head=head, whole=True, cue=0,
    )  # fmt: skip


# "Taliban suffer losses in Panjshir, retreat — regional source": a headline's source after a
# dash, at its end (no final full stop)
_HEADLINE_DASH = re.compile(
    r"^[^\"]{10,}?\s[—–-]\s+(?P<who>(?:(?:a|an|the)\s+)?(?:[\w'-]+\s+){0,3}[\w'-]+)\s*$"
)
_SOURCE_HEADS = frozenset({"source", "sources"})


def _headline_dash(
    text: str, original: str, actors: Actors, reader: SideReader, discourse: Discourse
) -> Iterator[Frame]:
    if "-" not in text and "—" not in text and "–" not in text:
        return
    m = _HEADLINE_DASH.match(text)
    if m is None:
        return
    who_text = m.group("who")
    head = who_text.split()[-1].lower()
    vocab = vocabulary()
    if not (actors.find(who_text) or head in vocab.roles or head in _SOURCE_HEADS):
        return  # "Panjshir — the last holdout": an apposition, not a source
    phrase = replace(
        phrase_from_text(text, m.start("who"), m.end("who")), before=text[: m.start("who")]
    )
    who = reader.identify(text, original, phrase, discourse)
    yield Frame(
        claimant=who.claimant, side=who.side if who.side is not None else UNKNOWN,
        rule=SpeakerRule.DASH, stance=ASSERTS, scope=(0, m.start("who")),
        holes=((m.start("who"), m.end("who")),), rank=1, number=who.number, head=who.head,
        whole=True, cue=m.start("who"), party=who.party,
    )  # fmt: skip


# '…," a local channel quoted the front's spokesman, Karim Jan, as saying.': the one quoted
_QUOTED_AS = re.compile(
    r"[,\"]\"?\s+[^,.;:\"]{2,60}?\s+(?P<verb>quoted|cited)\s+"
    r"(?P<who>[^,.;:\"]{2,70}?(?:,\s+[^,.;:\"]{2,40},)?)\s+as\s+(?:saying|stating|telling\s+\w+)"
    r"(?:\s+(?:on|in|at|late|early|earlier|this|last|yesterday|today)\b[^,;:\"]{0,40})?\s*[.!]?\s*$",
    re.IGNORECASE,
)
_DESCRIBED_BEFORE = re.compile(r"[,\"]\s*((?:a|an|the)\s+[^,.;:\"]{2,60}),\s*$", re.IGNORECASE)
_NAME = re.compile(r"(?:(?-i:[A-Z])[\w'.-]+\s+){0,3}(?-i:[A-Z])[\w'.-]+")


def _has_verb(words: str) -> bool:
    """ "the front's spokesman wrote on Twitter": a clause of its own, no description."""
    reporting = vocabulary().reporting
    return any(w in reporting for w in re.findall(r"[a-z]+", words.lower()))


def _is_name(words: str) -> bool:
    return _NAME.fullmatch(words.strip()) is not None


def _verb_at(m: re.Match[str]) -> int:
    for name in ("verb", "verb2"):
        if m.groupdict().get(name):
            return m.start(name)
    return m.start()


_SECTION = re.compile(r"^\s*(?P<label>(?-i:[A-Z])[\w' ]{1,24}?)\s*:\s+(?=\S)")


def section_label_end(text: str, actors: Actors) -> int:
    """Where a leading section label ends ("Back story: ", "The latest: ", "PRESENTER: "):
    labels that name no actor are not part of the sentence's grammar (0 when none)."""
    m = _SECTION.match(text)
    if m is None or actors.find(m.group("label")) or _has_verb(m.group("label")):
        return 0  # "A commander said: …" introduces a quotation; it is no label
    return m.end()


def _label(text: str, original: str, actors: Actors) -> Iterator[Frame]:
    """A transcript or headline label naming a party's voice ("Mujahid: …")."""
    if ":" not in text[:60]:
        return
    m = _label_pattern().match(text)
    if m is None:
        return
    who = m.group("who")
    found = [a for a in actors.find(who) if not a.opposed and a.strength >= Strength.ORGANISATION]
    if not found:
        return
    best = max(found, key=lambda a: a.strength)
    yield Frame(
        claimant=original[m.start("who") : m.end("who")],
        side=best.side,
        rule=SpeakerRule.LABEL,
        stance=ASSERTS,
        scope=(m.end(), len(text)),
        number=Number.PERSON if best.strength is Strength.PERSON else Number.GROUP,
        head=who.lower(),
        whole=True,
    )


_LABEL_AFTER = re.compile(
    r"^(?P<claim>[^:]{12,160}?)\s*:\s*(?P<who>(?:[\w'’.-]+\s+){0,4}?[\w'’.-]+)"
    # "Kabul's explosion: Freedom Front claims responsibility": the verb is not the speaker
    r"(?:\s+(?:claims?|says|admits|confirms)(?:\s+(?:responsibility|credit))?)?\s*$"
)


def _label_after(text: str, original: str, actors: Actors) -> Iterator[Frame]:
    """A headline's speaker after a colon ("Adversaries surrendered: Islamic Emirate",
    "Taliban take the valley: spokesman"): a party or person named there speaks for the claim;
    a bare role speaks for the party the claim names first."""
    if ":" not in text or text.rstrip().endswith((".", "!", "?", '"', "”")):
        return
    m = _LABEL_AFTER.match(text)
    if m is None or m.group("who").lower() in _NOT_SPEAKERS:
        return
    who, claim = m.group("who"), m.group("claim")
    if _tells_news(who) or not _tells_news(claim):
        # "Clashes in X: Taliban Cuts Off Networks": a second headline, no speaker;
        # "Live updates: Taliban took X": a label, then the headline
        return
    found = [a for a in actors.find(who) if not a.opposed and a.strength >= Strength.ORGANISATION]
    if not found:
        if not set(who.lower().split()) & vocabulary().roles:
            return
        found = [a for a in actors.find(claim) if not a.opposed and a.strength != Strength.PRESS]
        if not found:
            return
        found = found[:1]
    best = max(found, key=lambda a: a.strength)
    yield Frame(
        claimant=original[m.start("who") : m.end("who")], side=best.side,
        rule=SpeakerRule.LABEL, stance=ASSERTS, scope=(0, m.end("claim")),
        holes=((m.start("who"), m.end("who")),), rank=1,
        number=Number.PERSON if best.strength is Strength.PERSON else Number.GROUP,
        head=who.lower().split()[-1], whole=False, cue=m.start("who"),
    )  # fmt: skip


def _tells_news(who: str) -> bool:
    return bool(find_triggers(who))


_NOT_SPEAKERS = frozenset({"report", "reports", "analysis", "live", "update", "updates", "video"})
