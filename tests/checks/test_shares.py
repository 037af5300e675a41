"""pct_matches_count and count_within_total (nhth_cli/checks/shares.py): the failure they
report, printed percents' rounding, a suppressed row within its total."""

from __future__ import annotations

from typing import Any

import pytest

from nhth_cli.pipeline import validate
from tests.helpers_checks import (
    MUTATIONS,
    convert_texts,
    failing,
    row,
    rows_table,
    status_of,
    with_value,
)


def test_pct_failure_names_the_category_and_line(ct_form: str) -> None:
    mutated = MUTATIONS["pct_matches_count"][0](ct_form)
    report = validate(convert_texts({"ct.txt": mutated}))
    (f,) = [f for f in report.findings if f.status == "fail"]
    assert "'Student'" in f.message
    assert f.actual == 4.1 and f.expected == round(800 / 199, 2)
    assert f.line is not None and "Student" in mutated.split("\n")[f.line - 1]


# -- rounding edges -------------------------------------------------------------------------


def _two_rows(count: int, base: int, pct: float) -> Any:
    """A cumulative table: `count` printed as `pct`, the rest exactly, and the Total."""
    rest = base - count
    return rows_table(
        [
            row("caller_type", "A", count, pct),
            row("caller_type", "B", rest, round(100 * rest / base, 1)),
            row("caller_type", "Total", base, 100.0),
        ]
    )


@pytest.mark.parametrize(
    ("count", "base", "pct", "ok"),
    [
        (1, 400, 0.2, True),  # 0.25 printed 0.2: off by exactly 0.05
        (1, 400, 0.3, True),
        (1, 400, 0.1, False),
        (3, 16, 18.7, True),  # 18.75
        (3, 16, 18.8, True),
        (3, 16, 18.6, False),
        (3, 16, 18.9, False),
        (3, 17, 17.6, True),  # 17.647
        (3, 17, 17.7, False),  # off by 0.053
        (1, 399, 0.3, True),  # 0.2506
        (1, 399, 0.2, False),  # off by 0.0506
        (7, 2000, 0.4, True),  # 0.35: in floats 0.4 is more than 0.35 + 0.05 (the slack)
        (41, 2000, 2.1, True),  # 2.05, the same
        (49, 2000, 2.4, True),  # 2.45: 2.4 is less than 2.45 - 0.05 in floats
    ],
)
def test_pct_matches_count_rounding_edge(count: int, base: int, pct: float, ok: bool) -> None:
    report = validate(_two_rows(count, base, pct))
    assert status_of(report, "pct_matches_count", "caller_type") == {"pass" if ok else "fail"}
    failed = [f for f in report.findings if f.status == "fail" and f.check == "pct_matches_count"]
    assert [f.message.split(":")[0] for f in failed] == ([] if ok else ["'A'"])  # not row B


def test_whole_percents_get_a_half_point_tolerance() -> None:
    # A report printing "33%" and "67%": 33.33 and 66.67 are within 0.5 of them.
    table = rows_table(
        [
            row("caller_type", "A", 1, 33.0),
            row("caller_type", "B", 2, 67.0),
            row("caller_type", "Total", 3, 100.0),
        ]
    )
    report = validate(table)
    assert status_of(report, "pct_matches_count", "caller_type") == {"pass"}
    assert status_of(report, "pct_sum", "caller_type") == {"pass"}
    wrong = validate(with_value(table, "caller_type", "A", "pct", 34.0))
    assert status_of(wrong, "pct_matches_count", "caller_type") == {"fail"}


def test_precision_is_the_reports_not_the_tables() -> None:
    # 33.0 in a report printing one decimal elsewhere is 33.0 to one decimal: off by 0.33.
    table = rows_table(
        [
            row("caller_type", "A", 1, 33.0),
            row("caller_type", "B", 2, 67.0),
            row("caller_type", "Total", 3, 100.0),
            row("primary_reason", "C", 1, 12.5),
            row("primary_reason", "D", 7, 87.5),
            row("primary_reason", "Total", 8, 100.0),
        ]
    )
    report = validate(table)
    assert status_of(report, "pct_matches_count", "caller_type") == {"fail"}
    assert status_of(report, "pct_matches_count", "primary_reason") == {"pass"}


# -- suppressed rows inside totals ----------------------------------------------------------


def test_count_within_total_fails_only_when_the_lower_bound_exceeds() -> None:
    # One case: "Fewer than Three" (0..2) can still be at most 1.
    table = rows_table(
        [
            row("summary", "Cases", 1),
            row("victim_demographics_sex", "Adults", 1, 100.0),
            row("victim_demographics_sex", "Minors", None),
            row("victim_demographics_sex", "Females", 2, 200.0),
        ]
    )
    report = validate(table)
    assert failing(report) == {("count_within_total", "victim_demographics_sex")}
    (f,) = [f for f in report.findings if f.status == "fail" and f.check == "count_within_total"]
    assert "'Females'" in f.message and (f.expected, f.actual) == (1, 2)


def test_a_count_printed_without_its_percent_fails() -> None:
    """Bug (found 2026-12-05): a raw pdftotext copy that lost a demographic's "Fewer than Three"
    line read the footnote mark below it (10) as the row's count, printed with "N/A" for its
    percent, and validated: in a table of percents only a withheld count goes without one."""
    from tests.conftest import FIXTURES

    text = (FIXTURES / "pdftotext-raw" / "plain_marks_after_a_space.txt").read_text("utf-8")
    lines = text.split("\n")
    i = lines.index("Males", 400)
    assert lines[i + 2] == "Fewer than Three"
    damaged = "\n".join(lines[: i + 2] + lines[i + 3 :])
    report = validate(convert_texts({"ct.txt": damaged}))
    assert [f.message for f in report.findings if f.check == "pct_matches_count"
            and f.status == "fail"] == [
        "'Males': a count, 10, printed without its percent (only a withheld count goes without "
        "one)"
    ]  # fmt: skip
