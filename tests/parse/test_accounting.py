"""unread_numbers (issue 12): "valid" means complete. Every number a report prints as data is
in a row, or the report fails; the known non-rows of SPEC.md never fail it."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from nhth_cli.errors import NotAReportError
from nhth_cli.normalize.periods import FIRST_YEAR, LAST_YEAR, find_period
from nhth_cli.parse import parse_document
from nhth_cli.parse.accounting import MAX_UNREAD, unread_numbers
from nhth_cli.pipeline import validate
from nhth_cli.records import Cell
from tests.conftest import SAMPLES, SEEDS
from tests.extract.test_text import TEXT_FORMS
from tests.helpers_checks import convert_texts
from tests.parse.test_forms import FORMS

CT = (SAMPLES / "connecticut-2016-hotline.txt").read_text(encoding="utf-8")
VI = (SAMPLES / "us-virgin-islands-2016-hotline.txt").read_text(encoding="utf-8")
ALL_FORMS: dict[str, Callable[[str], str]] = {
    "plain": lambda t: t,
    **{f"text:{k}": v for k, v in TEXT_FORMS.items()},
    **{f"form:{k}": v for k, v in FORMS.items()},
}


def _reports() -> dict[str, str]:
    """The 2016 hotline reports: samples always, seeds where ../shared is present."""
    out = {"ct-sample": CT, "vi-sample": VI}
    for name, prefix in (("ct-seed", "004"), ("vi-seed", "000")):
        for path in sorted(SEEDS.glob(f"{prefix}_*")) if SEEDS.is_dir() else []:
            out[name] = path.read_text(encoding="utf-8")
    return out


REPORTS = _reports()


def _unread(text: str) -> list[tuple[int, str]]:
    return [(u.line, u.text) for u in parse_document(text, "").unread]


def _what(text: str) -> list[tuple[object, ...]]:
    """What the rows of a text say, not where they were printed."""
    fields = ("table", "category", "count", "pct", "suppressed", "parent", "is_total")
    return [tuple(getattr(c, f) for f in fields) for c in parse_document(text, "").cells]


def _valid_rows(text: str) -> tuple[bool, int]:
    report = validate(convert_texts({"report.txt": text}))
    return report.valid, report.rows


# -- every form the parser reads accounts for all its numbers ---------------------------------


@pytest.mark.parametrize("which", sorted(REPORTS))
@pytest.mark.parametrize("form", sorted(ALL_FORMS))
def test_every_form_accounts_for_every_number(form: str, which: str) -> None:
    text = ALL_FORMS[form](REPORTS[which])
    assert _unread(text) == []


def _drop_a_count(text: str, cell: Cell) -> str | None:
    """The text with one row's count deleted from the line the row was read from."""
    lines = text.split("\n")
    line = lines[cell.line - 1]
    pattern = rf"(?<![\w,.]){re.escape(f'{cell.count:,}')}(?![\d,.]*%)(?![\d,])"
    dropped, n = re.subn(pattern, "", line, count=1)
    if not n:
        return None
    lines[cell.line - 1] = dropped
    return "\n".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(ALL_FORMS)), st.sampled_from(sorted(REPORTS)), st.data())
def test_a_count_dropped_from_any_form_fails_the_report(
    form: str, which: str, data: st.DataObject
) -> None:
    text = ALL_FORMS[form](REPORTS[which])
    # A row printing only its count (a signal channel, a headline figure) has nothing left to
    # read once the count goes: the document no longer prints that datum at all.
    cells = [c for c in parse_document(text, "").cells if c.count is not None and c.pct is not None]
    cell = data.draw(st.sampled_from(cells))
    mutated = _drop_a_count(text, cell)
    if mutated is None:
        event("count not on the row's line")
        return
    valid, _ = _valid_rows(mutated)
    if valid:  # only when the text still says the same: a lone footnote mark "1" read as
        # the count 1 it stands beside gives the same row: nothing is missing
        assert _what(mutated) == _what(text), (form, which, cell)
        event("same rows")
    else:
        event("fails")


