"""Convert: given input paths, every file's result and the long table of rows."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .discover import InputFile, discover
from .errors import InputError, NotAReportError
from .extract.document import read_document
from .extract.read import read_bytes
from .normalize.numbers import INT64_MAX, MAX_COUNT_DIGITS, shown_number
from .parse import parse_document, report_texts
from .records import FileResult, FileStatus, ParsedReport, Settings

DEFAULT_SETTINGS = Settings()

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from .assemble import CellColumns
    from .checks import ValidationReport
    from .checks.log import FindingSpool, ReportFindings
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
    # Each report's findings but duplicate_report, checked as it was converted (with `sink`).
    log: FindingSpool | None = field(default=None, compare=False, repr=False)

    @property
    def rows(self) -> int:
        return sum(f.rows for f in self.files)

    def to_arrow(self) -> pa.Table:
        """All rows as one table, sorted (SPEC.md)."""
        if self.sink is not None:
            return self.sink.table()
        from .stream import to_arrow

        return to_arrow(self.files)

    def to_pandas(self) -> pd.DataFrame:
        frame: pd.DataFrame = self.to_arrow().to_pandas()
        return frame


_INT16 = 2**15 - 1
_INT32 = 2**31 - 1
# Digit runs (thousands separators included) longer than Python converts to int (4,300 digits).
_LONG_DIGITS = re.compile(r"[\d,]{" + str(sys.get_int_max_str_digits() + 1) + ",}")


# A digit run longer than any int64 count: in a report, a number that cannot be read.
_ABSURD_DIGITS = re.compile(r"\d{" + str(MAX_COUNT_DIGITS + 1) + ",}")
_STRIDE = (MAX_COUNT_DIGITS + 1) // 2  # a run that long holds two characters this far apart
_PAIR = re.compile(r"\d\d")


def absurd_digits(text: str) -> re.Match[str] | None:
    """The first digit run longer than any count can be, or None. (Fast: every _STRIDE-th
    character is looked at first, and the text only where two of them in a row are digits;
    a plain search costs as much as parsing the report.)"""
    sample = text[::_STRIDE]
    width = MAX_COUNT_DIGITS + 1
    for m in _PAIR.finditer(sample):
        i = m.start() * _STRIDE
        if _ABSURD_DIGITS.search(text, max(0, i - width), i + width + _STRIDE) is not None:
            return _ABSURD_DIGITS.search(text)
    return None


def check_numbers(report: ParsedReport, text: str = "") -> None:
    """Every number of a parsed report fits its column (count int64, line int32, page int16),
    and its text holds no digit run longer than a count can be: else an InputError of its file
    (never an OverflowError of the run, never a report written without a number it prints)."""
    found = absurd_digits(text) if report.cells else None
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        raise InputError(
            f"line {line}: the number {shown_number(found[0])} is too large for a count"
        )
    for cell in report.cells:
        where = f"line {cell.line}: "
        if cell.count is not None and not -INT64_MAX - 1 <= cell.count <= INT64_MAX:
            shown = shown_number(str(cell.count))
            raise InputError(f"{where}the count {shown} does not fit a 64-bit count")
        if not 0 < cell.line <= _INT32:
            raise InputError(f"{where}over the limit of {_INT32:,} lines")
        if cell.page is not None and not 0 < cell.page <= _INT16:
            raise InputError(f"{where}page {cell.page:,} is over the limit of {_INT16:,} pages")
    for value in (report.nationwide_signals, report.call_volume_rank):
        if value is not None and not 0 <= value <= INT64_MAX:
            raise InputError(f"the number {shown_number(str(value))} does not fit a 64-bit count")
    if not 0 < report.period.year <= _INT16:
        raise InputError(f"year {report.period.year} is out of range")


def _long_number(text: str, exc: ValueError) -> InputError | None:
    """The file's error when parsing failed on a digit run too long to be a number at all."""
    if "integer string conversion" not in str(exc):
        return None
    found = _LONG_DIGITS.search(text)
    where = f"line {text.count(chr(10), 0, found.start()) + 1}: " if found else ""
    limit = sys.get_int_max_str_digits()
    return InputError(f"{where}a number of more than {limit:,} digits cannot be a count")


