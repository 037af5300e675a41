"""Synthetic hotline reports in the 2016 state-report layout: one model, three renderings.

The tests and the bench build their reports here. A `Report` is its pages, each a sequence of
blocks (section headings, sentences, the overview's signal numbers, tables, a heat map); every
block that gives rows knows which (table, category) rows `nhth convert` must read from it, so a
report knows its own rows (`Report.rows`). `^N` in a string marks footnote N: the PDF prints it
as raised, smaller digits (what real reports do), the texts as Unicode superscripts.

- `make_report(code, year, seed)`: a report of any of the 56 jurisdictions with random but
  self-consistent figures (counts add up to their totals, percents are count / base rounded to
  one decimal, withheld counts are "Fewer than Three"), reproducible from the seed.
- `render_text(report)`: tab-separated rows and one paragraph a line (the seed 004 layout).
- `render_layout_text(report, seed)`: space-aligned columns as `pdftotext -layout` prints
  them: a page header on every page, form feeds, page numbers, prose wrapped at 96 columns,
  long labels and headings wrapped onto two lines with the numbers on the last.
- `render_pdf(report, layout)`: a US-letter PDF (reportlab), one page per planned page; `Layout`
  says how its tables are drawn (ruled or not, broken across pages, narrow cells that wrap, ...).

tests/pdf_fixtures.py builds the Connecticut 2016 report of the tests from these blocks;
bench/generate.py writes the bench's sets of random reports.
"""

from __future__ import annotations

import io
import random
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.graphics.shapes import Drawing, Ellipse
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
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
FEWER = "Fewer than Three"
_MARK = re.compile(r"\^(\d+)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")

# The 50 states, DC and the five territories: the jurisdictions of a state report.
JURISDICTIONS: tuple[tuple[str, str], ...] = (
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"),
    ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
    ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"), ("ID", "Idaho"), ("IL", "Illinois"),
    ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"), ("KY", "Kentucky"),
    ("LA", "Louisiana"), ("ME", "Maine"), ("MD", "Maryland"), ("MA", "Massachusetts"),
    ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"), ("MO", "Missouri"),
    ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"), ("NH", "New Hampshire"),
    ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NY", "New York"), ("NC", "North Carolina"),
    ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"), ("OR", "Oregon"),
    ("PA", "Pennsylvania"), ("RI", "Rhode Island"), ("SC", "South Carolina"),
    ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"),
    ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"), ("WV", "West Virginia"),
    ("WI", "Wisconsin"), ("WY", "Wyoming"), ("DC", "District of Columbia"),
    ("PR", "Puerto Rico"), ("GU", "Guam"), ("VI", "U.S. Virgin Islands"),
    ("AS", "American Samoa"), ("MP", "Northern Mariana Islands"),
)  # fmt: skip
NAMES = dict(JURISDICTIONS)
TERRITORIES = frozenset({"PR", "GU", "VI", "AS", "MP"})


# -- the model ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    label: str  # `^N` marks a footnote
    count: str  # "49", "1,204", "Fewer than Three^7", or "" (the non-cumulative note row)
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
    """What one page region holds: a heading, sentences, the signals, a table or the map."""

    kind: str  # "heading", "text", "signals", "table", "map"
    text: str = ""
    table: TableData | None = None
    signals: tuple[tuple[str, str], ...] = ()  # (number, channel) of the overview
    rows: tuple[tuple[str, str], ...] = ()  # (table id, category) of the rows it prints


@dataclass(frozen=True)
class Report:
    jurisdiction: str  # "Connecticut"
    year: int
    subtitle: str  # the second line of the page header
    pages: tuple[tuple[Block, ...], ...]

    @property
    def rows(self) -> tuple[tuple[str, str], ...]:
        """(table id, category) of every row nhth must read from the report, in printed order."""
        return tuple(key for page in self.pages for block in page for key in block.rows)

    @property
    def tables(self) -> tuple[TableData, ...]:
        return tuple(b.table for page in self.pages for b in page if b.table is not None)


def table_rows(table: TableData) -> tuple[tuple[str, str], ...]:
    """(table id, category) of a table's rows with numbers; a TOTAL row is category "Total"."""
    out = []
    for row in table.rows:
        if not row.count:
            continue
        label = _MARK.sub("", row.label)
        out.append((table.id, "Total" if label.startswith("TOTAL") else label))
    return tuple(out)


