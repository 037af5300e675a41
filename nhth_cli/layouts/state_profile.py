"""The HHS state profile: `Label: value` demographics and sex/labor venue statements."""

from __future__ import annotations

from ..classify import names_hotline
from ..normalize.casefold import Folded
from ..records import ParsedReport
from .base import Layout, TableSpec

KIND = "state_profile"
_R = (KIND,)

TABLES: tuple[TableSpec, ...] = (
    TableSpec("victim_demographics", "DEMOGRAPHICS OF POTENTIAL PERSONS TRAFFICKED", _R, False,
              "Cases by victim citizenship, gender and age (non-cumulative); parents are groups"),
    TableSpec("sex_trafficking_venues", "SEX TRAFFICKING VENUES", _R, False,
              "Sex trafficking venues; 'All Venues' when all were reported fewer than three times"),
    TableSpec("labor_trafficking_venues", "LABOR TRAFFICKING VENUES", _R, False,
              "Labor trafficking venues; 'All Venues' when all were reported fewer than three "
              "times"),
)  # fmt: skip


_PROFILE_MARKS = (
    Folded.of(r"Efforts\s+to\s+Combat\s+Human\s+Trafficking"),
    Folded.of(r"DEMOGRAPHICS\s+OF\s+POTENTIAL\s+(?:PERSONS|VICTIMS)\s+TRAFFICKED"),
    Folded.of(r"(?:SEX|LABOR)\s+TRAFFICKING\s+VENUES"),
)


def recognise(text: str) -> float:
    """0.9 for two of the profile's headings in a text naming the hotline (below a hotline
    report's tables, above its other marks); else 0."""
    if not names_hotline(text):
        return 0.0
    return 0.9 if sum(p.search(text) for p in _PROFILE_MARKS) >= 2 else 0.0


def parse(text: str, file_stem: str) -> ParsedReport:
    """Given a state profile's text and file name, the report."""
    from ..parse.facts import document_facts
    from ..parse.state_profile import parse_state_profile

    facts = document_facts(text, file_stem, KIND)
    prof = parse_state_profile(facts.lines.as_list())
    return ParsedReport(
        KIND, facts.jurisdiction, facts.period, tuple(prof.cells),
        facts.warnings + tuple(prof.warnings), tuple(prof.loose),
    )  # fmt: skip


LAYOUT = Layout(
    KIND,
    "The HHS state profile: `Label: value` victim demographics and trafficking venues",
    TABLES,
    recognise,
    parse,
)
