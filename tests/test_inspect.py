"""`nhth inspect`: what nhth saw in one document, as a library record and on the command line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nhth_cli.cli import app
from nhth_cli.errors import UsageError
from nhth_cli.inspect import Inspection, inspect_file, inspect_reports

from .conftest import SAMPLES, seed_path
from .test_cli import NEWS, error_line, hotline_text

runner = CliRunner()

LOOSE = "\nLOCATION OF CASES\n\nRutland County\t4\n"
UNKNOWN = """
LANGUAGE OF CALLER\t# OF CALLS\t% OF CALLS
English\t27\t90.0%
Languages Referenced Fewer than Three Times\t3\t10.0%
TOTAL # OF CALLS\t30\t100.0%
"""


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "vt-2016.txt"
    path.write_text(hotline_text("Vermont", 2016, LOOSE), encoding="utf-8")
    return path


def test_connecticut_seed_on_the_command_line() -> None:
    path = seed_path("004")
    result = runner.invoke(app, ["inspect", str(path)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "caller_type: 18 rows" in out
    assert "hotline_report" in out
    assert "Connecticut (CT)" in out
    assert "2016-01-01 to 2016-12-31" in out
    assert "Victim of Trafficking" in out


def test_connecticut_seed_as_a_record() -> None:
    insp = inspect_file(seed_path("004"))
    assert insp.status == "parsed"
    assert insp.kind == "hotline_report"
    assert insp.jurisdiction is not None and insp.jurisdiction.code == "CT"
    assert insp.year == 2016
    caller = insp.table("caller_type")
    assert caller is not None and len(caller.cells) == 18
    assert caller.cumulative is True and caller.known
    assert caller.cells[-1].is_total and caller.cells[-1].count == 199
    assert [t.id for t in insp.tables][:3] == ["signals", "summary", "caller_type"]
    assert insp.rows == sum(len(t.cells) for t in insp.tables)
    assert insp.nationwide_signals == 34068


def test_profile_seed() -> None:
    insp = inspect_file(seed_path("001"))
    assert insp.kind == "state_profile"
    assert insp.period is not None
    assert (insp.period.start, insp.period.end) == (date(2012, 12, 1), date(2016, 12, 31))
    venues = insp.table("sex_trafficking_venues")
    assert venues is not None and venues.cells[0].suppressed


def test_a_news_article_is_skipped_with_its_reason() -> None:
    path = seed_path("002")
    result = runner.invoke(app, ["inspect", str(path)])
    assert result.exit_code == 1
    assert "skipped" in result.stdout
    insp = inspect_file(path)
    assert insp.status == "skipped" and insp.reason
    assert insp.reason in " ".join(result.stdout.split())
    assert insp.tables == () and insp.kind is None


def test_loose_lines_are_listed(report: Path) -> None:
    insp = inspect_file(report)
    assert [ll.text for ll in insp.loose_lines] == ["Rutland County  4"]
    result = runner.invoke(app, ["inspect", str(report)])
    assert result.exit_code == 0
    assert "1 lines look like table rows but were not read" in result.stdout
    line = insp.loose_lines[0].line
    assert f"line {line}: Rutland County" in result.stdout
    assert "Rutland County" in report.read_text(encoding="utf-8").splitlines()[line - 1]


def test_json_output(report: Path) -> None:
    result = runner.invoke(app, ["inspect", str(report), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["report"] == "hotline_report"
    assert [data["jurisdiction"], data["jurisdiction_code"], data["year"]] == [
        "Vermont",
        "VT",
        2016,
    ]
    assert data["period_start"] == "2016-01-01"
    assert {t["table"]: len(t["rows"]) for t in data["tables"]} == {
        "summary": 2, "caller_type": 5, "venue_industry": 6,
    }  # fmt: skip
    venues = next(t for t in data["tables"] if t["table"] == "venue_industry")
    assert [r["parent"] for r in venues["rows"]] == [None, "Sex", "Sex", None, "Labor", None]
    assert data["loose_lines"][0]["text"] == "Rutland County  4"
    assert data["rows"] == 13


def test_an_unknown_table_is_shown_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "vt.txt"
    path.write_text(hotline_text("Vermont", 2016, UNKNOWN), encoding="utf-8")
    insp = inspect_file(path)
    unknown = insp.table("language_of_caller")
    assert unknown is not None and not unknown.known and unknown.heading is None
    assert any("language_of_caller" in w for w in insp.warnings)
    result = runner.invoke(app, ["inspect", str(path)])
    assert "not in the vocabulary" in result.stdout
    assert "1 warnings" in result.stdout


def test_empty_and_news_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    news = tmp_path / "news.txt"
    news.write_text(NEWS, encoding="utf-8")
    assert inspect_file(empty).reason == "empty file"
    assert inspect_file(news).status == "skipped"
    assert runner.invoke(app, ["inspect", str(news)]).exit_code == 1


def test_missing_file_and_folder_are_bad_usage(tmp_path: Path) -> None:
    for target, reason in ((tmp_path / "gone.pdf", "no such file"), (tmp_path, "is a folder")):
        result = runner.invoke(app, ["inspect", str(target)])
        assert result.exit_code == 2
        line = error_line(result.stderr)
        assert str(target) in line and reason in line
        with pytest.raises(UsageError):
            inspect_file(target)


def test_a_recognised_report_without_a_period_keeps_its_kind(tmp_path: Path) -> None:
    text = (
        "NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT\nOhio State Report\n"
        "CALLER TYPE\t# OF CALLS\t% OF CALLS\nStudent\t4\t100.0%\nTOTAL # OF CALLS\t4\t100.0%\n"
    )
    path = tmp_path / "ohio.txt"
    path.write_text(text, encoding="utf-8")
    insp = inspect_file(path)
    # A report whose rows cannot be placed in a period is an error, not "rightly skipped".
    assert (insp.status, insp.reason, insp.kind) == (
        "error", "no reporting period found", "hotline_report",
    )  # fmt: skip


def test_every_report_of_a_merged_file_is_inspected(tmp_path: Path) -> None:
    """A file of two reports: each is inspected, in the order printed, with its own rows
    (the same as each report alone gives), on the command line and in JSON."""
    ct = (SAMPLES / "connecticut-2016-hotline.txt").read_text(encoding="utf-8")
    vi = (SAMPLES / "us-virgin-islands-2016-hotline.txt").read_text(encoding="utf-8")
    both = tmp_path / "both.txt"
    both.write_text(ct + "\f" + vi, encoding="utf-8")
    alone = [
        inspect_file(_written(tmp_path / name, text)) for name, text in (("ct", ct), ("vi", vi))
    ]
    found = inspect_reports(both)
    assert [(i.jurisdiction, i.rows) for i in found] == [(a.jurisdiction, a.rows) for a in alone]
    assert [_values(i) for i in found] == [_values(a) for a in alone]
    assert inspect_file(both) == found[0]

    result = runner.invoke(app, ["inspect", str(both)])
    assert result.exit_code == 0
    assert "report 1 of 2" in result.stdout and "report 2 of 2" in result.stdout
    assert result.stdout.index("Connecticut") < result.stdout.index("Virgin Islands")
    data = json.loads(runner.invoke(app, ["inspect", str(both), "--json"]).stdout)
    assert [d["jurisdiction_code"] for d in data] == ["CT", "VI"]
    assert [d["rows"] for d in data] == [a.rows for a in alone]


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _values(insp: Inspection) -> list[tuple[object, ...]]:
    """The rows' values, without their lines (a merged file's lines are the whole file's)."""
    return [
        (t.id, c.category, c.count, c.pct, c.suppressed, c.parent)
        for t in insp.tables
        for c in t.cells
    ]


def test_rows_the_layout_always_prints_and_the_document_lacks_are_listed(tmp_path: Path) -> None:
    html = (SAMPLES / "us-2024-signals-cases-by-state.html").read_text(encoding="utf-8")
    path = tmp_path / "us-2024.html"
    path.write_text(
        "\n".join(t for t in html.split("\n") if 'scope="row">Ohio<' not in t), encoding="utf-8"
    )
    assert inspect_file(path).missing == (("summary", "Ohio"),)
    result = runner.invoke(app, ["inspect", str(path)])
    assert "1 rows the layout always prints were not read" in result.stdout
    assert "summary: Ohio" in result.stdout
    data = json.loads(runner.invoke(app, ["inspect", str(path), "--json"]).stdout)
    assert data["missing"] == [{"table": "summary", "row": "Ohio"}]