def table_block(table: TableData) -> Block:
    return Block("table", table=table, rows=table_rows(table))


def signals_block(signals: Sequence[tuple[str, str]]) -> Block:
    return Block("signals", signals=tuple(signals), rows=tuple(("signals", c) for _, c in signals))


def demographics(
    kind: str,
    mark: int,
    figures: Mapping[str, tuple[str, str] | None],
    notes: tuple[str, str, str] | None = None,
) -> TableData:
    """A non-cumulative victim demographics table: figures maps each label to (count, percent),
    or to None where the count is withheld. Footnote `mark` is the table's, mark + 1 the
    withheld counts', mark + 2 the Foreign Nationals row's; notes are their texts (default:
    those of the 2016 report)."""
    wmark, fmark = mark + 1, mark + 2
    table_note, withheld, foreign = notes or (NON_CUMULATIVE, WITHHELD, FOREIGN)
    rows = []
    for label in DEMOGRAPHICS:
        shown = f"{label}^{fmark}" if label == "Foreign Nationals" and foreign else label
        figure = figures[label]
        if figure is None:
            rows.append(Row(shown, f"{FEWER}^{wmark}", "N/A"))
        else:
            rows.append(Row(shown, *figure))
    rows.append(Row(f"NON-CUMULATIVE^{mark}", "", ""))
    return TableData(
        f"victim_demographics_{kind.lower()}",
        f"VICTIM DEMOGRAPHICS^{mark} ({kind.upper()} TRAFFICKING CASES)",
        "CASES",
        tuple(rows),
        (f"^{mark}{table_note}", f"^{wmark}{withheld}", f"^{fmark}{foreign}"),
    )


# -- random reports -------------------------------------------------------------------------------
DEMOGRAPHICS = (
    "Adults", "Minors", "Females", "Males", "Transgender Females", "Transgender Males",
    "Gender Non-Conforming Individuals", "US Citizens/Legal Permanent Residents",
    "Foreign Nationals",
)  # fmt: skip
CALLER_TYPES = (
    "Victim of Trafficking", "Community Member", "NGO Representative",
    "Family of Trafficking Victim", "Victim of Other Crime", "Legal Professional", "Student",
    "Victim of Labor Exploitation", "Government Official", "Medical Professional",
    "Mental Health Professional", "Friend of Trafficking Victim", "Buyer of Commercial Sex",
    "Other", "Law Enforcement", "Educator/School Personnel", "Anonymous",
    "Business Sector Employee", "Faith-Based Representative", "Hotline Representative",
)  # fmt: skip
HOW_FOUND = (
    "211/311", "Internet-Web Search", "Referral", "Contact Involved in Case", "Television",
    "Conference/Training/Presentation", "Print Material", "Radio", "Social Media",
    "Word of Mouth", "Polaris Website", "Public Service Announcement", "Other",
)  # fmt: skip
REASONS = (
    "Report a Trafficking Tip", "Access Service Referrals", "Request Crisis Assistance",
    "Request General Information", "Request Training and Technical Assistance",
)  # fmt: skip
SEX_VENUES = (
    "Venue Not Specified", "Commercial Front Brothel", "Hotel/Motel-Based",
    "Online Ad, Venue Unknown", "Residence-Based Commercial Sex", "Street-Based",
    "Truck Stop-Based", "Pornography", "Escort Services", "Bar/Strip Club/Cantina",
    "Personal Sexual Servitude", "Remote Interactive Sexual Acts", "Other Venue",
)  # fmt: skip
LABOR_INDUSTRIES = (
    "Traveling Sales Crew", "Industry Not Specified", "Domestic Work", "Agriculture",
    "Restaurant/Food Service", "Peddling/Begging", "Health & Beauty Services", "Construction",
    "Hospitality", "Landscaping", "Factories/Manufacturing", "Carnivals",
)  # fmt: skip

