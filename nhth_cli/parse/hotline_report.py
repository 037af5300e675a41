"""The hotline state report layout (2016): overview signals, headline sentences, tables."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter
from typing import NamedTuple

from ..normalize.casefold import in_lower_case
from ..normalize.labels import clean_label, fold, snake_case
from ..normalize.numbers import parse_count, parse_pct
from ..records import Cell, LooseLine
from ..tables import TABLES, TRAFFICKING_TYPES
from .cells import merge_wrapped_texts
from .flow import Flat, FlowText, fold_lines
from .forms import plain_forms
from .lines import Lines, NumberedLines
from .rows import (
    COUNT_CELL,
    HEADING,
    MARK,
    PAGE_FURNITURE,
    PCT_CELL,
    RowMatch,
    ends_like_row,
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
_CHANNEL_NAMES = tuple(_CHANNELS.split("|"))
_CHANNELS_LINE = re.compile(rf"^(?:(?:{_CHANNELS})\s*)+$")
_NUMBERS_LINE = re.compile(r"^\d[\d,]*(?:\s+\d[\d,]*)*$")
_SUBSTANTIVE = re.compile(
    r"Number of Substantive Calls Received from [^:]{1,60}:\s*(\d[\d,]*)", re.I
)
_CASES = re.compile(r"a total of (\d[\d,]*) unique cases", re.I)
_NATIONWIDE = re.compile(r"a total of (\d[\d,]*) [^.]{0,80}?\bnationwide", re.I)
_RANK = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th) highest call volume", re.I)
_RANK_WORDS = " highest call volume"  # at most 4 characters after where _RANK starts
# The sentence patterns in lower case, for the flow text lower-cased (see casefold.lowered).
_LOWER = {p: in_lower_case(p) for p in (_SUBSTANTIVE, _CASES, _NATIONWIDE, _RANK)}
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_NON_CUMULATIVE = re.compile(r"^NON-?CUMULATIVE\b", re.I)
_FEWER_OPEN = re.compile(r"\bFewer(?:\s+than)?$", re.I)
_THREE_START = re.compile(r"^(?:than\s+)?(?:Three|3)(?![A-Za-z])", re.I)
# "Males  Fewer than Three" / "10 N/A": the withheld cell is whole, its mark and percent wrapped;
# or, one cell a line, its mark alone: "Fewer than Three" / "7" / "N/A".
_FEWER_WHOLE = re.compile(r"\bFewer\s+than\s+(?:Three|3)$", re.I)
_FEWER_MARKED = re.compile(rf"\bFewer\s+than\s+(?:Three|3)\s*{MARK}$", re.I)
_NA = re.compile(r"^N/?A$", re.I)
_MARK_THEN_NA = re.compile(rf"^(?:{MARK}?\s*N/?A|{MARK})$", re.I)
_PCT_HEADING = re.compile(r"^%\s*OF\s+[A-Z ]+$")
_MARK_ALONE = re.compile(rf"^{MARK}$")


@dataclass
class HotlineParse:
    cells: list[Cell] = field(default_factory=list)
    loose: list[LooseLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    nationwide_signals: int | None = None
    call_volume_rank: int | None = None


# A row read: its label as printed (perhaps over several lines), the index of the line that
# holds its numbers, its count, percent and whether the count is withheld. A plain tuple: a
# table's rows are many, and a tuple is the cheapest thing to build.
_Row = tuple[str, int, int | None, float | None, bool]


@dataclass
class _Table:
    id: str
    rows: list[_Row] = field(default_factory=list)
    pending: list[int] = field(default_factory=list)  # indices of text lines since the last row
    counts_only: bool = False  # the heading has no percent column: rows are label and count


def _joins(prev: str, text: str) -> bool:
    """Whether text continues the withheld count that ends prev (see join_withheld)."""
    return bool(
        (_THREE_START.match(text) and _FEWER_OPEN.search(prev))
        or (_MARK_THEN_NA.match(text) and _FEWER_WHOLE.search(prev))
        or (_NA.match(text) and _FEWER_MARKED.search(prev))
        or (PCT_CELL.match(text) and COUNT_CELL.match(prev))
    )


def join_withheld(lines: Lines) -> NumberedLines:
    """Given a document's lines, its non-empty lines stripped, with "Fewer than" / "Three"
    rejoined when a withheld count wraps inside its cell, and a whole "Fewer than Three" with
    the mark and "N/A" that wrapped onto the next line, and a percent alone after a count
    alone. A joined line is that of its count's end: the later line where the count wraps
    ("Fewer than" / "Three"), the earlier one where the percent or a mark follows the count."""
    stripped = list(map(str.strip, lines.texts))
    texts = list(filter(None, stripped))
    numbers = list(compress(range(1, len(stripped) + 1), stripped))
    pages = None if lines.pages is None else list(compress(lines.pages, stripped))
    kept = [True] * len(texts)
    above = -1  # the nearest line above i that is kept
    for i in range(len(texts)):
        if above >= 0 and _joins(texts[above], texts[i]):
            if _THREE_START.match(texts[i]) and _FEWER_OPEN.search(texts[above]):
                # The count wrapped ("Fewer than" / "Three"): it ends on the later line.
                numbers[above] = numbers[i]
                if pages is not None:
                    pages[above] = pages[i]
            texts[above] = f"{texts[above]} {texts[i]}"
            kept[i] = False
        else:
            above = i
    return NumberedLines(
        list(compress(texts, kept)),
        list(compress(numbers, kept)),
        None if pages is None else list(compress(pages, kept)),
    )


def _plain(text: str) -> bool:
    """Neither a column heading, nor a total, nor a row: text that may be page furniture."""
    return (
        not ("#" in text and HEADING.match(text))
        and not text.startswith("TOTAL")
        and match_row(text) is None
    )


def _may_be_page_furniture(text: str) -> bool:
    """What PAGE_FURNITURE needs: a start of "NATIONAL ...", "Page ..." or "1-888-...", a web
    address (one word with a dot) or a title's "Report:". A cheap test before the pattern; it
    looks for no i, k or s, which re.IGNORECASE also matches with other letters (ı, K, ſ)."""
    return (
        (text[:1] in "NnPp1" and text[:5].lower().startswith(("nat", "page ", "1-888")))
        or ("." in text and " " not in text)
        or (":" in text and "report:" in text.lower())
    )


def _page_edges(lines: NumberedLines) -> Counter[str]:
    """On how many pages each text stands among the first or last three lines.

    The lines are a document's, in order: their pages never decrease."""
    edges: Counter[str] = Counter()
    pages, texts = lines.pages or [], lines.texts
    start = 0
    while start < len(pages):  # each page is one run of lines
        end = bisect_right(pages, pages[start], start)
        edges.update({*texts[start : min(start + 3, end)], *texts[max(start, end - 3) : end]})
        start = end
    return edges


