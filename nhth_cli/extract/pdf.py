"""PDF text extraction with PDFium: pages joined by form feeds, footnote marks made superscript.

PDFium gives the text of a page in reading order, one output line per printed line. Footnote
marks are printed as raised, smaller digits; in the text they come out as plain digits glued to
a word (`Information2`), alone on a line, or they make PDFium break the line after them. Only
the few candidate digit runs are looked at closely (PDFium's font size and position of a handful
of characters, never of the whole page): a run whose font size is clearly below that of the text
it belongs to, which sits above that text's baseline and right next to it, is a footnote mark.
It becomes Unicode superscript digits (which the parser strips as footnote marks) and a line
break the raise made PDFium print is undone. The parser sees the kind of text a text rendition
gives; everything PDF-specific stays here.

PDFium is not thread-safe: this module is used from one thread per process.
"""

from __future__ import annotations

import ctypes
import math
import re
from bisect import bisect_left
from typing import Any

from ..errors import InputError, NotAReportError

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# A run of one or two digits that is no part of a larger number, date, percent or phone number,
# no ordinal ("31st") and not the count of a table row (a count is followed by its percent): what
# a footnote mark looks like in the text. Font size and position decide. (Digit first: fast.)
_CANDIDATE = re.compile(
    r"\d(?<!\d\d)(?<!\d[.,/:\-]\d)\d?(?!\d)(?![.,/:\-]\d)(?!\s?%)"
    r"(?![ \t]+\d{1,3}(?:\.\d+)?[ \t]?%)(?!(?:st|nd|rd|th)\b)"
)
_BLANK = " \t\u00a0"
_BREAKS = "\r\n\f"
_SCAN = 160  # how far to look for the text beside a digit run, in characters
_SMALLER = 0.85  # a mark's font size is at most this share of the text beside it
_RISE_MIN, _RISE_MAX = 0.2, 0.8  # a mark's baseline is above the text's, by this share of its size
_NEAR = 1.2  # a mark starts within this many font sizes of the text it belongs to (no column gap)
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
# PDFium joins a word hyphenated at a line end and marks the hyphen U+FFFE (older builds: U+0002).
# In a table the hyphen is far more often a real one ("Non-Conforming") than a split word: keep it.
_CONTROL = str.maketrans({"\x00": None, "\ufffe": "-", "\x02": "-"})
_ODD = re.compile("[\x00\x02\ufffe\ufb00-\ufb06]")


_Info = tuple[float, float, float]  # effective font size, and the origin: x, y of the baseline


class _Page:
    """One page's text and, on demand, the font size and position of single characters.

    Only the few characters around candidate digit runs are looked up, each at most once.
    """

    def __init__(self, raw: Any, textpage: Any, text: str) -> None:
        self.raw = raw
        self.handle = textpage.raw
        self.text = text
        # PDFium counts text in UTF-16 units: characters beyond the BMP count twice.
        self.astral = [i for i, c in enumerate(text) if c > "\uffff"] if _has_astral(text) else []
        self.same_length = len(text) + len(self.astral) == raw.FPDFText_CountChars(self.handle)
        self.mapped: dict[int, int] = {}
        self.infos: dict[int, _Info | None] = {}
        self.matrix = raw.FS_MATRIX()
        self.x = ctypes.c_double()
        self.y = ctypes.c_double()

    def index(self, i: int) -> int:
        """PDFium's character index for text index i, or -1 when there is none.

        Where text and character list have the same length the index is taken as is and checked
        only before a mark is accepted (`matches`); else PDFium maps it and it is checked now.
        """
        unit = i + bisect_left(self.astral, i) if self.astral else i
        if self.same_length:
            return unit
        index = self.mapped.get(i)
        if index is None:
            index = self.raw.FPDFText_GetCharIndexFromTextIndex(self.handle, unit)
            if index < 0 or self.raw.FPDFText_GetUnicode(self.handle, index) != ord(self.text[i]):
                index = -1  # a generated or dropped character: no safe mapping, leave it as is
            self.mapped[i] = index
        return index

    def matches(self, *indexes: int) -> bool:
        """The characters at these text indexes are the ones PDFium's list holds there."""
        raw, handle, text = self.raw, self.handle, self.text
        for i in indexes:
            index = self.index(i)
            if index < 0 or raw.FPDFText_GetUnicode(handle, index) != ord(text[i]):
                return False
        return True

    def info(self, i: int) -> _Info | None:
        """The character's effective font size (font size scaled by text and page matrix) and
        origin; None when PDFium cannot tell."""
        infos = self.infos
        if i in infos:
            return infos[i]
        found = None
        index = self.index(i)
        raw, handle, m = self.raw, self.handle, self.matrix
        if (
            index >= 0
            and raw.FPDFText_GetMatrix(handle, index, m)
            and raw.FPDFText_GetCharOrigin(handle, index, self.x, self.y)
        ):
            size = raw.FPDFText_GetFontSize(handle, index) * math.sqrt(abs(m.a * m.d - m.b * m.c))
            if size > 0:
                found = (size, self.x.value, self.y.value)
        infos[i] = found
        return found


