"""The checks of SPEC.md (Validation), run one report at a time; findings in output order.

All checks but duplicate_report read one report: `check_report` runs them on a report's rows
(parsed cells, where the report was parsed, or rows read back from a file). duplicate_report
compares reports across files, once every file is in. Findings are ordered by source (in the
rows' output order), then table (printed order), check (SPEC.md order), line and message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..layouts import is_national
from .bounds import suppressed_bounds
from .complete_table import complete_table
from .frame import NATIONAL, CheckedRow, Frame, Row, Source, prepare
from .log import FindingLog, ReportFindings
from .report import FileSummary, Finding
from .reports import DataRows, cross_table_total, data_rows, duplicate_findings
from .share_consistent import share_consistent
from .shares import count_within_total, pct_matches_count
from .sum_to_summary import sum_to_summary
from .sums import children_sum, pct_sum, total_sum
from .unread import unread_numbers

if TYPE_CHECKING:
    import pyarrow as pa

    from ..stream import RowSink

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
    if summary.jurisdiction is None or summary.year is None or summary.report is None:
        return None
    return Source(summary.source, summary.jurisdiction, summary.year, summary.report)


def report_findings(summary: FileSummary, rows: Sequence[CheckedRow]) -> ReportFindings:
    """One converted report's findings, all but duplicate_report, encoded for the summary
    JSON."""
    source = source_of(summary)
    checked = check_report(source, rows) if source is not None else []
    return ReportFindings.of(summary.key, checked, text_findings(summary))


def output_order(sources: Iterable[Source]) -> list[Source]:
    return sorted(sources, key=lambda s: (s.jurisdiction, s.year, s.report, s.source))


def finish_log(log: FindingLog, sink: RowSink) -> FindingLog:
    """Given the per-report findings of a conversion and its rows, the log with
    duplicate_report's findings added and every report in output order."""
    sources = [Source(source, j, year, kind) for j, year, kind, source in sink.report_keys()]

    def rows_of(s: Source) -> DataRows:
        return data_rows(sink.rows_of((s.jurisdiction, s.year, s.report, s.source)))

    log.finish([s.key for s in sources], duplicate_findings(sources, rows_of))
    return log


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


def run_checks(
    table: pa.Table, files: Sequence[FileSummary] | None = None
) -> tuple[tuple[FileSummary, ...], FindingLog]:
    """Every check's findings over converted rows (read back from a file, or built whole), and
    the file entries: `files` when given, else one per report, rebuilt from its rows."""
    log = FindingLog()
    summaries = {f.key: f for f in files or ()}
    sources: list[Source] = []
    rebuilt: list[FileSummary] = []
    # One chunk per column: Arrow's take() on several chunks joins them first, on every call.
    table = table.combine_chunks()
    order = source_order(table)
    spans: dict[Source, tuple[int, int]] = {}  # report -> (start, rows) in `order`
    start = 0
    for source, rows in source_rows(table, order):
        spans[source] = (start, len(rows))
        start += len(rows)
        sources.append(source)
        rebuilt.append(file_entry(source, len(rows)))
        summary = summaries.get(source.key)
        text = text_findings(summary) if summary is not None else []
        log.add(ReportFindings.of(source.key, check_report(source, rows), text))
    seen = {s.key for s in sources}
    for f in files or ():
        if f.key not in seen:
            log.add(ReportFindings.of(f.key, [], text_findings(f)))

    def rows_of(source: Source) -> DataRows:
        start, n = spans[source]
        return data_rows(table.take(order.slice(start, n)))

    ordered = output_order(sources)
    log.finish([s.key for s in ordered], duplicate_findings(ordered, rows_of))
    if files is None:
        files = sorted(rebuilt, key=lambda f: (f.jurisdiction, f.year, f.report, f.source))
    return tuple(files), log


__all__ = ["CHECK_NAMES", "check_report", "finish_log", "report_findings", "run_checks"]
