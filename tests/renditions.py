"""Other text forms of one report, made from its text: what real inputs look like.

Each function is "given report text, return the same report in another form". The forms are
those of SPEC.md: tab-separated or space-aligned columns, wrapped labels, footnote marks as
plain digits, repeated page headers and form feeds, markdown debris, and encodings.
"""

from __future__ import annotations

import codecs
import re

# A table row as the renditions print it: label, count (or withheld), percent.
_ROW = re.compile(
    r"^(?P<indent>\s*)(?P<label>\S.*?)(?:\t|\s{2,})(?P<count>\d[\d,]*|Fewer than Three\s*\S*)"
    r"(?:\t|\s{2,})(?P<pct>\d+\.\d%|N/A)\s*$"
)
_HEADING = re.compile(
    r"^(?P<title>\S.*?)(?:\t|\s{2,})(?P<a># OF \w+)(?:\t|\s{2,})(?P<b>% OF \w+)\s*$"
)
_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPER_RUN = re.compile(r"[ \t]*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")


def _map_rows(text: str, fn: object) -> str:
    out = []
    for line in text.split("\n"):
        m = _ROW.match(line)
        out.append(fn(m) if m else line)  # type: ignore[operator]
    return "\n".join(out)


def _columns(text: str, row: str, heading: str) -> str:
    """Every table row and heading printed again with the given format strings."""
    out = []
    for line in text.split("\n"):
        if m := _ROW.match(line):
            line = row.format(m["label"], m["count"], m["pct"])
        elif h := _HEADING.match(line):
            line = heading.format(h["title"], h["a"], h["b"])
        out.append(line)
    return "\n".join(out)


def tabs(text: str) -> str:
    """Space-aligned columns to tab-separated ones (the seed form)."""
    return _columns(text, "{}\t{}\t{}", "{}\t{}\t{}")


def layout(text: str) -> str:
    """Tab-separated rows to space-aligned columns, as `pdftotext -layout` prints them."""
    return _columns(text, "{:<56}{:>22}{:>12}", "{:<56}{:>22}{:>12}")


def single_spaces(text: str) -> str:
    """Cells separated by one space, as PDF text extraction often gives them."""

    def row(m: re.Match[str]) -> str:
        return f"{m['label']} {m['count']} {m['pct']}"

    return _map_rows(text, row)


def _halves(label: str) -> tuple[str, str] | None:
    words = label.split()
    if len(words) < 3 or len(label) < 24:
        return None
    cut = (len(words) + 1) // 2
    return " ".join(words[:cut]), " ".join(words[cut:])


def wrap_numbers_last(text: str) -> str:
    """Long labels wrap; the numbers sit on the label's last line."""

    def row(m: re.Match[str]) -> str:
        halves = _halves(m["label"])
        if halves is None:
            return m.group(0)
        return f"{m['indent']}{halves[0]}\n{m['indent']}{halves[1]}  {m['count']}  {m['pct']}"

    return _map_rows(text, row)


def wrap_numbers_first(text: str) -> str:
    """Long labels wrap; the numbers sit on the label's first line."""

    def row(m: re.Match[str]) -> str:
        halves = _halves(m["label"])
        if halves is None:
            return m.group(0)
        return f"{m['indent']}{halves[0]}  {m['count']}  {m['pct']}\n{m['indent']}{halves[1]}"

    return _map_rows(text, row)


def numbers_below(text: str) -> str:
    """Every label alone on its line, its numbers alone on the next."""

    def row(m: re.Match[str]) -> str:
        return f"{m['indent']}{m['label']}\n{m['count']}  {m['pct']}"

    return _map_rows(text, row)


def withheld_wrapped(text: str) -> str:
    """A withheld count wraps in its cell: `Minors` / `Fewer than` / `Three7 N/A`."""

    def row(m: re.Match[str]) -> str:
        if not m["count"].startswith("Fewer"):
            return m.group(0)
        mark = m["count"].removeprefix("Fewer than Three").strip().translate(_SUPER)
        return f"{m['label']}\nFewer than\nThree{mark} {m['pct']}"

    return _map_rows(text, row)


def glued_footnotes(text: str) -> str:
    """Raised footnote marks printed as plain digits glued to the word (`Information2`)."""
    return _SUPER_RUN.sub(lambda m: m[1].translate(_SUPER), text)


def spaced_footnotes(text: str) -> str:
    """Footnote marks as plain digits after a space (`Foreign Nationals 11`)."""
    return _SUPER_RUN.sub(lambda m: " " + m[1].translate(_SUPER), text)


def page_breaks(text: str, *, repeat_heading: bool = False) -> str:
    """A form feed and the page header every 12 lines, inside tables too."""
    header = [line for line in text.split("\n")[:6] if "Report" in line][:1]
    out: list[str] = []
    heading: str | None = None
    for i, line in enumerate(text.split("\n")):
        if _HEADING.match(line):
            heading = line
        if i and i % 12 == 0 and header:
            out.append("\fNATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT")
            out.extend(header)
            out.append("")
            if repeat_heading and heading and _ROW.match(line):
                out.append(heading)
        out.append(line)
    return "\n".join(out)