def _raised(mark: _Info, base: _Info) -> bool:
    """The mark is smaller than base and sits above its baseline, by less than a line."""
    size = base[0]
    return mark[0] <= _SMALLER * size and _RISE_MIN * size <= mark[2] - base[2] <= _RISE_MAX * size


def _has_astral(text: str) -> bool:
    return not text.isascii() and len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)


def _left(text: str, i: int) -> int:
    """Index of the nearest non-blank character before i on the same line, or -1."""
    i -= 1
    while i >= 0:
        c = text[i]
        if c not in _BLANK:
            return -1 if c in _BREAKS else i
        i -= 1
    return -1


def _right(text: str, i: int) -> int:
    """Index of the nearest non-blank character from i on the same line, or -1."""
    n = len(text)
    while i < n:
        c = text[i]
        if c not in _BLANK:
            return -1 if c in _BREAKS else i
        i += 1
    return -1


def _across(text: str, i: int, step: int) -> tuple[int, bool]:
    """The nearest non-blank character from i in direction step, across line breaks, and
    whether a break lies between; (-1, False) when there is none near."""
    broke = False
    end = max(-1, i - _SCAN) if step < 0 else min(len(text), i + _SCAN)
    while i != end:
        c = text[i]
        if c in _BREAKS:
            broke = True
        elif c not in _BLANK:
            return i, broke
        i += step
    return -1, False


def _is_mark(page: _Page, start: int, end: int) -> bool:
    """A digit run printed as a footnote mark: smaller than the text it follows on its line (or
    precedes, at a line start; or, alone on its line, the lines around it), raised above that
    text's baseline and printed next to it (not a column away)."""
    text = page.text
    left = _left(text, start)
    if left >= 0:
        beside = [left]
    else:
        right = _right(text, end)
        if right >= 0:
            beside = [right]
        else:
            beside = [j for j, _ in (_across(text, start - 1, -1), _across(text, end, 1)) if j >= 0]
    first = page.info(start)
    if first is None or not beside:
        return False
    bases: list[_Info] = []
    for j in beside:  # cheapest test first: the first digit against the text beside it
        base = page.info(j)
        if base is None or first[0] > _SMALLER * base[0]:
            return False
        bases.append(base)
    if end - start > 1:
        last = page.info(end - 1)
        if last is None or any(last[0] > _SMALLER * base[0] for base in bases):
            return False
    if not any(_raised(first, b) and abs(first[1] - b[1]) <= _NEAR * b[0] for b in bases):
        return False
    return page.matches(*range(start, end), *beside)


def _join_span(page: _Page, start: int, end: int) -> list[tuple[int, int, str]]:
    """Line breaks PDFium put next to a mark because it is raised: (start, end, replacement)."""
    text = page.text
    out: list[tuple[int, int, str]] = []
    nxt, broke_after = _across(text, end, 1)
    prev, broke_before = _across(text, start - 1, -1)
    if broke_after and _on_base_line(page, end - 1, nxt):
        out.append((end, nxt, "" if prev < 0 or broke_before else " "))
    if broke_before and _on_base_line(page, start, prev):
        out.append((prev + 1, start, ""))
    return out


def _on_base_line(page: _Page, mark: int, other: int) -> bool:
    """The character at other sits on the line the mark is raised above, on the mark's side."""
    if other < 0:
        return False
    m, o = page.info(mark), page.info(other)
    if m is None or o is None or not _raised(m, o):
        return False
    in_order = m[1] <= o[1] if other > mark else o[1] <= m[1]
    return in_order and page.matches(other)


def _page_text(raw: Any, textpage: Any) -> str:
    text: str = textpage.get_text_range()
    candidates = list(_CANDIDATE.finditer(text))
    if not candidates:
        return _normalise(text)
    page = _Page(raw, textpage, text)
    edits: list[tuple[int, int, str]] = []
    for m in candidates:
        start, end = m.span()
        if _is_mark(page, start, end):
            edits.append((start, end, text[start:end].translate(_SUPERSCRIPT)))
            edits += _join_span(page, start, end)
    if not edits:
        return _normalise(text)
    parts: list[str] = []
    pos = 0
    for start, end, replacement in sorted(set(edits)):
        if start < pos:
            continue  # overlapping edits: keep the first
        parts += [text[pos:start], replacement]
        pos = end
    parts.append(text[pos:])
    return _normalise(_SPLIT_MARK.sub("", "".join(parts)))


