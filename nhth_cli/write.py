"""Writing outputs: Parquet, CSV, JSON Lines, Parquet datasets and JSON, always atomically."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING

from . import __version__
from .errors import OutputError, UsageError
from .schema import COLUMNS, field_metadata

if TYPE_CHECKING:
    import pyarrow as pa

    from .checks import ValidationReport
    from .stream import RowSink

FORMATS = ("parquet", "csv", "jsonl")
ROW_GROUP_ROWS = 64 * 1024  # rows per Parquet row group
PARTITION_COLUMNS = ("year", "jurisdiction")


def format_for(path: str, explicit: str | None) -> str:
    """The output format: --format when given, else the output's suffix."""
    if explicit:
        fmt = explicit.lower()
    elif path == "-":
        fmt = "csv"
    else:
        fmt = Path(path).suffix.lower().lstrip(".")
        fmt = {"pq": "parquet", "ndjson": "jsonl"}.get(fmt, fmt)
    if fmt not in FORMATS:
        shown = f"unknown output format {fmt!r}" if fmt else "no output format (no suffix)"
        raise OutputError(f"{path}: {shown}; use one of {', '.join(FORMATS)} (--format)")
    return fmt


def summary_path(output: str | os.PathLike[str]) -> Path:
    """`out.parquet` -> `out.validation.json` (a dataset folder `out/` -> `out.validation.json`)."""
    return Path(output).with_suffix(".validation.json")


def datapackage_path(output: str | os.PathLike[str]) -> Path:
    """The `datapackage.json` beside an output."""
    return Path(output).parent / "datapackage.json"


def file_metadata(summary: Mapping[str, int]) -> dict[str, str]:
    """Parquet file metadata: the nhth version and input counts; no time, no absolute path."""
    return {
        "nhth_version": __version__,
        "nhth_input_files": str(summary["files"]),
        "nhth_parsed_files": str(summary["parsed"]),
        "nhth_skipped_files": str(summary["skipped"]),
        "nhth_error_files": str(summary["errors"]),
    }


def _folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def check_writable(path: Path) -> None:
    """Fail early, before any work, when the output file cannot be written."""
    folder = _folder_of(path)
    if not folder.is_dir():
        raise OutputError(f"{path}: output folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{path}: output folder {folder} is not writable")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder")


def check_stdout(fmt: str) -> None:
    """Parquet is binary: it goes to stdout only when stdout is not a terminal."""
    if fmt == "parquet" and sys.stdout.isatty():
        raise OutputError(
            "-: refusing to write Parquet to a terminal; redirect stdout or use --format csv"
        )


def _is_dataset_folder(path: Path) -> bool:
    """An empty folder, or one holding only `key=value` folders and Parquet files."""
    for root, dirs, files in os.walk(path):
        if Path(root) != path and "=" not in Path(root).name:
            return False
        if any(not f.endswith(".parquet") for f in files):
            return False
        if Path(root) == path and (files or any("=" not in d for d in dirs)):
            return False
    return True