def convert_bytes(
    data: bytes, source: str, settings: Settings = DEFAULT_SETTINGS
) -> tuple[FileResult, ...]:
    """Given one file's bytes and its source name, its results: one per report it holds (a
    merged PDF or text holds several, all with this source), or one for a file that could not
    be read or holds no report. Data problems never raise."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        document = read_document(data, settings.max_page_chars, settings.max_text_chars)
    except NotAReportError as exc:
        return (FileResult(source, digest, "skipped", str(exc), kind=exc.kind),)
    except InputError as exc:
        return (FileResult(source, digest, "error", str(exc)),)
    texts = report_texts(document.text)
    results = [_convert_text(text, source, digest) for text in texts]
    # The file's pages are checked once, with its first report read.
    first = next((i for i, r in enumerate(results) if r.report is not None), None)
    if first is not None:
        results[first] = replace(results[first], empty_pages=document.empty_pages)
    return tuple(results)


def _convert_text(text: str, source: str, digest: str) -> FileResult:
    """Given the text of one report of a file, its result."""
    try:
        report = parse_document(text, Path(source).stem)
        check_numbers(report, text)
    except ValueError as exc:
        error = _long_number(text, exc)
        if error is None:
            raise
        return FileResult(source, digest, "error", str(error))
    except NotAReportError as exc:
        # A document recognised as a report that cannot be read whole (no jurisdiction, no
        # period) is an error: its tables' rows would be lost, never "rightly skipped".
        status: FileStatus = "skipped" if exc.kind is None else "error"
        return FileResult(source, digest, status, str(exc), kind=exc.kind)
    except InputError as exc:
        return FileResult(source, digest, "error", str(exc))
    if not report.cells and report.unread:  # figures printed, none read: an error
        reason = f"recognised as {report.report}, but none of its {len(report.unread)} numbers read"
        return FileResult(source, digest, "error", reason, report)
    if not report.cells:
        return FileResult(source, digest, "skipped", "no table rows found", report)
    return FileResult(source, digest, "parsed", None, report)


class _TimeUp(BaseException):
    """A file ran over its time limit (a BaseException: no `except Exception` may keep it)."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise _TimeUp in this thread once `seconds` have passed (main thread, POSIX only; it
    stops Python code, not a call into PDFium: worker processes are killed for that)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def time_up(signum: int, frame: object) -> None:
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, time_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def time_limit_reason(settings: Settings) -> str:
    return f"took longer than the time limit of {settings.file_timeout:g} s (--file-timeout)"


def memory_reason(settings: Settings) -> str:
    if settings.memory_limit > 0 and (settings.isolate or settings.jobs > 1):
        mb = settings.memory_limit // (1024 * 1024)
        return f"ran out of memory reading it (the limit is {mb:,} MB, --memory-limit)"
    return "ran out of memory reading it"


def convert_file(item: InputFile, settings: Settings = DEFAULT_SETTINGS) -> tuple[FileResult, ...]:
    """Given one input file, its results (one per report it holds, see convert_bytes); reading
    problems become an `error` entry, and so does a file over the time limit
    (`settings.file_timeout`) or out of memory."""
    if item.skipped is not None:
        return (FileResult(item.source, None, "skipped", item.skipped),)
    try:
        with _time_limit(settings.file_timeout):
            return _convert_file(item, settings)
    except _TimeUp:
        return (FileResult(item.source, None, "error", time_limit_reason(settings)),)
    except MemoryError:
        return (FileResult(item.source, None, "error", memory_reason(settings)),)


