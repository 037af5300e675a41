"""sum_to_summary: the parts of a web page's breakdown add up to the figure it breaks down; it
passes on the real figures and catches a changed one."""

from __future__ import annotations

import re

import pytest

from nhth_cli.checks.checks import check_report
from nhth_cli.checks.frame import Source
from nhth_cli.checks.report import Finding
from nhth_cli.parse import parse_document
from tests.web_forms import TEXAS

TEXAS_TEXT = TEXAS["text"].read_text(encoding="utf-8")


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
