"""The pipeline as a library: a folder in, every file's result and the rows out."""

from __future__ import annotations

import nhth_cli
from tests.conftest import SAMPLES


def test_python_api_converts_a_folder() -> None:
    result = nhth_cli.convert(SAMPLES)
    statuses = {f.source: f.status for f in result.files}
    assert statuses["connecticut-2016-hotline.txt"] == "parsed"
    assert statuses["README-not-a-report.txt"] == "skipped"
    table = result.to_arrow()
    # Connecticut and the Virgin Islands (2016 report and profile), Texas's statistics page, and
    # the national table (55 states and territories, signals and cases).
    assert table.num_rows == result.rows == 66 + 6 + 9 + 20 + 110
    assert table.column_names[:7] == [
        "jurisdiction", "year", "table", "category", "count", "pct", "suppressed",
    ]  # fmt: skip
    # Sorted by jurisdiction, then year, report, source.
    assert table.column("jurisdiction").to_pylist()[0] == "Alabama"
