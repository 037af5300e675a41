"""Marks of the printed report layouts, and why a document that no layout takes is skipped.

Each layout scores a document (layouts/); this module holds the marks the two report layouts
look for, and the reason given for a document none of them recognises.
"""

from __future__ import annotations

from .normalize.casefold import Folded

_HOTLINE_MARKS = (
    Folded.of(r"#\s*OF\s+(?:CALLS|CASES)"),
    Folded.of(r"NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT"),
    Folded.of(r"Number of Substantive Calls Received"),
    Folded.of(r"a total of \d[\d,]* unique cases"),
    Folded.of(r"VENUE/INDUSTRY OF POTENTIAL TRAFFICKING"),
    Folded.of(r"PRIMARY REASON FOR CONTACTING"),
)
_PROFILE_MARKS = (
    Folded.of(r"Efforts\s+to\s+Combat\s+Human\s+Trafficking"),
    Folded.of(r"DEMOGRAPHICS OF POTENTIAL (?:PERSONS|VICTIMS) TRAFFICKED"),
    Folded.of(r"(?:SEX|LABOR) TRAFFICKING VENUES"),
)
_HOTLINE_NAMED = Folded.of(r"(?:National Human Trafficking|Trafficking (?:Resource|Hotline))")
_TABLE_COLUMNS = _HOTLINE_MARKS[0]


def names_hotline(text: str) -> bool:
    return _HOTLINE_NAMED.search(text)


def hotline_report_score(text: str) -> float:
    """1 for `# OF CALLS`/`# OF CASES` tables in a text naming the hotline; 0.8 for two of the
    report's other marks (its title, headline sentences, headings); else 0."""
    if not names_hotline(text):
        return 0.0
    if _TABLE_COLUMNS.search(text):
        return 1.0
    if sum(p.search(text) for p in _HOTLINE_MARKS[1:]) >= 2:
        return 0.8
    return 0.0


def state_profile_score(text: str) -> float:
    """0.9 for two of the profile's headings in a text naming the hotline (below a hotline
    report's tables, above its other marks); else 0."""
    if not names_hotline(text):
        return 0.0
    return 0.9 if sum(p.search(text) for p in _PROFILE_MARKS) >= 2 else 0.0


def skip_reason(text: str) -> str:
    """Why a document no layout recognises is skipped."""
    if not text or text.isspace():
        return "empty document"
    if not names_hotline(text):
        return "does not mention the National Human Trafficking Hotline"
    return "no table of hotline statistics (not a report)"
