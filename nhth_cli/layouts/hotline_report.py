"""The 2016 hotline state report: overview signals, headline sentences, `# OF CALLS` tables."""

from __future__ import annotations

from ..classify import names_hotline
from ..normalize.casefold import Folded
from ..records import ParsedReport
from .base import Layout
from .hotline_tables import KIND, QUANTITIES, TABLES, TOTAL, TRAFFICKING_TYPES

_HOTLINE_MARKS = (
    Folded.of(r"#\s*OF\s+(?:CALLS|CASES)"),
    Folded.of(r"NATIONAL\s+HUMAN\s+TRAFFICKING\s+HOTLINE\s+DATA\s+REPORT"),
    Folded.of(r"Number\s+of\s+Substantive\s+Calls\s+Received"),
    Folded.of(r"a\s+total\s+of\s+\d[\d,]*\s+unique\s+cases"),
    Folded.of(r"VENUE/INDUSTRY\s+OF\s+POTENTIAL\s+TRAFFICKING"),
    Folded.of(r"PRIMARY\s+REASON\s+FOR\s+CONTACTING"),
)
_TABLE_COLUMNS = _HOTLINE_MARKS[0]


def recognise(text: str) -> float:
    """1 for `# OF CALLS`/`# OF CASES` tables in a text naming the hotline; 0.8 for two of the
    report's other marks (its title, headline sentences, headings); else 0."""
    if not names_hotline(text):
        return 0.0
    if _TABLE_COLUMNS.search(text):
        return 1.0
    if sum(p.search(text) for p in _HOTLINE_MARKS[1:]) >= 2:
        return 0.8
    return 0.0


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
    recognise,
    parse,
    QUANTITIES,
)

__all__ = ["KIND", "LAYOUT", "QUANTITIES", "TABLES", "TOTAL", "TRAFFICKING_TYPES", "parse"]
