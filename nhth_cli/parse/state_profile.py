"""The HHS state profile layout: `Label: value` demographics and venue statements."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..normalize.labels import FOOTNOTE_CHARS, clean_label
from ..normalize.numbers import COUNT, SUPPRESSED, is_suppressed, parse_count
from ..normalize.periods import YEAR_WORDS, is_report_year
from ..records import Cell, LooseLine
from .lines import Line
from .rows import ends_open, looks_like_row

_DEMOGRAPHICS = re.compile(r"^DEMOGRAPHICS OF POTENTIAL (?:PERSONS|VICTIMS) TRAFFICKED", re.I)
_GROUPS = ("Citizenship", "Gender", "Age")
_GROUP_WORD = re.compile(r"\b(" + "|".join(_GROUPS) + r")\b")
_PAIR = re.compile(
    rf"(?P<label>[A-Z][^:]{{0,60}}?):\s*(?P<value>{SUPPRESSED}|{COUNT})(?=\s|$|[*¹²³⁴⁵⁶⁷⁸⁹⁰])", re.I
)
_VENUES = re.compile(r"^(SEX|LABOR) TRAFFICKING VENUES(?![A-Za-z0-9_])", re.I)  # ¹ may follow
# The statement starts its line (a bullet may lead): a row above it is no part of it.
_ALL_FIRST = re.compile(r"[^A-Za-z0-9]*All\b", re.I)
_ALL_FEWER = re.compile(
    rf"{_ALL_FIRST.pattern} (?:sex|labor) trafficking venues (?:were )?reported fewer than three",
    re.I,
)
# A venue row: label, then its count, perhaps with a footnote mark ("Agriculture: 12*").
_VENUE_ROW = re.compile(
    rf"^(?P<label>[A-Za-z][^:]{{1,60}}?)(?::\s*|\s+)(?P<value>{SUPPRESSED}|{COUNT})"
    rf"(?:\s*[{FOOTNOTE_CHARS}]+)?$"
)
_SECTION_END = re.compile(r"^[^a-z]*[A-Z]{3}[^a-z]*$")
# A venue heading anywhere on a line, alone up to a gap or the line's end (no sentence that
# names venues): one right of other text starts a second column.
_VENUES_IN = re.compile(
    rf"(?:SEX|LABOR) TRAFFICKING VENUES[{FOOTNOTE_CHARS}]*(?=\s{{2,}}|\s*$)", re.I
)
# The start of a statement that all venues were reported fewer than three times.
_STATEMENT_START = re.compile(r"\bAll\s+(?:sex|labor)\s+trafficking\s+venues\b", re.I)
_GAP = re.compile(r"\s{2,}")
_DRIFT = 3  # columns a column's text may stand left or right of its heading's start


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
    """How many lines from i hold "All ... venues reported fewer than three times", starting
    line i; 0 if none."""
    if not _ALL_FIRST.match(texts[i]):  # a cheap look first: most lines are rows
        return 0
    for used in range(1, 4):
        window = texts[i : i + used]
        if used > 1 and (_VENUES.match(window[-1]) or not window[-1]):
            return 0
        if _ALL_FEWER.match(" ".join(" ".join(window).split())):  # justified text: wide spaces
            return used
    return 0


def _is_date(label: str, value: str) -> bool:
    """Whether a label and the number after it are a sentence ending in a year ("Venues reported
    in 2016"): a date, never a row (SPEC.md)."""
    if not value.isdigit() or not is_report_year(int(value)):
        return False
    words = label.split()
    return ends_open(label) or (bool(words) and words[-1].lower() in YEAR_WORDS)


def _is_date_line(text: str) -> bool:
    """Whether a line is a label and number that make a date ("Figures reported since 2016")."""
    row = _VENUE_ROW.match(text)
    return row is not None and _is_date(row["label"], row["value"])


def _venue_pairs(text: str) -> list[re.Match[str]]:
    """The `Label: value` pairs of a line that prints two or more and nothing else (venue rows
    side by side: "Hotel/Motel-Based: 7     Spa: 4"), dates left out; [] for any other line."""
    pairs = list(_PAIR.finditer(text))
    if len(pairs) < 2 or _PAIR.sub("", text).strip(f" \t{FOOTNOTE_CHARS}"):
        return []
    return [m for m in pairs if not _is_date(m["label"], m["value"])]


def _right_column(raw: str) -> int | None:
    """The column of a venue heading printed right of other text after a gap (venue sections
    side by side, as pdftotext -layout prints them); None when there is none."""
    for m in _VENUES_IN.finditer(raw):
        left = raw[: m.start()]
        if left.strip() and left.endswith("  "):
            return m.start()
    return None


def _split_at(raw: str, column: int) -> tuple[str, str] | None:
    """Given a line of two columns side by side and the right column's start, the line's left
    and right parts; None when its text runs across the right column's start (no gap there: the
    columns have ended)."""
    if not raw[: max(column - _DRIFT, 0)].strip():
        return "", raw
    if len(raw.rstrip()) <= column:
        return raw, ""
    for gap in _GAP.finditer(raw):
        if gap.start() <= column + _DRIFT and gap.end() >= column - _DRIFT:
            return raw[: gap.start()], raw[gap.end() :]
    return None


def _unfold_columns(lines: list[Line]) -> list[Line]:
    """Given a profile's lines, the same lines with venue sections printed side by side read one
    column after the other: the left parts of the block's lines, then their right parts, each
    with its line's number and page. A block runs from the line of the headings side by side to
    the first line whose text crosses the gap between the columns, or the next such line."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        column = _right_column(lines[i].text)
        if column is None:
            out.append(lines[i])
            i += 1
            continue
        left: list[Line] = []
        right: list[Line] = []
        while i < len(lines):  # no slice: hostile text may hold a block a line
            line = lines[i]
            parts = _split_at(line.text, column)
            if parts is None or (left and _right_column(line.text) is not None):
                break
            left.append(line._replace(text=parts[0]))
            right.append(line._replace(text=parts[1]))
            i += 1
        out += left + right
    return out


def _unread_statements(texts: list[str], read: dict[int, int]) -> list[int]:
    """Given the lines' texts and the venue statements read (first line: lines it took), the
    lines that print a statement no row holds: each statement read holds one."""
    left: list[int] = []
    taken = {j for i, used in read.items() for j in range(i + 1, i + used)}
    for i in range(len(texts)):
        if i in taken:
            continue
        window = " ".join(texts[i : i + read.get(i, 1)])
        if len(_STATEMENT_START.findall(window)) > (i in read):
            left.append(i)
    return left


def _wrapped_label(texts: list[str], i: int) -> str:
    """The start of a venue label wrapped onto line i from the line above ("Residence-Based
    Commercial Sex and" / "Massage Parlors: 4"): that line when it ends open (a connector word,
    ",", "/", "-" or "&"), holds no digit and is no heading or statement; else ''."""
    above = texts[i - 1] if i else ""
    if (
        not above
        or not ends_open(above)
        or any(ch.isdigit() for ch in above)
        or _SECTION_END.match(above)
        or _VENUES.match(above)
        or _STATEMENT_START.search(above)
    ):
        return ""
    return above if above.endswith("/") else above + " "


def _value_cell(table: str, label: str, value: str, line: Line, parent: str | None) -> Cell:
    supp = is_suppressed(value)
    return Cell(table, clean_label(label), None if supp else parse_count(value), None, supp,
                line.number, line.page, parent)  # fmt: skip


def parse_state_profile(lines: list[Line]) -> ProfileParse:
    """Given a state profile's lines, its demographic and venue cells in printed order (venue
    sections printed side by side: column by column)."""
    out = ProfileParse()
    lines = _unfold_columns(lines)
    section: str | None = None
    groups: list[tuple[int, str]] = []  # (column, group) of the current group heading line
    order: list[tuple[int, int, int, Cell]] = []  # (group rank, line, column, cell)
    group_rank: dict[str, int] = {}  # groups in the order they are first printed
    consumed: set[int] = set()  # indices in lines
    statements: dict[int, int] = {}  # first line of each venue statement read: lines it took
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
                consumed.add(i)
                continue
            if _SECTION_END.match(text) or text.startswith("*"):
                section = None
        elif section and section.endswith("_venues"):
            # The statement may wrap: read it with as few of the next two lines as it takes.
            used = _statement_lines(texts, i)
            if used and i not in consumed:
                cell = Cell(section, "All Venues", None, None, True, line.number, line.page)
                order.append((1000, i, 0, cell))
                consumed.update(range(i, i + used))
                statements[i] = used
                continue
            row = _VENUE_ROW.match(text)
            wrapped = _VENUE_ROW.match(_wrapped_label(texts, i) + text) if row else None
            row = wrapped or row
            if row and not _is_date(row["label"], row["value"]):
                cell = _value_cell(section, row["label"], row["value"], line, None)
                order.append((1000, i, 0, cell))
                consumed.add(i)
                continue
            pairs = [] if row else _venue_pairs(text)
            for m in pairs:
                cell = _value_cell(section, m["label"], m["value"], line, None)
                order.append((1000, i, m.start(), cell))
                consumed.add(i)
            if pairs:
                continue
            if _SECTION_END.match(text) and text.upper() != "TOP":
                section = None
        if i not in consumed and looks_like_row(text) and not _is_date_line(text):
            out.loose.append(LooseLine(line.number, line.page, text))
    for i in _unread_statements(texts, statements):
        line = lines[i]
        out.warnings.append(
            f"line {line.number}: a statement that all venues were reported fewer than three "
            f"times is not read: {texts[i]!r}"
        )
        if i not in consumed and all(ln.line != line.number for ln in out.loose):
            out.loose.append(LooseLine(line.number, line.page, texts[i]))
    order.sort(key=lambda item: item[:3])
    out.cells = [cell for *_, cell in order]
    out.loose.sort(key=lambda ln: ln.line)
    return out