def markdown(text: str) -> str:
    """Debris of a markdown conversion: bold numbers, `#` headings, links."""
    out = []
    for line in text.split("\n"):
        if re.fullmatch(r"[A-Z][A-Z /&()-]{6,}", line.strip()):
            line = "## " + line.strip()
        line = re.sub(r"(?<![\d.,/])(\d[\d,]*)(?= (?:Phone|Emails|Online|unique))", r"**\1**", line)
        line = re.sub(r"(Received from [^:]+: )(\d+)", r"\1**\2**", line)
        out.append(line)
    return "\n".join(out) + "\n[Back to top](#)\n"


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def bom(text: str) -> bytes:
    return codecs.BOM_UTF8 + text.encode("utf-8")


def cp1252(text: str) -> bytes:
    """Windows-1252 has ¹²³ but no other superscripts: marks become plain digits first."""
    return glued_footnotes(text).encode("cp1252")


def latin1(text: str) -> bytes:
    return glued_footnotes(text).replace("–", "-").replace("’", "'").encode("latin-1")


def withheld_wrapped_inline(text: str) -> str:
    """Layout text of a wrapped withheld cell: `Minors  Fewer than` / `   Three7  N/A`."""

    def row(m: re.Match[str]) -> str:
        if not m["count"].startswith("Fewer"):
            return m.group(0)
        mark = m["count"].removeprefix("Fewer than Three").strip().translate(_SUPER)
        return f"{m['label']:<56}{'Fewer than':>22}\n{'Three' + mark:>78}{m['pct']:>12}"

    return _map_rows(text, row)


def wrapped_headings(text: str) -> str:
    """Table titles wrap: the title's end on the next line, or columns under the title."""
    out = []
    for line in text.split("\n"):
        h = _HEADING.match(line)
        if h is None:
            out.append(line)
            continue
        title = h["title"]
        if "(" in title:  # VICTIM DEMOGRAPHICS⁶ / (LABOR TRAFFICKING CASES)  # OF ...
            first, _, rest = title.partition("(")
            out += [first.strip(), f"({rest}  {h['a']}  {h['b']}"]
        elif len(title.split()) > 4:  # PRIMARY REASON FOR ... THE  # OF ... / NATIONAL HOTLINE
            words = title.split()
            out += [f"{' '.join(words[:-2])}  {h['a']}  {h['b']}", " ".join(words[-2:])]
        else:  # CALLER TYPE / # OF CALLS  % OF CALLS
            out += [title, f"{h['a']}  {h['b']}"]
    return "\n".join(out)


def wrapped_sentences(text: str, width: int = 48) -> str:
    """Prose wraps at a narrow width, so sentences with numbers span lines."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width or _ROW.match(line) or _HEADING.match(line) or "  " in line.strip():
            out.append(line)
            continue
        words, current = line.split(), ""
        for word in words:
            if current and len(current) + len(word) + 1 > width:
                out.append(current)
                current = word
            else:
                current = f"{current} {word}".strip()
        out.append(current)
    return "\n".join(out)


def stacked_signals(text: str) -> str:
    """The overview's big numbers on one line, their channel names on the line below."""
    pattern = re.compile(r"^\s*(\d[\d,]*) (Phone Calls)\s+(\d[\d,]*) (Emails)\s+(\d[\d,]*) (.+)$")
    out = []
    for line in text.split("\n"):
        m = pattern.match(line)
        if m:
            out += [f"   {m[1]:<18}{m[3]:<18}{m[5]}", f"   {m[2]:<18}{m[4]:<18}{m[6]}"]
        else:
            out.append(line)
    return "\n".join(out)


def signals_apart(text: str) -> str:
    """Each overview number alone on a line above its channel name (`199` / `Phone Calls`)."""
    pair = re.compile(r"(\d[\d,]*) (Phone Calls|Emails|Online Tip Reports)")
    out = []
    for line in text.split("\n"):
        pairs = pair.findall(line)
        if pairs and not pair.sub("", line).strip():
            out += [part for number, name in pairs for part in (number, name)]
        else:
            out.append(line)
    return "\n".join(out)


def page_footers(text: str) -> str:
    """A mixed-case footer at the bottom of every page, and a page break inside a table."""
    footer = "Polaris | humantraffickinghotline.org | Text 233733"
    out: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i and i % 15 == 0:
            out += ["", footer, "\fNATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT", ""]
        out.append(line)
    return "\n".join([*out, footer])


def one_cell_a_line(text: str) -> str:
    """Every table cell on a line of its own, blank lines between (some PDF text is so)."""

    def row(m: re.Match[str]) -> str:
        return f"{m['label']}\n\n{m['count']}\n\n{m['pct']}"

    return _map_rows(text, row)


