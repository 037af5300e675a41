"""`pdftotext` output without `-layout` (reading order) of the fixture PDFs gives the report's
rows and validates (SPEC.md, Inputs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nhth_cli.parse import parse_document
from nhth_cli.pipeline import convert, validate
from tests.conftest import FIXTURES, SAMPLES
from tests.parse.test_cells import rows

RAW = sorted((FIXTURES / "pdftotext-raw").glob("*.txt"))

# Fixtures nhth does not yet read whole: they fail loudly (a check fails), never pass short.
UNREAD = "raw pdftotext form not yet read whole: rows missing or mispaired, a check fails"
XFAIL: dict[str, str] = dict.fromkeys(
    (
        "hyphen_wraps",
        "long_labels_wrap",
        "marks_after_a_space",
        "rows_continue_heading",
        "rows_continue_no_heading",
        "ruled",
        "title_row_wraps",
        "title_wraps_in_heading_cell",
        "total_alone_next_page",
        "unruled",
        "valign_bottom",
        "valign_top",
        "wrapped_fewer_than_three",
    ),
    UNREAD,
)


def _marked(path: Path) -> object:
    reason = XFAIL.get(path.stem)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(path, id=path.stem, marks=marks)


def test_there_are_fixtures() -> None:
    assert len(RAW) >= 16


@pytest.mark.parametrize("path", [_marked(p) for p in RAW])
def test_raw_pdftotext_gives_the_reports_rows(path: Path) -> None:
    expected = rows((SAMPLES / "connecticut-2016-hotline.txt").read_bytes(), "ct.txt")
    assert rows(path.read_bytes(), path.name) == expected
    assert validate(convert(path)).valid


@pytest.mark.parametrize("path", RAW, ids=lambda p: p.stem)
def test_raw_pdftotext_never_passes_short(path: Path) -> None:
    """Read whole, or a check fails: never valid with rows missing or wrong."""
    expected = rows((SAMPLES / "connecticut-2016-hotline.txt").read_bytes(), "ct.txt")
    if rows(path.read_bytes(), path.name) != expected:
        assert not validate(convert(path)).valid


PLAIN_MARKS = FIXTURES / "pdftotext-raw" / "plain_marks_after_a_space.txt"


def test_a_mark_ending_its_label_line_above_the_row_is_no_unread_number() -> None:
    """Bug (found 2026-12-05): full-size marks after a label ("Request General Information 2"),
    the row's count and percent a line each below, were counted as numbers no row holds."""
    text = PLAIN_MARKS.read_text(encoding="utf-8")
    assert "\nRequest General Information 2\n" in text
    assert parse_document(text, "ct").unread == ()


def test_a_number_ending_a_label_line_that_is_no_footnote_mark_is_unread() -> None:
    """The same place, a number the document defines no footnote for (12): data no row holds."""
    text = PLAIN_MARKS.read_text(encoding="utf-8").replace(
        "\nRequest General Information 2\n", "\nRequest General Information 12\n"
    )
    assert [u.text for u in parse_document(text, "ct").unread] == ["12"]