def check_dataset_writable(path: Path) -> None:
    """Fail early when a partitioned dataset folder cannot be written at `path`.

    An existing folder is replaced only when it looks like an earlier dataset (empty, or only
    `key=value` folders of Parquet files), so that a typo cannot delete someone's files.
    """
    folder = _folder_of(path)
    if not folder.is_dir():
        raise OutputError(f"{path}: output folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{path}: output folder {folder} is not writable")
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: is a file; --partition-by writes a folder")
    if path.is_dir() and not _is_dataset_folder(path):
        raise OutputError(
            f"{path}: folder exists and holds other files than a partitioned dataset; "
            "remove it or name another folder"
        )


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """A temporary file beside `path`, renamed over it only when the block completes."""
    check_writable(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=_folder_of(path))
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:  # Ctrl-C included: the old output stays, the temp file goes
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def output_file(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """`atomic_file`, with the operating system's errors as one-line OutputErrors."""
    try:
        with atomic_file(Path(path)) as fh:
            yield fh
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written: {exc.strerror or exc}") from None


def with_metadata(table: pa.Table, metadata: Mapping[str, str] | None = None) -> pa.Table:
    """The table with each SPEC.md column's description as field metadata, and file metadata."""
    import pyarrow as pa

    return pa.Table.from_arrays(table.columns, schema=schema_with_metadata(table.schema, metadata))


def schema_with_metadata(schema: pa.Schema, metadata: Mapping[str, str] | None = None) -> pa.Schema:
    """The schema with each SPEC.md column's description as field metadata, and file metadata."""
    import pyarrow as pa

    known = {c.name: c for c in COLUMNS}
    fields = [
        f.with_metadata({**(f.metadata or {}), **field_metadata(known[f.name])})
        if f.name in known
        else f
        for f in schema
    ]
    schema_meta = dict(schema.metadata or {})
    schema_meta.update({k.encode(): v.encode() for k, v in (metadata or {}).items()})
    return pa.schema(fields, metadata=schema_meta)


def _writer(fmt: str) -> Callable[[pa.Table, IO[bytes]], None]:
    def parquet(table: pa.Table, fh: IO[bytes]) -> None:
        import pyarrow.parquet as pq

        pq.write_table(table, fh, compression="zstd", row_group_size=ROW_GROUP_ROWS)

    def csv(table: pa.Table, fh: IO[bytes]) -> None:
        import pyarrow.csv as pcsv

        pcsv.write_csv(table, fh)

    def jsonl(table: pa.Table, fh: IO[bytes]) -> None:
        _jsonl_rows(table, fh)

    return {"parquet": parquet, "csv": csv, "jsonl": jsonl}[fmt]


def _jsonl_rows(table: pa.Table, fh: IO[bytes]) -> None:
    import json

    names = table.column_names
    for batch in table.to_batches(max_chunksize=4096):
        columns = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
        for values in zip(*columns, strict=True):
            row = dict(zip(names, values, strict=True))
            fh.write((json.dumps(row, default=str, ensure_ascii=False) + "\n").encode())


def _write_sink(sink: RowSink, fh: IO[bytes], fmt: str, metadata: Mapping[str, str] | None) -> None:
    """Write a sink's rows, sorted, a batch at a time: the same bytes as `_writer(fmt)` writes
    for `sink.table()`, without the table."""
    if fmt == "parquet":
        from .stream import write_parquet

        schema = schema_with_metadata(sink.schema, metadata)
        write_parquet(sink.batches(), fh, schema, row_group_rows=ROW_GROUP_ROWS)
    elif fmt == "csv":
        import pyarrow.csv as pcsv

        with pcsv.CSVWriter(fh, sink.schema) as writer:
            for batch in sink.batches():
                writer.write_batch(batch)
    else:
        import pyarrow as pa

        for batch in sink.batches():
            _jsonl_rows(pa.Table.from_batches([batch]), fh)


def write_table(
    table: pa.Table | RowSink, output: str, fmt: str, metadata: Mapping[str, str] | None = None
) -> None:
    """Write rows to `output` (`-` for stdout) in `fmt`, atomically for files.

    Parquet carries the column descriptions as field metadata and `metadata` as file metadata.
    Rows given as a `RowSink` are written a batch at a time (the same bytes as its table).
    """
    import pyarrow as pa

    def write(fh: IO[bytes]) -> None:
        if not isinstance(table, pa.Table):
            _write_sink(table, fh, fmt, metadata)
        else:
            _writer(fmt)(with_metadata(table, metadata) if fmt == "parquet" else table, fh)

    if output == "-":
        check_stdout(fmt)
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    with output_file(output) as fh:
        write(fh)


def write_partitioned(
    table: pa.Table, output: str, by: str, metadata: Mapping[str, str] | None = None
) -> None:
    """Write rows as a Hive-partitioned Parquet dataset folder (`output/year=2016/part-0.parquet`).

    The dataset is written to a temporary folder beside `output` and renamed into place; an
    existing dataset at `output` is replaced only when the new one is complete.
    """
    import pyarrow.dataset as ds

    if by not in PARTITION_COLUMNS:
        raise OutputError(f"--partition-by {by}: use one of {', '.join(PARTITION_COLUMNS)}")
    target = Path(output)
    check_dataset_writable(target)
    folder = _folder_of(target)
    table = with_metadata(table, metadata)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder))
    except OSError as exc:
        raise OutputError(f"{output}: cannot be written: {exc.strerror or exc}") from None
    old: Path | None = None
    try:
        os.chmod(tmp, 0o755)
        ds.write_dataset(
            table,
            tmp,
            format="parquet",
            partitioning=[by],
            partitioning_flavor="hive",
            basename_template="part-{i}.parquet",
            existing_data_behavior="overwrite_or_ignore",
            file_options=ds.ParquetFileFormat().make_write_options(compression="zstd"),
            use_threads=False,
            preserve_order=True,
        )
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=folder))
            os.replace(target, old / target.name)
            try:
                os.replace(tmp, target)
            except BaseException:
                os.replace(old / target.name, target)  # put the old dataset back
                raise
        else:
            os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"{output}: cannot be written: {exc.strerror or exc}") from None
    finally:
        for leftover in (tmp, old):
            if leftover is not None and leftover.exists():
                shutil.rmtree(leftover, ignore_errors=True)


