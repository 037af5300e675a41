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
from .split import split_reports


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


def report_texts(text: str) -> list[str]:
    """Given a document's text, one text per report it holds (split.split_reports): each the
    whole document's text with the lines of every other report blanked (their form feeds kept)
    and the reports after it left out, so that line and page numbers stay those of the whole
    document, in rows, warnings and unread numbers alike. One report: [text]."""
    parts = split_reports(text)
    if len(parts) == 1:
        return [text]
    lines = text.split("\n")
    out: list[str] = []
    for offset, part in parts:
        before = "".join("\f" * line.count("\f") + "\n" for line in lines[:offset])
        out.append(before + part)
    return out


__all__ = ["find_jurisdiction", "parse_document", "report_texts"]
