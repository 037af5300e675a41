"""layouts/hotline_report: the 2016 hotline state report's score and its parse."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli.errors import NotAReportError
from nhth_cli.layouts import THRESHOLD, best_layout, scores
from nhth_cli.layouts.hotline_report import LAYOUT, TOTAL, TRAFFICKING_TYPES, parse
from nhth_cli.parse import parse_document
from nhth_cli.records import Cell, ParsedReport, Period
from tests.conftest import SAMPLES, seed_path

CT = SAMPLES / "connecticut-2016-hotline.txt"
VI = SAMPLES / "us-virgin-islands-2016-hotline.txt"
PROFILE = SAMPLES / "us-virgin-islands-2012-2016-profile.txt"
NOTE = SAMPLES / "README-not-a-report.txt"
YEAR_2016 = Period(date(2016, 1, 1), date(2016, 12, 31))


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    ("path", "score"),
    [(CT, 1.0), (VI, 1.0), (PROFILE, 0.0), (NOTE, 0.0)],
    ids=lambda v: getattr(v, "name", v),
)
def test_the_samples_score(path: Path, score: float) -> None:
    assert LAYOUT.recognise(_text(path)) == score


@pytest.mark.parametrize(("prefix", "score"), [("000", 1.0), ("001", 0.0), ("002", 0.0),
                                               ("003", 0.0), ("004", 1.0)])  # fmt: skip
def test_the_seeds_score(prefix: str, score: float) -> None:
    text = _text(seed_path(prefix))
    assert LAYOUT.recognise(text) == score
    if score:  # and it wins: every other layout stays below the threshold
        assert best_layout(text) is LAYOUT
        assert all(s < THRESHOLD for s, layout in scores(text) if layout is not LAYOUT)


def test_the_table_columns_in_a_text_naming_the_hotline_score_one() -> None:
    hotline = "Data from the National Human Trafficking Hotline.\n"
    assert LAYOUT.recognise(hotline + "CALLER TYPE  # OF CALLS  % OF CALLS\n") == 1.0
    assert LAYOUT.recognise(hotline + "PRIMARY REASON   #of cases\n") == 1.0  # any case, spacing
    assert LAYOUT.recognise(hotline + "CALLER TYPE  NUMBER OF CALLS\n") == 0.0
    # Columns alone do not make a report: the text must name the hotline.
    assert LAYOUT.recognise("CALLER TYPE  # OF CALLS  % OF CALLS\nVictim  4  100.0%\n") == 0.0


def test_two_of_the_reports_other_marks_score_below_the_tables() -> None:
    title = "NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT\n"  # names the hotline itself
    calls = "Number of Substantive Calls Received from Ohio: 5\n"
    cases = "In Ohio, a total of 1,204 unique cases were reported.\n"
    venue = "VENUE/INDUSTRY OF POTENTIAL TRAFFICKING\n"
    reason = "PRIMARY REASON FOR CONTACTING THE NATIONAL HOTLINE\n"
    assert LAYOUT.recognise(title) == 0.0
    assert LAYOUT.recognise(title + calls) == 0.8
    assert LAYOUT.recognise(title + cases) == 0.8
    assert LAYOUT.recognise(calls + cases) == 0.0  # two marks, but no hotline named
    assert LAYOUT.recognise("the Trafficking Hotline\n" + venue + reason) == 0.8
    assert LAYOUT.recognise("the Trafficking Hotline\n" + venue) == 0.0
    assert LAYOUT.recognise("the Trafficking Hotline\n" + venue + reason + "# OF CASES") == 1.0


def test_the_connecticut_report_without_its_column_headings_still_wins() -> None:
    columns = re.compile(r"#\s*OF\s+(CALLS|CASES)")
    text = columns.sub("NUMBER", _text(CT))
    assert columns.search(_text(CT)) and not columns.search(text)
    assert LAYOUT.recognise(text) == 0.8
    assert best_layout(text) is LAYOUT


_MARKS = [
    "National Human Trafficking Hotline", "# OF CALLS", "# of cases", "CALLER TYPE",
    "NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT", "Number of Substantive Calls Received",
    "a total of 12 unique cases", "VENUE/INDUSTRY OF POTENTIAL TRAFFICKING",
    "PRIMARY REASON FOR CONTACTING", "\n", "  ", "\f", "İ", "ſ", "\u212a", "é",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_MARKS), st.text(max_size=30)), max_size=12))
def test_recognise_never_raises_and_gives_one_of_its_scores(parts: list[str]) -> None:
    text = "".join(parts)
    score = LAYOUT.recognise(text)
    assert score in (0.0, 0.8, 1.0)
    if "# OF CALLS" in text and "National Human Trafficking Hotline" in text:
        assert score == 1.0


def _by_table(report: ParsedReport) -> dict[str, list[Cell]]:
    tables: dict[str, list[Cell]] = {}
    for cell in report.cells:
        tables.setdefault(cell.table, []).append(cell)
    return tables


def test_parse_reads_the_connecticut_report() -> None:
    report = parse(_text(CT), "connecticut-2016-hotline")
    assert report.report == "hotline_report"
    assert (report.jurisdiction.name, report.jurisdiction.code) == ("Connecticut", "CT")
    assert report.period == YEAR_2016
    assert report.warnings == ()
    assert (report.nationwide_signals, report.call_volume_rank) == (34068, 31)
    tables = _by_table(report)
    assert list(tables) == [
        "signals", "summary", "caller_type", "how_caller_found_hotline", "primary_reason",
        "venue_industry", "victim_demographics_labor", "victim_demographics_sex",
    ]  # fmt: skip
    assert [(c.category, c.count) for c in tables["signals"]] == [
        ("Phone Calls", 199),
        ("Emails", 24),
        ("Online Tip Reports", 14),
    ]
    assert {c.category: c.count for c in tables["summary"]} == {
        "Substantive Calls": 199,
        "Cases": 54,
    }
    assert len(report.cells) == 66
    # Pages come from the sample's form feeds; lines are the sample's own.
    first = tables["caller_type"][0]
    assert (first.category, first.line, first.page) == ("Victim of Trafficking", 17, 1)
    assert _text(CT).split("\n")[first.line - 1].startswith("Victim of Trafficking")


def test_the_connecticut_tables_add_up_as_the_report_prints_them() -> None:
    tables = _by_table(parse(_text(CT), "ct"))
    summary = {c.category: c.count for c in tables["summary"]}
    for table in ("caller_type", "how_caller_found_hotline", "primary_reason", "venue_industry"):
        cells = tables[table]
        total = [c for c in cells if c.is_total]
        assert [c.category for c in total] == [TOTAL], table
        top = [c for c in cells if not c.is_total and c.parent is None]
        assert sum(c.count or 0 for c in top) == total[0].count, table
        for c in cells:  # each percent is a share of the table's total, as printed
            assert c.pct is not None and c.count is not None
            assert abs(c.pct - 100 * c.count / total[0].count) <= 0.05 + 1e-9, (table, c)
    totals = {t: c.count for t, cells in tables.items() for c in cells if c.is_total}
    assert totals["caller_type"] == totals["how_caller_found_hotline"]
    assert totals["caller_type"] == summary["Substantive Calls"]
    assert totals["primary_reason"] == totals["venue_industry"] == summary["Cases"]
    venues = tables["venue_industry"]
    assert [c.category for c in venues if c.parent is None and not c.is_total] == list(
        TRAFFICKING_TYPES
    )
    for parent in ("Sex", "Labor"):
        count = next(c.count for c in venues if c.category == parent)
        assert sum(c.count or 0 for c in venues if c.parent == parent) == count


def test_the_demographics_are_shares_of_the_cases_and_withheld_ones_have_no_number() -> None:
    tables = _by_table(parse(_text(CT), "ct"))
    cases = next(c.count for c in tables["summary"] if c.category == "Cases")
    assert cases is not None
    for table in ("victim_demographics_labor", "victim_demographics_sex"):
        cells = tables[table]
        assert len(cells) == 9 and not any(c.is_total for c in cells)
        for c in cells:
            if c.suppressed:
                assert (c.count, c.pct, c.count_min, c.count_max) == (None, None, 0, 2)
            else:
                assert c.count is not None and c.pct is not None
                assert abs(c.pct - 100 * c.count / cases) <= 0.05 + 1e-9
    assert [c.category for c in tables["victim_demographics_labor"] if c.suppressed] == [
        "Minors", "Transgender Females", "Transgender Males",
        "Gender Non-Conforming Individuals", "Foreign Nationals",
    ]  # fmt: skip


def test_parse_reads_the_territory_report_and_its_one_case() -> None:
    report = parse(_text(VI), "us-virgin-islands-2016-hotline")
    assert (report.jurisdiction.code, report.period, report.warnings) == ("VI", YEAR_2016, ())
    assert [(c.table, c.category, c.count, c.parent, c.is_total) for c in report.cells] == [
        ("summary", "Cases", 1, None, False),
        ("primary_reason", "Request Crisis Assistance", 1, None, False),
        ("primary_reason", "Total", 1, None, True),
        ("venue_industry", "Sex", 1, None, False),
        ("venue_industry", "Venues Referenced in Fewer than Three Cases", 1, "Sex", False),
        ("venue_industry", "Total", 1, None, True),
    ]
    assert (report.nationwide_signals, report.call_volume_rank) == (None, None)


def test_the_seed_without_a_title_takes_its_jurisdiction_from_the_body() -> None:
    text = _text(seed_path("000"))
    assert "Territory Report" not in text
    report = parse(text, "000_de1108bb0b8b7ea7")
    assert report.jurisdiction.code == "VI" and report.period == YEAR_2016


def test_a_file_name_naming_another_state_is_a_warning_not_the_jurisdiction() -> None:
    report = parse(_text(CT), "texas-2016")
    assert report.jurisdiction.name == "Connecticut"
    assert report.warnings == (
        "jurisdiction 'Connecticut' from the document, 'Texas' from the file name",
    )


_NO_PERIOD = """NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT
Ohio State Report

