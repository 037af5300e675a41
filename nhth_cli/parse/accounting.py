"""Given a document's text and the report read from it, the numbers it prints that no row holds.

SPEC.md (Validation, `unread_numbers`): every number a document prints as data is the count or
percent of exactly one row, or a known non-row. This stage knows nothing of layouts: it finds
every number in the text, pairs each with a row value (or a summary-only figure) of the same
kind and value, nearest line first, and then keeps those left over that are none of the known
non-rows: dates and years, phone and statute numbers, page numbers, footnote marks, and numbers
inside prose sentences. What is left is data that went into no row.

The pairing is by value, so it cannot be fooled by where a parser put a row: if a parser drops
a printed number, the text holds one more of that value than the rows do, whatever the order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Literal, NamedTuple

from ..normalize.casefold import lowered
from ..normalize.periods import YEAR_WORDS, is_report_year
from ..records import Cell, UnreadNumber
from .lines import read_lines

Kind = Literal["count", "pct", "withheld", "malformed", "exempt"]

INT64_MAX = 2**63 - 1
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Spans whose digits are never data: dates, phone numbers, ranges, "24/7", statute numbers.
_NOT_DATA = (
    # A cheap look at the first character before the month names are tried (speed: a long
    # text is scanned at every position).
    rf"\b(?=[JFMASOND]){_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}\b"  # January 1, 2016
    rf"|\b\d{{1,2}}\s+(?=[JFMASOND]){_MONTH}\s+\d{{4}}\b"  # 1 January 2016
    r"|(?<!\w)(?:\+?1[.\-–])?\d{3}[.\-–]\d{3}[.\-–]\d{4}(?!\d)"  # phone: 1-888-373-7888
    r"|\(\d{3}\)\s?\d{3}[.\-–]\d{4}(?!\d)"  # phone: (888) 373-7888
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]\.?M\b\.?)?"  # 4:28 PM
    r"|(?<![\w.])\d+(?:\s*[/\-–]\s*\d+)+(?![\d%])"  # 1/1/2016, 24/7, 211/311, 2012-2016
    r"|§+\s*\d[\d.\-–]*"  # §134
    r"|\b\d{1,2}\s+U\.?S\.?C\.?\s*§*\s*\d[\d.\-–]*"  # 22 U.S.C. 7102
    r"|\b(?=[UCSTP])(?:U\.?S\.?C\.?|C\.?F\.?R\.?|Section|Sec\.|Chapter|Title|Public\s+Law|P\.?\s?L\.?)"
    r"\s*§?\s*\d[\d.\-–]*"
)
# A withheld count ("Fewer than Three", "<3"), not followed by a word: "Fewer than Three Times"
# is part of a label, and "reported fewer than three times" a sentence. N/A may follow.
_WITHHELD = (
    r"Fewer\s+than\s+(?:Three|3)(?![A-Za-z])(?![^\S\n]*(?!N/?A\b)[A-Za-z])"
    r"(?![^\S\n]*\n[^\S\n]*(?:times|cases)\b)"  # a label wrapped before "Times"
    r"|<\s*3(?!\d)"
)
# Anything that looks like a number, as loosely as it may be printed: the number then decides.
_NUMBER = (
    r"(?<![\w])(?P<sign>[-+−](?=\d))?(?P<digits>\d+(?:,\d{3}(?!\d))*(?:\.\d+)?)"
    r"(?P<exp>[eE][-+]?\d+)?(?P<pct>[^\S\n]*%)?(?P<glued>[\-–]?[A-Za-z]+)?"
)
# Where a number can start: a digit or sign, "<3", a statute's "§", or a capitalised word
# followed by a number (a month, "Section", "U.S.C.") or "Fewer" (a withheld count). Tested
# first, it rejects most positions of a text at once (the alternatives cost 2x without it).
_STARTS = r"(?=[\d<§(+\-−]|\b(?:[A-Z][A-Za-z.]{1,8}\s*§?\s*\d|[Ff][Ee][Ww][Ee][Rr]\s))"
_TOKEN = re.compile(rf"{_STARTS}(?i:(?P<exempt>{_NOT_DATA})|(?P<withheld>{_WITHHELD})|{_NUMBER})")
# SPEC.md's third form of a withheld count: a statement that all of a table's venues were
# reported fewer than three times (the state profile's `All Venues` row). A report prints it
# with no digit, so the token scan above never sees it.
_ALL_WITHHELD_REST = (
    r"\s+(?:sex|labor)\s+trafficking\s+venues\s+(?:were\s+)?reported\s+fewer\s+than"
    r"\s+(?:three|3)(?:\s+times)?\b"
)
_ALL_WITHHELD = re.compile(rf"\bAll{_ALL_WITHHELD_REST}", re.I)
# The same for the text in lower case (casefold.lowered), the word boundary tested after the
# literal "all": a pattern that starts with a literal is searched for by it, not at every offset.
_ALL_WITHHELD_LOW = re.compile(rf"all(?<!\wall){_ALL_WITHHELD_REST}")
_COUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_PCT = re.compile(r"\d{1,3}(?:\.\d+)?")
_ORDINAL = ("st", "nd", "rd", "th")
# A footnote's own text: its mark starts the line and a sentence follows.
_FOOTNOTE_TEXT = re.compile(r"^\s*(?:\*|(?P<mark>[0-9]{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))[^\S\n]*[A-Z]")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?-?\s*\d{1,4}\s*-?(?:\s+of\s+\d{1,4})?\s*$", re.I)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.]*)[^\w\n]*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
# A line that starts with a label and its colon, the number right after: `Label: value`, data
# whatever words follow ("Agriculture: 5 cases"), never a sentence.
_LABEL_COLON = re.compile(r"^\s*[A-Z][^:\n]{0,60}:\s*$")
MAX_NUMBERS = 100_000  # numbers accounted for per document (a report prints a few hundred)
_CONTEXT = 200  # characters looked at around a number
MAX_UNREAD = 1000  # numbers no row holds listed per document
_AFTER_SKIP = re.compile(r"[\s*\"'’”)\]]*")


class Printed(NamedTuple):
    """A number as the document prints it: where, its text, its kind and value. (A named
    tuple, as _Held: a report prints about 150 numbers, and a frozen dataclass takes 7x as long
    to make: 0.3 ms a report.)"""

    line: int  # 1-based
    page: int | None
    text: str
    kind: Kind
    value: int | float | None
    start: int  # offset in the document's cleaned text


def _kind(m: re.Match[str]) -> tuple[Kind, int | float | None]:
    """The kind and value of a number as printed (see _NUMBER)."""
    if m["exempt"]:
        return "exempt", None
    if m["withheld"]:
        return "withheld", None
    digits, glued = m["digits"], (m["glued"] or "").lower()  # "31st", "5Cases", "24-hour"
    if glued and not m["pct"] and not m["exp"]:
        if glued in _ORDINAL and _is_ascii_number(digits):
            return "count", int(digits)
        return "exempt", None  # a mark or word glued to a number: "5Cases", "1To"
    if m["sign"] or m["exp"] or not digits.isascii():
        return "malformed", None
    if m["pct"]:
        return ("pct", float(digits)) if _PCT.fullmatch(digits) else ("malformed", None)
    if not _COUNT.fullmatch(digits):
        return "malformed", None  # 3,3 or 33.0 or 1,23
    value = int(digits.replace(",", ""))
    return ("count", value) if value <= INT64_MAX else ("malformed", None)


def printed_numbers(text: str) -> tuple[list[Printed], list[str], list[int] | None]:
    """Given a document's text, every number it prints, in order, with the cleaned lines and
    their pages (see parse.lines.read_lines)."""
    lines = read_lines(text)
    flat = "\n".join(lines.texts)
    starts = [0]
    for t in lines.texts[:-1]:
        starts.append(starts[-1] + len(t) + 1)
    out: list[Printed] = []
    for m in _TOKEN.finditer(flat):
        if len(out) == MAX_NUMBERS:
            break  # see unread_numbers
        kind, value = _kind(m)
        line = bisect_right(starts, m.start())
        page = None if lines.pages is None else lines.pages[line - 1]
        out.append(Printed(line, page, m.group().strip(), kind, value, m.start()))
    statements = _withheld_statements(flat) if len(out) < MAX_NUMBERS else []
    for start, end in statements:
        line = bisect_right(starts, start)
        page = None if lines.pages is None else lines.pages[line - 1]
        out.append(Printed(line, page, flat[start:end], "withheld", None, start))
    if statements:
        out.sort(key=attrgetter("start"))
    return out, lines.texts, lines.pages


def _withheld_statements(flat: str) -> list[tuple[int, int]]:
    """Given the document's text, where each statement that withholds a table (_ALL_WITHHELD)
    starts and ends. Searched in lower case, where the pattern starts with a literal."""
    low = lowered(flat)
    found = _ALL_WITHHELD.finditer(flat) if low is None else _ALL_WITHHELD_LOW.finditer(low)
    return [m.span() for m in found]


class _Held(NamedTuple):
    """A value that a row (or the summary) holds, and the line it was read from."""

    kind: Kind
    value: int | float | None
    line: int | None  # None: a summary-only figure, printed anywhere


def held_values(
    cells: Iterable[Cell], summary_figures: Iterable[int | None] = ()
) -> Iterator[_Held]:
    """Given a report's cells and its summary-only figures, every value a printed number may be."""
    for c in cells:
        if c.suppressed:
            yield _Held("withheld", None, c.line)
        elif c.count is not None:
            yield _Held("count", c.count, c.line)
        if c.pct is not None:
            yield _Held("pct", c.pct, c.line)
    for figure in summary_figures:
        if figure is not None:
            yield _Held("count", figure, None)


