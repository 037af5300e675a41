"""parse/facts: a report's jurisdiction (title, body, file name) and period, or why it has none."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli.errors import NotAReportError
from nhth_cli.normalize.casefold import lowered
from nhth_cli.parse.facts import document_facts, find_jurisdiction
from nhth_cli.records import Jurisdiction, Period
from tests.conftest import SAMPLES, seed_path

CT = Jurisdiction("Connecticut", "CT")
VI = Jurisdiction("U.S. Virgin Islands", "VI")


def _find(text: str, stem: str = "") -> tuple[Jurisdiction | None, list[str]]:
    """find_jurisdiction as document_facts calls it: lines, and the text's words by one space."""
    return find_jurisdiction(text.split("\n"), " ".join(text.split()), stem)


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Connecticut State Report: 1/1/2016 – 12/31/2016", "CT"),
        ("U.S. Virgin Islands Territory Report: 1/1/2016 – 12/31/2016", "VI"),
        ("Puerto Rico Commonwealth Report", "PR"),
        ("District of Columbia District Report", "DC"),
        ("Washington, D.C. State Report: 1/1/2016 – 12/31/2016", "DC"),
        ("New Hampshire State Report", "NH"),
        ("U.S. Virgin Islands: Efforts to Combat Human Trafficking", "VI"),
        ("Guam:Efforts to Combat Human Trafficking", "GU"),
        ("United States National Report", "US"),
        # A layout rendition puts the title in a column beside the report's name.
        ("DATA REPORT        Connecticut State Report: 1/1/2016 – 12/31/2016", "CT"),
    ],
)
def test_the_title_names_the_jurisdiction(title: str, code: str) -> None:
    found, warnings = _find(f"\n{title}\n\nOVERVIEW\n")
    assert found is not None and found.code == code
    assert warnings == []


def test_a_title_that_names_no_jurisdiction_is_passed_over() -> None:
    assert _find("Springfield State Report\nIn Ohio, a total of 3 unique cases.") == (
        Jurisdiction("Ohio", "OH"),
        [],
    )
    assert _find("Annual State Report\nnothing more") == (None, [])


def test_the_title_is_looked_for_in_the_first_80_lines_only() -> None:
    filler = "\n".join(f"line {i}" for i in range(79))
    assert _find(filler + "\nOhio State Report")[0] == Jurisdiction("Ohio", "OH")
    assert _find(filler + "\nmore\nOhio State Report") == (None, [])


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("In the U.S. Virgin Islands, a total of 1 unique cases were reported.", "VI"),
        ("In Connecticut, a total of 54 unique cases were reported.", "CT"),
        ("Number of Substantive Calls Received from Rhode Island: 75", "RI"),
        ("issues related to human trafficking in Puerto Rico. Communication", "PR"),
        ("to inform the response to human trafficking in the District of Columbia.", "DC"),
        # Sentences wrap: the body is read with its white space folded.
        ("In New\nJersey, a total of 190 unique\ncases", "NJ"),
        ("NUMBER OF SUBSTANTIVE CALLS RECEIVED FROM OHIO: 5", "OH"),
    ],
)
def test_the_body_names_the_jurisdiction_when_no_title_does(body: str, code: str) -> None:
    found, warnings = _find(f"OVERVIEW OF INCOMING SIGNALS\n{body}\n")
    assert found is not None and found.code == code
    assert warnings == []


def test_a_body_sentence_naming_no_jurisdiction_gives_way_to_the_next() -> None:
    text = (
        "In 2016, a total of 34,068 signals came from all states.\n"
        "In the state, a total of 5 cases.\n"
        "Number of Substantive Calls Received from Iowa: 40\n"
    )
    assert _find(text) == (Jurisdiction("Iowa", "IA"), [])


@pytest.mark.parametrize(
    ("stem", "code"),
    [("ct_2016", "CT"), ("new-hampshire-2015", "NH"), ("usvi_2016_report", "VI"),
     ("2016 Report - Rhode Island", "RI"), ("de1108bb0b8b7ea7", None), ("report", None)],
)  # fmt: skip
def test_the_file_name_is_the_last_resort(stem: str, code: str | None) -> None:
    found, warnings = _find("No title here.\nNor a sentence naming a state.\n", stem)
    assert (found.code if found else None) == code
    assert warnings == []


def test_the_title_wins_and_each_disagreement_is_a_warning() -> None:
    text = "Connecticut State Report\nIn Texas, a total of 5 unique cases were reported.\n"
    assert _find(text, "ohio-2016") == (
        CT,
        [
            "jurisdiction 'Connecticut' from the document, 'Texas' from the body",
            "jurisdiction 'Connecticut' from the document, 'Ohio' from the file name",
        ],
    )
    assert _find(text, "connecticut-2016") == (
        CT, ["jurisdiction 'Connecticut' from the document, 'Texas' from the body"]
    )  # fmt: skip


