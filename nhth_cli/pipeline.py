"""Convert: given input paths, every file's result and the long table of rows."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .discover import InputFile, discover
from .errors import InputError, NotAReportError
from .extract.document import document_text
from .extract.read import read_bytes
from .parse import parse_document
from .records import FileResult, Settings

DEFAULT_SETTINGS = Settings()

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from .assemble import CellColumns
    from .checks.log import FindingLog, ReportFindings
    from .stream import RowSink

# What a worker process sends back: the file's result and, unless the cells are kept, its cells
# as columns and the result without them; and its findings, checked where it was parsed.
Outcome = tuple[FileResult, "CellColumns | None", "ReportFindings"]


@dataclass(frozen=True)
class ConversionResult:
    """Per-file outcomes, in input order, and their rows.

    `convert_files` collects the rows as Arrow batches while it converts (`sink`); the files
    keep their cells too unless `Settings.keep_cells` is off (the CLI). A result built from
    file results alone builds its rows from their cells on demand."""

    files: tuple[FileResult, ...]
    sink: RowSink | None = field(default=None, compare=False, repr=False)
    # Each file's findings but duplicate_report, checked as it was converted (with `sink`).
    log: FindingLog | None = field(default=None, compare=False, repr=False)

    @property
    def rows(self) -> int:
        return sum(f.rows for f in self.files)

    def to_arrow(self) -> pa.Table:
        """All rows as one table, sorted (SPEC.md)."""
        if self.sink is not None:
            return self.sink.table()
        from .assemble import to_arrow

        return to_arrow(self.files)

    def to_pandas(self) -> pd.DataFrame:
        frame: pd.DataFrame = self.to_arrow().to_pandas()
        return frame


def convert_bytes(data: bytes, source: str) -> FileResult:
    """Given one file's bytes and its source name, its result. Data problems never raise."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = document_text(data)
        report = parse_document(text, Path(source).stem)
    except NotAReportError as exc:
        return FileResult(source, digest, "skipped", str(exc), kind=exc.kind)
    except InputError as exc:
        return FileResult(source, digest, "error", str(exc))
    if not report.cells:
        return FileResult(source, digest, "skipped", "no table rows found", report)
    return FileResult(source, digest, "parsed", None, report)


def convert_file(item: InputFile, settings: Settings = DEFAULT_SETTINGS) -> FileResult:
    """Given one input file, its result; reading problems become an `error` entry."""
    try:
        data = read_bytes(item.path, settings.max_bytes)
    except InputError as exc:
        return FileResult(item.source, None, "error", str(exc))
    if not data.strip():
        return FileResult(item.source, hashlib.sha256(data).hexdigest(), "skipped", "empty file")
    try:
        return convert_bytes(data, item.source)
    except Exception as exc:  # a parser bug must cost one file, not the run
        if os.environ.get("NHTH_DEBUG"):
            raise
        return FileResult(
            item.source, hashlib.sha256(data).hexdigest(), "error",
            f"internal error while parsing ({type(exc).__name__}: {exc}); rerun with --debug",
        )  # fmt: skip


def checked(result: FileResult) -> ReportFindings:
    """Given one file's result, its findings (all checks but duplicate_report)."""
    from .checks import FileSummary
    from .checks.checks import report_findings

    cells = result.report.cells if result.report is not None else ()
    return report_findings(FileSummary.of(result), cells)


def _convert_one(args: tuple[InputFile, Settings]) -> Outcome:
    result = convert_file(*args)
    found = checked(result)
    if args[1].keep_cells or result.report is None or not result.report.cells:
        return result, None, found
    from .assemble import CellColumns

    return result.light(), CellColumns.of(result.report.cells), found


def convert_files(
    files: Sequence[InputFile],
    settings: Settings = DEFAULT_SETTINGS,
    progress: Callable[[FileResult], None] | None = None,
) -> ConversionResult:
    """Given discovered files, their results in the same order (processes when jobs > 1).

    Rows go into a `RowSink` as each result arrives; the results keep their cells only when
    `settings.keep_cells`."""
    from .checks.log import FindingLog
    from .stream import RowSink

    sink = RowSink()
    log = FindingLog()
    results: list[FileResult] = []

    def done(outcome: Outcome) -> None:
        result, columns, found = outcome
        log.add(found)
        sink.add(result, columns)  # read into Arrow a batch of reports at a time
        if columns is None and not settings.keep_cells:
            result = result.light()
        results.append(result)
        if progress is not None:
            progress(result)

    jobs = min(settings.jobs, len(files))
    if jobs <= 1:
        for f in files:
            result = convert_file(f, settings)
            done((result, None, checked(result)))
        return ConversionResult(tuple(results), sink, log)
    # PDFium is not thread-safe: processes, never threads. Order is kept by map().
    pool = ProcessPoolExecutor(max_workers=jobs)
    # Small chunks: when the last ones run, the other workers idle for at most one chunk.
    chunk = max(1, min(32, len(files) // (jobs * 16)))
    try:
        # map() submits every chunk, and so starts the workers, before it returns.
        outcomes = pool.map(_convert_one, [(f, settings) for f in files], chunksize=chunk)
        sink.prepare()
        for outcome in outcomes:
            done(outcome)
    except BrokenProcessPool:
        # A worker died (a native crash in PDFium, or killed): the files not yet done are
        # converted again one process each, so that only the one that kills it is lost.
        for f in files[len(results) :]:
            done(_convert_isolated(f, settings))
    finally:
        pool.shutdown(cancel_futures=True)
    return ConversionResult(tuple(results), sink, log)


def _convert_isolated(item: InputFile, settings: Settings) -> Outcome:
    with ProcessPoolExecutor(max_workers=1) as solo:
        try:
            return solo.submit(_convert_one, (item, settings)).result()
        except BrokenProcessPool:
            result = FileResult(item.source, None, "error", "reading it crashed the worker process")
            return result, None, checked(result)


def convert(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> ConversionResult:
    """Convert a folder, a file, or several of them. `nhth convert` calls this.

    >>> result = convert("reports/")          # doctest: +SKIP
    >>> result.to_pandas()                     # doctest: +SKIP
    """
    inputs = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    files = discover(inputs, exclude=exclude, follow_symlinks=settings.follow_symlinks)
    return convert_files(files, settings)
