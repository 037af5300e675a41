"""A document's words joined by single spaces: sentences wrap across lines, patterns read them
in this flat text instead."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, compress, count
from typing import NamedTuple

from ..normalize.casefold import lowered


def fold_lines(texts: list[str]) -> list[str]:
    """Each text with its white space folded, as " ".join(text.split()) gives it."""
    return [" ".join(text.split()) for text in texts]


class Flat(NamedTuple):
    """A text's words joined by single spaces, and that in lower case (see casefold.lowered)."""

    text: str
    low: str | None

    @classmethod
    def of(cls, text: str) -> Flat:
        return cls(text, lowered(text))


def flat_text(folded: list[str], printed: dict[int, str]) -> Flat:
    """Given a document's lines folded (fold_lines) and the lines whose words cleaning changed,
    as printed (Lines.printed): the document's words joined by single spaces, as
    " ".join(text.split()) gives them for the whole text."""
    if printed:
        folded = list(folded)
        for i, text in printed.items():
            folded[i] = " ".join(text.split())
    return Flat.of(" ".join(filter(None, folded)))


class FlowText:
    """Lines folded (fold_lines) and joined with single spaces, mapping offsets back to lines.

    flat: the same text as a Flat when the caller has it at hand (flat_text gives it for lines
    that cleaning changed only in their white space)."""

    def __init__(self, folded: list[str], flat: Flat | None = None) -> None:
        self._folded = folded
        text = " ".join(filter(None, folded)) if flat is None else flat.text
        self.text = text
        self._flat = flat
        self._index: tuple[list[int], list[int]] | None = None

    @property
    def flat(self) -> Flat:
        """The text and that in lower case; lowered once, when first asked for."""
        if self._flat is None:
            self._flat = Flat.of(self.text)
        return self._flat

    def line_at(self, offset: int) -> int:
        """The index of the line (in the lines given) the offset falls in."""
        # Built on the first call: most documents ask for a few offsets, or none.
        if self._index is None:
            parts = list(filter(None, self._folded))
            at = list(compress(count(), self._folded))  # the indices of the non-empty lines
            # Where each non-empty line starts in the text: after the others and a space each.
            starts = list(accumulate([len(part) + 1 for part in parts[:-1]], initial=0))
            self._index = (at, starts)
        at, starts = self._index
        return at[bisect_right(starts, offset) - 1]
