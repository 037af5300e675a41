"""Validation: checks that the numbers add up, as findings (SPEC.md, Validation).

The checks take rows and the file entries, and the tables' metadata from the layouts; they
import nothing of the pipeline. One path for every run (checks.py): `report_findings` per
report, then `finish_findings` across reports; `check_rows` runs both over converted rows,
and `pipeline.validate` finishes a conversion whose reports were checked as they were parsed.
"""

from __future__ import annotations

from .checks import check_rows
from .report import FileSummary, Finding
from .summary import ValidationReport

__all__ = ["FileSummary", "Finding", "ValidationReport", "check_rows"]