def header_on_one_line(text: str) -> str:
    """The two page-header lines printed side by side, as a two-column page header comes out."""
    title = "NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT"
    out: list[str] = []
    for line in text.split("\n"):
        if out and out[-1].lstrip("\f") == title and "State Report:" in line:
            out[-1] = f"{out[-1]}      {line.strip()}"
        elif out and out[-1].lstrip("\f") == title and not line.strip():
            continue  # the blank line between the two header lines in the seed
        else:
            out.append(line)
    return "\n".join(out)


# -- forms of issue 12: the same rows printed in other ways ------------------------------------


def colon_rows(text: str) -> str:
    """Rows as `Label: N (P%)`: `Community Member: 29 (14.6%)`,
    `Minors: Fewer than Three⁷ (N/A)`."""

    def row(m: re.Match[str]) -> str:
        return f"{m['indent']}{m['label']}: {m['count']} ({m['pct']})"

    return _map_rows(text, row)


def dot_leaders(text: str, *, glued: bool = False) -> str:
    """Dot leaders between a label and its numbers: `Victim of Trafficking ........ 49   24.6%`;
    glued, the dots touch the label and the count: `Victim of Trafficking........49 24.6%`.
    Column headings get them too: `CALLER TYPE ........ # OF CALLS   % OF CALLS`."""
    text = _columns(text, "{}  {}  {}", "{} ........ {}   {}")

    def row(m: re.Match[str]) -> str:
        label = f"{m['indent']}{m['label']}"
        dots = "." * max(3, 60 - len(label) - len(m["count"]))
        if glued:
            return f"{label}{dots}{m['count']} {m['pct']}"
        return f"{label} {dots} {m['count']:>4}   {m['pct']}"

    return _map_rows(text, row)


def percent_first(text: str) -> str:
    """The percent column before the count column, in the heading and every row:
    `CALLER TYPE  % OF CALLS  # OF CALLS` / `Adults  14.8%  8`."""
    return _columns(text, "{0:<56}{2:>12}{1:>22}", "{0:<56}{2:>12}{1:>22}")


def _heading_cells(line: str) -> list[str] | None:
    h = _HEADING.match(line)
    return None if h is None else [h["title"], h["a"], h["b"]]


def raw_pdftotext(text: str) -> str:
    """`pdftotext` without `-layout`: every cell of a table, heading cells too, on a line of its
    own, with a blank line between cells."""
    out = []
    for line in text.split("\n"):
        if m := _ROW.match(line):
            out.append(f"{m['label']}\n\n{m['count']}\n\n{m['pct']}\n")
        elif cells := _heading_cells(line):
            out.append("\n\n".join(cells) + "\n")
        else:
            out.append(line)
    return "\n".join(out)


def raw_pdftotext_columns(text: str) -> str:
    """`pdftotext` without `-layout` of a table it reads column by column: the heading cells,
    then all labels, then all counts, then all percents, a blank line between cells. A table's
    rows that a page header interrupts make a block of their own."""
    out: list[str] = []
    block: list[re.Match[str]] = []

    def flush() -> None:
        if block:
            for key in ("label", "count", "pct"):
                out.extend(cell for m in block for cell in (m[key], ""))
            block.clear()

    for line in text.split("\n"):
        if m := _ROW.match(line):
            block.append(m)
            continue
        flush()
        if cells := _heading_cells(line):
            out.extend(cell for c in cells for cell in (c, ""))
        else:
            out.append(line)
    flush()
    return "\n".join(out)


def marks_between_label_and_numbers(text: str) -> str:
    """As a browser-printed PDF gives a row whose label wraps and ends in a footnote mark: the
    label's halves, the mark alone as a plain digit, then the numbers, each on a line:
    `Trafficking Type Not` / `Specified` / `5` / `3 5.6%`."""
    label_mark = re.compile(r"^(?P<label>.*?[A-Za-z)]) ?(?P<mark>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$")

    def row(m: re.Match[str]) -> str:
        marked = label_mark.match(m["label"])
        if marked is None or len(marked["label"].split()) < 2:
            return m.group(0)
        words = marked["label"].split()
        cut = max(1, len(words) - 1)
        mark = marked["mark"].translate(_SUPER)
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        return f"{first}\n{second}\n{mark}\n{m['count']} {m['pct']}"

    return _map_rows(text, row)


def marks_alone(text: str) -> str:
    """Every footnote mark as a plain digit on a line of its own, where it stood (as a
    browser-printed PDF gives them): `Minors  Fewer than Three` / `7` / `N/A`."""
    return _SUPER_RUN.sub(lambda m: "\n" + m[1].translate(_SUPER) + "\n", text)


def raw_pdftotext_percent_first(text: str) -> str:
    """raw_pdftotext of a table printed percent first: `CALLER TYPE` / `% OF CALLS` /
    `# OF CALLS`, then each row's label, percent and count, a blank line between cells."""
    out = []
    for line in text.split("\n"):
        if m := _ROW.match(line):
            out.append(f"{m['label']}\n\n{m['pct']}\n\n{m['count']}\n")
        elif h := _HEADING.match(line):
            out.append(f"{h['title']}\n\n{h['b']}\n\n{h['a']}\n")
        else:
            out.append(line)
    return "\n".join(out)
