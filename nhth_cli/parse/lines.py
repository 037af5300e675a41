"""Document text to numbered, cleaned lines with their pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.*?)\1")
# "# OF CALLS" is a column heading, not a markdown heading.
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?!OF\b)", re.I)
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")
_INVISIBLE = str.maketrans({"\u00a0": " ", "\u200b": None, "\ufeff": None, "\u00ad": None})
_BULLET = re.compile(r"^\s*[-•·▪●]\s+")
# What the first non-blank character of a line must be for _MD_RULE or _BULLET to match.
_RULE_STARTS = frozenset("-*_|:")
_BULLET_STARTS = frozenset("-•·▪●")


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based, in the document's text
    page: int | None
    text: str  # cleaned: markdown removed, trailing space stripped; column gaps kept

    @property
    def cells(self) -> list[str]:
        return [c for c in re.split(r" {2,}", self.text) if c]


def clean_line(raw: str) -> str:
    """Given a raw line, its text without markdown debris or invisible characters."""
    # Each step runs only when the line holds what its pattern needs (same result, far fewer
    # regex calls: most lines are plain text or table rows).
    text = raw if raw.isascii() else raw.translate(_INVISIBLE)
    first = text.lstrip()[:1]
    if first in _RULE_STARTS and _MD_RULE.match(text):
        return ""
    if first == "#":
        text = _MD_HEADING.sub("", text)
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = _MD_EMPHASIS.sub(r"\2", text)
        text = text.replace("**", "")
    if first in _BULLET_STARTS:
        text = _BULLET.sub("", text)
    if "|" in text and text.strip().startswith("|"):
        text = "\t".join(c.strip() for c in text.strip().strip("|").split("|"))
    # Column gaps stay as printed (a tab counts as a gap): layouts place groups by column.
    return text.replace("\t", "  ").rstrip()


def split_lines(text: str) -> list[Line]:
    """Given document text, its lines; pages counted by form feeds when there are any."""
    paged = "\f" in text
    page = 1
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        if paged and "\f" in raw:
            # pdftotext puts the form feed at the start of the next page's first line.
            before, _, raw = raw.rpartition("\f")
            page += before.count("\f") + 1
            if before.strip():
                # Text before the form feed belongs to the previous page; rare, keep it.
                raw = before.replace("\f", " ") + " " + raw
        lines.append(Line(number, page if paged else None, clean_line(raw)))
    return lines
