"""The validation checks (SPEC.md, Validation): real reports pass, each mutation fails one check."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pcsv
import pyarrow.parquet as pq
import pytest

from nhth_cli.pipeline import convert, validate
from nhth_cli.read import read_rows
from tests.conftest import loads_module
from tests.helpers_checks import (
    MUTATIONS,
    SAMPLES,
    SEEDS,
    connecticut_text,
    convert_texts,
    failing,
    row,
    rows_table,
)

ARITHMETIC = {"total_sum", "pct_sum", "pct_matches_count", "children_sum", "cross_table_total"}


# -- real reports ---------------------------------------------------------------------------


def test_seeds_validate_clean() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    report = validate(convert(SEEDS))
    assert report.valid and report.exit_code == 0
    assert [f for f in report.findings if f.status != "pass"] == []
    ran = {(f.check, f.table) for f in report.findings if f.jurisdiction == "Connecticut"}
    for table in ("caller_type", "how_caller_found_hotline", "primary_reason", "venue_industry"):
        for check in ("total_sum", "pct_sum", "pct_matches_count", "cross_table_total"):
            assert (check, table) in ran
    assert ("children_sum", "venue_industry") in ran
    for table in ("victim_demographics_labor", "victim_demographics_sex"):
        assert {("pct_matches_count", table), ("count_within_total", table)} <= ran
        assert ("total_sum", table) not in ran and ("pct_sum", table) not in ran


def test_connecticut_form_validates_clean(ct_form: str) -> None:
    report = validate(convert_texts({"ct.txt": ct_form}))
    assert failing(report) == set()
    checks = {f.check for f in report.findings}
    assert checks >= ARITHMETIC | {"suppressed_bounds", "count_within_total", "unread_numbers"}
    assert {f.status for f in report.findings} == {"pass"}


def test_state_profile_gets_bounds_and_completeness_checks() -> None:
    text = SAMPLES / "us-virgin-islands-2012-2016-profile.txt"
    if not text.is_file():
        pytest.skip("the state profile sample is not present")
    report = validate(convert_texts({"vi.txt": text.read_text(encoding="utf-8")}))
    by_table = {(f.check, f.table) for f in report.findings if f.table is not None}
    assert {check for check, _ in by_table} == {"suppressed_bounds", "complete_table"}
    assert ("complete_table", "victim_demographics") in by_table
    assert report.valid


def test_findings_name_where_and_what(ct_form: str) -> None:
    report = validate(convert_texts({"ct.txt": ct_form}))
    for f in report.findings:
        assert (f.source, f.jurisdiction, f.year) == ("ct.txt", "Connecticut", 2016)
        assert f.message
    row_checks = [
        f for f in report.findings if f.check not in ("duplicate_report", "unread_numbers")
    ]
    assert all(f.table for f in row_checks)


# -- one mutation per check -----------------------------------------------------------------


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_mutation_fails_its_check(ct_form: str, name: str) -> None:
    mutate, expected = MUTATIONS[name]
    mutated = mutate(ct_form)
    assert mutated != ct_form
    report = validate(convert_texts({"ct.txt": mutated}))
    assert failing(report) == expected
    assert report.exit_code == 1 and not report.valid


# -- from converted files -------------------------------------------------------------------


def _comparable(report: Any) -> list[dict[str, Any]]:
    return [asdict(f) for f in report.findings if f.check != "unread_numbers"]


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_validate_from_file_equals_validate_from_folder(
    tmp_path: Path, ct_form: str, suffix: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ct.txt").write_text(ct_form, encoding="utf-8")
    (folder / "bad.txt").write_text(MUTATIONS["children_sum"][0](ct_form), encoding="utf-8")
    (folder / "news.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    result = convert(folder)
    out = tmp_path / f"rows{suffix}"
    if suffix == ".parquet":
        pq.write_table(result.to_arrow(), out)
    else:
        pcsv.write_csv(result.to_arrow(), out)
    from_folder, from_file = validate(result), validate(read_rows(out))
    assert _comparable(from_file) == _comparable(from_folder)
    assert any(f["status"] == "fail" for f in _comparable(from_file))
    unread = [f for f in from_folder.findings if f.check == "unread_numbers"]
    assert [f.status for f in unread] == ["pass"] * 2  # only the text knows its numbers
    assert not any(f.check == "unread_numbers" for f in from_file.findings)
    assert from_file.exit_code == from_folder.exit_code == 1


def test_rows_read_back_give_a_file_entry_per_source() -> None:
    a = rows_table([row("summary", "Cases", 3), row("signals", "Emails", 2)], source="a.txt")
    b = rows_table([row("summary", "Cases", 1)], source="b.txt", jurisdiction="Guam")
    files = validate(pa.concat_tables([b, a])).files
    assert [(f.source, f.status, f.rows, f.jurisdiction, f.year, f.text_read) for f in files] == [
        ("a.txt", "parsed", 2, "Connecticut", 2016, False),
        ("b.txt", "parsed", 1, "Guam", 2016, False),
    ]


def test_empty_table_has_no_findings_and_exit_2() -> None:
    report = validate(rows_table([]))
    assert list(report.findings) == [] and len(report.findings) == 0 and report.exit_code == 2


def test_the_command_imports_no_pandas() -> None:
    """pyarrow's pa.array imports pandas only when NumPy is importable; the command blocks
    NumPy (cli.main), so converting and validating never pay for pandas."""
    code = (
        "import sys\n"
        f"sys.argv = ['nhth', 'validate', {str(SAMPLES)!r}, '--json']\n"
        "from nhth_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert exc.code == 0, exc.code\n"
    )
    assert not loads_module(code, "pandas")


def test_rows_read_back_in_any_order_and_slices_give_the_same_findings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from nhth_cli.checks import checks

    table = convert(SAMPLES).to_arrow()
    expected = validate(table)
    # Sources interleaved row by row (each source's rows keep their order), read 7 at a time.
    sources = table["source"].to_pylist()
    positions: dict[str, list[int]] = {}
    for i, s in enumerate(sources):
        positions.setdefault(s, []).append(i)
    lists = list(positions.values())
    interleaved = [p[k] for k in range(max(map(len, lists))) for p in lists if k < len(p)]
    assert interleaved != sorted(interleaved)
    monkeypatch.setattr(checks, "SLICE_ROWS", 7)
    got = validate(table.take(pa.array(interleaved)))
    assert got.to_json() == expected.to_json()
    assert len(got.findings) > 20 and got.files == expected.files


# -- one path: per report as converted, or over rows ------------------------------------------


def test_a_pdf_s_empty_page_fails_it_on_every_path(tmp_path: Path) -> None:
    """unreadable_pages runs with each report's other checks, whether the reports are checked
    as they are converted or over the rows of a conversion built from its file results."""
    from nhth_cli.pipeline import ConversionResult
    from tests.bombs import pdf_with_streams, text_page

    text = connecticut_text("sample").replace("–", "-")
    lines = text.translate({ord(c): None for c in "⁰¹²³⁴⁵⁶⁷⁸⁹"}).splitlines()
    half = len(lines) // 2
    pages = [text_page(lines[:half], 8), b"", text_page(lines[half:], 8)]
    (tmp_path / "ct.pdf").write_bytes(pdf_with_streams(pages))
    converted = convert(tmp_path)
    per_report = validate(converted)
    over_rows = validate(ConversionResult(converted.files))  # no sink: checked over its rows
    (f,) = [f for f in per_report.findings if f.check == "unreadable_pages"]
    assert (f.status, f.source, f.actual) == ("fail", "ct.pdf", 1)
    assert per_report.to_json() == over_rows.to_json()
    assert not per_report.valid and per_report.failed == over_rows.failed