def _convert_file(item: InputFile, settings: Settings) -> tuple[FileResult, ...]:
    try:
        data = read_bytes(item.path, settings.max_bytes)
    except InputError as exc:
        return (FileResult(item.source, None, "error", str(exc)),)
    if not data.strip():
        digest = hashlib.sha256(data).hexdigest()
        return (FileResult(item.source, digest, "skipped", "empty file"),)
    try:
        return convert_bytes(data, item.source, settings)
    except MemoryError:
        raise
    except Exception as exc:  # a parser bug must cost one file, not the run
        if settings.debug:
            raise
        return (
            FileResult(
                item.source, hashlib.sha256(data).hexdigest(), "error",
                f"internal error while parsing ({type(exc).__name__}: {exc}); rerun with --debug",
            ),
        )  # fmt: skip


def checked(result: FileResult) -> ReportFindings:
    """Given one report's result, its findings (all checks but duplicate_report), checked
    where it was parsed."""
    from .checks.checks import report_findings, source_of
    from .checks.report import FileSummary

    entry = FileSummary.of(result)
    cells = result.report.cells if result.report is not None else ()
    return report_findings(source_of(entry), cells, entry)


def _convert_one(item: InputFile, settings: Settings) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for result in convert_file(item, settings):
        found = checked(result)
        if settings.keep_cells or result.report is None or not result.report.cells:
            outcomes.append((result, None, found))
            continue
        from .assemble import CellColumns

        outcomes.append((result.light(), CellColumns.of(result.report.cells), found))
    return outcomes


def _lost(item: InputFile, reason: str) -> list[Outcome]:
    """What a file whose worker died, or ran over the time limit, gives."""
    result = FileResult(item.source, None, "error", reason)
    return [(result, None, checked(result))]


def convert_files(
    files: Sequence[InputFile],
    settings: Settings = DEFAULT_SETTINGS,
    progress: Callable[[FileResult], None] | None = None,
) -> ConversionResult:
    """Given discovered files, their results in the same order, a file's reports in the order
    it prints them (worker processes when jobs > 1 or `settings.isolate`: see workers.py for
    the limits they keep).

    Rows go into a `RowSink` as each result arrives; the results keep their cells only when
    `settings.keep_cells`."""
    from .checks.log import FindingSpool
    from .stream import RowSink

    sink = RowSink()
    log = FindingSpool()
    results: list[list[FileResult] | None] = [None] * len(files)

    def done(index: int, outcomes: list[Outcome]) -> None:
        kept: list[FileResult] = []
        for result, columns, found in outcomes:
            log.add(found)
            sink.add(result, columns)  # read into Arrow a batch of reports at a time
            if columns is None and not settings.keep_cells:
                result = result.light()
            kept.append(result)
        results[index] = kept
        if progress is not None:
            progress(kept[0])  # once per file

    jobs = min(settings.jobs, len(files))
    if jobs <= 1 and not settings.isolate:
        for i, f in enumerate(files):
            done(i, [(r, None, checked(r)) for r in convert_file(f, settings)])
    elif files:
        from .workers import run

        # PDFium is not thread-safe: processes, never threads. pyarrow is imported once the
        # workers run, so that the import overlaps with their parsing.
        run(files, settings, max(1, jobs), _convert_one, _lost, done, started=sink.prepare)
    assert all(r is not None for r in results)
    flat = tuple(r for found in results if found is not None for r in found)
    return ConversionResult(flat, sink, log)


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
    files = discover(inputs, exclude=exclude, follow_links=settings.follow_links)
    return convert_files(files, settings)


def validate(data: ConversionResult | pa.Table) -> ValidationReport:
    """Given a conversion's result (or converted rows as an Arrow table), every check's
    findings. `nhth validate` calls this."""
    from .checks import FileSummary, ValidationReport, check_rows
    from .checks.checks import finish_findings
    from .checks.frame import Source

    if not isinstance(data, ConversionResult):
        return check_rows(data)
    files = tuple(FileSummary.of(f) for f in data.files)
    sink, log = data.sink, data.log
    if sink is None or log is None:
        return check_rows(data.to_arrow(), files)
    # Each report was checked as it was converted; duplicate_report is left.
    keys = {Source(s, j, year, kind): (j, year, kind, s) for j, year, kind, s in sink.report_keys()}
    findings = finish_findings(log, keys, lambda s: sink.rows_of(keys[s]))
    return ValidationReport(files, findings, sink.rows)
