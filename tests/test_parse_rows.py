"""Reading a table row from its line: label, count (or a withheld count) and percent."""

from __future__ import annotations

import pytest

from nhth_cli.parse.rows import match_row


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("Victim of Trafficking  49  24.6%", ("Victim of Trafficking", "49", False, "24.6%")),
        ("TOTAL # OF CALLS 1,234 100.0%", ("TOTAL # OF CALLS", "1,234", False, "100.0%")),
        ("Minors  Fewer than Three⁷  N/A", ("Minors", None, True, "N/A")),
        ("Minors  Fewer than 3 7  N/A", ("Minors", None, True, "N/A")),
        ("Males  <3  na", ("Males", None, True, "na")),
        # "Fewer than Three" inside a label is no withheld count: the count follows it.
        (
            "Caller Types Referenced Fewer than Three Times  2  1.0%",
            ("Caller Types Referenced Fewer than Three Times", "2", False, "1.0%"),
        ),
        ("12  5.0%", ("", "12", False, "5.0%")),
        ("Sex  12  5.0 %", ("Sex", "12", False, "5.0 %")),
    ],
)
def test_a_row_is_its_label_count_and_percent(
    text: str, row: tuple[str, str | None, bool, str]
) -> None:
    assert tuple(match_row(text) or ()) == row


@pytest.mark.parametrize(
    "text",
    ["Number of Substantive Calls Received from Connecticut: 199", "Sex  12", "1000%",
     "CALLER TYPE  # OF CALLS  % OF CALLS", "Sex  12  1000%", "x" * 401 + " 12 5.0%"],
)  # fmt: skip
def test_other_lines_are_no_rows(text: str) -> None:
    assert match_row(text) is None
