"""Given a document's text, the report it holds: kind, jurisdiction, period and cells."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..accounting import unread_numbers
from ..classify import classify
from ..errors import NotAReportError
from ..normalize import jurisdictions
from ..normalize.casefold import in_lower_case
from ..normalize.periods import find_period
from ..records import Jurisdiction, ParsedReport
from .flow import flat_text, fold_lines
from .hotline_report import parse_hotline_report
from .lines import read_lines
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
# The same in lower case, for the text in lower case (see casefold.lowered). The first
# pattern matches at most 63 characters before ", a total of "; the others are plain words.
_IN_TOTAL = in_lower_case(_BODY[0])
_TOTAL_WORDS = ", a total of "
_BODY_WORDS = tuple(p.pattern.lower() for p in _BODY[1:])


def _body_name_starts(flat: str, low: str | None) -> Iterator[int]:
    """Where each _BODY pattern ends in flat, pattern by pattern, left to right."""
    if low is None:
        for pattern in _BODY:
            yield from (m.end() for m in pattern.finditer(flat))
        return
    at = low.find(_TOTAL_WORDS)
    if at >= 0:
        yield from (m.end() for m in _IN_TOTAL.finditer(low, max(0, at - 63)))
    for words in _BODY_WORDS:
        at = low.find(words)
        while at >= 0:
            yield at + len(words)
            at = low.find(words, at + len(words))


def _body_jurisdiction(flat: str, low: str | None) -> Jurisdiction | None:
    for end in _body_name_starts(flat, low):
        j = jurisdictions.name_at(flat, end)
        if j is not None:
            return j
    return None


def find_jurisdiction(
    lines: list[str], flat: str, file_stem: str, low: str | None = None
) -> tuple[Jurisdiction | None, list[str]]:
    """Given a document's cleaned lines, its text with white space folded to single spaces
    (and that lower-cased, see casefold.lowered) and its file name: the jurisdiction from the
    title first, else body, else file name; a disagreement is a warning."""
    title = next(
        (j for text in lines[:80]
         if (" Report" in text or "Efforts to Combat" in text) and _TITLE_WORDS.search(text)
         and (m := _TITLE.search(text.strip()))
         and (j := jurisdictions.match_name(m["name"])) is not None),
        None,
    )  # fmt: skip
    body = _body_jurisdiction(flat, low)
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
    """Given a document's text (form feeds separate pages), the report it holds, with the
    numbers it prints as data that no row holds (accounting.unread_numbers).

    Raises NotAReportError when the document is not a report or lacks its jurisdiction or period.
    """
    report = _read_report(text, file_stem)
    figures = (report.nationwide_signals, report.call_volume_rank)
    return replace(report, unread=unread_numbers(text, report.cells, figures))


def _read_report(text: str, file_stem: str) -> ParsedReport:
    kind = classify(text)
    if kind.kind is None:
        raise NotAReportError(kind.reason or "not a report")
    lines = read_lines(text)
    # Sentences wrap across lines: patterns read the text with its white space folded.
    folded = fold_lines(lines.texts)
    flat = flat_text(folded, lines.printed)
    jurisdiction, warnings = find_jurisdiction(lines.texts, flat.text, file_stem, flat.low)
    if jurisdiction is None:
        raise NotAReportError("no jurisdiction found in title, text or file name", kind.kind)
    period = find_period(flat.text, flat.low)
    if period is None:
        raise NotAReportError("no reporting period found", kind.kind)
    if kind.kind == "hotline_report":
        hot = parse_hotline_report(lines, folded, flat)
        return ParsedReport(
            kind.kind, jurisdiction, period, tuple(hot.cells), tuple(warnings + hot.warnings),
            tuple(hot.loose), hot.nationwide_signals, hot.call_volume_rank,
        )  # fmt: skip
    prof = parse_state_profile(lines.as_list())
    return ParsedReport(
        kind.kind, jurisdiction, period, tuple(prof.cells), tuple(warnings + prof.warnings),
        tuple(prof.loose),
    )  # fmt: skip
