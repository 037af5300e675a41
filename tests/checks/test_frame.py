"""The frame every check reads (nhth_cli/checks/frame.py): each table's kind (role) and the
total its rows are shares of (base)."""

from __future__ import annotations

from typing import Any

import pyarrow.compute as pc

from nhth_cli.pipeline import validate
from tests.helpers_checks import failing, row, rows_table, status_of


def test_unknown_table_with_total_is_cumulative() -> None:
    rows = [row("mystery", "A", 2, 50.0), row("mystery", "B", 2, 50.0)]
    assert status_of(
        validate(rows_table([*rows, row("mystery", "Total", 4, 100.0)])), "total_sum", "mystery"
    ) == {"pass"}
    assert status_of(
        validate(rows_table([*rows, row("mystery", "Total", 5, 100.0)])), "total_sum", "mystery"
    ) == {"fail"}
    report = validate(rows_table(rows))
    assert {f.check for f in report.findings if f.table == "mystery"} == {"suppressed_bounds"}


def test_known_table_without_total_warns_and_uses_the_reports_total() -> None:
    table = rows_table(
        [
            row("summary", "Substantive Calls", 4),
            row("caller_type", "A", 1, 25.0),
            row("caller_type", "B", 3, 80.0),
        ]
    )
    report = validate(table)
    assert status_of(report, "total_sum", "caller_type") == {"warn"}
    assert failing(report) == {("pct_matches_count", "caller_type"), ("pct_sum", "caller_type")}


def test_demographics_without_any_case_total_warn() -> None:
    report = validate(rows_table([row("victim_demographics_labor", "Adults", 3, 10.0)]))
    assert status_of(report, "pct_matches_count", "victim_demographics_labor") == {"warn"}
    assert status_of(report, "count_within_total", "victim_demographics_labor") == {"warn"}
    assert failing(report) == set()  # but complete_table: eight of its rows are not there


def _case_tables(summary: int, reasons: int, venues: int, adults: int, pct: float) -> Any:
    return rows_table(
        [
            row("summary", "Cases", summary),
            row("primary_reason", "X", reasons, 100.0),
            row("primary_reason", "Total", reasons, 100.0),
            row("venue_industry", "Sex", venues, 100.0),
            row("venue_industry", "Total", venues, 100.0),
            row("victim_demographics_sex", "Adults", adults, pct),
        ]
    )


def test_demographics_use_the_case_total_most_places_print() -> None:
    report = validate(_case_tables(20, 20, 10, 5, 25.0))  # 5 of 20, not of the venue's 10
    assert status_of(report, "pct_matches_count", "victim_demographics_sex") == {"pass"}
    assert failing(report) == {("cross_table_total", "venue_industry")}


def test_demographics_use_the_venue_total_on_a_tie() -> None:
    table = _case_tables(20, 20, 10, 5, 50.0)
    table = table.filter(pc.not_equal(table["table"], "primary_reason"))
    report = validate(table)  # summary 20, venues 10: the venue table's Total is trusted
    assert status_of(report, "pct_matches_count", "victim_demographics_sex") == {"pass"}
    assert failing(report) == {("cross_table_total", "summary")}
