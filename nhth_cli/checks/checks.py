"""The checks of SPEC.md (Validation), run one report at a time; findings in output order.

One path for every run, in two steps:

1. `report_findings`: given a report (its identity, its rows in printed order, its file
   entry), its findings but duplicate_report. A conversion calls it per report where the
   report was parsed (a worker process), on its cells; `check_rows` calls it per report of rows
   read back from a file (or built whole).
2. `finish_findings`: once every report is in, duplicate_report compares reports across files,
   and the findings are put in output order.

Findings are ordered by report (in the rows' output order; files without rows after them),
then table (printed order), check (SPEC.md order), line and message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..layouts import is_national
from .bounds import suppressed_bounds
from .complete_table import complete_table, missing_rows
from .frame import NATIONAL, CheckedRow, Frame, Row, Source, prepare
from .log import Findings, FindingSpool, ReportFindings
from .pages import unreadable_pages
from .report import FileSummary, Finding
from .reports import cross_table_total, data_rows, duplicate_findings
from .share_consistent import share_consistent
from .shares import count_within_total, pct_matches_count
from .sum_to_summary import sum_to_summary
from .summary import ValidationReport
from .sums import children_sum, pct_sum, total_sum
from .unread import unread_numbers

if TYPE_CHECKING:
    import pyarrow as pa

REPORT_CHECKS: tuple[Callable[[Frame], list[Finding]], ...] = (
    total_sum,
    pct_sum,
    pct_matches_count,
    count_within_total,
    children_sum,
    cross_table_total,
    suppressed_bounds,
    sum_to_summary,
    share_consistent,
    complete_table,
)
CHECK_NAMES = (*(c.__name__ for c in REPORT_CHECKS), "duplicate_report", "unread_numbers")
_CHECK_RANK = {name: i for i, name in enumerate(CHECK_NAMES)}
SLICE_ROWS = 32 * 1024  # rows read into Python at a time, checking rows read back
SOURCE_KEYS = ("source", "jurisdiction", "year", "report")
ROW_FIELDS = (
    "table", "category", "count", "pct", "suppressed", "parent", "is_total", "count_min",
    "count_max", "line",
)  # fmt: skip


def check_report(source: Source, rows: Sequence[CheckedRow]) -> list[Finding]:
    """Every one-report check of a report's rows (given in printed order), ordered by table
    (first printed first), check, line and message."""
    if not rows:
        return []
    frame = prepare(source, rows)
    findings = [f for check in REPORT_CHECKS for f in check(frame)]
    first = {t: g.first_line for t, g in frame.groups.items()}
    return sorted(
        findings,
        key=lambda f: (first.get(f.table or "", 0), _CHECK_RANK[f.check], f.line or 0, f.message),
    )


def text_findings(summary: FileSummary) -> list[Finding]:
    """unread_numbers of one file, by line and message (after its row checks)."""
    return sorted(unread_numbers([summary]), key=lambda f: (f.line or 0, f.message))


def source_of(summary: FileSummary) -> Source | None:
    """The report a file entry names, or None (a file skipped or not read)."""
    if summary.jurisdiction is None or summary.year is None or summary.report is None:
        return None
    return Source(summary.source, summary.jurisdiction, summary.year, summary.report)


def report_findings(
    source: Source | None, rows: Sequence[CheckedRow], entry: FileSummary
) -> ReportFindings:
    """Given a report (None for a file that holds none), its rows in printed order and its
    file entry, its findings but duplicate_report, encoded for the summary JSON: a PDF's
    unreadable_pages, the checks of its rows, then (after where duplicate_report goes) its
    text's unread_numbers. An entry rebuilt from rows (no text, no pages) gives the row
    checks only."""
    pages = unreadable_pages(entry, entry.empty_pages)
    checked = check_report(source, rows) if source is not None else []
    checked += missing_rows(entry)
    key = source.key if source is not None else entry.key
    return ReportFindings.of(key, [*pages, *checked], text_findings(entry))


def output_order(sources: Iterable[Source]) -> list[Source]:
    return sorted(sources, key=lambda s: (s.jurisdiction, s.year, s.report, s.source))


def finish_findings(
    spool: FindingSpool,
    reports: Iterable[Source],
    rows_of: Callable[[Source], pa.Table | pa.RecordBatch],
) -> Findings:
    """Given every report's findings but duplicate_report (`report_findings`, in any order),
    the reports with rows and a way to fetch one report's rows (in printed order), every
    finding in output order, duplicate_report's included."""
    ordered = output_order(reports)
    duplicates = duplicate_findings(ordered, lambda s: data_rows(rows_of(s)))
    return spool.ordered([s.key for s in ordered], duplicates)


