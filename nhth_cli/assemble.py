"""Given parsed reports, the long table of SPEC.md in its sort order (Arrow, built lazily)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .records import FileResult, ParsedReport
from .schema import COLUMNS

if TYPE_CHECKING:
    import pyarrow as pa


def sort_key(result: FileResult) -> tuple[str, int, str, str]:
    """Rows are sorted by jurisdiction, year, report, source, then printed order."""
    report = result.report
    assert report is not None
    return (report.jurisdiction.name, report.period.year, report.report, result.source)


def ordered(results: Iterable[FileResult]) -> list[FileResult]:
    return sorted((r for r in results if r.report is not None and r.report.cells), key=sort_key)


def report_columns(source: str, report: ParsedReport) -> dict[str, list[Any]]:
    """Given one parsed report, its rows as columns (plain Python lists)."""
    cells = report.cells
    n = len(cells)
    return {
        "jurisdiction": [report.jurisdiction.name] * n,
        "year": [report.period.year] * n,
        "table": [c.table for c in cells],
        "category": [c.category for c in cells],
        "count": [c.count for c in cells],
        "pct": [c.pct for c in cells],
        "suppressed": [c.suppressed for c in cells],
        "jurisdiction_code": [report.jurisdiction.code] * n,
        "report": [report.report] * n,
        "parent": [c.parent for c in cells],
        "is_total": [c.is_total for c in cells],
        "count_min": [c.count_min for c in cells],
        "count_max": [c.count_max for c in cells],
        "period_start": [report.period.start] * n,
        "period_end": [report.period.end] * n,
        "source": [source] * n,
        "line": [c.line for c in cells],
        "page": [c.page for c in cells],
    }


def arrow_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema(
        [
            pa.field(
                c.name,
                getattr(pa, c.arrow_type)(),
                nullable=c.nullable,
                metadata={"description": c.description},
            )
            for c in COLUMNS
        ]
    )


def to_arrow(results: Sequence[FileResult]) -> pa.Table:
    """Given file results in any order, one Arrow table of all their rows, sorted."""
    import pyarrow as pa

    schema = arrow_schema()
    columns: dict[str, list[Any]] = {c.name: [] for c in COLUMNS}
    for result in ordered(results):
        assert result.report is not None
        for name, values in report_columns(result.source, result.report).items():
            columns[name].extend(values)
    arrays = [pa.array(columns[f.name], type=f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)
