"""Checks across tables and files: totals printed in several places, the same report twice."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .frame import Frame, Group, Source, agreed, finding
from .report import Finding, ReportKey

if TYPE_CHECKING:
    import pyarrow as pa

# What makes two sources the same report's data: everything but where it was read from.
WHERE_READ = frozenset({"source", "line", "page"})


# -- cross_table_total ----------------------------------------------------------------------


def cross_table_total(frame: Frame) -> list[Finding]:
    """Each place a total is printed (summary, table Totals) against the value most print."""
    out: list[Finding] = []
    for quantity, values in frame.quantities.items():
        if len(values) < 2:
            continue  # printed once: nothing to compare
        expected = agreed(values)
        others = ", ".join(f"{t} {v}" for t, v in values)
        for table, value in values:
            out.append(cross_finding(frame.groups[table], quantity, expected, value, others))
    return out


def cross_finding(g: Group, quantity: str, expected: int, value: int, printed: str) -> Finding:
    if value == expected:
        return finding(
            g, "cross_table_total", "pass", expected, value, f"{quantity} agree: {printed}"
        )
    return finding(
        g, "cross_table_total", "fail", expected, value,
        f"{quantity}: {g.table} prints {value}, the report's other totals say {expected} "
        f"({printed})",
    )  # fmt: skip


# -- duplicate_report -----------------------------------------------------------------------


@dataclass(frozen=True)
class DataRows:
    """One source's rows as plain tuples in line order, without where they were read."""

    names: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def data_rows(table: pa.Table | pa.RecordBatch) -> DataRows:
    """One report's rows in printed order, without where they were read (column by column:
    far cheaper than a dict per row)."""
    names = tuple(c for c in table.schema.names if c not in WHERE_READ)
    columns = [table.column(n).to_pylist() for n in names]
    lines = table.column("line").to_pylist()
    found = sorted(zip(lines, zip(*columns, strict=True), strict=True), key=lambda p: p[0])
    return DataRows(names, [row for _, row in found])


def first_difference(a: DataRows, b: DataRows) -> str:
    """Where two sources' rows first differ, in words."""
    table, category = a.names.index("table"), a.names.index("category")
    for x, y in zip(a.rows, b.rows, strict=False):
        if x != y:
            k = next(k for k in range(len(x)) if x[k] != y[k])
            return f"{x[table]} {x[category]!r}: {a.names[k]} {x[k]} vs {y[k]}"
    return f"{len(a.rows)} rows vs {len(b.rows)} rows"


def duplicate_findings(
    sources: Iterable[Source], rows_of: Callable[[Source], DataRows]
) -> dict[ReportKey, Finding]:
    """duplicate_report's finding per report (by its key), given every report and a way to
    fetch one report's data rows (`data_rows`): a warning when two sources of one report
    hold identical rows (one report in two forms), a failure when they differ. The first
    source of a report has no finding when others share it. Only sources that share a report
    are read. The reports of one file are never compared with each other: they differ in
    jurisdiction, year or kind, else they are one report (one key)."""
    by_report: dict[tuple[str, int, str], list[Source]] = {}
    for s in sorted(set(sources), key=lambda s: s.source):
        by_report.setdefault((s.jurisdiction, s.year, s.report), []).append(s)
    out: dict[ReportKey, Finding] = {}
    for same in by_report.values():
        first = same[0]
        if len(same) == 1:
            out[first.key] = finding(first, "duplicate_report", "pass", 1, 1, "the only source")
            continue
        reference = rows_of(first)
        for s in same[1:]:
            out[s.key] = duplicate_finding(s, first.source, reference, rows_of(s))
    return out


def duplicate_finding(s: Source, first: str, reference: DataRows, rows: DataRows) -> Finding:
    what = f"{s.jurisdiction} {s.year} {s.report} is also in {first}"
    if rows.rows == reference.rows:
        return finding(s, "duplicate_report", "warn", first, s.source, f"{what}: identical rows")
    return finding(
        s, "duplicate_report", "fail", first, s.source,
        f"{what}, with different rows: {first_difference(reference, rows)}",
    )  # fmt: skip
