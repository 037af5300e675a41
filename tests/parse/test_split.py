"""split_reports: two reports in one file (a merged PDF or text) are told apart, each part with
the 0-based index of its first line, so rows keep the line numbers of the whole file."""

from __future__ import annotations

import pytest

from nhth_cli.parse import parse_document
from nhth_cli.parse.split import split_reports
from tests import renditions as r
from tests.conftest import SAMPLES, seed_path


def _sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


CT = "connecticut-2016-hotline.txt"
VI = "us-virgin-islands-2016-hotline.txt"


def _check_parts(text: str, parts: list[tuple[int, str]]) -> None:
    """The parts are the text, in order, cut at line starts; each offset is its first line."""
    assert "\n".join(part for _, part in parts) == text
    lines = text.split("\n")
    for offset, part in parts:
        assert lines[offset : offset + part.count("\n") + 1] == part.split("\n")


def test_one_report_is_one_part() -> None:
    text = _sample(CT)
    assert split_reports(text) == [(0, text)]


def test_page_headers_repeating_the_title_split_nothing() -> None:
    text = r.page_breaks(_sample(CT))
    assert text.count("Connecticut State Report") > 3
    assert split_reports(text) == [(0, text)]


def test_text_without_a_report_is_one_part() -> None:
    assert split_reports("") == [(0, "")]
    assert split_reports("Officials announced a campaign.\n") == [
        (0, "Officials announced a campaign.\n")
    ]


@pytest.mark.parametrize("joint", ["\n", "\n\n\f", "\f"], ids=["newline", "page", "form-feed"])
def test_two_reports_merged(joint: str) -> None:
    ct, vi = _sample(CT), _sample(VI)
    text = ct + joint + vi
    parts = split_reports(text)
    _check_parts(text, parts)
    assert len(parts) == 2
    (first_at, first), (second_at, second) = parts
    assert first_at == 0 and first.startswith(ct.rstrip("\n"))
    assert second.lstrip("\f").startswith(vi.split("\n")[0])
    assert second_at == len(ct.split("\n")) + joint.count("\n") - 1
    # Each part is its report, with the rows of the report alone.
    assert parse_document(first, "").jurisdiction.code == "CT"
    assert parse_document(second, "").jurisdiction.code == "VI"
    assert [c.count for c in parse_document(second, "").cells] == [
        c.count for c in parse_document(vi, "").cells
    ]
    # Row lines in a part plus its offset are lines of the whole file holding the count.
    lines = text.split("\n")
    for offset, part in parts:
        for cell in parse_document(part, "").cells:
            if cell.count is not None:
                assert str(cell.count) in lines[offset + cell.line - 1].replace(",", "")


def test_the_same_jurisdiction_another_period_is_another_report() -> None:
    ct = _sample(CT)
    earlier = ct.replace("2016", "2015")
    parts = split_reports(ct + "\n" + earlier)
    assert len(parts) == 2
    assert [parse_document(p, "").period.year for _, p in parts] == [2016, 2015]


def test_a_report_without_a_title_after_one_with_a_title() -> None:
    """Seed 000 (U.S. Virgin Islands) has no title: it starts at its first section heading."""
    ct, vi = _sample(CT), seed_path("000").read_text(encoding="utf-8")
    text = ct + "\n" + vi
    parts = split_reports(text)
    _check_parts(text, parts)
    assert [parse_document(p, "").jurisdiction.code for _, p in parts] == ["CT", "VI"]
    assert len(parse_document(parts[1][1], "").cells) == 6
    assert len(parse_document(parts[0][1], "").cells) == 66


def test_a_report_with_a_title_after_one_without() -> None:
    vi, ct = seed_path("000").read_text(encoding="utf-8"), seed_path("004").read_text("utf-8")
    text = vi + "\n" + ct
    parts = split_reports(text)
    _check_parts(text, parts)
    assert [len(parse_document(p, "").cells) for _, p in parts] == [6, 66]
    # The second part starts at the banner above its title.
    assert parts[1][1].lstrip("\n").startswith("NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT")


def test_three_reports_alternating() -> None:
    ct, vi = _sample(CT), _sample(VI)
    text = "\f".join([ct, vi, ct])
    parts = split_reports(text)
    _check_parts(text, parts)
    assert [parse_document(p, "").jurisdiction.code for _, p in parts] == ["CT", "VI", "CT"]


def test_titles_beside_the_banner_on_one_line() -> None:
    """`NATIONAL ... DATA REPORT      Connecticut State Report: ...` on every page."""
    ct = r.header_on_one_line(r.page_breaks(_sample(CT)))
    vi = r.header_on_one_line(r.page_breaks(_sample(VI)))
    text = vi + "\n\f" + ct
    parts = split_reports(text)
    _check_parts(text, parts)
    assert [parse_document(p, "").jurisdiction.code for _, p in parts] == ["VI", "CT"]
    assert parts[1][1].startswith("\fNATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT  ")
    assert len(parse_document(parts[1][1], "").cells) == 66
