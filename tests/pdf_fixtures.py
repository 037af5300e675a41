"""Hotline report PDFs (and a text rendition of the same report) built from table data.

The figures are those of the Connecticut 2016 hotline report (seed 004); the sentences are short
ones of our own that carry the same numbers. The report is built and rendered by tests/builder.py
(`^N` in a string marks footnote N: the PDF prints it as a raised, smaller digit run, what real
reports do, the text rendition as Unicode superscripts).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import cache

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from .builder import (
    DEMOGRAPHICS,
    SUPERSCRIPT_DIGITS,
    Block,
    FixturePdf,
    Layout,
    Report,
    Row,
    TableData,
    demographics,
    render_pdf,
    render_text,
    signals_block,
    table_block,
)

__all__ = ["SUPERSCRIPT_DIGITS", "TABLES", "FixturePdf", "Layout", "report_pdf", "report_text"]

SUBTITLE = "Connecticut State Report: 1/1/2016 – 12/31/2016"


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


def _demographics(kind: str, mark: int, withheld: tuple[str, ...], figures: dict[str, str],
                  foreign: str) -> TableData:  # fmt: skip
    """The demographics table of the figures ("8 14.8%" a label); `withheld` are under three."""

    def figure(label: str) -> tuple[str, str] | None:
        if label in withheld:
            return None
        count, pct = figures[label].split()
        return count, pct

    cells = {label: figure(label) for label in DEMOGRAPHICS}
    return demographics(kind, mark, cells, (_NON_CUMULATIVE, _WITHHELD, foreign))


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


@cache
def connecticut() -> Report:
    """The Connecticut 2016 report, page by page in printed order (page 1 first)."""
    return Report(
        "Connecticut",
        2016,
        SUBTITLE,
        (
            (
                Block("heading", "OVERVIEW OF INCOMING SIGNALS"),
                Block("text", PERIOD_NOTE),
                Block("text", NATIONWIDE),
                signals_block(SIGNALS),
                Block("heading", "SUBSTANTIVE CALL DATA"),
                Block("text", SUBSTANTIVE, rows=(("summary", "Substantive Calls"),)),
                Block("text", RANK),
                table_block(CALLER_TYPE),
            ),
            (
                table_block(HOW_FOUND),
                Block("heading", "HUMAN TRAFFICKING CASE DATA"),
                Block("text", CASES, rows=(("summary", "Cases"),)),
                table_block(PRIMARY_REASON),
            ),
            (table_block(VENUE_INDUSTRY),),
            (table_block(LABOR_DEMOGRAPHICS),),
            (table_block(SEX_DEMOGRAPHICS),),
        ),
    )


def report_text() -> str:
    """The report as a tab-separated text rendition (the layout of seed 004)."""
    return render_text(connecticut())


def report_pdf(layout: Layout | None = None, *, encrypt: str | None = None) -> FixturePdf:
    """The report as a PDF; raises if the page plan did not hold (a block was split)."""
    return render_pdf(connecticut(), layout or Layout(), encrypt=encrypt)


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
