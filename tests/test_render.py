"""render: what a person reads on the terminal (the summary, the vocabulary), and findings grouped
so that sixty of one kind read as one line."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console

from nhth_cli.checks import Finding, ValidationReport, check_rows
from nhth_cli.render import MAX_SHOWN, grouped, render_summary, render_tables
from nhth_cli.tables import TABLES
from tests.helpers_checks import row, rows_table


def finding(table: str | None, line: int | None, status: str = "fail", **kw: Any) -> Finding:
    fields: dict[str, Any] = {
        "check": "unread_numbers", "status": status, "source": "ct.txt",
        "jurisdiction": "Connecticut", "year": 2016, "table": table, "expected": None,
        "actual": f"{line}", "message": f"line {line}: a number no row holds",
    }  # fmt: skip
    return Finding(**{**fields, **kw}, line=line)


def shown(draw: Any, *args: Any, **kwargs: Any) -> str:
    """What `draw(console, ...)` prints, as plain text on a wide console."""
    buffer = io.StringIO()
    draw(Console(file=buffer, width=400, color_system=None), *args, **kwargs)
    return buffer.getvalue()


def test_a_run_of_one_kind_reads_as_one_finding_with_its_count_and_lines() -> None:
    run = [finding(None, line) for line in (40, 12, 31)]
    [one] = grouped(run)
    assert one.message == "3 findings on lines 12-40; first: line 40: a number no row holds"
    assert one.actual == 3 and one.expected is None
    assert (one.check, one.status, one.source, one.table) == (
        "unread_numbers",
        "fail",
        "ct.txt",
        None,
    )


def test_a_single_finding_is_kept_as_it_is() -> None:
    alone = finding("caller_type", 7)
    assert grouped([alone]) == [alone]
    assert grouped([]) == []


def test_runs_break_where_file_check_status_or_table_change_and_keep_their_order() -> None:
    findings = [
        finding("a", 1), finding("a", 2),  # a run
        finding("b", 3),  # another table
        finding("b", 4, status="warn"),  # another status
        finding("b", 5, status="warn", source="vi.txt"),  # another file
        finding("b", 6, status="warn", source="vi.txt", check="total_sum"),  # another check
        finding("a", 7), finding("a", 8),  # the first kind again: a run of its own
    ]  # fmt: skip
    out = grouped(findings)
    assert [(f.table, f.status, f.source, f.check, f.actual) for f in out] == [
        ("a", "fail", "ct.txt", "unread_numbers", 2),
        ("b", "fail", "ct.txt", "unread_numbers", "3"),
        ("b", "warn", "ct.txt", "unread_numbers", "4"),
        ("b", "warn", "vi.txt", "unread_numbers", "5"),
        ("b", "warn", "vi.txt", "total_sum", "6"),
        ("a", "fail", "ct.txt", "unread_numbers", 2),
    ]
    assert out[-1].message.startswith("2 findings on lines 7-8; ")


def test_a_run_without_lines_says_how_many() -> None:
    [one] = grouped([finding("a", None), finding("a", None)])
    assert one.message.startswith("2 findings; first: ")


def failing_report(source: str = "ct.txt") -> ValidationReport:
    """Rows whose caller_type total is off by one."""
    return check_rows(
        rows_table(
            [
                row("caller_type", "Victim", 5, 50.0),
                row("caller_type", "Community Member", 5, 50.0),
                row("caller_type", "Total", 11, 100.0),
            ],
            source=source,
        )
    )


def test_the_summary_says_invalid_and_lists_the_failures_only() -> None:
    text = shown(render_summary, failing_report())
    assert text.startswith("INVALID: 1 files: 1 parsed, 0 skipped, 0 errors; 3 rows;")
    assert "total_sum" in text and "pct_matches_count" in text
    assert "pct_sum" not in text  # a pass is listed only with verbose
    assert "pct_sum" in shown(render_summary, failing_report(), verbose=True)


def test_names_are_shown_as_they_are_never_as_markup() -> None:
    text = shown(render_summary, failing_report("[bold]ct[/bold].txt"), verbose=True)
    assert "[bold]ct[/bold].txt" in text


def test_at_most_max_shown_findings_are_listed_without_verbose() -> None:
    rows = []
    for i in range(MAX_SHOWN + 20):  # a table each, each total off: findings of their own
        rows += [row(f"table_{i}", "Victim", 1), row(f"table_{i}", "Total", 2)]
    report = check_rows(rows_table(rows))
    assert len(grouped(report.notable)) == MAX_SHOWN + 20
    text = shown(render_summary, report)
    assert "... and 20 more findings that are no pass" in text
    assert "table_49 " in text and "table_50 " not in text
    assert "more findings" not in shown(render_summary, report, verbose=True)


def test_the_vocabulary_lists_every_table_with_its_kinds() -> None:
    lines = [line.split("│") for line in shown(render_tables, TABLES).splitlines()]
    listed = [tuple(cell.strip() for cell in cells[:4]) for cells in lines if len(cells) >= 4]
    assert listed == [
        (t.id, t.heading, ", ".join(t.reports), "yes" if t.cumulative else "no") for t in TABLES
    ]
