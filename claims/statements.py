"""Statements: the sentences and heading lines of an article, with the joins news style needs.

A statement is one sentence or heading line (:mod:`claims.sentences`), or the minimal run of
sentences of one paragraph that carries one attribution. The join rules, in order (the id of
the rule that joined a statement is kept in ``Statement.join``):

==================  ======================================================================
``J-continuation``  "… The fighting continued till Sunday morning.": a sentence that only
                    extends the time of the one before
``J-attribution``   '"… ." – X wrote on Twitter.' / '"…" X made the statement.': a sentence
                    that only names the source of the quote before it
``J-quote-run``     '"A. B. C," he wrote.', 'X said: "A. B."' — the sentences of one
                    quotation, up to the one that closes it
``J-denial-quote``  'X denied that …. "…," he said.': a denier's quote after the denial
``J-intro-quote``   'X told a different story. "…"': a speaker introduced, then quoted
==================  ======================================================================
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from claims import dates
from claims.sentences import Sentence
from claims.vocabulary import alternation, vocabulary

_I = re.IGNORECASE


class Join(StrEnum):
    NONE = ""
    CONTINUATION = "J-continuation"
    ATTRIBUTION = "J-attribution"
    QUOTE_RUN = "J-quote-run"
    DENIAL_QUOTE = "J-denial-quote"
    INTRO_QUOTE = "J-intro-quote"
    REFERRED = "J-referred"  # "… were killed. This was revealed by X.": X says the sentence before


@dataclass
class Statement:
    start: int
    end: int
    line: int  # the paragraph (body line) it comes from
    heading: bool
    index: int = 0  # position among the article's statements
    join: Join = Join.NONE
    continuation: tuple[int, int] | None = None  # span of a "continued till …" sentence
    first_end: int = 0  # end of its first sentence


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    verbs = alternation(vocabulary().reporting)
    return {
        # a sentence that only attributes: "– X wrote on Twitter.", "the source said."
        "attribution_only": re.compile(
            rf"^\s*(?:-\s*)?(?:[\w.'-]+,?\s+){{0,7}}?(?:{verbs})\b[^.!?\"]{{0,70}}[.!?]?\s*$|"
            r"^\s*-\s*\S",
            _I,
        ),
        "source_named": re.compile(
            r"^\s*(?:-\s*)?[^.!?\"]{0,200}?\b(?:made|gave|issued|posted|sent|delivered|released)"
            r"\s+(?:the|this|that|these)\s+(?:statement|remarks?|comments?|figures?|claims?|toll|"
            r"message|account|details)\b|^\s*(?:the|this|that)\s+(?:statement|message|account|"
            r"post|video|figures?|remarks|comments)\s+(?:was|were|had\s+been|has\s+been)\s+"
            r"(?:\w+\s+)?(?:sent|given|issued|posted|released|made|delivered|published|shared)\b|"
            r"^\s*(?:the\s+)?(?:words|remarks|comments|quote|account)\s+(?:are|is|was|were)\s+"
            r"(?:those\s+|that\s+)?of\b|^\s*(?:that|this)\s+(?:was|is)\s+how\b",
            _I,
        ),
        "continuation": re.compile(
            r"^(?:the|this|that|it|such|these|those)\s+(?:\w+\s+){0,2}(?:continued|lasted|"
            r"went\s+on|raged|persisted|carried\s+on)\b",
            _I,
        ),
        "pronoun_said": re.compile(
            rf'^"[^"]+[,.!?]"\s*(?:[\w.\'-]+\s+){{1,6}}?(?:\w+\s+)?(?:{verbs})\b|'
            rf"^(?:he|she|they|the\s+(?:spokes\w+|commander|official|statement|source))\s+"
            rf"(?:\w+\s+)?(?:{verbs})\b",
            _I,
        ),
        "denial": re.compile(
            r"\b(?:denied|denies|rejected|rejects|dismissed|dismisses|disputed|disputes|refuted)\b",
            _I,
        ),
        "intro": re.compile(rf"\b(?:{verbs})\b", _I),
        # a quotation closed by a speaker of its own, not a pronoun: another voice
        "named_said": re.compile(
            rf'^"[^"]+[,.!?]"\s*(?!(?:he|she|they|it)\b)(?:[\w.\'’-]+\s+){{1,6}}?(?:\w+\s+)?'
            rf"(?:{verbs})\b",
            _I,
        ),
        # "Former minister Hanif Atmar urged both sides …": the writer names a new speaker
        "new_speaker": re.compile(
            rf"^(?:[\w.'’-]+\s+){{0,6}}?(?-i:[A-Z])[\w'’-]+\s+(?:also\s+)?"
            rf"(?:{verbs}|urged|appealed|warned|called)\b",
            _I,
        ),
        "spokesperson_said": re.compile(
            r"^(?:[\w.'-]+\s+){0,3}[\w.'-]+,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
            r"spokes(?:man|woman|person)\b[^.;\"]{0,60}?,\s+(?:said|says|added|told|insisted|"
            r"claimed|stated)\b",
            _I,
        ),
    }


def _ends_quote(text: str) -> bool:
    """A sentence that closes a quotation ('… ."', '"…," he said' does not)."""
    return text.rstrip().endswith('"')


def _is_quote_only(text: str) -> bool:
    text = text.strip()
    return text.startswith('"') and '"' in text[-3:] and text.count('"') >= 2


JoinTest = Callable[[Statement, str, str], bool]


def _continuation(prev: Statement, prev_text: str, piece: str) -> bool:
    return (
        bool(_patterns()["continuation"].match(piece)) and dates.TIME_EXPR.search(piece) is not None
    )


def _attribution(prev: Statement, prev_text: str, piece: str) -> bool:
    if not _ends_quote(prev_text):
        return False
    p = _patterns()
    return bool(p["attribution_only"].match(piece) or p["source_named"].match(piece))


def _quote_run(prev: Statement, prev_text: str, piece: str) -> bool:
    """The previous statement opened a quotation that this sentence continues (not when the
    sentence is the writer's again, naming a new speaker: a page that lost the closing mark)."""
    if prev_text.count('"') % 2 == 0 or len(prev_text) >= 1200:
        return False
    return '"' in piece or _patterns()["new_speaker"].match(piece) is None


def _denial_quote(prev: Statement, prev_text: str, piece: str) -> bool:
    """'X denied that …. "…," he said.' / 'X denied …. Y, a spokesman for X, said …'."""
    p = _patterns()
    follows = p["pronoun_said"].match(piece) or p["spokesperson_said"].match(piece)
    return prev.join is Join.NONE and bool(follows) and p["denial"].search(prev_text) is not None


def _intro_quote(prev: Statement, prev_text: str, piece: str) -> bool:
    if prev.join is not Join.NONE or '"' in prev_text or len(prev_text.split()) > 16:
        return False
    if not (_is_quote_only(piece) or _patterns()["pronoun_said"].match(piece)):
        return False  # 'X told a different story. "…"' / 'X rejected the account. He said …'
    if _patterns()["named_said"].match(piece):
        return False  # 'The Taliban said they took X. "This is false," the front said.'

    from claims import kinds

    return bool(_patterns()["intro"].search(prev_text)) and not kinds.find_triggers(prev_text)


_REFERRED = re.compile(
    r"^\s*(?:this|that|it)\s+(?:was|has\s+been|had\s+been|is)\s+(?:\w+\s+)?(?:revealed|reported|"
    r"confirmed|announced|stated|said|disclosed|claimed)\s+by\b",
    _I,
)


def _referred(prev: Statement, prev_text: str, piece: str) -> bool:
    return _REFERRED.match(piece) is not None


JOIN_RULES: tuple[tuple[Join, JoinTest], ...] = (
    (Join.CONTINUATION, _continuation),
    (Join.REFERRED, _referred),
    (Join.ATTRIBUTION, _attribution),
    (Join.QUOTE_RUN, _quote_run),
    (Join.DENIAL_QUOTE, _denial_quote),
    (Join.INTRO_QUOTE, _intro_quote),
)


def build_statements(sentences: list[Sentence], norm: str) -> list[Statement]:
    """Statements of an article from its sentences (``norm``: the normalised text)."""
    out: list[Statement] = []
    for s in sentences:
        prev = out[-1] if out else None
        if prev is not None and prev.line == s.line and not s.heading and not prev.heading:
            rule = _join_rule(prev, norm[prev.start : prev.end], norm[s.start : s.end])
            if rule is not None:
                if rule is Join.CONTINUATION:
                    prev.continuation = (s.start, s.end)
                prev.end = s.end
                prev.join = rule if prev.join is Join.NONE else prev.join
                continue
        out.append(Statement(s.start, s.end, s.line, s.heading, len(out), first_end=s.end))
    return out


def _join_rule(prev: Statement, prev_text: str, piece: str) -> Join | None:
    for rule, test in JOIN_RULES:
        if test(prev, prev_text, piece):
            return rule
    return None
