"""Validation: checks that the numbers add up, as findings (SPEC.md, Validation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .report import FileSummary, Finding, ValidationReport

if TYPE_CHECKING:
    import pyarrow as pa

    from ..pipeline import ConversionResult

__all__ = ["FileSummary", "Finding", "ValidationReport", "validate"]


def validate(
    data: ConversionResult | pa.Table, files: tuple[FileSummary, ...] | None = None
) -> ValidationReport:
    """Given a conversion result (or its rows as an Arrow table), every check's findings."""
    from ..pipeline import ConversionResult
    from .checks import finish_log, run_checks

    if isinstance(data, ConversionResult) and data.sink is not None and data.log is not None:
        # Each report was checked as it was converted; only duplicate_report is left to run.
        files = tuple(FileSummary.of(f) for f in data.files)
        return ValidationReport(files, finish_log(data.log, data.sink), data.sink.rows)
    if isinstance(data, ConversionResult):
        table = data.to_arrow()
        files = tuple(FileSummary.of(f) for f in data.files)
    else:
        table = data  # without `files`, one entry per source is rebuilt from its rows
    files, log = run_checks(table, files)
    return ValidationReport(files, log, table.num_rows)
