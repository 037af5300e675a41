"""Reports a browser printed to PDF (Chromium, from our HTML renditions of the samples) and the
HTML itself give exactly the rows of the text, and validate clean (issue 12: the browser-printed
PDF). The PDFs are committed: CI has no browser. Chromium prints the page's address and "page of
pages" and the date and title on every page, and sets raised digits apart ("¹ ⁰" for ¹⁰)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nhth_cli.pipeline import ConversionResult, convert_bytes, validate
from tests.conftest import FIXTURES, SAMPLES

BROWSER = FIXTURES / "browser"
FIELDS = ("table", "category", "count", "pct", "suppressed", "parent", "is_total")


def _rows(path: Path) -> list[tuple[Any, ...]]:
    (result,) = convert_bytes(path.read_bytes(), path.name)
    assert result.status == "parsed", result.reason
    assert result.report is not None
    return [tuple(getattr(c, f) for f in FIELDS) for c in result.report.cells]


@pytest.mark.parametrize("name", ["connecticut-2016-hotline", "us-virgin-islands-2016-hotline"])
@pytest.mark.parametrize("suffix", [".pdf", ".html"])
def test_a_printed_or_saved_report_gives_the_rows_of_its_text(name: str, suffix: str) -> None:
    path = BROWSER / f"{name}{suffix}"
    expected = _rows(SAMPLES / f"{name}.txt")
    assert _rows(path) == expected
    report = validate(ConversionResult(convert_bytes(path.read_bytes(), path.name)))
    assert report.valid, [f.message for f in report.findings if f.status == "fail"]


def test_the_printed_report_carries_the_browsers_page_furniture() -> None:
    # What makes this form hard: without it the test above would prove little.
    from nhth_cli.extract.document import read_document

    text = read_document((BROWSER / "connecticut-2016-hotline.pdf").read_bytes()).text
    assert "file://" in text and "/4" in text
