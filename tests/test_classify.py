"""classify: whether a text names the hotline, and why a document no layout takes is skipped."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli.classify import names_hotline, skip_reason
from nhth_cli.errors import NotAReportError
from nhth_cli.layouts import BY_KIND
from nhth_cli.parse import parse_document
from tests.conftest import SAMPLES, seed_path

EMPTY = "empty document"
UNNAMED = "does not mention the National Human Trafficking Hotline"
NO_TABLE = "no table of hotline statistics (not a report)"


@pytest.mark.parametrize(
    "text",
    [
        "National Human Trafficking Hotline",
        "NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT",
        "the National Human Trafficking Resource Center (NHTRC)",
        "call the trafficking hotline",
        "Human Trafficking Hotline",
        "reported to the National Human Trafficking\nHotline",  # wraps after the part it needs
        "reported to the National\nHuman Trafficking Hotline",
        "HOW CALLER FOUND THE NATIONAL HOTLINE",  # the report's own headings
        "contacting the National\nHotline",
    ],
)
def test_the_hotlines_names_are_found_in_any_case(text: str) -> None:
    assert names_hotline(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Polaris runs a hotline for victims of trafficking.",
        "Human trafficking task forces and hotlines",
        "National Human Traffic",
        "the National Domestic Violence Hotline",
    ],
)
def test_other_texts_do_not_name_it(text: str) -> None:
    assert not names_hotline(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", EMPTY),
        (" \n\t\r\n", EMPTY),
        ("\f\f", EMPTY),
        ("Minutes of the board meeting, 1/1/2016 – 12/31/2016.", UNNAMED),
        ("The National Human Trafficking Hotline took calls in 2016.", NO_TABLE),
    ],
)
def test_skip_reason(text: str, reason: str) -> None:
    assert skip_reason(text) == reason


def test_the_samples_note_and_the_news_seeds_are_skipped_with_their_reason() -> None:
    note = (SAMPLES / "README-not-a-report.txt").read_text(encoding="utf-8")
    assert skip_reason(note) == UNNAMED
    with pytest.raises(NotAReportError, match=UNNAMED) as raised:
        parse_document(note, "README-not-a-report")
    assert raised.value.kind is None  # skipped as no report: no kind
    for prefix in ("002", "003"):  # news articles that name the hotline
        text = seed_path(prefix).read_text(encoding="utf-8-sig")
        assert names_hotline(text)
        assert skip_reason(text) == NO_TABLE
        with pytest.raises(NotAReportError, match="no table of hotline statistics"):
            parse_document(text, prefix)


def test_a_report_names_the_hotline() -> None:
    for path in (
        SAMPLES / "connecticut-2016-hotline.txt",
        SAMPLES / "us-virgin-islands-2016-hotline.txt",
        SAMPLES / "us-virgin-islands-2012-2016-profile.txt",
    ):
        assert names_hotline(path.read_text(encoding="utf-8")), path.name


_WORDS = ["National", "Human", "Trafficking", "Hotline", "Resource", " ", "\n", "İ", "ſ", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=12)), max_size=12))
def test_skip_reason_is_one_of_three_and_agrees_with_names_hotline(parts: list[str]) -> None:
    text = "".join(parts)
    reason = skip_reason(text)
    if not text.strip():
        assert reason == EMPTY
    else:
        assert reason == (NO_TABLE if names_hotline(text) else UNNAMED)
    if not names_hotline(text):  # the printed reports' layouts need the hotline named (or,
        # the profile, all three of its headings, which these words never make)
        assert BY_KIND["hotline_report"].recognise(text) == 0.0
        assert BY_KIND["state_profile"].recognise(text) == 0.0


@pytest.mark.parametrize(
    "text",
    ["the National  Human  Trafficking  Hotline", "the National Human\nTrafficking\nHotline"],
)
def test_the_name_is_found_whatever_the_white_space_between_its_words(text: str) -> None:
    assert names_hotline(text)


def test_parse_document_gives_skip_reasons_words() -> None:
    """The reason parse_document gives is skip_reason's, word for word."""
    text = "Board minutes.\n"
    with pytest.raises(NotAReportError) as raised:
        parse_document(text, "minutes")
    assert str(raised.value) == skip_reason(text) == UNNAMED


def test_a_text_of_invisible_characters_is_empty() -> None:
    assert skip_reason("\ufeff\ufeff\u200b\n") == EMPTY


def test_a_report_whose_prose_naming_the_hotline_was_lost_is_still_read() -> None:
    """Bug (found 2026-12-05): the U.S. Virgin Islands sample names the hotline only in its
    footnote; without that line it was skipped as no report (exit 0, its rows lost), though
    its headings name "the National Hotline"."""
    text = (SAMPLES / "us-virgin-islands-2016-hotline.txt").read_text(encoding="utf-8")
    cut = "\n".join(t for t in text.split("\n") if "Trafficking Hotline" not in t)
    assert "Human Trafficking" not in cut
    report = parse_document(cut, "vi")
    assert report.report == "hotline_report"
    assert len(report.cells) == len(parse_document(text, "vi").cells)


def test_a_profile_that_lost_the_line_naming_the_hotline_is_no_skip() -> None:
    """The same for the state profile: with its three headings it is a profile, and without
    the line that gave its period it is an error, never skipped."""
    text = (SAMPLES / "us-virgin-islands-2012-2016-profile.txt").read_text(encoding="utf-8")
    cut = "\n".join(t for t in text.split("\n") if "Hotline" not in t)
    assert not names_hotline(cut)
    with pytest.raises(NotAReportError, match="no reporting period") as raised:
        parse_document(cut, "vi")
    assert raised.value.kind == "state_profile"  # an error, not a skip
