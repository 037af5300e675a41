"""normalize.casefold: patterns run on the lower-cased text find what IGNORECASE finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli.normalize.casefold import in_lower_case, lowered

PROSE = st.sampled_from(
    ["December", "DECEMBER", "dec.", "1, ", "2016", " – ", " to ", "1/1/2016", "12/31/2016",
     "13/45/2016", "É", "ẞ", "Σ", "ſ", "İ", "K", "In ", "IN ", "Iowa", ", a total of ", "12",
     " unique cases", "Number of Substantive Calls Received from ", ": ", "٣", " "]
)  # fmt: skip
_CASE_PATTERNS = [
    re.compile(r"number of substantive calls received from [^:]{1,60}:\s*(\d[\d,]*)", re.I),
    re.compile(r"\bin (?=[^,]{2,60}, a total of \d)", re.I),
    re.compile(r"(december)\.?\s+(\d{4})", re.I),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(PROSE, max_size=20).map("".join))
def test_lower_case_patterns_find_what_ignorecase_finds(text: str) -> None:
    low = lowered(text)
    if low is None:  # İ, ı, ſ or the Kelvin sign: case-insensitive patterns must read it
        assert any(char in text for char in "\u0130\u0131\u017f\u212a")
        return
    assert len(low) == len(text)
    for pattern in _CASE_PATTERNS:
        found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in in_lower_case(pattern).finditer(low)] == [
            (span, tuple(g.lower() if g else g for g in groups)) for span, groups in found
        ]
