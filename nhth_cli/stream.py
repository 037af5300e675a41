"""Rows streamed: parsed reports become compact Arrow batches as they arrive, and leave in the
sort order of SPEC.md, one Parquet row group at a time.

A conversion of 10,000 reports holds about 680,000 rows. As `Cell` objects they take about
250 bytes each; as Arrow columns about 75, with each report's document facts (source,
jurisdiction, period...) kept once, not per row. `RowSink` takes each `FileResult` as the
pipeline produces it (or its cells as `CellColumns`, from a worker process), turns the cells
into Arrow columns a batch of reports at a time (the caller can then drop the cells and keep
only the file's summary), and gives the rows back sorted, in batches of at most `BATCH_ROWS`
rows, without ever building one more copy of the whole table::

    sink = RowSink()
    for result in results:          # any order
        sink.add(result)
    write_parquet(sink.batches(), fh, sink.schema)   # or sink.table()

It is the one path for rows: `to_arrow(results)` is the table of a sink that took them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, NamedTuple

from .assemble import (
    BATCH_ROWS,
    PENDING_ROWS,
    CellColumns,
    Facts,
    arrow_schema,
    cell_batch,
    sort_key,
    with_facts,
)
from .records import FileResult, runs_of

if TYPE_CHECKING:
    import pyarrow as pa


class _Placed(NamedTuple):
    """Where one report's rows are kept, and what sorts them."""

    key: tuple[str, int, str, str]  # sort_key: jurisdiction, year, report, source
    arrival: int
    batch: int
    offset: int  # in the batch
    rows: int
    facts: Facts


class RowSink:
    """Collects the rows of parsed reports as Arrow batches; gives them back sorted.

    The batches hold the columns that vary by row; each report's document facts (jurisdiction,
    year, period, source...) are kept once and repeated per row only in the batches given
    back: at 10,000 reports that holds about 50 MB less."""

    def __init__(
        self,
        batch_rows: int = BATCH_ROWS,
        schema: pa.Schema | None = None,
        pending_rows: int = PENDING_ROWS,
    ) -> None:
        self.batch_rows = batch_rows  # rows per batch given back
        # Rows held as Python values before they become an Arrow batch: small, so that turning
        # them into Arrow keeps pace with the results as they arrive, instead of all at the end.
        self.pending_rows = min(pending_rows, batch_rows)
        self._schema = schema
        self.rows = 0
        # Reports not yet in a batch, with their cells as columns.
        self._pending: list[tuple[FileResult, CellColumns]] = []
        self._pending_rows = 0
        self._batches: list[pa.RecordBatch] = []
        self._index: list[_Placed] = []
        # A report's runs of rows (FileResult.parts), by the sort_key of the whole report.
        self._where: dict[tuple[str, int, str, str], list[_Placed]] = {}
        self._arrivals = 0
        self._table: pa.Table | None = None

    @property
    def schema(self) -> pa.Schema:
        # Built (and pyarrow imported) on first use: worker processes started before then
        # never load pyarrow (see prepare).
        if self._schema is None:
            self._schema = arrow_schema()
        return self._schema

    def prepare(self) -> None:
        """Import pyarrow and build the schema now: a pipeline calls this once its worker
        processes have started, so that the import (0.03 s, 0.15 s with NumPy) overlaps with
        their parsing rather than delaying the first batch."""
        self.schema  # noqa: B018 (built for its side effect)

    def add(self, result: FileResult, columns: CellColumns | None = None) -> None:
        """Take one file's rows (none when it was skipped or failed): its cells, or the same as
        `columns` (from a worker process; then `result` needs only its document facts, as
        `FileResult.light()` keeps them). The rows are read into Arrow once `pending_rows`
        rows are pending; the caller need not keep the cells after that."""
        if result.report is None:
            return
        if columns is None:
            if not result.report.cells:
                return
            columns = CellColumns.of(result.report.cells)
        if not len(columns):
            return
        self._pending.append((result, columns))
        self._pending_rows += len(columns)
        self.rows += len(columns)
        self._table = None
        if self._pending_rows >= self.pending_rows:
            self.flush()

    def extend(self, results: Iterable[FileResult]) -> None:
        for result in results:
            self.add(result)

    def flush(self) -> None:
        """Turn the pending reports into one Arrow batch now."""
        if not self._pending:
            return
        number = len(self._batches)
        offset = 0
        for result, columns in self._pending:
            n = len(columns)
            report_key = sort_key(result)
            runs = runs_of(columns.overrides) if columns.overrides else [((None, None), 0, n)]
            for (jurisdiction, period), start, end in runs:
                part = result.with_facts(jurisdiction, period)
                entry = _Placed(
                    sort_key(part), self._arrivals, number, offset + start, end - start,
                    Facts.of(part),
                )  # fmt: skip
                self._index.append(entry)
                self._where.setdefault(report_key, []).append(entry)
                self._arrivals += 1
            offset += n
        self._batches.append(cell_batch([columns for _, columns in self._pending]))
        self._pending, self._pending_rows = [], 0

    def report_keys(self) -> list[tuple[str, int, str, str]]:
        """(jurisdiction, year, report, source) of every report with rows, in output order (a
        report whose rows carry their own facts once, with the report's: the national table's
        jurisdiction is the United States). A file may hold several reports."""
        self.flush()
        return sorted(self._where)

    def rows_of(self, key: tuple[str, int, str, str]) -> pa.RecordBatch:
        """One report's rows (by its key in `report_keys`), in printed order."""
        self.flush()
        return self._rows(self._where[key])

    def batches(self, max_rows: int | None = None) -> Iterator[pa.RecordBatch]:
        """All rows in SPEC.md order, as batches of about `max_rows` rows (default
        `batch_rows`; a report's rows are never split). Each batch is a fresh copy; the
        collected batches stay as they are."""

        self.flush()
        limit = max_rows if max_rows is not None else self.batch_rows
        pieces: list[_Placed] = []
        rows = 0
        for entry in sorted(self._index, key=_order):
            n = entry.rows
            if pieces and rows + n > limit:
                yield self._rows(pieces)
                pieces, rows = [], 0
            pieces.append(entry)
            rows += n
        if pieces:
            yield self._rows(pieces)
        if not self._index:
            yield _empty_batch(self.schema)

    def _rows(self, entries: list[_Placed]) -> pa.RecordBatch:
        """The full rows of some reports, in the order given (a fresh copy)."""
        import pyarrow as pa

        cells = [self._batches[e.batch].slice(e.offset, e.rows) for e in entries]
        joined = cells[0] if len(cells) == 1 else pa.concat_batches(cells)
        return with_facts(
            joined, [e.facts for e in entries], [e.rows for e in entries], self.schema
        )

    def table(self) -> pa.Table:
        """All rows in SPEC.md order as one table (one chunk per batch), built once."""
        import pyarrow as pa

        if self._table is None:
            self._table = pa.Table.from_batches(list(self.batches()), schema=self.schema)
        return self._table


