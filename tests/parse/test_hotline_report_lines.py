"""Stage 1 of the hotline report parser: a document's lines, withheld counts rejoined."""

from __future__ import annotations

from nhth_cli.parse.hotline_report import join_withheld
from nhth_cli.parse.lines import read_lines


def test_a_withheld_count_wrapped_in_its_cell_is_joined_to_its_line() -> None:
    lines = read_lines("Minors  Fewer than\nThree7  N/A\n\nMales  4  2.0%\n")
    joined = join_withheld(lines)
    assert joined.texts == ["Minors  Fewer than Three7  N/A", "Males  4  2.0%"]
    assert joined.numbers == [2, 4]
