"""Stage 5 of the hotline report parser: given a line outside the tables, its signals."""

from __future__ import annotations

import pytest

from nhth_cli.parse.hotline_report import Signals, line_signals


def test_signals_printed_with_their_channels() -> None:
    assert line_signals(["199 Phone Calls   24 Emails   1,014 Online Tip Reports"], 0) == Signals(
        0, (("Phone Calls", "199"), ("Emails", "24"), ("Online Tip Reports", "1,014")), False
    )


def test_numbers_above_or_below_their_channels_are_paired_in_order() -> None:
    above = ["199   24   14", "Phone Calls   Emails   Online Tip Reports"]
    below = list(reversed(above))
    pairs = (("Phone Calls", "199"), ("Emails", "24"), ("Online Tip Reports", "14"))
    assert line_signals(above, 0) == Signals(0, pairs, True)
    assert line_signals(below, 0) == Signals(1, pairs, True)  # the numbers' line


@pytest.mark.parametrize(
    "texts",
    [
        ["199 Phone Calls were made in 2016"],
        ["In 2016, 199 Phone Calls"],
        ["199   24", "Phone Calls"],
        ["199   24   14"],
        ["Phone Calls   Emails"],
        ["Sex  12  5.0%", "Phone Calls"],
    ],
)
def test_other_lines_hold_no_signals(texts: list[str]) -> None:
    assert line_signals(texts, 0) is None
