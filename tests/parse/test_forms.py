"""Other printed forms of the hotline report's rows give exactly the rows of the plain text
(issue 12, point 3): `Label: N (P%)`, dot leaders, the percent column first, raw `pdftotext`
(one cell a line, row by row or column by column), and a footnote mark alone between a wrapped
label and its numbers. Where a form is ambiguous, nothing of it is read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from nhth_cli.parse import parse_document
from nhth_cli.parse.forms import (
    colon_row,
    count_first_heading,
    count_first_row,
    plain_forms,
    without_leaders,
)
from nhth_cli.parse.rows import match_row
from tests import renditions as r
from tests.conftest import SAMPLES, seed_path

# What a row says (not where it was printed).
_FIELDS = ("table", "category", "count", "pct", "suppressed", "parent", "is_total")
_ROWS = {"ct": 66, "vi": 6}


def rows(text: str) -> list[tuple[Any, ...]]:
    report = parse_document(text, "")
    return [tuple(getattr(cell, f) for f in _FIELDS) for cell in report.cells]


@pytest.fixture(params=["ct-sample", "ct-seed", "vi-sample", "vi-seed"])
def report(request: pytest.FixtureRequest) -> tuple[str, str]:
    """(which, text): the 2016 hotline reports of the samples and seeds (004 Connecticut, 000
    U.S. Virgin Islands)."""
    samples = {"ct": "connecticut-2016-hotline.txt", "vi": "us-virgin-islands-2016-hotline.txt"}
    which, kind = request.param.split("-")
    if kind == "sample":
        return which, (SAMPLES / samples[which]).read_text(encoding="utf-8")
    return which, seed_path({"ct": "004", "vi": "000"}[which]).read_text(encoding="utf-8")


FORMS: dict[str, Callable[[str], str]] = {
    "colon_rows": r.colon_rows,
    "dot_leaders": r.dot_leaders,
    "dot_leaders_glued": lambda t: r.dot_leaders(t, glued=True),
    "percent_first": r.percent_first,
    "raw_pdftotext": r.raw_pdftotext,
    "raw_pdftotext_columns": r.raw_pdftotext_columns,
    "marks_between_label_and_numbers": r.marks_between_label_and_numbers,
    "colon_rows_page_breaks": lambda t: r.colon_rows(r.page_breaks(t)),
    "dot_leaders_glued_footnotes": lambda t: r.dot_leaders(r.glued_footnotes(t)),
    "marks_alone": r.marks_alone,
    "marks_alone_single_spaces": lambda t: r.marks_alone(r.single_spaces(t)),
    "raw_pdftotext_marks_alone": lambda t: r.marks_alone(r.raw_pdftotext(t)),
    "dot_leaders_wrapped_labels": lambda t: r.dot_leaders(r.wrap_numbers_last(t)),
    "colon_rows_wrapped_labels": lambda t: r.colon_rows(r.wrap_numbers_last(t)),
    "raw_pdftotext_percent_first": r.raw_pdftotext_percent_first,
    "percent_first_wrapped_labels": lambda t: r.percent_first(r.wrap_numbers_last(t)),
    "percent_first_page_breaks": lambda t: r.percent_first(r.page_breaks(t, repeat_heading=True)),
    "raw_pdftotext_page_breaks": lambda t: r.raw_pdftotext(r.page_breaks(t)),
    "raw_pdftotext_page_footers": lambda t: r.raw_pdftotext(r.page_footers(t)),
    "raw_pdftotext_wrapped_headings": lambda t: r.raw_pdftotext(r.wrapped_headings(t)),
    "raw_pdftotext_glued_footnotes": lambda t: r.raw_pdftotext(r.glued_footnotes(t)),
    "raw_pdftotext_columns_page_breaks": lambda t: r.raw_pdftotext_columns(r.page_breaks(t)),
    "raw_pdftotext_columns_glued_footnotes": lambda t: r.raw_pdftotext_columns(
        r.glued_footnotes(t)
    ),
}


def _adds_up(found: list[tuple[Any, ...]]) -> None:
    """The report's own arithmetic: each cumulative table's top-level rows sum to its total."""
    for table in ("caller_type", "how_caller_found_hotline", "primary_reason", "venue_industry"):
        own = [row for row in found if row[0] == table]
        if not own:
            continue
        total = [row[2] for row in own if row[6]]
        assert len(total) == 1, table
        assert sum(row[2] or 0 for row in own if not row[6] and row[5] is None) == total[0]


@pytest.mark.parametrize("form", FORMS, ids=str)
def test_form_gives_exactly_the_rows_of_the_plain_text(form: str, report: tuple[str, str]) -> None:
    which, text = report
    printed = FORMS[form](text)
    assert printed != text  # the form changed the report
    expected = rows(text)
    assert len(expected) == _ROWS[which]
    found = rows(printed)
    assert found == expected
    _adds_up(found)
    # No table is read under an unknown heading (which warns).
    assert parse_document(printed, "").warnings == parse_document(text, "").warnings


@pytest.mark.parametrize("form", FORMS, ids=str)
def test_row_lines_hold_their_numbers(form: str, report: tuple[str, str]) -> None:
    """Each row's line (1-based, in the document as given) holds its count's digits."""
    text = FORMS[form](report[1])
    lines = text.split("\n")
    for cell in parse_document(text, "").cells:
        if cell.count is not None:
            assert str(cell.count) in lines[cell.line - 1].replace(",", ""), cell


# -- the forms one line at a time ----------------------------------------------------------


def test_colon_rows() -> None:
    assert colon_row("Community Member: 29 (14.6%)") == "Community Member  29  14.6%"
    assert colon_row("Minors: Fewer than Three (N/A)") == "Minors  Fewer than Three  N/A"
    assert colon_row("Minors: <3 (N/A)") == "Minors  <3  N/A"
    assert colon_row("Foreign Nationals⁸: Fewer than Three⁷ (N/A)") == (
        "Foreign Nationals⁸  Fewer than Three⁷  N/A"
    )
    assert colon_row("TOTAL # OF CASES: 54 100.0%") == "TOTAL # OF CASES  54  100.0%"
    # A sentence with a colon and a number is no row.
    assert colon_row("Number of Substantive Calls Received from Connecticut: 199") is None
    assert colon_row("Connecticut State Report: 1/1/2016 – 12/31/2016") is None


def _read(text: str | None) -> tuple[str, str | None, bool, str] | None:
    found = match_row(text) if text is not None else None
    return None if found is None else tuple(found)  # type: ignore[return-value]


def test_dot_leaders() -> None:
    row = _read("Victim of Trafficking  49  24.6%")
    assert row == ("Victim of Trafficking", "49", False, "24.6%")
    assert _read(without_leaders("Victim of Trafficking ........ 49   24.6%")) == row
    assert _read(without_leaders("Victim of Trafficking........49 24.6%")) == row
    assert _read(without_leaders("Victim of Trafficking . . . . 49 . . . 24.6%")) == row
    assert _read(without_leaders("U.S. Citizens ..... 4 7.4%")) == (
        "U.S. Citizens",
        "4",
        False,
        "7.4%",
    )
    assert without_leaders("Victim of Trafficking  49  24.6%") is None  # no leaders
    assert without_leaders("To be continued...") is None  # no row


def test_percent_first_heading_and_rows() -> None:
    heading = count_first_heading("CALLER TYPE        % OF CALLS     # OF CALLS")
    assert heading == "CALLER TYPE  # OF CALLS  % OF CALLS"
    assert count_first_heading("CALLER TYPE  # OF CALLS  % OF CALLS") is None
    assert count_first_row("Adults  14.8%  8") == "Adults  8  14.8%"
    assert count_first_row("Minors  N/A  Fewer than Three⁷") == "Minors  Fewer than Three⁷  N/A"
    assert count_first_row("Adults  8  14.8%") is None


def test_percent_first_rows_are_read_only_under_a_percent_first_heading() -> None:
    texts = ["CALLER TYPE  # OF CALLS  % OF CALLS", "Adults  14.8%  8"]
    assert plain_forms(texts).texts is texts
    swapped = ["CALLER TYPE  % OF CALLS  # OF CALLS", "Adults  14.8%  8", "Minors  9.3%  5"]
    assert plain_forms(swapped).texts == [
        "CALLER TYPE  # OF CALLS  % OF CALLS", "Adults  8  14.8%", "Minors  5  9.3%",
    ]  # fmt: skip


def test_rows_printed_percent_first_under_a_count_first_heading_are_not_read(
    ct_text: str,
) -> None:
    """The heading says the count comes first: `Adults  14.8%  8` is then no row of it."""
    swapped = r.percent_first(ct_text)
    heading = "CALLER TYPE" + " " * 47 + "% OF CALLS" + " " * 12 + "# OF CALLS"
    assert heading in swapped
    printed = swapped.replace(heading, "CALLER TYPE  # OF CALLS  % OF CALLS")
    found = rows(printed)
    assert [row for row in found if row[0] == "caller_type"] == []
    assert [row for row in found if row[0] != "caller_type"] == [
        row for row in rows(ct_text) if row[0] != "caller_type"
    ]


def test_percent_first_one_cell_a_line() -> None:
    texts = ["CALLER TYPE", "", "% OF CALLS", "", "# OF CALLS", "", "Adults", "", "14.8%", "", "8"]
    out = plain_forms(texts).texts
    assert (out[2], out[4]) == ("# OF CALLS", "% OF CALLS")
    assert out[8] == "" and out[10] == "8  14.8%"


def test_plain_text_passes_through_unchanged(ct_text: str) -> None:
    texts = ct_text.split("\n")
    assert plain_forms(texts) == (texts, [])
    assert plain_forms(texts).texts is texts


# -- column by column: read only when labels, counts and percents are equally many ----------

_COLUMNS = """NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT
Ohio State Report: 1/1/2016 – 12/31/2016

