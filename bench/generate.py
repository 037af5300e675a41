"""Synthetic hotline reports for the benchmark, all in the layout of the 2016 state report.

One model (`make_report`) holds a report's numbers; renderers print it as tab-separated text
(like ../shared/seeds/004_*.txt), as space-aligned `pdftotext -layout` text (form feeds, page
headers, wrapped labels and headings) or as a PDF (reportlab, 6-7 pages, drawn tables).
Numbers vary per report but stay consistent (counts add up to totals, percents are
count / base rounded to one decimal), so `nhth convert` finds every check passing, and each
report knows how many rows it must give (`Report.rows`).

    python bench/generate.py text OUT_DIR 1120      # 56 jurisdictions x 20 years
    python bench/generate.py pdf OUT_DIR 300
"""

from __future__ import annotations

import argparse
import random
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from nhth_cli.normalize.jurisdictions import _CANONICAL
from nhth_cli.tables import BY_ID

# All 50 states, DC and the five territories (the national figures are no state report).
JURISDICTIONS: tuple[tuple[str, str], ...] = tuple(
    (code, name) for code, name in _CANONICAL.items() if code != "US"
)
TERRITORIES = frozenset({"PR", "GU", "VI", "AS", "MP"})
# Years a period may end in: 20 for the text set, then the rest the parser accepts.
TEXT_YEARS = tuple(range(2000, 2020))
ALL_YEARS = TEXT_YEARS + tuple(range(2020, 2101)) + tuple(range(1990, 2000))

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
PLAIN_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

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
FOOTNOTES = {
    "general": (
        "Requests for general information are situations in which an individual who is aware of "
        "a specific situation of potential trafficking may contact the National Human "
        "Trafficking Hotline for general information about human trafficking or to learn more "
        "about services available to trafficking victims."
    ),
    "online": (
        "Online Ad, Venue Unknown cases typically involve reports of sex trafficking in which an "
        "individual is advertised for commercial sex online but the venue of the sex act is "
        "unknown or not specified."
    ),
    "not_specified": (
        "Cases where trafficking type is not specified typically occur when a law enforcement "
        "agent or service provider contacts the National Hotline for resources and referrals but "
        "does not disclose details about the trafficking situation due to confidentiality."
    ),
    "foreign": (
        "A Foreign National in this data set is defined as any individual who is not currently "
        "a US Citizen or Legal Permanent Resident."
    ),
    "map": (
        "The image above is a heat map which reflects the cases reported to the National Human "
        "Trafficking Hotline. Areas in which greater numbers of cases were reported contain more "
        "red shading. This map only reflects cases in which the location of the potential "
        "trafficking was known. Some cases may involve more than one location."
    ),
}
DEMOGRAPHICS = BY_ID["victim_demographics_labor"].labels
CALLER_TYPES = tuple(
    label
    for label in BY_ID["caller_type"].labels
    if label not in ("Caller Types Referenced Fewer than Three Times", "Unknown")
)
HOW_FOUND = tuple(label for label in BY_ID["how_caller_found_hotline"].labels if label != "Unknown")
REASONS = (
    "Report a Trafficking Tip",
    "Access Service Referrals",
    "Request Crisis Assistance",
    "Request General Information",
    "Request Training and Technical Assistance",
)
SEX_VENUES = (
    "Venue Not Specified",
    "Commercial Front Brothel",
    "Hotel/Motel-Based",
    "Online Ad, Venue Unknown",
    "Residence-Based Commercial Sex",
    "Street-Based",
    "Truck Stop-Based",
    "Pornography",
    "Escort Services",
    "Bar/Strip Club/Cantina",
    "Personal Sexual Servitude",
    "Remote Interactive Sexual Acts",
    "Other Venue",
)
LABOR_INDUSTRIES = (
    "Traveling Sales Crew",
    "Industry Not Specified",
    "Domestic Work",
    "Agriculture",
    "Restaurant/Food Service",
    "Peddling/Begging",
    "Health & Beauty Services",
    "Construction",
    "Hospitality",
    "Landscaping",
    "Factories/Manufacturing",
    "Carnivals",
)


@dataclass
class Row:
    label: str
    count: int | None  # None: withheld ("Fewer than Three", percent N/A)
    pct: float | None
    mark: str = ""  # footnote number printed after the label
    supp_mark: str = ""  # footnote number printed after "Fewer than Three"


