"""total_sum, pct_sum and children_sum (nhth_cli/checks/sums.py): the failure they report,
printed percents' rounding, and suppressed rows entering the sums with their bounds."""

from __future__ import annotations

import pytest

from nhth_cli.pipeline import validate
from tests.helpers_checks import MUTATIONS, convert_texts, failing, row, rows_table, status_of


def test_total_sum_failure_says_expected_and_actual(ct_form: str) -> None:
    mutated = MUTATIONS["total_sum"][0](ct_form)
    report = validate(convert_texts({"ct.txt": mutated}))
    (f,) = [f for f in report.findings if f.status == "fail"]
    assert (f.check, f.table, f.expected, f.actual) == ("total_sum", "caller_type", 199, 200)
    assert "199" in f.message and "200" in f.message


# -- rounding edges -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pcts", "ok"),
    [
        ((49.9, 50.0), True),  # |99.9 - 100| = 0.1 = 0.05 × 2
        ((50.0, 50.1), True),
        ((49.8, 50.0), False),
        ((33.3, 33.3, 33.3), True),  # 99.9
        ((33.4, 33.4, 33.35), False),  # two decimals printed: the tolerance is 0.005 a row
        ((33.3, 33.3, 33.4), True),
        ((33.2, 33.3, 33.3), False),  # 99.8: 0.2 from 100, more than 0.15
    ],
)
def test_pct_sum_tolerance_is_half_a_decimal_per_row(pcts: tuple[float, ...], ok: bool) -> None:
    rows = [row("primary_reason", f"R{i}", 1, p) for i, p in enumerate(pcts)]
    report = validate(rows_table([*rows, row("primary_reason", "Total", len(pcts), 100.0)]))
    assert status_of(report, "pct_sum", "primary_reason") == {"pass" if ok else "fail"}


# -- suppressed rows inside sums ------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "ok"), [(10, True), (11, True), (12, True), (9, False), (13, False)]
)
def test_suppressed_row_enters_total_sum_with_bounds(total: int, ok: bool) -> None:
    table = rows_table(
        [
            row("caller_type", "A", 10),
            row("caller_type", "B", None),
            row("caller_type", "Total", total),
        ]
    )
    report = validate(table)
    assert status_of(report, "total_sum", "caller_type") == {"pass" if ok else "fail"}
    (f,) = [f for f in report.findings if f.check == "total_sum"]
    assert f.actual == "10..12" and f.expected == total


@pytest.mark.parametrize(("parent", "ok"), [(12, True), (10, True), (13, False), (9, False)])
def test_suppressed_child_enters_children_sum_with_bounds(parent: int, ok: bool) -> None:
    table = rows_table(
        [
            row("venue_industry", "Sex", parent),
            row("venue_industry", "Hotel", 10, parent="Sex"),
            row("venue_industry", "Street", None, parent="Sex"),
            row("venue_industry", "Labor", 3),
            row("venue_industry", "Total", parent + 3),
        ]
    )
    report = validate(table)
    assert status_of(report, "children_sum", "venue_industry") == {"pass" if ok else "fail"}
    assert status_of(report, "total_sum", "venue_industry") == {"pass"}


def test_children_without_their_parent_row_fail() -> None:
    table = rows_table(
        [
            row("venue_industry", "Labor", 3),
            row("venue_industry", "Hotel", 3, parent="Sex"),
            row("venue_industry", "Total", 3),
        ]
    )
    report = validate(table)
    assert failing(report) == {("children_sum", "venue_industry")}


@pytest.mark.parametrize(("printed", "ok"), [(83.3, True), (70.0, False)])
def test_suppressed_row_without_pct_enters_pct_sum_with_bounds(printed: float, ok: bool) -> None:
    # 10 of 12 is 83.3%; the withheld row is 0..16.7% of 12, so the sum can reach 100.
    table = rows_table(
        [
            row("caller_type", "A", 10, printed),
            row("caller_type", "B", None),
            row("caller_type", "Total", 12, 100.0),
        ]
    )
    report = validate(table)
    assert status_of(report, "pct_sum", "caller_type") == {"pass" if ok else "fail"}
