"""What a person reads: rich summaries of a conversion, an inspection and the vocabulary."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from itertools import groupby
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.table import Table

if TYPE_CHECKING:
    from rich.console import Console

    from .checks import Finding, ValidationReport
    from .inspect import InspectedTable, Inspection
    from .records import FileResult
    from .tables import TableSpec


def _fmt(value: object) -> str:
    """A value as table text: `-` for none, markup characters escaped."""
    return "-" if value is None else escape(str(value))


def _yes(value: bool | None) -> str:
    return "-" if value is None else ("yes" if value else "no")


MAX_SHOWN = 50  # findings listed in the human summary without --verbose


def grouped(findings: Sequence[Finding]) -> list[Finding]:
    """Given findings in order, one finding per run of the same file, check, status and table:
    a run of several says how many, on which lines, and gives the first one's message. Sixty
    unread numbers of one report read as one line, not sixty."""
    out: list[Finding] = []
    for _key, run in groupby(findings, key=lambda f: (f.source, f.check, f.status, f.table)):
        found = list(run)
        if len(found) == 1:
            out.append(found[0])
            continue
        lines = sorted(f.line for f in found if f.line is not None)
        where = f" on lines {lines[0]}-{lines[-1]}" if lines else ""
        first = found[0]
        out.append(
            replace(
                first,
                expected=None,
                actual=len(found),
                message=f"{len(found)} findings{where}; first: {first.message}",
            )
        )
    return out


def render_summary(console: Console, report: ValidationReport, *, verbose: bool = False) -> None:
    """Counts, then each file not parsed and each failing finding (every file and finding with
    verbose)."""
    s = report.summary()
    status = "[green]valid[/]" if report.valid else "[red]INVALID[/]"
    console.print(
        f"{status}: {s['files']} files: {s['parsed']} parsed, {s['skipped']} skipped, "
        f"{s['errors']} errors; {s['rows']} rows; {s['checks']} checks, {s['failed']} failed, "
        f"{s['warnings']} warnings"
    )
    shown_files = [f for f in report.files if verbose or f.status != "parsed"]
    if shown_files:
        files = Table(
            title="Files" if verbose else "Files not parsed", title_justify="left", show_edge=False
        )
        cols: tuple[str, ...] = ("source", "status", "reason")
        if verbose:
            cols = ("source", "status", "report", "jurisdiction", "year", "rows", "reason")
        for col in cols:
            files.add_column(col, overflow="fold")
        for f in shown_files:
            colour = {"error": "red", "skipped": "yellow"}.get(f.status, "green")
            values = {
                "source": _fmt(f.source), "status": f"[{colour}]{f.status}[/]",
                "report": _fmt(f.report), "jurisdiction": _fmt(f.jurisdiction),
                "year": _fmt(f.year), "rows": str(f.rows), "reason": _fmt(f.reason),
            }  # fmt: skip
            files.add_row(*(values[c] for c in cols))
        console.print(files)
    shown = list(report.findings) if verbose else grouped(report.notable)
    hidden = 0
    if len(shown) > MAX_SHOWN and not verbose:  # a table of thousands tells a person nothing more
        shown, hidden = shown[:MAX_SHOWN], len(shown) - MAX_SHOWN
    if shown:
        findings = Table(title="Findings", title_justify="left", show_edge=False)
        for col in ("source", "table", "check", "status", "expected", "actual", "message"):
            findings.add_column(col, overflow="fold")
        for finding in shown:
            colour = {"fail": "red", "warn": "yellow"}.get(finding.status, "green")
            findings.add_row(
                _fmt(finding.source),
                _fmt(finding.table),
                finding.check,
                f"[{colour}]{finding.status}[/]",
                _fmt(finding.expected),
                _fmt(finding.actual),
                _fmt(finding.message),
            )
        console.print(findings)
    if hidden:
        console.print(
            f"... and {hidden} more findings that are no pass: the summary JSON lists them all "
            "(--json, --verbose)"
        )


def _cells_table(table: InspectedTable) -> Table:
    grid = Table(show_edge=False, pad_edge=False)
    for col in ("line", "page", "category", "parent", "count", "pct", "bounds", "flags"):
        numeric = col in ("line", "page", "count", "pct", "bounds")
        grid.add_column(col, justify="right" if numeric else "left", overflow="fold")
    for c in table.cells:
        flags = [f for f, on in (("suppressed", c.suppressed), ("total", c.is_total)) if on]
        grid.add_row(
            str(c.line), _fmt(c.page), _fmt(c.category), _fmt(c.parent), _fmt(c.count), _fmt(c.pct),
            f"{_fmt(c.count_min)}..{_fmt(c.count_max)}", " ".join(flags),
        )  # fmt: skip
    return grid


def render_inspection(console: Console, insp: Inspection) -> None:
    """The document's facts, each table with its rows, the warnings and the loose lines."""

    colour = {"parsed": "green", "skipped": "yellow"}.get(insp.status, "red")
    console.print(f"[bold]{escape(insp.source)}[/]: [{colour}]{insp.status}[/]")
    if insp.reason:
        console.print(f"  reason: {escape(insp.reason)}")
    j = insp.jurisdiction
    period = f"{insp.period.start} to {insp.period.end}" if insp.period else "-"
    for label, value in (
        ("report", _fmt(insp.kind)),
        ("jurisdiction", f"{j.name} ({j.code})" if j else "-"),
        ("year", _fmt(insp.year)),
        ("period", period),
        ("rows", f"{insp.rows} in {len(insp.tables)} tables"),
    ):
        console.print(f"  {label}: {escape(value)}")
    if insp.nationwide_signals is not None:
        console.print(f"  nationwide signals (summary only): {insp.nationwide_signals}")
    if insp.call_volume_rank is not None:
        console.print(f"  call volume rank (summary only): {insp.call_volume_rank}")
    for table in insp.tables:
        about = (
            f"{escape(table.heading or '')}, "
            + ("cumulative" if table.cumulative else "non-cumulative")
            if table.known
            else "[yellow]not in the vocabulary[/]"
        )
        console.print()
        console.print(f"[bold]{table.id}[/]: {len(table.cells)} rows ({about})")
        console.print(_cells_table(table))
    console.print()
    if insp.warnings:
        console.print(f"[yellow]{len(insp.warnings)} warnings[/]")
        for w in insp.warnings:
            console.print(f"  {escape(w)}")
    else:
        console.print("no warnings")
    if insp.loose_lines:
        console.print(
            f"[yellow]{len(insp.loose_lines)} lines look like table rows but were not read[/]"
        )
        for ll in insp.loose_lines:
            where = f"line {ll.line}" + (f", page {ll.page}" if ll.page is not None else "")
            console.print(f"  {where}: {escape(ll.text)}")
    else:
        console.print("no unread row-like lines")
    if insp.unread:
        console.print(f"[red]{len(insp.unread)} numbers printed as data are in no row[/]")
        for n in insp.unread:
            where = f"line {n.line}" + (f", page {n.page}" if n.page is not None else "")
            console.print(f"  {where}: {escape(n.text)} in {escape(n.context)!r}")
    else:
        console.print("every number printed as data is in a row")
    if insp.missing:
        console.print(f"[red]{len(insp.missing)} rows the layout always prints were not read[/]")
        for table_id, what in insp.missing:
            console.print(f"  {escape(table_id)}: {escape(what)}")


def render_tables(console: Console, tables: Sequence[TableSpec]) -> None:
    """The table vocabulary: id, printed heading, report kinds, cumulative or not."""
    grid = Table(show_edge=False)
    grid.add_column("table", no_wrap=True)
    for col in ("printed heading", "reports", "cumulative", "description"):
        grid.add_column(col, overflow="fold")
    for t in tables:
        grid.add_row(
            t.id, _fmt(t.heading), ", ".join(t.reports), _yes(t.cumulative), _fmt(t.description)
        )
    console.print(grid)


@contextlib.contextmanager
def progress_bar(console: Console, total: int) -> Iterator[Callable[[FileResult], None]]:
    """A progress bar over `total` files; yields the callback that advances it by one file."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("converting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[source]}"),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("convert", total=total, source="")

        def advance(result: FileResult) -> None:
            progress.update(task, advance=1, source=escape(result.source))

        yield advance
