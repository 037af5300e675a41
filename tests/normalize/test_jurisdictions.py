"""normalize.jurisdictions: names, aliases and file names to codes; which name a report is of."""

from __future__ import annotations

import pytest

from nhth_cli.normalize import jurisdictions as j
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
