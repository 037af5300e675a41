"""`--datapackage`: a Frictionless Table Schema of the columns, checked against real output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from nhth_cli.cli import app
from nhth_cli.datapackage import datapackage, table_schema
from nhth_cli.schema import COLUMN_NAMES, COLUMNS, PRIMARY_KEY
from nhth_cli.tables import TABLES

from .test_cli import hotline_text

runner = CliRunner()


def _fields(package: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}


def test_schema_follows_the_columns() -> None:
    schema = table_schema()
    assert [f["name"] for f in schema["fields"]] == list(COLUMN_NAMES)
    types = {f["name"]: f["type"] for f in schema["fields"]}
    assert types["year"] == "integer"
    assert types["pct"] == "number"
    assert types["suppressed"] == "boolean"
    assert types["period_end"] == "date"
    assert types["category"] == "string"
    for field, col in zip(schema["fields"], COLUMNS, strict=True):
        assert field["description"] == col.description
        required = field.get("constraints", {}).get("required", False)
        assert required == (not col.nullable)


def test_enums() -> None:
    fields = {f["name"]: f for f in table_schema()["fields"]}
    assert fields["table"]["constraints"]["enum"] == list(dict.fromkeys(t.id for t in TABLES))
    assert fields["report"]["constraints"]["enum"] == [
        "hotline_report", "state_profile", "web_statistics", "web_state_table",
    ]  # fmt: skip
    codes = fields["jurisdiction_code"]["constraints"]["enum"]
    assert {"CT", "VI", "DC", "PR", "GU", "AS", "MP", "US"} <= set(codes)
    assert len(codes) == len(set(codes)) == 50 + 6 + 1  # states, DC and 5 territories, US
    assert "enum" not in fields["category"].get("constraints", {})


def test_primary_key_columns_are_required() -> None:
    schema = table_schema()
    assert schema["primaryKey"] == list(PRIMARY_KEY)
    required = {f["name"] for f in schema["fields"] if f.get("constraints", {}).get("required")}
    assert set(PRIMARY_KEY) <= required


def test_resource_names_the_file_and_format() -> None:
    package = datapackage("rows.csv", "csv")
    resource = package["resources"][0]
    assert (resource["path"], resource["format"], resource["mediatype"]) == (
        "rows.csv", "csv", "text/csv",
    )  # fmt: skip
    assert resource["encoding"] == "utf-8"
    assert package["profile"] == "tabular-data-package"
    assert resource["profile"] == "tabular-data-resource"
    parquet = datapackage("rows.parquet", "parquet")["resources"][0]
    assert parquet["format"] == "parquet" and "encoding" not in parquet


def _conforms(rows: list[dict[str, Any]], package: dict[str, Any]) -> list[str]:
    """The Table Schema's constraints and primary key, checked by hand on rows."""
    problems = []
    fields = _fields(package)
    for i, row in enumerate(rows):
        for name, field in fields.items():
            value = row[name]
            c = field.get("constraints", {})
            if value is None:
                if c.get("required"):
                    problems.append(f"row {i}: {name} is null")
                continue
            if "enum" in c and value not in c["enum"]:
                problems.append(f"row {i}: {name}={value!r} not in enum")
            if "minimum" in c and value < c["minimum"]:
                problems.append(f"row {i}: {name}={value!r} under minimum")
    key = package["resources"][0]["schema"]["primaryKey"]
    seen = [tuple(row[k] for k in key) for row in rows]
    if len(seen) != len(set(seen)):
        problems.append("primary key not unique")
    return problems


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_written_beside_the_output(tmp_path: Path, fmt: str) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "vt.txt").write_text(hotline_text("Vermont", 2016), encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / f"rows.{fmt}"
    result = runner.invoke(app, ["convert", str(reports), str(out), "--datapackage", "-q"])
    assert result.exit_code == 0, result.output
    written = (out_dir / "datapackage.json").read_bytes()
    package = json.loads(written)
    assert package["resources"][0]["path"] == f"rows.{fmt}"
    assert package["resources"][0]["format"] == fmt
    assert package == datapackage(f"rows.{fmt}", fmt)
    runner.invoke(app, ["convert", str(reports), str(out), "--datapackage", "-q"])
    assert (out_dir / "datapackage.json").read_bytes() == written  # deterministic


def test_real_output_conforms_to_the_schema(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "seeds.parquet"
    result = runner.invoke(app, ["convert", str(seeds_dir), str(out), "--datapackage", "-q"])
    assert result.exit_code in (0, 1), result.output
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    rows = pq.read_table(out).to_pylist()
    assert rows
    assert _conforms(rows, package) == []


def test_the_hand_check_finds_violations() -> None:
    package = datapackage("rows.parquet", "parquet")
    row = {name: None for name in COLUMN_NAMES}
    assert "row 0: jurisdiction is null" in _conforms([row], package)
    good = {
        "jurisdiction": "Vermont", "year": 2016, "table": "caller_type", "category": "Student",
        "count": 3, "pct": 10.0, "suppressed": False, "jurisdiction_code": "VT",
        "report": "hotline_report", "parent": None, "is_total": False, "count_min": 3,
        "count_max": 3, "period_start": "2016-01-01", "period_end": "2016-12-31",
        "source": "vt.txt", "line": 9, "page": None,
    }  # fmt: skip
    assert _conforms([good], package) == []
    assert _conforms([good, good], package) == ["primary key not unique"]
    assert _conforms([{**good, "table": "caller_types"}], package) == [
        "row 0: table='caller_types' not in enum"
    ]
