"""Whether a text names the hotline, and why a document that no layout takes is skipped.

Each layout scores a document by its own marks (layouts/); the printed reports' layouts also
need the text to name the hotline.
"""

from __future__ import annotations

from .normalize.casefold import Folded

# Any white space between the words: justified prose (pdftotext -layout) or a name that wraps.
# The report's own headings call it "the National Hotline" ("HOW CALLER FOUND THE NATIONAL
# HOTLINE"): a copy of its tables without the prose names it so.
_HOTLINE_NAMED = Folded.of(
    r"(?:National\s+Human\s+Trafficking|Trafficking\s+(?:Resource|Hotline)"
    r"|the\s+National\s+Hotline)"
)
# What a reader cannot see: a text of these alone is empty.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u00ad"))


def names_hotline(text: str) -> bool:
    return _HOTLINE_NAMED.search(text)


def skip_reason(text: str) -> str:
    """Why a document no layout recognises is skipped."""
    visible = text.translate(_INVISIBLE)
    if not visible or visible.isspace():
        return "empty document"
    if not names_hotline(text):
        return "does not mention the National Human Trafficking Hotline"
    return "no table of hotline statistics (not a report)"