def write_summary(report: ValidationReport, path: Path) -> None:
    """The validation summary JSON (`report.to_json()`), written a piece at a time."""
    with output_file(path) as fh:
        for chunk in report.json_chunks():
            fh.write(chunk)


def write_bytes(data: bytes, path: Path) -> None:
    with output_file(path) as fh:
        fh.write(data)


def check_output(
    output: str, fmt: str, partition_by: str | None = None, datapackage: bool = False
) -> None:
    """Fail before any work when the outputs asked for cannot be written.

    Raises UsageError for options that do not go together, OutputError for an unwritable place.
    """
    to_stdout = output == "-"
    if partition_by is not None:
        if to_stdout:
            raise UsageError("-: --partition-by writes a folder, not stdout")
        if fmt != "parquet":
            raise UsageError(f"{output}: --partition-by writes Parquet, not {fmt}")
        check_dataset_writable(Path(output))
    elif to_stdout:
        check_stdout(fmt)
    else:
        check_writable(Path(output))
    if datapackage and (to_stdout or partition_by is not None):
        raise UsageError(
            f"{output}: --datapackage describes one output file, not stdout or a dataset"
        )


def output_paths(output: str, datapackage: bool = False) -> list[Path]:
    """Every file a conversion to `output` writes besides the rows (none for stdout)."""
    if output == "-":
        return []
    return [summary_path(output), *([datapackage_path(output)] if datapackage else [])]


def write_outputs(
    table: pa.Table | RowSink,
    report: ValidationReport,
    output: str,
    fmt: str,
    *,
    partition_by: str | None = None,
    datapackage: bool = False,
) -> None:
    """Write the rows (a file, stdout, or a partitioned dataset), the validation summary beside
    them, and `datapackage.json` when asked; each file atomically."""
    import pyarrow as pa

    from .datapackage import datapackage as make_datapackage
    from .datapackage import to_json

    metadata = file_metadata(report.summary())
    if partition_by is not None:
        rows = table if isinstance(table, pa.Table) else table.table()
        write_partitioned(rows, output, partition_by, metadata)
    else:
        write_table(table, output, fmt, metadata)
    if output == "-":
        return
    write_summary(report, summary_path(output))
    if datapackage:
        package = make_datapackage(Path(output).name, fmt)
        write_bytes(to_json(package), datapackage_path(output))