WITHHELD = (
    "To protect the identity of the people we serve, the National Human Trafficking Hotline "
    "does not disclose exact statistics related to venues, industries, victim information or "
    "caller information referenced fewer than three times."
)
NON_CUMULATIVE = (
    "These statistics are non-cumulative. Cases may involve multiple victims and include female, "
    "male, transgender and gender non-conforming individuals, foreign nationals and U.S. "
    "citizens, adults and minors. In some cases, demographic information is not reported. This "
    "table shows the number of cases referencing each demographic and not the number of "
    "individual victims."
)
GENERAL = (
    "Requests for general information are situations in which an individual who is aware of a "
    "specific situation of potential trafficking may contact the National Human Trafficking "
    "Hotline for general information about human trafficking or to learn more about services "
    "available to trafficking victims."
)
ONLINE = (
    "Online Ad, Venue Unknown cases typically involve reports of sex trafficking in which an "
    "individual is advertised for commercial sex online but the venue of the sex act is "
    "unknown or not specified."
)
NOT_SPECIFIED = (
    "Cases where trafficking type is not specified typically occur when a law enforcement agent "
    "or service provider contacts the National Hotline for resources and referrals but does not "
    "disclose details about the trafficking situation due to confidentiality."
)
FOREIGN = (
    "A Foreign National in this data set is defined as any individual who is not currently a "
    "US Citizen or Legal Permanent Resident."
)
MAP = (
    "The image above is a heat map which reflects the cases reported to the National Human "
    "Trafficking Hotline. Areas in which greater numbers of cases were reported contain more red "
    "shading. This map only reflects cases in which the location of the potential trafficking "
    "was known. Some cases may involve more than one location."
)


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """`parts` counts of at least 1 adding up to `total`, largest first (fewer if total is
    smaller than parts)."""
    parts = max(1, min(parts, total))
    cuts = sorted(rng.randint(0, total - parts) for _ in range(parts - 1))
    sizes = [b - a for a, b in zip([0, *cuts], [*cuts, total - parts], strict=True)]
    return sorted((s + 1 for s in sizes), reverse=True)


def _figures(count: int, base: int) -> tuple[str, str]:
    return f"{count:,}", f"{100.0 * count / base:.1f}%"


def _row(label: str, count: int, base: int) -> Row:
    return Row(label, *_figures(count, base))