def test_the_body_wins_over_the_file_name_with_a_warning() -> None:
    text = "In the U.S. Virgin Islands, a total of 1 unique cases were reported.\n"
    assert _find(text, "guam-2016") == (
        VI, ["jurisdiction 'U.S. Virgin Islands' from the document, 'Guam' from the file name"]
    )  # fmt: skip
    assert _find(text, "usvi-2016") == (VI, [])  # another name of the same place agrees


def test_the_samples_and_seeds_name_their_jurisdiction() -> None:
    for name, expected in (
        ("connecticut-2016-hotline.txt", CT),
        ("us-virgin-islands-2016-hotline.txt", VI),
        ("us-virgin-islands-2012-2016-profile.txt", VI),
    ):
        text = (SAMPLES / name).read_text(encoding="utf-8")
        assert _find(text, "") == (expected, []), name
    seed = seed_path("000").read_text(encoding="utf-8-sig")  # no title: the body's sentences
    assert _find(seed, "000_de1108bb0b8b7ea7") == (VI, [])


_PIECES = [
    "Connecticut State Report", "Ohio", "In Texas, a total of 3", "In the U.S. Virgin Islands",
    ", a total of 12 unique cases", "Substantive Calls Received from Guam", "\n", " ", "İ",
    "response to human trafficking in ", "related to human trafficking in Iowa",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=15)), max_size=10),
    st.sampled_from(["", "ct-2016", "ohio", "x"]),
)
def test_the_lower_case_search_finds_what_the_plain_one_finds(parts: list[str], stem: str) -> None:
    text = "".join(parts)
    lines = text.split("\n")
    flat = " ".join(text.split())
    plain = find_jurisdiction(lines, flat, stem)
    assert find_jurisdiction(lines, flat, stem, lowered(flat)) == plain
    found, warnings = plain
    assert found is not None or warnings == []


def test_document_facts_of_the_connecticut_sample() -> None:
    text = (SAMPLES / "connecticut-2016-hotline.txt").read_text(encoding="utf-8")
    facts = document_facts(text, "connecticut-2016-hotline", "hotline_report")
    assert facts.jurisdiction == CT
    assert facts.period == Period(date(2016, 1, 1), date(2016, 12, 31))
    assert facts.warnings == ()
    assert len(facts.lines.texts) == text.count("\n") + 1
    assert facts.lines.pages is not None and max(facts.lines.pages) == text.count("\f") + 1
    assert "Number of Substantive Calls Received from Connecticut: 199" in facts.flat.text


def test_document_facts_of_the_profile_spans_whole_months() -> None:
    text = (SAMPLES / "us-virgin-islands-2012-2016-profile.txt").read_text(encoding="utf-8")
    facts = document_facts(text, "profile", "state_profile")
    assert facts.jurisdiction == VI
    assert facts.period == Period(date(2012, 12, 1), date(2016, 12, 31))
    assert facts.lines.pages is None


def test_document_facts_warns_of_a_disagreeing_file_name() -> None:
    text = "Ohio State Report: 1/1/2016 – 12/31/2016\n"
    facts = document_facts(text, "texas", "hotline_report")
    assert facts.warnings == ("jurisdiction 'Ohio' from the document, 'Texas' from the file name",)


@pytest.mark.parametrize("kind", ["hotline_report", "state_profile"])
def test_no_jurisdiction_raises_with_the_layouts_kind(kind: str) -> None:
    text = "DATA REPORT\nFigures from January 1, 2016 – December 31, 2016.\n"
    with pytest.raises(NotAReportError, match="no jurisdiction found") as raised:
        document_facts(text, "report-2016", kind)
    assert raised.value.kind == kind
    assert document_facts(text, "wy-2016", kind).jurisdiction == Jurisdiction("Wyoming", "WY")


@pytest.mark.parametrize("kind", ["hotline_report", "state_profile"])
@pytest.mark.parametrize(
    "period",
    ["", "in 2016", "from 12/31/2016 – 1/1/2016", "from 2/30/2016 – 3/1/2016",
     "from December 2016"],
)  # fmt: skip
def test_no_period_raises_with_the_layouts_kind(kind: str, period: str) -> None:
    text = f"Ohio State Report\nFigures reported to the hotline {period}.\n"
    with pytest.raises(NotAReportError, match="no reporting period found") as raised:
        document_facts(text, "ohio", kind)
    assert raised.value.kind == kind


def test_washington_dc_in_the_body_is_the_district_of_columbia() -> None:
    text = "CALL DATA\nNumber of Substantive Calls Received from Washington, D.C.: 347\n"
    assert _find(text, "")[0] == Jurisdiction("District of Columbia", "DC")
