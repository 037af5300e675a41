"""Writing outputs: Parquet, CSV, JSON Lines, Parquet datasets and JSON, always atomically."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
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


def _not_a_file(path: Path) -> str | None:
    """Why an existing `path` is no place for an output file (None: a regular file, or none)."""
    from .discover import not_regular

    try:
        st = os.stat(path)
    except OSError:
        return None
    if stat.S_ISDIR(st.st_mode):
        return "is a folder"
    reason = not_regular(st)
    return None if reason is None else f"exists and is {reason}; name a regular file"


def check_writable(path: Path) -> None:
    """Fail early, before any work, when the output file cannot be written: its folder is
    missing or read-only, or `path` exists and is no regular file (a device, a FIFO: renaming
    over it would replace /dev/null)."""
    folder = _folder_of(path)
    if not folder.is_dir():
        raise OutputError(f"{path}: output folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{path}: output folder {folder} is not writable")
    reason = _not_a_file(path)
    if reason is not None:
        raise OutputError(f"{path}: {reason}")


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
        from .discover import not_regular

        kind = not_regular(path.stat()) or "a file"
        kind = kind.removeprefix("not a regular file (").removesuffix(")")
        raise OutputError(f"{path}: is {kind}; --partition-by writes a folder")
    if path.is_dir() and not _is_dataset_folder(path):
        raise OutputError(
            f"{path}: folder exists and holds other files than a partitioned dataset; "
            "remove it or name another folder"
        )


# Signals that end a run and are held off while outputs are renamed into place.
_HELD = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")
    if hasattr(signal, name)
)  # fmt: skip


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM, SIGHUP and SIGQUIT wait until the block is done, then act as they
    would have (main thread only; elsewhere the block runs as is)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def hold(signum: int, frame: object) -> None:
        caught.append(signum)

    previous = {s: signal.signal(s, hold) for s in _HELD}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, signal.SIG_DFL if handler is None else handler)
        for s in dict.fromkeys(caught):
            signal.raise_signal(s)


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on the output folder (flock on the folder itself: no lock file
    left behind): runs writing into one folder take turns. Where the file system cannot lock,
    the block runs unlocked."""
    try:
        import fcntl

        fd = os.open(folder, os.O_RDONLY)
    except (ImportError, OSError):
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"nhth: waiting for another run writing into {folder}", file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            pass  # no locks here (some network file systems)
        yield
    finally:
        os.close(fd)  # releases the lock


def _temporary(name: str, entry: str) -> bool:
    """`entry` is a temporary file or folder of an output named `name` (`.out.parquet.x1y2.tmp`)."""
    prefix = f".{name}."
    if not entry.startswith(prefix) or not entry.endswith((".tmp", ".old")):
        return False
    middle = entry[len(prefix) : -4]
    return bool(middle) and "." not in middle and "/" not in middle