class _Furniture(NamedTuple):
    """A document's page headers and footers (see _furniture), and those of them that
    PAGE_FURNITURE matches: of the document's lines, exactly the ones it matches."""

    all: frozenset[str]
    known: frozenset[str]


def _furniture(lines: NumberedLines) -> _Furniture:
    """Page headers and footers: known patterns; all-caps text lines printed twice or more; and
    any text line that stands at the top or bottom of two or more pages."""
    counts = Counter(lines.texts)
    repeated = {t for t, n in counts.items() if n > 1 and is_all_caps(t) and _plain(t)}
    on_pages = {t for t, n in _page_edges(lines).items() if n > 1 and _plain(t)}
    known = frozenset(t for t in counts if _may_be_page_furniture(t) and PAGE_FURNITURE.match(t))
    return _Furniture(frozenset(repeated | on_pages | known), known)


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
    """The walk over a report's lines; a line is known by its index i in the lists of lines."""

    def __init__(self, lines: NumberedLines, flow: FlowText) -> None:
        self.texts = lines.texts  # non-empty, stripped, withheld counts joined
        self.numbers = lines.numbers
        self.pages = lines.pages
        self.flow = flow  # of the lines before they were joined
        self.furniture, self.known_furniture = _furniture(lines)
        self.out = HotlineParse()
        # Line numbers whose numbers went into signals or sentences. Rows' lines need no entry:
        # the walk reads each line once, and what is looked up here (a line it has not read
        # yet, a table's pending text, a loose line) is never a row's line.
        self.consumed: set[int] = set()
        self.table: _Table | None = None
        self.order: list[tuple[int, int, Cell]] = []  # (line, position, cell) in printed order

    def _page(self, i: int) -> int | None:
        return None if self.pages is None else self.pages[i]

    # -- tables -----------------------------------------------------------------------------
    def _resolve_heading(self, i: int, title: str) -> tuple[str, int]:
        """Given a heading line's title, the table id and how many following lines it used.

        A title wraps: its start may stand on up to three lines above the `# OF` columns and
        its end on up to two lines below; the shortest join that names a known table wins.
        """
        # The title whole on its line is the shortest join: tried before the lines around it
        # are looked at, as most titles do not wrap.
        whole = _TABLE_BY_HEADING.get(heading_key(title))
        if whole is not None:
            return whole, 0
        after = self._titles_after(i)
        # Lines printed twice are page headers, or the start of two titles printed alike
        # ("VICTIM DEMOGRAPHICS" / "(LABOR ...)", "VICTIM DEMOGRAPHICS" / "(SEX ...)"): passed
        # over first, then tried as part of the title.
        for furniture in (self.furniture, self.known_furniture):
            before = self._titles_before(i, furniture)  # nearest first
            for used_before in range(len(before) + 1):
                for used_after in range(len(after) + 1):
                    ends = [text for text, _ in after[:used_after]]
                    parts = [*reversed(before[:used_before]), title, *ends]
                    key = heading_key(" ".join(parts))
                    if key in _TABLE_BY_HEADING:
                        used = after[used_after - 1][1] if used_after else 0
                        return _TABLE_BY_HEADING[key], used
        before = self._titles_before(i, self.furniture)
        if not heading_key(title) and before:
            title = " ".join(reversed(before))
        table_id = snake_case(strip_heading_marks(title))
        self.out.warnings.append(
            f"line {self.numbers[i]}: unknown table heading {title.strip()!r} read as "
            f"table {table_id!r}"
        )
        return table_id, 0

    def _counts_only(self, i: int) -> bool:
        """No `% OF` on the heading line at i, nor on the line after it."""
        following = self.texts[i + 1] if i + 1 < len(self.texts) else ""
        return "%" not in self.texts[i] and not _PCT_HEADING.match(following)

    def _is_title_part(self, text: str) -> bool:
        return (
            is_all_caps(text)
            and match_row(text) is None
            and not ("#" in text and HEADING.match(text))
        )

    def _titles_before(self, i: int, furniture: frozenset[str]) -> list[str]:
        """Up to three all-caps text lines just above line i (the given page furniture and
        footnote marks alone on a line passed over)."""
        found: list[str] = []
        for j in range(i - 1, max(-1, i - 7), -1):
            text = self.texts[j]
            if text in furniture or _MARK_ALONE.match(text):
                continue
            if not self._is_title_part(text) or len(found) == 3:
                break
            found.append(text)
        return found

    def _titles_after(self, i: int) -> list[tuple[str, int]]:
        """Up to two all-caps text lines just below line i, each with how many lines below i
        it ends: a `% OF` column heading between them (cells one a line) is passed over."""
        found: list[tuple[str, int]] = []
        for used, text in enumerate(self.texts[i + 1 : i + 4], start=1):
            if len(found) == 2:
                break
            if text[:1] == "%" and _PCT_HEADING.match(text):
                continue
            if not self._is_title_part(text):
                break
            found.append((text, used))
        return found

    def _close(self) -> None:
        table = self.table
        if table is None:
            return
        for i in table.pending:
            self._maybe_loose(i)
        self.table = None

    def _add_row(self, table: _Table, i: int, row: RowMatch) -> None:
        label, count, suppressed, pct = row
        if table.pending:
            # Text lines since the last row: the end of its label, the start of this one's.
            pending = [self.texts[j] for j in table.pending]
            prev = table.rows[-1] if table.rows else None
            k = split_pending(table.id, prev[0] if prev else None, pending, label)
            if k and prev is not None:
                table.rows[-1] = (" ".join([prev[0], *pending[:k]]), *prev[1:])
            label = " ".join([*pending[k:], label]).strip()
            table.pending = []
        # A count as matched is digits and commas (parse_count would give the same).
        number = int(count.replace(",", "")) if count else None
        table.rows.append((label, i, number, parse_pct(pct), suppressed))

    def _finish_table(self) -> None:
        """Labels are final once the table ends (a later line may still extend the last one)."""
        table = self.table
        if table is None:
            return
        table_id, numbers, rows = table.id, self.numbers, table.rows
        categories = [_category(row[0]) for row in rows]
        lines = [numbers[row[1]] for row in rows]
        pages = repeat(None) if self.pages is None else [self.pages[row[1]] for row in rows]
        parents = _parents(categories) if table_id == "venue_industry" else repeat(None)
        self.order += [
            (line, 0, Cell(table_id, category, count, pct, suppressed, line, page, parent, total))
            for (_, _, count, pct, suppressed), (category, total), line, page, parent
            in zip(rows, categories, lines, pages, parents, strict=False)  # repeat() is endless
        ]  # fmt: skip
        self._close()

    # -- the walk ---------------------------------------------------------------------------
    def run(self) -> HotlineParse:
        texts, furniture = self.texts, self.furniture
        i = 0
        while i < len(texts):
            text = texts[i]
            if text in furniture and (self.table is not None or text in self.known_furniture):
                i += 1
                continue
            heading = match_heading(text) if "#" in text else None
            if heading:
                table_id, used = self._resolve_heading(i, heading["title"])
                if self.table is None or self.table.id != table_id:
                    self._finish_table()
                    counts_only = self._counts_only(i) and self._counts_only(i + used)
                    self.table = _Table(table_id, counts_only=counts_only)
                i += 1 + used
                continue
            if self.table is None or not self._table_line(i):
                self._outside_line(i)
            i += 1
        self._finish_table()
        self._sentences()
        self.order.sort(key=itemgetter(0, 1))
        self.out.cells = [cell for _, _, cell in self.order]
        return self.out

    def _table_line(self, i: int) -> bool:
        """Read a line inside a table; False when the line ends the table and is not its own."""
        table = self.table
        assert table is not None
        text = self.texts[i]
        # Each pattern is tried only on text that starts (or is as short) as it needs.
        if text[:1] in "Nn" and _NON_CUMULATIVE.match(text):
            self._finish_table()
            return True
        if (len(text) <= 3 and _PAGE_NUMBER.match(text)) or (
            text[:1] == "%" and _PCT_HEADING.match(text)
        ):
            return True  # a page number (every row has a percent), or a column heading's half
        row = match_row(text)
        if row is None and table.counts_only:
            row = match_count_row(text)
        if row is not None:
            self._add_row(table, i, row)
            if _is_total(table.rows[-1][0]):
                self._finish_table()  # the total row ends a table
            return True
        if (
            is_all_caps(text)
            and not text.startswith("TOTAL")
            and not (table.pending and self.texts[table.pending[-1]].startswith("TOTAL"))
        ):
            self._finish_table()  # a new section begins
            return False
        if is_prose(text):
            return True  # a footnote or note printed between a table's rows
        table.pending.append(i)
        return True

    def _outside_line(self, i: int) -> None:
        text = self.texts[i]
        # Overview signals: "199 Phone Calls", several per line, or the number alone above. A
        # line of signals only starts with a signal's number and names a channel (a cheap test:
        # _SIGNAL is tried at every position of a line, and footnotes start with a number).
        number_first = text[:1].isdecimal()
        found = list(_SIGNAL.finditer(text)) if number_first and _CHANNEL.search(text) else []
        if found and not _SIGNAL.sub("", text).strip():
            for pos, m in enumerate(found):
                self._signal(i, pos, m[2], m[1])
            return
        # Numbers above their channel names ("199  24  14" / "Phone Calls  Emails  ..."), or
        # names above numbers: paired in order when the two lines hold as many of each.
        if (
            (number_first or text.startswith(_CHANNEL_NAMES))
            and i + 1 < len(self.texts)
            and self._stacked_signals(i, i + 1)
        ):
            return
        if ends_like_row(text):  # else it cannot look like a row: a sentence, a heading
            self._maybe_loose(i)

    def _stacked_signals(self, i: int, j: int) -> bool:
        first, second = self.texts[i], self.texts[j]
        if self.numbers[i] in self.consumed or self.numbers[j] in self.consumed:
            return False
        if _NUMBERS_LINE.match(first) and _CHANNELS_LINE.match(second):
            numbers, names, at = first.split(), _CHANNEL.findall(second), i
        elif _CHANNELS_LINE.match(first) and _NUMBERS_LINE.match(second):
            numbers, names, at = second.split(), _CHANNEL.findall(first), j
        else:
            return False
        if len(numbers) != len(names):
            return False
        for pos, (number, name) in enumerate(zip(numbers, names, strict=True)):
            self._signal(at, pos, name, number)
        self.consumed.update((self.numbers[i], self.numbers[j]))
        return True

    def _signal(self, i: int, pos: int, channel: str, number: str) -> None:
        line = self.numbers[i]
        cell = Cell("signals", channel, parse_count(number), None, False, line, self._page(i))
        self.order.append((line, pos, cell))
        self.consumed.add(line)

    def _maybe_loose(self, i: int) -> None:
        text = self.texts[i]
        if self.numbers[i] in self.consumed or text in self.furniture:
            return
        if looks_like_row(text):
            self.out.loose.append(LooseLine(self.numbers[i], self._page(i), text))

    def _line_at(self, offset: int) -> int:
        """The line at an offset of the flow text (a joined line is the later line's)."""
        return bisect_left(self.numbers, self.flow.line_at(offset) + 1)

    def _sentences(self) -> None:
        found = _Sentences(self.flow.flat)
        for pattern, category in ((_SUBSTANTIVE, "Substantive Calls"), (_CASES, "Cases")):
            m = found.search(pattern)
            if m:
                i = self._line_at(m.start(1))
                line = self.numbers[i]
                cell = Cell(
                    "summary", category, parse_count(m[1]), None, False, line, self._page(i)
                )
                self.order.append((line, m.start(1), cell))
                self.consumed.add(line)
        m = found.search(_NATIONWIDE)
        if m:
            self.out.nationwide_signals = parse_count(m[1])
            self.consumed.add(self.numbers[self._line_at(m.start(1))])
        m = found.search(_RANK, _RANK_WORDS, 4)
        if m:
            self.out.call_volume_rank = int(m[1])
            self.consumed.add(self.numbers[self._line_at(m.start(1))])
        # Loose lines found before the sentences were read may be those sentences.
        self.out.loose = [ll for ll in self.out.loose if ll.line not in self.consumed]


