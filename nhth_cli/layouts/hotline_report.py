"""The 2016 hotline state report: overview signals, headline sentences, `# OF CALLS` tables."""

from __future__ import annotations

from ..classify import hotline_report_score
from ..records import ParsedReport
from .base import Layout
from .hotline_tables import KIND, QUANTITIES, TABLES, TOTAL, TRAFFICKING_TYPES


def parse(text: str, file_stem: str) -> ParsedReport:
    """Given a hotline report's text and file name, the report."""
    from ..parse.facts import document_facts
    from ..parse.hotline_report import parse_hotline_report

    facts = document_facts(text, file_stem, KIND)
    hot = parse_hotline_report(facts.lines, facts.folded, facts.flat)
    return ParsedReport(
        KIND, facts.jurisdiction, facts.period, tuple(hot.cells),
        facts.warnings + tuple(hot.warnings), tuple(hot.loose), hot.nationwide_signals,
        hot.call_volume_rank,
    )  # fmt: skip


LAYOUT = Layout(
    KIND,
    "The hotline's state report (2016): signals, substantive calls and cases, `# OF CALLS` / "
    "`# OF CASES` tables",
    TABLES,
    hotline_report_score,
    parse,
    QUANTITIES,
)

__all__ = ["KIND", "LAYOUT", "QUANTITIES", "TABLES", "TOTAL", "TRAFFICKING_TYPES", "parse"]
