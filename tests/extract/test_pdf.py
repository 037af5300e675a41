"""PDF input (issue 4): PDFs built from the Connecticut 2016 tables give the text path's rows.

Every layout in `pdf_fixtures.iter_layouts` (ruled and unruled tables, tables broken across
pages, raised footnote marks, wrapped cells and labels) must give exactly the rows of the text
rendition of the same report, and of seed 004, in every column but `line`, `page` and `source`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase.pdfmetrics import stringWidth

from nhth_cli.discover import InputFile
from nhth_cli.errors import InputError, NotAReportError
from nhth_cli.extract.document import read_document
from nhth_cli.extract.pdf import pdf_to_text
from nhth_cli.pipeline import convert, convert_bytes, convert_file
from nhth_cli.records import FileResult, Settings
from nhth_cli.stream import to_arrow
from tests.conftest import loads_module, seed_path
from tests.pdf_fixtures import (
    SUPERSCRIPT_DIGITS,
    TABLES,
    FixturePdf,
    Layout,
    canvas_pdf,
    iter_layouts,
    report_pdf,
    report_text,
    scanned_pdf,
)

LAYOUTS = dict(iter_layouts())
IGNORED = ["line", "page", "source"]
SCANNED = "PDF has no text layer (scanned image?); run OCR first"


@cache
def built(name: str) -> FixturePdf:
    layout = LAYOUTS[name]
    return report_pdf(layout)


@cache
def converted(name: str) -> FileResult:
    return convert_bytes(built(name).data, f"{name}.pdf")[0]


@cache
def text_result() -> FileResult:
    return convert_bytes(report_text().encode(), "ct.txt")[0]


def rows(result: FileResult) -> list[dict[str, Any]]:
    """Every column of the result's rows but line, page and source, in output order."""
    assert result.status == "parsed", result.reason
    table: list[dict[str, Any]] = to_arrow([result]).drop_columns(IGNORED).to_pylist()
    return table


def _write(folder: Path, name: str, data: bytes) -> InputFile:
    path = folder / name
    path.write_bytes(data)
    return InputFile(path, name)


# -- the fixture itself ---------------------------------------------------------------------------
def test_text_rendition_gives_the_seed_rows() -> None:
    seed = convert_bytes(seed_path("004").read_bytes(), "004.txt")[0]
    assert rows(text_result()) == rows(seed)
    assert len(rows(seed)) == 66


# -- rows -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", LAYOUTS)
def test_pdf_gives_the_rows_of_the_text_rendition(name: str) -> None:
    result, text = converted(name), text_result()
    assert rows(result) == rows(text)
    assert result.report is not None and text.report is not None
    assert result.report.report == "hotline_report"
    assert result.report.nationwide_signals == text.report.nationwide_signals == 34068
    assert result.report.call_volume_rank == text.report.call_volume_rank == 31


@pytest.mark.parametrize("name", LAYOUTS)
def test_pdf_gives_the_seed_rows(name: str) -> None:
    seed = convert_bytes(seed_path("004").read_bytes(), "004.txt")[0]
    assert rows(converted(name)) == rows(seed)


@pytest.mark.parametrize("name", LAYOUTS)
def test_page_is_where_the_row_was_printed(name: str) -> None:
    fixture, result = built(name), converted(name)
    assert result.report is not None
    printed = {(c.table, c.category): c.page for c in result.report.cells}
    assert None not in printed.values()
    assert printed == dict(fixture.pages)
    assert max(p for p in printed.values() if p is not None) == fixture.page_count


def test_total_alone_on_the_next_page_keeps_its_table() -> None:
    result = converted("total_alone_next_page")
    assert result.report is not None
    caller = [c for c in result.report.cells if c.table == "caller_type"]
    assert [c.page for c in caller] == [1] * 17 + [2]
    assert caller[-1].is_total and caller[-1].count == 199


def test_rows_after_a_page_break_without_heading_keep_their_parent() -> None:
    result = converted("rows_continue_no_heading")
    assert result.report is not None
    venues = [c for c in result.report.cells if c.table == "venue_industry"]
    assert {c.page for c in venues} == {3, 4}
    after = [c for c in venues if c.page == 4]
    assert after[0].category == "Venues Referenced in Fewer than Three Cases"
    assert after[0].parent == "Sex"


