"""`nhth validate` and the summary `nhth convert` writes: exit status 0/1/2 and the JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from nhth_cli.cli import app

from .helpers_checks import connecticut_text, set_cell

SPEC_CHECKS = {
    "total_sum",
    "pct_sum",
    "pct_matches_count",
    "children_sum",
    "cross_table_total",
    "suppressed_bounds",
    "duplicate_report",
    "unread_numbers",
    "complete_table",
}
FINDING_KEYS = {"check", "status", "source", "jurisdiction", "year", "table", "expected", "actual"}

runner = CliRunner()


def _folder(tmp_path: Path, **texts: str) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _json(stdout: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(stdout)
    return data


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    return _folder(tmp_path, ct=connecticut_text(), news="Nothing here is a report.\n")


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    bad = set_cell(connecticut_text(), "CALLER TYPE", "Student", count="9", pct="4.5%")
    return _folder(tmp_path, ct=bad)


def test_validate_clean_folder_exits_0(clean: Path) -> None:
    result = runner.invoke(app, ["validate", str(clean)])
    assert result.exit_code == 0, result.output
    assert "valid" in result.stdout and "INVALID" not in result.stdout


def test_validate_json_lists_every_check(clean: Path) -> None:
    result = runner.invoke(app, ["validate", str(clean), "--json"])
    assert result.exit_code == 0
    data = _json(result.stdout)
    assert data["valid"] is True
    assert data["summary"]["failed"] == 0 and data["summary"]["parsed"] == 1
    assert data["summary"]["skipped"] == 1
    assert data["summary"]["checks"] == len(data["findings"]) > 0
    checks = {f["check"] for f in data["findings"]}
    assert checks == (SPEC_CHECKS | {"count_within_total"})
    for f in data["findings"]:
        assert set(f) >= FINDING_KEYS and f["status"] == "pass"
        assert (f["source"], f["jurisdiction"], f["year"]) == ("ct.txt", "Connecticut", 2016)


def test_validate_failing_folder_exits_1(broken: Path) -> None:
    result = runner.invoke(app, ["validate", str(broken), "--json"])
    assert result.exit_code == 1
    data = _json(result.stdout)
    assert data["valid"] is False and data["summary"]["failed"] == 1
    (fail,) = [f for f in data["findings"] if f["status"] == "fail"]
    assert (fail["check"], fail["table"], fail["expected"], fail["actual"]) == (
        "total_sum", "caller_type", 199, 200,
    )  # fmt: skip


def test_validate_failing_folder_shows_the_failure(broken: Path) -> None:
    result = runner.invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1
    assert "INVALID" in result.stdout
    assert "total_sum" in result.stdout and "caller_type" in result.stdout


def test_validate_lists_at_most_50_failures_unless_verbose(tmp_path: Path) -> None:
    # 56 copies of one report, each with another count: its sums fail, and duplicate_report.
    text = connecticut_text()
    copies = {
        f"ct{i:02d}": set_cell(text, "CALLER TYPE", "Student", count=str(i)) for i in range(56)
    }
    folder = _folder(tmp_path, **copies)
    summary = _json(runner.invoke(app, ["validate", str(folder), "--json"]).stdout)["summary"]
    notable = summary["failed"] + summary["warnings"]
    assert notable > 55
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 1
    assert f"... and {notable - 50} more findings that are no pass" in result.stdout
    everything = runner.invoke(app, ["validate", str(folder), "--verbose"])
    assert everything.exit_code == 1 and "more findings" not in everything.stdout
    assert everything.stdout.count("duplicate_report") > result.stdout.count("duplicate_report")


def test_validate_missing_path_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "nhth: error" in result.stderr and "nope" in result.stderr


def test_validate_nothing_usable_exits_2(tmp_path: Path) -> None:
    folder = _folder(tmp_path, news="A press release with no statistics.\n")
    result = runner.invoke(app, ["validate", str(folder), "--json"])
    assert result.exit_code == 2
    assert _json(result.stdout)["summary"]["rows"] == 0


def test_validate_warnings_only_exits_0(tmp_path: Path) -> None:
    text = connecticut_text()
    folder = _folder(tmp_path, a=text, b=text)
    result = runner.invoke(app, ["validate", str(folder), "--json"])
    assert result.exit_code == 0
    data = _json(result.stdout)
    assert data["valid"] is True and data["summary"]["warnings"] == 1
    assert [f["check"] for f in data["findings"] if f["status"] == "warn"] == ["duplicate_report"]


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_convert_then_validate_the_output(clean: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"rows{suffix}"
    converted = runner.invoke(app, ["convert", str(clean), str(out), "--quiet"])
    assert converted.exit_code == 0, converted.output
    summary = _json((tmp_path / "rows.validation.json").read_text(encoding="utf-8"))
    assert summary["valid"] is True
    assert {f["check"] for f in summary["findings"]} == SPEC_CHECKS | {"count_within_total"}

    result = runner.invoke(app, ["validate", str(out), "--json"])
    assert result.exit_code == 0, result.output
    data = _json(result.stdout)
    from_text = [f for f in summary["findings"] if f["check"] != "unread_numbers"]
    assert data["findings"] == from_text
    assert data["summary"]["rows"] == summary["summary"]["rows"] > 0


def test_convert_failing_report_exits_1_and_writes_the_failure(
    broken: Path, tmp_path: Path
) -> None:
    out = tmp_path / "rows.parquet"
    result = runner.invoke(app, ["convert", str(broken), str(out), "--quiet"])
    assert result.exit_code == 1
    assert out.is_file()
    summary = _json((tmp_path / "rows.validation.json").read_text(encoding="utf-8"))
    assert summary["valid"] is False
    failed = [(f["check"], f["table"]) for f in summary["findings"] if f["status"] == "fail"]
    assert failed == [("total_sum", "caller_type")]

    again = runner.invoke(app, ["validate", str(out)])
    assert again.exit_code == 1


def test_validate_unreadable_parquet_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "rows.parquet"
    bad.write_bytes(b"this is not parquet")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 2
    assert "nhth: error" in result.stderr and "rows.parquet" in result.stderr


def test_validate_csv_that_is_not_nhth_output_exits_2(tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(other)])
    assert result.exit_code == 2
    assert "missing columns" in result.stderr
