"""The HHS state profile: `Label: value` demographics and sex/labor venue statements."""

from __future__ import annotations

from ..classify import names_hotline
from ..normalize.casefold import Folded
from ..records import ParsedReport
from .base import Layout, TableSpec

KIND = "state_profile"
_R = (KIND,)

TABLES: tuple[TableSpec, ...] = (
    # The profile's form prints its seven groups' rows and both venue sections in every
    # profile, each row withheld (`<3`) or not, a section's venues or its statement.
    TableSpec("victim_demographics", "DEMOGRAPHICS OF POTENTIAL PERSONS TRAFFICKED", _R, False,
              "Cases by victim citizenship, gender and age (non-cumulative); parents are groups",
              ("U.S. Citizen/Legal Permanent Resident", "Foreign National", "Female", "Male",
               "Gender Minorities", "Adult", "Minor"), fixed_rows=True, always_printed=True,
              parent_of=(("U.S. Citizen/Legal Permanent Resident", "Citizenship"),
                         ("Foreign National", "Citizenship"), ("Female", "Gender"),
                         ("Male", "Gender"), ("Gender Minorities", "Gender"), ("Adult", "Age"),
                         ("Minor", "Age"))),
    TableSpec("sex_trafficking_venues", "SEX TRAFFICKING VENUES", _R, False,
              "Sex trafficking venues; 'All Venues' when all were reported fewer than three times",
              always_printed=True),
    TableSpec("labor_trafficking_venues", "LABOR TRAFFICKING VENUES", _R, False,
              "Labor trafficking venues; 'All Venues' when all were reported fewer than three "
              "times", always_printed=True),
)  # fmt: skip


_PROFILE_MARKS = (
    Folded.of(r"Efforts\s+to\s+Combat\s+Human\s+Trafficking"),
    Folded.of(r"DEMOGRAPHICS\s+OF\s+POTENTIAL\s+(?:PERSONS|VICTIMS)\s+TRAFFICKED"),
    Folded.of(r"(?:SEX|LABOR)\s+TRAFFICKING\s+VENUES"),
)


def recognise(text: str) -> float:
    """0.9 for two of the profile's headings in a text naming the hotline (below a hotline
    report's tables, above its other marks); 0.7 for all three in one that does not (a copy
    that lost the one line naming it is still a profile, to be read or to fail, never
    skipped); else 0."""
    marks = sum(p.search(text) for p in _PROFILE_MARKS)
    if names_hotline(text):
        return 0.9 if marks >= 2 else 0.0
    return 0.7 if marks == len(_PROFILE_MARKS) else 0.0


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
