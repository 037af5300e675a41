"""The hotline state report layout (2016): overview signals, headline sentences, tables."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..normalize.labels import clean_label, fold, snake_case
from ..normalize.numbers import parse_count, parse_pct
from ..records import Cell, LooseLine
from ..tables import TABLES, TRAFFICKING_TYPES
from .cells import merge_wrapped_cells
from .lines import Line
from .rows import (
    COUNT_CELL,
    HEADING,
    MARK,
    PAGE_FURNITURE,
    PCT_CELL,
    FlowText,
    ends_open,
    heading_key,
    is_all_caps,
    is_prose,
    looks_like_row,
    match_count_row,
    match_heading,
    match_row,
    strip_heading_marks,
)

_TABLE_BY_HEADING = {heading_key(t.heading): t.id for t in TABLES}
_KNOWN_LABELS = {t.id: frozenset(fold(label) for label in t.labels) for t in TABLES}
_TYPES = frozenset(fold(t) for t in TRAFFICKING_TYPES)
_CHANNELS = r"Phone Calls|Emails|Online Tip Reports|Webchats|Texts"
_SIGNAL = re.compile(rf"(?:^|(?<=\s))(\d[\d,]*)\s+({_CHANNELS})(?=\s|$)")
_CHANNEL = re.compile(_CHANNELS)
_CHANNELS_LINE = re.compile(rf"^(?:(?:{_CHANNELS})\s*)+$")
_NUMBERS_LINE = re.compile(r"^\d[\d,]*(?:\s+\d[\d,]*)*$")
_SUBSTANTIVE = re.compile(
    r"Number of Substantive Calls Received from [^:]{1,60}:\s*(\d[\d,]*)", re.I
)
_CASES = re.compile(r"a total of (\d[\d,]*) unique cases", re.I)
_NATIONWIDE = re.compile(r"a total of (\d[\d,]*) [^.]{0,80}?\bnationwide", re.I)
_RANK = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th) highest call volume", re.I)
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_NON_CUMULATIVE = re.compile(r"^NON-?CUMULATIVE\b", re.I)
_FEWER_OPEN = re.compile(r"\bFewer(?:\s+than)?$", re.I)
_THREE_START = re.compile(r"^(?:than\s+)?(?:Three|3)(?![A-Za-z])", re.I)
# "Males  Fewer than Three" / "10 N/A": the withheld cell is whole, its mark and percent wrapped.
_FEWER_WHOLE = re.compile(r"\bFewer\s+than\s+(?:Three|3)$", re.I)
_MARK_THEN_NA = re.compile(rf"^{MARK}?\s*N/?A$", re.I)
_PCT_HEADING = re.compile(r"^%\s*OF\s+[A-Z ]+$")


@dataclass
class HotlineParse:
    cells: list[Cell] = field(default_factory=list)
    loose: list[LooseLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    nationwide_signals: int | None = None
    call_volume_rank: int | None = None


@dataclass
class _Table:
    id: str
    rows: list[tuple[str, Line, Cell]] = field(default_factory=list)  # raw label, line, cell
    pending: list[Line] = field(default_factory=list)
    parent: str | None = None
    counts_only: bool = False  # the heading has no percent column: rows are label and count


def join_withheld(lines: list[Line]) -> list[Line]:
    """Rejoin "Fewer than" / "Three" when a withheld count wraps inside its cell, and a whole
    "Fewer than Three" with the mark and "N/A" that wrapped onto the next line."""
    out: list[Line] = []
    for line in lines:
        line = Line(line.number, line.page, line.text.strip())
        if not line.text:
            continue
        if not out:
            out.append(line)
            continue
        prev_text = out[-1].text
        if (
            (_THREE_START.match(line.text) and _FEWER_OPEN.search(prev_text))
            or (_MARK_THEN_NA.match(line.text) and _FEWER_WHOLE.search(prev_text))
            or (PCT_CELL.match(line.text) and COUNT_CELL.match(prev_text))
        ):
            prev = out.pop()
            line = Line(line.number, line.page, f"{prev.text} {line.text}")
        out.append(line)
    return out


def _furniture(lines: list[Line]) -> frozenset[str]:
    """Page headers and footers: known patterns; all-caps text lines printed twice or more; and
    any text line that stands at the top or bottom of two or more pages."""

    def plain(text: str) -> bool:
        return not HEADING.match(text) and not text.startswith("TOTAL") and match_row(text) is None

    counts = Counter(line.text for line in lines if line.text)
    repeated = {t for t, n in counts.items() if n > 1 and is_all_caps(t) and plain(t)}
    pages: dict[int, list[str]] = {}
    for line in lines:
        if line.text and line.page is not None:
            pages.setdefault(line.page, []).append(line.text)
    edges = Counter(t for texts in pages.values() for t in {*texts[:3], *texts[-3:]})
    on_pages = {t for t, n in edges.items() if n > 1 and plain(t)}
    return frozenset(repeated | on_pages | {t for t in counts if PAGE_FURNITURE.match(t)})


def _label_score(table: str, label: str) -> int:
    if not label:
        return -100
    return 10 if fold(label) in _KNOWN_LABELS.get(table, ()) else 0


def split_pending(table: str, prev: str | None, pending: list[str], own: str) -> int:
    """How many pending text lines end the previous row's label; the rest start this row's.

    Known labels decide. Otherwise: text in lower case, or after a label that ends open
    ("... Fewer than"), continues the previous label; text before a total row cannot start
    it; by default the text starts the next row (numbers print on a label's last line).
    """
    if prev is None or not pending:
        return 0
    total_row = fold(own).startswith("TOTAL")
    best, best_score = 0, -(10**6)
    for k in range(len(pending) + 1):
        before = " ".join([prev, *pending[:k]])
        after = " ".join([*pending[k:], own]).strip()
        score = _label_score(table, before) + _label_score(table, after)
        if k and pending[0][:1].islower():
            score += 3
        if k < len(pending) and pending[k][:1].islower():
            score -= 3
        if k and ends_open(prev):
            score += 2
        if k < len(pending) and total_row and not fold(pending[k]).startswith("TOTAL"):
            score -= 5
        if score > best_score:
            best, best_score = k, score
    return best


class _HotlineParser:
    def __init__(self, lines: list[Line]) -> None:
        self.lines = join_withheld(merge_wrapped_cells(lines))
        self.furniture = _furniture(self.lines)
        self.out = HotlineParse()
        self.consumed: set[int] = set()  # line numbers whose numbers went into rows
        self.table: _Table | None = None
        self.order: list[tuple[int, int, Cell]] = []  # (line, position, cell) in printed order

    # -- tables -----------------------------------------------------------------------------
    def _resolve_heading(self, i: int, title: str) -> tuple[str, int]:
        """Given a heading line's title, the table id and how many following lines it used.

        A title wraps: its start may stand on up to three lines above the `# OF` columns and
        its end on up to two lines below; the shortest join that names a known table wins.
        """
        before = self._titles_before(i)  # nearest first
        after = self._titles_after(i)
        for used_before in range(len(before) + 1):
            for used_after in range(len(after) + 1):
                parts = [*reversed(before[:used_before]), title, *after[:used_after]]
                key = heading_key(" ".join(parts))
                if key in _TABLE_BY_HEADING:
                    return _TABLE_BY_HEADING[key], used_after
        if not heading_key(title) and before:
            title = " ".join(reversed(before))
        table_id = snake_case(strip_heading_marks(title))
        self.out.warnings.append(
            f"line {self.lines[i].number}: unknown table heading {title.strip()!r} read as "
            f"table {table_id!r}"
        )
        return table_id, 0

    def _counts_only(self, i: int) -> bool:
        """No `% OF` on the heading line at i, nor on the line after it."""
        following = self.lines[i + 1].text if i + 1 < len(self.lines) else ""
        return "%" not in self.lines[i].text and not _PCT_HEADING.match(following)

    def _is_title_part(self, text: str) -> bool:
        return is_all_caps(text) and match_row(text) is None and not HEADING.match(text)

    def _titles_before(self, i: int) -> list[str]:
        """Up to three all-caps text lines just above line i (page furniture passed over)."""
        found: list[str] = []
        for j in range(i - 1, max(-1, i - 6), -1):
            text = self.lines[j].text
            if text in self.furniture:
                continue
            if not self._is_title_part(text) or len(found) == 3:
                break
            found.append(text)
        return found

    def _titles_after(self, i: int) -> list[str]:
        """Up to two all-caps text lines just below line i."""
        found: list[str] = []
        for line in self.lines[i + 1 : i + 3]:
            if not self._is_title_part(line.text):
                break
            found.append(line.text)
        return found

    def _close(self) -> None:
        table = self.table
        if table is None:
            return
        for line in table.pending:
            self._maybe_loose(line)
        self.table = None

    def _add_row(
        self, line: Line, label_part: str, count: str | None, supp: bool, pct: str
    ) -> None:
        table = self.table
        assert table is not None
        pending = [p.text for p in table.pending]
        prev = table.rows[-1][0] if table.rows else None
        k = split_pending(table.id, prev, pending, label_part)
        if k and table.rows:
            raw, pline, cell = table.rows[-1]
            table.rows[-1] = (" ".join([raw, *pending[:k]]), pline, cell)
        raw_label = " ".join([*pending[k:], label_part]).strip()
        table.pending = []
        cell = Cell(
            table=table.id,
            category="",
            count=parse_count(count) if count else None,
            pct=parse_pct(pct),
            suppressed=supp,
            line=line.number,
            page=line.page,
        )
        table.rows.append((raw_label, line, cell))
        self.consumed.add(line.number)

    def _finish_table(self) -> None:
        """Labels are final once the table ends (a later line may still extend the last one)."""
        table = self.table
        if table is None:
            return
        for raw, line, cell in table.rows:
            category = clean_label(raw)
            is_total = fold(category).startswith("TOTAL")
            parent = None
            if is_total:
                category = "Total"
            elif table.id == "venue_industry":
                # Venues and industries follow their trafficking type.
                if fold(category) in _TYPES:
                    table.parent = category
                else:
                    parent = table.parent
            self.order.append(
                (
                    line.number,
                    0,
                    _replace(cell, category=category, parent=parent, is_total=is_total),
                )
            )
        self._close()

    # -- the walk ---------------------------------------------------------------------------
    def run(self) -> HotlineParse:
        lines = self.lines
        i = 0
        while i < len(lines):
            line = lines[i]
            text = line.text
            if text in self.furniture and (self.table is not None or PAGE_FURNITURE.match(text)):
                i += 1
                continue
            heading = match_heading(text)
            if heading:
                table_id, used = self._resolve_heading(i, heading["title"])
                if self.table is None or self.table.id != table_id:
                    self._finish_table()
                    self.table = _Table(table_id, counts_only=self._counts_only(i + used))
                i += 1 + used
                continue
            if self.table is not None and self._table_line(line):
                i += 1
                continue
            self._outside_line(i)
            i += 1
        self._finish_table()
        self._sentences()
        self.order.sort(key=lambda item: (item[0], item[1]))
        self.out.cells = [cell for _, _, cell in self.order]
        return self.out

    def _table_line(self, line: Line) -> bool:
        """Read a line inside a table; False when the line ends the table and is not its own."""
        table = self.table
        assert table is not None
        text = line.text
        if _NON_CUMULATIVE.match(text):
            self._finish_table()
            return True
        if _PAGE_NUMBER.match(text) or _PCT_HEADING.match(text):
            return True  # a page number (every row has a percent), or a column heading's half
        row = match_row(text)
        if row is None and table.counts_only:
            row = match_count_row(text)
        if row is not None:
            self._add_row(line, row.label, row.count, row.suppressed, row.pct)
            if fold(clean_label(table.rows[-1][0])).startswith("TOTAL"):
                self._finish_table()  # the total row ends a table
            return True
        if (
            is_all_caps(text)
            and not text.startswith("TOTAL")
            and not (table.pending and table.pending[-1].text.startswith("TOTAL"))
        ):
            self._finish_table()  # a new section begins
            return False
        if is_prose(text):
            return True  # a footnote or note printed between a table's rows
        table.pending.append(line)
        return True

    def _outside_line(self, i: int) -> None:
        line = self.lines[i]
        text = line.text
        # Overview signals: "199 Phone Calls", several per line, or the number alone above.
        found = list(_SIGNAL.finditer(text))
        if found and not _SIGNAL.sub("", text).strip():
            for pos, m in enumerate(found):
                self._signal(line, pos, m[2], m[1])
            return
        # Numbers above their channel names ("199  24  14" / "Phone Calls  Emails  ..."), or
        # names above numbers: paired in order when the two lines hold as many of each.
        if i + 1 < len(self.lines) and self._stacked_signals(line, self.lines[i + 1]):
            return
        self._maybe_loose(line)

    def _stacked_signals(self, first: Line, second: Line) -> bool:
        if first.number in self.consumed or second.number in self.consumed:
            return False
        if _NUMBERS_LINE.match(first.text) and _CHANNELS_LINE.match(second.text):
            numbers, names, at = first.text.split(), _CHANNEL.findall(second.text), first
        elif _CHANNELS_LINE.match(first.text) and _NUMBERS_LINE.match(second.text):
            numbers, names, at = second.text.split(), _CHANNEL.findall(first.text), second
        else:
            return False
        if len(numbers) != len(names):
            return False
        for pos, (number, name) in enumerate(zip(numbers, names, strict=True)):
            self._signal(at, pos, name, number)
        self.consumed.update((first.number, second.number))
        return True

    def _signal(self, line: Line, pos: int, channel: str, number: str) -> None:
        cell = Cell("signals", channel, parse_count(number), None, False, line.number, line.page)
        self.order.append((line.number, pos, cell))
        self.consumed.add(line.number)

    def _maybe_loose(self, line: Line) -> None:
        if line.number in self.consumed or line.text in self.furniture:
            return
        if looks_like_row(line.text):
            self.out.loose.append(LooseLine(line.number, line.page, line.text))

    def _sentences(self) -> None:
        flow = FlowText(self.lines)
        for pattern, category in ((_SUBSTANTIVE, "Substantive Calls"), (_CASES, "Cases")):
            m = pattern.search(flow.text)
            if m:
                line = flow.line_at(m.start(1))
                cell = Cell(
                    "summary", category, parse_count(m[1]), None, False, line.number, line.page
                )
                self.order.append((line.number, m.start(1), cell))
                self.consumed.add(line.number)
        m = _NATIONWIDE.search(flow.text)
        if m:
            self.out.nationwide_signals = parse_count(m[1])
            self.consumed.add(flow.line_at(m.start(1)).number)
        m = _RANK.search(flow.text)
        if m:
            self.out.call_volume_rank = int(m[1])
            self.consumed.add(flow.line_at(m.start(1)).number)
        # Loose lines found before the sentences were read may be those sentences.
        self.out.loose = [ll for ll in self.out.loose if ll.line not in self.consumed]


def _replace(cell: Cell, *, category: str, parent: str | None, is_total: bool) -> Cell:
    return Cell(cell.table, category, cell.count, cell.pct, cell.suppressed, cell.line, cell.page,
                parent, is_total)  # fmt: skip


def parse_hotline_report(lines: list[Line]) -> HotlineParse:
    """Given a hotline report's lines, its cells in printed order, loose lines and warnings."""
    return _HotlineParser(lines).run()
