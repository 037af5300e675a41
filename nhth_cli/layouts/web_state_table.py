"""The national statistics page's table "Signals and cases by State in YEAR".

One line per state: its name, signals received and their share of the national signals, cases
identified and their share of the national cases. As saved HTML (cells become tab-separated by
extract/html.py), copied as text or CSV, or printed to PDF (cells separated by spaces), or with
each cell on a line of its own. Each state's rows carry that state as their jurisdiction; the
document's own jurisdiction is the United States.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..errors import NotAReportError
from ..normalize import jurisdictions
from ..normalize.casefold import Folded, lowered_once
from ..normalize.numbers import SUPPRESSED, is_suppressed, parse_pct
from ..records import Cell, Jurisdiction, LooseLine, ParsedReport, Period
from .base import Layout, TableSpec

KIND = "web_state_table"
NATIONAL = jurisdictions.by_code("US")

TABLES: tuple[TableSpec, ...] = (
    TableSpec("summary", "Signals and cases by State in YEAR", (KIND,), False,
              "Per state (each row's jurisdiction): Signals and Cases, with their percent of the "
              "national total (which also counts signals of no known state)", implied_total=True),
)  # fmt: skip

_COUNT = rf"\d{{1,3}}(?:,\d{{3}})+|\d+|{SUPPRESSED}"
_PCT = r"\d{1,3}(?:\.\d+)?\s*%"
_SEP = r"\s*(?:,|\t|\s)\s*"
# A state's line: its name, then count, pct, count, pct (quoted CSV cells allowed).
_ROW = re.compile(
    rf'^"?(?P<name>[A-Za-z][A-Za-z .\'-]*?)"?{_SEP}"?(?P<s>{_COUNT})"?{_SEP}"?(?P<sp>{_PCT})"?'
    rf'{_SEP}"?(?P<c>{_COUNT})"?{_SEP}"?(?P<cp>{_PCT})"?$'
)
_ROW_ANYWHERE = re.compile(_ROW.pattern, re.M)
_CELL_COUNT = re.compile(rf"^(?:{_COUNT})$")
_CELL_PCT = re.compile(rf"^(?:{_PCT})$")
_HEADING = re.compile(r"Signals and cases by State in (?P<year>\d{4})", re.I)
_HEADER = re.compile(r"^\W*State\W+Signals\b.*\bCases\b", re.I | re.M)
# The same heading, searched fast (recognise): in the text lower-cased.
_HEADING_FOLDED = Folded.of(r"Signals and cases by State in \d{4}")
_FILE_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def recognise(text: str) -> float:
    """0.9 for the table's heading or its header row (State, Signals ..., Cases ...); 0.98 when
    ten or more state rows follow: then the page is the table even if it also prints national
    blocks shaped like a state's page (web_statistics scores those 0.95)."""
    low = lowered_once(text)
    if not (
        _HEADING_FOLDED.search(text)
        or ((low is None or "signals" in low) and _HEADER.search(text) is not None)
    ):
        return 0.0
    found = 0
    for m in _ROW_ANYWHERE.finditer(text):
        found += jurisdictions.match_name(m["name"]) is not None
        if found >= 10:
            return 0.98
    return 0.9


# The jurisdictions the table lists, every year: the states, the District of Columbia and four
# territories (the 2024 page; American Samoa is not listed). One not read fails the report.
LISTED = tuple(c for c in jurisdictions.CODES if c not in ("AS", "US"))


@dataclass(frozen=True, slots=True)
class _StateRow:
    name: str
    jurisdiction: Jurisdiction | None
    values: tuple[tuple[str, int, int | None], ...]  # (token, line, page) x 4


