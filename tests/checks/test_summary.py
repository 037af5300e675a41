"""The validation summary (nhth_cli/checks/summary.py): its JSON, written a piece at a time."""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from nhth_cli.pipeline import convert, validate
from tests.helpers_checks import connecticut_text, rows_table


class _Recording(io.BytesIO):
    """A file that records the size of each write."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[int] = []

    def write(self, data: Any) -> int:
        self.writes.append(len(data))
        return super().write(data)


def test_the_summary_is_written_a_report_at_a_time(tmp_path: Path) -> None:
    """The summary JSON goes to its file piece by piece (never held whole), and is the JSON of
    the report's files, findings and counts."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = connecticut_text()
    for i in range(6):
        (folder / f"ct{i}.txt").write_text(text, encoding="utf-8")
    (folder / "news.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    report = validate(convert(folder))
    fh = _Recording()
    report.write_json(fh)
    data = fh.getvalue()
    assert data == report.to_json()
    assert len(fh.writes) > 6 * 3 and max(fh.writes) < len(data) / 6
    summary = json.loads(data)
    assert list(summary) == ["nhth_version", "valid", "files", "findings", "summary"]
    assert summary["valid"] is report.valid is True  # duplicates warn, they do not fail
    assert [f["source"] for f in summary["files"]] == [f.source for f in report.files]
    assert summary["findings"] == [asdict(f) for f in report.findings]
    assert summary["summary"] == report.summary()
    assert summary["summary"]["checks"] == len(summary["findings"]) == len(report.findings)
    warned = [f for f in summary["findings"] if f["status"] == "warn"]
    assert [f["source"] for f in warned] == [f"ct{i}.txt" for i in range(1, 6)]
    assert [asdict(f) for f in report.notable] == warned
    # Each item of the lists on a line of its own, indented as json.dumps(indent=2) would.
    lines = data.decode("utf-8").splitlines()
    assert lines[:3] == ["{", f'  "nhth_version": {json.dumps(summary["nhth_version"])},',
                         '  "valid": true,']  # fmt: skip
    assert lines.count('  "files": [') == 1 and lines[-1] == "}"
    assert sum(line.startswith('    {"source": ') for line in lines) == 7


def test_no_rows_and_no_files_is_an_empty_summary() -> None:
    report = validate(rows_table([]))
    summary = report.to_json().decode("utf-8")
    assert '"files": [],' in summary and '"findings": [],' in summary
    assert json.loads(summary)["summary"]["checks"] == 0
