"""Marks of the printed report layouts, and why a document that no layout takes is skipped.

Each layout scores a document (layouts/); this module holds the marks the two report layouts
look for, and the reason given for a document none of them recognises.
"""

from __future__ import annotations

import re

_HOTLINE_MARKS = (
    re.compile(r"#\s*OF\s+(?:CALLS|CASES)", re.I),
    re.compile(r"NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT", re.I),
    re.compile(r"Number of Substantive Calls Received", re.I),
    re.compile(r"a total of \d[\d,]* unique cases", re.I),
    re.compile(r"VENUE/INDUSTRY OF POTENTIAL TRAFFICKING", re.I),
    re.compile(r"PRIMARY REASON FOR CONTACTING", re.I),
)
_PROFILE_MARKS = (
    re.compile(r"Efforts\s+to\s+Combat\s+Human\s+Trafficking", re.I),
    re.compile(r"DEMOGRAPHICS OF POTENTIAL (?:PERSONS|VICTIMS) TRAFFICKED", re.I),
    re.compile(r"(?:SEX|LABOR) TRAFFICKING VENUES", re.I),
)
_HOTLINE_NAMED = re.compile(
    r"(?:National Human Trafficking|Trafficking (?:Resource|Hotline))", re.I
)
_TABLE_COLUMNS = _HOTLINE_MARKS[0]


def names_hotline(text: str) -> bool:
    return _HOTLINE_NAMED.search(text) is not None


def hotline_report_score(text: str) -> float:
    """1 for `# OF CALLS`/`# OF CASES` tables in a text naming the hotline; 0.8 for two of the
    report's other marks (its title, headline sentences, headings); else 0."""
    if not names_hotline(text):
        return 0.0
    if _TABLE_COLUMNS.search(text):
        return 1.0
    if sum(1 for p in _HOTLINE_MARKS[1:] if p.search(text)) >= 2:
        return 0.8
    return 0.0


def state_profile_score(text: str) -> float:
    """0.9 for two of the profile's headings in a text naming the hotline (below a hotline
    report's tables, above its other marks); else 0."""
    if not names_hotline(text):
        return 0.0
    return 0.9 if sum(1 for p in _PROFILE_MARKS if p.search(text)) >= 2 else 0.0


def skip_reason(text: str) -> str:
    """Why a document no layout recognises is skipped."""
    if not text or text.isspace():
        return "empty document"
    if not names_hotline(text):
        return "does not mention the National Human Trafficking Hotline"
    return "no table of hotline statistics (not a report)"
