"""The hotline's statistics page for one state (2021 on), as saved, printed or copied text.

The page prints its figures as headline sentences ("N signals were received by the Hotline in
YEAR from STATE", the number often on a line of its own above the words) and as blocks of
label/number pairs under a heading (the label on one line and the number on the next, or both on
one line, `Label: N`). The same reading serves the three forms people hold: the HTML page
(extract/html.py makes its text), the text copied from a browser and a browser-printed PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..errors import NotAReportError
from ..normalize import jurisdictions
from ..normalize.casefold import Folded
from ..normalize.labels import FOOTNOTE_CHARS, fold, snake_case
from ..normalize.numbers import SUPPRESSED, is_suppressed
from ..records import Cell, Jurisdiction, LooseLine, ParsedReport, Period
from .base import Layout, TableSpec

KIND = "web_statistics"
_R = (KIND,)
ALL_TIME_START = date(2007, 1, 1)  # "All Time Statistics (Since 2007)"

# The page prints each of these blocks on every state's page (the all-time block, and the
# year's: headline figures, ways found, signal types): one lost is a failure (complete_table).
TABLES: tuple[TableSpec, ...] = (
    TableSpec("summary", "Signals Received in YEAR; Cases Identified in YEAR", _R, False,
              "The year's Signals, Signals from Victims or Survivors, Cases and Victims",
              ("Signals", "Signals from Victims or Survivors", "Cases", "Victims"),
              fixed_rows=True, always_printed=True),
    TableSpec("ways_found", "Ways the Hotline was Found", _R, False,
              "The year's signals by how the contact found the hotline; no percents, no total",
              ("Internet", "Referral", "Other"), sums_to=("summary", "Signals"),
              always_printed=True),
    TableSpec("signal_types", "Signal Types", _R, False,
              "The year's signals by channel; no percents, no total",
              ("Hotline Call", "SMS Report", "Online Report", "Web Chat", "Email Received"),
              sums_to=("summary", "Signals"), always_printed=True),
    TableSpec("all_time_summary", "All Time Statistics (Since 2007)", _R, False,
              "Signals, Cases and Victims since 2007 (period_start 2007-01-01)",
              ("Signals", "Cases", "Victims"), fixed_rows=True, always_printed=True),
    TableSpec("all_time_signal_types", "All Time Statistics: Signals (by channel)", _R, False,
              "Signals since 2007 by channel (period_start 2007-01-01)",
              ("Hotline Call", "SMS Report", "Online Report", "Email Received", "Web Chat"),
              sums_to=("all_time_summary", "Signals"), always_printed=True),
)  # fmt: skip

# A count as the page prints it: thousands separated ("2,373"), or at most four digits.
_COUNT = r"\d{1,3}(?:,\d{3})+|\d{1,4}"
_VALUE = re.compile(rf"(?:{_COUNT}|{SUPPRESSED})", re.I)
_VALUES_ROW = re.compile(rf"^(?:(?:{_COUNT}|{SUPPRESSED})(?:\s+|$)){{2,}}$", re.I)
_NUMBER_LINE = re.compile(rf"^(?:{_COUNT}|{SUPPRESSED})$", re.I)
# `Label: N`, `Label<tab>N` (a label may hold digits: "Age 18-24: 12"), or `Label N` (then
# without digits, so that "Page 1 of 2" is no pair).
_PAIR_LINE = re.compile(
    rf"^(?:(?P<label>[A-Za-z][^:\t]{{0,60}}?)\s*(?::\s*|\t+)|(?P<plain>[A-Za-z][^\d:\t]{{0,60}}?)\s+)"
    rf"(?P<value>{_COUNT}|{SUPPRESSED})$", re.I
)  # fmt: skip

# The headline sentences: (table, category, pattern); the number is group "n".
_N = rf"(?P<n>{_COUNT})"
_SENTENCES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("summary", "Signals", re.compile(rf"{_N}\s+signals were received by the Hotline in\b", re.I)),
    ("summary", "Signals from Victims or Survivors",
     re.compile(rf"{_N}\s+signals received were from victims or survivors", re.I)),
    ("summary", "Cases", re.compile(rf"{_N}\s+cases were identified in\b", re.I)),
    ("summary", "Victims", re.compile(rf"{_N}\s+victims were involved in these cases", re.I)),
    ("all_time_summary", "Signals",
     re.compile(rf"has received\s+{_N}\s+signals since its inception", re.I)),
    ("all_time_summary", "Cases", re.compile(rf"has identified\s+{_N}\s+cases\b", re.I)),
    ("all_time_summary", "Victims", re.compile(rf"{_N}\s+victims were identified\b", re.I)),
)  # fmt: skip

_YEAR_HEADINGS = re.compile(r"^(?:Signals Received|Cases Identified) in (?P<year>\d{4})$", re.I)
_FROM_STATE = re.compile(r"signals were received by the Hotline in (\d{4}) from ", re.I)
_ALL_TIME = re.compile(r"^All Time Statistics\b", re.I)
_BY_YEAR = re.compile(r"^(?:Statistics by Year|Signals Received in \d{4})", re.I)
# Headings of the blocks nhth knows, folded: (section, heading) -> table. The all-time block
# prints its channels under "Signals" (after the sentence giving their total).
_KNOWN_BLOCKS = {
    ("year", fold("Ways the Hotline was Found")): "ways_found",
    ("year", fold("Signal Types")): "signal_types",
    ("all_time", fold("Signals")): "all_time_signal_types",
    ("all_time", fold("Signal Types")): "all_time_signal_types",
}
# Marks of the page's structure (recognise): any three make it one.
_MARKS = (
    Folded.of(r"^Signals Received in \d{4}\s*$", re.M, "signals received in "),
    Folded.of(r"^Signal Types\s*$", re.M, "signal types"),
    Folded.of(r"^Cases Identified in \d{4}\s*$", re.M, "cases identified in "),
    Folded.of(r"^Ways the Hotline was Found\s*$", re.M, "ways the hotline was found"),
    Folded.of(r"^All Time Statistics\b", re.M, "all time statistics"),
    Folded.of(r"signals were received by the Hotline in \d{4}"),
)


def recognise(text: str) -> float:
    """0.95 when the text has three of the page's marks (its block headings and headline
    sentence), 0.6 for two, else 0: by the page's structure, not by the hotline's name."""
    found = sum(p.search(text) for p in _MARKS)
    return 0.95 if found >= 3 else 0.6 if found == 2 else 0.0


@dataclass
class _Reader:
    """The page's lines (non-blank, stripped), and what has been read of them."""

    lines: list[tuple[int, int | None, str]]
    cells: list[Cell] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # indices into lines read into cells


