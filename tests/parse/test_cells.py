"""`pdftotext -layout` output of the fixture PDFs gives the report's rows (SPEC.md, Inputs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nhth_cli.parse.cells import merge_wrapped_texts
from nhth_cli.parse.lines import read_lines
from nhth_cli.pipeline import convert_bytes
from nhth_cli.stream import to_arrow
from tests.conftest import FIXTURES, SAMPLES

PDFTOTEXT = sorted((FIXTURES / "pdftotext").glob("*.txt"))


def rows(data: bytes, source: str) -> list[dict[str, Any]]:
    result = convert_bytes(data, source)[0]
    assert result.status == "parsed", result.reason
    table = to_arrow([result]).drop_columns(["line", "page", "source"])
    out: list[dict[str, Any]] = table.to_pylist()
    return out


def test_there_are_fixtures() -> None:
    assert len(PDFTOTEXT) >= 15


@pytest.mark.parametrize("path", PDFTOTEXT, ids=lambda p: p.stem)
def test_pdftotext_layout_gives_the_reports_rows(path: Path) -> None:
    expected = rows((SAMPLES / "connecticut-2016-hotline.txt").read_bytes(), "ct.txt")
    assert rows(path.read_bytes(), path.name) == expected


def _merged(text: str) -> list[str]:
    return [t for t in merge_wrapped_texts(read_lines(text).texts) if t]


def test_withheld_count_centred_beside_its_label() -> None:
    text = (
        "Adults                                   8            14.8%\n"
        "                                         Fewer than\n"
        "Minors                                                N/A\n"
        "                                         Three7\n"
        "Females                                  8            14.8%\n"
    )
    assert _merged(text)[1] == "Minors  Fewer than Three7  N/A"


def test_label_and_count_both_wrap_around_a_centred_percent() -> None:
    text = (
        "Gender Non-Conforming                    Fewer than\n"
        "                                                      N/A\n"
        "Individuals                              Three7\n"
    )
    assert _merged(text) == ["Gender Non-Conforming Individuals  Fewer than Three7  N/A"]


def test_a_plain_mark_below_belongs_to_the_withheld_count_above() -> None:
    text = (
        "                                         Fewer than Three\n"
        "Males                                                  N/A\n"
        "                                         10\n"
        "                                         Fewer than Three\n"
        "Transgender Females                                    N/A\n"
        "                                         10\n"
    )
    assert _merged(text) == [
        "Males  Fewer than Three 10  N/A",
        "Transgender Females  Fewer than Three 10  N/A",
    ]


def test_text_without_wrapped_cells_is_unchanged() -> None:
    text = (SAMPLES / "connecticut-2016-hotline.txt").read_text(encoding="utf-8")
    texts = read_lines(text).texts
    assert merge_wrapped_texts(texts) == texts


def test_text_without_wrapped_cells_is_the_same_list() -> None:
    texts = ["Sex  12  5.0%", "                      Page furniture", "Labor  3  1.0%"]
    assert merge_wrapped_texts(texts) is texts
