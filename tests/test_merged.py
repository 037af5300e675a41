"""Two reports in one file (a merged PDF or text, issue 12): each report gives its own rows and
its own entry in the summary, all with the file's source; lines and pages are the whole file's;
the checks run per report, on converted files and on rows read back alike."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from nhth_cli.cli import app
from nhth_cli.pipeline import ConversionResult, convert, validate

from .conftest import SAMPLES
from .pdf_fixtures import joined_pdf, report_pdf, text_pdf

CT = (SAMPLES / "connecticut-2016-hotline.txt").read_text(encoding="utf-8")
VI = (SAMPLES / "us-virgin-islands-2016-hotline.txt").read_text(encoding="utf-8")
WHERE = ("source", "line", "page")


def _write(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def _rows(result: ConversionResult) -> list[dict[str, Any]]:
    return result.to_arrow().to_pylist()


def _data(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in WHERE}


def _forms() -> dict[str, tuple[str, bytes, bytes, bytes]]:
    """name -> (suffix, first report, second report, both in one file)."""
    ct_pdf, vi_pdf = report_pdf().data, text_pdf(VI)
    return {
        "text": (".txt", CT.encode(), VI.encode(), (CT + "\f" + VI).encode()),
        "pdf": (".pdf", ct_pdf, vi_pdf, joined_pdf(ct_pdf, vi_pdf)),
    }


def _pages(data: bytes, suffix: str) -> int:
    if suffix == ".pdf":
        import pypdfium2 as pdfium

        return len(pdfium.PdfDocument(data))
    return data.decode().count("\f") + 1


@pytest.fixture(scope="module")
def forms() -> dict[str, tuple[str, bytes, bytes, bytes]]:
    return _forms()


@pytest.mark.parametrize("form", ["text", "pdf"])
def test_a_merged_file_gives_the_rows_of_its_reports(
    form: str, forms: dict[str, tuple[str, bytes, bytes, bytes]], tmp_path: Path
) -> None:
    suffix, ct, vi, both = forms[form]
    apart = convert(_write(tmp_path / "apart", {f"ct{suffix}": ct, f"vi{suffix}": vi}))
    merged = convert(_write(tmp_path / "merged", {f"both{suffix}": both}))
    rows, alone = _rows(merged), _rows(apart)
    assert [_data(r) for r in rows] == [_data(r) for r in alone]
    assert {r["source"] for r in rows} == {f"both{suffix}"}
    # The first report's rows keep their lines and pages; the second's are the whole file's.
    ct_rows = [(r, a) for r, a in zip(rows, alone, strict=True) if a["source"].startswith("ct")]
    vi_rows = [(r, a) for r, a in zip(rows, alone, strict=True) if a["source"].startswith("vi")]
    assert len(ct_rows) == 66 and len(vi_rows) == 6
    assert all((r["line"], r["page"]) == (a["line"], a["page"]) for r, a in ct_rows)
    ct_lines = max(a["line"] for _, a in ct_rows)
    ct_pages = _pages(ct, suffix)
    for r, a in vi_rows:
        assert r["line"] > ct_lines
        assert r["page"] == ct_pages + (a["page"] or 1)
    # The lines are the file's: each holds its row's count.
    text = both.decode() if form == "text" else None
    if text is not None:
        lines = text.split("\n")
        for r, _ in vi_rows:
            assert str(r["count"]) in lines[r["line"] - 1].replace(",", "")


@pytest.mark.parametrize("form", ["text", "pdf"])
def test_a_merged_file_has_an_entry_per_report_and_validates_clean(
    form: str, forms: dict[str, tuple[str, bytes, bytes, bytes]], tmp_path: Path
) -> None:
    suffix, ct, vi, both = forms[form]
    apart = validate(convert(_write(tmp_path / "apart", {f"ct{suffix}": ct, f"vi{suffix}": vi})))
    merged = validate(convert(_write(tmp_path / "merged", {f"both{suffix}": both})))
    assert merged.valid and apart.valid
    entries = [(f.source, f.status, f.jurisdiction, f.year, f.rows) for f in merged.files]
    assert entries == [
        (f"both{suffix}", "parsed", "Connecticut", 2016, 66),
        (f"both{suffix}", "parsed", "U.S. Virgin Islands", 2016, 6),
    ]

    # The same checks, report by report, as for the files apart; no duplicate_report between
    # the two reports of one file.
    def shape(report: Any) -> list[tuple[object, ...]]:
        return [(f.check, f.status, f.jurisdiction, f.table, f.line) for f in report.findings
                if f.check != "unreadable_pages"]  # fmt: skip

    assert shape(merged) == shape(apart)
    dups = [f for f in merged.findings if f.check == "duplicate_report"]
    assert [(f.jurisdiction, f.status) for f in dups] == [
        ("Connecticut", "pass"),
        ("U.S. Virgin Islands", "pass"),
    ]
    unread = [f for f in merged.findings if f.check == "unread_numbers"]
    assert {f.jurisdiction for f in unread} == {"Connecticut", "U.S. Virgin Islands"}
    assert all(f.status == "pass" for f in unread)


def test_each_report_is_accounted_against_its_own_rows(tmp_path: Path) -> None:
    """A number of the second report that no row holds fails the second report alone, at its
    line in the whole file."""
    vi = VI.replace("\n", "\nUnread Row Label    4,417    12.5%\n", 1)
    text = CT + "\f" + vi
    result = validate(convert(_write(tmp_path / "in2", {"both.txt": text.encode()})))
    failed = [f for f in result.failed if f.check == "unread_numbers"]
    assert failed and {f.jurisdiction for f in failed} == {"U.S. Virgin Islands"}
    line = text.split("\n").index("Unread Row Label    4,417    12.5%") + 1
    assert {f.line for f in failed} == {line}


def test_a_merged_file_beside_one_of_its_reports_is_a_duplicate(tmp_path: Path) -> None:
    folder = _write(tmp_path / "in", {"both.txt": (CT + "\f" + VI).encode(), "ct.txt": CT.encode()})
    result = validate(convert(folder))
    dups = {(f.source, f.jurisdiction): f.status for f in result.findings
            if f.check == "duplicate_report"}  # fmt: skip
    # The first source of a report has no finding of its own when another shares it.
    assert dups == {
        ("ct.txt", "Connecticut"): "warn",
        ("both.txt", "U.S. Virgin Islands"): "pass",
    }


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_validate_reads_the_reports_of_a_merged_file_back(suffix: str, tmp_path: Path) -> None:
    folder = _write(tmp_path / "in", {"both.txt": (CT + "\f" + VI).encode()})
    out = tmp_path / f"out{suffix}"
    runner = CliRunner()
    converted = runner.invoke(app, ["convert", str(folder), str(out), "--quiet"])
    assert converted.exit_code == 0, converted.output
    checked = runner.invoke(app, ["validate", str(out), "--json"])
    assert checked.exit_code == 0, checked.output
    summary = json.loads(checked.stdout)
    written = json.loads(out.with_suffix(".validation.json").read_text(encoding="utf-8"))
    assert [(f["source"], f["jurisdiction"], f["rows"]) for f in summary["files"]] == [
        ("both.txt", "Connecticut", 66),
        ("both.txt", "U.S. Virgin Islands", 6),
    ]

    # The same checks as on conversion, but those that need the text.
    def shape(s: dict[str, Any]) -> list[tuple[object, ...]]:
        return [(f["check"], f["status"], f["jurisdiction"], f["table"], f["line"])
                for f in s["findings"] if f["check"] != "unread_numbers"]  # fmt: skip

    assert shape(summary) == shape(written)
    assert summary["valid"] and written["valid"]
    if suffix == ".parquet":
        assert validate(pq.read_table(out)).valid