PRIMARY REASON FOR CONTACTING THE NATIONAL HOTLINE

# OF CASES

% OF CASES

{labels}

27

17

10

54

50.0%

31.5%

18.5%

100.0%
"""
_LABELS = ["Report a Trafficking Tip", "Access Service Referrals", "Request Crisis Assistance",
           "TOTAL # OF CASES"]  # fmt: skip


def test_columns_give_one_row_each_on_its_counts_line() -> None:
    text = _COLUMNS.format(labels="\n\n".join(_LABELS))
    found = parse_document(text, "").cells
    assert [(c.category, c.count, c.pct, c.is_total) for c in found] == [
        ("Report a Trafficking Tip", 27, 50.0, False),
        ("Access Service Referrals", 17, 31.5, False),
        ("Request Crisis Assistance", 10, 18.5, False),
        ("Total", 54, 100.0, True),
    ]
    lines = text.split("\n")
    assert [lines[c.line - 1] for c in found] == ["27", "17", "10", "54"]
    assert sum(c.count or 0 for c in found[:-1]) == found[-1].count


def test_columns_with_a_wrapped_label_are_not_read() -> None:
    """Five label lines for four counts: which label is whose is unknown, nothing is read
    (the lead's unread_numbers check then fails the document loudly)."""
    labels = ["Report a Trafficking Tip", "Access Service", "Referrals", *_LABELS[2:]]
    text = _COLUMNS.format(labels="\n\n".join(labels))
    report = parse_document(text, "")
    assert [c for c in report.cells if c.table == "primary_reason"] == []
    # The parser says so, naming the line of the first count.
    line = text.split("\n").index("27") + 1
    assert (
        f"line {line}: a table printed column by column was not read: 5 label lines for 4 "
        "counts and 4 percents"
    ) in report.warnings


def test_columns_under_a_title_ending_below_its_column_headings_are_not_read(
    report: tuple[str, str],
) -> None:
    """`HOW CALLER FOUND THE` / `# OF CALLS` / `% OF CALLS` / `NATIONAL HOTLINE`, then the
    columns: the title's end is one more line above the labels than there are counts, so the
    table is not read; every other table is read exactly."""
    text = report[1]
    expected = rows(text)
    found = rows(r.raw_pdftotext_columns(r.wrapped_headings(text)))
    unread = {"how_caller_found_hotline", "primary_reason"}
    assert [row for row in expected if row[0] not in unread] == found
    assert {row[0] for row in expected} & unread == {row[0] for row in expected if row not in found}


def test_columns_with_marks_alone_are_read_or_not_at_all(report: tuple[str, str]) -> None:
    """Footnote marks alone on a line among the labels are passed over; beside a count
    ("Foreign Nationals" / "8" / "33" ...), or in the count column, a mark cannot be told from a
    count: that table is not read. No row is read that the plain text does not have."""
    text = report[1]
    expected = rows(text)
    found = rows(r.marks_alone(r.raw_pdftotext_columns(text)))
    assert [row for row in expected if row in found] == found
    tables = {row[0] for row in found}
    assert [row for row in expected if row[0] in tables] == found
    assert {"venue_industry"} <= tables


def test_columns_with_a_label_ending_open_are_not_read() -> None:
    """`Request Crisis` / `Assistance of` ...: a label ending in "of" wrapped, even when the
    lines happen to be as many as the counts."""
    labels = [*_LABELS[:2], "Request Crisis Assistance of", _LABELS[3]]
    report = parse_document(_COLUMNS.format(labels="\n\n".join(labels)), "")
    assert [c for c in report.cells if c.table == "primary_reason"] == []


def test_columns_with_a_missing_percent_are_not_read() -> None:
    text = _COLUMNS.format(labels="\n\n".join(_LABELS)).replace("\n18.5%\n", "\n")
    report = parse_document(text, "")
    assert [c for c in report.cells if c.table == "primary_reason"] == []


# -- a footnote mark alone between a wrapped label and its numbers -------------------------


def test_a_mark_alone_between_a_wrapped_label_and_its_numbers(ct_text: str) -> None:
    printed = ct_text.replace(
        "Trafficking Type Not Specified⁵                                    3        5.6%",
        "Trafficking Type Not\nSpecified\n5\n3 5.6%",
    )
    assert printed != ct_text
    venue = [row for row in rows(printed) if row[0] == "venue_industry"]
    assert venue[-2:] == [
        ("venue_industry", "Trafficking Type Not Specified", 3, 5.6, False, None, False),
        ("venue_industry", "Total", 54, 100.0, False, None, True),
    ]
    assert venue == [row for row in rows(ct_text) if row[0] == "venue_industry"]