def _cumulative(
    rng: random.Random, labels: Sequence[str], total: int, last: str
) -> list[tuple[str, int]]:
    """A random subset of labels with counts adding up to total; what is left goes to `last`
    (an "other" row, printed last, or added to the row already so labelled)."""
    chosen = rng.sample(list(labels), rng.randint(max(2, len(labels) // 2), len(labels)))
    counts = _split(rng, total, len(chosen) + 1)
    out = list(zip(chosen, counts, strict=False))
    rest = total - sum(c for _, c in out)
    if rest:
        at = next((i for i, (label, _) in enumerate(out) if label == last), None)
        if at is None:
            out.append((last, rest))
        else:
            out[at] = (last, out[at][1] + rest)
    return out


def _children(
    rng: random.Random, labels: Sequence[str], total: int, fewer: str
) -> list[tuple[str, int]]:
    """Venues under a trafficking type, adding up to it; those under three fold into `fewer`."""
    counts = _split(rng, total, rng.randint(1, min(6, len(labels))))
    out = []
    small = 0
    for label, count in zip(rng.sample(list(labels), len(counts)), counts, strict=True):
        if count >= 3:
            out.append((label, count))
        else:
            small += count
    if small:
        out.append((fewer, small))
    return out


def _venues(rng: random.Random, cases: int) -> tuple[TableData, int, int]:
    """Trafficking types adding up to the cases, venues and industries nested under sex and
    labor; and the sex and labor cases."""
    sex, labor, both, unknown = _split(rng, cases, 4)  # cases >= 12: four parts
    rows = [_row("Sex", sex, cases)]
    fewer_venues = "Venues Referenced in Fewer than Three Cases^4"
    for label, count in _children(rng, SEX_VENUES, sex, fewer_venues):
        mark = "^3" if label == "Online Ad, Venue Unknown" else ""
        rows.append(_row(label + mark, count, cases))
    rows.append(_row("Labor", labor, cases))
    fewer_industries = "Industries Referenced in Fewer than Three Cases^4"
    rows += [_row(*c, cases) for c in _children(rng, LABOR_INDUSTRIES, labor, fewer_industries)]
    rows.append(_row("Sex and Labor", both, cases))
    rows.append(_row("Trafficking Type Not Specified^5", unknown, cases))
    rows.append(_row("TOTAL # OF POTENTIAL TRAFFICKING CASES", cases, cases))
    notes = (f"^3{ONLINE}", f"^4{WITHHELD}", f"^5{NOT_SPECIFIED}")
    table = TableData(
        "venue_industry", "VENUE/INDUSTRY OF POTENTIAL TRAFFICKING", "CASES", tuple(rows), notes
    )
    return table, sex, labor


def _demographics(rng: random.Random, kind: str, mark: int, of_type: int, cases: int) -> TableData:
    """Each demographic's cases, at most the cases of the trafficking type; under three withheld."""
    figures: dict[str, tuple[str, str] | None] = {}
    for label in DEMOGRAPHICS:
        count = rng.randint(0, of_type)
        figures[label] = None if count < 3 else _figures(count, cases)
    return demographics(kind, mark, figures)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def make_report(code: str, year: int, seed: int, *, pages: int = 7) -> Report:
    """A report of jurisdiction `code` for `year` with random, self-consistent figures and the
    sentences of the 2016 report; the same seed gives the same report. pages: 7, or 6 with the
    heat map on the page of the last table."""
    rng = random.Random(seed)
    name = NAMES[code]
    where = f"the {name}" if code in ("VI", "MP") else name
    calls = rng.randint(30, 4000)
    cases = rng.randint(12, max(13, calls // 3))
    signals = [(calls, "Phone Calls"), (rng.randint(1, calls // 5 + 1), "Emails")]
    signals.append((rng.randint(1, calls // 6 + 1), "Online Tip Reports"))
    if year >= 2017 and rng.random() < 0.5:
        signals += [(rng.randint(1, 200), "Webchats"), (rng.randint(1, 200), "Texts")]

    fewer_callers = "Caller Types Referenced Fewer than Three Times^1"
    callers = _cumulative(rng, CALLER_TYPES, calls, fewer_callers)
    caller = TableData(
        "caller_type",
        "CALLER TYPE",
        "CALLS",
        (*(_row(*c, calls) for c in callers), _row("TOTAL # OF SUBSTANTIVE CALLS", calls, calls)),
        (f"^1{WITHHELD}",),
    )
    found_rows = _cumulative(rng, HOW_FOUND, calls, "Unknown")
    found = TableData(
        "how_caller_found_hotline",
        "HOW CALLER FOUND THE NATIONAL HOTLINE",
        "CALLS",
        (*(_row(*c, calls) for c in found_rows), _row("TOTAL # OF CALLS", calls, calls)),
    )
    reasons = _cumulative(rng, REASONS, cases, "Report a Trafficking Tip")
    general = "Request General Information"
    reason = TableData(
        "primary_reason",
        "PRIMARY REASON FOR CONTACTING THE NATIONAL HOTLINE",
        "CASES",
        (
            *(_row(label + "^2" * (label == general), c, cases) for label, c in reasons),
            _row("TOTAL # OF CASES", cases, cases),
        ),
        (f"^2{GENERAL}",) if any(label == general for label, _ in reasons) else (),
    )
    venue, sex, labor = _venues(rng, cases)
    labor_demographics = _demographics(rng, "Labor", 6, labor, cases)
    sex_demographics = _demographics(rng, "Sex", 9, sex, cases)
    rank = None if code in TERRITORIES else rng.randint(1, 51)
    nationwide = rng.randint(20_000, 60_000)
    accurate_as_of = f"March {rng.randint(1, 28)}, {year + 1}"

    overview = (
        "The following information is based on incoming communication with the National Human "
        f"Trafficking Hotline from January 1, {year} – December 31, {year} about human "
        f"trafficking cases and issues related to human trafficking in {where}. Communication "
        "can take the form of **phone calls, online tip reports, or emails**. Communication "
        "regarding topics unrelated to human trafficking are not included in this report. In "
        f"{year}, the National Human Trafficking Hotline received a total of "
        f"**{nationwide:,}** phone calls, emails, or online tip reports nationwide."
    )
    substantive = (
        "The following statistics are based solely on substantive calls about human trafficking "
        "and issues related to human trafficking made to the National Human Trafficking Hotline "
        f"between January 1, {year} and December 31, {year} from callers in {where} at the time "
        "of their call. Substantive calls exclude hang-ups, missed calls, wrong numbers, and "
        "calls in which the caller's reason for calling is unknown."
    )
    case_data = (
        "Each request submitted to the hotline is evaluated for evidence of potential human "
        f"trafficking. **In {where[0].upper() + where[1:]}, a total of {cases:,} unique cases "
        "(incidents) of potential human trafficking were reported to the hotline.**"
    )
    closing = (
        "Important Note: The data displayed in this report was generated based on information "
        "communicated to the National Human Trafficking Hotline via phone, email, and online "
        "tip report. The National Human Trafficking Hotline cannot verify the accuracy of the "
        "information reported. This is not a comprehensive report on the scale or scope of "
        "human trafficking within the state. These statistics are accurate as of "
        f"{accurate_as_of}. They may be subject to change as new information emerges."
    )
    first = [
        Block("heading", "OVERVIEW OF INCOMING SIGNALS"),
        Block("text", overview),
        signals_block([(f"{n:,}", channel) for n, channel in signals]),
        Block("heading", "SUBSTANTIVE CALL DATA"),
        Block("text", substantive),
        Block(
            "text",
            f"Number of Substantive Calls Received from {name}: **{calls:,}**",
            rows=(("summary", "Substantive Calls"),),
        ),
    ]
    if rank is not None:
        first.append(
            Block(
                "text",
                f"This constitutes the {_ordinal(rank)} highest call volume of all 50 states and "
                f"Washington, D.C. in {year}.",
            )
        )
    heat_map = (
        Block("heading", "LOCATION OF POTENTIAL TRAFFICKING CASES (WHERE KNOWN)^12"),
        Block("map"),
        Block("text", f"^12{MAP}"),
        Block("text", closing),
    )
    plan: list[tuple[Block, ...]] = [
        tuple(first),
        (table_block(caller),),
        (
            table_block(found),
            Block("heading", "HUMAN TRAFFICKING CASE DATA"),
            Block("text", case_data, rows=(("summary", "Cases"),)),
            table_block(reason),
        ),
        (table_block(venue),),
        (table_block(labor_demographics),),
        (table_block(sex_demographics),),
    ]
    if pages >= 7:
        plan.append(heat_map)
    else:
        plan[-1] += heat_map
    kind = "Territory" if code in TERRITORIES else "State"
    return Report(name, year, f"{name} {kind} Report: 1/1/{year} – 12/31/{year}", tuple(plan))


# -- text renditions ------------------------------------------------------------------------------
def _sup(text: str) -> str:
    return _MARK.sub(lambda m: m[1].translate(SUPERSCRIPT_DIGITS), text)


def render_text(report: Report) -> str:
    """The report as tab-separated text, one paragraph a line (the layout of seed 004)."""
    out: list[str] = []
    for page in report.pages:
        out += ["", TITLE, "", report.subtitle, ""]
        for block in page:
            if block.kind == "signals":
                for number, name in block.signals:
                    out += [f"{number} {name}", ""]
            elif block.kind == "table":
                table = block.table
                assert table is not None
                out.append(f"{_sup(table.title)}\t# OF {table.unit}\t% OF {table.unit}")
                out += [f"{_sup(r.label)}\t{_sup(r.count)}\t{r.pct}" for r in table.rows]
                out.append("")
                for note in table.notes:
                    out += [_sup(note), ""]
            elif block.kind != "map":
                out += [_sup(block.text), ""]
    return "\n".join(out) + "\n"


def _wrap(text: str, width: int = 96) -> list[str]:
    return textwrap.wrap(_sup(text.replace("**", "")), width, break_on_hyphens=False)


def _cells(label: str, count: str, pct: str) -> str:
    return f"{label:<58}{count:>20}{pct:>16}"


def _split_words(text: str, at: int) -> tuple[str, str]:
    """Text split at the last space before column `at` (or the first space after it)."""
    cut = text.rfind(" ", 0, at)
    if cut <= 0:
        cut = text.find(" ", at)
    return text[:cut], text[cut + 1 :]


def render_layout_text(report: Report, seed: int = 0) -> str:
    """The report as `pdftotext -layout` prints it: space-aligned columns, a form feed between
    pages, the page header on every page and its number at the foot, prose wrapped at 96
    columns; long headings wrap, and so do most long labels (the seed picks which), the numbers
    on the last line."""
    rng = random.Random(seed)
    pages = []
    for number, plan in enumerate(report.pages, start=1):
        page = ["", f"{'':>22}{TITLE}", "", f"{'':>22}{report.subtitle}", ""]
        for block in plan:
            if block.kind == "signals":
                page += ["      " + "          ".join(f"{n} {c}" for n, c in block.signals), ""]
            elif block.kind == "table":
                assert block.table is not None
                page += _layout_table(block.table, rng)
            elif block.kind == "map":
                page += ["", ""]
            else:
                page += [*_wrap(block.text), ""]
        page += ["", f"{'':>48}{number}"]
        pages.append("\n".join(page) + "\n")
    return "\f".join(pages)


def _layout_table(table: TableData, rng: random.Random) -> list[str]:
    out = []
    title, units = _sup(table.title), (f"# OF {table.unit}", f"% OF {table.unit}")
    if len(title) > 44:  # a long title wraps; its last line carries the column headings
        first, rest = _split_words(title, 34)
        out += [first, _cells(rest, *units)]
    else:
        out.append(_cells(title, *units))
    for row in table.rows:
        label = _sup(row.label)
        if not row.count:
            out.append(label)
            continue
        if len(label) > 40 and rng.random() < 0.7:
            first, label = _split_words(label, 30)
            out.append(first)
        out.append(_cells(label, _sup(row.count), row.pct))
    out.append("")
    for note in table.notes:
        out += [*_wrap(note), ""]
    return out


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
        return []  # never split: the report's page plan must hold

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, report: Report, **kw: Any) -> None:
        title = f"{report.jurisdiction} {report.year}"
        super().__init__(buffer, pagesize=LETTER, leftMargin=54, rightMargin=54, topMargin=90,
                         bottomMargin=48, title=title, **kw)  # fmt: skip
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")

        def header(canvas: Canvas, doc: BaseDocTemplate) -> None:
            canvas.saveState()
            canvas.setFont("Helvetica-Bold", 13)
            canvas.drawString(54, LETTER[1] - 48, TITLE)
            canvas.setFont("Helvetica", 11)
            canvas.drawString(54, LETTER[1] - 66, report.subtitle)
            canvas.restoreState()

        self.addPageTemplates([PageTemplate("page", [frame], onPage=header)])
        self.landed: dict[tuple[str, str], int] = {}
        self.tagged = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Tagged):
            self.tagged += 1
            for key in flowable.rows:
                self.landed[key] = self.page


def _markup(text: str, superscripts: bool, space: bool = False) -> str:
    text = _BOLD.sub(r"<b>\1</b>", text.replace("&", "&amp;").replace("<", "&lt;"))
    mark = r"<super>\1</super>" if superscripts else r"\1"
    if space:  # a space between a word and its mark; a footnote's own leading mark keeps none
        text = re.sub(r"(?<=\S)\^(\d+)", " " + mark, text)
    return _MARK.sub(mark, text)


class _Builder:
    def __init__(self, layout: Layout, report: Report) -> None:
        self.layout = layout
        self.report = report
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
        for number, page in enumerate(self.report.pages):
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
            return [_Tagged(self.signals(block.signals), block.rows), Spacer(1, 6)]
        if block.kind == "map":
            return [self.heat_map(), Spacer(1, 6)]
        assert block.table is not None
        return self.table(block.table)

    def signals(self, signals: Sequence[tuple[str, str]]) -> Table:
        """The overview numbers side by side, each a large number above its channel."""
        cells = [
            [Paragraph(f'<font size="22">{n}</font><br/><br/>{t}', self.bold) for n, t in signals]
        ]
        width = min(150.0, 500.0 / len(signals))
        return Table(cells, colWidths=[width] * len(signals), hAlign="LEFT")

    def heat_map(self) -> Drawing:
        """The map of where cases were reported, drawn as one shaded shape."""
        drawing = Drawing(500, 150)
        drawing.add(Ellipse(250, 75, 200, 70, fillColor=colors.salmon, strokeColor=None))
        return drawing

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
        keys = table_rows(table)
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


def render_pdf(
    report: Report, layout: Layout = Layout(), *, encrypt: str | None = None
) -> FixturePdf:
    """The report as a PDF, one page per planned page (more where `layout.breaks` breaks a
    table); raises AssertionError if the page plan did not hold (a block would not fit)."""
    buffer = io.BytesIO()
    doc = _Doc(buffer, report, encrypt=encrypt)
    story = _Builder(layout, report).story()
    expected = sum(1 for f in story if isinstance(f, _Tagged))
    doc.build(story)
    if doc.tagged != expected:
        raise AssertionError(f"report layout overflowed: {doc.tagged} of {expected} blocks drawn")
    pages = len(report.pages) + len(layout.breaks)
    if doc.page != pages:
        raise AssertionError(f"report has {doc.page} pages, planned {pages}: {doc.landed}")
    return FixturePdf(buffer.getvalue(), dict(doc.landed), doc.page)
