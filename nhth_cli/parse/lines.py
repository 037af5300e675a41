"""Document text to numbered, cleaned lines with their pages."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.*?)\1")
# "# OF CALLS" is a column heading, not a markdown heading.
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?!OF\b)", re.I)
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")
_INVISIBLE = {"\u00a0": " ", "\u200b": "", "\ufeff": "", "\u00ad": ""}
_BULLET = re.compile(r"^\s*[-•·▪●]\s+")
# What the first non-blank character of a line must be for _MD_RULE or _BULLET to match.
_RULE_STARTS = frozenset("-*_|:")
_BULLET_STARTS = frozenset("-•·▪●")


class Line(NamedTuple):
    number: int  # 1-based, in the document's text
    page: int | None
    text: str  # cleaned: markdown removed, trailing space stripped; column gaps kept


class Lines(NamedTuple):
    """A document's cleaned lines as parallel lists: line i + 1 is texts[i] on pages[i]."""

    texts: list[str]
    pages: list[int] | None  # None when the text has no form feeds
    # Line i as printed (form feeds taken out) where cleaning changed its words: where it
    # removed markdown or invisible characters. Elsewhere it changed only white space.
    printed: dict[int, str]

    def as_list(self) -> list[Line]:
        pages = self.pages if self.pages is not None else [None] * len(self.texts)
        return list(
            map(Line._make, zip(range(1, len(self.texts) + 1), pages, self.texts, strict=True))
        )


class NumberedLines(NamedTuple):
    """Some of a document's lines as parallel lists: texts[i] is line numbers[i], on pages[i]."""

    texts: list[str]
    numbers: list[int]
    pages: list[int] | None  # None when the text has no form feeds


def clean_line(raw: str) -> str:
    """Given a raw line, its text without markdown debris or invisible characters."""
    # Each step runs only when the line holds what its pattern needs (same result, far fewer
    # regex calls: most lines are plain text or table rows).
    text = raw if raw.isascii() else _visible(raw)
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


def _visible(text: str) -> str:
    """No-break spaces as spaces; zero-width spaces, BOMs and soft hyphens removed."""
    for char, replacement in _INVISIBLE.items():
        if char in text:
            text = text.replace(char, replacement)
    return text


def clean_lines(text: str) -> tuple[list[str], dict[int, str]]:
    """Given text (form feeds taken out), its lines as clean_line gives them, and as printed
    the lines whose words cleaning changed (see Lines.printed)."""
    raws = text.split("\n")
    texts = [clean_line(raw) for raw in raws]
    printed = {i: raw for i, raw in enumerate(raws) if _words_changed(raw, texts[i])}
    return texts, printed


def _words_changed(raw: str, text: str) -> bool:
    """Whether cleaning changed the words of a line, not only its white space."""
    # Most lines change in their tabs and trailing space alone: a cheap test first (measured
    # on a line of 5.5 MB: splitting it takes 0.5 s).
    return text != raw.replace("\t", "  ").rstrip() and raw.split() != text.split()


def paginate(text: str) -> tuple[str, list[int]]:
    """Given text with form feeds, the text with them taken out, and each line's page."""
    pieces: list[str] = []
    pages: list[int] = []
    page, line, done = 1, 0, 0  # done: where the text not yet copied starts
    at = text.find("\f")
    while at >= 0:
        newline = text.rfind("\n", done, at)
        start = done if newline < 0 else newline + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line += text.count("\n", done, start)  # the index of the line at start
        pages += [page] * (line - len(pages))
        # pdftotext puts the form feed at the start of the next page's first line.
        before, _, raw = text[start:end].rpartition("\f")
        page += before.count("\f") + 1
        # Text before the form feed belongs to the previous page; rare, keep it.
        pieces += [
            text[done:start],
            before.replace("\f", " ") + " " + raw if before.strip() else raw,
        ]
        done = end
        at = text.find("\f", end)
    pieces.append(text[done:])
    pages += [page] * (line + text.count("\n", done) + 1 - len(pages))
    return "".join(pieces), pages


@lru_cache(maxsize=1)
def read_lines(text: str) -> Lines:
    """Given document text, its cleaned lines; pages counted by form feeds when there are any.

    The last document's lines are kept: its layout's parser and the accounting
    (accounting.unread_numbers) both read them. Callers must not change them."""
    pages = None
    if "\f" in text:
        text, pages = paginate(text)
    texts, printed = clean_lines(text)
    return Lines(texts, pages, printed)
