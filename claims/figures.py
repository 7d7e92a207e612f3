"""Figures: counts of people or things stated in a sentence, in digits or in words.

"1,000", "1600", "a thousand", "forty", "two hundred", "hundreds of" (100, "hundreds"),
"thousands of" (1000, "thousands"), "dozens of" (12, "dozens"), "a dozen" (12), "two dozen"
(24), "half a dozen" (6), with a qualifier when one precedes ("about", "more than", "at least",
"over", "up to", …).

Not figures: percentages, years, ordinals, durations and distances ("48 hours", "two-day-long",
"80km"), parts of dates ("September 2", "3 September"; "of 17" only when no counted noun
follows), HTML character references ("&#8211;"), "the two sides", "one of".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.sentences import clause_bounds

_I = re.IGNORECASE

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_VAGUE = {
    "dozens": (12, "dozens"), "scores": (20, "scores"), "hundreds": (100, "hundreds"),
    "thousands": (1000, "thousands"), "tens of thousands": (10_000, "tens of thousands"),
    "hundreds of thousands": (100_000, "hundreds of thousands"),
    "millions": (1_000_000, "millions"),
}  # fmt: skip

_SMALL = "(?:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + ")"
_WORD_NUMBER = (
    rf"(?:(?:a|an|one|{_SMALL}(?:[-\s]{_SMALL})?)\s+(?:hundred|thousand|million)"
    rf"(?:\s+(?:and\s+)?{_SMALL}(?:[-\s]{_SMALL})?)?"
    rf"|{_SMALL}(?:-{_SMALL})?(?:\s+dozen\b)?|(?:a|half\s+a)\s+dozen)"
)
_QUALIFIER = (
    r"(?P<q>about|around|approximately|roughly|nearly|almost|some|over|more\s+than|at\s+least|"
    r"up\s+to|as\s+many\s+as|less\s+than|fewer\s+than|close\s+to|upwards\s+of|in\s+excess\s+of|"
    r"at\s+most|an\s+estimated|estimated|several|only|just)\s+"
)
FIGURE = re.compile(
    rf"(?<![\w$€£/.#-])(?:{_QUALIFIER})?"
    rf"(?:(?P<vague>tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds|thousands|millions)\s+of\b"
    rf"|(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<scale>\s+(?:thousand|million))?(?![\w%/:-]|[.,]\d)"
    rf"|(?P<words>{_WORD_NUMBER})\b(?!-))",
    _I,
)
_NOT_COUNTED = re.compile(
    r"\s*(?:%|percent|per\s+cent|pc\b|hours?|days?|nights?|evenings?|mornings?|weekends?|"
    r"weeks?|months?|years?|minutes?|seconds?|directions\b|fronts\b|"
    r"decades?|centur(?:y|ies)|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|kg|"
    r"sides\b|times\b|of\s+(?:the|its|their|his|her)\s+(?:most|best|biggest|largest|fiercest|\w+est)\b|"
    r"am\b|pm\b|a\.m\.|p\.m\.|o'clock|th\b|st\b|nd\b|rd\b|"
    r"(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?!\s+(?:fighters|"
    r"people|men|civilians|soldiers|troops)))",
    _I,
)
_PEOPLE_AFTER_ONE = re.compile(
    r"\s+(?:person|soldier|fighter|civilian|member|militant|commander|child|man|woman|officer|"
    r"policeman|terrorist|prisoner|vehicle|tank|helicopter)\b",
    _I,
)
_YEAR_FOLLOW = re.compile(
    r"\s+(?:fighters|troops|soldiers|people|men|militants|terrorists|civilians|vehicles|humvees|"
    r"weapons|dead|killed|captured|prisoners|members|insurgents|rebels)\b",
    _I,
)
_DATE_BEFORE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$|\b(?:in|since|of|from|until|by|year)\s+$|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+$",
    _I,
)


_MONTH_BEFORE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+$",
    _I,
)
_DIGITS = re.compile(r"\d")
_NUMBER_STEMS = (*_UNITS, *_TENS, "hundred", "thousand", "million", "dozen", "score")
_NUMBER_STEM_RX = re.compile("|".join(_NUMBER_STEMS))


@dataclass(frozen=True, slots=True)
class Figure:
    """A count found at ``text[start:end]`` (``start`` includes the qualifier)."""

    value: int
    qualifier: str | None
    start: int
    end: int
    scope: str | None = None  # what a combined figure counts ("dead or captured")


def find_figures(text: str) -> list[Figure]:
    """All figures in ``text`` (normalised), in order."""
    out: list[Figure] = []
    if not _DIGITS.search(text) and not _NUMBER_STEM_RX.search(text.lower()):
        return out
    for m in FIGURE.finditer(text):
        after = text[m.end() : m.end() + 40]
        before = text[max(0, m.start() - 12) : m.start()]
        qualifier = _clean(m["q"])
        if m["vague"]:
            value, vague_q = _VAGUE[re.sub(r"\s+", " ", m["vague"].lower())]
            both = vague_q if qualifier is None else f"{qualifier} {vague_q}"
            out.append(Figure(value, both, m.start(), m.end()))
            continue
        if _NOT_COUNTED.match(after) or re.search(r"\bthe\s+$", before, _I):
            continue
        value = _digit_value(m, before, after) if m["digits"] else _word_value(m, after)
        if value is None:
            continue
        if qualifier in ("only", "just"):
            qualifier = None
        out.append(Figure(value, qualifier, m.start(), m.end()))
    return out


def _digit_value(m: re.Match[str], before: str, after: str) -> int | None:
    """The count a digit figure states; None for a year or a day of the month."""
    value = int(m["digits"].replace(",", ""))
    if m["scale"]:
        return value * _SCALES[m["scale"].strip().lower()]
    if "," not in m["digits"] and 1800 <= value <= 2100:
        year = _DATE_BEFORE.search(before) or not _YEAR_FOLLOW.match(after)
        return None if year else value
    # "Sept. 3" is a date; "of 17" is one unless a count follows ("of 17 fighters")
    day = (
        value <= 31
        and _DATE_BEFORE.search(before)
        and (_MONTH_BEFORE.search(before) or not _YEAR_FOLLOW.match(after))
    )
    return None if day else value


def _word_value(m: re.Match[str], after: str) -> int | None:
    """The count a number word states; a lone "one" only before people."""
    words = m["words"].lower()
    if words == "one" and not _PEOPLE_AFTER_ONE.match(after):
        return None
    return words_to_int(words)


def words_to_int(words: str) -> int | None:
    """'a thousand' → 1000, 'two hundred and fifty' → 250, 'forty-five' → 45."""
    words = words.lower().replace("-", " ").replace(" and ", " ")
    if words.endswith(" dozen"):  # "a dozen" 12, "two dozen" 24, "half a dozen" 6
        head = words[: -len(" dozen")]
        if head == "half a":
            return 6
        count = 1 if head == "a" else words_to_int(head)
        return None if count is None else count * 12
    total = 0
    current = 0
    seen = False
    for word in words.split():
        if word in ("a", "an"):
            current = max(current, 1)
            seen = True
        elif word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word in _TENS:
            current += _TENS[word]
            seen = True
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def _clean(q: str | None) -> str | None:
    if q is None:
        return None
    return re.sub(r"\s+", " ", q.strip().lower())


# ---------------------------------------------------------------- figures to claim words

_FIGURE_CLAUSE_BREAK = re.compile(
    r";|:|\s-\s|[.!?]\s|(?<!\d),(?!\s*(?:including|comprising|among\s+them|of\s+whom|mostly)\b)|"
    r",(?!\d)(?!\s*(?:including|comprising|among\s+them|of\s+whom|mostly)\b)|"
    r"\s(?:and|but|while|whereas|or)\s+(?=\S+\s+(?:\S+\s+)?(?:had|have|has|were|was|are|is)\b)|"
    r"\sand\s+(?=\d|(?:about|over|more|at\s+least|some|nearly|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|a\s+dozen|dozens|hundreds|thousands)\b)",
    _I,
)
_COORDINATED = re.compile(r"(?:\s*,\s*|\s+)(?:(?:or|and)\s+)?(?:(?:were|was|been|are)\s+)?$", _I)
_NOUN_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:(?:the|their|its|his|her|our|other|more|additional|further|enemy|key|"
    r"special|suspected|alleged|innocent|armed|unarmed|local|foreign|senior|top|heavy|military|"
    r"security|government|[A-Z][\w'-]*|[\w-]+-(?:year|day|hour)-old)\s+){0,3}(?P<noun>[\w'-]+)"
)
# kinds a figure counting people, places or things can belong to
_KINDS_BY_NOUN = {
    "people": frozenset({"casualties", "captured_people", "other", "clashes", "negotiation"}),
    "places": frozenset({"territorial_control", "clashes", "other", "infrastructure"}),
    "equipment": frozenset({"equipment", "other"}),
}


_SOURCE_NOUNS = frozenset({"sources", "source", "reports", "accounts", "statements"})


def counted(text: str, fig: Figure) -> str | None:
    """What a figure counts: "people", "places", "equipment", or None when its noun is none
    of these (or it has none)."""
    from claims.vocabulary import vocabulary

    m = _NOUN_AFTER.match(text, fig.end)
    if m is None:
        return None
    noun = m["noun"].lower()
    vocab = vocabulary()
    if noun in _SOURCE_NOUNS:
        return "sources"  # "Two sources said …": who tells it, no count of the claim
    if noun in vocab.people_nouns:
        return "people"
    if noun in vocab.place_nouns:
        return "places"
    if noun in vocab.equipment_nouns:
        return "equipment"
    return None


def assign(text: str, triggers: list) -> dict[int, Figure]:
    """Each figure goes to the nearest claim word of its clause whose kind fits what the figure
    counts ("thousands of terrorists … abandoned their vehicles": no equipment count); claim
    words coordinated right after it share it, as one combined figure with its scope ("1600
    Taliban dead or captured": scope "dead or captured")."""
    out: dict[int, Figure] = {}
    for fig in find_figures(text):
        c_start, c_end = _clause_of(text, fig.start)
        what = counted(text, fig)
        if what == "sources":
            continue
        near = [
            t for t in triggers
            if c_start <= t.start < c_end and (what is None or t.kind in _KINDS_BY_NOUN[what])
        ]  # fmt: skip
        if not near:
            continue
        best = min(near, key=lambda t: (_distance(fig, t), t.start < fig.start))
        if best.start in out:
            continue
        shared = _coordinated(text, best, near)
        scope = None
        if shared:
            last = shared[-1]
            scope = " ".join(text[best.start : last.end].split())
        out[best.start] = Figure(fig.value, fig.qualifier, fig.start, fig.end, scope)
        for t in shared:
            out.setdefault(t.start, out[best.start])
    return out


def _coordinated(text: str, first, near: list) -> list:
    """Claim words joined to ``first`` by "or", "and" or commas ("killed, surrendered or were
    captured")."""
    chain = []
    prev = first
    for t in sorted((t for t in near if t.start > first.end), key=lambda t: t.start):
        gap = text[prev.end : t.start]
        if len(gap) > 16 or not _COORDINATED.fullmatch(gap):
            break
        chain.append(t)
        prev = t
    return chain


def _clause_of(text: str, pos: int) -> tuple[int, int]:
    return clause_bounds(text, pos, _FIGURE_CLAUSE_BREAK)


def _distance(fig: Figure, trig) -> int:
    if fig.end <= trig.start:
        return trig.start - fig.end
    return max(0, fig.start - trig.end)
