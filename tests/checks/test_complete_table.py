"""complete_table: a table of a known layout has the rows that layout always prints."""

from __future__ import annotations

import re

import pytest

from nhth_cli.pipeline import validate
from tests.conftest import FIXTURES, SAMPLES
from tests.helpers_checks import convert_texts, status_of

CT = (SAMPLES / "connecticut-2016-hotline.txt").read_text(encoding="utf-8")


def _failed(text: str, name: str = "ct.txt") -> set[tuple[str | None, str]]:
    """(table, message) of each complete_table failure of the text, converted as file name."""
    report = validate(convert_texts({name: text}))
    return {(f.table, f.message) for f in report.findings if f.check == "complete_table"
            and f.status == "fail"}  # fmt: skip


def test_the_sample_report_is_complete() -> None:
    report = validate(convert_texts({"ct.txt": CT}))
    for table in ("caller_type", "venue_industry", "victim_demographics_sex", "summary"):
        assert status_of(report, "complete_table", table) == {"pass"}


@pytest.mark.parametrize(
    ("line", "table", "said"),
    [
        (r"TOTAL # OF CASES\s+54\s+100\.0%", "primary_reason", "Total"),
        (r"Sex\s+43\s+79\.6%", "venue_industry", "the parent of 'Venue Not Specified'"),
        (r"Minors\s+11\s+20\.4%", "victim_demographics_sex", "Minors"),
        (r"Number of Substantive Calls Received from Connecticut: \*?\*?199\*?\*?", "summary",
         "'Substantive Calls'"),
    ],
)  # fmt: skip
def test_a_row_the_layout_always_prints_missing_fails(line: str, table: str, said: str) -> None:
    text, n = re.subn(rf"(?m)^.*{line}.*\n", "", CT, count=1)
    assert n == 1
    failed = _failed(text)
    assert any(t == table and said in message for t, message in failed), failed


def test_a_breakdown_with_no_rows_under_it_fails() -> None:
    text, n = re.subn(r"(?m)^\s*Traveling Sales Crew.*\n^.*Industries Referenced.*\n", "", CT)
    assert n == 1
    assert any("the rows under 'Labor'" in m for _, m in _failed(text))


@pytest.mark.parametrize("channel", ["Phone Calls", "Emails", "Online Tip Reports"])
def test_a_signal_channel_lost_from_the_overview_fails(channel: str) -> None:
    """Bug (found 2026-12-05): a copy that lost one cell of the overview's signal line
    ("199 Phone Calls   24 Emails   14 Online Tip Reports") validated, one row short."""
    text, n = re.subn(rf"\b\d+ {channel}\b", "", CT, count=1)
    assert n == 1
    assert ("signals", f"rows this table always prints were not read: {channel}") in _failed(text)


def test_a_report_without_signals_is_complete() -> None:
    """The U.S. Virgin Islands' 2016 report prints no signals at all: no table, no failure."""
    usvi = (SAMPLES / "us-virgin-islands-2016-hotline.txt").read_text(encoding="utf-8")
    report = validate(convert_texts({"vi.txt": usvi}))
    assert status_of(report, "complete_table", "signals") == set()
    assert not [f for f in report.findings if f.status == "fail"]


PROFILE = (SAMPLES / "us-virgin-islands-2012-2016-profile.txt").read_text(encoding="utf-8")


def test_the_state_profile_is_complete() -> None:
    assert _failed(PROFILE, "profile.txt") == set()


@pytest.mark.parametrize(
    ("line", "missing"),
    [
        ("Foreign National: <3", "Foreign National"),
        ("                                              Gender Minorities: <3",
         "Gender Minorities"),
    ],
)  # fmt: skip
def test_a_profile_that_lost_a_demographics_row_fails(line: str, missing: str) -> None:
    """Bug (found 2026-12-05): a profile that lost a line of its `Label: value` demographics
    validated, a row or three short: the form prints all seven groups' rows."""
    lines = PROFILE.split("\n")
    text = "\n".join(t for t in lines if not t.startswith(line))
    assert text != PROFILE
    failed = _failed(text, "profile.txt")
    assert any(t == "victim_demographics" and missing in m for t, m in failed), failed


@pytest.mark.parametrize("table", ["sex_trafficking_venues", "labor_trafficking_venues"])
def test_a_profile_that_lost_a_venue_section_s_statement_fails(table: str) -> None:
    """Bug (found 2026-12-05): a venue section's one line lost, the profile validated a row
    short: the form prints both sections, their venues or their statement, in every profile."""
    kind = table.split("_")[0]
    text = "\n".join(
        t for t in PROFILE.split("\n") if not t.startswith(f"All {kind} trafficking venues")
    )
    assert text != PROFILE
    assert (table, f"table {table} was not read; the layout prints it in every report") in (
        _failed(text, "profile.txt")
    )


