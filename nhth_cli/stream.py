"""Rows streamed: parsed reports become compact Arrow batches as they arrive, and leave in the
sort order of SPEC.md, one Parquet row group at a time.

A conversion of 10,000 reports holds about 680,000 rows. As `Cell` objects they take about
250 bytes each; as Arrow columns about 150. `RowSink` takes each `FileResult` as the pipeline
produces it, turns its cells into Arrow columns a batch of reports at a time (the caller can
then drop the cells and keep only the file's summary), and gives the rows back sorted, in
batches of at most `BATCH_ROWS` rows, without ever building one more copy of the whole table::

    sink = RowSink()
    for result in results:          # any order
        sink.add(result)
    write_parquet(sink.batches(), fh, sink.schema)   # or sink.table()
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING

from .assemble import BATCH_ROWS, arrow_schema, batch_of, sort_key
from .records import FileResult

if TYPE_CHECKING:
    import pyarrow as pa

# (sort key, arrival number, batch number, offset in the batch, rows) of one report
_Entry = tuple[tuple[str, int, str, str], int, int, int, int]


class RowSink:
    """Collects the rows of parsed reports as Arrow batches; gives them back sorted."""

    def __init__(self, batch_rows: int = BATCH_ROWS, schema: pa.Schema | None = None) -> None:
        self.batch_rows = batch_rows
        self.schema = schema if schema is not None else arrow_schema()
        self.rows = 0
        self._pending: list[FileResult] = []
        self._pending_rows = 0
        self._batches: list[pa.RecordBatch] = []
        self._index: list[_Entry] = []
        self._arrivals = 0

    def add(self, result: FileResult) -> None:
        """Take one file's rows (none when it was skipped or failed). The cells are read into
        Arrow once `batch_rows` rows are pending; the caller need not keep them after that."""
        report = result.report
        if report is None or not report.cells:
            return
        self._pending.append(result)
        self._pending_rows += len(report.cells)
        self.rows += len(report.cells)
        if self._pending_rows >= self.batch_rows:
            self.flush()

    def extend(self, results: Iterable[FileResult]) -> None:
        for result in results:
            self.add(result)

    def flush(self) -> None:
        """Turn the pending reports into one Arrow batch now."""
        if not self._pending:
            return
        batch = batch_of(self._pending, self.schema)
        number = len(self._batches)
        offset = 0
        for result in self._pending:
            assert result.report is not None
            n = len(result.report.cells)
            self._index.append((sort_key(result), self._arrivals, number, offset, n))
            self._arrivals += 1
            offset += n
        self._batches.append(batch)
        self._pending, self._pending_rows = [], 0

    def batches(self) -> Iterator[pa.RecordBatch]:
        """All rows in SPEC.md order, as batches of about `batch_rows` rows (a report's rows are
        never split). Each batch is a fresh copy; the collected batches stay as they are."""
        import pyarrow as pa

        self.flush()
        pieces: list[pa.RecordBatch] = []
        rows = 0
        for _, _, number, offset, n in sorted(self._index):
            if pieces and rows + n > self.batch_rows:
                yield _concat(pieces, self.schema)
                pieces, rows = [], 0
            pieces.append(self._batches[number].slice(offset, n))
            rows += n
        if pieces:
            yield _concat(pieces, self.schema)
        if not self._index:
            yield pa.RecordBatch.from_arrays(
                [_empty(f.type) for f in self.schema], schema=self.schema
            )

    def table(self) -> pa.Table:
        """All rows in SPEC.md order as one table (one chunk per batch)."""
        import pyarrow as pa

        return pa.Table.from_batches(list(self.batches()), schema=self.schema)


def _concat(pieces: list[pa.RecordBatch], schema: pa.Schema) -> pa.RecordBatch:
    import pyarrow as pa

    if len(pieces) == 1:
        return pieces[0]
    return pa.concat_batches(pieces)


def _empty(type_: pa.DataType) -> pa.Array:
    import pyarrow as pa

    if pa.types.is_string(type_):
        return pa.Array.from_buffers(type_, 0, [None, pa.py_buffer(bytes(4)), pa.py_buffer(b"")])
    return pa.Array.from_buffers(type_, 0, [None, pa.py_buffer(b"")])


def write_parquet(
    batches: Iterable[pa.RecordBatch],
    sink: str | IO[bytes],
    schema: pa.Schema,
    metadata: Mapping[str, str] | None = None,
    row_group_rows: int = BATCH_ROWS,
) -> int:
    """Write batches to Parquet (zstd), one row group per `row_group_rows` rows at most, as
    they come: memory holds one batch, not the table. Returns the rows written."""
    import pyarrow.parquet as pq

    if metadata:
        schema = schema.with_metadata({**(schema.metadata or {}), **metadata})
    rows = 0
    with pq.ParquetWriter(sink, schema, compression="zstd") as writer:
        for batch in batches:
            if metadata:
                batch = batch.replace_schema_metadata(schema.metadata)
            writer.write_batch(batch, row_group_size=row_group_rows)
            rows += batch.num_rows
    return rows
