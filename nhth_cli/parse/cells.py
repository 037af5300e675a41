"""Reassembling a layout row whose cells wrap onto several lines.

`pdftotext -layout` prints a wrapped cell as it stands on the page: a withheld count
"Fewer than / Three⁷" centred beside a one-line label gives three lines, the count's halves
above and below the line holding the label and the percent::

                                         Fewer than
    Minors                                              N/A
                                         Three7

Given the lines of a document, this returns them with each such group replaced by one row line
("Minors  Fewer than Three7  N/A") on the line of its percent; the group's other lines become
empty. Cells are told apart by what they hold (a percent, a piece of a count) and by standing
away from the left margin, so tab-separated and single-spaced text pass through unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .rows import MARK, PCT_CELL, WITHHELD_CELL, match_row

# Cells sit apart from the label column; a label's own text starts near the margin.
_MIN_COLUMN = 20
# A piece of a count: a number, or a part of "Fewer than Three" with its footnote mark.
_COUNT_START = re.compile(rf"^(?:\d[\d,]*|Fewer(?:\s+than(?:\s+(?:Three|3){MARK}?)?)?)$", re.I)
_COUNT_REST = re.compile(rf"^(?:(?:than\s+)?(?:Three|3){MARK}?|{MARK})$", re.I)
# What a line holding a percent cell holds (PCT_CELL): a percent sign or N/A as a word (the
# pattern starts with the N so that the regex engine skips to it).
_NA_WORD = re.compile(r"[Nn](?<!\S[Nn])/?[Aa](?!\S)")
_CELL = re.compile(r"\S+(?: \S+)*")


@dataclass
class _Row:
    lines: list[int] = field(default_factory=list)  # indices of the lines the row spans
    labels: list[str] = field(default_factory=list)
    count: list[str] = field(default_factory=list)
    pct: str | None = None
    pct_line: int | None = None

    @property
    def count_text(self) -> str:
        return " ".join(self.count)

    @property
    def count_done(self) -> bool:
        text = self.count_text
        return bool(text) and (text[0].isdigit() or WITHHELD_CELL.match(text) is not None)

    @property
    def complete(self) -> bool:
        return self.count_done and self.pct is not None


def _cells(text: str) -> list[tuple[int, str]]:
    """A line's cells with their columns: runs of text with single spaces inside."""
    return [(m.start(), m.group()) for m in _CELL.finditer(text)]


def _kind(column: int, cell: str) -> str:
    if column >= _MIN_COLUMN and PCT_CELL.match(cell):
        return "pct"
    if column >= _MIN_COLUMN and (_COUNT_START.match(cell) or _COUNT_REST.match(cell)):
        return "count"
    return "label"


def _emit(row: _Row, out: list[str]) -> None:
    """A complete row becomes one line at its percent's line; anything else stays as printed."""
    if not row.complete or row.pct_line is None or len(row.lines) < 2:
        return
    text = "  ".join(part for part in (" ".join(row.labels), row.count_text, row.pct) if part)
    if match_row(text) is None:
        return
    for i in row.lines:
        out[i] = ""
    out[row.pct_line] = text


def _numbers_only(text: str) -> bool:
    """A line that starts in a number column and holds only counts' pieces and percents."""
    if len(text) <= _MIN_COLUMN or not text[:_MIN_COLUMN].isspace():
        return False
    return all(_kind(m.start(), m.group()) != "label" for m in _CELL.finditer(text))


def _indented(texts: list[str]) -> list[int]:
    """The lines that start with _MIN_COLUMN blanks: the only ones _numbers_only takes."""
    return [i for i, text in enumerate(texts) if text[:_MIN_COLUMN].isspace()]


def _runs(indices: list[int]) -> list[list[int]]:
    """Ascending indices split into runs of consecutive ones."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _merge_group(texts: list[str], run: list[int], out: list[str]) -> None:
    """Rejoin the wrapped rows among the lines at `run` (consecutive) into `out`."""
    row = _Row()
    for i in run:
        text = texts[i]
        if not text.strip() or match_row(text.strip()) is not None:
            _emit(row, out)
            row = _Row()
            continue
        cells = [(_kind(col, cell), cell) for col, cell in _cells(text)]
        kinds = {k for k, _ in cells}
        if kinds == {"label"}:
            if row.count or row.pct:
                if row.complete:
                    _emit(row, out)
                    row = _Row()
                    continue
                row.lines.append(i)  # a label line inside a row still being read
                row.labels += [c for _, c in cells]
            continue
        # A new count or percent after a complete row starts the next row, with this line's label.
        starts = any((k == "count" and not _COUNT_REST.match(c)) or k == "pct" for k, c in cells)
        # A mark after a complete row belongs to it only if the count takes it ("Three" + "10").
        extra = " ".join(c for k, c in cells if k == "count")
        takes_mark = kinds == {"count"} and WITHHELD_CELL.match(f"{row.count_text} {extra}")
        if row.complete and (starts or not takes_mark):
            _emit(row, out)
            row = _Row()
        for kind, cell in cells:
            if kind == "label":
                row.labels.append(cell)
            elif kind == "count":
                row.count.append(cell)
            else:
                row.pct, row.pct_line = cell, i
        if not row.lines or row.lines[-1] != i:
            row.lines.append(i)
    _emit(row, out)


def merge_wrapped_texts(texts: list[str]) -> list[str]:
    """Given a document's line texts, the same texts with wrapped count cells rejoined into rows
    (the line of a row's percent holds the row, its group's other lines become empty); the
    very list given when no row wraps."""
    # Every wrapped group has a line that starts in a number column and holds only pieces of
    # numbers (a count's half, a percent alone); groups span at most two lines either side.
    near: set[int] = set()
    seen: dict[str, bool] = {}  # page headers repeat: each text is looked at once
    for i in _indented(texts):
        text = texts[i]
        numbers_only = seen.get(text)
        if numbers_only is None:
            numbers_only = seen[text] = _numbers_only(text)
        if numbers_only:
            near.update(range(max(0, i - 2), min(len(texts), i + 3)))
    out = texts
    for run in _runs(sorted(near)):
        # A row is rejoined only once it has its percent: lines without one (a page number and
        # the text around it) are left as they are.
        if any("%" in texts[i] or _NA_WORD.search(texts[i]) for i in run):
            out = list(texts) if out is texts else out
            _merge_group(texts, run, out)
    return out
