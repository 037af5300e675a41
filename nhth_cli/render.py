"""What a person reads: the rich summary of a conversion or validation."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from .checks import ValidationReport


def _fmt(value: object) -> str:
    return "-" if value is None else str(value)


def render_summary(console: Console, report: ValidationReport, *, verbose: bool = False) -> None:
    """Counts, then each file not parsed and each failing finding (all findings with verbose)."""
    from rich.table import Table

    s = report.summary()
    status = "[green]valid[/]" if report.valid else "[red]INVALID[/]"
    console.print(
        f"{status}: {s['files']} files: {s['parsed']} parsed, {s['skipped']} skipped, "
        f"{s['errors']} errors; {s['rows']} rows; {s['checks']} checks, {s['failed']} failed, "
        f"{s['warnings']} warnings"
    )
    not_parsed = [f for f in report.files if f.status != "parsed"]
    if not_parsed:
        files = Table(title="Files not parsed", title_justify="left", show_edge=False)
        for col in ("source", "status", "reason"):
            files.add_column(col, overflow="fold")
        for f in not_parsed:
            colour = "red" if f.status == "error" else "yellow"
            files.add_row(f.source, f"[{colour}]{f.status}[/]", _fmt(f.reason))
        console.print(files)
    shown = [f for f in report.findings if verbose or f.status != "pass"]
    if shown:
        findings = Table(title="Findings", title_justify="left", show_edge=False)
        for col in ("source", "table", "check", "status", "expected", "actual", "message"):
            findings.add_column(col, overflow="fold")
        for finding in shown:
            colour = {"fail": "red", "warn": "yellow"}.get(finding.status, "green")
            findings.add_row(
                _fmt(finding.source), _fmt(finding.table), finding.check,
                f"[{colour}]{finding.status}[/]", _fmt(finding.expected), _fmt(finding.actual),
                finding.message,
            )  # fmt: skip
        console.print(findings)
