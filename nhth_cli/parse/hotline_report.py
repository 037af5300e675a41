"""The hotline state report layout (2016): overview signals, headline sentences, tables.

The parser is a row of named stages, each a pure function "given X, return Y", run in this
order by `parse_hotline_report` (in the manner of pdfplumber's table.py):

1. Lines. `merge_wrapped_texts` (cells.py) rejoins rows whose cells wrapped, `plain_forms`
   (forms.py) rewrites rows printed in other forms as `label  count  pct`, and
   `join_withheld` rejoins a withheld count that wrapped inside its cell. Given a document's
   lines, its non-empty lines, each with its line number and page.
2. Page furniture. `page_furniture`: given the lines, the page headers and footers, which
   every later stage passes over.
3. Headings. `table_heading`: given a line (and the lines around it, for a title that wraps
   or is printed above the `# OF` columns), the table it starts, or None.
4. Rows. `read_table`: given a table's lines (from the line after its heading), its rows and
   where it ends; `table_cells`: given those rows, the table's cells (categories, the total
   row, the parents of venues and industries).
5. Signals. `line_signals`: given a line outside the tables, the overview's signals it holds
   ("199 Phone Calls", or numbers above their channels' names). A line outside the tables
   that holds no signals but looks like a row is a loose line, for the report.
6. Sentences. `read_sentences`: given the flow text (the document's words joined by single
   spaces), the summary figures (substantive calls, cases) and the nationwide signals and
   call-volume rank, which are not rows.

`read_report` walks the lines with stages 2 to 6; each line is read once by the walk (a
table's lines by `read_table`, the others by the walk), plus a few lines around each heading.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter

from ..layouts.hotline_tables import TABLES, TRAFFICKING_TYPES
from ..normalize.labels import clean_label, fold, snake_case
from ..normalize.numbers import parse_count, parse_pct
from ..records import Cell, LooseLine
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
_SIGNAL = re.compile(rf"(\d[\d,]*)\s+({_CHANNELS})")
# A line of signals only: "199 Phone Calls   24 Emails". Matched from the line's start, so that
# a line of anything else is given up at once (searched for anywhere, signals took 1 s in a
# line of 5.5 MB).
_SIGNALS_LINE = re.compile(rf"{_SIGNAL.pattern}(?:\s+{_SIGNAL.pattern})*")
_CHANNEL = re.compile(_CHANNELS)
_CHANNELS_LINE = re.compile(rf"^(?:(?:{_CHANNELS})\s*)+$")
_NUMBERS_LINE = re.compile(r"^\d[\d,]*(?:\s+\d[\d,]*)*$")
_NUMBER_ALONE = re.compile(r"\d[\d,]*")
_CHANNEL_ALONE = re.compile(_CHANNELS)
_SUBSTANTIVE = re.compile(
    r"Number of Substantive Calls Received from [^:]{1,60}:\s*(\d[\d,]*)", re.I
)
_CASES = re.compile(r"a total of (\d[\d,]*) unique cases", re.I)
_NATIONWIDE = re.compile(r"a total of (\d[\d,]*) [^.]{0,80}?\bnationwide", re.I)
_RANK = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th) highest call volume", re.I)
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_PAGE_COUNTER = re.compile(r"^(\d{1,3})\s*/\s*(\d{1,3})$")
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


# -- 1. lines -------------------------------------------------------------------------------


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


# -- 2. page furniture ----------------------------------------------------------------------
@dataclass(frozen=True)
class Furniture:
    """A document's page headers and footers (see page_furniture), and those of them that
    PAGE_FURNITURE matches: of the document's lines, exactly the ones it matches."""

    all: frozenset[str]
    known: frozenset[str]