# The digits of one raised mark that PDFium gives apart ("¹ ⁰" for ¹⁰, as Chromium prints it).
_SPLIT_MARK = re.compile("(?<=[⁰¹²³⁴⁵⁶⁷⁸⁹]) +(?=[⁰¹²³⁴⁵⁶⁷⁸⁹])")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _SURROGATE.search(text) is not None:  # a broken ToUnicode map: no valid UTF-8 else
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if _ODD.search(text) is None:
        return text
    return text.translate(_LIGATURES).translate(_CONTROL)


def _truncated(data: bytes) -> bool:
    """A complete PDF ends with `%%EOF` after its last object; a cut-off download does not."""
    eof = data.rfind(b"%%EOF")
    return eof < 0 or eof < data.rfind(b"endobj")


def _open_error(raw: Any, exc: Exception) -> InputError:
    code = getattr(exc, "err_code", None)
    if code == raw.FPDF_ERR_PASSWORD:
        return InputError("PDF is encrypted (a password is needed to open it); decrypt it first")
    if code == raw.FPDF_ERR_SECURITY:
        return InputError("PDF is encrypted with an unsupported security handler; decrypt it first")
    if code == raw.FPDF_ERR_SUCCESS:
        return InputError("damaged PDF: it has no pages")
    reason = {
        raw.FPDF_ERR_FORMAT: "not a readable PDF structure",
        raw.FPDF_ERR_FILE: "cannot be read",
        raw.FPDF_ERR_PAGE: "a page cannot be read",
    }.get(code, "PDFium cannot open it")
    return InputError(f"damaged PDF: {reason}")


MAX_PAGE_CHARS = 1_000_000  # characters of text one page may give
MAX_TEXT_CHARS = 50_000_000  # and a whole PDF


def pdf_to_text(data: bytes) -> str:
    """Given a PDF's bytes, its text: pages joined by form feeds, `\\n` line ends.

    Raises InputError for an encrypted or damaged PDF and NotAReportError for one without a
    text layer (a scan).
    """
    return pdf_pages(data)[0]


def pdf_pages(
    data: bytes, max_page_chars: int = MAX_PAGE_CHARS, max_text_chars: int = MAX_TEXT_CHARS
) -> tuple[str, tuple[int, ...]]:
    """Given a PDF's bytes, its text (as `pdf_to_text`) and the pages (1-based) that gave no
    text between pages that did, or that draw nothing at all: a page whose content stream does
    not decode comes back empty from PDFium.

    A page with more than `max_page_chars` characters of text, or a PDF with more than
    `max_text_chars`, is an InputError (a decompression bomb is not a report).
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    if _truncated(data):
        raise InputError("damaged PDF: the file is cut short (its end-of-file marker is missing)")
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _open_error(raw, exc) from None
    pages: list[str] = []
    drawn: list[bool] = []  # the page has page objects: PDFium decoded something to draw
    total = 0
    with doc:
        for number in range(len(doc)):
            try:
                page = doc.get_page(number)
            except pdfium.PdfiumError:
                raise InputError(f"damaged PDF: page {number + 1} cannot be read") from None
            try:
                textpage = page.get_textpage()
                try:
                    chars = raw.FPDFText_CountChars(textpage.raw)
                    if chars > max_page_chars:
                        raise InputError(
                            f"page {number + 1} holds {chars:,} characters of text, over the "
                            f"limit of {max_page_chars:,} per page"
                        )
                    total += max(chars, 0)
                    if total > max_text_chars:
                        raise InputError(
                            f"the PDF holds over {max_text_chars:,} characters of text "
                            f"(the limit) by page {number + 1}"
                        )
                    pages.append(_page_text(raw, textpage))
                    drawn.append(raw.FPDFPage_CountObjects(page.raw) > 0)
                finally:
                    textpage.close()
            except pdfium.PdfiumError:
                raise InputError(f"damaged PDF: page {number + 1} has unreadable text") from None
            finally:
                page.close()
    if not pages:
        raise InputError("damaged PDF: it has no pages")
    with_text = [i for i, p in enumerate(pages) if p.strip()]
    if not with_text:
        raise NotAReportError("PDF has no text layer (scanned image?); run OCR first")
    first, last = with_text[0], with_text[-1]
    # A page without text between pages with text, or one that draws nothing at all, is what
    # a content stream that does not decode gives: the text (and rows) on it are lost.
    empty = tuple(
        i + 1
        for i, text in enumerate(pages)
        if not text.strip() and (first < i < last or not drawn[i])
    )
    # A page's text starts on a fresh line after the form feed, as pdftotext prints it.
    # Every page ends with a form feed, as pdftotext prints it: a one-page PDF has pages too.
    return "".join(p.rstrip("\n") + "\n\f" for p in pages), empty