def pair_by_value(printed: Sequence[Printed], held: Iterable[_Held]) -> set[int]:
    """The printed numbers (their indices) that a held value of the same kind and value takes;
    each held value takes the untaken printed number nearest its line. As many pairs form as
    the text and the rows have of each value in common, so a dropped number is always left
    over."""
    by_key: dict[tuple[Kind, int | float | None], list[int]] = defaultdict(list)
    for i, p in enumerate(printed):  # in printed order: each list is sorted by line
        if p.kind in ("count", "pct", "withheld"):
            by_key[(p.kind, p.value)].append(i)
    lines = {key: [printed[i].line for i in free] for key, free in by_key.items()}
    taken: set[int] = set()
    for h in held:
        free = by_key.get((h.kind, h.value))
        if not free:
            continue
        free_lines = lines[(h.kind, h.value)]
        at = 0
        if h.line is not None:  # the nearest of the free numbers either side of its line
            at = bisect_right(free_lines, h.line)
            if at == len(free) or (at and h.line - free_lines[at - 1] <= free_lines[at] - h.line):
                at -= 1
        free_lines.pop(at)
        taken.add(free.pop(at))
    return taken


def _footnote_marks(texts: Sequence[str]) -> frozenset[int]:
    """The footnote numbers whose text the document prints: a line starting with the mark, or
    the mark alone on a line above its sentence (as `pdftotext -layout` prints a raised mark)."""
    marks = set()
    for i, t in enumerate(texts):
        m = _FOOTNOTE_TEXT.match(t)
        if m and m["mark"]:
            marks.add(int(m["mark"].translate(_SUPERSCRIPTS)))
        elif _is_ascii_number(t.strip()) and len(t.strip()) <= 2:
            below = next((u for u in texts[i + 1 : i + 3] if u.strip()), "")
            if _is_sentence(below):  # a raised mark may be printed as superscript digits
                marks.add(int(t.strip().translate(_SUPERSCRIPTS)))
    return frozenset(marks)