def _plain(text: str) -> bool:
    """Neither a column heading, nor a total, nor a row: text that may be page furniture."""
    return (
        not ("#" in text and HEADING.match(text))
        and not text.startswith("TOTAL")
        and match_row(text) is None
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


def page_counters(texts: Iterable[str]) -> frozenset[str]:
    """Given a document's distinct line texts, those that count its pages as a browser prints
    them on lines of their own: "1/4", "2/4", "3/4", "4/4", two or more of one series (a copy
    may have lost a page's), each once. A lone fraction ("211/311") is no counter."""
    series: dict[str, list[tuple[int, str]]] = {}
    for text in texts:
        if "/" in text and (m := _PAGE_COUNTER.match(text)):
            series.setdefault(m[2], []).append((int(m[1]), text))
    return frozenset(
        text
        for of, counted in series.items()
        if len(counted) > 1 and all(1 <= k <= int(of) for k, _ in counted)
        for _, text in counted
    )


def page_furniture(lines: NumberedLines) -> Furniture:
    """Given a document's lines, its page headers and footers: known patterns; page counters;
    all-caps text lines printed twice or more; and any text line that stands at the top or
    bottom of two or more pages."""
    counts = Counter(lines.texts)
    repeated = {t for t, n in counts.items() if n > 1 and is_all_caps(t) and _plain(t)}
    on_pages = {t for t, n in _page_edges(lines).items() if n > 1 and _plain(t)}
    known = frozenset(t for t in counts if PAGE_FURNITURE.match(t)) | page_counters(counts)
    return Furniture(frozenset(repeated | on_pages | known), known)


# -- 3. headings ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Heading:
    """A table's column heading line: the table it starts."""

    table: str
    used: int  # how many lines after the heading line its title takes
    counts_only: bool  # no percent column: rows are a label and a count
    warning: str | None  # for a heading no known table has: what it was read as


def table_heading(texts: Sequence[str], i: int, furniture: Furniture) -> Heading | None:
    """Given the line at i of a document's lines, the table whose column heading it is
    (`CALLER TYPE  # OF CALLS  % OF CALLS`), or None when it is no column heading.

    A title wraps: its start may stand on up to three lines above the `# OF` columns and
    its end on up to two lines below; the shortest join that names a known table wins. A
    heading that names no known table is read as a table named after it, with a warning."""
    heading = match_heading(texts[i])
    if heading is None:
        return None
    table, used, warning = _title(texts, i, heading["title"], furniture)
    counts_only = _counts_only(texts, i) and _counts_only(texts, i + used)
    return Heading(table, used, counts_only, warning)


def _title(
    texts: Sequence[str], i: int, title: str, furniture: Furniture
) -> tuple[str, int, str | None]:
    """The table id a heading's title names, how many following lines it used, and a warning
    when it names no known table."""
    whole = _TABLE_BY_HEADING.get(heading_key(title))
    if whole is not None:  # the title whole on its line: most titles do not wrap
        return whole, 0, None
    after = _titles_after(texts, i)
    # Lines printed twice are page headers, or the start of two titles printed alike
    # ("VICTIM DEMOGRAPHICS" / "(LABOR ...)", "VICTIM DEMOGRAPHICS" / "(SEX ...)"): passed
    # over first, then tried as part of the title.
    for passed_over in (furniture.all, furniture.known):
        before = _titles_before(texts, i, passed_over)  # nearest first
        for used_before in range(len(before) + 1):
            for used_after in range(len(after) + 1):
                ends = [text for text, _ in after[:used_after]]
                parts = [*reversed(before[:used_before]), title, *ends]
                key = heading_key(" ".join(parts))
                if key in _TABLE_BY_HEADING:
                    used = after[used_after - 1][1] if used_after else 0
                    return _TABLE_BY_HEADING[key], used, None
    # A known title at the end of the line, after text a copy joined to it ("... in 2016.
    # CALLER TYPE  # OF CALLS"): the title is the line's end.
    key = heading_key(title)
    ending = [(known, t) for known, t in _TABLE_BY_HEADING.items() if key.endswith(f" {known}")]
    if ending:
        return max(ending, key=lambda pair: len(pair[0]))[1], 0, None
    before = _titles_before(texts, i, furniture.all)
    if not key and before:
        title = " ".join(reversed(before))
    table = snake_case(strip_heading_marks(title))
    return table, 0, f"unknown table heading {title.strip()!r} read as table {table!r}"


def _counts_only(texts: Sequence[str], i: int) -> bool:
    """No `% OF` on the heading line at i, nor on the line after it."""
    following = texts[i + 1] if i + 1 < len(texts) else ""
    return "%" not in texts[i] and not _PCT_HEADING.match(following)


def _is_title_part(text: str) -> bool:
    return is_all_caps(text) and match_row(text) is None and not match_heading(text)


def _titles_before(texts: Sequence[str], i: int, furniture: frozenset[str]) -> list[str]:
    """Up to three all-caps text lines just above line i (the given page furniture and
    footnote marks alone on a line passed over)."""
    found: list[str] = []
    for j in range(i - 1, max(-1, i - 7), -1):
        text = texts[j]
        if text in furniture or _MARK_ALONE.match(text):
            continue
        if not _is_title_part(text) or len(found) == 3:
            break
        found.append(text)
    return found


def _titles_after(texts: Sequence[str], i: int) -> list[tuple[str, int]]:
    """Up to two all-caps text lines just below line i, each with how many lines below i
    it ends: a `% OF` column heading between them (cells one a line) is passed over."""
    found: list[tuple[str, int]] = []
    for used in range(1, 4):
        if i + used >= len(texts) or len(found) == 2:
            break
        text = texts[i + used]
        if _PCT_HEADING.match(text):
            continue
        if not _is_title_part(text):
            break
        found.append((text, used))
    return found


# -- 4. rows --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    """A row read: its label as printed (perhaps over several lines), the index of the line
    that holds its numbers, its count, percent and whether the count is withheld."""

    label: str
    at: int
    count: int | None
    pct: float | None
    suppressed: bool


@dataclass(frozen=True)
class TableRead:
    """A table's rows, where the table ends and what it left unread."""

    rows: tuple[Row, ...]
    end: int  # the index of the first line after the table's
    left: tuple[int, ...]  # indices of text lines after its last row, in no row's label
    # Headings the table goes on under that no known table has: (index of the line, warning).
    warnings: tuple[tuple[int, str], ...]


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


def read_table(
    texts: Sequence[str], start: int, heading: Heading, furniture: Furniture
) -> TableRead:
    """Given a document's lines and the index of the line after a table's heading, the
    table's rows and where it ends.

    A table ends at its total row, at NON-CUMULATIVE, before another table's heading and
    before an all-caps line (a new section). Page furniture, page numbers, `% OF` column
    headings, the same heading printed again on the next page and footnotes printed between
    its rows are passed over. Text lines between rows are the end of the row above's label or
    the start of the next one's (split_pending)."""
    rows: list[Row] = []
    pending: list[int] = []  # indices of text lines since the last row
    warnings: list[tuple[int, str]] = []
    i = start
    while i < len(texts):
        text = texts[i]
        if text in furniture.all:
            i += 1
            continue
        again = table_heading(texts, i, furniture)
        if again is not None:
            if again.table != heading.table:
                break  # another table begins
            warnings += [(i, again.warning)] if again.warning else []
            i += 1 + again.used
            continue
        if _NON_CUMULATIVE.match(text):
            i += 1
            break
        if _PAGE_NUMBER.match(text) or _PCT_HEADING.match(text):
            i += 1  # a page number (every row has a percent), or a column heading's half
            continue
        row = match_row(text)
        if row is None and heading.counts_only:
            row = match_count_row(text)
        if row is not None:
            label = row.label
            if pending:
                # Text lines since the last row: the end of its label, the start of this one's.
                lines = [texts[j] for j in pending]
                prev = rows[-1] if rows else None
                k = split_pending(heading.table, prev.label if prev else None, lines, label)
                if k and prev is not None:
                    rows[-1] = replace(prev, label=" ".join([prev.label, *lines[:k]]))
                label = " ".join([*lines[k:], label]).strip()
                pending = []
            count = None if row.number is None else int(row.number.replace(",", ""))
            rows.append(Row(label, i, count, parse_pct(row.pct), row.suppressed))
            i += 1
            if _is_total(label):
                break  # the total row ends a table
            continue
        if (
            is_all_caps(text)
            and not text.startswith("TOTAL")
            and not (pending and texts[pending[-1]].startswith("TOTAL"))
        ):
            break  # a new section begins
        if not is_prose(text):  # a footnote or note printed between a table's rows is not
            pending.append(i)
        i += 1
    return TableRead(tuple(rows), i, tuple(pending), tuple(warnings))


def table_cells(table: str, rows: Sequence[Row], lines: NumberedLines) -> list[Cell]:
    """Given a table's rows, its cells: categories, the total row, and in the venue and
    industry table the parents of venues and industries."""
    categories = [_category(row.label) for row in rows]
    parents = _parents(categories) if table == "venue_industry" else repeat(None)
    pages = repeat(None) if lines.pages is None else [lines.pages[row.at] for row in rows]
    return [
        Cell(table, category, row.count, row.pct, row.suppressed, lines.numbers[row.at], page,
             parent, total)
        for row, (category, total), page, parent
        in zip(rows, categories, pages, parents, strict=False)  # repeat() is endless
    ]  # fmt: skip


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
    return fold(clean_label(label)).startswith("TOTAL")


# -- 5. signals -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Signals:
    """The overview's signals on a line: the index of the line holding their numbers, and
    each channel with its number as printed, in printed order."""

    at: int
    channels: tuple[tuple[str, str], ...]
    stacked: bool  # numbers and channel names on two lines, i and i + 1
    # Printed a cell a line (pdftotext without -layout): each number on a line of its own, at
    # at, at + 1, ...; the numbers and the names take 2 * len(channels) lines from i.
    column: bool = False


def _run_of(texts: Sequence[str], i: int, cell: re.Pattern[str]) -> int:
    """How many lines from i on each fully match cell."""
    end = i
    while end < len(texts) and cell.fullmatch(texts[end]):
        end += 1
    return end - i


def column_signals(texts: Sequence[str], i: int) -> Signals | None:
    """Given the line at i, the signals printed a cell a line from it: all the numbers, one a
    line, then as many channel names, one a line ("199" / "24" / "14" / "Phone Calls" /
    "Emails" / "Online Tip Reports"), or the names first; paired in order. None unless both
    runs are whole and of one length (two or more): else which goes with which is unsure."""
    numbers = _run_of(texts, i, _NUMBER_ALONE)
    if numbers:
        names = _run_of(texts, i + numbers, _CHANNEL_ALONE)
        at, first_name = i, i + numbers
    else:
        names = _run_of(texts, i, _CHANNEL_ALONE)
        numbers = _run_of(texts, i + names, _NUMBER_ALONE)
        at, first_name = i + names, i
    if numbers < 2 or numbers != names:
        return None
    pairs = zip(texts[first_name : first_name + names], texts[at : at + numbers], strict=True)
    return Signals(at, tuple(pairs), True, column=True)


def line_signals(texts: Sequence[str], i: int) -> Signals | None:
    """Given the line at i, outside the tables, the signals it holds: "199 Phone Calls",
    several per line; or numbers above their channels' names ("199  24  14" / "Phone Calls
    Emails  ..."), or names above numbers, paired in order when the line at i and the next
    hold as many of each; or a cell a line (`column_signals`). None when it holds none."""
    text = texts[i]
    if _SIGNALS_LINE.fullmatch(text):
        return Signals(i, tuple((name, number) for number, name in _SIGNAL.findall(text)), False)
    if i + 1 >= len(texts):
        return None
    first, second = text, texts[i + 1]
    if _NUMBERS_LINE.match(first) and _CHANNELS_LINE.match(second):
        numbers, names, at = first.split(), _CHANNEL.findall(second), i
    elif _CHANNELS_LINE.match(first) and _NUMBERS_LINE.match(second):
        numbers, names, at = second.split(), _CHANNEL.findall(first), i + 1
    elif _NUMBER_ALONE.fullmatch(first) or _CHANNEL_ALONE.fullmatch(first):
        return column_signals(texts, i)
    else:
        return None
    if len(numbers) != len(names):
        return None
    return Signals(at, tuple(zip(names, numbers, strict=True)), True)


# -- 6. sentences ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Figure:
    """A number read in a sentence, and its offset in the flow text."""

    value: int
    offset: int


@dataclass(frozen=True)
class Sentences:
    """The figures of the headline sentences."""

    substantive_calls: Figure | None
    cases: Figure | None
    nationwide_signals: Figure | None
    call_volume_rank: Figure | None


def read_sentences(text: str) -> Sentences:
    """Given the flow text (a document's words joined by single spaces), the figures its
    headline sentences state: "Number of Substantive Calls Received from X: N", "a total of
    N unique cases", "a total of N ... nationwide" and "the Nth highest call volume"."""

    def first(pattern: re.Pattern[str]) -> Figure | None:
        m = pattern.search(text)
        return None if m is None else Figure(_figure(m[1]), m.start(1))

    return Sentences(first(_SUBSTANTIVE), first(_CASES), first(_NATIONWIDE), first(_RANK))


def _figure(number: str) -> int:
    count = parse_count(number)
    assert count is not None  # the patterns take digits and commas only
    return count


# -- the walk -------------------------------------------------------------------------------
def read_report(lines: NumberedLines, flow: FlowText) -> HotlineParse:
    """Given a report's lines (stage 1) and its flow text, its cells in printed order, its
    loose lines (that look like rows but are in no table) and warnings: stages 2 to 6."""
    texts, numbers, pages = lines.texts, lines.numbers, lines.pages
    furniture = page_furniture(lines)
    out = HotlineParse()
    order: list[tuple[int, int, Cell]] = []  # (line, position, cell) in printed order
    # Line numbers whose numbers went into signals or sentences: they are no loose lines.
    consumed: set[int] = set()

    def page(i: int) -> int | None:
        return None if pages is None else pages[i]

    def maybe_loose(i: int) -> None:
        text = texts[i]
        if numbers[i] not in consumed and text not in furniture.all and looks_like_row(text):
            out.loose.append(LooseLine(numbers[i], page(i), text))

    i = 0
    while i < len(texts):
        text = texts[i]
        if text in furniture.known:
            i += 1
            continue
        heading = table_heading(texts, i, furniture)
        if heading is not None:
            table = read_table(texts, i + 1 + heading.used, heading, furniture)
            at_warnings = [(i, heading.warning)] if heading.warning else []
            out.warnings += [
                f"line {numbers[j]}: {w}" for j, w in at_warnings + list(table.warnings)
            ]
            order += [(c.line, 0, c) for c in table_cells(heading.table, table.rows, lines)]
            for j in table.left:
                maybe_loose(j)
            i = table.end
            continue
        signals = line_signals(texts, i)
        if signals is not None and signals.stacked:
            span = numbers[i : i + (2 * len(signals.channels) if signals.column else 2)]
            if consumed.intersection(span):
                signals = None
            else:
                consumed.update(span)
        if signals is not None:
            for pos, (channel, number) in enumerate(signals.channels):
                at = signals.at + pos if signals.column else signals.at
                cell = Cell("signals", channel, parse_count(number), None, False, numbers[at],
                            page(at))  # fmt: skip
                order.append((numbers[at], pos, cell))
                consumed.add(numbers[at])
        else:
            maybe_loose(i)
        i += 1
    # The sentences are read in the flow text; each figure's line is that of its offset (a
    # joined line is the later line's).
    found = read_sentences(flow.text)

    def line_of(figure: Figure) -> int:
        at = bisect_left(numbers, flow.line_at(figure.offset) + 1)
        consumed.add(numbers[at])
        return at

    for figure, category in (
        (found.substantive_calls, "Substantive Calls"),
        (found.cases, "Cases"),
    ):
        if figure is not None:
            at = line_of(figure)
            cell = Cell("summary", category, figure.value, None, False, numbers[at], page(at))
            order.append((numbers[at], figure.offset, cell))
    if found.nationwide_signals is not None:
        out.nationwide_signals = found.nationwide_signals.value
        line_of(found.nationwide_signals)
    if found.call_volume_rank is not None:
        out.call_volume_rank = found.call_volume_rank.value
        line_of(found.call_volume_rank)
    # Loose lines found before the sentences were read may be those sentences.
    out.loose = [ll for ll in out.loose if ll.line not in consumed]
    order.sort(key=itemgetter(0, 1))
    out.cells = [cell for _, _, cell in order]
    return out


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
    parsed = read_report(final, flow)
    parsed.warnings += forms.unread
    return parsed
