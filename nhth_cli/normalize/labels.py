"""Row labels and headings: footnote marks, markdown and white space removed."""

from __future__ import annotations

import re
from functools import lru_cache

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FOOTNOTE_CHARS = SUPERSCRIPTS + "*†‡"

_SUPERSCRIPT_RUN = re.compile(f"[{FOOTNOTE_CHARS}]+")
# Digits glued to the end of a word ("Information2", "Specified5") or standing alone at the end
# ("Foreign Nationals 11"): footnote marks, as plain text prints raised digits.
_TRAILING_MARK = re.compile(r"(?<=[A-Za-z)])\d{1,2}$|(?<=[A-Za-z)])\s+\d{1,2}$")
_SPACES = re.compile(r"\s+")
# A word hyphenated where its cell wrapped ("Internet-" / "Web Search") is one word again.
_WRAPPED_HYPHEN = re.compile(r"(?<=[A-Za-z])- (?=[A-Za-z])")


@lru_cache(maxsize=8192)
def strip_footnotes(text: str) -> str:
    """Remove footnote marks anywhere (superscripts, *) and digits glued to the last word;
    fold white space and rejoin words hyphenated where a cell wrapped."""
    text = _SUPERSCRIPT_RUN.sub(" ", text)
    text = _WRAPPED_HYPHEN.sub("-", _SPACES.sub(" ", text).strip())
    text = _TRAILING_MARK.sub("", text)
    return text.strip()


@lru_cache(maxsize=8192)
def clean_label(text: str) -> str:
    """Given a printed label, the category: footnotes removed and white space folded."""
    return strip_footnotes(text)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """A key for comparing labels and headings: upper case, footnotes and spaces removed."""
    return _SPACES.sub(" ", strip_footnotes(text)).strip().upper()


# The table id of rows read under no heading at all: which table they are is not known.
NO_HEADING = "unknown_table"


def snake_case(heading: str) -> str:
    """Given an unknown printed heading, a table id in the style of the known ones."""
    words = re.findall(r"[a-z0-9]+", strip_footnotes(heading).lower())
    return "_".join(words) or NO_HEADING
