"""Parser behaviour beyond the golden files: unknown tables, non-rows, robustness."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import event, given, settings
from hypothesis import strategies as st

from nhth_cli.errors import NotAReportError
from nhth_cli.parse import parse_document
from tests import renditions
from tests.conftest import SAMPLES

_UNKNOWN = """NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT
Maine State Report: 1/1/2018 – 12/31/2018

LANGUAGE OF CALLER³                         # OF CALLS      % OF CALLS
English                                             40           80.0%
Spanish                                              8           16.0%
Languages Referenced Fewer than Three Times          2            4.0%
TOTAL # OF CALLS                                    50          100.0%
"""


def test_unknown_heading_of_known_shape_is_read_with_a_warning() -> None:
    report = parse_document(_UNKNOWN, "")
    tables = {c.table for c in report.cells}
    assert tables == {"language_of_caller"}
    assert [c.category for c in report.cells] == [
        "English", "Spanish", "Languages Referenced Fewer than Three Times", "Total",
    ]  # fmt: skip
    assert report.cells[-1].is_total and report.cells[-1].count == 50
    assert any("language_of_caller" in w for w in report.warnings)


def test_nationwide_count_rank_and_dates_are_not_rows(ct_text: str) -> None:
    report = parse_document(ct_text, "")
    counts = {c.count for c in report.cells}
    assert report.nationwide_signals == 34068 and 34068 not in counts
    assert report.call_volume_rank == 31 and 31 not in counts
    assert not {2016, 2017} & counts


def test_fewer_than_three_in_a_label_is_not_suppression(ct_text: str) -> None:
    report = parse_document(ct_text, "")
    rows = {(c.table, c.category): c for c in report.cells}
    ordinary = rows[("caller_type", "Caller Types Referenced Fewer than Three Times")]
    assert (ordinary.count, ordinary.suppressed) == (2, False)
    withheld = rows[("victim_demographics_labor", "Minors")]
    assert (withheld.count, withheld.suppressed, withheld.count_min, withheld.count_max) == (
        None, True, 0, 2,
    )  # fmt: skip


def test_venues_and_industries_nest_under_their_type(ct_text: str) -> None:
    report = parse_document(ct_text, "")
    venue = [c for c in report.cells if c.table == "venue_industry"]
    parents = {c.category: c.parent for c in venue}
    assert parents["Hotel/Motel-Based"] == "Sex"
    assert parents["Traveling Sales Crew"] == "Labor"
    assert parents["Sex and Labor"] is None and parents["Total"] is None
    # The nested rows add up to their parent, as printed.
    for parent in ("Sex", "Labor"):
        total = next(c.count for c in venue if c.category == parent)
        assert sum(c.count or 0 for c in venue if c.parent == parent) == total


def test_tables_add_up_to_their_printed_totals(ct_text: str) -> None:
    report = parse_document(ct_text, "")
    for table in ("caller_type", "how_caller_found_hotline", "primary_reason", "venue_industry"):
        rows = [c for c in report.cells if c.table == table]
        total = next(c for c in rows if c.is_total)
        top = [c for c in rows if not c.is_total and c.parent is None]
        assert sum(c.count or 0 for c in top) == total.count, table
        for c in top:
            assert c.pct is not None and c.count is not None and total.count is not None
            assert abs(c.pct - 100 * c.count / total.count) <= 0.05 + 1e-9, (table, c.category)


def test_news_article_is_skipped_with_a_reason() -> None:
    text = "Officials announced a campaign. Call the National Human Trafficking Hotline.\n"
    try:
        parse_document(text, "")
    except NotAReportError as exc:
        assert "no table" in str(exc)
    else:
        raise AssertionError("a news article must not parse")


_REPORTS = ("connecticut-2016-hotline.txt", "us-virgin-islands-2016-hotline.txt")


def _read_or_skip(text: str) -> bool:
    """Parse text: a report or NotAReportError, never another exception. For a report, every
    row's line (1-based, of the text as given) exists and holds the row's count as printed.
    Whether the text was parsed as a report."""
    try:
        report = parse_document(text, "x")
    except NotAReportError:
        event("skipped")
        return False
    event("parsed")
    lines = text.split("\n")
    for cell in report.cells:
        assert 1 <= cell.line <= len(lines), cell
        if cell.count is not None:
            assert cell.count >= 0
            digits = lines[cell.line - 1].replace(",", "")
            assert str(cell.count) in digits, (cell, lines[cell.line - 1])
    return True


def test_any_text_inside_a_report_parses_or_is_skipped() -> None:
    """Random text (any characters) put into a sample report at any line: the document still
    reaches the parser (most of the time: asserted), which never fails otherwise."""
    parsed: list[bool] = []

    @settings(max_examples=150, deadline=None)
    @given(name=st.sampled_from(_REPORTS), at=st.integers(0, 200), noise=st.text(max_size=300))
    def run(name: str, at: int, noise: str) -> None:
        lines = (SAMPLES / name).read_text(encoding="utf-8").split("\n")
        at = min(at, len(lines))
        parsed.append(_read_or_skip("\n".join([*lines[:at], noise, *lines[at:]])))

    run()
    assert sum(parsed) >= len(parsed) // 2  # the parser was reached, not only classify


_PIECES = st.sampled_from(
    ["NATIONAL HUMAN TRAFFICKING HOTLINE", "# OF CASES", "% OF CASES", "TOTAL # OF CASES", "Sex",
     "Fewer than", "Three", "N/A", "12.5%", "7", "\t", "  ", "", "\f", "1/1/2016 – 12/31/2016",
     "Ohio State Report:", "VENUE/INDUSTRY OF POTENTIAL TRAFFICKING", "**", "#", "¹", "Labor",
     "Minors: Fewer than Three (N/A)", "Adults: 8 (14.8%)", "........", "% OF CASES  # OF CASES",
     "49", "24.6%", "Victim of Trafficking", "NON-CUMULATIVE", "Page 2"]
)  # fmt: skip
# An edit of a report's lines: (what, where, a piece of report-shaped text).
_EDITS = st.tuples(
    st.sampled_from(["insert", "delete", "duplicate", "join", "split", "replace", "append"]),
    st.integers(0, 200),
    _PIECES,
)


def _edit(lines: list[str], edit: tuple[str, int, str]) -> list[str]:
    what, at, piece = edit
    if not lines:
        return [piece]
    i = at % len(lines)
    line = lines[i]
    replaced = {
        "insert": [piece, line],
        "delete": [],
        "duplicate": [line, line],
        "split": [line[: at % (len(line) + 1)], line[at % (len(line) + 1) :]],
        "replace": [piece],
        "append": [f"{line} {piece}"],
    }
    if what == "join":
        return [*lines[:i], " ".join(lines[i : i + 2]), *lines[i + 2 :]]
    return [*lines[:i], *replaced[what], *lines[i + 1 :]]


# Forms of the reports the edits start from (see tests/renditions.py).
_FORMS: dict[str, Callable[[str], str]] = {
    "as printed": lambda text: text,
    "tabs": renditions.tabs,
    "colon rows": renditions.colon_rows,
    "dot leaders": renditions.dot_leaders,
    "percent first": renditions.percent_first,
    "one cell a line": renditions.raw_pdftotext,
    "column by column": renditions.raw_pdftotext_columns,
    "wrapped labels": renditions.wrap_numbers_last,
    "one cell a line, percent first": renditions.raw_pdftotext_percent_first,
    "marks alone": renditions.marks_alone,
}


def test_edited_reports_parse_or_are_skipped() -> None:
    """Sample reports in several forms, with lines inserted, deleted, duplicated, joined, split
    or replaced by report-shaped pieces: each parses (asserted for most) or is skipped, never
    raises, and every row it reads stands on a line holding its count."""
    parsed: list[bool] = []

    @settings(max_examples=200, deadline=None)
    @given(
        name=st.sampled_from(_REPORTS),
        form=st.sampled_from(sorted(_FORMS)),
        edits=st.lists(_EDITS, max_size=12),
    )
    def run(name: str, form: str, edits: list[tuple[str, int, str]]) -> None:
        text = _FORMS[form]((SAMPLES / name).read_text(encoding="utf-8"))
        lines = text.split("\n")
        for edit in edits:
            lines = _edit(lines, edit)
        parsed.append(_read_or_skip("\n".join(lines)))

    run()
    assert sum(parsed) >= len(parsed) // 2


_UNKNOWN_WRAPPED = """NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT
Maine State Report: 1/1/2018 – 12/31/2018

