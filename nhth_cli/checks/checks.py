"""The checks of SPEC.md (Validation), run one report at a time; findings in output order.

All checks but duplicate_report read one report: `check_report` runs them on a report's rows
(parsed cells, where the report was parsed, or rows read back from a file). duplicate_report
compares reports across files, once every file is in. Findings are ordered by source (in the
rows' output order), then table (printed order), check (SPEC.md order), line and message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .bounds import suppressed_bounds
from .frame import CheckedRow, Frame, Row, Source, prepare
from .log import FindingLog, ReportFindings, encode_findings
from .report import FileSummary, Finding
from .reports import DataRows, cross_table_total, data_rows, duplicate_findings, first_difference
from .shares import count_within_total, pct_matches_count
from .sums import children_sum, pct_sum, total_sum
from .text import unparsed_lines

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
)
CHECK_NAMES = (*(c.__name__ for c in REPORT_CHECKS), "duplicate_report", "unparsed_lines")
_CHECK_RANK = {name: i for i, name in enumerate(CHECK_NAMES)}
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
        findings, key=lambda f: (first[f.table or ""], _CHECK_RANK[f.check], f.line or 0, f.message)
    )


def text_findings(summary: FileSummary) -> list[Finding]:
    """unparsed_lines of one file, by line and message (after its row checks)."""
    return sorted(unparsed_lines([summary]), key=lambda f: (f.line or 0, f.message))


def source_of(summary: FileSummary) -> Source | None:
    if summary.jurisdiction is None or summary.year is None or summary.report is None:
        return None
    return Source(summary.source, summary.jurisdiction, summary.year, summary.report)


def report_findings(summary: FileSummary, rows: Sequence[CheckedRow]) -> ReportFindings:
    """One converted file's findings, all but duplicate_report, encoded for the summary JSON."""
    source = source_of(summary)
    checked = check_report(source, rows) if source is not None else []
    return ReportFindings.of(summary.source, checked, text_findings(summary))


def output_order(sources: Iterable[Source]) -> list[Source]:
    return sorted(sources, key=lambda s: (s.jurisdiction, s.year, s.report, s.source))


def finish_log(log: FindingLog, sink: RowSink) -> FindingLog:
    """Given the per-report findings of a conversion and its rows, the log with
    duplicate_report's findings added and every report in output order."""
    sources = [Source(source, j, year, kind) for j, year, kind, source in sink.report_keys()]

    def rows_of(source: str) -> DataRows:
        return data_rows(sink.rows_of(source))[source]

    log.finish([s.source for s in sources], duplicate_findings(sources, rows_of))
    return log


# -- rows read back from a file -------------------------------------------------------------


def files_from_table(table: pa.Table) -> tuple[FileSummary, ...]:
    """File entries rebuilt from converted rows: every source parsed, its text not at hand."""
    rows: dict[tuple[Any, ...], int] = {}
    for key in zip(*(table[c].to_pylist() for c in SOURCE_KEYS), strict=True):
        rows[key] = rows.get(key, 0) + 1
    entries = [file_entry(key, n) for key, n in rows.items()]
    return tuple(sorted(entries, key=lambda f: (f.jurisdiction, f.year, f.report, f.source)))


def file_entry(key: tuple[str, str, int, str], rows: int) -> FileSummary:
    source, jurisdiction, year, report = key
    return FileSummary(source, None, "parsed", report, jurisdiction, year, rows, text_read=False)


def rows_by_source(table: pa.Table) -> dict[Source, list[CheckedRow]]:
    """Converted rows per source (document facts from its first row), in the table's order."""
    columns = [table[c].to_pylist() for c in (*SOURCE_KEYS, *ROW_FIELDS)]
    out: dict[str, tuple[Source, list[CheckedRow]]] = {}
    for values in zip(*columns, strict=True):
        source = values[0]
        found = out.get(source)
        if found is None:
            found = out[source] = (Source(*values[:4]), [])
        found[1].append(Row(*values[4:]))
    return dict(out.values())


def run_checks(table: pa.Table, files: Sequence[FileSummary]) -> FindingLog:
    """Every check's findings over converted rows (read back from a file, or built whole)."""
    grouped = rows_by_source(table)
    log = FindingLog()
    summaries = {f.source: f for f in files}
    for source, rows in grouped.items():
        summary = summaries.get(source.source)
        text = text_findings(summary) if summary is not None else []
        log.add(ReportFindings.of(source.source, check_report(source, rows), text))
    for f in files:
        if f.source not in {s.source for s in grouped}:
            log.add(ReportFindings.of(f.source, [], text_findings(f)))
    ordered = output_order(grouped)
    log.finish([s.source for s in ordered], _table_duplicates(table, ordered))
    return log


def _table_duplicates(table: pa.Table, sources: Sequence[Source]) -> dict[str, Finding]:
    """duplicate_report over rows held whole: the sources that share a report read once."""
    by_report: dict[tuple[str, int, str], list[str]] = {}
    for s in sources:
        by_report.setdefault((s.jurisdiction, s.year, s.report), []).append(s.source)
    shared: list[str | None] = [s for same in by_report.values() if len(same) > 1 for s in same]
    rows: dict[str, DataRows] = {}
    if shared:
        import pyarrow.compute as pc

        from ..assemble import _strings

        rows = data_rows(table.filter(pc.is_in(table["source"], value_set=_strings(shared))))
    return duplicate_findings(sources, lambda s: rows[s])


__all__ = [
    "CHECK_NAMES",
    "check_report",
    "encode_findings",
    "files_from_table",
    "finish_log",
    "first_difference",
    "report_findings",
    "run_checks",
]
