"""Hotline report PDFs (and a text rendition of the same report) built from table data.

The figures are those of the Connecticut 2016 hotline report (seed 004); the sentences are short
ones of our own that carry the same numbers. `^N` in a string marks footnote N: the PDF prints it
as a raised, smaller digit run (what real reports do), the text rendition as Unicode superscripts.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

TITLE = "NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT"
SUBTITLE = "Connecticut State Report: 1/1/2016 – 12/31/2016"
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_MARK = re.compile(r"\^(\d+)")
FEWER = "Fewer than Three"


@dataclass(frozen=True)
class Row:
    label: str  # `^N` marks a footnote
    count: str  # "49", "Fewer than Three^7", or "" (the non-cumulative note row)
    pct: str  # "24.6%", "N/A" or ""


@dataclass(frozen=True)
class TableData:
    id: str
    title: str
    unit: str  # CALLS or CASES
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()  # footnotes printed under the table, "^1Text ..."


@dataclass(frozen=True)
class Block:
    """What one page region holds: a section heading, sentences, signals, or a table."""

    kind: str  # "heading", "text", "signals", "table"
    text: str = ""
    table: TableData | None = None
    rows: tuple[tuple[str, str], ...] = ()  # (table id, category) of the rows it prints


def _rows(*items: tuple[str, str, str]) -> tuple[Row, ...]:
    return tuple(Row(*item) for item in items)


_WITHHELD = "To protect the people the hotline serves, figures under three are not shown."
_NON_CUMULATIVE = "Counts are non-cumulative: one case may list several kinds of victim."
_FOREIGN = "Foreign Nationals are people who are not US Citizens or permanent residents."

CALLER_TYPE = TableData(
    "caller_type",
    "CALLER TYPE",
    "CALLS",
    _rows(
        ("Victim of Trafficking", "49", "24.6%"),
        ("Community Member", "29", "14.6%"),
        ("NGO Representative", "26", "13.1%"),
        ("Family of Trafficking Victim", "15", "7.5%"),
        ("Victim of Other Crime", "14", "7.0%"),
        ("Legal Professional", "10", "5.0%"),
        ("Student", "8", "4.0%"),
        ("Victim of Labor Exploitation", "7", "3.5%"),
        ("Government Official", "6", "3.0%"),
        ("Medical Professional", "6", "3.0%"),
        ("Mental Health Professional", "6", "3.0%"),
        ("Friend of Trafficking Victim", "5", "2.5%"),
        ("Buyer of Commercial Sex", "5", "2.5%"),
        ("Other", "4", "2.0%"),
        ("Law Enforcement", "4", "2.0%"),
        ("Educator/School Personnel", "3", "1.5%"),
        ("Caller Types Referenced Fewer than Three Times^1", "2", "1.0%"),
        ("TOTAL # OF SUBSTANTIVE CALLS", "199", "100.0%"),
    ),
    (f"^1{_WITHHELD}",),
)
HOW_FOUND = TableData(
    "how_caller_found_hotline",
    "HOW CALLER FOUND THE NATIONAL HOTLINE",
    "CALLS",
    _rows(
        ("211/311", "26", "13.1%"),
        ("Internet-Web Search", "6", "3.0%"),
        ("Referral", "5", "2.5%"),
        ("Contact Involved in Case", "4", "2.0%"),
        ("Television", "2", "1.0%"),
        ("Conference/Training/Presentation", "1", "0.5%"),
        ("Unknown", "155", "77.9%"),
        ("TOTAL # OF CALLS", "199", "100.0%"),
    ),
)
PRIMARY_REASON = TableData(
    "primary_reason",
    "PRIMARY REASON FOR CONTACTING THE NATIONAL HOTLINE",
    "CASES",
    _rows(
        ("Report a Trafficking Tip", "27", "50.0%"),
        ("Access Service Referrals", "17", "31.5%"),
        ("Request Crisis Assistance", "5", "9.3%"),
        ("Request General Information^2", "5", "9.3%"),
        ("TOTAL # OF CASES", "54", "100.0%"),
    ),
    ("^2A request for general information asks about trafficking or services in general.",),
)
VENUE_INDUSTRY = TableData(
    "venue_industry",
    "VENUE/INDUSTRY OF POTENTIAL TRAFFICKING",
    "CASES",
    _rows(
        ("Sex", "43", "79.6%"),
        ("Venue Not Specified", "18", "33.3%"),
        ("Commercial Front Brothel", "8", "14.8%"),
        ("Hotel/Motel-Based", "6", "11.1%"),
        ("Online Ad, Venue Unknown^3", "6", "11.1%"),
        ("Venues Referenced in Fewer than Three Cases^4", "5", "9.3%"),
        ("Labor", "5", "9.3%"),
        ("Traveling Sales Crew", "3", "5.6%"),
        ("Industries Referenced in Fewer than Three Cases^4", "2", "3.7%"),
        ("Sex and Labor", "3", "5.6%"),
        ("Trafficking Type Not Specified^5", "3", "5.6%"),
        ("TOTAL # OF POTENTIAL TRAFFICKING CASES", "54", "100.0%"),
    ),
    (
        "^3Online ads name no venue for the commercial sex act.",
        f"^4{_WITHHELD}",
        "^5The caller did not say whether the case involved labor or commercial sex.",
    ),
)


def _demographics(kind: str, mark: int, withheld: Sequence[str], figures: Mapping[str, str],
                  foreign: str) -> TableData:  # fmt: skip
    wmark, fmark = mark + 1, mark + 2
    labels = (
        "Adults", "Minors", "Females", "Males", "Transgender Females", "Transgender Males",
        "Gender Non-Conforming Individuals", "US Citizens/Legal Permanent Residents",
        "Foreign Nationals",
    )  # fmt: skip
    rows = []
    for label in labels:
        shown = f"{label}^{fmark}" if label == "Foreign Nationals" and foreign else label
        if label in withheld:
            rows.append(Row(shown, f"{FEWER}^{wmark}", "N/A"))
        else:
            count, pct = figures[label].split()
            rows.append(Row(shown, count, pct))
    rows.append(Row(f"NON-CUMULATIVE^{mark}", "", ""))
    return TableData(
        f"victim_demographics_{kind.lower()}",
        f"VICTIM DEMOGRAPHICS^{mark} ({kind.upper()} TRAFFICKING CASES)",
        "CASES",
        tuple(rows),
        (f"^{mark}{_NON_CUMULATIVE}", f"^{wmark}{_WITHHELD}", f"^{fmark}{foreign}"),
    )


LABOR_DEMOGRAPHICS = _demographics(
    "Labor", 6,
    ("Minors", "Transgender Females", "Transgender Males", "Gender Non-Conforming Individuals",
     "Foreign Nationals"),
    {"Adults": "8 14.8%", "Females": "8 14.8%", "Males": "3 5.6%",
     "US Citizens/Legal Permanent Residents": "4 7.4%"},
    _FOREIGN,
)  # fmt: skip
SEX_DEMOGRAPHICS = _demographics(
    "Sex", 9,
    ("Males", "Transgender Females", "Transgender Males", "Gender Non-Conforming Individuals"),
    {"Adults": "33 61.1%", "Minors": "11 20.4%", "Females": "40 74.1%",
     "US Citizens/Legal Permanent Residents": "15 27.8%", "Foreign Nationals": "4 7.4%"},
    _FOREIGN,
)  # fmt: skip
TABLES = (CALLER_TYPE, HOW_FOUND, PRIMARY_REASON, VENUE_INDUSTRY, LABOR_DEMOGRAPHICS,
          SEX_DEMOGRAPHICS)  # fmt: skip

SIGNALS = (("199", "Phone Calls"), ("24", "Emails"), ("14", "Online Tip Reports"))
SUBSTANTIVE = "Number of Substantive Calls Received from Connecticut: 199"
CASES = (
    "In Connecticut, a total of 54 unique cases (incidents) of potential human trafficking were "
    "reported to the hotline."
)
NATIONWIDE = (
    "Over the same period the hotline heard from people across the country: a total of 34,068 "
    "phone calls, emails, or online tip reports nationwide."
)
RANK = "Connecticut had the 31st highest call volume of all states in 2016."
PERIOD_NOTE = (
    "These figures cover contacts with the National Human Trafficking Hotline about "
    "Connecticut from 1/1/2016 – 12/31/2016."
)


def _table_rows(table: TableData) -> tuple[tuple[str, str], ...]:
    out = []
    for row in table.rows:
        if not row.count:
            continue
        label = _MARK.sub("", row.label)
        out.append((table.id, "Total" if label.startswith("TOTAL") else label))
    return tuple(out)


def _pages() -> tuple[tuple[Block, ...], ...]:
    """The report, page by page, in printed order (page 1 first)."""
    return (
        (
            Block("heading", "OVERVIEW OF INCOMING SIGNALS"),
            Block("text", PERIOD_NOTE),
            Block("text", NATIONWIDE),
            Block("signals", rows=tuple(("signals", name) for _, name in SIGNALS)),
            Block("heading", "SUBSTANTIVE CALL DATA"),
            Block("text", SUBSTANTIVE, rows=(("summary", "Substantive Calls"),)),
            Block("text", RANK),
            Block("table", table=CALLER_TYPE, rows=_table_rows(CALLER_TYPE)),
        ),
        (
            Block("table", table=HOW_FOUND, rows=_table_rows(HOW_FOUND)),
            Block("heading", "HUMAN TRAFFICKING CASE DATA"),
            Block("text", CASES, rows=(("summary", "Cases"),)),
            Block("table", table=PRIMARY_REASON, rows=_table_rows(PRIMARY_REASON)),
        ),
        (Block("table", table=VENUE_INDUSTRY, rows=_table_rows(VENUE_INDUSTRY)),),
        (Block("table", table=LABOR_DEMOGRAPHICS, rows=_table_rows(LABOR_DEMOGRAPHICS)),),
        (Block("table", table=SEX_DEMOGRAPHICS, rows=_table_rows(SEX_DEMOGRAPHICS)),),
    )


# -- the text rendition ---------------------------------------------------------------------------
def _sup(text: str) -> str:
    return _MARK.sub(lambda m: m[1].translate(SUPERSCRIPT_DIGITS), text)


def report_text() -> str:
    """The report as a tab-separated text rendition (the layout of seed 004)."""
    out: list[str] = []
    for page in _pages():
        out += ["", TITLE, "", SUBTITLE, ""]
        for block in page:
            if block.kind == "signals":
                for number, name in SIGNALS:
                    out += [f"{number} {name}", ""]
            elif block.kind == "table":
                table = block.table
                assert table is not None
                out.append(f"{_sup(table.title)}\t# OF {table.unit}\t% OF {table.unit}")
                out += [f"{_sup(r.label)}\t{_sup(r.count)}\t{r.pct}" for r in table.rows]
                out.append("")
                for note in table.notes:
                    out += [_sup(note), ""]
            else:
                out += [block.text, ""]
    return "\n".join(out) + "\n"


# -- the PDF --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Layout:
    """How the PDF prints the report."""

    ruled: bool = True  # grid lines around table cells
    breaks: Mapping[str, int] = field(default_factory=dict)  # table id -> body rows on 1st page
    repeat_heading: bool = True  # the column heading is printed again after a break
    superscripts: bool = True  # footnote marks as raised small digits; False: plain digits
    label_width: float = 300.0
    count_width: float | None = None  # None: wide enough; a number: narrower cells wrap
    valign: str = "MIDDLE"
    title_row: bool = False  # the table's title in a row of its own above the column headings
    space_before_marks: bool = False  # "Times ¹" rather than "Times¹"
    hyphen_break: bool = False  # a label breaks its line after a hyphen: "Non-" / "Conforming"
    font_size: float = 9.0


@dataclass(frozen=True)
class FixturePdf:
    data: bytes
    pages: Mapping[tuple[str, str], int]  # (table, category) -> 1-based page of the row
    page_count: int


class _Tagged(Flowable):  # type: ignore[misc]
    """Wraps a flowable to learn the page it lands on; it must not be split."""

    def __init__(self, inner: Flowable, rows: tuple[tuple[str, str], ...]) -> None:
        super().__init__()
        self.inner = inner
        self.rows = rows

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        w, h = self.inner.wrap(avail_width, avail_height)
        self.width, self.height = w, h
        return w, h

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # never split: the fixture's page plan must hold

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, **kw: Any) -> None:
        super().__init__(buffer, pagesize=LETTER, leftMargin=54, rightMargin=54, topMargin=90,
                         bottomMargin=48, title="Connecticut 2016", **kw)  # fmt: skip
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate("page", [frame], onPage=_page_header)])
        self.landed: dict[tuple[str, str], int] = {}
        self.tagged = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Tagged):
            self.tagged += 1
            for key in flowable.rows:
                self.landed[key] = self.page


def _page_header(canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica-Bold", 13)
    canvas.drawString(54, LETTER[1] - 48, TITLE)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(54, LETTER[1] - 66, SUBTITLE)
    canvas.restoreState()


def _markup(text: str, superscripts: bool, space: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    mark = r"<super>\1</super>" if superscripts else r"\1"
    if space:  # a space between a word and its mark; a footnote's own leading mark keeps none
        text = re.sub(r"(?<=\S)\^(\d+)", " " + mark, text)
    return _MARK.sub(mark, text)


class _Builder:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        size = layout.font_size
        self.body = ParagraphStyle("body", fontName="Helvetica", fontSize=size, leading=size * 1.3)
        self.cell = ParagraphStyle("cell", parent=self.body)
        self.bold = ParagraphStyle("bold", parent=self.body, fontName="Helvetica-Bold")
        self.heading = ParagraphStyle(
            "heading", parent=self.bold, fontSize=size + 3, leading=(size + 3) * 1.4
        )
        self.note = ParagraphStyle("note", parent=self.body, fontSize=size - 2,
                                   leading=(size - 2) * 1.3)  # fmt: skip
        self.pct_width = stringWidth("% OF CASES", "Helvetica-Bold", size) + 14
        if layout.count_width is None:
            self.count_width = stringWidth(f"{FEWER}10", "Helvetica", size) + 14
        else:
            self.count_width = layout.count_width

    def para(self, text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(
            _markup(text, self.layout.superscripts, self.layout.space_before_marks), style
        )

    def label(self, text: str) -> Paragraph:
        markup = _markup(text, self.layout.superscripts, self.layout.space_before_marks)
        if self.layout.hyphen_break:
            markup = re.sub(r"(?<=[a-z])-(?=[A-Z])", "-<br/>", markup)
        return Paragraph(markup, self.cell)

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for number, page in enumerate(_pages()):
            if number:
                story.append(PageBreak())
            for block in page:
                story += self.block(block)
        return story

    def block(self, block: Block) -> list[Flowable]:
        if block.kind == "heading":
            return [self.para(block.text, self.heading)]
        if block.kind == "text":
            return [_Tagged(self.para(block.text, self.body), block.rows), Spacer(1, 4)]
        if block.kind == "signals":
            return [_Tagged(self.signals(), block.rows), Spacer(1, 6)]
        assert block.table is not None
        return self.table(block.table)

    def signals(self) -> Table:
        """The overview numbers side by side, each a large number above its channel."""
        cells = [
            [Paragraph(f'<font size="22">{n}</font><br/><br/>{t}', self.bold) for n, t in SIGNALS]
        ]
        return Table(cells, colWidths=[150] * len(SIGNALS), hAlign="LEFT")

    def table(self, table: TableData) -> list[Flowable]:
        layout = self.layout
        units = [
            Paragraph(f"# OF {table.unit}", self.bold),
            Paragraph(f"% OF {table.unit}", self.bold),
        ]
        title = self.para(table.title, self.bold)
        head = [[title, "", ""], ["", *units]] if layout.title_row else [[title, *units]]
        body = [
            [self.label(r.label), self.para(r.count, self.cell), self.para(r.pct, self.cell)]
            for r in table.rows
        ]
        keys = _table_rows(table)
        split = layout.breaks.get(table.id)
        parts: list[tuple[list[list[Any]], int]] = []  # rows, and how many of them are heading
        if split is None:
            parts.append(([*head, *body], len(head)))
        else:
            parts.append(([*head, *body[:split]], len(head)))
            if layout.repeat_heading:
                parts.append(([*head, *body[split:]], len(head)))
            else:
                parts.append((body[split:], 0))
        out: list[Flowable] = []
        done = 0
        for number, (data, n_head) in enumerate(parts):
            if number:
                out.append(PageBreak())
            n_rows = sum(1 for row in data[n_head:] if _has_numbers(row))
            rows = keys[done : done + n_rows]
            done += n_rows
            out += [_Tagged(self.grid(data, n_head), rows), Spacer(1, 4)]
        for note in table.notes:
            out.append(self.para(note, self.note))
        out.append(Spacer(1, 8))
        return out

    def grid(self, data: list[list[Any]], n_head: int) -> Table:
        layout = self.layout
        widths = [layout.label_width, self.count_width, self.pct_width]
        style: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), layout.valign),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        if n_head == 2:
            style.append(("SPAN", (0, 0), (-1, 0)))
        if layout.ruled:
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
            if n_head:
                style.append(("BACKGROUND", (0, 0), (-1, n_head - 1), colors.lightgrey))
        return Table(data, colWidths=widths, style=TableStyle(style), hAlign="LEFT")


def _has_numbers(row: list[Any]) -> bool:
    count = row[1]
    return bool(count.getPlainText().strip()) if isinstance(count, Paragraph) else bool(count)


def report_pdf(layout: Layout = Layout(), *, encrypt: str | None = None) -> FixturePdf:
    """The report as a PDF; raises if the page plan did not hold (a block was split)."""
    buffer = io.BytesIO()
    doc = _Doc(buffer, encrypt=encrypt)
    builder = _Builder(layout)
    story = builder.story()
    expected = sum(1 for f in story if isinstance(f, _Tagged))
    doc.build(story)
    if doc.tagged != expected:
        raise AssertionError(f"fixture layout overflowed: {doc.tagged} of {expected} blocks drawn")
    pages = len(_pages()) + len(layout.breaks)
    if doc.page != pages:
        raise AssertionError(f"fixture has {doc.page} pages, planned {pages}: {doc.landed}")
    return FixturePdf(buffer.getvalue(), dict(doc.landed), doc.page)


def scanned_pdf() -> bytes:
    """A page that is only a raster image (a scan without OCR)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (600, 400), 255)
    draw = ImageDraw.Draw(image)
    for y in range(20, 380, 24):
        draw.rectangle((20, y, 560, y + 10), fill=40)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    canvas.drawImage(ImageReader(image), 54, 300, width=500, height=333)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def iter_layouts() -> Iterator[tuple[str, Layout]]:
    """Named layouts the tests convert; each must give the text path's rows."""
    yield "ruled", Layout()
    yield "unruled", Layout(ruled=False)
    yield "total_alone_next_page", Layout(breaks={"caller_type": 17})
    yield "rows_continue_no_heading", Layout(breaks={"venue_industry": 5}, repeat_heading=False)
    yield "rows_continue_heading", Layout(ruled=False, breaks={"how_caller_found_hotline": 3})
    yield "wrapped_fewer_than_three", Layout(count_width=68)
    yield "long_labels_wrap", Layout(label_width=150, ruled=False, title_row=True)
    yield "valign_top", Layout(label_width=150, valign="TOP", title_row=True)
    yield "hyphen_wraps", Layout(hyphen_break=True)
    yield "marks_as_plain_digits", Layout(superscripts=False)
    yield "marks_after_a_space", Layout(space_before_marks=True, ruled=False)
    yield "valign_bottom", Layout(label_width=160, count_width=68, valign="BOTTOM", title_row=True)
    # A title wrapped over three lines above the column headings.
    yield "title_wraps_in_heading_cell", Layout(label_width=150)
    # A title row wrapped over two lines, the column headings on a third.
    yield "title_row_wraps", Layout(label_width=150, count_width=68, title_row=True)
    # 'Males Fewer than Three' / '10 N/A': a full-size mark wrapped with the N/A percent.
    yield "plain_marks_after_a_space", Layout(space_before_marks=True, superscripts=False)


