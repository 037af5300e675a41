"""The checks of SPEC.md (Validation), run over converted rows; findings come back sorted.

Each check is a function of the prepared frame (grouped Arrow computations, see frame.py) that
returns findings: one `pass` per (source, table) it checked, or one `fail` per failing thing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .bounds import suppressed_bounds
from .frame import SOURCE_KEYS, Frame, grouped, prepare
from .report import FileSummary, Finding
from .reports import cross_table_total, duplicate_report
from .shares import count_within_total, pct_matches_count
from .sums import children_sum, pct_sum, total_sum
from .text import unparsed_lines

if TYPE_CHECKING:
    import pyarrow as pa

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


def order_key(frame: Frame) -> Callable[[Finding], tuple[int, str, int, int, int, str]]:
    """Sources in the rows' sort order, tables in printed order, checks in SPEC.md order."""
    ordered = sorted(
        frame.sources.values(), key=lambda s: (s.jurisdiction, s.year, s.report, s.source)
    )
    rank = {s.source: i for i, s in enumerate(ordered)}
    first_line = {key: g.first_line for key, g in frame.groups.items()}
    checks = {name: i for i, name in enumerate(CHECK_NAMES)}

    def key(f: Finding) -> tuple[int, str, int, int, int, str]:
        source = f.source or ""
        table_line = first_line.get((source, f.table or ""), 1 << 30)
        return (
            rank.get(source, len(rank)), source, table_line, checks.get(f.check, len(checks)),
            f.line or 0, f.message,
        )  # fmt: skip

    return key
