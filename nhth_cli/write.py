"""Writing outputs: Parquet, CSV, JSON Lines and the summary JSON, always atomically."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .errors import OutputError

if TYPE_CHECKING:
    import pyarrow as pa

FORMATS = ("parquet", "csv", "jsonl")


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
        raise OutputError(
            f"{path}: unknown output format {fmt!r}; use one of {', '.join(FORMATS)} (--format)"
        )
    return fmt


def summary_path(output: str) -> Path:
    """`out.parquet` -> `out.validation.json`."""
    return Path(output).with_suffix(".validation.json")


def check_writable(path: Path) -> None:
    """Fail early, before any work, when the output cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: output folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{path}: output folder {folder} is not writable")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder")


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """A temporary file beside `path`, renamed over it only when the block completes."""
    check_writable(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
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


def _writer(fmt: str) -> Callable[[pa.Table, IO[bytes]], None]:
    def parquet(table: pa.Table, fh: IO[bytes]) -> None:
        import pyarrow.parquet as pq

        pq.write_table(table, fh, compression="zstd", row_group_size=64 * 1024)

    def csv(table: pa.Table, fh: IO[bytes]) -> None:
        import pyarrow.csv as pcsv

        pcsv.write_csv(table, fh)

    def jsonl(table: pa.Table, fh: IO[bytes]) -> None:
        import json

        names = table.column_names
        for batch in table.to_batches(max_chunksize=4096):
            columns = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
            for values in zip(*columns, strict=True):
                row = dict(zip(names, values, strict=True))
                fh.write((json.dumps(row, default=str, ensure_ascii=False) + "\n").encode())

    return {"parquet": parquet, "csv": csv, "jsonl": jsonl}[fmt]


def write_table(table: pa.Table, output: str, fmt: str) -> None:
    """Write rows to `output` (`-` for stdout) in `fmt`, atomically for files."""
    write = _writer(fmt)
    if output == "-":
        if fmt == "parquet" and sys.stdout.isatty():
            raise OutputError(
                "refusing to write Parquet to a terminal; redirect stdout or use --format csv"
            )
        write(table, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    try:
        with atomic_file(Path(output)) as fh:
            write(table, fh)
    except OSError as exc:
        raise OutputError(f"{output}: cannot be written: {exc.strerror or exc}") from None


def write_bytes(data: bytes, path: Path) -> None:
    try:
        with atomic_file(path) as fh:
            fh.write(data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written: {exc.strerror or exc}") from None
