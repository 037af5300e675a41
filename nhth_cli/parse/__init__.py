"""Given a document's text, the report it holds: kind, jurisdiction, period and cells."""

from __future__ import annotations

import re

from ..classify import classify
from ..errors import NotAReportError
from ..normalize import jurisdictions
from ..normalize.periods import find_period
from ..records import Jurisdiction, ParsedReport
from .hotline_report import parse_hotline_report
from .lines import Line, split_lines
from .state_profile import parse_state_profile

# The title starts a line, or a column of it ("DATA REPORT      Connecticut State Report: ...").
_TITLE = re.compile(
    r"(?:^|(?<=\s\s))(?P<name>[A-Z][A-Za-z.,']*(?: [A-Za-z.,']+){0,6}?)"
    r"\s*(?::\s*Efforts to Combat\b|"
    r"\s(?:State|Territory|Commonwealth|District|National|Country) Report\b)",
)
# What a title line must hold for _TITLE to match it: a cheap test before the costly pattern.
_TITLE_WORDS = re.compile(r" Report\b|:\s*Efforts to Combat")
# Where the body names the jurisdiction: the name starts where each pattern ends.
_BODY = (
    re.compile(r"\bIn (?=[^,]{2,60}, a total of \d)", re.I),
    re.compile(r"Substantive Calls Received from ", re.I),
    re.compile(r"related to human trafficking in ", re.I),
    re.compile(r"response to human trafficking in ", re.I),
)


def _body_jurisdiction(flat: str) -> Jurisdiction | None:
    for pattern in _BODY:
        for m in pattern.finditer(flat):
            j = jurisdictions.name_at(flat, m.end())
            if j is not None:
                return j
    return None


def find_jurisdiction(
    lines: list[Line], text: str, file_stem: str
) -> tuple[Jurisdiction | None, list[str]]:
    """Title first, else body, else file name; a disagreement is a warning."""
    title = next(
        (j for line in lines[:80]
         if _TITLE_WORDS.search(line.text) and (m := _TITLE.search(line.text.strip()))
         and (j := jurisdictions.match_name(m["name"])) is not None),
        None,
    )  # fmt: skip
    flat = " ".join(text.split())
    body = _body_jurisdiction(flat)
    named = jurisdictions.from_file_name(file_stem)
    chosen = title or body or named
    warnings = []
    for where, other in (("body", body), ("file name", named)):
        if chosen and other and other != chosen:
            warnings.append(
                f"jurisdiction {chosen.name!r} from the document, {other.name!r} from the {where}"
            )
    return chosen, warnings


def parse_document(text: str, file_stem: str = "") -> ParsedReport:
    """Given a document's text (form feeds separate pages), the report it holds.

    Raises NotAReportError when the document is not a report or lacks its jurisdiction or period.
    """
    kind = classify(text)
    if kind.kind is None:
        raise NotAReportError(kind.reason or "not a report")
    lines = split_lines(text)
    jurisdiction, warnings = find_jurisdiction(lines, text, file_stem)
    if jurisdiction is None:
        raise NotAReportError("no jurisdiction found in title, text or file name", kind.kind)
    period = find_period(" ".join(text.split()))
    if period is None:
        raise NotAReportError("no reporting period found", kind.kind)
    if kind.kind == "hotline_report":
        hot = parse_hotline_report(lines)
        return ParsedReport(
            kind.kind, jurisdiction, period, tuple(hot.cells), tuple(warnings + hot.warnings),
            tuple(hot.loose), hot.nationwide_signals, hot.call_volume_rank,
        )  # fmt: skip
    prof = parse_state_profile(lines)
    return ParsedReport(
        kind.kind, jurisdiction, period, tuple(prof.cells), tuple(warnings + prof.warnings),
        tuple(prof.loose),
    )  # fmt: skip
