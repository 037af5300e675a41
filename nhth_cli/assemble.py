"""The pieces of the long table of SPEC.md: its Arrow schema and sort key, a report's cells as
columns (`CellColumns`: also what a worker process sends back), its document facts (`Facts`),
and the two steps that make a record batch: `cell_batch` (the columns that vary by row) and
`with_facts` (the full rows). `stream.RowSink` is the one path that puts them together: every
table of rows, and every file written, comes from it.

Columns are built with `pa.array()` (which imports pandas when NumPy is importable: the `nhth`
command keeps NumPy out, see cli.main).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from .records import Cell, FileResult, Overrides
from .schema import COLUMNS

if TYPE_CHECKING:
    import pyarrow as pa

BATCH_ROWS = 64 * 1024  # rows per record batch given back (Parquet row groups: write.py)
PENDING_ROWS = 8 * 1024  # rows of parsed reports turned into Arrow at a time (RowSink)

_EPOCH = date(1970, 1, 1).toordinal()


def sort_key(result: FileResult) -> tuple[str, int, str, str]:
    """Rows are sorted by jurisdiction, year, report, source, then printed order."""
    report = result.report
    assert report is not None
    return (report.jurisdiction.name, report.period.year, report.report, result.source)


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


@dataclass(frozen=True, slots=True)
class CellColumns:
    """One report's cells as a list per field: the one columnar form of rows before Arrow.
    `RowSink` turns a report's cells into it as they arrive; a worker process sends it back
    instead of the cells. Lists of plain values pickle far faster than the cells, or than an
    Arrow batch per report: for 1,000 reports (67,830 cells), pickling the cells takes 0.67 s
    and unpickling them, in the main process, 0.73 s; building and pickling these 0.13 s,
    unpickling 0.05 s."""

    table: list[str]
    category: list[str]
    count: list[int | None]
    pct: list[float | None]
    suppressed: list[bool]
    parent: list[str | None]
    is_total: list[bool]
    line: list[int]
    page: list[int | None]
    # Each cell's own (jurisdiction, period) (Cell); None when no cell has any.
    overrides: list[Overrides] | None = None

    @classmethod
    def of(cls, cells: Sequence[Cell]) -> CellColumns:
        # One list comprehension per field: far cheaper than zip(*rows) on slotted records.
        overrides = [(c.jurisdiction, c.period) for c in cells]
        return cls(
            [c.table for c in cells], [c.category for c in cells], [c.count for c in cells],
            [c.pct for c in cells], [c.suppressed for c in cells], [c.parent for c in cells],
            [c.is_total for c in cells], [c.line for c in cells], [c.page for c in cells],
            overrides if any(j or p for j, p in overrides) else None,
        )  # fmt: skip

    def __len__(self) -> int:
        return len(self.table)


# The columns that hold one value per report (its document facts): stored once per report,
# repeated per row only when rows are written.
FACT_COLUMNS = (
    "jurisdiction", "year", "jurisdiction_code", "report", "period_start", "period_end", "source",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Facts:
    """One report's document facts, as its rows carry them (dates as Arrow date32 days)."""

    jurisdiction: str
    year: int
    jurisdiction_code: str
    report: str
    period_start: int
    period_end: int
    source: str

    @classmethod
    def of(cls, result: FileResult) -> Facts:
        report = result.report
        assert report is not None
        start, end = _days((report.period.start, report.period.end))
        return cls(
            report.jurisdiction.name, report.period.year, report.jurisdiction.code,
            report.report, start, end, result.source,
        )  # fmt: skip


def cell_batch(parts: Sequence[CellColumns]) -> pa.RecordBatch:
    """Given reports' cells as columns, one record batch of the columns that vary by row
    (those of the schema but FACT_COLUMNS, in schema order)."""
    import pyarrow as pa

    def joined(name: str) -> list[Any]:
        return [v for cols in parts for v in getattr(cols, name)]

    suppressed: list[bool] = joined("suppressed")
    count: list[int | None] = joined("count")
    string, int64 = pa.string(), pa.int64()
    columns: dict[str, pa.Array] = {
        "table": _array(joined("table"), string),
        "category": _array(joined("category"), string),
        "count": _array(count, int64),
        "pct": _array(joined("pct"), pa.float64()),
        "suppressed": _array(suppressed, pa.bool_()),
        "parent": _array(joined("parent"), string),
        "is_total": _array(joined("is_total"), pa.bool_()),
        "count_min": _array([0 if s else c for s, c in zip(suppressed, count, strict=True)],
                            int64),
        "count_max": _array([2 if s else c for s, c in zip(suppressed, count, strict=True)],
                            int64),
        "line": _array(joined("line"), pa.int32()),
        "page": _array(joined("page"), pa.int16()),
    }  # fmt: skip
    names = [c.name for c in COLUMNS if c.name not in FACT_COLUMNS]
    return pa.RecordBatch.from_arrays([columns[n] for n in names], names=names)


def with_facts(
    cells: pa.RecordBatch, facts: Sequence[Facts], sizes: Sequence[int], schema: pa.Schema
) -> pa.RecordBatch:
    """Given rows' varying columns and, per report in the same order, its facts and number of
    rows: the full rows in `schema`."""
    import pyarrow as pa

    sizes = list(sizes)
    string, date32 = pa.string(), pa.date32()
    columns: dict[str, pa.Array] = {
        "jurisdiction": _repeated([f.jurisdiction for f in facts], sizes, string),
        "year": _repeated([f.year for f in facts], sizes, pa.int16()),
        "jurisdiction_code": _repeated([f.jurisdiction_code for f in facts], sizes, string),
        "report": _repeated([f.report for f in facts], sizes, string),
        "period_start": _repeated([f.period_start for f in facts], sizes, date32),
        "period_end": _repeated([f.period_end for f in facts], sizes, date32),
        "source": _repeated([f.source for f in facts], sizes, string),
    }
    # Like pa.array() before, a null in a column the schema calls non-nullable is kept as is.
    return pa.RecordBatch.from_arrays(
        [columns[f.name] if f.name in columns else cells.column(f.name) for f in schema],
        schema=schema,
    )


# -- Arrow arrays from Python values -----------------------------------------------------------


def _days(dates: Iterable[date]) -> list[int]:
    """Dates as Arrow date32 values: days since 1970-01-01."""
    return [d.toordinal() - _EPOCH for d in dates]


def _array(values: list[Any], type_: pa.DataType) -> pa.Array:
    import pyarrow as pa

    return pa.array(values, type=type_)


def _repeated(values: list[Any], counts: list[int], type_: pa.DataType) -> pa.Array:
    """An array holding values[i] counts[i] times."""
    return _array([v for v, k in zip(values, counts, strict=True) for _ in range(k)], type_)