def _is_year(token: str) -> bool:
    return token.isdecimal() and len(token) == 4 and 1990 <= int(token) <= 2100


def _number_at(lines: list[tuple[int, int | None, str]], i: int) -> bool:
    """Line i is a bare number (not a year) that no lower-case words continue on the next line
    (those make it a headline sentence)."""
    if i >= len(lines):
        return False
    text = lines[i][2]
    if not _NUMBER_LINE.match(text) or _is_year(text):
        return False
    after = lines[i + 1][2] if i + 1 < len(lines) else ""
    return not after[:1].islower()


def _heading_like(text: str) -> bool:
    """A short line of words that can head a block (not a sentence, not a number)."""
    return (
        0 < len(text) <= 80 and text[:1].isalpha() and not text.endswith((".", ",", ";"))
        and not _NUMBER_LINE.match(text)
    )  # fmt: skip


_MARKS_RUN = re.compile(f"[{FOOTNOTE_CHARS}]+")


def _label(text: str) -> str:
    """A label as printed without footnote marks (raised, or `*`) and with white space folded.
    Plain digits stay: on a web page a raised mark is raised (<sup>), and "Under 18" means 18."""
    return " ".join(_MARKS_RUN.sub(" ", text).split())


def _cell(table: str, label: str, value: str, line: tuple[int, int | None, str]) -> Cell:
    supp = is_suppressed(value)
    count = None if supp else int(value.replace(",", ""))
    return Cell(table, _label(label), count, None, supp, line[0], line[1])


def _sentences(reader: _Reader) -> None:
    """The headline sentences, each read once. A sentence may wrap (the number often stands on
    a line of its own above the words): each line is read with the next when that one goes on
    in lower case. The row's line is the one holding the number."""
    lines = reader.lines
    seen: set[tuple[str, str]] = set()
    for i, (_number, _page, text) in enumerate(lines):
        if _YEAR_HEADINGS.match(text):
            continue  # "Cases Identified in 2023": its year is no figure of the sentence below
        after = lines[i + 1][2] if i + 1 < len(lines) else ""
        if _VALUES_ROW.match(text) and after[:1].islower():
            _figures_side_by_side(reader, i, seen)
            continue
        joined = f"{text} {after}" if after[:1].islower() else text
        for table, category, pattern in _SENTENCES:
            if (table, category) in seen:
                continue
            m = pattern.search(joined)
            if m is None or m.start() > len(text):  # wholly on the next line: read there
                continue
            seen.add((table, category))
            holder = i if m.start("n") < len(text) else i + 1
            reader.cells.append(_cell(table, category, m["n"], lines[holder]))
            reader.used.add(holder)


