"""Stage 4 of the hotline report parser: a table's rows, each from its line (label, count or a
withheld count, percent), and the table's cells."""

from __future__ import annotations

import pytest

from nhth_cli.parse.hotline_report import (
    Furniture,
    Heading,
    Row,
    TableRead,
    read_table,
    table_cells,
)
from nhth_cli.parse.lines import NumberedLines
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
    [
        "Number of Substantive Calls Received from Connecticut: 199",
        "Sex  12",
        "1000%",
        "CALLER TYPE  # OF CALLS  % OF CALLS",
        "Sex  12  1000%",
        "x" * 401 + " 12 5.0%",
    ],
)
def test_other_lines_are_no_rows(text: str) -> None:
    assert match_row(text) is None


# -- given a table's lines, its rows (read_table) and cells (table_cells) --------------------

_NONE = Furniture(frozenset(), frozenset())
_CALLERS = Heading("caller_type", 0, False, None)


def _read(texts: list[str], heading: Heading = _CALLERS, furniture: Furniture = _NONE) -> TableRead:
    return read_table(texts, 1, heading, furniture)


def test_a_table_is_read_to_its_total_row() -> None:
    texts = [
        "CALLER TYPE  # OF CALLS  % OF CALLS",
        "Community Member  30  60.0%",
        "Student  Fewer than Three⁴  N/A",
        "TOTAL # OF CALLS  50  100.0%",
        "After  1  2.0%",
    ]
    read = _read(texts)
    assert read.rows == (
        Row("Community Member", 1, 30, 60.0, False),
        Row("Student", 2, None, None, True),
        Row("TOTAL # OF CALLS", 3, 50, 100.0, False),
    )
    assert (read.end, read.left, read.warnings) == (4, (), ())


def test_a_label_wrapped_over_lines_is_joined_to_its_row() -> None:
    texts = [
        "HEADING",
        "Family of",
        "Trafficking Victim  5  10.0%",
        "Educator/School",
        "Personnel  3  6.0%",
        "Victim of Trafficking  2  4.0%",
        "(continued below)",
    ]
    read = _read(texts)
    assert [(row.label, row.at) for row in read.rows] == [
        ("Family of Trafficking Victim", 2),
        ("Educator/School Personnel", 4),
        ("Victim of Trafficking", 5),
    ]
    # Text after the last row is left over, for the report's loose lines.
    assert (read.end, read.left) == (7, (6,))


def test_page_furniture_and_the_heading_again_are_passed_over() -> None:
    furniture = Furniture(frozenset({"PAGE HEADER"}), frozenset())
    texts = [
        "HEADING",
        "Student  4  40.0%",
        "7",
        "PAGE HEADER",
        "CALLER TYPE  # OF CALLS  % OF CALLS",
        "% OF CALLS",
        "Other  6  60.0%",
        "TOTAL  10  100.0%",
    ]
    read = _read(texts, furniture=furniture)
    assert [row.label for row in read.rows] == ["Student", "Other", "TOTAL"]
    assert read.end == len(texts)


@pytest.mark.parametrize(
    ("end", "stop"),
    [
        ("HOW CALLER FOUND THE NATIONAL HOTLINE  # OF CALLS  % OF CALLS", 2),  # another table
        ("SUBSTANTIVE CALL DATA", 2),  # a new section
        ("NON-CUMULATIVE", 3),
    ],  # read as the table's own last line
)
def test_a_table_ends_before_another_table_or_section(end: str, stop: int) -> None:
    read = _read(["HEADING", "Student  4  40.0%", end, "Other  6  60.0%"])
    assert [row.label for row in read.rows] == ["Student"]
    assert read.end == stop


def test_a_counts_only_table_reads_rows_without_percents() -> None:
    heading = Heading("top_industries", 0, True, None)
    read = _read(["HEADING", "Agriculture  4", "Domestic Work  Fewer than Three"], heading)
    assert read.rows == (
        Row("Agriculture", 1, 4, None, False),
        Row("Domestic Work", 2, None, None, True),
    )
    assert read.rows == _read(["HEADING", "Agriculture  4 "], heading).rows[:1] + read.rows[1:]
    assert _read(["HEADING", "Agriculture  4"]).rows == ()  # a table with percents needs one


def test_cells_have_categories_totals_and_parents() -> None:
    rows = [
        Row("Sex", 0, 5, 50.0, False),
        Row("Hotel/Motel-Based²", 1, 3, 30.0, False),
        Row("Labor", 2, 5, 50.0, False),
        Row("TOTAL # OF CASES", 3, 10, 100.0, False),
    ]
    lines = NumberedLines(["a", "b", "c", "d"], [7, 8, 9, 11], [2, 2, 2, 3])
    cells = table_cells("venue_industry", rows, lines)
    assert [(c.category, c.parent, c.is_total, c.line, c.page) for c in cells] == [
        ("Sex", None, False, 7, 2),
        ("Hotel/Motel-Based", "Sex", False, 8, 2),
        ("Labor", None, False, 9, 2),
        ("Total", None, True, 11, 3),
    ]
    assert [c.parent for c in table_cells("caller_type", rows, lines)] == [None] * 4
