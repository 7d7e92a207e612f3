"""How claims are dated on screen (atlas.when): on a day, over days, reported by, undated."""

from __future__ import annotations

from datetime import date

import pytest

from atlas.sample import make_claim
from atlas.when import DateDomain, Dating, date_domain, date_label, iso_span, span_text, when


@pytest.mark.parametrize(
    ("fields", "label", "iso", "dating"),
    [
        ({"date": "2021-09-05"}, "on 5 Sep 2021", "2021-09-05", Dating.DAY),
        ({"date_start": "2021-09-03", "date_end": "2021-09-05", "date_precision": "range"},
         "3–5 Sep 2021", "2021-09-03/2021-09-05", Dating.RANGE),
        ({"date_start": "2021-09-05", "date_end": "2021-09-02"}, "2–5 Sep 2021",
         "2021-09-02/2021-09-05", Dating.RANGE),
        ({"reported_by": "2021-09-05"}, "reported by 5 Sep 2021", "../2021-09-05",
         Dating.REPORTED),
        ({"date": None}, "undated", "", None),
        ({"date_start": "not a day", "date_end": None}, "undated", "", None),
        ({"date_start": None, "date_end": None, "date_precision": "on_or_before"}, "undated", "",
         None),
    ],
)  # fmt: skip
def test_labels(fields, label, iso, dating):
    claim = make_claim(**fields)
    assert date_label(claim) == label
    assert iso_span(claim) == iso
    found = when(claim)
    assert (found.dating if found else None) == dating


def test_reported_by_and_on_the_day_never_look_alike():
    day = make_claim(date="2021-09-05")
    reported = make_claim(reported_by="2021-09-05")
    assert date_label(day) != date_label(reported)
    assert date_label(day).startswith("on ") and date_label(reported).startswith("reported by ")


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (date(2021, 9, 5), date(2021, 9, 5), "5 Sep 2021"),
        (date(2021, 8, 31), date(2021, 9, 2), "31 Aug – 2 Sep 2021"),
        (date(2021, 12, 30), date(2022, 1, 2), "30 Dec 2021 – 2 Jan 2022"),
    ],
)
def test_span_text(start, end, text):
    assert span_text(start, end) == text


@pytest.mark.parametrize(
    ("window", "shown"),
    [
        ((None, None), True),
        ((date(2021, 9, 1), date(2021, 9, 2)), True),  # may have happened then
        ((date(2021, 9, 5), date(2021, 9, 6)), True),  # the window reaches back to the report
        ((date(2021, 9, 6), None), False),  # starts after the report: cannot be in it
    ],
)
def test_reported_by_overlaps_while_the_window_reaches_back(window, shown):
    assert when(make_claim(reported_by="2021-09-05")).overlaps(*window) is shown


def test_domain_uses_report_days_not_open_starts():
    claims = [make_claim(date="2021-09-03"), make_claim(reported_by="2021-09-05")]
    assert date_domain(claims) == DateDomain(date(2021, 9, 3), date(2021, 9, 5))
    assert date_domain([make_claim(reported_by="2021-09-05")]) == DateDomain(
        date(2021, 9, 5), date(2021, 9, 5)
    )
    assert date_domain([make_claim(date=None)]) is None
