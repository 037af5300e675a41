"""Whether a text names the hotline, and why a document that no layout takes is skipped.

Each layout scores a document by its own marks (layouts/); the printed reports' layouts also
need the text to name the hotline.
"""

from __future__ import annotations

from .normalize.casefold import Folded

_HOTLINE_NAMED = Folded.of(r"(?:National Human Trafficking|Trafficking (?:Resource|Hotline))")


def names_hotline(text: str) -> bool:
    return _HOTLINE_NAMED.search(text)


def skip_reason(text: str) -> str:
    """Why a document no layout recognises is skipped."""
    if not text or text.isspace():
        return "empty document"
    if not names_hotline(text):
        return "does not mention the National Human Trafficking Hotline"
    return "no table of hotline statistics (not a report)"
