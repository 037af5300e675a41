"""checks/pages: a PDF's pages that gave no text fail the file; other files get no finding."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from nhth_cli.checks import FileSummary, Finding
from nhth_cli.checks.pages import unreadable_pages
from nhth_cli.checks.report import decode_findings
from nhth_cli.pipeline import checked
from nhth_cli.records import Cell, FileResult, Jurisdiction, ParsedReport, Period

PARSED = FileSummary("ct/2016.pdf", "ab" * 32, "parsed", "hotline_report", "Connecticut", 2016, 66)


def test_a_file_that_is_no_pdf_gets_no_finding() -> None:
    assert unreadable_pages(PARSED, None) == []


def test_a_pdf_whose_pages_all_gave_text_passes() -> None:
    [finding] = unreadable_pages(PARSED, ())
    assert finding == Finding(
        "unreadable_pages", "pass", "ct/2016.pdf", "Connecticut", 2016, None, 0, 0,
        "every page between the first and the last page with text gave text",
    )  # fmt: skip


def test_one_empty_page_fails_the_file_naming_it() -> None:
    [finding] = unreadable_pages(PARSED, (3,))
    assert (finding.check, finding.status, finding.source) == (
        "unreadable_pages", "fail", "ct/2016.pdf"
    )  # fmt: skip
    assert (finding.jurisdiction, finding.year, finding.table) == ("Connecticut", 2016, None)
    assert (finding.expected, finding.actual) == (0, 1)
    assert finding.message.startswith("PDF page 3 gave no text (")
    assert "the rows printed there are missing" in finding.message


def test_several_empty_pages_are_listed() -> None:
    [finding] = unreadable_pages(PARSED, (2, 5, 9))
    assert (finding.status, finding.expected, finding.actual) == ("fail", 0, 3)
    assert finding.message.startswith("PDF pages 2, 5, 9 gave no text")


@pytest.mark.parametrize(("count", "shown"), [(20, 20), (21, 20), (300, 20)])
def test_a_long_list_is_cut_after_twenty_pages(count: int, shown: int) -> None:
    pages = tuple(range(1, count + 1))
    [finding] = unreadable_pages(PARSED, pages)
    listed = ", ".join(map(str, pages[:shown]))
    assert finding.actual == count  # the count is all of them, the message shows 20
    cut = count > shown
    assert finding.message.startswith(f"PDF pages {listed}{', ...' if cut else ''} gave no text")
    assert str(shown + 1) + "," not in finding.message.split(" gave")[0]


def test_a_pdf_that_gave_no_report_is_still_named() -> None:
    """A skipped or failed PDF has no jurisdiction or year: the finding names its source."""
    skipped = FileSummary("scan.pdf", None, "skipped", reason="empty document")
    [finding] = unreadable_pages(skipped, (1, 2))
    assert (finding.source, finding.jurisdiction, finding.year) == ("scan.pdf", None, None)
    assert finding.status == "fail"


def _result(empty: tuple[int, ...] | None) -> FileResult:
    cells = (
        Cell("summary", "Cases", 54, None, False, 3, 1),
        Cell("primary_reason", "Report a Trafficking Tip", 54, 100.0, False, 5, 1),
        Cell("primary_reason", "Total", 54, 100.0, False, 6, 1, is_total=True),
    )
    report = ParsedReport(
        "hotline_report", Jurisdiction("Connecticut", "CT"),
        Period(date(2016, 1, 1), date(2016, 12, 31)), cells,
    )  # fmt: skip
    result = FileResult("ct.pdf", "00" * 32, "parsed", report=report)
    return replace(result, empty_pages=empty)


def test_a_files_findings_start_with_its_pages_finding() -> None:
    plain = checked(_result(None))
    good = checked(_result(()))
    bad = checked(_result((2,)))
    assert good.checks == bad.checks == plain.checks + 1
    first = decode_findings(good.rows_json)[0]
    assert (first.check, first.status, first.source) == ("unreadable_pages", "pass", "ct.pdf")
    assert all(f.check != "unreadable_pages" for f in decode_findings(plain.rows_json))
    [failed] = [f for f in decode_findings(bad.rows_json) if f.check == "unreadable_pages"]
    assert decode_findings(bad.rows_json)[0] == failed
    assert failed.status == "fail" and "page 2" in failed.message
    assert bad.notable[0] == failed  # it makes the file fail
    assert failed not in plain.notable and not any(
        f.check == "unreadable_pages" for f in good.notable
    )
    assert decode_findings(bad.rows_json)[1:] == decode_findings(plain.rows_json)
