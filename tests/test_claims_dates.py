"""claims.dates: explicit dates, weekdays and relative words against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from claims.dates import extend_until, is_historical, resolve, weekday_on_or_before

SUNDAY = date(2021, 9, 5)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "basis"),
    [
        ("they said on Monday they had captured", "2021-08-30", "2021-08-30", "day", "on Monday"),
        ("Earlier on Thursday, X said", "2021-09-02", "2021-09-02", "day", "Thursday"),
        ("Thursday's overnight clashes", "2021-09-02", "2021-09-02", "day", "Thursday"),
        ("Republic on Sunday reported", "2021-09-05", "2021-09-05", "day", "Sunday"),
        ("last Sunday", "2021-08-29", "2021-08-29", "day", "last Sunday"),
        ("since morning", "2021-09-05", "2021-09-05", "day", "since morning"),
        ("Today, forces attacked", "2021-09-05", "2021-09-05", "day", "Today"),
        ("yesterday", "2021-09-04", "2021-09-04", "day", "yesterday"),
        ("Over the last 48 hours, there", "2021-09-03", "2021-09-05", "range", "48 hours"),
        ("in the past three days", "2021-09-02", "2021-09-05", "range", "three days"),
        ("since Thursday", "2021-09-02", "2021-09-05", "range", "since Thursday"),
        ("Late on Saturday fighting continued till Sunday morning", "2021-09-04", "2021-09-05",
         "range", "until"),
        ("On Thursday night, September 2, heavy clashes", "2021-09-02", "2021-09-02", "day",
         "explicit date"),
        ("on 2 September 2021", "2021-09-02", "2021-09-02", "day", "explicit date"),
        ("on 2021-09-01", "2021-09-01", "2021-09-01", "day", "explicit date"),
        ("on December 30", "2020-12-30", "2020-12-30", "day", "explicit date"),
        # no day in the text: on or before publication (the start is not known)
        ("since it overthrew the government on August 15", "None", "2021-09-05", "on_or_before",
         "on or before publication"),
        ("no time words here", "None", "2021-09-05", "on_or_before", "on or before publication"),
        ("talks broke down last week", "2021-08-23", "2021-08-29", "range", "last week"),
        ("earlier this week", "2021-08-30", "2021-09-05", "range", "this week"),
        ("last weekend", "2021-08-28", "2021-08-29", "range", "last weekend"),
        ("this weekend", "2021-09-04", "2021-09-05", "range", "this weekend"),
    ],
)  # fmt: skip
def test_resolve_against_publication(text, start, end, precision, basis) -> None:
    fix = resolve(text, SUNDAY)
    assert (str(fix.start), str(fix.end), fix.precision) == (start, end, precision)
    assert basis in fix.basis


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("On Thursday night, September 2, heavy clashes", "no year"),
        ("Today, Taliban forces attempted", "relative"),
        ("on Monday", "relative"),
        ("nothing", "no publication date"),
    ],
)
def test_without_publication_date_claims_are_undated(text: str, basis: str) -> None:
    fix = resolve(text, None)
    assert (fix.start, fix.end, fix.precision) == (None, None, "unknown")
    assert basis in fix.basis and fix.basis.startswith("undated")


def test_explicit_date_with_year_needs_no_publication_date() -> None:
    fix = resolve("on 2 September 2021", None)
    assert fix.start == date(2021, 9, 2) and fix.precision == "day"


def test_since_then_starts_at_the_previous_explicit_date() -> None:
    fix = resolve("Since then, forces have gathered", SUNDAY, previous=date(2021, 8, 15))
    assert (fix.start, fix.end, fix.precision) == (date(2021, 8, 15), SUNDAY, "range")


def test_continuation_sentence_extends_the_range() -> None:
    fix = resolve("Late on Saturday, fighting was underway", SUNDAY)
    fix = extend_until(fix, "The fighting continued till Sunday morning.", SUNDAY)
    assert (fix.start, fix.end, fix.precision) == (date(2021, 9, 4), SUNDAY, "range")


@pytest.mark.parametrize(
    ("anchor", "weekday", "expected"),
    [
        (SUNDAY, 0, date(2021, 8, 30)),
        (SUNDAY, 3, date(2021, 9, 2)),
        (SUNDAY, 6, SUNDAY),
        (date(2021, 9, 1), 2, date(2021, 9, 1)),
        (date(2021, 1, 1), 4, date(2021, 1, 1)),
        (date(2021, 1, 1), 5, date(2020, 12, 26)),
    ],
)
def test_weekday_arithmetic(anchor: date, weekday: int, expected: date) -> None:
    assert weekday_on_or_before(anchor, weekday) == expected


@pytest.mark.parametrize(
    ("text", "historical"),
    [
        ("a place that outlasted the soviets (in the 80s)", True),
        ("the Taliban (from 96-01)", True),
        ("two days before the September 11, 2001 attacks", True),
        ("signed a peace deal last year", True),
        ("For the past four decades, the NRF has rebuffed advances", True),
        ("In the month of August, the Taliban swept over the country", True),
        ("the 9/11 terror attack", True),
        ("On Monday the Taliban entered Bazarak", False),
        ("700 Taliban fighters were killed", False),
        ("In September the Taliban entered Bazarak", False),
    ],
)
def test_historical_background(text: str, historical: bool) -> None:
    assert is_historical(text, SUNDAY) is historical