@pytest.mark.parametrize("name", ["ruled", "total_alone_next_page", "valign_top", "valign_bottom"])
def test_line_and_page_point_into_the_extracted_text(name: str) -> None:
    """`line` is a line of the PDF's extracted text holding the row's numbers; `page` counts
    the form feeds before it."""
    data = built(name).data
    lines = read_document(data).text.split("\n")
    result = converted(name)
    assert result.report is not None
    for cell in result.report.cells:
        text = lines[cell.line - 1]
        if cell.suppressed:
            assert "N/A" in text and "Three" in text, (cell, text)
        else:
            assert re.search(rf"(?<![\d.,]){cell.count}(?![\d.,])", text), (cell, text)
        if cell.pct is not None:
            assert f"{cell.pct:.1f}%" in text, (cell, text)
        page = 1 + sum(line.count("\f") for line in lines[: cell.line])
        assert cell.page == page, (cell, text)


# -- the extracted text ---------------------------------------------------------------------------
def _printed_marks() -> list[str]:
    """Every footnote mark the report prints, as superscript digits."""
    texts = [t.title for t in TABLES] + list(n for t in TABLES for n in t.notes)
    texts += [part for t in TABLES for r in t.rows for part in (r.label, r.count)]
    return sorted(m.translate(SUPERSCRIPT_DIGITS) for t in texts for m in re.findall(r"\^(\d+)", t))


@pytest.mark.parametrize("name", ["ruled", "marks_after_a_space", "wrapped_fewer_than_three"])
def test_raised_small_digits_and_only_they_become_superscripts(name: str) -> None:
    text = pdf_to_text(built(name).data)
    assert sorted(re.findall("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", text)) == _printed_marks()


def test_line_breaks_caused_by_raised_marks_are_undone() -> None:
    lines = pdf_to_text(built("ruled").data).split("\n")
    for expected in (
        "Caller Types Referenced Fewer than Three Times¹ 2 1.0%",
        "Request General Information² 5 9.3%",
        "VICTIM DEMOGRAPHICS⁶ (LABOR TRAFFICKING CASES) # OF CASES % OF CASES",
        "Foreign Nationals⁸ Fewer than Three⁷ N/A",
        "Foreign Nationals¹¹ 4 7.4%",
        "NON-CUMULATIVE⁶",
        "¹To protect the people the hotline serves, figures under three are not shown.",
    ):
        assert expected in lines


def test_wrapped_fewer_than_three_cell() -> None:
    lines = pdf_to_text(built("wrapped_fewer_than_three").data).split("\n")
    at = lines.index("Minors Fewer than")
    assert lines[at + 1] == "Three⁷ N/A"


def test_plain_full_size_digits_are_never_taken_for_marks() -> None:
    text = pdf_to_text(built("marks_as_plain_digits").data)
    assert not re.search("[⁰¹²³⁴⁵⁶⁷⁸⁹]", text)
    assert "Request General Information2 5 9.3%" in text.split("\n")


def test_hyphen_at_a_line_end_is_kept() -> None:
    lines = pdf_to_text(built("hyphen_wraps").data).split("\n")
    assert "Internet-Web Search 6 3.0%" in lines
    assert sum(line.startswith("Gender Non-Conforming Individuals ") for line in lines) == 2


def test_pages_end_with_form_feeds() -> None:
    fixture = built("total_alone_next_page")
    text = pdf_to_text(fixture.data)
    assert text.count("\f") == fixture.page_count  # every page ends with one
    assert "\r" not in text
    pages = text.split("\f")[:-1]  # nothing follows the last form feed
    assert text.endswith("\f")
    assert all(p.lstrip("\n").startswith("NATIONAL HUMAN TRAFFICKING HOTLINE") for p in pages)
    assert pages[1].split("\n")[3:4] == ["TOTAL # OF SUBSTANTIVE CALLS 199 100.0%"]


def _w(text: str, size: float = 10) -> float:
    return float(stringWidth(text, "Helvetica", size))


LABEL = "Request General Information"