# -- deleting a data line never passes with fewer rows ----------------------------------------


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(sorted(REPORTS)), st.data())
def test_deleting_a_data_line_never_passes_with_fewer_rows(which: str, data: st.DataObject) -> None:
    text = REPORTS[which]
    cells = parse_document(text, "").cells
    full = len(cells)
    lines = text.split("\n")
    # A line a row was read from (the overview's signal counts aside: a report may print none,
    # so one deleted leaves a report of another shape, not one with a number missing).
    data_lines = sorted({c.line - 1 for c in cells if c.table != "signals"})
    i = data.draw(st.sampled_from(data_lines))
    mutated = "\n".join(lines[:i] + lines[i + 1 :])
    try:
        valid, rows = _valid_rows(mutated)
    except NotAReportError:  # pragma: no cover - convert reports, it does not raise
        return
    event("still valid" if valid else "fails")
    assert not (valid and rows < full), lines[i]


# -- malformed numbers (issues 12 and 15) -----------------------------------------------------


@pytest.mark.parametrize(
    "broken",
    ["-33", "3,3", "33.0", "1e5", "+33", "3 3"],
)
def test_a_malformed_count_fails_the_report(broken: str) -> None:
    text = re.sub(r"(Community Member\s+)29", rf"\g<1>{broken}", CT, count=1)
    assert text != CT
    valid, _ = _valid_rows(text)
    assert not valid


def test_a_percent_without_its_sign_fails_the_report() -> None:
    text = re.sub(r"(Community Member\s+29\s+)14\.6%", r"\g<1>14.6", CT, count=1)
    assert text != CT
    assert not _valid_rows(text)[0]


def test_a_garbled_withheld_count_fails_the_report() -> None:
    garbled = re.sub(r"(Minors\s+)Fewer than Three", r"\g<1>Fewer than Thre", CT, count=1)
    assert garbled != CT
    valid, rows = _valid_rows(garbled)
    assert not (valid and rows < 66)


def test_the_whole_report_upper_cased_never_passes_with_numbers_missing() -> None:
    valid, rows = _valid_rows(CT.upper())
    assert not (valid and rows < 66)


# -- known non-rows ---------------------------------------------------------------------------

_REPORT_HEAD = (
    "NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT\n"
    "Connecticut State Report: 1/1/2016 – 12/31/2016\n\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "These statistics are accurate as of March 8, 2017.",
        "Information from December 2012 to December 2016.",
        "Call 1-888-373-7888 or text 233733, 24/7, in more than 200 languages.",
        "Hotline.....888–373–7888",
        "Call 1-888-373-7888 (TTY: 711)",
        "© 2025 Polaris. All rights reserved.",
        "(888) 373-7888",
        "Trafficking of Persons | §134 and 22 U.S.C. 7102",
        "12/4/26, 4:28 PM Statistics | Hotline",
        "In 2016, the hotline received calls from all 50 states.",
        "This constitutes the 31st highest call volume.",
        "Page 3 of 9",
        "2019 2020 2021 2022 2023",
        "Statistics since 2007",
    ],
)
def test_known_non_rows_are_not_unread(line: str) -> None:
    assert unread_numbers(_REPORT_HEAD + line + "\n", []) == ()


@pytest.mark.parametrize("year", [FIRST_YEAR, 2016, LAST_YEAR])
def test_a_year_a_report_may_be_of_is_a_year_in_prose(year: int) -> None:
    """The years the accounting takes for years are those a period may end in (the bench found
    a report of 2100 whose "In 2100," failed the check)."""
    assert find_period(f"Report: 1/1/{year} – 12/31/{year}") is not None
    assert unread_numbers(_REPORT_HEAD + f"In {year}, the hotline received calls.\n", []) == ()
    outside = unread_numbers(
        _REPORT_HEAD + f"In {LAST_YEAR + 1}, the hotline received calls.\n", []
    )
    assert [u.text for u in outside] == [str(LAST_YEAR + 1)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Webchat Contacts  12  6.0%", ["12", "6.0%"]),
        ("Minors  Fewer than Three  N/A", ["Fewer than Three"]),
        ("Victim of Trafficking: 49 (24.6%)", ["49", "24.6%"]),
        ("Victim of Trafficking ........ 49", ["49"]),
        ("Adults  -8  14.8%", ["-8", "14.8%"]),
    ],
)
def test_data_in_no_row_is_unread(line: str, expected: list[str]) -> None:
    assert [u.text for u in unread_numbers(_REPORT_HEAD + line + "\n", [])] == expected