def canvas_pdf(*runs: tuple[str, float, float, float], via_matrix: bool = False) -> bytes:
    """A one-page PDF of text runs, each (text, font size, x, y), drawn in this order.

    via_matrix: every run is set at font size 1 and scaled by its text matrix instead, as some
    producers do; the font size alone then tells nothing.
    """
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    for text, size, x, y in runs:
        obj = canvas.beginText()
        if via_matrix:
            obj.setFont("Helvetica", 1)
            obj.setTextTransform(size, 0, 0, size, x, y)
        else:
            obj.setFont("Helvetica", size)
            obj.setTextOrigin(x, y)
        obj.textOut(text)
        canvas.drawText(obj)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def text_pdf(text: str, size: float = 7) -> bytes:
    """A text rendition drawn as a PDF, line by line in a fixed-width font (column gaps kept),
    one page per form-feed-separated page."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    for page in text.split("\f"):
        y = LETTER[1] - 30
        for line in page.split("\n"):
            canvas.setFont("Courier", size)
            canvas.drawString(20, y, line)
            y -= size + 2
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def joined_pdf(*pdfs: bytes) -> bytes:
    """The pages of several PDFs, in order, as one PDF (a merged file)."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for data in pdfs:
        out.import_pages(pdfium.PdfDocument(data))
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