TEXAS = (FIXTURES / "web" / "texas-2023-statistics-page.txt").read_text(encoding="utf-8")


def test_the_statistics_page_is_complete() -> None:
    assert _failed(TEXAS, "texas.txt") == set()


@pytest.mark.parametrize(
    ("line", "table", "said"),
    [
        # Its block's first number lost, "Internet" read as the heading of an unknown block.
        ("10", "ways_found", "table ways_found was not read"),
        ("583", "summary", "Signals from Victims or Survivors"),
        ("The Human Trafficking Hotline has received 32,297 signals since its inception.",
         "all_time_summary", "Signals"),
    ],
)  # fmt: skip
def test_a_statistics_page_that_lost_a_figure_fails(line: str, table: str, said: str) -> None:
    """Bug (found 2026-12-05): each of these lines deleted, the page validated a row short."""
    lines = TEXAS.split("\n")
    assert lines.count(line) == 1
    lines.remove(line)
    failed = _failed("\n".join(lines), "texas.txt")
    assert any(t == table and said in m for t, m in failed), failed


RULED = (FIXTURES / "pdftotext" / "ruled.txt").read_text(encoding="utf-8")
BROWSER_RAW = (FIXTURES / "pdftotext-raw" / "browser_printed.txt").read_text(encoding="utf-8")


def _without(text: str, line: str) -> str:
    lines = text.split("\n")
    (i,) = [i for i, t in enumerate(lines) if t.strip().startswith(line)]
    return "\n".join(lines[:i] + lines[i + 1 :])


def test_two_tables_read_as_one_fail() -> None:
    """Bug (found 2026-12-05): the sex demographics' heading lost, its rows were read into the
    labor table above it, every label twice, and the report validated."""
    text = _without(RULED, "VICTIM DEMOGRAPHICS9 (SEX TRAFFICKING CASES)")
    failed = {(t, m) for t, m in _failed(text) if "more than once" in m}
    assert [t for t, _ in failed] == ["victim_demographics_labor"]
    assert "Adults, Minors" in next(iter(failed))[1]


def test_rows_read_under_no_heading_fail() -> None:
    """Bug (found 2026-12-05): a table's title line lost, its rows were read as table
    'unknown_table' and the report validated."""
    text = _without(BROWSER_RAW, "CALLER TYPE")
    assert ("unknown_table", "18 rows read under no table heading: which table they belong to "
            "is lost") in _failed(text)  # fmt: skip


def test_a_demographics_row_under_the_wrong_group_fails() -> None:
    """Bug (found 2026-12-05): seed 001 prints each group's heading on a line of its own; with
    "Gender" lost, Female and Male were read under Citizenship and the profile validated."""
    text = PROFILE.replace("Gender                        Age", "                              Age")
    assert text != PROFILE
    failed = _failed(text, "profile.txt")
    assert any("'Female' under 'Gender'" in m for t, m in failed if t == "victim_demographics")


def test_rows_read_without_their_label_fail() -> None:
    """Bug (found 2026-12-05): a label's line lost (a cell a line), its numbers were read as a
    row labelled '' and the report validated."""
    text = _without(BROWSER_RAW, "Victim of Trafficking")
    assert ("caller_type", "1 rows read without their label: which row each is is lost") in (
        _failed(text)
    )


def test_a_heading_s_year_is_no_headline_figure() -> None:
    """Bug (found 2026-12-05): "900" lost from "Cases Identified in 2023" / "900" / "cases were
    identified in 2023.", the heading's year was read as the year's cases."""
    lines = TEXAS.split("\n")
    lines.remove("900")
    report = validate(convert_texts({"texas.txt": "\n".join(lines)}))
    assert not report.valid
    assert ("summary", "rows this table always prints were not read: Cases") in _failed(
        "\n".join(lines), "texas.txt"
    )


@pytest.mark.parametrize(
    "label",
    [
        "HOW CALLER FOUND THE NATIONAL HOTLINE # OF CALLS % OF CALLS Contact Involved in Case",
        "Online Ad, Venue Unknown NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT",
        "file:///reports/ct.html 1/4 211/311",
        "Student Student",
        "Request General Information2 Request General Information",
    ],
)
def test_a_label_that_holds_other_text_of_the_page_fails(label: str) -> None:
    """Bugs (found 2026-12-05 by damaging fixtures): a lost line break joined a row to the
    column heading above it, the page banner or a browser's footer; a line printed twice joined
    a label to itself. Each gave a row under a label no report prints, valid."""
    text = CT.replace("Student          ", f"{label}          ", 1)
    assert text != CT
    assert any(label in m and "holds other text" in m for _, m in _failed(text))
