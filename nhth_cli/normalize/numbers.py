"""Counts and percents as printed, including withheld numbers."""

from __future__ import annotations

import re

# A withheld count: "Fewer than Three", "Fewer than 3", "<3", "< 3".
SUPPRESSED = r"(?:Fewer\s+than\s+(?:Three|3)|<\s*3)"
COUNT = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
PCT = r"(?:\d{1,3}(?:\.\d+)?\s*%|N/?A)"

_SUPPRESSED_RE = re.compile(SUPPRESSED, re.I)
_WITHHELD_STARTS = ("", "F", "f", "<")  # how a withheld token (or an empty one) starts


def is_suppressed(token: str) -> bool:
    return _SUPPRESSED_RE.fullmatch(token.strip()) is not None


def parse_count(token: str) -> int | None:
    """Given "1,234" return 1234; a withheld or empty token gives None."""
    token = token.strip()
    # Only "Fewer ..." and "<..." can be withheld: other tokens skip the pattern.
    if token[:1] in _WITHHELD_STARTS and (not token or is_suppressed(token)):
        return None
    return int(token.replace(",", ""))


def parse_pct(token: str) -> float | None:
    """Given "24.6%" return 24.6; "N/A" or an empty token gives None."""
    token = token.strip().rstrip("%").strip()
    if token[:1].isdecimal():  # a number, not N/A
        return float(token)
    if not token or token.upper().replace("/", "") == "NA":
        return None
    return float(token)
