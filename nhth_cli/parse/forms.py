"""Other printed forms of a table's rows, rewritten to the plain one the parser reads.

Given a document's line texts, `plain_forms` returns as many lines, each at its own index (so
line numbers stay those of the document), where a row printed in another form holds the same
row as `label  count  pct`:

- `Label: N (P%)` and `Label: Fewer than Three (N/A)`: a colon after the label, the percent
  perhaps in parentheses;
- dot leaders between the cells (`Victim of Trafficking ....... 49   24.6%`, or glued to them),
  in rows and column headings;
- the percent column before the count column, as the table's own heading says
  (`CALLER TYPE  % OF CALLS  # OF CALLS`, then `Adults  14.8%  8`): the heading and its rows
  are printed again count first;
- a table printed one cell a line, column by column (all labels, then all counts, then all
  percents, as `pdftotext` without `-layout` may give it): each row on the line of its count,
  the label and percent lines left empty. Read only when the labels are exactly as many as the
  counts and the percents; otherwise which label is whose is unknown, and the block's lines are
  all left empty: none of it is read.

Otherwise a line is rewritten only when the rewritten text is a row (or a heading); anything
else stays as printed. Text in the plain form passes through unchanged.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..normalize.numbers import COUNT, PCT, SUPPRESSED
from .rows import (
    COUNT_CELL,
    MARK,
    PAGE_FURNITURE,
    PCT_CELL,
    ends_open,
    is_prose,
    match_count_row,
    match_heading,
    match_row,
)

_COUNT_OR_WITHHELD = rf"(?:{COUNT}|{SUPPRESSED}(?:\s*{MARK})?)"
# "Label: N (P%)", "Label: N P%", "Label: Fewer than Three⁷ (N/A)".
_COLON_ROW = re.compile(
    rf"^(?P<label>\S.*?)\s*:\s*(?P<count>{_COUNT_OR_WITHHELD})"
    rf"\s*(?:\(\s*(?P<paren>{PCT})\s*\)|\s(?P<pct>{PCT}))\s*$",
    re.I,
)
# A dot leader: two or more dots, perhaps spaced (". . ."), and the white space around them.
_LEADER = re.compile(r"[^\S\n]*\.(?:[^\S\n]?\.)+[^\S\n]*")
_GAPS = re.compile(r"\s{2,}")
_MARK_ALONE = re.compile(rf"^{MARK}$")
# A column heading with the percent column first: "CALLER TYPE  % OF CALLS  # OF CALLS".
_UNIT = r"[A-Z]+(?: [A-Z]+)*"
_PCT_FIRST_HEADING = re.compile(
    rf"^(?!\s*TOTAL\b)(?P<title>.*?)\s*(?P<pct>%\s*OF\s+{_UNIT})\s+(?P<count>#\s*OF\s+{_UNIT})\s*$"
)
_PCT_HEADING_CELL = re.compile(rf"^%\s*OF\s+{_UNIT}$")
# What a document with a percent-first heading holds, on one line or two (a cheap test of the
# whole text: it starts with a literal, so the regex engine skips to the percent signs).
_PCT_BEFORE_COUNT = re.compile(rf"%\s*OF\s+{_UNIT}\s+#\s*OF\s+[A-Z]")
_COUNT_HEADING_CELL = re.compile(rf"^#\s*OF\s+{_UNIT}$")
# A row with the percent first: label, percent, then a count (or a withheld count).
_PCT_FIRST_ROW = re.compile(
    rf"^(?P<label>.*?)(?:^|(?<=\s))(?P<pct>{PCT})\s+(?P<count>{_COUNT_OR_WITHHELD})\s*$", re.I
)


def _is_row(text: str) -> bool:
    return match_row(text) is not None or match_count_row(text) is not None


def _row_text(label: str, count: str, pct: str) -> str:
    return "  ".join(part for part in (label.strip(), count.strip(), pct.strip()) if part)


def colon_row(text: str) -> str | None:
    """`Label: N (P%)` as `Label  N  P%`; None for any other text."""
    m = _COLON_ROW.match(text.strip()) if ":" in text else None
    if m is None:
        return None
    row = _row_text(m["label"], m["count"], m["paren"] or m["pct"])
    return row if match_row(row) is not None else None


def without_leaders(text: str) -> str | None:
    """A row (or a column heading) with dot leaders between its cells as the same with column
    gaps; None when the text has no leaders or is neither without them."""
    if "." not in text or ".." not in text.replace(" ", ""):
        return None
    row = _GAPS.sub("  ", _LEADER.sub("  ", text.strip()).strip())
    return row if _is_row(row) or match_heading(row) is not None else None


def count_first_heading(text: str) -> str | None:
    """A heading with the percent column first, printed count first; None for other text."""
    m = _PCT_FIRST_HEADING.match(text.strip()) if "%" in text and "#" in text else None
    if m is None:
        return None
    heading = _row_text(m["title"], m["count"], m["pct"])
    return heading if match_heading(heading) is not None else None


def count_first_row(text: str) -> str | None:
    """A row printed percent first (`Adults  14.8%  8`) as count first; None for other text."""
    m = _PCT_FIRST_ROW.match(text.strip())
    if m is None:
        return None
    row = _row_text(m["label"], m["count"], m["pct"])
    return row if match_row(row) is not None else None


def _non_empty(texts: list[str]) -> list[int]:
    return [i for i, text in enumerate(texts) if text.strip()]


def _percent_first(texts: list[str], out: list[str]) -> None:
    """Tables whose heading puts the percent column first: heading and rows count first."""
    if _PCT_BEFORE_COUNT.search("\n".join(texts)) is None:
        return  # no such heading: nothing to rewrite
    indices = _non_empty(texts)
    pct_first = False
    for n, i in enumerate(indices):
        text = texts[i].strip()
        previous = texts[indices[n - 1]].strip() if n else ""
        heading = count_first_heading(text)
        if heading is not None:
            out[i], pct_first = heading, True
        elif _COUNT_HEADING_CELL.match(text):  # heading cells one a line: "% OF" came first?
            pct_first = _PCT_HEADING_CELL.match(previous) is not None
            if pct_first:  # the cells in count-first order
                out[indices[n - 1]], out[i] = text, previous
        elif "#" in text and match_heading(text) is not None:
            pct_first = False
        elif pct_first:
            row = count_first_row(text)
            if row is not None:
                out[i] = row
            elif PCT_CELL.match(text) and n + 1 < len(indices):
                # One cell a line: the percent, then the count on the next line.
                following = texts[indices[n + 1]].strip()
                if COUNT_CELL.match(following) and not PCT_CELL.match(following):
                    out[i], out[indices[n + 1]] = "", _row_text("", following, text)


def _label_like(text: str) -> bool:
    """A line that may be a label cell: no number cell, heading, row, page furniture or prose."""
    return not (
        COUNT_CELL.match(text)
        or PCT_CELL.match(text)
        or _PCT_HEADING_CELL.match(text)
        or ("#" in text and match_heading(text) is not None)
        or match_row(text) is not None
        or PAGE_FURNITURE.match(text)
        or is_prose(text)
    )


def _run(texts: list[str], indices: list[int], start: int, cell: re.Pattern[str]) -> int:
    """How many lines from indices[start] on are cells of the given kind."""
    end = start
    while end < len(indices) and cell.match(texts[indices[end]].strip()):
        end += 1
    return end - start


def _columns(texts: list[str], out: list[str]) -> list[str]:
    """Tables printed column by column, one cell a line: rows on their counts' lines.

    A run of two or more counts followed by two or more percents is such a table (printed row
    by row, a count is followed by its percent). Its labels are the label-like lines just above
    the counts, footnote marks alone on a line among them passed over. Unless labels, counts
    and percents are equally many and no label ends open ("Family of": it wrapped), which
    label is whose is unknown: the block's lines are all left empty, so none of it is read.
    A message for each such block."""
    unread: list[str] = []
    indices = _non_empty(texts)
    n = 0
    while n < len(indices):
        counts = _run(texts, indices, n, COUNT_CELL)
        pcts = _run(texts, indices, n + counts, PCT_CELL) if counts >= 2 else 0
        if pcts < 2:
            n += max(counts, 1)
            continue
        # The label-like lines just above the counts; footnote marks alone on a line among
        # them belong to a label (no count stands in the label column).
        labels: list[int] = []
        marks: list[int] = []
        j = n - 1
        while j >= 0:
            i, text = indices[j], texts[indices[j]].strip()
            if labels and _MARK_ALONE.match(text):
                marks.append(i)
            elif _label_like(text):
                labels.append(i)
            else:
                break
            j -= 1
        labels.reverse()
        for i in [*labels, *marks, *indices[n : n + counts + pcts]]:
            out[i] = ""
        # A label ending open ("Family of") wrapped: the lines are not one label each.
        if pcts == counts == len(labels) and not any(ends_open(texts[i]) for i in labels):
            for k in range(counts):
                count, pct = indices[n + k], indices[n + counts + k]
                out[count] = _row_text(texts[labels[k]], texts[count], texts[pct])
        else:
            unread.append(
                f"line {indices[n] + 1}: a table printed column by column was not read: "
                f"{len(labels)} label lines for {counts} counts and {pcts} percents"
            )
        n += counts + pcts
    return unread


class PlainForms(NamedTuple):
    texts: list[str]  # the lines, rows in other forms rewritten in the plain one
    unread: list[str]  # why a block of the text was not read, one message each


def plain_forms(texts: list[str]) -> PlainForms:
    """Given a document's line texts, the same lines with rows printed in other forms (see the
    module's docstring) rewritten as `label  count  pct` (the very list given when none is),
    and a message for each block printed column by column that was not read."""
    out = list(texts)
    unread = _columns(texts, out)
    columns = list(out)
    _percent_first(columns, out)
    for i, text in enumerate(out):
        row = colon_row(text) or without_leaders(text)
        if row is not None:
            out[i] = row
    return PlainForms(texts if out == texts else out, unread)