def _rows(lines: list[tuple[int, int | None, str]]) -> list[_StateRow]:
    """Each state's line (or five lines: name, count, pct, count, pct), in printed order."""
    out: list[_StateRow] = []
    i = 0
    while i < len(lines):
        number, page, text = lines[i]
        m = _ROW.match(text)
        if m:
            values = tuple((m[k], number, page) for k in ("s", "sp", "c", "cp"))
            name, used = _wrapped_name(lines, i, m["name"].strip())
            out.append(_StateRow(name, jurisdictions.match_name(name), values))
            i += 1 + used
            continue
        cells = [t for _, _, t in lines[i + 1 : i + 5]]
        if (
            len(cells) == 4 and text[:1].isalpha()
            and all(p.match(c) for p, c in zip((_CELL_COUNT, _CELL_PCT) * 2, cells, strict=True))
            and (j := jurisdictions.match_name(text)) is not None
        ):  # fmt: skip
            values = tuple((t, n, p) for n, p, t in lines[i + 1 : i + 5])
            out.append(_StateRow(text, j, values))
            i += 5
            continue
        i += 1
    return out


_WORDS = re.compile(r"^[A-Za-z][A-Za-z .'-]{0,40}$")


def _wrapped_name(lines: list[tuple[int, int | None, str]], i: int, name: str) -> tuple[str, int]:
    """A state's name as printed on row i, joined with the words its cell wrapped onto the line
    before or after ("District of" / "Columbia 135 0.42% ..."); and how many lines after the row
    that took (0 or 1)."""
    if jurisdictions.match_name(name) is not None:
        return name, 0
    before = lines[i - 1][2] if i > 0 else ""
    if _WORDS.match(before) and jurisdictions.match_name(f"{before} {name}"):
        return f"{before} {name}", 0
    after = lines[i + 1][2] if i + 1 < len(lines) else ""
    if _WORDS.match(after) and jurisdictions.match_name(f"{name} {after}"):
        return f"{name} {after}", 1
    return name, 0


def _year(text: str, file_stem: str) -> int | None:
    m = _HEADING.search(text)
    if m:
        return int(m["year"])
    years = _FILE_YEAR.findall(file_stem)
    return int(years[-1]) if years else None


def parse(text: str, file_stem: str) -> ParsedReport:
    """Given the national table's text and file name, one Signals and one Cases row per state,
    each carrying its state; the year from the heading, else from the file name."""
    from ..parse.lines import read_lines

    year = _year(text, file_stem)
    if year is None:
        raise NotAReportError("no year found (no 'Signals and cases by State in YEAR')", KIND)
    numbered = read_lines(text).as_list()
    lines = [(ln.number, ln.page, ln.text.strip()) for ln in numbered if ln.text.strip()]
    cells: list[Cell] = []
    loose: list[LooseLine] = []
    warnings: list[str] = []
    seen: dict[str, int] = {}
    for row in _rows(lines):
        first_line, page = row.values[0][1], row.values[0][2]
        if row.jurisdiction is None or row.jurisdiction.code == "US":
            warnings.append(f"line {first_line}: {row.name!r} is not a state or territory")
            loose.append(LooseLine(first_line, page, row.name))
            continue
        if row.jurisdiction.code in seen:  # read once: the numbers printed again stay unread
            warnings.append(
                f"line {first_line}: {row.jurisdiction.name} again (first on line "
                f"{seen[row.jurisdiction.code]}): not read"
            )
            continue
        seen[row.jurisdiction.code] = first_line
        for category, (count, line, pg), (pct, _, _) in (
            ("Signals", row.values[0], row.values[1]),
            ("Cases", row.values[2], row.values[3]),
        ):
            withheld = is_suppressed(count)
            value = None if withheld else int(count.replace(",", ""))
            cells.append(
                Cell("summary", category, value, parse_pct(pct), withheld, line, pg, None, False,
                     row.jurisdiction)
            )  # fmt: skip
    period = Period(date(year, 1, 1), date(year, 12, 31))
    missing = tuple(("summary", jurisdictions.by_code(c).name) for c in LISTED if c not in seen)
    return ParsedReport(
        KIND, NATIONAL, period, tuple(cells), tuple(warnings), tuple(loose), missing=missing
    )


LAYOUT = Layout(
    KIND,
    "The national statistics page's table of signals and cases by state (2021 on)",
    TABLES,
    recognise,
    parse,
    national=True,
)
