"""The checks of SPEC.md (Validation), run over converted rows; findings come back sorted.

Each check is a function of the prepared frame (grouped Arrow computations, see frame.py) that
returns findings: one `pass` per (source, table) it checked, or one `fail` per failing thing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .bounds import suppressed_bounds
from .frame import SOURCE_KEYS, Frame, Source, prepare
from .groups import grouped
from .report import FileSummary, Finding
from .reports import cross_table_total, duplicate_findings, duplicate_report
from .shares import count_within_total, pct_matches_count
from .sums import children_sum, pct_sum, total_sum
from .text import unparsed_lines

if TYPE_CHECKING:
    import pyarrow as pa

    from ..stream import RowSink

ROW_CHECKS: tuple[Callable[[Frame], list[Finding]], ...] = (
    total_sum,
    pct_sum,
    pct_matches_count,
    count_within_total,
    children_sum,
    cross_table_total,
    suppressed_bounds,
    duplicate_report,
)
CHECK_NAMES = (*(c.__name__ for c in ROW_CHECKS), "unparsed_lines")
# The checks that read one source at a time (all but duplicate_report).
SLICE_CHECKS = tuple(c for c in ROW_CHECKS if c is not duplicate_report)
SLICE_ROWS = 16 * 1024  # rows per slice of run_checks_sliced (whole sources)


def files_from_table(table: pa.Table) -> tuple[FileSummary, ...]:
    """File entries rebuilt from converted rows: every source parsed, its text not at hand."""
    stats = grouped(table, SOURCE_KEYS, [("line", "count")])
    entries = [file_entry(key, row["line_count"]) for key, row in stats.items()]
    return tuple(sorted(entries, key=lambda f: (f.jurisdiction, f.year, f.report, f.source)))


def file_entry(key: tuple[str, str, int, str], rows: int) -> FileSummary:
    source, jurisdiction, year, report = key
    return FileSummary(source, None, "parsed", report, jurisdiction, year, rows, text_read=False)


def run_checks(table: pa.Table, files: Sequence[FileSummary]) -> list[Finding]:
    """Every check's findings, by source (in output order), table (printed order), check."""
    frame = prepare(table)
    findings = [f for check in ROW_CHECKS for f in check(frame)]
    findings += unparsed_lines(files)
    return sorted(findings, key=order_key(frame))


def run_checks_sliced(sink: RowSink, files: Sequence[FileSummary]) -> list[Finding]:
    """The findings of `run_checks(sink.table(), files)`, in the same order, without the table:
    every check but duplicate_report reads one source at a time, so they run over the sorted
    rows a slice of whole sources at a time (memory: one slice), and duplicate_report runs once
    over every source, comparing the rows of the sources that share a report only."""
    import pyarrow as pa

    sources = [Source(source, j, year, kind) for j, year, kind, source in sink.report_keys()]
    duplicates = duplicate_findings(sources, sink.rows_of)
    loose: dict[str, list[Finding]] = {}
    for f in unparsed_lines(files):
        loose.setdefault(f.source or "", []).append(f)
    out: list[Finding] = []
    for batch in sink.batches(max_rows=SLICE_ROWS):
        if not batch.num_rows:
            continue
        frame = prepare(pa.Table.from_batches([batch]))
        findings = [f for check in SLICE_CHECKS for f in check(frame)]
        findings += [duplicates[s] for s in frame.sources if s in duplicates]
        findings += [f for s in frame.sources for f in loose.pop(s, [])]
        out += sorted(findings, key=order_key(frame))
    # Findings about files without rows come last, as in run_checks (no rank of their own).
    rest = [f for found in loose.values() for f in found]
    return out + sorted(rest, key=_order_key({}, {}))


def order_key(frame: Frame) -> Callable[[Finding], tuple[int, str, int, int, int, str]]:
    """Sources in the rows' sort order, tables in printed order, checks in SPEC.md order."""
    ordered = sorted(
        frame.sources.values(), key=lambda s: (s.jurisdiction, s.year, s.report, s.source)
    )
    rank = {s.source: i for i, s in enumerate(ordered)}
    first_line = {key: g.first_line for key, g in frame.groups.items()}
    return _order_key(rank, first_line)


def _order_key(
    rank: dict[str, int], first_line: dict[tuple[str, str], int]
) -> Callable[[Finding], tuple[int, str, int, int, int, str]]:
    checks = {name: i for i, name in enumerate(CHECK_NAMES)}

    def key(f: Finding) -> tuple[int, str, int, int, int, str]:
        source = f.source or ""
        table_line = first_line.get((source, f.table or ""), 1 << 30)
        return (
            rank.get(source, len(rank)), source, table_line, checks.get(f.check, len(checks)),
            f.line or 0, f.message,
        )  # fmt: skip

    return key
