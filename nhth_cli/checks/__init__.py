"""Validation: checks that the numbers add up, as findings (SPEC.md, Validation).

The checks take rows (an Arrow table of converted rows) and the file entries; they import
nothing of the pipeline (`pipeline.validate` checks a conversion's result)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .report import FileSummary, Finding, ValidationReport

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["FileSummary", "Finding", "ValidationReport", "check_rows"]


def check_rows(table: pa.Table, files: tuple[FileSummary, ...] | None = None) -> ValidationReport:
    """Given converted rows (read back from a file, or built whole) and, when known, the file
    entries, every check's findings; without `files`, one entry per report is rebuilt from
    its rows."""
    from .checks import run_checks

    entries, log = run_checks(table, files)
    return ValidationReport(entries, log, table.num_rows)