CALLER TYPE                                               # OF CALLS  % OF CALLS
Community Member                                                   4      100.0%
TOTAL # OF SUBSTANTIVE CALLS                                       4      100.0%
"""


def test_a_report_without_its_period_raises_with_its_kind() -> None:
    assert LAYOUT.recognise(_NO_PERIOD) == 1.0
    with pytest.raises(NotAReportError, match="no reporting period") as raised:
        parse(_NO_PERIOD, "ohio")
    assert raised.value.kind == "hotline_report"
    with pytest.raises(NotAReportError) as again:
        parse_document(_NO_PERIOD, "ohio")
    assert again.value.kind == "hotline_report"
    dated = _NO_PERIOD.replace("State Report", "State Report: 1/1/2016 – 12/31/2016")
    assert parse(dated, "ohio").jurisdiction.name == "Ohio"


def test_a_report_without_its_jurisdiction_raises_with_its_kind() -> None:
    text = _NO_PERIOD.replace("Ohio State Report", "1/1/2016 – 12/31/2016")
    with pytest.raises(NotAReportError, match="no jurisdiction") as raised:
        parse(text, "report")
    assert raised.value.kind == "hotline_report"
    assert parse(text, "oh-2016").jurisdiction.code == "OH"  # the file name is the last resort


def test_a_report_whose_prose_is_justified_is_still_recognised() -> None:
    text = _text(VI).replace(
        "National Human Trafficking Hotline", "National  Human  Trafficking  Hotline"
    )
    assert "# OF CASES" in text and "Trafficking Hotline" not in text
    assert LAYOUT.recognise(text) == 1.0
