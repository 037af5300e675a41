"""Reporting periods in the forms the reports print them."""

from __future__ import annotations

import calendar
import re
from datetime import date

from ..records import Period

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


def _candidates(text: str) -> list[tuple[int, Period]]:
    found: list[tuple[int, Period]] = []
    for m in _NUMERIC.finditer(text):
        a, b, c, d, e, f = (int(x) for x in m.groups())
        try:
            found.append((m.start(), Period(date(c, a, b), date(f, d, e))))
        except ValueError:
            continue
    for m in _LONG.finditer(text):
        try:
            start = date(int(m[3]), _month(m[1]), int(m[2]))
            end = date(int(m[6]), _month(m[4]), int(m[5]))
        except ValueError:
            continue
        found.append((m.start(), Period(start, end)))
    for m in _MONTH_YEAR.finditer(text):
        start = date(int(m[2]), _month(m[1]), 1)
        found.append((m.start(), Period(start, _month_end(int(m[4]), _month(m[3])))))
    return [(pos, p) for pos, p in found if p.start <= p.end and 1990 <= p.end.year <= 2100]


def find_period(text: str) -> Period | None:
    """Given document text, the first period it states ("1/1/2016 – 12/31/2016", ...)."""
    found = _candidates(text)
    return min(found, key=lambda item: item[0])[1] if found else None