# The headline sentences that start with their number, without it: for headline figures printed
# side by side (numbers on one line, their sentences on the next ones).
_WORDS_AFTER = tuple(
    (table, category, re.compile(pattern.pattern.removeprefix(_N + r"\s+"), re.I))
    for table, category, pattern in _SENTENCES
    if pattern.pattern.startswith(_N)
)


def _figures_side_by_side(reader: _Reader, i: int, seen: set[tuple[str, str]]) -> None:
    """Line i holds several numbers and the lines below (in lower case) as many headline
    sentences: each number goes with its sentence, in order."""
    lines = reader.lines
    values = [m.group(0) for m in _VALUE.finditer(lines[i][2])]
    below = []
    for k in range(i + 1, min(i + 4, len(lines))):  # the sentences, perhaps wrapped
        if _NUMBER_LINE.match(lines[k][2]) or _VALUES_ROW.match(lines[k][2]):
            break
        below.append(lines[k][2])
    words = " ".join(below)
    hits = sorted(
        (m.start(), table, category)
        for table, category, pattern in _WORDS_AFTER
        if (table, category) not in seen and (m := pattern.search(words))
    )[: len(values)]
    if len(hits) != len(values):
        return
    for value, (_, table, category) in zip(values, hits, strict=True):
        seen.add((table, category))
        reader.cells.append(_cell(table, category, value, lines[i]))
    reader.used.add(i)


def _blocks(reader: _Reader) -> None:
    """Label/number pairs under a heading: known blocks by their heading, other blocks under
    the snake_case of theirs, with a warning."""
    lines = reader.lines
    section: str | None = None
    heading: str | None = None
    table: str | None = None
    i = 0
    while i < len(lines):
        text = lines[i][2]
        if _ALL_TIME.match(text):
            section, heading, table = "all_time", None, None
        elif _BY_YEAR.match(text):
            section, heading, table = "year", None, None
        if section is None or i in reader.used:
            i += 1
            continue
        pair: tuple[str, str, int] | None = None
        if _heading_like(text) and _number_at(lines, i + 1):
            pair = (text, lines[i + 1][2], i + 1)
        elif (m := _PAIR_LINE.match(text)) and not _is_year(m["value"]):
            pair = (m["label"] or m["plain"], m["value"], i)
        if pair is None:
            side = _side_by_side(lines, i) if _heading_like(text) else None
            if side is not None:  # cards in a row, printed: labels on one line, numbers below
                if table is None:
                    table = _table_of(reader, section, heading, lines[i])
                reader.cells.extend(_cell(table, lab, val, lines[i + 1]) for lab, val in side)
                reader.used.update((i, i + 1))
                i += 2
                continue
            if _heading_like(text):
                heading, table = text, None
            i += 1
            continue
        if table is None:
            table = _table_of(reader, section, heading, lines[i])
        reader.cells.append(_cell(table, pair[0], pair[1], lines[pair[2]]))
        reader.used.update((i, pair[2]))
        i = pair[2] + 1


_KNOWN_LABELS = sorted({fold(label) for t in TABLES for label in t.labels}, key=len, reverse=True)


def _split_labels(text: str, n: int) -> list[str] | None:
    """A line of n labels side by side: known labels read longest first, else one word each."""
    words = text.split()
    labels: list[str] = []
    k = 0
    while k < len(words):
        for known in _KNOWN_LABELS:
            size = known.count(" ") + 1
            if fold(" ".join(words[k : k + size])) == known:
                labels.append(" ".join(words[k : k + size]))
                k += size
                break
        else:
            labels.append(words[k])
            k += 1
    if len(labels) == n:
        return labels
    return words if len(words) == n else None


def _side_by_side(lines: list[tuple[int, int | None, str]], i: int) -> list[tuple[str, str]] | None:
    """Line i holds labels and line i + 1 as many numbers (not years): the pairs, in order."""
    if i + 1 >= len(lines) or not _VALUES_ROW.match(lines[i + 1][2]):
        return None
    values = [m.group(0) for m in _VALUE.finditer(lines[i + 1][2])]
    if any(_is_year(v) for v in values):
        return None
    labels = _split_labels(lines[i][2], len(values))
    return list(zip(labels, values, strict=True)) if labels else None


def _drop_lone_pairs(reader: _Reader) -> None:
    """A block of an unknown heading with a single label/number pair is no table (a page
    footer's "TTY: 711"): its line is left unread, with a warning."""
    known = {t.id for t in TABLES}
    sizes: dict[str, int] = {}
    for c in reader.cells:
        sizes[c.table] = sizes.get(c.table, 0) + 1
    lone = {t for t, n in sizes.items() if n == 1 and t not in known}
    reader.warnings[:] = [w for w in reader.warnings if not any(f"'{t}'" in w for t in lone)]
    for c in [c for c in reader.cells if c.table in lone]:
        reader.cells.remove(c)
        reader.used.difference_update(
            k for k, (number, _, _) in enumerate(reader.lines) if number == c.line
        )
        reader.warnings.append(f"line {c.line}: a lone {c.category!r} pair is not read as a table")


