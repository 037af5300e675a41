"""layouts/state_profile: the HHS state profile's score and its parse."""

from __future__ import annotations

from datetime import date
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli.classify import names_hotline
from nhth_cli.errors import NotAReportError
from nhth_cli.layouts import THRESHOLD, best_layout, scores
from nhth_cli.layouts.state_profile import KIND, LAYOUT, TABLES, parse
from nhth_cli.parse import parse_document
from nhth_cli.records import Period
from tests.conftest import SAMPLES, seed_path

PROFILE = SAMPLES / "us-virgin-islands-2012-2016-profile.txt"
PROFILE_PERIOD = Period(date(2012, 12, 1), date(2016, 12, 31))
HOTLINE = "Figures reported to the National Human Trafficking Hotline.\n"
MARKS = (
    "U.S. Virgin Islands: Efforts to Combat Human Trafficking\n",
    "DEMOGRAPHICS OF POTENTIAL PERSONS TRAFFICKED:\n",
    "SEX TRAFFICKING VENUES\n",
)


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    ("path", "score"),
    [
        (PROFILE, 0.9),
        (SAMPLES / "connecticut-2016-hotline.txt", 0.0),
        (SAMPLES / "us-virgin-islands-2016-hotline.txt", 0.0),
        (SAMPLES / "README-not-a-report.txt", 0.0),
    ],
    ids=lambda v: getattr(v, "name", v),
)
def test_the_samples_score(path: Path, score: float) -> None:
    assert LAYOUT.recognise(_text(path)) == score


@pytest.mark.parametrize(("prefix", "score"), [("000", 0.0), ("001", 0.9), ("002", 0.0),
                                               ("003", 0.0), ("004", 0.0)])  # fmt: skip
def test_the_seeds_score(prefix: str, score: float) -> None:
    text = _text(seed_path(prefix))
    assert LAYOUT.recognise(text) == score
    if score:
        assert best_layout(text) is LAYOUT
        assert all(s < THRESHOLD for s, layout in scores(text) if layout is not LAYOUT)


@pytest.mark.parametrize("pair", list(combinations(MARKS, 2)), ids=["title+demo", "title+venues",
                                                                    "demo+venues"])  # fmt: skip
def test_any_two_headings_in_a_text_naming_the_hotline_score_0_9(pair: tuple[str, str]) -> None:
    assert LAYOUT.recognise(HOTLINE + "".join(pair)) == 0.9
    assert LAYOUT.recognise("".join(pair)) == 0.0  # the hotline unnamed


@pytest.mark.parametrize("mark", MARKS)
def test_one_heading_is_not_enough(mark: str) -> None:
    assert LAYOUT.recognise(HOTLINE + mark) == 0.0


def test_the_headings_are_read_in_their_variants() -> None:
    variants = (
        "Guam: Efforts  to\nCombat Human Trafficking\n"  # the title wraps
        "demographics of potential victims trafficked\n"  # VICTIMS for PERSONS, any case
    )
    assert LAYOUT.recognise(HOTLINE + variants) == 0.9
    assert LAYOUT.recognise(HOTLINE + "LABOR TRAFFICKING VENUES\n" + MARKS[0]) == 0.9


def test_the_profile_scores_below_a_hotline_reports_tables() -> None:
    """A profile that also prints `# OF CASES` columns is read as a hotline report."""
    text = HOTLINE + "".join(MARKS) + "PRIMARY REASON   # OF CASES\n"
    found = {layout.kind: s for s, layout in scores(text)}
    assert found["state_profile"] == 0.9 and found["hotline_report"] == 1.0
    assert best_layout(text) is not LAYOUT


_PARTS = [*MARKS, HOTLINE, "Trafficking Resource", "\n", "\f", "  ", "İ", "ſ", "é"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PARTS), st.text(max_size=30)), max_size=10))
def test_recognise_never_raises_and_gives_one_of_its_scores(parts: list[str]) -> None:
    text = "".join(parts)
    score = LAYOUT.recognise(text)
    assert score in (0.0, 0.7, 0.9)
    if HOTLINE in text and MARKS[0] in text and MARKS[2] in text:
        assert score == 0.9
    if all(mark in text for mark in MARKS) and not names_hotline(text):
        assert score == 0.7  # a profile that lost the line naming the hotline


# The sample's rows (its golden): (table, category, count, suppressed, parent, line).
_SAMPLE_ROWS = [
    ("victim_demographics", "U.S. Citizen/Legal Permanent Resident", None, True, "Citizenship", 10),
    ("victim_demographics", "Foreign National", None, True, "Citizenship", 11),
    ("victim_demographics", "Female", 3, False, "Gender", 10),
    ("victim_demographics", "Male", None, True, "Gender", 11),
    ("victim_demographics", "Gender Minorities", None, True, "Gender", 12),
    ("victim_demographics", "Adult", 3, False, "Age", 10),
    ("victim_demographics", "Minor", None, True, "Age", 11),
    ("sex_trafficking_venues", "All Venues", None, True, None, 18),
    ("labor_trafficking_venues", "All Venues", None, True, None, 22),
]


def test_parse_reads_the_sample_profile() -> None:
    report = parse(_text(PROFILE), "us-virgin-islands-2012-2016-profile")
    assert report.report == KIND == "state_profile"
    assert (report.jurisdiction.name, report.jurisdiction.code) == ("U.S. Virgin Islands", "VI")
    assert report.period == PROFILE_PERIOD and report.period.year == 2016
    assert report.warnings == () and report.loose_lines == ()
    got = [(c.table, c.category, c.count, c.suppressed, c.parent, c.line) for c in report.cells]
    assert got == _SAMPLE_ROWS
    assert all(c.pct is None and c.page is None and not c.is_total for c in report.cells)
    assert {c.table for c in report.cells} == {t.id for t in TABLES}
    assert (report.nationwide_signals, report.call_volume_rank) == (None, None)


def test_parse_reads_the_seed_profile_as_the_sample() -> None:
    report = parse(_text(seed_path("001")), "001_02fcb49cabfafc38")
    assert report.jurisdiction.code == "VI" and report.period == PROFILE_PERIOD
    got = [(c.table, c.category, c.count, c.suppressed, c.parent) for c in report.cells]
    assert got == [row[:5] for row in _SAMPLE_ROWS]


def test_a_file_name_naming_another_jurisdiction_is_a_warning() -> None:
    report = parse(_text(PROFILE), "guam-profile")
    assert report.jurisdiction.code == "VI"
    assert report.warnings == (
        "jurisdiction 'U.S. Virgin Islands' from the document, 'Guam' from the file name",
    )


def test_a_profile_without_its_period_raises_with_its_kind() -> None:
    text = _text(PROFILE).replace(" from December 2012 to December 2016", "")
    assert LAYOUT.recognise(text) == 0.9
    with pytest.raises(NotAReportError, match="period") as raised:
        parse(text, "profile")
    assert raised.value.kind == "state_profile"
    with pytest.raises(NotAReportError) as again:
        parse_document(text, "profile")
    assert again.value.kind == "state_profile"


def test_a_profile_without_its_jurisdiction_raises_with_its_kind() -> None:
    text = _text(PROFILE).replace("U.S. Virgin Islands: ", "")
    assert LAYOUT.recognise(text) == 0.9
    with pytest.raises(NotAReportError, match="jurisdiction") as raised:
        parse(text, "profile")
    assert raised.value.kind == "state_profile"
    assert parse(text, "usvi-profile").jurisdiction.code == "VI"