@dataclass
class Table:
    heading: str
    unit: str  # CALLS or CASES
    rows: list[Row]
    total_label: str | None = None  # None: non-cumulative, no total row
    total: int = 0
    heading_mark: str = ""
    footnotes: list[tuple[str, str]] = field(default_factory=list)  # (mark, text)


@dataclass
class Report:
    code: str
    name: str
    year: int
    signals: list[tuple[int, str]]
    substantive: int
    cases: int
    nationwide: int
    rank: int | None
    tables: list[Table]
    accurate_as_of: str

    @property
    def rows(self) -> int:
        """Rows `nhth convert` must give: signals, the two summary rows, every table row."""
        table_rows = sum(len(t.rows) + (t.total_label is not None) for t in self.tables)
        return len(self.signals) + 2 + table_rows

    @property
    def title(self) -> str:
        kind = "Territory" if self.code in TERRITORIES else "State"
        return f"{self.name} {kind} Report: 1/1/{self.year} – 12/31/{self.year}"

    @property
    def where(self) -> str:
        """The name as a sentence prints it: "the U.S. Virgin Islands", "Connecticut"."""
        return f"the {self.name}" if self.code in ("VI", "MP") else self.name


def _split(rng: random.Random, total: int, parts: int, floor: int = 1) -> list[int]:
    """`parts` counts, each at least `floor`, adding up to `total` (sorted, largest first)."""
    parts = max(1, min(parts, total // max(floor, 1)))
    rest = total - floor * parts
    cuts = sorted(rng.randint(0, rest) for _ in range(parts - 1))
    sizes = [b - a for a, b in zip([0, *cuts], [*cuts, rest], strict=True)]
    return sorted((s + floor for s in sizes), reverse=True)


def _pct(count: int, base: int) -> float:
    return round(100.0 * count / base, 1)


def _cumulative(
    rng: random.Random, heading: str, unit: str, labels: Sequence[str], total: int, last: str
) -> Table:
    """A table whose rows add up to its total; `last` (an "other" row) is printed last."""
    k = rng.randint(max(2, len(labels) // 2), len(labels))
    chosen = rng.sample(list(labels), k)
    counts = _split(rng, total, k + 1, floor=1)
    rows = [Row(label, c, _pct(c, total)) for label, c in zip(chosen, counts, strict=False)]
    used = sum(r.count or 0 for r in rows)
    if used < total:
        rows.append(Row(last, total - used, _pct(total - used, total)))
    total_label = "TOTAL # OF SUBSTANTIVE CALLS" if unit == "CALLS" else "TOTAL # OF CASES"
    return Table(heading, unit, rows, total_label, total)


def make_report(code: str, name: str, year: int, seed: int) -> Report:
    """One report's numbers: random but consistent, reproducible from the seed."""
    rng = random.Random(seed)
    calls = rng.randint(30, 4000)
    cases = rng.randint(12, max(13, calls // 3))
    signals = [(calls, "Phone Calls"), (rng.randint(1, calls // 5 + 1), "Emails")]
    signals.append((rng.randint(1, calls // 6 + 1), "Online Tip Reports"))
    if year >= 2017 and rng.random() < 0.5:
        signals += [(rng.randint(1, 200), "Webchats"), (rng.randint(1, 200), "Texts")]

    caller = _cumulative(
        rng,
        "CALLER TYPE",
        "CALLS",
        CALLER_TYPES,
        calls,
        "Caller Types Referenced Fewer than Three Times",
    )
    caller.rows[-1].mark = "1"
    caller.footnotes = [("1", WITHHELD)]
    found = _cumulative(
        rng, "HOW CALLER FOUND THE NATIONAL HOTLINE", "CALLS", HOW_FOUND, calls, "Unknown"
    )
    found.total_label = "TOTAL # OF CALLS"
    reason = _cumulative(
        rng,
        "PRIMARY REASON FOR CONTACTING THE NATIONAL HOTLINE",
        "CASES",
        REASONS,
        cases,
        "Report a Trafficking Tip",
    )
    if len({r.label for r in reason.rows}) < len(reason.rows):  # the "other" row repeated
        dup = reason.rows.pop()
        first = next(r for r in reason.rows if r.label == dup.label)
        first.count = (first.count or 0) + (dup.count or 0)
        first.pct = _pct(first.count, cases)
    for r in reason.rows:
        if r.label == "Request General Information":
            r.mark = "2"
            reason.footnotes = [("2", FOOTNOTES["general"])]

    venue = _venues(rng, cases)
    labor_cases = next(r.count for r in venue.rows if r.label == "Labor") or 0
    sex_cases = next(r.count for r in venue.rows if r.label == "Sex") or 0
    demo_labor = _demographics(rng, "LABOR", labor_cases, cases, "6", "7", "8")
    demo_sex = _demographics(rng, "SEX", sex_cases, cases, "9", "10", "11")
    rank = None if code in TERRITORIES else rng.randint(1, 51)
    return Report(
        code,
        name,
        year,
        signals,
        calls,
        cases,
        rng.randint(20_000, 60_000),
        rank,
        [caller, found, reason, venue, demo_labor, demo_sex],
        f"March {rng.randint(1, 28)}, {year + 1}",
    )


def _venues(rng: random.Random, cases: int) -> Table:
    """Trafficking types at top level (adding up to the cases), venues and industries below."""
    sex, labor, both, unknown = _split(rng, cases, 4, floor=1)
    rows: list[Row] = [Row("Sex", sex, _pct(sex, cases))]
    for label, count in _children(
        rng, SEX_VENUES, sex, "Venues Referenced in Fewer than Three Cases"
    ):
        rows.append(Row(label, count, _pct(count, cases)))
    rows.append(Row("Labor", labor, _pct(labor, cases)))
    for label, count in _children(
        rng, LABOR_INDUSTRIES, labor, "Industries Referenced in Fewer than Three Cases"
    ):
        rows.append(Row(label, count, _pct(count, cases)))
    rows.append(Row("Sex and Labor", both, _pct(both, cases)))
    rows.append(Row("Trafficking Type Not Specified", unknown, _pct(unknown, cases), "5"))
    for r in rows:
        if r.label == "Online Ad, Venue Unknown":
            r.mark = "3"
        elif "Fewer than Three" in r.label:
            r.mark = "4"
    return Table(
        "VENUE/INDUSTRY OF POTENTIAL TRAFFICKING",
        "CASES",
        rows,
        "TOTAL # OF POTENTIAL TRAFFICKING CASES",
        cases,
        footnotes=[("3", FOOTNOTES["online"]), ("4", WITHHELD), ("5", FOOTNOTES["not_specified"])],
    )


def _children(
    rng: random.Random, labels: Sequence[str], total: int, fewer: str
) -> Iterator[tuple[str, int]]:
    """Venues under a trafficking type, adding up to it; small ones fold into `fewer`."""
    k = rng.randint(1, min(6, len(labels)))
    counts = _split(rng, total, k, floor=1)
    small = 0
    for label, count in zip(rng.sample(list(labels), len(counts)), counts, strict=True):
        if count >= 3:
            yield label, count
        else:
            small += count
    if small:
        yield fewer, small


def _demographics(
    rng: random.Random, kind: str, of_type: int, cases: int, mark: str, withheld: str, foreign: str
) -> Table:
    """Non-cumulative: each demographic's count of cases; under three it is withheld."""
    rows = []
    for label in DEMOGRAPHICS:
        count = rng.randint(0, max(0, of_type))
        row_mark = foreign if label == "Foreign Nationals" else ""
        if count < 3:
            rows.append(Row(label, None, None, row_mark, withheld))
        else:
            rows.append(Row(label, count, _pct(count, cases), row_mark))
    return Table(
        f"VICTIM DEMOGRAPHICS ({kind} TRAFFICKING CASES)",
        "CASES",
        rows,
        None,
        heading_mark=mark,
        footnotes=[(mark, NON_CUMULATIVE), (withheld, WITHHELD), (foreign, FOOTNOTES["foreign"])],
    )


# -- prose shared by the renderers -------------------------------------------------------------


def overview(r: Report) -> str:
    return (
        "The following information is based on incoming communication with the National Human "
        f"Trafficking Hotline from January 1, {r.year} – December 31, {r.year} about human "
        f"trafficking cases and issues related to human trafficking in {r.where}. Communication "
        "can take the form of **phone calls, online tip reports, or emails**. Communication "
        "regarding topics unrelated to human trafficking are not included in this report. In "
        f"{r.year}, the National Human Trafficking Hotline received a total of "
        f"**{r.nationwide:,}** phone calls, emails, or online tip reports nationwide."
    )


def substantive(r: Report) -> list[str]:
    out = [
        "The following statistics are based solely on substantive calls about human trafficking "
        "and issues related to human trafficking made to the National Human Trafficking Hotline "
        f"between January 1, {r.year} and December 31, {r.year} from callers in {r.where} at the "
        "time of their call. Substantive calls exclude hang-ups, missed calls, wrong numbers, "
        "and calls in which the caller's reason for calling is unknown.",
        f"Number of Substantive Calls Received from {r.name}: **{r.substantive:,}**",
    ]
    if r.rank is not None:
        out.append(
            f"This constitutes the {_ordinal(r.rank)} highest call volume of all 50 states and "
            f"Washington, D.C. in {r.year}."
        )
    return out


def case_data(r: Report) -> str:
    where = r.where[0].upper() + r.where[1:]
    return (
        "Each request submitted to the hotline is evaluated for evidence of potential human "
        f"trafficking. **In {where}, a total of {r.cases:,} unique cases (incidents) of "
        "potential human trafficking were reported to the hotline.**"
    )


def closing(r: Report) -> str:
    return (
        "Important Note: The data displayed in this report was generated based on information "
        "communicated to the National Human Trafficking Hotline via phone, email, and online "
        "tip report. The National Human Trafficking Hotline cannot verify the accuracy of the "
        "information reported. This is not a comprehensive report on the scale or scope of "
        f"human trafficking within the state. These statistics are accurate as of "
        f"{r.accurate_as_of}. They may be subject to change as new information emerges."
    )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _count_text(row: Row, sup: bool) -> str:
    if row.count is None:
        return "Fewer than Three" + (_mark(row.supp_mark, sup) if row.supp_mark else "")
    return f"{row.count:,}"


def _pct_text(row: Row) -> str:
    return "N/A" if row.pct is None else f"{row.pct:.1f}%"


def _mark(mark: str, sup: bool) -> str:
    return f" {mark.translate(SUPERSCRIPT)}" if sup else mark


def _label(row: Row, sup: bool = True) -> str:
    return row.label + (_mark(row.mark, sup) if row.mark else "")


# -- text renditions ---------------------------------------------------------------------------

HEADER = "NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT"


def render_tab(r: Report) -> str:
    """Tab-separated rows and one paragraph per line, as in ../shared/seeds/004_*.txt."""
    out: list[str] = []

    def page_header() -> None:
        out.extend(["", HEADER, "", r.title, ""])

    def table(t: Table) -> None:
        head = t.heading
        if t.heading_mark:
            head = head.replace(" (", f"{_mark(t.heading_mark, True)} (", 1)
        out.append(f"{head}\t# OF {t.unit}\t% OF {t.unit}")
        out.extend(f"{_label(row)}\t{_count_text(row, True)}\t{_pct_text(row)}" for row in t.rows)
        if t.total_label:
            out.append(f"{t.total_label}\t{t.total:,}\t100.0%")
        else:
            out.append(f"NON-CUMULATIVE{_mark(t.heading_mark, True)}\t\t")
        out.append("")
        for mark, text in t.footnotes:
            out.extend([mark.translate(SUPERSCRIPT) + text, ""])

    page_header()
    out.extend(["OVERVIEW OF INCOMING SIGNALS", "", overview(r), "", ""])
    for count, channel in r.signals:
        out.extend(["", f"{count:,} {channel}", "", ""])
    out.extend(["SUBSTANTIVE CALL DATA", ""])
    for para in substantive(r):
        out.extend([para, ""])
    caller, found, reason, venue, labor, sex = r.tables
    table(caller)
    page_header()
    table(found)
    out.extend(["HUMAN TRAFFICKING CASE DATA", "", case_data(r), ""])
    table(reason)
    table(venue)
    page_header()
    table(labor)
    table(sex)
    page_header()
    out.extend(["LOCATION OF POTENTIAL TRAFFICKING CASES (WHERE KNOWN)¹²", "", "", ""])
    out.extend(["¹²" + FOOTNOTES["map"], "", closing(r)])
    return "\n".join(out)


def _wrap(text: str, width: int = 96, indent: str = "") -> list[str]:
    return textwrap.wrap(
        text.replace("**", ""),
        width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )


def _cells(label: str, count: str, pct: str) -> str:
    return f"{label:<58}{count:>20}{pct:>16}"


def render_layout(r: Report, rng: random.Random) -> str:
    """Space-aligned columns with form feeds between pages, as `pdftotext -layout` prints them:
    page headers on every page, prose wrapped, long labels and headings wrapped onto two lines
    (the numbers on the label's last line)."""
    pages: list[list[str]] = []

    def new_page() -> list[str]:
        page = ["", f"{'':>22}{HEADER}", "", f"{'':>22}{r.title}", ""]
        pages.append(page)
        return page

    def table(page: list[str], t: Table) -> None:
        head = t.heading
        if t.heading_mark:
            head = head.replace(" (", f"{_mark(t.heading_mark, True)} (", 1)
        unit = (f"# OF {t.unit}", f"% OF {t.unit}")
        if len(head) > 44:  # a long heading wraps; its last line carries the column titles
            first, rest = _split_words(head, 34)
            page.append(first)
            page.append(_cells(rest, *unit))
        else:
            page.append(_cells(head, *unit))
        for row in t.rows:
            label = _label(row)
            if len(label) > 40 and rng.random() < 0.7:
                first, rest = _split_words(label, 30)
                page.append(first)
                label = rest
            page.append(_cells(label, _count_text(row, True), _pct_text(row)))
        if t.total_label:
            page.append(_cells(t.total_label, f"{t.total:,}", "100.0%"))
        else:
            page.append(f"NON-CUMULATIVE{_mark(t.heading_mark, True)}")
        page.append("")
        for mark, text in t.footnotes:
            page.extend(_wrap(mark.translate(SUPERSCRIPT) + text))
            page.append("")

    caller, found, reason, venue, labor, sex = r.tables
    page = new_page()
    page.extend(["OVERVIEW OF INCOMING SIGNALS", "", *_wrap(overview(r)), ""])
    page.append("      " + "          ".join(f"{c:,} {ch}" for c, ch in r.signals))
    page.extend(["", "SUBSTANTIVE CALL DATA", ""])
    for para in substantive(r):
        page.extend([*_wrap(para), ""])
    page = new_page()
    table(page, caller)
    table(page, found)
    page = new_page()
    page.extend(["HUMAN TRAFFICKING CASE DATA", "", *_wrap(case_data(r)), ""])
    table(page, reason)
    page = new_page()
    table(page, venue)
    page = new_page()
    table(page, labor)
    table(page, sex)
    page = new_page()
    page.extend(["LOCATION OF POTENTIAL TRAFFICKING CASES (WHERE KNOWN)¹²", "", "", ""])
    page.extend([*_wrap("¹²" + FOOTNOTES["map"]), "", *_wrap(closing(r))])
    for number, p in enumerate(pages, start=1):
        p.extend(["", f"{'':>48}{number}"])
    return "\f".join("\n".join(p) + "\n" for p in pages)


def _split_words(text: str, at: int) -> tuple[str, str]:
    """Split text at the last space before column `at` (or the first space after it)."""
    cut = text.rfind(" ", 0, at)
    if cut <= 0:
        cut = text.find(" ", at)
    return text[:cut], text[cut + 1 :]


# -- PDF ---------------------------------------------------------------------------------------


def render_pdf(r: Report, path: Path, pages: int = 7) -> int:
    """Write the report as a PDF of 6 or 7 pages (drawn tables, raised footnote marks);
    returns the page count."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    width, height = letter
    c = Canvas(str(path), pagesize=letter, invariant=1, pageCompression=1)
    c.setTitle(r.title)
    left, right = 54.0, width - 54.0
    state = {"y": 0.0, "page": 0}

    def new_page() -> None:
        if state["page"]:
            c.setFont("Helvetica", 8)
            c.drawCentredString(width / 2, 30, str(state["page"]))
            c.showPage()
        state["page"] += 1
        c.setFillColorRGB(0.13, 0.2, 0.36)
        c.rect(0, height - 62, width, 62, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica-Bold", 14)
        c.drawCentredString(width / 2, height - 32, HEADER)
        c.setFont("Helvetica", 10)
        c.drawCentredString(width / 2, height - 50, r.title)
        c.setFillColorRGB(0, 0, 0)
        state["y"] = height - 92

    def text(s: str, font: str = "Helvetica", size: float = 9.5, lead: float = 12.0) -> None:
        for line in simpleSplit(s.replace("**", ""), font, size, right - left):
            c.setFont(font, size)
            c.drawString(left, state["y"], line)
            state["y"] -= lead
        state["y"] -= 6

    def heading(s: str) -> None:
        c.setFont("Helvetica-Bold", 11)
        c.setFillColorRGB(0.13, 0.2, 0.36)
        c.drawString(left, state["y"], s)
        c.setFillColorRGB(0, 0, 0)
        state["y"] -= 18

    def raised(x: float, y: float, mark: str) -> None:
        c.setFont("Helvetica", 6)
        c.drawString(x + 1.5, y + 3, mark)

    def footnote(mark: str, s: str) -> None:
        raised(left - 6, state["y"], mark)
        text(s, size=7.5, lead=9)

    def table(t: Table) -> None:
        row_h = 15.0
        y = state["y"]
        c.setFillColorRGB(0.13, 0.2, 0.36)
        c.rect(left, y - 5, right - left, row_h + 2, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica-Bold", 8.5)
        title, _, kind = t.heading.partition(" (")
        c.drawString(left + 4, y, title)
        if t.heading_mark:
            raised(left + 4 + c.stringWidth(title, "Helvetica-Bold", 8.5), y, t.heading_mark)
            c.setFont("Helvetica-Bold", 8.5)
            c.drawString(left + 4 + c.stringWidth(title, "Helvetica-Bold", 8.5) + 10, y, f"({kind}")
        c.drawRightString(right - 100, y, f"# OF {t.unit}")
        c.drawRightString(right - 6, y, f"% OF {t.unit}")
        c.setFillColorRGB(0, 0, 0)
        y -= row_h + 2
        body = [(row, False) for row in t.rows]
        for i, (row, _) in enumerate(body):
            if i % 2:
                c.setFillColorRGB(0.93, 0.94, 0.97)
                c.rect(left, y - 4, right - left, row_h, stroke=0, fill=1)
                c.setFillColorRGB(0, 0, 0)
            indent = (
                16
                if row.label not in ("Sex", "Labor")
                and t.unit == "CASES"
                and t.heading.startswith("VENUE")
                and row.label not in ("Sex and Labor", "Trafficking Type Not Specified")
                else 4
            )
            c.setFont("Helvetica", 8.5)
            c.drawString(left + indent, y, row.label)
            if row.mark:
                raised(left + indent + c.stringWidth(row.label, "Helvetica", 8.5), y, row.mark)
            c.setFont("Helvetica", 8.5)
            if row.count is None:
                c.drawRightString(right - 100 - 8, y, "Fewer than Three")
                raised(right - 100 - 8, y, row.supp_mark)
            else:
                c.drawRightString(right - 100, y, f"{row.count:,}")
            c.setFont("Helvetica", 8.5)
            c.drawRightString(right - 6, y, _pct_text(row))
            c.setStrokeColorRGB(0.8, 0.8, 0.85)
            c.line(left, y - 4, right, y - 4)
            y -= row_h
        c.setFont("Helvetica-Bold", 8.5)
        if t.total_label:
            c.drawString(left + 4, y, t.total_label)
            c.drawRightString(right - 100, y, f"{t.total:,}")
            c.drawRightString(right - 6, y, "100.0%")
        else:
            c.drawString(left + 4, y, "NON-CUMULATIVE")
            raised(
                left + 4 + c.stringWidth("NON-CUMULATIVE", "Helvetica-Bold", 8.5), y, t.heading_mark
            )
        c.setStrokeColorRGB(0.13, 0.2, 0.36)
        c.line(left, y - 4, right, y - 4)
        state["y"] = y - 26
        for mark, s in t.footnotes:
            footnote(mark, s)

    caller, found, reason, venue, labor, sex = r.tables
    new_page()
    heading("OVERVIEW OF INCOMING SIGNALS")
    text(overview(r))
    for count, channel in r.signals:
        c.setFont("Helvetica-Bold", 16)
        c.drawString(left + 40, state["y"] - 8, f"{count:,}")
        c.setFont("Helvetica", 11)
        c.drawString(
            left + 40 + c.stringWidth(f"{count:,} ", "Helvetica-Bold", 16), state["y"] - 8, channel
        )
        state["y"] -= 30
    state["y"] -= 10
    heading("SUBSTANTIVE CALL DATA")
    for para in substantive(r):
        text(para)
    new_page()
    table(caller)
    new_page()
    table(found)
    heading("HUMAN TRAFFICKING CASE DATA")
    text(case_data(r))
    table(reason)
    new_page()
    table(venue)
    new_page()
    table(labor)
    new_page()
    table(sex)
    if pages >= 7:
        new_page()
    heading("LOCATION OF POTENTIAL TRAFFICKING CASES (WHERE KNOWN)")
    c.setFillColorRGB(0.9, 0.5, 0.5)
    c.ellipse(left + 80, state["y"] - 220, right - 80, state["y"] - 20, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    state["y"] -= 240
    footnote("12", FOOTNOTES["map"])
    text(closing(r), size=8, lead=10)
    c.setFont("Helvetica", 8)
    c.drawCentredString(width / 2, 30, str(state["page"]))
    c.showPage()
    c.save()
    return int(state["page"])


# -- sets --------------------------------------------------------------------------------------


def combos(n: int) -> Iterator[tuple[int, str, str, int]]:
    """(index, code, name, year) for n reports: every jurisdiction for a year, year after year.
    Past the 56 x 111 combinations the parser accepts, combinations repeat (in another folder)."""
    per_round = len(JURISDICTIONS) * len(ALL_YEARS)
    for i in range(n):
        j = i % per_round
        year = ALL_YEARS[j // len(JURISDICTIONS)]
        code, name = JURISDICTIONS[j % len(JURISDICTIONS)]
        yield i, code, name, year


def encode(text: str, variant: str) -> bytes:
    """A text rendition's bytes: plain UTF-8, or with a BOM, CRLF line ends, or Windows-1252."""
    if variant == "bom":
        return b"\xef\xbb\xbf" + text.encode()
    if variant == "crlf":
        return text.replace("\n", "\r\n").encode()
    if variant == "cp1252":
        return text.translate(PLAIN_DIGITS).encode("cp1252")
    return text.encode()


@dataclass(frozen=True)
class Generated:
    source: str  # relative to the set's folder
    rows: int
    pages: int
    duplicate: bool


def generate_text(out: Path, n: int, seed: int = 1) -> list[Generated]:
    """n text reports under `out`: two-thirds tab-separated, one third `pdftotext -layout`;
    every fifth file is written with a BOM, CRLF line ends or in Windows-1252."""
    made = []
    per_round = len(JURISDICTIONS) * len(ALL_YEARS)
    for i, code, name, year in combos(n):
        report = make_report(code, name, year, seed * 1_000_003 + i)
        rng = random.Random(i)
        layout = i % 3 == 2
        text = render_layout(report, rng) if layout else render_tab(report)
        variant = ("plain", "plain", "bom", "crlf", "cp1252")[i % 5] if i % 4 == 1 else "plain"
        folder = f"{year}" if i < per_round else f"repeat{i // per_round}/{year}"
        rel = f"{folder}/{code.lower()}_{year}{'_layout' if layout else ''}.txt"
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(encode(text, variant))
        pages = text.count("\f") + 1
        made.append(Generated(rel, report.rows, pages, i >= per_round))
    return made


def generate_pdf(out: Path, n: int, seed: int = 2) -> list[Generated]:
    """n report PDFs under `out`, 6 or 7 pages each (about 6.7 on average)."""
    made = []
    for i, code, name, year in combos(n):
        report = make_report(code, name, year, seed * 1_000_003 + i)
        rel = f"{year}/{code.lower()}_{year}.pdf"
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        pages = render_pdf(report, path, pages=6 if i % 3 == 0 else 7)
        made.append(Generated(rel, report.rows, pages, False))
    return made


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=("text", "pdf"))
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    args = parser.parse_args(argv)
    made = (generate_text if args.kind == "text" else generate_pdf)(args.out, args.n)
    print(
        f"{len(made)} reports, {sum(m.rows for m in made)} rows, "
        f"{sum(m.pages for m in made)} pages in {args.out}"
    )


if __name__ == "__main__":
    main()
