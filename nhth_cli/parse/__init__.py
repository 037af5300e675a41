"""Given a document's text, the report it holds: kind, jurisdiction, period and cells.

The layouts (nhth_cli/layouts/) each score the text; the best-scoring one parses it.
"""

from __future__ import annotations

from ..classify import skip_reason
from ..errors import NotAReportError
from ..layouts import best_layout
from ..records import ParsedReport
from .facts import find_jurisdiction


def parse_document(text: str, file_stem: str = "") -> ParsedReport:
    """Given a document's text (form feeds separate pages), the report it holds.

    Raises NotAReportError when the document is not a report or lacks its jurisdiction or period.
    """
    layout = best_layout(text) if text and not text.isspace() else None
    if layout is None:
        raise NotAReportError(skip_reason(text))
    return layout.parse(text, file_stem)


__all__ = ["find_jurisdiction", "parse_document"]