def _is_ascii_number(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _is_sentence(text: str) -> bool:
    """Five words or more, two of them in lower case: prose, not a label."""
    words = text.split()
    return len(words) >= 5 and sum(w[:1].islower() for w in words) >= 2


def _before(flat: str, at: int) -> str:
    """The text before offset `at` on its line, or the previous non-blank line's when the
    number starts its line."""
    line_start = max(flat.rfind("\n", max(0, at - _CONTEXT), at) + 1, at - _CONTEXT)
    before = flat[line_start:at]
    if before.strip():
        return before
    if line_start > 0 and flat[line_start - 1] != "\n":
        return before  # a long line: only its last characters are looked at
    end = line_start - 1
    while end > 0:
        start = flat.rfind("\n", 0, end) + 1
        if flat[start:end].strip():
            return flat[start:end]
        end = start - 1
    return ""


def _next_word(flat: str, end: int) -> str:
    """The word after offset `end`, crossing at most one line break (not a blank line)."""
    skipped = _AFTER_SKIP.match(flat, end)
    at = skipped.end() if skipped else end
    if flat.count("\n", end, at) > 1:
        return ""
    m = _WORD.match(flat, at)
    return m.group() if m else ""


@dataclass(frozen=True)
class _Document:
    """What telling a non-row needs of the document: its cleaned lines, joined and as a list,
    the footnote numbers it defines and the lines at the edge of a page."""

    flat: str
    texts: Sequence[str]
    marks: frozenset[int]
    page_edges: frozenset[int]

    @classmethod
    def of(cls, texts: Sequence[str], pages: Sequence[int] | None) -> _Document:
        edges: set[int] = set()
        if pages is not None:  # the first and last two non-blank lines of each page
            on_page: dict[int, list[int]] = defaultdict(list)
            for i, (t, page) in enumerate(zip(texts, pages, strict=True)):
                if t.strip():
                    on_page[page].append(i + 1)
            for numbers in on_page.values():
                edges.update(numbers[:2] + numbers[-2:])
        return cls("\n".join(texts), texts, _footnote_marks(texts), frozenset(edges))


def is_known_non_row(p: Printed, doc: _Document, beside_held: bool | None) -> bool:
    """Whether a printed number that no row holds is one of SPEC.md's known non-rows.
    beside_held: whether the number it stands beside is held by a row (None: there is none;
    see unread_numbers)."""
    if p.kind == "exempt":
        return True
    if p.kind == "withheld" and _ALL_WITHHELD.match(p.text):
        return False  # a statement that withholds a table's rows is data, wherever it stands
    before = _before(doc.flat, p.start)
    after = _next_word(doc.flat, p.start + len(p.text))
    if (
        after[:1].islower()
        and len(after) > 1
        and after.lower() != "n/a"
        and not _LABEL_COLON.match(before)
    ):
        return True  # inside a prose sentence: "a total of 54 unique cases"
    if p.kind != "count" or not isinstance(p.value, int):
        return False
    word = _WORD_BEFORE.search(before)
    text_line = doc.texts[p.line - 1]
    short = len(text_line) <= _CONTEXT  # the rules about a whole line look at short ones only
    if is_report_year(p.value) and "," not in p.text:
        if (word and word.group(1).lower() in YEAR_WORDS) or before.rstrip()[-1:] == "©":
            return True  # "in 2016", "Since 2007"
        if short and all(_is_ascii_number(t) and is_report_year(int(t)) for t in text_line.split()):
            return True  # a row of years: a year selector
    if (
        p.value in doc.marks
        and word is not None
        and before.rstrip()[-1:] not in ",:"
        and (beside_held or (beside_held is None and before.strip().isupper()))
    ):
        return True  # a footnote mark after a row's label or a heading: "Specified 5 3 5.6%"
    if (
        short
        and text_line[:1].isspace()
        and all(_is_ascii_number(t) and int(t) in doc.marks for t in text_line.split())
    ):
        return True  # raised marks on a line of their own, indented (pdftotext -layout)
    contact = word.group(1).lower() if word else ""
    if contact == "tty" or (contact == "text" and p.value >= 10_000):
        return True  # a number to text or call the hotline at: "Text 233733", "TTY: 711"
    if (
        short
        and p.value in doc.marks
        and text_line.strip() == p.text
        and _is_sentence(_line_after(doc, p))
    ):
        return True  # a footnote's own mark, alone above its sentence
    if _FOOTNOTE_TEXT.match(text_line) and text_line[:20].lstrip().startswith(p.text):
        return True  # a footnote's own mark: "5 Cases where ..."
    if short and _PAGE_NUMBER.match(text_line):  # "12" at a page's edge, or "Page 3 of 9"
        return p.line in doc.page_edges or text_line.strip()[:4].lower() == "page"
    return False


def unread_numbers(
    text: str, cells: Iterable[Cell], summary_figures: Iterable[int | None] = ()
) -> tuple[UnreadNumber, ...]:
    """Given a document's text, the cells read from it and its summary-only figures (the
    nationwide count, the call-volume rank), the numbers it prints as data that no row holds."""
    printed, texts, pages = printed_numbers(text)
    if len(printed) == MAX_NUMBERS:  # no report prints so many: hostile input, not read whole
        last = printed[-1]
        message = (
            f"the document prints more than {MAX_NUMBERS:,} numbers, more than any report: "
            "not accounted for past here"
        )
        return (UnreadNumber(last.line, last.page, last.text, message, "too_many"),)
    taken = pair_by_value(printed, held_values(cells, summary_figures))
    left = [i for i, p in enumerate(printed) if i not in taken and p.kind != "exempt"]
    if not left:
        return ()
    doc = _Document.of(texts, pages)

    def beside_held(i: int) -> bool | None:
        """A footnote mark stands between a label and the row's numbers ("Specified 5 3 5.6%"),
        after a withheld count ("Fewer than Three 7 N/A"), alone on a line above the row's
        numbers or at the end of the label's line above them: whether that neighbour is held
        by a row (None: it has none)."""
        p = printed[i]
        prev = printed[i - 1] if i else None
        line = doc.texts[p.line - 1]
        alone = len(line) <= _CONTEXT and line.strip() == p.text
        if (
            prev is not None
            and prev.kind == "withheld"
            and (prev.line == p.line or alone)
            and not doc.flat[prev.start + len(prev.text) : p.start].strip()
        ):
            return i - 1 in taken
        if i + 1 == len(printed):
            return None
        following = printed[i + 1]
        blank = all(not t.strip() for t in doc.texts[p.line : following.line - 1])
        # Or it ends its line, after the label, and the row's numbers follow a cell a line
        # (pdftotext without -layout): "Request General Information 2" / "5" / "9.3%".
        ends = alone or (len(line) <= _CONTEXT and line.rstrip().endswith(f" {p.text}"))
        if following.line == p.line or (ends and blank and not _before_is_heading(p, doc)):
            return i + 1 in taken
        return None

    found: list[UnreadNumber] = []
    for i in left:
        p = printed[i]
        if not is_known_non_row(p, doc, beside_held(i)):
            at = max(p.start - 60, doc.flat.rfind("\n", max(0, p.start - 60), p.start) + 1)
            context = doc.flat[at : at + 120].partition("\n")[0]
            found.append(UnreadNumber(p.line, p.page, p.text, context.strip(), p.kind))
            if len(found) == MAX_UNREAD:  # hostile input: enough to fail it and show where
                message = f"more than {MAX_UNREAD:,} numbers that no row holds: listed up to here"
                found.append(UnreadNumber(p.line, p.page, p.text, message, "too_many"))
                break
    return tuple(found)


def _line_after(doc: _Document, p: Printed) -> str:
    """The first non-blank line after a number's line (within three lines)."""
    return next((t for t in doc.texts[p.line : p.line + 3] if t.strip()), "")


def _before_is_heading(p: Printed, doc: _Document) -> bool:
    return _before(doc.flat, p.start).strip().isupper()
