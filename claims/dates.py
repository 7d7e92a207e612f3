"""When: the day (or days) a statement's event happened, fixed from the text and the
publication date.

Rules, in order of precedence inside one statement:

- an explicit date ("Thursday night, September 2", "2 September 2021", "2021-09-02"); a
  month-day without a year takes the publication year (the year before when that would put it
  more than a week after publication); without a publication date it stays undated, and the
  basis says the year is not stated;
- "since <time>" starts a range ending on the publication date ("since Monday", "since 31
  August"; "since morning" is the publication day itself; "since then" starts at the previous
  statement's date);
- a night runs over two days: "overnight", "last night" = the day before publication to
  publication; "overnight on Thursday" = Thursday to Friday; "over the weekend" = the latest
  Saturday and Sunday before publication;
- "till/until <time>" ends a range started by the statement's first time expression;
- a weekday ("on Monday", "Thursday's", "late on Saturday") is the latest such day on or before
  the publication date (published Sunday 2021-09-05: Monday = 2021-08-30, Sunday = 2021-09-05);
- relative words: today, tonight, this morning = publication day; yesterday, last night = the
  day before; "the last 48 hours"/"past three days" = a range ending on publication;
- otherwise the publication date itself, or undated when there is none.

Explicit dates are parsed with python-dateutil; the weekday arithmetic is ours. Historical
background (decades, past years, "last year", "9/11", "decades ago") is detected by
:func:`is_historical` so extraction can skip it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil import parser as date_parser

from claims.memo import spans_of
from claims.prefilter import prefiltered

_I = re.IGNORECASE
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_PART = r"(?:\s+(?:night|morning|evening|afternoon|overnight))?"
_NUMWORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twenty-four": 24, "forty-eight": 48, "seventy-two": 72,
}  # fmt: skip

# One alternation, leftmost match wins; named groups say which rule fired.
_TIME_TEMPLATE = rf"""
    \b(?=[a-z0-9])  # every alternative starts a word here; this cheap check speeds the scan
    (?:
    (?P<explicit>
        (?P<ewd3>{_WEEKDAY})\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,\s+(?P<y3>\d{{4}})\b
      | (?:(?:(?:late|early|earlier|later)\s+)?on\s+)?
        (?:(?P<ewd>{_WEEKDAY}){_PART},?\s+)?(?:the\s+)?
        (?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)(?:,?\s+(?P<y1>\d{{4}})\b)?
          |(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\b\.?(?:,?\s+(?P<y2>\d{{4}})\b)?
          |(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\b)
    )
  {{nights}}
  | (?P<since_then>\bsince\s+then\b)
  | (?P<since_day>\bsince\s+(?:(?:this|the)\s+)?(?:morning|dawn|daybreak)\b)
  | (?P<hours>\b(?:over|in|during|within)\s+the\s+(?:last|past|previous)\s+
        (?P<n>\d+|{"|".join(_NUMWORDS)})\s+(?P<unit>hours|days)\b)
  | (?P<weekday>\b(?P<wpre>(?:(?:late|early|earlier|later)\s+(?:on\s+)?|on\s+|last\s+|this\s+
        |since\s+|till\s+|until\s+|through\s+|by\s+)?)
        (?P<wd>{_WEEKDAY})(?:'s)?{_PART}\b)
  | (?P<today>\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today)\b)
  | (?P<yesterday>\b(?:yesterday|last\s+night)\b)
  | (?P<week>\b(?P<wk>last|this|earlier\s+this|earlier\s+in\s+the|later\s+this|past)
        \s+(?:week|weekend)\b)
    )
    """
_NIGHTS = rf"""
  | (?P<night>\b(?:overnight(?:\s+(?:on|into|from)\s+(?P<nwd>{_WEEKDAY}))?
        |(?P<nwd2>{_WEEKDAY})\s+overnight|last\s+night)\b)
  | (?P<weekend>\b(?:over|during|at|on)\s+the\s+weekend\b)"""
TIME_EXPR = re.compile(_TIME_TEMPLATE.replace("{nights}", _NIGHTS), _I | re.VERBOSE)
# the same without the night and weekend rules, for the many texts that name neither
_TIME_BASE = re.compile(_TIME_TEMPLATE.replace("{nights}", ""), _I | re.VERBOSE)


def _time_expr(text: str) -> re.Pattern[str]:
    lower = text.lower()
    return TIME_EXPR if "night" in lower or "weekend" in lower else _TIME_BASE


_DECADE = re.compile(
    r"(?:\b(?:19|20)\d0s\b|(?<![\w-])'?[2-9]0s\b|\bfrom\s+\d{2}\s*-\s*\d{2}\b)", _I
)
_YEAR = re.compile(
    r"\b(1[89]\d{2}|20\d{2})\b(?!\s*(?:fighters|troops|soldiers|people|men|militants|"
    r"terrorists|civilians|vehicles|humvees|weapons|taliban|dead|killed|captured))",
    _I,
)
_HISTORY = re.compile(
    r"\b(?:last\s+year|years?\s+ago|decades?|centur(?:y|ies)|"
    r"in\s+the\s+past\b(?!\s+(?:\w+\s+)?(?:week|weeks|days?|hours?|months?|nights?|fortnight))|"
    r"back\s+in\s+(?:the\s+)?(?:\d|early|late|mid|those|that|days?\b|january|february|march|april|may|"
    r"june|july|august|september|october|november|december|spring|summer|autumn|winter)|"
    r"9/11|september\s+11(?:th)?\s+attacks|historically|once\s+again\s+in\s+history|in\s+history|"
    # a tally over a span of years, or since an organisation began: background, not news
    r"(?:over|in|during|throughout)\s+the\s+(?:past|last)\s+(?:\w+\s+)?years|in\s+recent\s+years|"
    r"since\s+(?:its|their|the\s+group's|the\s+front's)\s+(?:formation|founding|inception|creation|"
    r"establishment|emergence|launch))\b",
    _I,
)
_MONTH_ONLY = re.compile(
    rf"\bin\s+(?:the\s+month\s+of\s+|early\s+|(?P<recent>late\s+|mid-?))?(?P<m>{_MONTH})\b"
    r"(?!\s+\d)",
    _I,
)
_CURRENT = re.compile(
    rf"\b(?:{_WEEKDAY}|today|tonight|yesterday|this\s+week(?:end)?|recent(?:ly)?|now|currently|"
    r"ongoing|latest)\b",
    _I,
)
_CURRENT = prefiltered(_CURRENT)

# Cheap pre-checks: most sentences name no time at all.
_MONTH_WORD = rf"\b{_MONTH}\b"
_TIME_STEM_RX = re.compile(
    rf"day|{_MONTH_WORD}|tonight|yesterday|morning|dawn|since|night|hours|week", _I
)  # "overnight" and "weekend" contain "night" and "week"
_PAST_STEM_RX = re.compile(
    rf"decade|centur|year|ago\b|back\s+in|past|histor|0s\b|since\s+(?:its|their|the)\b|"
    rf"{_MONTH_WORD}",
    _I,
)
_TIME_STEM_RX = prefiltered(_TIME_STEM_RX)
_PAST_STEM_RX = prefiltered(_PAST_STEM_RX)
_DIGIT = re.compile(r"\d")


def _maybe_time(text: str) -> bool:
    return _DIGIT.search(text) is not None or _TIME_STEM_RX.search(text) is not None


_CURRENT_DAY = re.compile(
    rf"\b(?:{_WEEKDAY}|today|tonight|yesterday|this\s+week(?:end)?|last\s+night)\b", _I
)


@dataclass(frozen=True, slots=True)
class DateFix:
    """The resolved time of a statement."""

    start: date | None
    end: date | None
    precision: str  # "day", "range", "on_or_before" or "unknown"
    basis: str
    explicit: date | None = None  # an explicit date seen (for a following "since then")
    rule: str = "D-text"  # the id of the rule that fixed it


def weekday_on_or_before(anchor: date, weekday: int) -> date:
    """The latest date on or before ``anchor`` falling on ``weekday`` (Monday = 0)."""
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


Window = tuple[date, date] | None


def resolve(
    text: str, published: date | None, previous: date | None = None, window: Window = None
) -> DateFix:
    """The event date of one statement (normalised text) given the publication date.

    ``previous`` is the latest explicit date of the preceding statement, used by "since then";
    ``window`` the conflict profile's date window, which fixes a year the text leaves out when
    only one year in it fits the weekday ("Thursday, September 2").
    """
    if not _maybe_time(text):
        return _publication(published)
    found = [m for m in _time_expr(text).finditer(text) if not _in_since_clause(text, m.start())]
    if not found:
        return _publication(published)
    first = _fix(found[0], published, previous, window)
    if first.start is None:
        # "this morning (Thursday 26, 2022)" with no publication date: the absolute date fixes it
        later = (_fix(m, published, previous, window) for m in found[1:] if m["explicit"])
        return next((f for f in later if f.start is not None), first)
    for later in found[1:]:
        prefix = (later["wpre"] or "").strip().lower() if later["weekday"] else ""
        if prefix in ("till", "until", "through", "by"):
            end = _fix(later, published, previous, window)
            if end.start is not None and end.start > first.start:
                return DateFix(
                    first.start, end.start, "range",
                    f"{first.basis}, until {later.group(0).strip()!r}", first.explicit,
                    rule=f"{first.rule}+D-until",
                )  # fmt: skip
    return first


def extend_until(fix: DateFix, text: str, published: date | None) -> DateFix:
    """Extend ``fix`` by a continuation sentence ("The fighting continued till Sunday morning")."""
    if fix.start is None:
        return fix
    for m in _time_expr(text).finditer(text):
        end = _fix(m, published, None)
        if end.start is not None and end.start > fix.start:
            return DateFix(
                fix.start, end.start, "range",
                f"{fix.basis}, until {m.group(0).strip()!r}", fix.explicit,
            )  # fmt: skip
    return fix


_LIFESPAN = re.compile(r"\(\s*(?:b\.\s*)?\d{4}\s*[-–]\s*\d{4}\s*\)")


def is_historical(text: str, published: date | None, window: Window = None) -> bool:
    """True when the statement places its event in the past (decades, earlier years, a month
    before the publication month) and has no marker of the current news window. Without a
    publication date, a year inside the profile's window is no past (a lifespan in brackets,
    "(1953-2001)", is biography)."""
    if not _DIGIT.search(text) and not _PAST_STEM_RX.search(text):
        return False
    text = _LIFESPAN.sub(lambda m: " " * len(m.group(0)), text)
    if _DECADE.search(text) or _HISTORY.search(text):
        return True
    first_year = published.year if published is not None else window[0].year if window else None
    if any(first_year is None or int(m.group(1)) < first_year for m in _YEAR.finditer(text)):
        return True
    if published is None:
        return False
    return _earlier_month(text, published) or _long_before(text, published)


def _earlier_month(text: str, published: date) -> bool:
    """A month named alone ("in March") that is not the publication month; the later part of
    the month before it ("in mid-August", "in late August" in a report of 15 September) is
    within the news window."""
    if _CURRENT_DAY.search(text):
        return False
    before = 12 if published.month == 1 else published.month - 1
    for m in _MONTH_ONLY.finditer(text):
        month = _month_number(m["m"])
        if month is None or month == published.month:
            continue
        if not (month == before and m["recent"]):
            return True
    return False


def _long_before(text: str, published: date) -> bool:
    """An explicit date more than 60 days before publication."""
    if not _DIGIT.search(text):
        return False
    for m in _time_expr(text).finditer(text):
        if m["explicit"]:
            fix = _fix(m, published, None)
            if fix.start is not None and (published - fix.start).days > 60:
                return True
    return False


def has_current_marker(text: str) -> bool:
    """True when the statement names a day of the current news window (weekday, today…)."""
    if _CURRENT.search(text) is not None:
        return True
    return _maybe_time(text) and _time_expr(text).search(text) is not None


def _publication(published: date | None) -> DateFix:
    """No day in the text: the event happened on or before publication (or is undated)."""
    if published is None:
        return DateFix(
            None, None, "unknown", "undated: no publication date and no date in the text",
            rule="D-undated",
        )  # fmt: skip
    return DateFix(
        None, published, "on_or_before",
        f"no day in the text: on or before publication {published.isoformat()}",
        rule="D-publication",
    )  # fmt: skip


_RULE_GROUPS = (
    "explicit", "since_then", "since_day", "hours", "weekday", "today", "yesterday", "week",
)  # fmt: skip


def _rule_of(m: re.Match[str]) -> str:
    if m.re is TIME_EXPR and (m["night"] or m["weekend"]):
        return "D-night" if m["night"] else "D-weekend"
    for name in _RULE_GROUPS:
        if m[name]:
            return "D-" + name.replace("_", "-")
    return "D-text"


def _fix(
    m: re.Match[str], published: date | None, previous: date | None, window: Window = None
) -> DateFix:
    try:
        fix = _fix_unchecked(m, published, previous, window)
    except (OverflowError, ValueError):  # "the past 1000000 days", a weekday before year 1
        return DateFix(
            None, None, "unknown", f"undated: {m.group(0).strip()!r} is out of range",
            rule="D-undated",
        )  # fmt: skip
    if fix.rule == "D-text":
        fix = DateFix(fix.start, fix.end, fix.precision, fix.basis, fix.explicit, _rule_of(m))
    return fix


def _fix_unchecked(
    m: re.Match[str], published: date | None, previous: date | None, window: Window
) -> DateFix:
    said = m.group(0).strip()
    if m["explicit"]:
        return _explicit(m, said, published, window)
    if published is None:
        return DateFix(
            None, None, "unknown", f"undated: {said!r} is relative and there is no publication date"
        )
    for group, handler in _RELATIVE:
        if (group not in ("night", "weekend") or m.re is TIME_EXPR) and m[group]:
            return handler(m, said, published, previous)
    return _weekday(m, said, published, previous)


def _against(said: str, published: date) -> str:
    return f"{said!r} resolved against the publication date {published.isoformat()}"


def _since_then(m: re.Match[str], said: str, published: date, previous: date | None) -> DateFix:
    if previous is None or previous >= published:
        return _publication(published)
    basis = f"{said!r}: from the date stated before until publication {published.isoformat()}"
    return DateFix(previous, published, "range", basis)


def _today(m: re.Match[str], said: str, published: date, previous: date | None) -> DateFix:
    return DateFix(published, published, "day", _against(said, published))


def _night(m: re.Match[str], said: str, published: date, previous: date | None) -> DateFix:
    """A night runs over two days: "overnight on Thursday" is Thursday to Friday, "overnight" /
    "last night" the day before publication to publication."""
    wd = m["nwd"] or m["nwd2"]
    eve = published - timedelta(days=1)
    first = weekday_on_or_before(eve, WEEKDAYS.index(wd.lower())) if wd else eve
    last = min(first + timedelta(days=1), published)
    basis = f"{said!r}: the night, against publication {published.isoformat()}"
    return DateFix(first, last, "range", basis)


def _weekend(m: re.Match[str], said: str, published: date, previous: date | None) -> DateFix:
    saturday = weekday_on_or_before(published - timedelta(days=1), 5)
    end = min(saturday + timedelta(days=1), published)
    basis = f"{said!r}: the latest weekend before {published.isoformat()}"
    return DateFix(saturday, end, "range", basis)


def _yesterday(m: re.Match[str], said: str, published: date, previous: date | None) -> DateFix:
    day = published - timedelta(days=1)
    return DateFix(day, day, "day", _against(said, published))


def _week(m: re.Match[str], said: str, published: date, previous: date | None) -> DateFix:
    which = " ".join(m["wk"].lower().split())
    weekend = said.lower().endswith("weekend")
    monday = published - timedelta(days=published.weekday())
    start, end = monday, published
    if which in ("last", "past"):
        start, end = monday - timedelta(days=7), monday - timedelta(days=1)
        if which == "past" and not weekend:
            start, end = published - timedelta(days=7), published
    if weekend:
        start = start + timedelta(days=5)
        end = min(start + timedelta(days=1), published)
    if start >= end:
        return DateFix(end, end, "day", _against(said, published))
    return DateFix(start, end, "range", _against(said, published))


def _hours(m: re.Match[str], said: str, published: date, previous: date | None) -> DateFix:
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else _NUMWORDS[raw]
    days = -(-n // 24) if m["unit"].lower() == "hours" else n
    if days <= 0:
        return _publication(published)
    basis = f"{said!r} counted back from the publication date {published.isoformat()}"
    return DateFix(published - timedelta(days=days), published, "range", basis)


def _weekday(m: re.Match[str], said: str, published: date, previous: date | None) -> DateFix:
    day = weekday_on_or_before(published, WEEKDAYS.index(m["wd"].lower()))
    prefix = (m["wpre"] or "").strip().lower()
    if prefix == "last" and day == published:
        day -= timedelta(days=7)
    if prefix == "since" and day < published:
        return DateFix(day, published, "range", _against(said, published))
    return DateFix(day, day, "day", _against(said, published))


_Handler = Callable[[re.Match[str], str, date, "date | None"], DateFix]
_RELATIVE: tuple[tuple[str, _Handler], ...] = (
    ("since_then", _since_then),
    ("since_day", _today),
    ("today", _today),
    ("night", _night),
    ("weekend", _weekend),
    ("yesterday", _yesterday),
    ("week", _week),
    ("hours", _hours),
)


def _in_window_years(window: Window) -> range:
    if window is None:
        return range(0)
    return range(window[0].year, window[1].year + 1)


def _by_weekday(candidates: list[date], weekday: str | None, window: Window) -> date | None:
    """The one candidate day inside the window that falls on ``weekday``, else None."""
    if weekday is None or window is None:
        return None
    wd = WEEKDAYS.index(weekday.lower())
    fits = [d for d in candidates if window[0] <= d <= window[1] and d.weekday() == wd]
    return fits[0] if len(fits) == 1 else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _no_month(m: re.Match[str], said: str, window: Window) -> DateFix:
    """ "Thursday 26, 2022": the month is the one in which the 26th is a Thursday."""
    year, dom = int(m["y3"]), int(m["d3"])
    candidates = [d for d in (_safe_date(year, mo, dom) for mo in range(1, 13)) if d]
    window = window or (date(year, 1, 1), date(year, 12, 31))
    day = _by_weekday(candidates, m["ewd3"], window)
    if day is None:
        return DateFix(None, None, "unknown", f"undated: {said!r} names no month", rule="D-undated")
    return DateFix(
        day, day, "day", f"{said!r}: the only month of {year} with a {m['ewd3']} the {dom}th",
        day, rule="D-weekday-month",
    )  # fmt: skip


def _explicit(m: re.Match[str], said: str, published: date | None, window: Window) -> DateFix:
    if m["d3"]:
        return _no_month(m, said, window)
    if m["iso"]:
        try:
            day = date.fromisoformat(m["iso"])
        except ValueError:
            return _publication(published)
        return DateFix(day, day, "day", f"explicit date {said!r}", day)
    month, dom, year = (m["m1"], m["d1"], m["y1"]) if m["m1"] else (m["m2"], m["d2"], m["y2"])
    if year is None and published is None:
        month_no = _month_number(month)
        candidates = [
            d for d in (_safe_date(y, month_no, int(dom)) for y in _in_window_years(window)) if d
        ] if month_no else []  # fmt: skip
        day = _by_weekday(candidates, m["ewd"], window)
        if day is not None:
            return DateFix(
                day, day, "day",
                f"{said!r}: {day.year} is the only year of the profile window in which it is a "
                f"{m['ewd']}", day, rule="D-window-year",
            )  # fmt: skip
        return DateFix(
            None, None, "unknown",
            f"undated: {said!r} has no year and there is no publication date", rule="D-undated",
        )  # fmt: skip
    anchor = published.year if year is None and published else int(year)
    try:
        day = date_parser.parse(f"{month} {dom} {anchor}").date()
    except (ValueError, OverflowError):
        return _publication(published)
    if year is None and published is not None and day > published + timedelta(days=7):
        try:
            day = day.replace(year=day.year - 1)
        except ValueError:
            return _publication(published)
    since = _SINCE_BEFORE.search(m.string, max(0, m.start() - 8), m.start())
    if since and published is not None and day < published:
        return DateFix(day, published, "range", f"{said!r}: from the date until publication", day)
    return DateFix(day, day, "day", f"explicit date {said!r}", day)


_SINCE_CLAUSE = re.compile(
    r"\bsince\s+(?:it|they|he|she|we|the|its|their|his|her|a|an|\w+ed)\b[^,;.]*", _I
)
_SINCE_CLAUSE = prefiltered(_SINCE_CLAUSE)


_since_spans = spans_of(_SINCE_CLAUSE)
_SINCE_BEFORE = re.compile(r"\bsince\s+$", _I)


def _in_since_clause(text: str, pos: int) -> bool:
    """True when ``pos`` lies in a 'since <clause>' (background reference point)."""
    return any(s < pos <= e for s, e in _since_spans(text))


def _month_number(name: str) -> int | None:
    try:
        return date_parser.parse(f"{name} 1 2000").month
    except (ValueError, OverflowError):
        return None