# -- rows read back from a file -------------------------------------------------------------


def file_entry(source: Source, rows: int) -> FileSummary:
    """A file entry rebuilt from converted rows: parsed, its text not at hand."""
    return FileSummary(
        source.source, None, "parsed", source.report, source.jurisdiction, source.year, rows,
        text_read=False,
    )  # fmt: skip


def source_order(table: pa.Table) -> pa.Array:
    """Row indices sorted by source, a source's rows in the table's order (a stable sort)."""
    import pyarrow.compute as pc

    order: pa.Array = pc.sort_indices(table, [("source", "ascending")])
    return order


def report_of(values: Sequence[Any]) -> Source:
    """The report a row read back belongs to, from its SOURCE_KEYS values: a file may hold
    several reports (by jurisdiction, year and kind); a national report's rows name their own
    jurisdictions."""
    source, jurisdiction, year, kind = values
    return Source(source, NATIONAL if is_national(kind) else jurisdiction, year, kind)


def source_rows(table: pa.Table, order: pa.Array) -> Iterator[tuple[Source, list[CheckedRow]]]:
    """Converted rows per report in `order` (source_order: a report's rows are together, as
    the table sorts by jurisdiction, year and report), read into Python a slice at a time:
    memory holds one slice, not the whole table as Python objects."""
    current: Source | None = None
    rows: list[CheckedRow] = []
    for start in range(0, table.num_rows, SLICE_ROWS):
        part = table.take(order.slice(start, SLICE_ROWS))
        columns = [part[c].to_pylist() for c in (*SOURCE_KEYS, *ROW_FIELDS)]
        for values in zip(*columns, strict=True):
            report = report_of(values[:4])
            if report != current:
                if current is not None:
                    yield current, rows
                current, rows = report, []
            rows.append(Row(*values[4:]))
    if current is not None:
        yield current, rows


def check_rows(table: pa.Table, files: Sequence[FileSummary] | None = None) -> ValidationReport:
    """Given converted rows (read back from a file, or built whole) and, when known, the file
    entries, every check's findings; without `files`, one entry per report is rebuilt from its
    rows."""
    given = {f.key: f for f in files or ()}
    spool = FindingSpool()
    rebuilt: list[FileSummary] = []
    # One chunk per column: Arrow's take() on several chunks joins them first, on every call.
    table = table.combine_chunks()
    order = source_order(table)
    spans: dict[Source, tuple[int, int]] = {}  # report -> (start, rows) in `order`
    start = 0
    for source, rows in source_rows(table, order):
        spans[source] = (start, len(rows))
        start += len(rows)
        entry = file_entry(source, len(rows))
        rebuilt.append(entry)
        spool.add(report_findings(source, rows, given.get(source.key, entry)))
    seen = {s.key for s in spans}
    for f in files or ():
        if f.key not in seen:
            spool.add(report_findings(None, (), f))

    def rows_of(source: Source) -> pa.Table:
        start, n = spans[source]
        return table.take(order.slice(start, n))

    findings = finish_findings(spool, spans, rows_of)
    if files is None:
        files = sorted(rebuilt, key=lambda f: (f.jurisdiction, f.year, f.report, f.source))
    return ValidationReport(tuple(files), findings, table.num_rows)


__all__ = [
    "CHECK_NAMES", "check_report", "check_rows", "finish_findings", "report_findings",
]  # fmt: skip
