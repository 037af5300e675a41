"""The HHS state profile layout: `Label: value` demographics and venue statements."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..normalize.labels import FOOTNOTE_CHARS, clean_label
from ..normalize.numbers import COUNT, SUPPRESSED, is_suppressed, parse_count
from ..normalize.periods import is_report_year
from ..records import Cell, LooseLine
from .lines import Line
from .rows import ends_open, looks_like_row

_DEMOGRAPHICS = re.compile(r"^DEMOGRAPHICS OF POTENTIAL (?:PERSONS|VICTIMS) TRAFFICKED", re.I)
_GROUPS = ("Citizenship", "Gender", "Age")
_GROUP_WORD = re.compile(r"\b(" + "|".join(_GROUPS) + r")\b")
_PAIR = re.compile(
    rf"(?P<label>[A-Z][^:]{{0,60}}?):\s*(?P<value>{SUPPRESSED}|{COUNT})(?=\s|$|[*¹²³⁴⁵⁶⁷⁸⁹⁰])", re.I
)
_VENUES = re.compile(r"^(SEX|LABOR) TRAFFICKING VENUES\b", re.I)
_ALL_FEWER = re.compile(
    r"All (?:sex|labor) trafficking venues (?:were )?reported fewer than three", re.I
)
# A venue row: label, then its count, perhaps with a footnote mark ("Agriculture: 12*").
_VENUE_ROW = re.compile(
    rf"^(?P<label>[A-Za-z][^:]{{1,60}}?)(?::\s*|\s+)(?P<value>{SUPPRESSED}|{COUNT})"
    rf"(?:\s*[{FOOTNOTE_CHARS}]+)?$"
)
# Words a year follows in a sentence that are no connector ending a label ("reported since 2016").
_YEAR_WORDS = frozenset({"since", "through", "until", "during", "between", "year", "fy"})
_SECTION_END = re.compile(r"^[^a-z]*[A-Z]{3}[^a-z]*$")


@dataclass
class ProfileParse:
    cells: list[Cell] = field(default_factory=list)
    loose: list[LooseLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# What each group's labels say, for labels printed side by side in extracted PDF text.
_GROUP_WORDS = {
    "Citizenship": re.compile(r"citizen|foreign|national|resident", re.I),
    "Gender": re.compile(r"female|male|gender|transgender|women|men\b", re.I),
    "Age": re.compile(r"adult|\bminors?\b|child|\bage\b", re.I),
}


def _group_of(label: str, names: list[str]) -> str | None:
    """The one group of the current heading line whose words the label uses, if exactly one."""
    hits = [g for g in names if g in _GROUP_WORDS and _GROUP_WORDS[g].search(label)]
    return hits[0] if len(hits) == 1 else None


def _group_at(groups: list[tuple[int, str]], column: int, index: int | None) -> str | None:
    """As many pairs as groups: the n-th pair is the n-th group's. Otherwise, in a layout
    rendition, the nearest heading at or left of the pair's column is its group."""
    if not groups:
        return None
    if index is not None:
        return groups[index][1]
    left = [g for col, g in groups if col <= column + 2]
    return left[-1] if left else groups[0][1]


def _statement_lines(texts: list[str], i: int) -> int:
    """How many lines from i hold "All ... venues reported fewer than three times"; 0 if none."""
    for used in range(1, 4):
        window = texts[i : i + used]
        if used > 1 and (_VENUES.match(window[-1]) or not window[-1]):
            return 0
        if _ALL_FEWER.search(" ".join(window)):
            return used
    return 0


def _is_date(label: str, value: str) -> bool:
    """Whether a label and the number after it are a sentence ending in a year ("Venues reported
    in 2016"): a date, never a row (SPEC.md)."""
    if not value.isdigit() or not is_report_year(int(value)):
        return False
    words = label.split()
    return ends_open(label) or (bool(words) and words[-1].lower() in _YEAR_WORDS)


def _is_date_line(text: str) -> bool:
    """Whether a line is a label and number that make a date ("Figures reported since 2016")."""
    row = _VENUE_ROW.match(text)
    return row is not None and _is_date(row["label"], row["value"])


def _value_cell(table: str, label: str, value: str, line: Line, parent: str | None) -> Cell:
    supp = is_suppressed(value)
    return Cell(table, clean_label(label), None if supp else parse_count(value), None, supp,
                line.number, line.page, parent)  # fmt: skip


def parse_state_profile(lines: list[Line]) -> ProfileParse:
    """Given a state profile's lines, its demographic and venue cells in printed order."""
    out = ProfileParse()
    section: str | None = None
    groups: list[tuple[int, str]] = []  # (column, group) of the current group heading line
    order: list[tuple[int, int, int, Cell]] = []  # (group rank, line, column, cell)
    group_rank: dict[str, int] = {}  # groups in the order they are first printed
    consumed: set[int] = set()
    texts = [line.text.strip() for line in lines]
    for i, line in enumerate(lines):
        raw = line.text  # column positions matter for side-by-side groups
        text = raw.strip()
        if not text:
            continue
        if _DEMOGRAPHICS.match(text):
            section, groups = "demographics", []
            continue
        venue = _VENUES.match(text)
        if venue:
            section = f"{venue[1].lower()}_trafficking_venues"
            continue
        if section == "demographics":
            heads = [(m.start(), m[1]) for m in _GROUP_WORD.finditer(raw)]
            if heads and not _PAIR.search(raw):
                groups = heads
                continue
            pairs = [m for m in _PAIR.finditer(raw) if not _is_date(m["label"], m["value"])]
            if pairs:
                names = [g for _, g in groups]
                for n, m in enumerate(pairs):
                    parent = _group_of(m["label"], names) or _group_at(
                        groups, m.start(), n if len(pairs) == len(groups) else None
                    )
                    cell = _value_cell("victim_demographics", m["label"], m["value"], line, parent)
                    rank = group_rank.setdefault(parent or "", len(group_rank))
                    order.append((rank, line.number, m.start(), cell))
                consumed.add(line.number)
                continue
            if _SECTION_END.match(text) or text.startswith("*"):
                section = None
        elif section and section.endswith("_venues"):
            # The statement may wrap: read it with as few of the next two lines as it takes.
            used = _statement_lines(texts, i)
            if used and line.number not in consumed:
                cell = Cell(section, "All Venues", None, None, True, line.number, line.page)
                order.append((1000, line.number, 0, cell))
                consumed.update(ln.number for ln in lines[i : i + used])
                continue
            row = _VENUE_ROW.match(text)
            if row and not _is_date(row["label"], row["value"]):
                cell = _value_cell(section, row["label"], row["value"], line, None)
                order.append((1000, line.number, 0, cell))
                consumed.add(line.number)
                continue
            if _SECTION_END.match(text) and text.upper() != "TOP":
                section = None
        if line.number not in consumed and looks_like_row(text) and not _is_date_line(text):
            out.loose.append(LooseLine(line.number, line.page, text))
    order.sort(key=lambda item: item[:3])
    out.cells = [cell for *_, cell in order]
    return out
