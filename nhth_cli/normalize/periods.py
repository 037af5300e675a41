"""Reporting periods in the forms the reports print them."""

from __future__ import annotations

import calendar
import re
from datetime import date

from ..records import Period

FIRST_YEAR, LAST_YEAR = 1990, 2100  # the years a report's period may end in
# Words a year follows in a sentence ("in 2016", "since 2007", "FY 2016"): such a number is a
# date, never a count (the accounting's known non-rows, the state profile's venue lines).
YEAR_WORDS = frozenset(
    [
        "in",
        "since",
        "from",
        "to",
        "through",
        "until",
        "of",
        "for",
        "during",
        "between",
        "and",
        "by",
        "year",
        "years",
        "fy",
        "as",
    ]
)


def is_report_year(year: int) -> bool:
    """A year a report may be of; the accounting also takes such a number in prose for a year."""
    return FIRST_YEAR <= year <= LAST_YEAR


_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m
}
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DASH = r"\s*(?:[-–—]|to|through|thru|and|until)\s*"

_NUMERIC = re.compile(
    rf"(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}){_DASH}(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})", re.I
)
_LONG = re.compile(
    rf"({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}}){_DASH}({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})", re.I
)
_MONTH_YEAR = re.compile(rf"({_MONTH})\s+(\d{{4}}){_DASH}({_MONTH})\s+(\d{{4}})", re.I)


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# The same patterns, case-sensitive, for text already lower-cased: many times faster than re.I,
# whose case folding defeats the regex engine's first-character scan.
_NUMERIC_LOW = re.compile(_NUMERIC.pattern)
_LONG_LOW = re.compile(_LONG.pattern)
_MONTH_YEAR_LOW = re.compile(_MONTH_YEAR.pattern)


def _period(kind: int, m: re.Match[str]) -> Period | None:
    """The period a match states; None when it is no valid period."""
    try:
        if kind == 0:
            a, b, c, d, e, f = (int(x) for x in m.groups())
            period = Period(date(c, a, b), date(f, d, e))
        elif kind == 1:
            start = date(int(m[3]), _month(m[1]), int(m[2]))
            period = Period(start, date(int(m[6]), _month(m[4]), int(m[5])))
        else:
            start = date(int(m[2]), _month(m[1]), 1)
            period = Period(start, _month_end(int(m[4]), _month(m[3])))
    except ValueError:
        return None
    return period if period.start <= period.end and is_report_year(period.end.year) else None


_FORMS = (_NUMERIC, _LONG, _MONTH_YEAR)
_FORMS_LOW = (_NUMERIC_LOW, _LONG_LOW, _MONTH_YEAR_LOW)


def find_period(text: str, low: str | None = None) -> Period | None:
    """Given document text (and, if at hand, its letters in lower case: casefold.lowered), the
    first period it states ("1/1/2016 – 12/31/2016", ...).

    Each form's matches are read left to right and only until they pass the best one found so
    far; at equal positions the numeric form wins, then the long one (the order of the forms).
    """
    low = text.lower() if low is None else low
    patterns = _FORMS_LOW
    if len(low) != len(text):  # a character whose lower case is longer: offsets would shift
        low, patterns = text, _FORMS
    best: tuple[int, Period] | None = None
    for kind, pattern in enumerate(patterns):
        for m in pattern.finditer(low):
            if best is not None and m.start() >= best[0]:
                break
            period = _period(kind, m)
            if period is not None:
                best = (m.start(), period)
                break
    return best[1] if best else None
