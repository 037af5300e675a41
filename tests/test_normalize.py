"""Jurisdictions, periods, numbers and labels as the reports print them."""

from __future__ import annotations

from datetime import date

import pytest

from nhth_cli.normalize import jurisdictions as j
from nhth_cli.normalize.labels import clean_label, snake_case
from nhth_cli.normalize.numbers import parse_count, parse_pct
from nhth_cli.normalize.periods import find_period
from nhth_cli.parse import parse_document

ALL_CODES = [code for code in j.CODES if code != "US"]


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_name_maps_to_its_code(code: str) -> None:
    name = j.by_code(code).name
    assert j.match_name(name) == j.by_code(code)
    assert j.match_name(name.upper()) == j.by_code(code)
    assert j.name_at(f"In {name}, a total of", 3) == j.by_code(code)


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("the U.S. Virgin Islands", "VI"),
        ("US Virgin Islands", "VI"),
        ("Virgin Islands", "VI"),
        ("Washington, D.C.", "DC"),
        ("District of Columbia", "DC"),
        ("Commonwealth of the Northern Mariana Islands", "MP"),
        ("United States", "US"),
    ],
)
def test_aliases(printed: str, code: str) -> None:
    assert j.match_name(printed) == j.by_code(code)


@pytest.mark.parametrize(
    ("stem", "code"),
    [
        ("ct_2016", "CT"),
        ("new-hampshire-2015", "NH"),
        ("2016 West Virginia State Report", "WV"),
        ("report_VA_2016", "VA"),
        ("guam2016", "GU"),
        ("000_de1108bb0b8b7ea7", None),  # a hash is no name, though it starts with "de"
    ],
)
def test_jurisdiction_from_file_name(stem: str, code: str | None) -> None:
    found = j.from_file_name(stem)
    assert (found.code if found else None) == code


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Connecticut State Report: 1/1/2016 – 12/31/2016", date(2016, 1, 1), date(2016, 12, 31)),
        ("from January 1, 2016 – December 31, 2016 about", date(2016, 1, 1), date(2016, 12, 31)),
        (
            "between January 1, 2015 and December 31, 2015 from",
            date(2015, 1, 1),
            date(2015, 12, 31),
        ),
        ("from December 2012 to December 2016.", date(2012, 12, 1), date(2016, 12, 31)),
        ("from February 2015 through February 2016", date(2015, 2, 1), date(2016, 2, 29)),
        ("Jan. 1, 2019 - Dec. 31, 2019", date(2019, 1, 1), date(2019, 12, 31)),
    ],
)
def test_periods(text: str, start: date, end: date) -> None:
    period = find_period(text)
    assert period is not None
    assert (period.start, period.end, period.year) == (start, end, end.year)


def test_a_single_date_is_no_period() -> None:
    assert find_period("These statistics are accurate as of June 1, 2017.") is None


@pytest.mark.parametrize(
    ("printed", "category"),
    [
        ("Request General Information ²", "Request General Information"),
        ("Request General Information2", "Request General Information"),
        ("Foreign Nationals 11", "Foreign Nationals"),
        ("Trafficking Type Not Specified⁵", "Trafficking Type Not Specified"),
        ("Online Ad,   Venue Unknown *", "Online Ad, Venue Unknown"),
        ("211/311", "211/311"),
    ],
)
def test_labels_lose_footnote_marks(printed: str, category: str) -> None:
    assert clean_label(printed) == category


def test_numbers() -> None:
    assert parse_count("34,068") == 34068
    assert parse_count("Fewer than Three") is None
    assert parse_count("<3") is None
    assert parse_pct("24.6%") == 24.6
    assert parse_pct("N/A") is None
    assert snake_case("LOCATION OF POTENTIAL TRAFFICKING¹⁰ (WHERE KNOWN)") == (
        "location_of_potential_trafficking_where_known"
    )


def _report(title: str, body: str = "") -> str:
    return (
        f"NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT\n{title}\n{body}\n"
        "PRIMARY REASON FOR CONTACTING THE NATIONAL HOTLINE\t# OF CASES\t% OF CASES\n"
        "Report a Trafficking Tip\t4\t100.0%\nTOTAL # OF CASES\t4\t100.0%\n"
    )


def test_title_wins_over_body_and_the_conflict_is_a_warning() -> None:
    text = _report(
        "Ohio State Report: 1/1/2017 – 12/31/2017",
        "In Iowa, a total of 4 unique cases were reported to the hotline.",
    )
    report = parse_document(text, "")
    assert report.jurisdiction == j.by_code("OH")
    assert any("Iowa" in w for w in report.warnings)


def test_body_then_file_name() -> None:
    body = "In Puerto Rico, a total of 4 unique cases were reported. 1/1/2017 – 12/31/2017"
    assert parse_document(_report("", body), "").jurisdiction == j.by_code("PR")
    no_name = _report("Report: 1/1/2017 – 12/31/2017")
    assert parse_document(no_name, "guam_2017").jurisdiction == j.by_code("GU")


def test_title_in_a_column_of_the_page_header() -> None:
    header = "NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT      Ohio State Report: 1/1/2017"
    text = _report(header + " – 12/31/2017", "In Iowa, a total of 4 unique cases were reported.")
    report = parse_document(text, "")
    assert report.jurisdiction == j.by_code("OH")
    assert any("Iowa" in w for w in report.warnings)