@lru_cache(maxsize=4096)
def _category(label: str) -> tuple[str, bool]:
    """A row's category, read from its label, and whether the row is a total ("Total")."""
    category = clean_label(label)
    return ("Total", True) if fold(category).startswith("TOTAL") else (category, False)


def _parents(categories: list[tuple[str, bool]]) -> list[str | None]:
    """Each row's parent in the venue and industry table: venues and industries follow their
    trafficking type (which has none, nor has a total)."""
    parents: list[str | None] = []
    parent = None
    for category, total in categories:
        if not total and fold(category) in _TYPES:
            parent = category
            parents.append(None)
        else:
            parents.append(None if total else parent)
    return parents


def _is_total(label: str) -> bool:
    """A total row's label ("TOTAL # OF CASES")."""
    # The folded label holds the label's letters in order, upper-cased: a cheap test first.
    return "TOTAL" in label.upper() and fold(clean_label(label)).startswith("TOTAL")


class _Sentences:
    """Searches the flow text for the headline sentences, case-insensitively."""

    def __init__(self, flat: Flat) -> None:
        self.text, self.low = flat

    def search(
        self, pattern: re.Pattern[str], words: str = "", before: int = 0
    ) -> re.Match[str] | None:
        """pattern.search(text); with the text lower-cased, the pattern in lower case (whose
        literal start the regex engine skips to), or started just before the first place
        where the words it holds occur (at most `before` characters from its start)."""
        if self.low is None:
            return pattern.search(self.text)
        low_pattern = _LOWER[pattern]
        if not words:
            return low_pattern.search(self.low)
        at = self.low.find(words)
        return low_pattern.search(self.low, max(0, at - before)) if at >= 0 else None


def parse_hotline_report(
    lines: Lines, folded: list[str] | None = None, flat: Flat | None = None
) -> HotlineParse:
    """Given a hotline report's lines, its cells in printed order, loose lines and warnings.

    folded and flat, when at hand: fold_lines(lines.texts) and flat_text(folded, lines.printed).
    """
    merged = merge_wrapped_texts(lines.texts)
    if folded is None or merged is not lines.texts:
        folded, flat = fold_lines(merged), None
    # Sentences are read in the lines as cleaned: the flat text is theirs when cleaning
    # changed only white space (no printed lines) and no wrapped row was rejoined.
    flow = FlowText(folded, None if lines.printed else flat)
    forms = plain_forms(merged)
    final = join_withheld(Lines(forms.texts, lines.pages, {}))
    parsed = _HotlineParser(final, flow).run()
    parsed.warnings += forms.unread
    return parsed
