"""Given a report's text, its document facts: lines, folded text, jurisdiction and period."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import NotAReportError
from ..normalize import jurisdictions
from ..normalize.casefold import in_lower_case
from ..normalize.periods import find_period
from ..records import Jurisdiction, Period
from .flow import Flat, flat_text, fold_lines
from .lines import Lines, read_lines

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


@dataclass(frozen=True)
class DocumentFacts:
    """What every report layout reads before its tables."""

    lines: Lines
    folded: list[str]
    flat: Flat
    jurisdiction: Jurisdiction
    period: Period
    warnings: tuple[str, ...]


def document_facts(text: str, file_stem: str, kind: str) -> DocumentFacts:
    """Given a report's text (form feeds separate pages) and its file name, its lines and
    facts. Raises NotAReportError when it lacks its jurisdiction or period."""
    lines = read_lines(text)
    # Sentences wrap across lines: patterns read the text with its white space folded.
    folded = fold_lines(lines.texts)
    flat = flat_text(folded, lines.printed)
    jurisdiction, warnings = find_jurisdiction(lines.texts, flat.text, file_stem, flat.low)
    if jurisdiction is None:
        raise NotAReportError("no jurisdiction found in title, text or file name", kind)
    period = find_period(flat.text, flat.low)
    if period is None:
        raise NotAReportError("no reporting period found", kind)
    return DocumentFacts(lines, folded, flat, jurisdiction, period, tuple(warnings))
