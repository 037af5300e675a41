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


def test_signals_a_cell_a_line_pair_in_order() -> None:
    from nhth_cli.parse.hotline_report import column_signals

    texts = ["199", "24", "14", "Phone Calls", "Emails", "Online Tip Reports", "CALLER TYPE"]
    pairs = (("Phone Calls", "199"), ("Emails", "24"), ("Online Tip Reports", "14"))
    assert line_signals(texts, 0) == Signals(0, pairs, True, column=True)
    names_first = texts[3:6] + texts[:3]
    assert column_signals(names_first, 0) == Signals(3, pairs, True, column=True)


def test_signals_a_cell_a_line_of_unequal_runs_are_unread() -> None:
    from nhth_cli.parse.hotline_report import column_signals

    assert column_signals(["199", "24", "14", "Phone Calls", "Emails"], 0) is None
    assert column_signals(["199", "Phone Calls"], 0) is None  # one alone: the stacked forms'


def test_browser_page_counters_on_lines_of_their_own() -> None:
    from nhth_cli.parse.hotline_report import page_counters

    assert page_counters(["1/4", "211/311", "2/4", "3/4", "4/4"]) == {"1/4", "2/4", "3/4", "4/4"}
    # A copy that lost a page's counter keeps the others (found 2026-12-05: "1/4" was read
    # into the label "1/4 211/311" once "3/4" was gone).
    assert page_counters(["1/4", "2/4", "4/4", "211/311"]) == {"1/4", "2/4", "4/4"}
    assert page_counters(["211/311"]) == frozenset()  # a lone fraction: a label
    assert page_counters(["1/4", "5/4"]) == frozenset()  # no page 5 of 4
