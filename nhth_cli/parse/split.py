"""Given a document's text, the reports it holds: one part per report (a merged PDF or text).

A report starts at its title ("Connecticut State Report: 1/1/2016 – 12/31/2016", perhaps below
"NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT") or, where it has no title (seed 000), at its
first section heading "OVERVIEW OF INCOMING SIGNALS". Each page repeats the title: a start whose
report is the same as the one being read (same jurisdiction and period) starts nothing. A start
names another report when its jurisdiction or its period differs from the current report's,
each where both are known: the title's, else the ones its text states before the next start.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from ..normalize import jurisdictions
from ..normalize.periods import find_period
from ..records import Jurisdiction, Period

# A report's title line: "Connecticut State Report: ...", "U.S. Virgin Islands Territory Report",
# "U.S. Virgin Islands: Efforts to Combat Human Trafficking"; it starts a line, or a column of
# it ("DATA REPORT      Connecticut State Report: ...").
_TITLE = re.compile(
    r"(?:^|(?<=\s\s))(?P<name>[A-Z][A-Za-z.,']*(?: [A-Za-z.,']+){0,6}?)"
    r"\s*(?::\s*Efforts to Combat\b|"
    r"\s(?:State|Territory|Commonwealth|District|National|Country) Report\b)"
)
_BANNER = re.compile(r"^\s*NATIONAL HUMAN TRAFFICKING HOTLINE(?: DATA REPORT)?\s*$", re.I)
_OVERVIEW = re.compile(r"^\s*OVERVIEW OF INCOMING SIGNALS\s*$", re.I)
# Where a report's text names its jurisdiction: the name starts where a pattern ends.
_NAMED_AT = re.compile(
    r"\bIn (?=[^,]{2,60}, a total of \d)|Substantive Calls Received from "
    r"|related to human trafficking in |response to human trafficking in ",
    re.I,
)
# A title and the section heading below it start one report: at most this many lines apart.
_SAME_START = 6


class _Start(NamedTuple):
    line: int  # 0-based index of the start's first line
    jurisdiction: Jurisdiction | None
    period: Period | None


def _title_at(lines: list[str], i: int) -> tuple[Jurisdiction | None, Period | None] | None:
    """The jurisdiction and period a title line at i names; None when line i is no title."""
    text = lines[i].replace("\f", " ").strip()
    m = _TITLE.search(text)
    if m is None:
        return None
    jurisdiction = jurisdictions.match_name(m["name"])
    if jurisdiction is None:
        return None
    return jurisdiction, find_period(" ".join(text.split()))


def _named(text: str) -> Jurisdiction | None:
    """The jurisdiction a report's text names first (see _NAMED_AT)."""
    flat = " ".join(text.split())
    for m in _NAMED_AT.finditer(flat):
        found = jurisdictions.name_at(flat, m.end())
        if found is not None:
            return found
    return None


def _starts(lines: list[str]) -> list[_Start]:
    """Every place a report may start, with what it names (a title's own, or None)."""
    starts: list[_Start] = []
    last_title = -_SAME_START - 1
    for i, text in enumerate(lines):
        title = _title_at(lines, i) if "Report" in text or "Efforts" in text else None
        if title is not None:
            first = i
            # The banner just above the title starts the report with it.
            above = i - 1
            while above >= 0 and not lines[above].strip():
                above -= 1
            if above >= 0 and _BANNER.match(lines[above].replace("\f", " ")):
                first = above
            starts.append(_Start(first, *title))
            last_title = i
        elif _OVERVIEW.match(text.replace("\f", " ")) and i - last_title > _SAME_START:
            starts.append(_Start(i, None, None))
    return starts


def _differs(a: object | None, b: object | None) -> bool:
    return a is not None and b is not None and a != b


def split_reports(text: str) -> list[tuple[int, str]]:
    """Given a document's text, each report it holds: (the 0-based index of the part's first
    line in the text, the part's text). Lines are split at "\\n"; joined again in order, the
    parts give the text back. One report (or none found) gives [(0, text)]."""
    lines = text.split("\n")
    starts = _starts(lines)
    bounds = [s.line for s in starts] + [len(lines)]
    # What each start's block (its lines up to the next start) names.
    named: list[tuple[int, Jurisdiction | None, Period | None]] = []
    for k, start in enumerate(starts):
        block = "\n".join(lines[start.line : bounds[k + 1]])
        jurisdiction = start.jurisdiction or _named(block)
        period = start.period or find_period(" ".join(block.split()))
        named.append((start.line, jurisdiction, period))
    cuts = [0]
    current: tuple[Jurisdiction | None, Period | None] = (None, None)
    for line, jurisdiction, period in named:
        if line > 0 and (_differs(jurisdiction, current[0]) or _differs(period, current[1])):
            cuts.append(line)
            current = (jurisdiction, period)
        else:
            current = (current[0] or jurisdiction, current[1] or period)
    cuts.append(len(lines))
    return [(a, "\n".join(lines[a:b])) for a, b in pairwise(cuts) if b > a]