def remove_stale(folder: Path, names: list[str]) -> None:
    """Remove the temporary files and folders that a killed earlier run left beside these
    outputs (call it holding `folder_lock`: no other run is writing them then)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if any(_temporary(name, entry.name) for name in names):
            with contextlib.suppress(OSError):
                # A dataset moved aside by a run killed before it moved the new one in: back.
                for name in names:
                    kept = Path(entry.path) / name
                    restore = entry.name.endswith(".old") and kept.is_dir()
                    if restore and not (folder / name).exists():
                        os.replace(kept, folder / name)
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    os.unlink(entry.path)


class Staged:
    """Outputs written in full to temporary files and folders beside their targets, then
    renamed into place together (`commit`), with signals held off: either every output is
    replaced, or (an error, a full disk, Ctrl-C while writing) none, and the temporary files go.
    """

    def __init__(self) -> None:
        self.moves: list[tuple[Path, Path]] = []  # (temporary, target)
        self.made: list[Path] = []
        # Files written without a name (O_TMPFILE), given one only at commit: a run killed
        # before that leaves nothing behind. (open file, target)
        self.unnamed: list[tuple[IO[bytes], Path]] = []

    @staticmethod
    def _unnamed(folder: Path) -> IO[bytes] | None:
        """A file without a name in `folder` (Linux O_TMPFILE), or None where there is none."""
        flag = getattr(os, "O_TMPFILE", 0)
        if not flag:
            return None
        try:
            fd = os.open(folder, flag | os.O_WRONLY, 0o644)
        except OSError:
            return None  # a file system without O_TMPFILE
        if not os.path.exists(f"/proc/self/fd/{fd}"):  # it could never be given a name
            os.close(fd)
            return None
        os.fchmod(fd, 0o644)
        return os.fdopen(fd, "wb")

    @contextlib.contextmanager
    def file(self, path: Path) -> Iterator[IO[bytes]]:
        """A temporary file for `path`, written in the block, flushed to disk."""
        folder = _folder_of(path)
        unnamed = self._unnamed(folder)
        if unnamed is not None:
            try:
                yield unnamed
                unnamed.flush()
                os.fsync(unnamed.fileno())
            except BaseException:
                unnamed.close()
                raise
            self.unnamed.append((unnamed, path))
            return
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        tmp = Path(name)
        self.made.append(tmp)
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        self.moves.append((tmp, path))

    def _name_unnamed(self) -> None:
        """Give each file written without a name its temporary name beside its target."""
        import secrets

        for fh, target in self.unnamed:
            name = f".{target.name}.{secrets.token_hex(4)}.tmp"
            folder = os.open(_folder_of(target), os.O_RDONLY)
            try:
                # linkat(AT_SYMLINK_FOLLOW) on the descriptor's /proc link: os.link calls
                # linkat, not link(), only when given a folder descriptor.
                os.link(
                    f"/proc/self/fd/{fh.fileno()}", name,
                    src_dir_fd=folder, dst_dir_fd=folder, follow_symlinks=True,
                )  # fmt: skip
            finally:
                os.close(folder)
            tmp = _folder_of(target) / name
            self.made.append(tmp)
            self.moves.append((tmp, target))
            fh.close()
        self.unnamed = []

    def folder(self, path: Path) -> Path:
        """A temporary folder for `path`; the caller fills it."""
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=_folder_of(path)))
        self.made.append(tmp)
        os.chmod(tmp, 0o755)
        self.moves.append((tmp, path))
        return tmp

    def commit(self) -> None:
        """Rename every temporary output over its target. An existing dataset folder is moved
        aside first and put back if its replacement cannot be moved in."""
        old: list[Path] = []
        with signals_held():
            self._name_unnamed()
            for tmp, target in self.moves:
                if tmp.is_dir() and target.is_dir():
                    aside = Path(
                        tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=tmp.parent)
                    )
                    self.made.append(aside)
                    os.replace(target, aside / target.name)
                    try:
                        os.replace(tmp, target)
                    except BaseException:
                        os.replace(aside / target.name, target)
                        raise
                    old.append(aside)
                else:
                    os.replace(tmp, target)
        self.moves = []

    def discard(self) -> None:
        """Remove what is left of the temporary outputs (all of them unless committed)."""
        for fh, _ in self.unnamed:
            fh.close()  # a file without a name goes with its last descriptor
        self.unnamed = []
        for made in self.made:
            if made.is_dir():
                shutil.rmtree(made, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    os.unlink(made)
        self.made = []


@contextlib.contextmanager
def staged_outputs(targets: list[Path]) -> Iterator[Staged]:
    """Stage outputs to replace `targets` (all in one folder), holding the folder's lock and
    after removing an earlier killed run's leftovers; commit them at the end of the block.
    The operating system's errors become one-line OutputErrors naming the first target."""
    folder = _folder_of(targets[0])
    stage = Staged()
    try:
        with folder_lock(folder):
            remove_stale(folder, [t.name for t in targets])
            try:
                yield stage
                stage.commit()
            finally:
                stage.discard()
    except OSError as exc:
        where = exc.filename if isinstance(exc.filename, str) else targets[0]
        raise OutputError(f"{where}: cannot be written: {exc.strerror or exc}") from None


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """A temporary file beside `path`, renamed over it only when the block completes."""
    check_writable(path)
    stage = Staged()
    try:
        with stage.file(path) as fh:
            yield fh
        stage.commit()
    finally:  # Ctrl-C included: the old output stays, the temp file goes
        stage.discard()


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


def _jsonl_rows(batch: pa.RecordBatch, fh: IO[bytes]) -> None:
    import json

    names = batch.schema.names
    for start in range(0, batch.num_rows, 4096):
        part = batch.slice(start, 4096)
        columns = [part.column(i).to_pylist() for i in range(part.num_columns)]
        for values in zip(*columns, strict=True):
            row = dict(zip(names, values, strict=True))
            fh.write((json.dumps(row, default=str, ensure_ascii=False) + "\n").encode())


