"""Given a document's text, the report it holds: kind, jurisdiction, period and cells.

The layouts (nhth_cli/layouts/) each score the text; the best-scoring one parses it.
"""

from __future__ import annotations

from dataclasses import replace

from ..classify import skip_reason
from ..errors import NotAReportError
from ..layouts import best_layout
from ..records import ParsedReport
from .accounting import unread_numbers
from .facts import find_jurisdiction


def parse_document(text: str, file_stem: str = "") -> ParsedReport:
    """Given a document's text (form feeds separate pages), the report it holds, with the
    numbers it prints as data that no row holds (accounting.unread_numbers).

    Raises NotAReportError when the document is not a report or lacks its jurisdiction or period.
    """
    layout = best_layout(text) if text and not text.isspace() else None
    if layout is None:
        raise NotAReportError(skip_reason(text))
    report = layout.parse(text, file_stem)
    figures = (report.nationwide_signals, report.call_volume_rank)
    return replace(report, unread=unread_numbers(text, report.cells, figures))


__all__ = ["find_jurisdiction", "parse_document"]
