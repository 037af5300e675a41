"""Rows streamed through `RowSink`: the same table, findings and bytes as building it at once."""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from nhth_cli import write
from nhth_cli.cli import app
from nhth_cli.pipeline import ConversionResult, convert, validate
from nhth_cli.records import Settings
from nhth_cli.stream import RowSink, to_arrow, write_parquet

from .conftest import SAMPLES

CT = SAMPLES / "connecticut-2016-hotline.txt"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Seeds and samples, the Connecticut report twice more (once identical, once different),
    in an order unlike the output's."""
    root = tmp_path / "in"
    root.mkdir()
    for i, src in enumerate(sorted(SEEDS.glob("*.txt")) + sorted(SAMPLES.glob("*.txt"))):
        (root / f"{9 - i % 10}-{src.name}").write_bytes(src.read_bytes())
    (root / "a-copy.txt").write_bytes(CT.read_bytes())
    text = CT.read_text(encoding="utf-8")
    assert "199" in text
    (root / "b-changed.txt").write_text(text.replace("199", "198", 1), encoding="utf-8")
    return root


def test_rows_are_the_cells_in_spec_order(folder: Path) -> None:
    result = convert(folder)  # the Python API keeps the cells
    table = result.to_arrow()
    fields = ("table", "category", "count", "pct", "suppressed", "parent", "is_total", "line")
    # Each report's cells in printed order, by the facts their rows carry.
    printed: dict[tuple[str, int, str, str], list[tuple[object, ...]]] = {}
    for f in result.files:
        for c in f.report.cells if f.report is not None else ():
            jurisdiction = c.jurisdiction or f.report.jurisdiction
            year = (c.period or f.report.period).year
            key = (jurisdiction.name, year, f.report.report, f.source)
            printed.setdefault(key, []).append(tuple(getattr(c, n) for n in fields))
    rows: dict[tuple[str, int, str, str], list[tuple[object, ...]]] = {}
    keys = ("jurisdiction", "year", "report", "source")
    for values in zip(*(table[n].to_pylist() for n in (*keys, *fields)), strict=True):
        rows.setdefault(values[:4], []).append(values[4:])
    # Sorted by jurisdiction, year, report, source, then printed order (SPEC.md).
    assert list(rows) == sorted(printed) and rows == printed
    assert table.num_rows == result.rows == sum(map(len, printed.values())) > 0
    # A result built from file results alone gives its rows through the same sink.
    assert ConversionResult(result.files).to_arrow().equals(table)
    assert to_arrow(reversed(result.files)).equals(table)


def test_dropped_cells_keep_rows_and_summary(folder: Path) -> None:
    kept = convert(folder)
    light = convert(folder, Settings(keep_cells=False))
    assert all(f.report is None or not f.report.cells for f in light.files)
    assert [f.rows for f in light.files] == [f.rows for f in kept.files]
    assert light.to_arrow().equals(kept.to_arrow())
    assert validate(light).to_json() == validate(kept).to_json()


def test_checks_per_report_equal_the_checks_over_the_whole_table(folder: Path) -> None:
    result = convert(folder, Settings(keep_cells=False))
    assert result.log is not None  # each report was checked as it was converted
    per_report = validate(result)
    whole = validate(ConversionResult(convert(folder).files))  # no sink: one table
    assert per_report.to_json() == whole.to_json()
    assert list(per_report.findings) == list(whole.findings)
    found = {(f.source, f.status) for f in per_report.findings if f.check == "duplicate_report"}
    assert ("b-changed.txt", "fail") in found and ("a-copy.txt", "warn") in found


