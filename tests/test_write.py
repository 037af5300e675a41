"""write: rows to Parquet, CSV, JSON Lines, stdout or a dataset folder, always atomically."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from nhth_cli.errors import NhthError, OutputError, UsageError
from nhth_cli.pipeline import convert
from nhth_cli.read import read_rows
from nhth_cli.schema import COLUMNS
from nhth_cli.write import (
    atomic_file,
    check_output,
    format_for,
    output_file,
    summary_path,
    write_partitioned,
    write_table,
)
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def table() -> pa.Table:
    """The samples' rows: every report kind, withheld counts (nulls) and labels with commas."""
    rows = convert(SAMPLES).to_arrow()
    assert rows.num_rows > 100
    return rows


def jsonl_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def as_json(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows as JSON holds them: dates as ISO strings."""
    return [
        {k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in row.items()}
        for row in rows
    ]


def test_csv_jsonl_and_parquet_hold_the_same_rows(table: pa.Table, tmp_path: Path) -> None:
    for fmt in ("parquet", "csv", "jsonl"):
        write_table(table, str(tmp_path / f"rows.{fmt}"), fmt)
    expected = table.to_pylist()
    assert read_rows(tmp_path / "rows.parquet").to_pylist() == expected
    assert read_rows(tmp_path / "rows.csv").to_pylist() == expected
    assert jsonl_rows(tmp_path / "rows.jsonl") == as_json(expected)


def test_every_row_is_one_line_with_the_spec_columns_in_order(
    table: pa.Table, tmp_path: Path
) -> None:
    names = [c.name for c in COLUMNS]
    write_table(table, str(tmp_path / "rows.csv"), "csv")
    write_table(table, str(tmp_path / "rows.jsonl"), "jsonl")
    header, *lines = (tmp_path / "rows.csv").read_text(encoding="utf-8").splitlines()
    assert header == ",".join(f'"{n}"' for n in names)
    assert len(lines) == table.num_rows
    assert [list(row) for row in jsonl_rows(tmp_path / "rows.jsonl")] == [names] * table.num_rows


def test_parquet_carries_column_descriptions_and_the_metadata_given(
    table: pa.Table, tmp_path: Path
) -> None:
    out = tmp_path / "rows.parquet"
    write_table(table, str(out), "parquet", {"nhth_input_files": "7"})
    schema = pq.read_schema(out)
    assert schema.metadata[b"nhth_input_files"] == b"7"
    for column in COLUMNS:
        assert schema.field(column.name).metadata, column.name


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_the_same_rows_give_the_same_bytes(table: pa.Table, tmp_path: Path, fmt: str) -> None:
    write_table(table, str(tmp_path / f"one.{fmt}"), fmt)
    write_table(table, str(tmp_path / f"two.{fmt}"), fmt)
    assert (tmp_path / f"one.{fmt}").read_bytes() == (tmp_path / f"two.{fmt}").read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_dash_writes_to_stdout_what_a_file_holds(
    table: pa.Table, tmp_path: Path, fmt: str, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    write_table(table, str(tmp_path / f"rows.{fmt}"), fmt)
    capfdbinary.readouterr()
    write_table(table, "-", fmt)
    assert capfdbinary.readouterr().out == (tmp_path / f"rows.{fmt}").read_bytes()


def test_an_existing_output_is_replaced_whole(table: pa.Table, tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    out.write_bytes(b"x" * 10_000_000)  # longer than the new rows: nothing of it may remain
    write_table(table.slice(0, 3), str(out), "csv")
    assert read_rows(out).to_pylist() == table.slice(0, 3).to_pylist()


def test_a_failed_write_leaves_no_file_and_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    with pytest.raises(RuntimeError), atomic_file(out) as fh:
        fh.write(b"half of the rows")
        raise RuntimeError("the disk is full")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fault", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_a_failed_write_keeps_the_old_output(tmp_path: Path, fault: BaseException) -> None:
    out = tmp_path / "out.csv"
    out.write_bytes(b"yesterday's rows")
    with pytest.raises(type(fault)), atomic_file(out) as fh:
        fh.write(b"today's ro")
        raise fault
    assert out.read_bytes() == b"yesterday's rows"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_the_output_appears_only_when_complete(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_bytes(b"old")
    with atomic_file(out) as fh:
        fh.write(b"new")
        assert out.read_bytes() == b"old"
    assert out.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_an_unwritable_place_is_one_output_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing" / "out.csv"
    with pytest.raises(OutputError, match="does not exist") as caught, output_file(missing) as fh:
        fh.write(b"rows")
    assert isinstance(caught.value, NhthError)
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(OutputError, match="is a folder"), output_file(tmp_path / "folder.csv"):
        pass


def test_a_device_is_never_replaced(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="character device"):
        check_output("/dev/null", "csv")


@pytest.mark.parametrize(
    ("path", "explicit", "fmt"),
    [
        ("out.parquet", None, "parquet"),
        ("out.PQ", None, "parquet"),
        ("out.csv", None, "csv"),
        ("out.jsonl", None, "jsonl"),
        ("out.ndjson", None, "jsonl"),
        ("-", None, "csv"),
        ("out.txt", "CSV", "csv"),
        ("-", "jsonl", "jsonl"),
    ],
)
def test_the_format_is_the_option_else_the_suffix(
    path: str, explicit: str | None, fmt: str
) -> None:
    assert format_for(path, explicit) == fmt


@pytest.mark.parametrize(
    ("path", "explicit", "message"),
    [
        ("out.xlsx", None, "unknown output format 'xlsx'"),
        ("out", None, "no output format"),
        ("out.csv", "xml", "unknown output format 'xml'"),
    ],
)
def test_an_unknown_format_is_an_output_error(
    path: str, explicit: str | None, message: str
) -> None:
    with pytest.raises(OutputError, match=message):
        format_for(path, explicit)


@pytest.mark.parametrize(
    ("output", "summary"),
    [
        ("out.parquet", "out.validation.json"),
        ("data/rows.csv", "data/rows.validation.json"),
        ("dataset", "dataset.validation.json"),
    ],
)
def test_the_summary_is_written_beside_the_rows(output: str, summary: str) -> None:
    assert summary_path(output) == Path(summary)


@pytest.mark.parametrize(
    ("output", "fmt", "partition_by", "datapackage"),
    [
        ("-", "parquet", "year", False),
        ("out.csv", "csv", "year", False),
        ("-", "csv", None, True),
        ("out", "parquet", "year", True),
    ],
)
def test_options_that_do_not_go_together_are_usage_errors(
    tmp_path: Path, output: str, fmt: str, partition_by: str | None, datapackage: bool
) -> None:
    target = output if output == "-" else str(tmp_path / output)
    with pytest.raises(UsageError):
        check_output(target, fmt, partition_by, datapackage)


@pytest.mark.parametrize("by", ["year", "jurisdiction"])
def test_a_partitioned_dataset_holds_the_rows(table: pa.Table, tmp_path: Path, by: str) -> None:
    out = tmp_path / "dataset"
    write_partitioned(table, str(out), by)
    parts = [p.name for p in out.iterdir()]
    assert all(p.startswith(f"{by}=") for p in parts)
    assert len(parts) == len(set(table.column(by).to_pylist()))
    back = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    key = ["source", "line", "table", "category", by]
    assert back.select(key).sort_by([(k, "ascending") for k in key]).to_pylist() == (
        table.select(key).sort_by([(k, "ascending") for k in key]).to_pylist()
    )


def test_a_dataset_replaces_only_an_earlier_dataset(table: pa.Table, tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    write_partitioned(table, str(out), "year")
    write_partitioned(table.slice(0, 1), str(out), "year")
    assert ds.dataset(out, format="parquet", partitioning="hive").count_rows() == 1
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("mine")
    with pytest.raises(OutputError, match="other files"):
        write_partitioned(table, str(tmp_path / "notes"), "year")
    assert (tmp_path / "notes" / "todo.txt").read_text() == "mine"


def test_a_dataset_is_partitioned_by_year_or_jurisdiction_only(
    table: pa.Table, tmp_path: Path
) -> None:
    with pytest.raises(OutputError, match="--partition-by source"):
        write_partitioned(table, str(tmp_path / "dataset"), "source")
    assert list(tmp_path.iterdir()) == []