LANGUAGE OF CALLER                          # OF CALLS      % OF CALLS
English                                             40           80.0%
Spanish and Other Languages Spoken                   8           16.0%
in the Home
Languages Referenced Fewer than                      2            4.0%
Three Times
TOTAL # OF CALLS                                    50          100.0%
"""


def test_unknown_labels_wrapped_below_their_numbers_stay_with_their_row() -> None:
    report = parse_document(_UNKNOWN_WRAPPED, "")
    assert [c.category for c in report.cells] == [
        "English",
        "Spanish and Other Languages Spoken in the Home",
        "Languages Referenced Fewer than Three Times",
        "Total",
    ]


_COUNTS_ONLY = """NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT
Maine State Report: 1/1/2018 – 12/31/2018

TOP LABOR INDUSTRIES                        # OF CASES
Domestic Work                                        6
Agriculture²                                         3
Industries Referenced Fewer than Three Times         2
Health & Beauty Services                  Fewer than Three
TOTAL # OF LABOR CASES                              11
"""


def test_a_table_without_a_percent_column_keeps_its_counts() -> None:
    report = parse_document(_COUNTS_ONLY, "")
    got = [(c.table, c.category, c.count, c.pct, c.suppressed) for c in report.cells]
    assert got == [
        ("top_labor_industries", "Domestic Work", 6, None, False),
        ("top_labor_industries", "Agriculture", 3, None, False),
        ("top_labor_industries", "Industries Referenced Fewer than Three Times", 2, None, False),
        ("top_labor_industries", "Health & Beauty Services", None, None, True),
        ("top_labor_industries", "Total", 11, None, False),
    ]
    assert report.cells[-1].is_total
    assert any("top_labor_industries" in w for w in report.warnings)


# -- wrapped cells, withheld counts and marks -------------------------------------------------


def test_a_superscript_mark_alone_above_a_sentence_is_a_footnote_mark() -> None:
    """`¹` on a line of its own above a sentence (hypothesis found it raising ValueError)."""
    text = (SAMPLES / "connecticut-2016-hotline.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    lines.insert(154, "¹")
    report = parse_document("\n".join(lines), "x")
    assert len(report.cells) == 66
