"""Frozen records passed between the stages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

FileStatus = Literal["parsed", "skipped", "error"]


@dataclass(frozen=True, slots=True)
class Cell:
    """One printed row of a table: what the parser read, before document facts are added."""

    table: str
    category: str
    count: int | None
    pct: float | None
    suppressed: bool
    line: int
    page: int | None
    parent: str | None = None
    is_total: bool = False
    # Where a row's own facts differ from its document's: a state's row in the national table,
    # an all-time row of a state's statistics page. None: the document's.
    jurisdiction: Jurisdiction | None = None
    period: Period | None = None

    @property
    def count_min(self) -> int | None:
        return 0 if self.suppressed else self.count

    @property
    def count_max(self) -> int | None:
        return 2 if self.suppressed else self.count


@dataclass(frozen=True, slots=True)
class LooseLine:
    """A line that looks like a table row but was read into no table."""

    line: int
    page: int | None
    text: str


@dataclass(frozen=True, slots=True)
class UnreadNumber:
    """A number the document prints as data that no row holds (accounting.unread_numbers)."""

    line: int
    page: int | None
    text: str  # the number as printed
    context: str  # its line, stripped
    # count, pct, withheld, malformed (a number no row could hold: -33, 3,3), or too_many (the
    # document prints more numbers than are accounted for; context says how many)
    kind: str


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date

    @property
    def year(self) -> int:
        return self.end.year


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    name: str
    code: str


@dataclass(frozen=True)
class ParsedReport:
    """Everything read from one document."""

    report: str
    jurisdiction: Jurisdiction
    period: Period
    cells: tuple[Cell, ...]
    warnings: tuple[str, ...] = ()
    loose_lines: tuple[LooseLine, ...] = ()
    nationwide_signals: int | None = None
    call_volume_rank: int | None = None
    # Numbers printed as data that no row holds: filled in by accounting.unread_numbers.
    unread: tuple[UnreadNumber, ...] = ()
    # (table, what): rows the layout prints in every document that this one lacks (a state of
    # the national table by state); complete_table fails the report for each.
    missing: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FileResult:
    """The outcome for one report of an input file (a file of several reports has one result
    per report, all with its source), or for a file that gave no report, as the validation
    summary lists it."""

    source: str
    sha256: str | None
    status: FileStatus
    reason: str | None = None
    report: ParsedReport | None = field(default=None, repr=False)
    # Rows read, when the cells were dropped after their rows went into Arrow (`light()`).
    row_count: int | None = field(default=None, repr=False)
    # The report kind of a document recognised as a report but skipped (no jurisdiction...).
    kind: str | None = None
    # A PDF's pages (1-based) that gave no text though pages around them did, or that drew
    # nothing (content PDFium could not decode): their rows may be lost, and the check
    # `unreadable_pages` fails the file. None when the file is no PDF or was not read.
    empty_pages: tuple[int, ...] | None = None

    @property
    def rows(self) -> int:
        if self.row_count is not None:
            return self.row_count
        return len(self.report.cells) if self.report else 0

    def with_facts(self, jurisdiction: Jurisdiction | None, period: Period | None) -> FileResult:
        """The same result with the report's jurisdiction or period replaced (those not None):
        the facts of rows that carry their own (Cell.jurisdiction, Cell.period)."""
        if self.report is None or (jurisdiction is None and period is None):
            return self
        return replace(
            self,
            report=replace(
                self.report,
                jurisdiction=jurisdiction or self.report.jurisdiction,
                period=period or self.report.period,
            ),
        )

    def light(self) -> FileResult:
        """The same result without the cells (their rows are kept elsewhere, as Arrow)."""
        if self.report is None or not self.report.cells:
            return self
        return replace(self, report=replace(self.report, cells=()), row_count=self.rows)


Overrides = tuple["Jurisdiction | None", "Period | None"]


def runs_of(overrides: Sequence[Overrides]) -> list[tuple[Overrides, int, int]]:
    """Runs of consecutive cells with the same own facts (Cell.jurisdiction, Cell.period), from
    each cell's: ((jurisdiction, period), start, end). Rows sort by these facts (SPEC.md)."""
    out: list[tuple[Overrides, int, int]] = []
    start = 0
    for i in range(1, len(overrides) + 1):
        if i == len(overrides) or overrides[i] != overrides[start]:
            out.append((overrides[start], start, i))
            start = i
    return out


@dataclass(frozen=True, slots=True)
class Settings:
    """Options of a conversion; the CLI builds one from its flags."""

    jobs: int = 1
    max_bytes: int = 200 * 1024 * 1024
    # Follow symbolic links that lead out of a folder walked (else they are listed as skipped).
    follow_links: bool = False
    # Seconds one file may take (0: no limit). Worker processes are killed when over it; in
    # one process (jobs 1, not `isolate`) it stops Python code, not PDFium.
    file_timeout: float = 60.0
    # Bytes of address space a worker process may use (0: no limit); a file that needs more
    # is an error.
    memory_limit: int = 512 * 1024 * 1024
    # Characters of text a PDF page, and a whole PDF, may give (decompression bombs).
    max_page_chars: int = 1_000_000
    max_text_chars: int = 50_000_000
    # Convert in worker processes even with one job, so that the limits hold (the CLI).
    isolate: bool = False
    # Let a parser's bug raise (a traceback, `--debug`) instead of becoming its file's error.
    debug: bool = False
    # Keep each file's cells in `ConversionResult.files` (the Python API). The CLI does not: its
    # rows live only as Arrow batches, which keeps a 10,000-report conversion small.
    keep_cells: bool = True
