"""Jurisdictions, periods, numbers and labels as the reports print them."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli.normalize import jurisdictions as j
from nhth_cli.normalize.casefold import in_lower_case, lowered
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


# -- the fast paths give what the plain definitions give -------------------------------------

_PROSE = st.sampled_from(
    ["December", "DECEMBER", "dec.", "1, ", "2016", " – ", " to ", "1/1/2016", "12/31/2016",
     "13/45/2016", "É", "ẞ", "Σ", "ſ", "İ", "K", "In ", "IN ", "Iowa", ", a total of ", "12",
     " unique cases", "Number of Substantive Calls Received from ", ": ", "٣", " "]
)  # fmt: skip
_CASE_PATTERNS = [
    re.compile(r"number of substantive calls received from [^:]{1,60}:\s*(\d[\d,]*)", re.I),
    re.compile(r"\bin (?=[^,]{2,60}, a total of \d)", re.I),
    re.compile(r"(december)\.?\s+(\d{4})", re.I),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(_PROSE, max_size=20).map("".join))
def test_lower_case_patterns_find_what_ignorecase_finds(text: str) -> None:
    low = lowered(text)
    if low is None:  # İ, ı, ſ or the Kelvin sign: case-insensitive patterns must read it
        assert any(char in text for char in "\u0130\u0131\u017f\u212a")
        return
    assert len(low) == len(text)
    for pattern in _CASE_PATTERNS:
        found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in in_lower_case(pattern).finditer(low)] == [
            (span, tuple(g.lower() if g else g for g in groups)) for span, groups in found
        ]


@settings(max_examples=300, deadline=None)
@given(st.lists(_PROSE, max_size=20).map("".join))
def test_a_period_is_found_alike_given_the_text_lower_cased(text: str) -> None:
    assert find_period(text, lowered(text)) == find_period(text)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # The first period stated wins, whatever its form.
        ("from December 2012 to December 2016; 1/1/2016 – 12/31/2016", date(2012, 12, 1)),
        ("1/1/2015 – 12/31/2015, then January 1, 2016 – December 31, 2016", date(2015, 1, 1)),
        # A match that is no valid period (month 13) is passed over for the next one.
        ("13/45/2016 – 12/31/2016 and 1/1/2014 – 12/31/2014", date(2014, 1, 1)),
        ("December 1, 2016 – January 1, 2016 or Dec 2013 to Dec 2014", date(2013, 12, 1)),
    ],
)
def test_the_first_valid_period_stated_is_the_documents(text: str, start: date) -> None:
    period = find_period(text)
    assert period is not None and period.start == start


@pytest.mark.parametrize(
    ("token", "count"),
    [("1,234", 1234), (" 7 ", 7), ("Fewer than Three", None), ("<3", None), ("", None)],
)
def test_counts_as_printed(token: str, count: int | None) -> None:
    assert parse_count(token) == count


@pytest.mark.parametrize(
    ("token", "pct"),
    [("24.6%", 24.6), ("24.6 %", 24.6), ("100%", 100.0), ("N/A", None), ("na", None), ("", None)],
)
def test_percents_as_printed(token: str, pct: float | None) -> None:
    assert parse_pct(token) == pct
