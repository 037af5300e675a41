"""Checks across tables and files: totals printed in several places, the same report twice."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .frame import Frame, Group, Source, agreed, finding
from .report import Finding

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


def data_rows(table: pa.Table, sources: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Some sources' rows in printed order, without where they were read (one pass)."""
    import pyarrow.compute as pc

    from ..assemble import _strings

    rows = table.filter(pc.is_in(table["source"], value_set=_strings(list(sources))))
    rows = rows.sort_by([("source", "ascending"), ("line", "ascending")])  # a stable sort
    out: dict[str, list[dict[str, Any]]] = {s: [] for s in sources}
    kept = [c for c in rows.column_names if c not in WHERE_READ]
    for source, data in zip(rows["source"].to_pylist(), rows.select(kept).to_pylist(), strict=True):
        out[source].append(data)
    return out


def first_difference(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> str:
    """Where two sources' rows first differ, in words."""
    for x, y in zip(a, b, strict=False):
        if x != y:
            field = next(k for k in x if x[k] != y.get(k))
            return f"{x['table']} {x['category']!r}: {field} {x[field]} vs {y[field]}"
    return f"{len(a)} rows vs {len(b)} rows"


def duplicate_findings(
    sources: Iterable[Source], rows_of: Callable[[str], list[dict[str, Any]]]
) -> dict[str, Finding]:
    """duplicate_report's finding per source, given every source and a way to fetch one
    source's data rows (`data_rows`, `batch_rows`): a warning when two sources of one report
    hold identical rows (one report in two forms), a failure when they differ. The first
    source of a report has no finding when others share it. Only sources that share a report
    are read."""
    by_report: dict[tuple[str, int, str], list[Source]] = {}
    for s in sorted(sources, key=lambda s: s.source):
        by_report.setdefault((s.jurisdiction, s.year, s.report), []).append(s)
    out: dict[str, Finding] = {}
    for same in by_report.values():
        first = same[0]
        if len(same) == 1:
            out[first.source] = finding(first, "duplicate_report", "pass", 1, 1, "the only source")
            continue
        reference = rows_of(first.source)
        for s in same[1:]:
            out[s.source] = duplicate_finding(s, first.source, reference, rows_of(s.source))
    return out


def batch_rows(rows: pa.RecordBatch) -> list[dict[str, Any]]:
    """One source's rows in line order (a stable sort), without where they were read."""
    import pyarrow.compute as pc

    rows = rows.take(pc.sort_indices(rows, [("line", "ascending")]))
    data: list[dict[str, Any]] = rows.select(
        [c for c in rows.schema.names if c not in WHERE_READ]
    ).to_pylist()
    return data


def duplicate_finding(
    s: Source, first: str, reference: list[dict[str, Any]], rows: list[dict[str, Any]]
) -> Finding:
    what = f"{s.jurisdiction} {s.year} {s.report} is also in {first}"
    if rows == reference:
        return finding(s, "duplicate_report", "warn", first, s.source, f"{what}: identical rows")
    return finding(
        s, "duplicate_report", "fail", first, s.source,
        f"{what}, with different rows: {first_difference(reference, rows)}",
    )  # fmt: skip
