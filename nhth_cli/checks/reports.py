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
    for (source, quantity), values in frame.quantities.items():
        if len(values) < 2:
            continue  # printed once: nothing to compare
        expected = agreed(values)
        others = ", ".join(f"{t} {v}" for t, v in values)
        for table, value in values:
            g = frame.groups[(source, table)]
            out.append(cross_finding(g, quantity, expected, value, others))
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


def duplicate_report(frame: Frame) -> list[Finding]:
    """The same jurisdiction, year and report kind in two sources: a warning when their rows are
    identical (one report in two forms), a failure when they differ."""
    by_report: dict[tuple[str, int, str], list[Source]] = {}
    for s in sorted(frame.sources.values(), key=lambda s: s.source):
        by_report.setdefault((s.jurisdiction, s.year, s.report), []).append(s)
    shared = [s.source for same in by_report.values() if len(same) > 1 for s in same]
    rows = data_rows(frame.table, shared) if shared else {}
    out: list[Finding] = []
    for same in by_report.values():
        first = same[0]
        if len(same) == 1:
            out.append(finding(first, "duplicate_report", "pass", 1, 1, "the only source"))
        for s in same[1:]:
            out.append(duplicate_finding(s, first.source, rows[first.source], rows[s.source]))
    return out


def duplicate_findings(
    sources: Iterable[Source], rows_of: Callable[[str], pa.RecordBatch]
) -> dict[str, Finding]:
    """duplicate_report's finding per source, given every source and a way to fetch one
    source's rows (the first of several sources of one report has none, as in duplicate_report).
    Only sources that share a report are read, two at a time."""
    by_report: dict[tuple[str, int, str], list[Source]] = {}
    for s in sorted(sources, key=lambda s: s.source):
        by_report.setdefault((s.jurisdiction, s.year, s.report), []).append(s)
    out: dict[str, Finding] = {}
    for same in by_report.values():
        first = same[0]
        if len(same) == 1:
            out[first.source] = finding(first, "duplicate_report", "pass", 1, 1, "the only source")
            continue
        reference = _data_batch(rows_of(first.source))
        for s in same[1:]:
            rows = _data_batch(rows_of(s.source))
            if rows.equals(reference):  # the same values, so the same Python rows
                out[s.source] = duplicate_finding(s, first.source, [], [])
            else:
                out[s.source] = duplicate_finding(s, first.source, _dicts(reference), _dicts(rows))
    return out


def _data_batch(rows: pa.RecordBatch) -> pa.RecordBatch:
    """One source's rows in line order (a stable sort), without where they were read."""
    import pyarrow.compute as pc

    rows = rows.take(pc.sort_indices(rows, [("line", "ascending")]))
    return rows.select([c for c in rows.schema.names if c not in WHERE_READ])


def _dicts(rows: pa.RecordBatch) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = rows.to_pylist()
    return out


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