@pytest.mark.parametrize("via_matrix", [False, True])
def test_mark_found_by_effective_font_size(via_matrix: bool) -> None:
    """A producer may set every run at font size 1 and scale it by the text matrix."""
    data = canvas_pdf(
        (LABEL, 10, 72, 700), ("2", 6.5, 72 + _w(LABEL), 704),
        ("5", 10, 300, 700), ("9.3%", 10, 350, 700), via_matrix=via_matrix,
    )  # fmt: skip
    assert pdf_to_text(data) == "Request General Information² 5 9.3%\n\f"


def test_mark_after_a_space_and_after_a_withheld_count() -> None:
    data = canvas_pdf(
        ("Foreign Nationals ", 10, 72, 700), ("8", 6.5, 72 + _w("Foreign Nationals "), 704),
        ("Fewer than Three", 10, 200, 700), ("7", 6.5, 200 + _w("Fewer than Three"), 704),
        ("N/A", 10, 350, 700),
    )  # fmt: skip
    assert pdf_to_text(data) == "Foreign Nationals ⁸ Fewer than Three⁷ N/A\n\f"


def test_mark_alone_on_its_line_joins_its_footnote() -> None:
    data = canvas_pdf(
        (LABEL, 10, 72, 700), ("5 9.3%", 10, 300, 700),
        ("2", 6.5, 72, 680), ("Requests for information count here.", 10, 72 + _w("2", 6.5), 676),
    )  # fmt: skip
    assert pdf_to_text(data).split("\n")[1] == "²Requests for information count here."


@pytest.mark.parametrize(
    "runs",
    [
        # counts in a smaller font, set higher in their cell, a column away from the label
        [
            ("Adults", 10, 72, 700),
            ("8", 7, 113, 702.5),
            ("Minors", 10, 72, 686),
            ("3", 7, 113, 688.5),
        ],
        # a subscript: small but lowered
        [("CO", 10, 72, 700), ("2", 6.5, 72 + _w("CO"), 698), (" levels", 10, 90, 700)],
        # raised but full size
        [("Label", 10, 72, 700), ("2", 10, 72 + _w("Label"), 704), ("5 9.3%", 10, 300, 700)],
    ],
    ids=["smaller_count_column", "subscript", "raised_full_size"],
)
def test_digits_that_are_no_marks_stay(runs: list[tuple[str, float, float, float]]) -> None:
    text = pdf_to_text(canvas_pdf(*runs))
    assert not re.search("[⁰¹²³⁴⁵⁶⁷⁸⁹]", text)
    assert re.search(r"\d", text)


# -- PDFs that cannot be read ---------------------------------------------------------------------
def test_scanned_pdf_is_skipped(tmp_path: Path) -> None:
    result = convert_file(_write(tmp_path, "scan.pdf", scanned_pdf()))[0]
    assert (result.status, result.reason) == ("skipped", SCANNED)
    with pytest.raises(NotAReportError):
        pdf_to_text(scanned_pdf())


@pytest.mark.parametrize("share", [0.25, 0.5, 0.9, 0.999])
def test_truncated_pdf_is_an_error(tmp_path: Path, share: float) -> None:
    data = built("ruled").data
    result = convert_file(_write(tmp_path, "cut.pdf", data[: int(len(data) * share)]))[0]
    assert result.status == "error"
    assert result.reason is not None and result.reason.startswith("damaged PDF: ")


def test_encrypted_pdf_is_an_error(tmp_path: Path) -> None:
    data = report_pdf(Layout(), encrypt="secret").data
    result = convert_file(_write(tmp_path, "locked.pdf", data))[0]
    assert result.status == "error"
    assert result.reason is not None and result.reason.startswith("PDF is encrypted")


