"""Parser behaviour beyond the golden files: unknown tables, non-rows, robustness."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import nhth_cli
from nhth_cli.errors import NotAReportError
from nhth_cli.parse import parse_document

from .conftest import SAMPLES

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


def test_python_api_converts_a_folder() -> None:
    result = nhth_cli.convert(SAMPLES)
    statuses = {f.source: f.status for f in result.files}
    assert statuses["connecticut-2016-hotline.txt"] == "parsed"
    assert statuses["README-not-a-report.txt"] == "skipped"
    table = result.to_arrow()
    assert table.num_rows == result.rows == 66 + 6 + 9
    assert table.column_names[:7] == [
        "jurisdiction", "year", "table", "category", "count", "pct", "suppressed",
    ]  # fmt: skip
    # Sorted by jurisdiction, then year, report, source.
    assert table.column("jurisdiction").to_pylist()[0] == "Connecticut"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_any_text_parses_or_is_skipped(text: str) -> None:
    try:
        report = parse_document(text, "x")
    except NotAReportError:
        return
    assert all(c.count is None or c.count >= 0 for c in report.cells)


_PIECES = st.sampled_from(
    ["NATIONAL HUMAN TRAFFICKING HOTLINE", "# OF CASES", "% OF CASES", "TOTAL # OF CASES", "Sex",
     "Fewer than", "Three", "N/A", "12.5%", "7", "\t", "  ", "\n", "\f", "1/1/2016 – 12/31/2016",
     "Ohio State Report:", "VENUE/INDUSTRY OF POTENTIAL TRAFFICKING", "**", "#", "¹", "Labor"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=80))
def test_report_shaped_noise_never_raises(pieces: list[str]) -> None:
    try:
        report = parse_document(" ".join(pieces), "x")
    except NotAReportError:
        return
    assert all(c.line >= 1 for c in report.cells)


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
