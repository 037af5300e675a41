"""Case-insensitive matching made fast: lower-case text searched with lower-case patterns.

A pattern compiled with re.IGNORECASE cannot start its search with a literal, so the regex
engine tries it at every position; the same pattern in lower case, searched in the text
lower-cased, skips to where its literal start occurs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# The characters re.IGNORECASE matches with an ASCII letter although they are not one: İ and ı
# (i), ſ (s) and the Kelvin sign (k).
FOLDS_LIKE_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def lowered(text: str) -> str | None:
    """text with its ASCII letters in lower case, when ASCII patterns in lower case find in it
    exactly what they find in text under re.IGNORECASE, at the same offsets; None when a
    character of text forbids it (see FOLDS_LIKE_ASCII).

    Other characters never match an ASCII letter, so they may keep their case: that keeps
    every character's class (word, digit, white space) and the text's length."""
    if text.isascii():
        return text.lower()
    if any(char in text for char in FOLDS_LIKE_ASCII):
        return None
    # In UTF-8 an ASCII byte is an ASCII character: bytes.lower() changes those alone, and it
    # is many times faster than str.lower() on text that is not ASCII.
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def in_lower_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """An ASCII pattern for text lower-cased by lowered: its letters in lower case and no flags
    (re.IGNORECASE would make it slow again)."""
    if re.search(r"\\[A-Z]", pattern.pattern):
        raise ValueError(f"{pattern.pattern!r}: an escape that lower() would change")
    return re.compile(pattern.pattern.lower())


@lru_cache(maxsize=1)
def lowered_once(text: str) -> str | None:
    """lowered(text), kept for the last text: the layouts' scores search one document with many
    patterns, each of which would otherwise lower it again."""
    return lowered(text)


@dataclass(frozen=True)
class Folded:
    """A case-insensitive pattern that searches fast: in lower case, in the text lower-cased
    (lowered_once), or as compiled where a character of the text forbids that."""

    pattern: re.Pattern[str]
    low: re.Pattern[str]
    needs: str  # words (lower case) every match holds: a text without them is not searched

    @classmethod
    def of(cls, pattern: str, flags: int = 0, needs: str = "") -> Folded:
        """pattern: ASCII, without escapes that lower() would change (\\S, \\W, \\D, \\B)
        or named groups. needs: for a pattern that starts with no literal (`^` in MULTILINE)."""
        compiled = re.compile(pattern, flags | re.IGNORECASE)
        return cls(compiled, re.compile(in_lower_case(compiled).pattern, flags), needs)

    def search(self, text: str) -> bool:
        low = lowered_once(text)
        if low is None:
            return self.pattern.search(text) is not None
        return self.needs in low and self.low.search(low) is not None