def test_pdf_with_only_an_owner_password_is_read() -> None:
    """Permissions (no printing, no copying) do not stop reading the text."""
    locked = StandardEncryption("", ownerPassword="owner", canPrint=0, canCopy=0, strength=128)
    data = report_pdf(Layout(), encrypt=locked).data
    assert b"/Encrypt" in data
    assert rows(convert_bytes(data, "owner.pdf")[0]) == rows(text_result())


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n", b"%PDF-1.4\n%%EOF\n" + b"x" * 99],
    ids=["no_pages", "no_objects"],
)
def test_damaged_pdf_is_an_error(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^damaged PDF: "):
        pdf_to_text(data)
    result = convert_bytes(data, "bad.pdf")[0]
    assert result.status == "error" and result.reason and result.reason.startswith("damaged PDF")


def test_junk_around_a_complete_pdf_is_tolerated() -> None:
    data = built("ruled").data
    for framed in (b"junk before the header\n" + data, data + b"\n<html>trailing junk</html>\n"):
        assert rows(convert_bytes(framed, "framed.pdf")[0]) == rows(text_result())


def test_pdf_is_recognised_by_content_not_name(tmp_path: Path) -> None:
    result = convert_file(_write(tmp_path, "report.txt", built("ruled").data))[0]
    assert rows(result) == rows(text_result())
    assert result.report is not None and result.report.cells[0].page == 1


# -- many files -----------------------------------------------------------------------------------
def test_jobs_give_the_same_table_as_one_process(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("ruled", "unruled", "total_alone_next_page", "valign_top", "hyphen_wraps"):
        (folder / f"{name}.pdf").write_bytes(built(name).data)
    (folder / "scan.pdf").write_bytes(scanned_pdf())
    (folder / "cut.pdf").write_bytes(built("ruled").data[:5000])
    (folder / "ct.txt").write_text(report_text())
    one = convert(folder, Settings(jobs=1))
    two = convert(folder, Settings(jobs=2))
    assert one.files == two.files
    table = one.to_arrow()
    assert table.equals(two.to_arrow())
    assert table.num_rows == 6 * 66
    statuses = {f.source: f.status for f in one.files}
    assert statuses["scan.pdf"] == "skipped" and statuses["cut.pdf"] == "error"
    pdf_pages = [p for s, p in zip(table["source"].to_pylist(), table["page"].to_pylist(),
                                   strict=True) if s.endswith(".pdf")]  # fmt: skip
    assert len(pdf_pages) == 5 * 66 and None not in pdf_pages


def test_text_files_never_load_pdfium() -> None:
    code = (
        "from nhth_cli.pipeline import convert_bytes\n"
        f"(r,) = convert_bytes({report_text().encode()!r}, 'ct.txt')\n"
        "assert r.status == 'parsed', r.reason"
    )
    assert not loads_module(code, "pypdfium2")


def test_state_profile_pdf_with_groups_side_by_side() -> None:
    """The profile's three demographic groups printed as columns; PDF text loses the columns."""
    from nhth_cli.pipeline import convert_bytes as convert_one
    from tests.conftest import SAMPLES
    from tests.pdf_fixtures import canvas_pdf

    runs: list[tuple[str, float, float, float]] = [
        ("U.S. Virgin Islands: Efforts to Combat Human Trafficking", 14, 50, 740),
        ("Reported to the National Human Trafficking Hotline from December 2012 to", 10, 50, 715),
        ("December 2016.", 10, 50, 703),
        ("DEMOGRAPHICS OF POTENTIAL PERSONS TRAFFICKED:", 11, 50, 670),
    ]
    columns = {
        50: ["Citizenship", "U.S. Citizen/Legal Permanent Resident: <3", "Foreign National: <3"],
        260: ["Gender", "Female: 3", "Male: <3", "Gender Minorities: <3"],
        420: ["Age", "Adult: 3", "Minor: <3"],
    }
    for x, texts in columns.items():
        runs += [(text, 10, float(x), 645.0 - 15 * i) for i, text in enumerate(texts)]
    runs += [
        ("SEX TRAFFICKING VENUES", 11, 50, 560),
        ("All sex trafficking venues reported fewer than three times.", 10, 50, 545),
        ("LABOR TRAFFICKING VENUES", 11, 50, 520),
        ("All labor trafficking venues reported fewer than three times.", 10, 50, 505),
    ]
    (pdf,) = convert_one(canvas_pdf(*runs), "vi-profile.pdf")
    (text,) = convert_one(
        (SAMPLES / "us-virgin-islands-2012-2016-profile.txt").read_bytes(), "vi-profile.txt"
    )
    assert pdf.status == "parsed", pdf.reason
    assert rows(pdf) == rows(text)
    assert pdf.report is not None and {c.page for c in pdf.report.cells} == {1}
