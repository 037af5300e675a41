"""The report builder (tests/builder.py) the tests and the bench share: its random reports are
self-consistent, reproducible, and every rendering gives nhth exactly the report's rows with no
failed check."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pypdfium2 as pdfium
import pytest

from nhth_cli.pipeline import ConversionResult, convert_bytes, validate

from .builder import (
    JURISDICTIONS,
    TERRITORIES,
    Layout,
    Report,
    TableData,
    make_report,
    render_layout_text,
    render_pdf,
    render_text,
)
from .pdf_fixtures import connecticut

# A spread of jurisdictions (territories too) and years (before and after the webchat channels).
SAMPLE = [(code, 1990 + 7 * i % 110) for i, (code, _) in enumerate(JURISDICTIONS[::5])]
SAMPLE += [("VI", 2019), ("MP", 2018), ("DC", 2099), ("AS", 1990)]


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def _base(table: TableData) -> int:
    total = next((r for r in table.rows if r.label.startswith("TOTAL")), None)
    return _number(total.count) if total else 0


@cache
def _report(code: str, year: int, seed: int = 7) -> Report:
    return make_report(code, year, seed)


def _read(data: bytes, source: str) -> tuple[Counter[tuple[str, str]], set[tuple[str, str]]]:
    """The (table, category) rows nhth reads from a rendering, and its failed checks."""
    (result,) = convert_bytes(data, source)
    assert result.status == "parsed", result.reason
    assert result.report is not None
    rows = Counter((cell.table, cell.category) for cell in result.report.cells)
    report = validate(ConversionResult((result,)))
    return rows, {(f.check, f.message) for f in report.findings if f.status == "fail"}


def test_same_seed_same_report_other_seed_other_figures() -> None:
    assert make_report("CT", 2016, 3) == make_report("CT", 2016, 3)
    assert make_report("CT", 2016, 3).tables != make_report("CT", 2016, 4).tables


@pytest.mark.parametrize(("code", "year"), SAMPLE)
def test_counts_add_up_and_percents_are_count_over_base(code: str, year: int) -> None:
    report = _report(code, year)
    tables = {t.id: t for t in report.tables}
    assert len(tables) == 6
    calls, cases = _base(tables["caller_type"]), _base(tables["venue_industry"])
    assert _base(tables["how_caller_found_hotline"]) == calls
    assert _base(tables["primary_reason"]) == cases
    for table in report.tables:
        body = [r for r in table.rows if r.count and not r.label.startswith("TOTAL")]
        base = cases if table.unit == "CASES" else calls
        for row in body:
            if row.count.startswith("Fewer"):
                assert row.pct == "N/A"
                continue
            assert row.pct == f"{100 * _number(row.count) / base:.1f}%", (table.id, row)
        if table.id == "venue_industry":  # the trafficking types add up; venues to their type
            types = ("Sex", "Labor", "Sex and Labor", "Trafficking Type Not Specified^5")
            assert sum(_number(r.count) for r in body if r.label in types) == cases
        elif table.id.startswith("victim_demographics"):
            assert all(_number(r.count) <= cases for r in body if r.count[0].isdigit())
        else:
            assert sum(_number(r.count) for r in body) == base


def test_every_jurisdiction_and_the_signals_of_its_year() -> None:
    for code, name in JURISDICTIONS:
        report = make_report(code, 2018, 1)
        assert report.jurisdiction == name
        kind = "Territory" if code in TERRITORIES else "State"
        assert report.subtitle == f"{name} {kind} Report: 1/1/2018 – 12/31/2018"
    rows = {row for seed in range(20) for row in make_report("OH", 2016, seed).rows}
    channels = {category for table, category in rows if table == "signals"}
    assert channels == {"Phone Calls", "Emails", "Online Tip Reports"}
    assert "Webchats" not in channels  # the channels came in 2017


@pytest.mark.parametrize("pages", [6, 7])
def test_page_plan(pages: int) -> None:
    report = make_report("TX", 2012, 5, pages=pages)
    assert len(report.pages) == pages
    assert render_layout_text(report).count("\f") == pages - 1
    assert render_text(report).count("NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT") == pages


@pytest.mark.parametrize(("code", "year"), SAMPLE)
def test_text_renderings_give_exactly_the_reports_rows(code: str, year: int) -> None:
    report = _report(code, year)
    for source, text in (("t.txt", render_text(report)), ("l.txt", render_layout_text(report, 3))):
        rows, failed = _read(text.encode(), source)
        assert rows == Counter(report.rows), source
        assert not failed, source


@pytest.mark.parametrize(
    ("code", "year", "layout", "pages"),
    [("NY", 2019, Layout(), 7), ("PR", 2001, Layout(ruled=False), 6)],
)
def test_pdf_gives_exactly_the_reports_rows(
    code: str, year: int, layout: Layout, pages: int
) -> None:
    report = make_report(code, year, 11, pages=pages)
    pdf = render_pdf(report, layout)
    assert pdf.page_count == len(pdfium.PdfDocument(pdf.data)) == pages
    rows, failed = _read(pdf.data, "r.pdf")
    assert rows == Counter(report.rows)
    assert not failed
    # every row's page is known, and the tables sit on their planned pages
    assert set(pdf.pages) == set(report.rows)
    assert pdf.pages[("venue_industry", "Total")] == 4
    assert pdf.pages[("victim_demographics_sex", "Adults")] == 6


def test_connecticut_fixture_is_a_builder_report() -> None:
    report = connecticut()
    assert (report.jurisdiction, report.year, len(report.pages)) == ("Connecticut", 2016, 5)
    rows, failed = _read(render_text(report).encode(), "ct.txt")
    assert rows == Counter(report.rows)
    assert not failed
