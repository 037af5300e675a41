"""Given a document's text, what kind of document it is (or why it is skipped)."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Classification:
    kind: str | None  # "hotline_report", "state_profile", or None when skipped
    reason: str | None = None


def classify(text: str) -> Classification:
    """Hotline reports have `# OF CALLS`/`# OF CASES` tables and name the hotline; profiles have
    their own headings. Anything else (news, press releases) is skipped with a reason."""
    if not text or text.isspace():
        return Classification(None, "empty document")
    # Marks are searched only as far as the decision needs them, most telling first.
    if _HOTLINE_NAMED.search(text) is None:
        return Classification(None, "does not mention the National Human Trafficking Hotline")
    if _TABLE_COLUMNS.search(text):  # itself a hotline mark
        return Classification("hotline_report")
    if sum(1 for p in _PROFILE_MARKS if p.search(text)) >= 2:
        return Classification("state_profile")
    if sum(1 for p in _HOTLINE_MARKS[1:] if p.search(text)) >= 2:
        return Classification("hotline_report")
    return Classification(None, "no table of hotline statistics (not a report)")