def to_arrow(results: Iterable[FileResult]) -> pa.Table:
    """Given file results in any order, one Arrow table of all their rows, sorted (SPEC.md)."""
    sink = RowSink()
    sink.extend(results)
    return sink.table()


def _order(entry: _Placed) -> tuple[tuple[str, int, str, str], int]:
    """Output order: by sort key, then as they arrived (the key is unique per source)."""
    return entry.key, entry.arrival


def _empty_batch(schema: pa.Schema) -> pa.RecordBatch:
    import pyarrow as pa

    return pa.RecordBatch.from_pylist([], schema=schema)


def write_parquet(
    batches: Iterable[pa.RecordBatch],
    sink: str | IO[bytes],
    schema: pa.Schema,
    metadata: Mapping[str, str] | None = None,
    row_group_rows: int = BATCH_ROWS,
) -> int:
    """Write batches to Parquet (zstd) as they come, in row groups of exactly `row_group_rows`
    rows (the last one fewer): memory holds about one row group, not the table.

    Each row group is handed to the writer as the run of input batches it spans, so that the
    file is byte for byte what `pq.write_table` writes for the table of all the batches with the
    same `row_group_size`. Every batch takes `schema` (field and file metadata) as it is written.
    Returns the rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if metadata:
        schema = schema.with_metadata({**(schema.metadata or {}), **metadata})
    rows = 0
    held: list[pa.Table] = []  # input batches not yet written, in order (the first one sliced)
    held_rows = 0
    with pq.ParquetWriter(sink, schema, compression="zstd") as writer:

        def write(group: pa.Table) -> None:
            writer.write_table(group, row_group_size=row_group_rows)

        for batch in batches:
            held.append(pa.Table.from_arrays(batch.columns, schema=schema))
            held_rows += batch.num_rows
            while held_rows >= row_group_rows:
                window = pa.concat_tables(held)
                write(window.slice(0, row_group_rows))
                rows += row_group_rows
                rest = window.slice(row_group_rows)
                held, held_rows = ([rest] if rest.num_rows else []), rest.num_rows
        if held_rows or not rows:
            window = (
                pa.concat_tables(held) if held else pa.Table.from_batches([_empty_batch(schema)])
            )
            write(window)
            rows += window.num_rows
    return rows