def _table_of(
    reader: _Reader, section: str, heading: str | None, line: tuple[int, int | None, str]
) -> str:
    known = _KNOWN_BLOCKS.get((section, fold(heading or "")))
    if known is not None:
        return known
    name = snake_case(heading or "")
    if section == "all_time":
        name = f"all_time_{name}"
    reader.warnings.append(
        f"line {line[0]}: block {heading!r} is not a known table; read as {name!r}"
    )
    return name


def _year(lines: list[tuple[int, int | None, str]]) -> int | None:
    for _, _, text in lines:
        m = _YEAR_HEADINGS.match(text)
        if m:
            return int(m["year"])
    return None


def _other_year(lines: list[tuple[int, int | None, str]], year: int) -> int | None:
    """Where the blocks of a year other than the one shown begin (a page saved with every
    year's panel in it), if they do."""
    for k, (_, _, text) in enumerate(lines):
        m = _YEAR_HEADINGS.match(text)
        if m and int(m["year"]) != year and text.lower().startswith("signals"):
            return k
    return None


def _jurisdiction(
    lines: list[tuple[int, int | None, str]], file_stem: str
) -> tuple[Jurisdiction | None, list[str]]:
    """The page's state heading: a line naming a jurisdiction and nothing else, not in a list
    of such lines (a state picker); else the headline sentence's "from STATE"; else the file
    name. A disagreement is a warning."""
    names = [jurisdictions.match_name(text) for _, _, text in lines]
    heading = next(
        (j for k, j in enumerate(names)
         if j is not None and j.code != "US"
         and (k == 0 or names[k - 1] is None) and (k + 1 == len(names) or names[k + 1] is None)),
        None,
    )  # fmt: skip
    sentence = None
    for k, (_, _, text) in enumerate(lines):
        joined = f"{text} {lines[k + 1][2]}" if k + 1 < len(lines) else text  # it may wrap
        m = _FROM_STATE.search(joined)
        if m and m.start() < len(text):
            sentence = jurisdictions.name_at(joined, m.end())
            break
    named = jurisdictions.from_file_name(file_stem)
    chosen = heading or sentence or named
    warnings = [
        f"jurisdiction {chosen.name!r} from the page, {other.name!r} from the {where}"
        for where, other in (("headline sentence", sentence), ("file name", named))
        if chosen and other and other != chosen
    ]
    return chosen, warnings


def parse(text: str, file_stem: str) -> ParsedReport:
    """Given the text of a state's statistics page and its file name, its rows: the year's
    summary and blocks, and the all-time ones (period from 2007-01-01)."""
    from ..parse.lines import read_lines

    numbered = read_lines(text).as_list()
    lines = [(ln.number, ln.page, ln.text.strip()) for ln in numbered if ln.text.strip()]
    year = _year(lines)
    if year is None:
        raise NotAReportError("no year found (no 'Signals Received in YEAR')", KIND)
    jurisdiction, warnings = _jurisdiction(lines, file_stem)
    if jurisdiction is None:
        raise NotAReportError("no state found in heading, text or file name", KIND)
    cut = _other_year(lines, year)
    if cut is not None:
        warnings.append(
            f"line {lines[cut][0]}: the page holds the blocks of another year too "
            f"({lines[cut][2]!r}); only {year}'s are read"
        )
        lines = lines[:cut]
    reader = _Reader(lines, warnings=warnings)
    _sentences(reader)
    _blocks(reader)
    _drop_lone_pairs(reader)
    period = Period(date(year, 1, 1), date(year, 12, 31))
    all_time = Period(ALL_TIME_START, period.end)
    cells = sorted(reader.cells, key=lambda c: c.line)
    cells = [
        Cell(c.table, c.category, c.count, c.pct, c.suppressed, c.line, c.page, c.parent,
             c.is_total, None, all_time if c.table.startswith("all_time") else None)
        for c in cells
    ]  # fmt: skip
    loose = [
        LooseLine(n, page, t)
        for k, (n, page, t) in enumerate(lines)
        if k not in reader.used and _VALUE.fullmatch(t) and not _is_year(t)
    ]
    return ParsedReport(
        KIND, jurisdiction, period, tuple(cells), tuple(reader.warnings), tuple(loose)
    )


LAYOUT = Layout(
    KIND,
    "The hotline's statistics page for one state (2021 on): saved HTML, copied text or printed PDF",
    TABLES,
    recognise,
    parse,
)