def test_a_number_is_held_by_the_row_of_its_value_nearest_its_line() -> None:
    text = _REPORT_HEAD + "Adults  8  14.8%\nFemales  8  14.8%\n"
    held = Cell("t", "Adults", 8, 14.8, False, line=4, page=None)
    found = unread_numbers(text, [held])
    assert [(u.line, u.text) for u in found] == [(5, "8"), (5, "14.8%")]


def test_footnote_marks_beside_rows_are_not_unread() -> None:
    text = (
        _REPORT_HEAD + "Trafficking Type Not Specified 5  3  5.6%\n"
        "Minors  Fewer than Three 7  N/A\n\n"
        "5 Cases where the type is not specified are counted here.\n"
        "7 Figures under three are not shown to protect the people served.\n"
    )
    cells = [
        Cell("t", "Trafficking Type Not Specified", 3, 5.6, False, line=4, page=None),
        Cell("t", "Minors", None, None, True, line=5, page=None),
    ]
    assert unread_numbers(text, cells) == ()
    # The same mark beside a row that was not read is no excuse: the row's numbers fail.
    assert [u.text for u in unread_numbers(text, cells[1:])] == ["5", "3", "5.6%"]


def test_a_hostile_document_is_bounded() -> None:
    text = _REPORT_HEAD + "Sex 1 2.0% " * 3000 + "\n"
    found = unread_numbers(text, [])
    assert len(found) == MAX_UNREAD + 1
    assert found[-1].kind == "too_many"


def test_a_report_whose_tables_are_not_recognised_fails() -> None:
    # Every heading renamed: the rows are read into no known table, or not at all.
    text = re.sub(r"# OF (CALLS|CASES)\s+% OF (CALLS|CASES)", "COUNT  SHARE", CT)
    valid, rows = _valid_rows(text)
    assert not (valid and rows < 66)


# -- a statement that withholds a whole table (SPEC.md: "reported fewer than three times") ------

PROFILE = (SAMPLES / "us-virgin-islands-2012-2016-profile.txt").read_text(encoding="utf-8")
LABOR_STATEMENT = "All labor trafficking venues reported fewer than three times."


def test_each_venue_statement_is_held_by_its_all_venues_row() -> None:
    report = parse_document(PROFILE, "")
    assert {c.table for c in report.cells if c.category == "All Venues"} == {
        "sex_trafficking_venues", "labor_trafficking_venues",
    }  # fmt: skip
    assert report.unread == ()


@pytest.mark.parametrize(
    "printed",
    [
        LABOR_STATEMENT.replace(" fewer", "\nfewer"),  # wrapped
        LABOR_STATEMENT.upper(),
        LABOR_STATEMENT.replace("reported", "were  reported"),
    ],
)
def test_a_venue_statement_as_printed_is_held_by_its_row(printed: str) -> None:
    text = PROFILE.replace(LABOR_STATEMENT, printed)
    assert text != PROFILE
    assert _unread(text) == []
    assert _valid_rows(text) == (True, 9)


def test_a_venue_statement_no_row_holds_fails_the_report() -> None:
    """Bug (found 2026-12-05): the labor statement printed away from its heading (as a PDF's
    text order may put it) was read into no row, and the profile validated one row short."""
    moved = PROFILE.replace(f"\n{LABOR_STATEMENT}\n", "\n").replace(
        "SEX TRAFFICKING VENUES", f"{LABOR_STATEMENT}\n\nSEX TRAFFICKING VENUES", 1
    )
    assert moved.count(LABOR_STATEMENT) == 1 and moved != PROFILE
    assert [text for _, text in _unread(moved)] == [LABOR_STATEMENT.rstrip(".")]
    assert _valid_rows(moved) == (False, 8)


@pytest.mark.parametrize("printed", ["Agriculture: 5 cases", "Agriculture: 5 and more"])
def test_a_label_and_value_followed_by_words_is_data_not_prose(printed: str) -> None:
    """Bug (found 2026-12-05): `Label: 5 cases` in a venue section was read into no row and
    its 5 excused as a number inside a sentence (a lower-case word follows): valid, a row short."""
    text = PROFILE.replace(LABOR_STATEMENT, printed)
    assert [t for _, t in _unread(text)] == ["5"]
    assert _valid_rows(text)[0] is False


def test_a_number_after_a_colon_inside_a_sentence_is_still_prose() -> None:
    text = PROFILE.replace(
        LABOR_STATEMENT, f"{LABOR_STATEMENT} In the same years, as noted: 5 calls came in."
    )
    assert _unread(text) == []
