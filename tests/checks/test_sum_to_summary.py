"""sum_to_summary and share_consistent: they pass on the real figures and catch a changed one."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli.checks.checks import check_report
from nhth_cli.checks.frame import Source
from nhth_cli.checks.report import Finding
from nhth_cli.parse import parse_document
from tests.web_forms import NATIONAL, TEXAS

TEXAS_TEXT = TEXAS["text"].read_text(encoding="utf-8")
TABLE_TEXT = NATIONAL["text"].read_text(encoding="utf-8")


def findings(text: str, check: str) -> list[Finding]:
    report = parse_document(text, "page")
    source = Source("page", report.jurisdiction.name, report.period.year, report.report)
    return [f for f in check_report(source, report.cells) if f.check == check]


def statuses(found: list[Finding]) -> dict[str | None, set[str]]:
    out: dict[str | None, set[str]] = {}
    for f in found:
        out.setdefault(f.table, set()).add(f.status)
    return out


def replace_line(text: str, old: str, new: str) -> str:
    """The text with the one line that is `old` replaced by `new`."""
    pattern = rf"(?m)^{re.escape(old)}$"
    assert len(re.findall(pattern, text)) == 1, old
    return re.sub(pattern, new, text)


# -- sum_to_summary ---------------------------------------------------------------------------


def test_sum_to_summary_passes_on_the_real_figures() -> None:
    assert statuses(findings(TEXAS_TEXT, "sum_to_summary")) == {
        "ways_found": {"pass"}, "signal_types": {"pass"}, "all_time_signal_types": {"pass"},
    }  # fmt: skip


@pytest.mark.parametrize(
    ("old", "new", "table"),
    [
        ("2,355", "2,356", "ways_found"),  # Other under Ways the Hotline was Found
        ("535", "553", "signal_types"),  # SMS Report, digits swapped
        ("Web Chat: 351", "Web Chat: 315", "all_time_signal_types"),
    ],
)
def test_sum_to_summary_fails_when_one_part_changes(old: str, new: str, table: str) -> None:
    found = findings(replace_line(TEXAS_TEXT, old, new), "sum_to_summary")
    failed = [f for f in found if f.status == "fail"]
    assert [f.table for f in failed] == [table]
    assert failed[0].expected == (32297 if table.startswith("all_time") else 2373)


def test_sum_to_summary_fails_when_the_summary_changes() -> None:
    found = findings(replace_line(TEXAS_TEXT, "2,373", "2,374"), "sum_to_summary")
    assert statuses(found) == {
        "ways_found": {"fail"}, "signal_types": {"fail"}, "all_time_signal_types": {"pass"},
    }  # fmt: skip


def test_sum_to_summary_warns_without_the_summary_figure() -> None:
    text = replace_line(
        TEXAS_TEXT,
        "The Human Trafficking Hotline has received 32,297 signals since its inception.",
        "The Human Trafficking Hotline has received many signals since its inception.",
    )
    assert statuses(findings(text, "sum_to_summary"))["all_time_signal_types"] == {"warn"}


def test_withheld_parts_enter_with_their_bounds() -> None:
    # Web Chat 110 withheld: the rows add up to 2,263..2,265, not to 2,373.
    text = replace_line(replace_line(TEXAS_TEXT, "110", "Fewer than 3"), "1,417", "1,526")
    assert statuses(findings(text, "sum_to_summary"))["signal_types"] == {"pass"}
    text = replace_line(replace_line(TEXAS_TEXT, "110", "<3"), "1,417", "1,520")
    assert statuses(findings(text, "sum_to_summary"))["signal_types"] == {"fail"}


# -- share_consistent -------------------------------------------------------------------------


def test_share_consistent_passes_on_the_real_table() -> None:
    found = findings(TABLE_TEXT, "share_consistent")
    # The shares SOURCES.md checked: 32,308-32,310 signals and 12,000-12,004 cases nationally.
    assert sorted((f.status, f.expected) for f in found) == [
        ("pass", "12000..12004"), ("pass", "32308..32309"),
    ]  # fmt: skip


def state_line(state: str) -> tuple[int, str]:
    for number, line in enumerate(TABLE_TEXT.splitlines(), 1):
        if line.startswith(state + "\t"):
            return number, line
    raise AssertionError(state)


@pytest.mark.parametrize(
    ("state", "column", "value"),
    [
        ("California", 1, "3,478"),  # signals off by 100
        ("Texas", 3, "1,306"),  # cases: digits swapped
        ("Ohio", 2, "2.80%"),  # a percent mistyped
        ("Vermont", 4, "0.21%"),
        ("Guam", 2, "0.01%"),  # a share without signals
    ],
)
def test_share_consistent_fails_on_the_changed_row(state: str, column: int, value: str) -> None:
    number, line = state_line(state)
    cells = line.split("\t")
    cells[column] = value
    found = findings(TABLE_TEXT.replace(line, "\t".join(cells)), "share_consistent")
    failed = [f for f in found if f.status == "fail"]
    assert [f.line for f in failed] == [number]
    category = "Signals" if column in (1, 2) else "Cases"
    assert failed[0].message.startswith(category)
    assert {f.status for f in found if not f.message.startswith(category)} == {"pass"}


@settings(max_examples=40, deadline=None)
@given(
    row=st.integers(min_value=0, max_value=54),
    factor=st.sampled_from([0.5, 0.8, 1.25, 2.0]),
)
def test_share_consistent_catches_any_count_scaled(row: int, factor: float) -> None:
    lines = TABLE_TEXT.splitlines()
    number = 4 + row  # heading, blank line, header, then the states
    cells = lines[number - 1].split("\t")
    count = int(cells[1].replace(",", ""))
    scaled = round(count * factor)
    if count < 100:  # a small count's percent is too coarse to tell (8 at 0.02%: 24,000-53,333)
        return
    cells[1] = f"{scaled:,}"
    lines[number - 1] = "\t".join(cells)
    failed = [f for f in findings("\n".join(lines), "share_consistent") if f.status == "fail"]
    assert [f.line for f in failed] == [number]
