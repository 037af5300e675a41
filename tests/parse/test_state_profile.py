"""parse/state_profile: a state profile's demographic pairs and venue statements as cells."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli.layouts.state_profile import TABLES
from nhth_cli.parse.lines import read_lines
from nhth_cli.parse.state_profile import ProfileParse, parse_state_profile
from tests.conftest import SAMPLES, seed_path

DEMO = "DEMOGRAPHICS OF POTENTIAL PERSONS TRAFFICKED:\n"


def _parse(text: str) -> ProfileParse:
    return parse_state_profile(read_lines(text).as_list())


def _rows(text: str) -> list[tuple[str, str, int | None, bool, str | None, int]]:
    """(table, category, count, suppressed, parent, line) of each cell, in order."""
    cells = _parse(text).cells
    return [(c.table, c.category, c.count, c.suppressed, c.parent, c.line) for c in cells]


def test_the_seed_profile_one_group_a_block() -> None:
    text = seed_path("001").read_text(encoding="utf-8-sig")
    found = _parse(text)
    assert [(c.table, c.category, c.count, c.suppressed, c.parent) for c in found.cells] == [
        ("victim_demographics", "U.S. Citizen/Legal Permanent Resident", None, True, "Citizenship"),
        ("victim_demographics", "Foreign National", None, True, "Citizenship"),
        ("victim_demographics", "Female", 3, False, "Gender"),
        ("victim_demographics", "Male", None, True, "Gender"),
        ("victim_demographics", "Gender Minorities", None, True, "Gender"),
        ("victim_demographics", "Adult", 3, False, "Age"),
        ("victim_demographics", "Minor", None, True, "Age"),
        ("sex_trafficking_venues", "All Venues", None, True, None),
        ("labor_trafficking_venues", "All Venues", None, True, None),
    ]
    lines = text.split("\n")
    for cell in found.cells:  # each cell's line is the line that prints it
        printed = lines[cell.line - 1]
        assert (cell.category.split("/")[0] in printed) or "fewer than three" in printed, cell
    assert found.loose == [] and found.warnings == []


def test_groups_side_by_side_are_read_group_by_group() -> None:
    """The sample prints Citizenship, Gender and Age in three columns, as pdftotext does."""
    text = (SAMPLES / "us-virgin-islands-2012-2016-profile.txt").read_text(encoding="utf-8")
    rows = _rows(text)
    assert [(cat, parent, line) for _, cat, _, _, parent, line in rows[:7]] == [
        ("U.S. Citizen/Legal Permanent Resident", "Citizenship", 10),
        ("Foreign National", "Citizenship", 11),
        ("Female", "Gender", 10),
        ("Male", "Gender", 11),
        ("Gender Minorities", "Gender", 12),  # alone on its line, in the Gender column
        ("Adult", "Age", 10),
        ("Minor", "Age", 11),
    ]
    # The counts the sample prints: Female 3 and Adult 3; the others withheld.
    assert {cat: count for _, cat, count, supp, _, _ in rows if not supp} == {
        "Female": 3, "Adult": 3
    }  # fmt: skip


def test_a_pair_whose_words_name_no_group_takes_its_columns_group() -> None:
    text = DEMO + (
        "Age                 Gender              Citizenship\n"
        "Unknown: 4          Unknown: 5          Unknown: 6\n"
        "Adult: 12           Female: 10          Foreign National: 2\n"
    )
    assert [(cat, count, parent) for _, cat, count, _, parent, _ in _rows(text)] == [
        ("Unknown", 4, "Age"), ("Adult", 12, "Age"),
        ("Unknown", 5, "Gender"), ("Female", 10, "Gender"),
        ("Unknown", 6, "Citizenship"), ("Foreign National", 2, "Citizenship"),
    ]  # fmt: skip


def test_a_labels_words_decide_its_group_when_the_columns_drift() -> None:
    """Columns in extracted text move: a label saying 'Male' is a gender wherever it stands."""
    text = DEMO + "Age          Gender\nMale: 4\nAdult: 7\n"  # both under Age's column
    # Groups come in the order they are first printed: Gender (Male) first.
    assert [(cat, parent) for _, cat, _, _, parent, _ in _rows(text)] == [
        ("Male", "Gender"), ("Adult", "Age")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "count", "suppressed"),
    [("3", 3, False), ("1,203", 1203, False), ("<3", None, True), ("< 3", None, True),
     ("Fewer than 3", None, True), ("fewer than three", None, True), ("12*", 12, False),
     ("5¹", 5, False)],
)  # fmt: skip
def test_pair_values(value: str, count: int | None, suppressed: bool) -> None:
    cells = _parse(DEMO + f"Gender\nFemale: {value}\n").cells
    assert [(c.category, c.count, c.suppressed, c.count_min, c.count_max) for c in cells] == [
        ("Female", count, suppressed, 0 if suppressed else count, 2 if suppressed else count)
    ]


def test_footnote_marks_leave_the_label() -> None:
    cells = _parse(DEMO + "Gender\nFemale¹: 3\nMale*: 4\n").cells
    assert [c.category for c in cells] == ["Female", "Male"]


def test_venue_rows_with_or_without_a_colon() -> None:
    text = (
        "SEX TRAFFICKING VENUES\n"
        "Hotel/Motel-Based: 7\n"
        "Commercial Front Brothel   4\n"
        "Other Venues: <3\n"
        "TOP\n"  # the page's back-to-top link does not end the section
        "Street-Based 1,002\n"
        "LABOR TRAFFICKING VENUES\n"
        "Agriculture: 12\n"
    )
    assert _rows(text) == [
        ("sex_trafficking_venues", "Hotel/Motel-Based", 7, False, None, 2),
        ("sex_trafficking_venues", "Commercial Front Brothel", 4, False, None, 3),
        ("sex_trafficking_venues", "Other Venues", None, True, None, 4),
        ("sex_trafficking_venues", "Street-Based", 1002, False, None, 6),
        ("labor_trafficking_venues", "Agriculture", 12, False, None, 8),
    ]


def test_venue_pairs_side_by_side_under_one_heading() -> None:
    text = (
        "LABOR TRAFFICKING VENUES\n"
        "Agriculture: 12*        Domestic Work: <3\n"
        "Restaurant/Food Service: 4    Other: 3\n"
    )
    found = _parse(text)
    assert [(c.category, c.count, c.line) for c in found.cells] == [
        ("Agriculture", 12, 2), ("Domestic Work", None, 2),
        ("Restaurant/Food Service", 4, 3), ("Other", 3, 3),
    ]  # fmt: skip
    assert (found.loose, found.warnings) == ([], [])


def test_a_venue_label_that_wrapped_is_read_whole() -> None:
    text = (
        "SEX TRAFFICKING VENUES\n"
        "Residence-Based Commercial Sex and\n"  # ends on a connector: the label goes on
        "Massage: 4\n"
        "Hotel/Motel-\n"
        "Based: 7\n"
        "Commercial Front Brothel/\n"
        "Spa: <3\n"
        "Top venues\n"  # a line that ends closed is no part of the label below it
        "Street-Based: 5\n"
        "The venues reported to the hotline in the period, as callers named them, by\n"
        "Truck Stop: 3\n"  # too long a label together: the row alone
    )
    assert [(c.category, c.count, c.line) for c in _parse(text).cells] == [
        ("Residence-Based Commercial Sex and Massage", 4, 3),
        ("Hotel/Motel-Based", 7, 5),
        ("Commercial Front Brothel/Spa", None, 7),
        ("Street-Based", 5, 9),
        ("Truck Stop", 3, 11),
    ]


@pytest.mark.parametrize("breaks", [0, 1, 2])
def test_the_all_venues_statement_may_wrap(breaks: int) -> None:
    words = ["All sex trafficking venues were", "reported fewer", "than three times."]
    statement = " ".join(words[: 3 - breaks]) + "\n" + "\n".join(words[3 - breaks :])
    text = "SEX TRAFFICKING VENUES\n" + statement.rstrip("\n") + "\nLABOR TRAFFICKING VENUES\n"
    assert _rows(text) == [("sex_trafficking_venues", "All Venues", None, True, None, 2)]


def test_a_statement_is_not_joined_across_the_next_heading() -> None:
    text = (
        "SEX TRAFFICKING VENUES\n"
        "All sex trafficking venues\n"
        "LABOR TRAFFICKING VENUES\n"
        "reported fewer than three times.\n"
        "Domestic Work: 3\n"
    )
    assert _rows(text) == [("labor_trafficking_venues", "Domestic Work", 3, False, None, 5)]


def test_rows_outside_any_section_are_loose_lines() -> None:
    text = "Intro figures   12\n" + DEMO + "Gender\nFemale: 3\n" + "OTHER DATA\nStray row   45\n"
    found = _parse(text)
    assert [c.category for c in found.cells] == ["Female"]
    assert [(ln.line, ln.text) for ln in found.loose] == [
        (1, "Intro figures   12"), (6, "Stray row   45")
    ]  # fmt: skip


def test_form_feeds_give_each_cell_its_page() -> None:
    text = DEMO + "Gender\nFemale: 3\n\fAge\nAdult: 7\n\fSEX TRAFFICKING VENUES\nSpa: 4\n"
    assert [(c.category, c.line, c.page) for c in _parse(text).cells] == [
        ("Female", 3, 1), ("Adult", 5, 2), ("Spa", 7, 3)
    ]  # fmt: skip


_PIECES = [
    DEMO, "SEX TRAFFICKING VENUES\n", "LABOR TRAFFICKING VENUES\n", "Citizenship   Gender   Age\n",
    "Female: 3  ", "Adult: <3\n", "Hotel 4\n", "All sex trafficking venues reported fewer ",
    "than three times.\n", "TOP\n", "\f", "\n", "  ", "*note\n",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=20)), max_size=14))
def test_any_text_gives_well_formed_cells(parts: list[str]) -> None:
    text = "".join(parts)
    lines = read_lines(text).as_list()
    found = parse_state_profile(lines)
    tables = {t.id for t in TABLES}
    for cell in found.cells:
        assert cell.table in tables
        assert 1 <= cell.line <= len(lines)
        assert cell.pct is None and not cell.is_total
        assert (cell.count is None) == cell.suppressed
        assert (cell.parent is not None) <= (cell.table == "victim_demographics")
    demo = [c for c in found.cells if c.table == "victim_demographics"]
    assert found.cells[: len(demo)] == demo  # demographics first, then the venues
    read = {c.line for c in found.cells}  # a line read is never loose; a column beside may be
    assert all(ln.text != lines[ln.line - 1].text.strip() for ln in found.loose if ln.line in read)


def test_a_year_in_a_venue_section_is_no_row() -> None:
    text = "SEX TRAFFICKING VENUES\nVenues reported in 2016\nHotel/Motel-Based: 7\n"
    assert _rows(text) == [("sex_trafficking_venues", "Hotel/Motel-Based", 7, False, None, 3)]


@pytest.mark.parametrize(
    "line",
    ["Types of Calls to the National Human Trafficking Hotline in 2016",  # as the seed prints
     "Figures reported since 2016", "Data as of: 2016", "Fiscal year 2016"],
)  # fmt: skip
def test_a_sentence_ending_in_a_year_is_no_row_nor_a_loose_line(line: str) -> None:
    for heading in ("SEX TRAFFICKING VENUES\n", DEMO + "Gender\n"):
        found = _parse(heading + line + "\n")
        assert (found.cells, found.loose) == ([], []), heading


def test_a_count_that_looks_like_a_year_after_a_label_is_a_row() -> None:
    """Only a year a sentence leads to is a date: a venue's or a group's count may be 2016."""
    text = DEMO + "Gender\nFemale: 2016\nSEX TRAFFICKING VENUES\nHotel/Motel-Based 2016\n"
    assert [(c.category, c.count) for c in _parse(text).cells] == [
        ("Female", 2016), ("Hotel/Motel-Based", 2016)
    ]  # fmt: skip


def test_a_footnote_mark_after_a_venue_count_is_read_as_after_a_pair() -> None:
    assert _rows("LABOR TRAFFICKING VENUES\nAgriculture: 12*\n") == [
        ("labor_trafficking_venues", "Agriculture", 12, False, None, 2)
    ]


@pytest.mark.parametrize(("value", "count"), [("12¹", 12), ("12 *", 12), ("<3†", None)])
def test_any_footnote_mark_after_a_venue_count(value: str, count: int | None) -> None:
    found = _parse(f"SEX TRAFFICKING VENUES\nSpa: {value}\n")
    assert [(c.category, c.count, c.suppressed) for c in found.cells] == [
        ("Spa", count, count is None)
    ]
    assert found.loose == []


def test_venue_statements_side_by_side_give_a_row_each() -> None:
    text = (
        "SEX TRAFFICKING VENUES                          LABOR TRAFFICKING VENUES\n"
        "All sex trafficking venues reported fewer       All labor trafficking venues reported\n"
        "than three times.                               fewer than three times.\n"
    )
    assert [(c.table, c.category, c.suppressed) for c in _parse(text).cells] == [
        ("sex_trafficking_venues", "All Venues", True),
        ("labor_trafficking_venues", "All Venues", True),
    ]


def test_venue_rows_side_by_side_are_read_column_by_column() -> None:
    """Each column keeps its own section; the columns end at a line that crosses the gap."""
    text = (
        "SEX TRAFFICKING VENUES          LABOR TRAFFICKING VENUES\n"
        "Hotel/Motel-Based: 7              Agriculture: 12\n"  # drifted right of its heading
        "                              Domestic Work: <3\n"  # drifted left; the left is empty
        "Street-Based 4\n"
        "\n"
        "A line of prose that runs across the whole width of the page, over the gap.\n"
        "Spa 5\n"
    )
    assert _rows(text) == [
        ("sex_trafficking_venues", "Hotel/Motel-Based", 7, False, None, 2),
        ("sex_trafficking_venues", "Street-Based", 4, False, None, 4),
        ("labor_trafficking_venues", "Agriculture", 12, False, None, 2),
        ("labor_trafficking_venues", "Domestic Work", None, True, None, 3),
        ("labor_trafficking_venues", "Spa", 5, False, None, 7),  # after the columns: the right's
    ]
    assert _parse(text).loose == []


def test_a_sentence_naming_venues_after_a_gap_is_no_second_column() -> None:
    text = (
        "SEX TRAFFICKING VENUES\n"
        "Hotel/Motel-Based: 7\n"
        "Figures are for the period.  Sex trafficking venues may be reported more than once.\n"
        "Spa: 4\n"
    )
    assert [(c.category, c.line) for c in _parse(text).cells] == [
        ("Hotel/Motel-Based", 2), ("Spa", 4)
    ]  # fmt: skip


@pytest.mark.parametrize("mark", ["¹", "*", "²³", " *"])
def test_a_venue_heading_with_a_footnote_mark(mark: str) -> None:
    assert _rows(f"LABOR TRAFFICKING VENUES{mark}\nAgriculture: 12\n") == [
        ("labor_trafficking_venues", "Agriculture", 12, False, None, 2)
    ]


def test_a_marked_heading_beside_another_starts_the_second_column() -> None:
    text = (
        "SEX TRAFFICKING VENUES*      LABOR TRAFFICKING VENUES¹\n"
        "Hotel/Motel-Based: 7         Agriculture: 12\n"
    )
    assert [(c.table, c.category) for c in _parse(text).cells] == [
        ("sex_trafficking_venues", "Hotel/Motel-Based"),
        ("labor_trafficking_venues", "Agriculture"),
    ]


def test_a_statement_beside_venue_rows() -> None:
    text = (
        "LABOR TRAFFICKING VENUES        SEX TRAFFICKING VENUES\n"
        "Agriculture: 12                 All sex trafficking venues were\n"
        "Domestic Work: 3                reported fewer than three times.\n"
    )
    found = _parse(text)
    assert [(c.table, c.category, c.count, c.line) for c in found.cells] == [
        ("labor_trafficking_venues", "Agriculture", 12, 2),
        ("labor_trafficking_venues", "Domestic Work", 3, 3),
        ("sex_trafficking_venues", "All Venues", None, 2),
    ]
    assert (found.loose, found.warnings) == ([], [])


def test_a_row_above_a_statement_is_no_part_of_it() -> None:
    text = "SEX TRAFFICKING VENUES\nHotel 4\nAll sex trafficking venues were reported fewer\n"
    text += "than  three   times.\n"  # justified text: wide spaces
    assert _rows(text) == [
        ("sex_trafficking_venues", "Hotel", 4, False, None, 2),
        ("sex_trafficking_venues", "All Venues", None, True, None, 3),
    ]


@pytest.mark.parametrize("lead", ["- ", "• ", "(", "* "])
def test_a_bullet_may_lead_the_statement(lead: str) -> None:
    text = f"LABOR TRAFFICKING VENUES\n{lead}All labor trafficking venues were reported\n"
    found = _parse(text + "fewer than three times.\n")
    assert [(c.table, c.category, c.line) for c in found.cells] == [
        ("labor_trafficking_venues", "All Venues", 2)
    ]
    assert found.warnings == []


_SEX = "All sex trafficking venues reported fewer than three times."
_LABOR = "All labor trafficking venues reported fewer than three times."


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (f"{_LABOR}\n", 1),  # outside any venue section
        (f"SEX TRAFFICKING VENUES\n{_SEX} {_LABOR}\n", 2),  # two on a line: one is read
        ("LABOR TRAFFICKING VENUES\nAll  sex   trafficking venues: see above\n", 2),  # justified
        (  # columns side by side without a gap where the heading says the right one starts
            "SEX TRAFFICKING VENUES          LABOR TRAFFICKING VENUES\n"
            "All sex trafficking venues reported fewer All labor trafficking venues\n"
            "than three times.              reported fewer than three times.\n",
            2,
        ),
    ],
    ids=["no-section", "two-on-a-line", "justified", "no-gap"],
)
def test_a_statement_not_read_is_a_warning_never_lost_silently(text: str, line: int) -> None:
    found = _parse(text)
    assert [w.split(":")[0] for w in found.warnings] == [f"line {line}"]
    assert "fewer than three times is not read" in found.warnings[0]
    read = {c.line for c in found.cells}
    assert [ln.line for ln in found.loose] == ([] if line in read else [line])
