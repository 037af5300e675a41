"""Stage 3 of the hotline report parser: given a line, the table whose heading it is."""

from __future__ import annotations

import pytest

from nhth_cli.parse.hotline_report import Furniture, Heading, table_heading

_NONE = Furniture(frozenset(), frozenset())


def test_a_heading_names_its_table() -> None:
    texts = ["CALLER TYPE²   # OF CALLS   % OF CALLS"]
    assert table_heading(texts, 0, _NONE) == Heading("caller_type", 0, False, None)


def test_a_title_wrapped_above_its_columns_is_joined() -> None:
    texts = [
        "Body text.",
        "VICTIM DEMOGRAPHICS",
        "(LABOR TRAFFICKING CASES)   # OF CASES   % OF CASES",
    ]
    heading = table_heading(texts, 2, _NONE)
    assert heading is not None and heading.table == "victim_demographics_labor"
    # Page furniture between the title's parts is passed over.
    furniture = Furniture(frozenset({"PAGE HEADER"}), frozenset())
    texts = [
        "VICTIM DEMOGRAPHICS",
        "PAGE HEADER",
        "(SEX TRAFFICKING CASES)  # OF CASES  % OF CASES",
    ]
    heading = table_heading(texts, 2, furniture)
    assert heading is not None and heading.table == "victim_demographics_sex"


def test_a_title_wrapped_below_its_columns_takes_those_lines() -> None:
    texts = ["PRIMARY REASON FOR CONTACTING   # OF CASES   % OF CASES", "THE NATIONAL HOTLINE", "x"]
    assert table_heading(texts, 0, _NONE) == Heading("primary_reason", 1, False, None)


def test_an_unknown_heading_is_named_after_its_title_with_a_warning() -> None:
    heading = table_heading(["LANGUAGE OF CALLER³   # OF CALLS   % OF CALLS"], 0, _NONE)
    assert heading is not None and heading.table == "language_of_caller"
    assert heading.warning is not None and "language_of_caller" in heading.warning


def test_a_heading_without_a_percent_column_is_counts_only() -> None:
    heading = table_heading(["TOP LABOR INDUSTRIES   # OF CASES", "Agriculture  4"], 0, _NONE)
    assert heading is not None and heading.counts_only
    pct_below = ["TOP LABOR INDUSTRIES   # OF CASES", "% OF CASES"]
    heading = table_heading(pct_below, 0, _NONE)
    assert heading is not None and not heading.counts_only


@pytest.mark.parametrize(
    "text",
    [
        "TOTAL # OF CASES   40   100.0%",
        "Sex  12  5.0%",
        "CALLER TYPE",
        "Call # 5 of 12 was dropped.",
    ],
)
def test_other_lines_are_no_headings(text: str) -> None:
    assert table_heading([text], 0, _NONE) is None
