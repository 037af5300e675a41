"""Helpers shared by the parser's tests: pieces of lines to build texts from."""

from __future__ import annotations

from hypothesis import strategies as st

_LINE_PIECES = st.sampled_from(
    ["a", "Sex", "b c", " ", "  ", "\t", "\n", "\r", "\x0b", "\u2003", "\xa0", "\u200b", "\ufeff",
     "\xad", "**", "__", "](x)", "[y", "# ", "## OF", "- ", "---", "|", ":", "•", "*", "_", "¹",
     "12", "5.0%", "N/A", "Fewer than Three", "\x00"]
)  # fmt: skip


def _as_text(pieces: list[str]) -> str:
    return "".join(pieces)