def test_findings_spooled_to_disk_read_back_the_same(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from nhth_cli.checks import log

    rolled: list[int] = []

    class Recording(tempfile.SpooledTemporaryFile):  # type: ignore[type-arg]
        def rollover(self) -> None:  # the spool moves to a temporary file
            rolled.append(1)
            super().rollover()

    in_memory = validate(convert(folder, Settings(keep_cells=False)))
    monkeypatch.setattr(log, "SPOOL_BYTES", 64)  # the spool goes to a temporary file at once
    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", Recording)
    on_disk = validate(convert(folder, Settings(keep_cells=False)))
    assert rolled
    assert on_disk.to_json() == in_memory.to_json()
    assert on_disk.summary() == in_memory.summary() and len(on_disk.findings) > 50


def test_jobs_2_equals_jobs_1(folder: Path) -> None:
    one = convert(folder, Settings(jobs=1, keep_cells=False))
    two = convert(folder, Settings(jobs=2, keep_cells=False))
    assert one.files == two.files
    assert one.to_arrow().equals(two.to_arrow())
    assert validate(one).to_json() == validate(two).to_json()


@pytest.mark.parametrize("pending_rows", [1, 9, 64, 10_000])
def test_rows_pending_before_a_batch_change_no_byte(folder: Path, pending_rows: int) -> None:
    """However many rows wait as Python values before they become Arrow, the batches given back
    and the Parquet bytes are the same."""
    result = convert(folder)
    whole = RowSink(batch_rows=70, pending_rows=10_000)
    whole.extend(result.files)
    sink = RowSink(batch_rows=70, pending_rows=pending_rows)
    for f in result.files:
        sink.add(f)
    assert [b.num_rows for b in sink.batches()] == [b.num_rows for b in whole.batches()]
    assert sink.table().equals(whole.table())
    ours, theirs = io.BytesIO(), io.BytesIO()
    write_parquet(sink.batches(), ours, sink.schema, row_group_rows=100)
    write_parquet(whole.batches(), theirs, whole.schema, row_group_rows=100)
    assert ours.getvalue() == theirs.getvalue()


def test_write_parquet_row_groups_are_those_of_write_table(folder: Path) -> None:
    result = convert(folder)
    sink = RowSink(batch_rows=70)
    sink.extend(result.files)
    table = sink.table()
    assert table.equals(result.to_arrow())
    streamed, whole = io.BytesIO(), io.BytesIO()
    write_parquet(sink.batches(), streamed, sink.schema, row_group_rows=100)
    pq.write_table(table, whole, compression="zstd", row_group_size=100)
    assert streamed.getvalue() == whole.getvalue()
    meta = pq.ParquetFile(io.BytesIO(streamed.getvalue())).metadata
    sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
    assert sizes[:-1] == [100] * (len(sizes) - 1) and sum(sizes) == table.num_rows


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_cli_streams_the_same_bytes_twice(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    whole = tmp_path / f"whole{suffix}"
    write.write_table(convert(folder).to_arrow(), str(whole), suffix[1:], _metadata(folder))
    monkeypatch.setattr(write, "ROW_GROUP_ROWS", 64)  # streamed, in row groups of 64 rows
    whole64 = tmp_path / f"whole64{suffix}"
    write.write_table(convert(folder).to_arrow(), str(whole64), suffix[1:], _metadata(folder))
    outputs = []
    for name in ("a", "b"):
        out = tmp_path / f"{name}{suffix}"
        result = CliRunner().invoke(app, ["convert", str(folder), str(out), "-q", "-j", "2"])
        assert result.exit_code == 1, result.output  # b-changed.txt fails its checks
        outputs.append((out.read_bytes(), out.with_suffix(".validation.json").read_bytes()))
    assert outputs[0] == outputs[1]
    expected = whole64 if suffix == ".parquet" else whole
    assert outputs[0][0] == expected.read_bytes()


def test_an_interrupted_streamed_write_keeps_the_old_output(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.parquet"
    out.write_bytes(b"old rows")
    monkeypatch.setattr(write, "ROW_GROUP_ROWS", 64)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pq.ParquetWriter, "write_table", interrupted)
    result = CliRunner().invoke(app, ["convert", str(folder), str(out)])
    assert result.exit_code != 0
    assert out.read_bytes() == b"old rows"
    assert not out.with_suffix(".validation.json").exists()


def _metadata(folder: Path) -> dict[str, str]:
    return write.file_metadata(validate(convert(folder)).summary())
