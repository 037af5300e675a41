"""Counts and percents as printed, including withheld numbers."""

from __future__ import annotations

import re

from ..errors import InputError

# A withheld count: "Fewer than Three", "Fewer than 3", "<3", "< 3".
SUPPRESSED = r"(?:Fewer\s+than\s+(?:Three|3)|<\s*3)"
COUNT = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
PCT = r"(?:\d{1,3}(?:\.\d+)?\s*%|N/?A)"

# The largest count a row can hold (the `count` column is int64), and its number of digits.
INT64_MAX = 2**63 - 1
MAX_COUNT_DIGITS = len(str(INT64_MAX))

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
    return checked_count(token.replace(",", ""), token)


def shown_number(token: str, width: int = 24) -> str:
    """A number as a message quotes it: a long one cut short, with its length."""
    token = token.strip()
    if len(token) <= width:
        return repr(token)
    return f"{token[:width]!r}... ({len(token):,} characters)"


def checked_count(digits: str, token: str | None = None) -> int:
    """Given a count's digits, its value; more digits than an int64 holds (a run of thousands
    of digits included), or a value over int64, is an InputError of the file: never an
    OverflowError later, never a count lost."""
    if len(digits) > MAX_COUNT_DIGITS:
        raise InputError(f"the number {shown_number(token or digits)} is too large for a count")
    value = int(digits)
    if value > INT64_MAX:
        raise InputError(f"the number {shown_number(token or digits)} does not fit a 64-bit count")
    return value


def parse_pct(token: str) -> float | None:
    """Given "24.6%" return 24.6; "N/A" or an empty token gives None."""
    token = token.strip().rstrip("%").strip()
    if token[:1].isdecimal():  # a number, not N/A
        return float(token)
    if not token or token.upper().replace("/", "") == "NA":
        return None
    return float(token)