def _write_rows(
    rows: pa.Table | RowSink, fh: IO[bytes], fmt: str, metadata: Mapping[str, str] | None
) -> None:
    """Rows in `fmt` to an open file, a batch at a time (a table's batches, or a sink's, sorted).
    Parquet carries the column descriptions and `metadata`; its row groups hold
    ROW_GROUP_ROWS rows, whatever the batches."""
    import pyarrow as pa

    if isinstance(rows, pa.Table):
        batches: Iterable[pa.RecordBatch] = rows.to_batches()
    else:
        batches = rows.batches()
    schema = rows.schema
    if fmt == "parquet":
        from .stream import write_parquet

        schema = schema_with_metadata(schema, metadata)
        write_parquet(batches, fh, schema, row_group_rows=ROW_GROUP_ROWS)
    elif fmt == "csv":
        import pyarrow.csv as pcsv

        with pcsv.CSVWriter(fh, schema) as writer:
            for batch in batches:
                writer.write_batch(batch)
    else:
        for batch in batches:
            _jsonl_rows(batch, fh)


def write_table(
    table: pa.Table | RowSink, output: str, fmt: str, metadata: Mapping[str, str] | None = None
) -> None:
    """Write rows to `output` (`-` for stdout) in `fmt`, atomically for files.

    Parquet carries the column descriptions as field metadata and `metadata` as file metadata.
    Rows are written a batch at a time.
    """
    if output == "-":
        check_stdout(fmt)
        try:
            _write_rows(table, sys.stdout.buffer, fmt, metadata)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise  # the reader went away: the CLI ends quietly
        except OSError as exc:
            raise OutputError(f"-: cannot be written: {exc.strerror or exc}") from None
        return
    with output_file(output) as fh:
        _write_rows(table, fh, fmt, metadata)


def _write_dataset(table: pa.Table, folder: Path, by: str) -> None:
    import pyarrow.dataset as ds

    ds.write_dataset(
        table,
        folder,
        format="parquet",
        partitioning=[by],
        partitioning_flavor="hive",
        basename_template="part-{i}.parquet",
        existing_data_behavior="overwrite_or_ignore",
        file_options=ds.ParquetFileFormat().make_write_options(compression="zstd"),
        use_threads=False,
        preserve_order=True,
    )


def write_partitioned(
    table: pa.Table, output: str, by: str, metadata: Mapping[str, str] | None = None
) -> None:
    """Write rows as a Hive-partitioned Parquet dataset folder (`output/year=2016/part-0.parquet`).

    The dataset is written to a temporary folder beside `output` and renamed into place; an
    existing dataset at `output` is replaced only when the new one is complete.
    """
    if by not in PARTITION_COLUMNS:
        raise OutputError(f"--partition-by {by}: use one of {', '.join(PARTITION_COLUMNS)}")
    target = Path(output)
    check_dataset_writable(target)
    with staged_outputs([target]) as stage:
        _write_dataset(with_metadata(table, metadata), stage.folder(target), by)


def write_summary(report: ValidationReport, path: Path) -> None:
    """The validation summary JSON, streamed to `path` a piece at a time, atomically."""
    with output_file(path) as fh:
        report.write_json(fh)


def write_bytes(data: bytes, path: Path) -> None:
    with output_file(path) as fh:
        fh.write(data)


def check_output(
    output: str, fmt: str, partition_by: str | None = None, datapackage: bool = False
) -> None:
    """Fail before any work when the outputs asked for cannot be written.

    Raises UsageError for options that do not go together, OutputError for an unwritable place
    (or an OUTPUT, summary or datapackage.json that exists and is no regular file).
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
    for side in output_paths(output, datapackage):
        check_writable(side)


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
    them, and `datapackage.json` when asked.

    All of them are written in full to temporary files first and then renamed into place
    together, holding the output folder's lock (see `staged_outputs`): a run that fails or is
    interrupted leaves every earlier output as it was, so rows and summary never disagree."""
    import pyarrow as pa

    from .datapackage import datapackage as make_datapackage
    from .datapackage import to_json

    metadata = file_metadata(report.summary())
    if output == "-":
        write_table(table, output, fmt, metadata)
        return
    if partition_by is not None and partition_by not in PARTITION_COLUMNS:
        raise OutputError(
            f"--partition-by {partition_by}: use one of {', '.join(PARTITION_COLUMNS)}"
        )
    check_output(output, fmt, partition_by, datapackage)
    target = Path(output)
    with staged_outputs([target, *output_paths(output, datapackage)]) as stage:
        if partition_by is not None:
            rows = table if isinstance(table, pa.Table) else table.table()
            _write_dataset(with_metadata(rows, metadata), stage.folder(target), partition_by)
        else:
            with stage.file(target) as fh:
                _write_rows(table, fh, fmt, metadata)
        with stage.file(summary_path(output)) as fh:
            report.write_json(fh)
        if datapackage:
            from .discover import shown_name

            package = make_datapackage(shown_name(Path(output).name), fmt)
            with stage.file(datapackage_path(output)) as fh:
                fh.write(to_json(package))
