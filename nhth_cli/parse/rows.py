"""Recognising table rows and headings in cleaned lines; shared by the report layouts."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..normalize.casefold import FOLDS_LIKE_ASCII
from ..normalize.labels import FOOTNOTE_CHARS, fold
from ..normalize.numbers import COUNT, PCT, SUPPRESSED

# A footnote mark after a withheld count: raised digits or symbols, or plain digits.
MARK = rf"(?:[{FOOTNOTE_CHARS}]+|\d{{1,2}})"
# Cells alone on a line (cells that wrapped, or one cell a line).
PCT_CELL = re.compile(rf"^{PCT}$", re.I)
WITHHELD_CELL = re.compile(rf"^{SUPPRESSED}(?:\s*{MARK})?$", re.I)
COUNT_CELL = re.compile(rf"^(?:{COUNT}|{SUPPRESSED}(?:\s*{MARK})?)$", re.I)
# label, then a count (or a withheld count, perhaps with its footnote mark), then a percent.
ROW = re.compile(
    rf"^(?P<label>.*?)(?:^|(?<=\s))"
    rf"(?:(?P<count>{COUNT})|(?P<supp>{SUPPRESSED})(?:\s*{MARK})?)"
    rf"\s+(?P<pct>{PCT})\s*$",
    re.I,
)
# A row of a table printed without a percent column: label, then a count.
COUNT_ROW = re.compile(
    rf"^(?P<label>\S.*?)\s+"
    rf"(?:(?P<count>{COUNT})|(?P<supp>{SUPPRESSED})(?:\s*{MARK})?)\s*$",
    re.I,
)
# A column heading: "# OF CALLS  % OF CALLS", perhaps after the table's title.
# A total row's label ("TOTAL # OF CASES") is no heading, even alone on its line.
HEADING = re.compile(
    r"^(?!\s*TOTAL\b)(?P<title>.*?)\s*#\s*OF\s+(?P<unit>[A-Z][A-Z ]*?)(?:\s+%\s*OF\b.*)?$"
)
# Any label followed by numbers: what a row looks like, for finding lines nothing read.
ROW_LIKE = re.compile(
    rf"^(?P<label>[A-Za-z][^:]{{1,80}}?)(?::\s*|\s+)(?:{COUNT}|{SUPPRESSED})"
    rf"(?:\s*[{FOOTNOTE_CHARS}]+)?(?:\s+{PCT})?$",
    re.I,
)
PAGE_FURNITURE = re.compile(
    r"^(?:NATIONAL HUMAN TRAFFICKING HOTLINE(?: DATA REPORT)?"
    r"|.{2,120}\b(?:State|Territory) Report:.*|Page \d+(?: of \d+)?"
    r"|(?:www\.)?\S+\.(?:org|com)\S*|1-888-373-7888"
    # What a browser prints on each page: the page's address and "page of pages", and the
    # date and time with the page's title.
    r"|\S+://\S*(?:\s+\d+\s*/\s*\d+)?|\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}\s*[AP]M\b.*)$",
    re.I,
)
# Footnote marks inside a heading: digits glued to a word or standing alone ("DEMOGRAPHICS 6 (").
_HEADING_MARK = re.compile(r"(?:(?<=[A-Za-z)])|(?<=\s))\d{1,2}(?=\s|$|\()")
_ALL_CAPS = re.compile(r"^[^a-z]*[A-Z]{2}[^a-z]*$")
# Words a wrapped label cannot end on: what follows them continues the label.
CONNECTORS = frozenset(
    {"than", "of", "and", "in", "the", "to", "for", "from", "or", "by", "a", "an", "with", "on"}
    | {"at", "&", "/", ",", "-", "per", "who"}
)


class RowMatch(NamedTuple):
    label: str
    number: str | None  # the count as printed; None when withheld
    suppressed: bool
    pct: str


# No table row or heading is this long; longer lines are prose (or junk) and skip the regexes.
MAX_ROW_CHARS = 400
# The last character of what looks like a row (a count, a footnote mark, a percent, Three or
# N/A); any decimal digit counts too.
_ROW_LIKE_ENDS = frozenset(f"%{FOOTNOTE_CHARS}")


def _row(m: re.Match[str] | None) -> RowMatch | None:
    if m is None:
        return None
    pct = m.groupdict().get("pct") or ""
    return RowMatch(m["label"].strip(), m["count"], m["supp"] is not None, pct)


@lru_cache(maxsize=2048)
def match_row(text: str) -> RowMatch | None:
    """A table row: label, count (or a withheld count), percent."""
    m = ROW.match(text) if len(text) <= MAX_ROW_CHARS else None
    return _row(m)


@lru_cache(maxsize=2048)
def match_count_row(text: str) -> RowMatch | None:
    """A row of a count-only table ("Domestic Work  12"); its percent is empty."""
    m = COUNT_ROW.match(text) if len(text) <= MAX_ROW_CHARS else None
    return _row(m)


def _starts_like_row(text: str) -> bool:
    """What ROW_LIKE needs first: a letter (a cheap test before the pattern; the end is
    ends_like_row's)."""
    first = text[:1]
    return (first.isascii() and first.isalpha()) or first in FOLDS_LIKE_ASCII or "\n" in text


def ends_like_row(text: str) -> bool:
    """What looks_like_row needs (a cheap test): rows and what looks like one end in a number,
    a mark, a percent, Three or N/A."""
    end = text.rstrip()[-5:]
    last = end[-1:]
    return (
        last.isdecimal()
        or last in _ROW_LIKE_ENDS
        # Not any word ending in a or e: sentences and headings do ("... DATA", "... the").
        or (last in "aAeE" and end.lower().endswith(("three", "na", "n/a")))
        or "\n" in text
    )


def looks_like_row(text: str) -> bool:
    """A label then numbers ("Referral  5  2.5%", "Female: 3"), not a sentence ending in a year."""
    if len(text) > MAX_ROW_CHARS or not ends_like_row(text):
        return False
    if match_row(text) is not None:
        return True
    m = ROW_LIKE.match(text) if _starts_like_row(text) else None
    return m is not None and not ends_open(m["label"])


@lru_cache(maxsize=1024)
def heading_key(text: str) -> str:
    """Fold a heading for lookup: footnote digits glued inside it removed too."""
    return fold(strip_heading_marks(text))


def strip_heading_marks(text: str) -> str:
    return _HEADING_MARK.sub("", text)


@lru_cache(maxsize=2048)
def is_all_caps(text: str) -> bool:
    return len(text) <= MAX_ROW_CHARS and _ALL_CAPS.match(text) is not None


def match_heading(text: str) -> re.Match[str] | None:
    """A table's column heading line, which is never a row."""
    if "#" not in text or len(text) > MAX_ROW_CHARS or match_row(text) is not None:
        return None
    return HEADING.match(text)


def is_prose(text: str) -> bool:
    """A sentence or paragraph line (footnotes, notes), never part of a row label."""
    words = text.split()
    return len(text) > 70 or len(words) > 10 or (text.endswith(".") and len(words) > 2)


def ends_open(label: str) -> bool:
    """A label that cannot end here: its last word joins to what follows."""
    words = label.split()
    return bool(words) and (words[-1].lower() in CONNECTORS or label[-1] in ",/-&")
