"""The `nhth` command through typer's CliRunner: outputs, stdin/stdout, errors, datasets."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from nhth_cli import __version__
from nhth_cli.cli import app
from nhth_cli.errors import OutputError
from nhth_cli.read import read_rows
from nhth_cli.schema import COLUMN_NAMES, COLUMNS

runner = CliRunner()


def hotline_text(state: str, year: int, extra: str = "") -> str:
    """A small hotline report in the tab-separated layout of seed 004 (own wording)."""
    return f"""NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT

{state} State Report: 1/1/{year} – 12/31/{year}

These figures count contacts with the National Human Trafficking Hotline about {state} from \
January 1, {year} – December 31, {year}.

Number of Substantive Calls Received from {state}: 30

CALLER TYPE\t# OF CALLS\t% OF CALLS
Community Member\t12\t40.0%
Victim of Trafficking\t9\t30.0%
Law Enforcement\t6\t20.0%
Caller Types Referenced Fewer than Three Times\t3\t10.0%
TOTAL # OF SUBSTANTIVE CALLS\t30\t100.0%

In {state}, a total of 7 unique cases (incidents) of potential human trafficking were reported \
to the hotline.

VENUE/INDUSTRY OF POTENTIAL TRAFFICKING\t# OF CASES\t% OF CASES
Sex\t5\t71.4%
Hotel/Motel-Based\t3\t42.9%
Venues Referenced in Fewer than Three Cases\t2\t28.6%
Labor\t2\t28.6%
Industries Referenced in Fewer than Three Cases\t2\t28.6%
TOTAL # OF POTENTIAL TRAFFICKING CASES\t7\t100.0%
{extra}"""


ROWS_PER_REPORT = 13  # 2 summary + 5 caller_type + 6 venue_industry

NEWS = "Local paper: a town meeting discussed road repairs and the school budget on Tuesday.\n"


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """Three reports (two years, two states) and one news article, in nested folders."""
    folder = tmp_path / "reports"
    (folder / "vt").mkdir(parents=True)
    (folder / "me").mkdir()
    (folder / "vt" / "vt-2016.txt").write_text(hotline_text("Vermont", 2016), encoding="utf-8")
    (folder / "vt" / "vt-2017.txt").write_text(hotline_text("Vermont", 2017), encoding="utf-8")
    (folder / "me" / "me-2016.txt").write_text(hotline_text("Maine", 2016), encoding="utf-8")
    (folder / "news.txt").write_text(NEWS, encoding="utf-8")
    return folder


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def convert(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["convert", *args], input=input)


def error_line(stderr: str) -> str:
    """The one `nhth: error:` line of a failed run; fails when there is more or a traceback."""
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.startswith("nhth: error:")]
    assert len(lines) == 1, stderr
    return lines[0]


# -- version, help, python -m -------------------------------------------------------------------


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"nhth {__version__}\n"


def test_python_m_nhth_cli_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "nhth_cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"nhth {__version__}\n"


def test_the_command_converts_and_validates_without_numpy(reports: Path, tmp_path: Path) -> None:
    """`nhth` (cli.main) keeps NumPy out of its process; the Parquet file it writes is byte for
    byte the one written in this process, where pyarrow runs with NumPy."""
    out = tmp_path / "cmd" / "rows.parquet"
    out.parent.mkdir()
    probe = (
        "import sys, types\n"
        "from nhth_cli.cli import main\n"
        "codes = []\n"
        f"for args in (['convert', {str(reports)!r}, {str(out)!r}, '-q', '-j', '2'],\n"
        f"             ['validate', {str(out)!r}, '--json']):\n"
        "    sys.argv = ['nhth', *args]\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit as exc:\n"
        "        codes.append(exc.code)\n"
        "print(codes, isinstance(sys.modules.get('numpy'), types.ModuleType))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[0, 0] False"
    here = tmp_path / "here" / "rows.parquet"
    here.parent.mkdir()
    assert convert(str(reports), str(here)).exit_code == 0
    assert isinstance(sys.modules.get("numpy"), type(sys))  # this process has NumPy
    assert out.read_bytes() == here.read_bytes()


@pytest.mark.parametrize("command", ["convert", "validate", "inspect", "tables"])
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert f"nhth {command}" in result.stdout


def test_shell_completion_is_offered() -> None:
    result = runner.invoke(app, ["--help"])
    assert "--install-completion" in result.stdout
    assert "--show-completion" in result.stdout


# -- convert to files ---------------------------------------------------------------------------


def test_convert_writes_parquet_and_summary(reports: Path, out_dir: Path) -> None:
    out = out_dir / "rows.parquet"
    result = convert(str(reports), str(out))
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == 3 * ROWS_PER_REPORT
    summary = json.loads((out_dir / "rows.validation.json").read_text(encoding="utf-8"))
    assert summary["summary"]["files"] == 4
    assert summary["summary"]["parsed"] == 3
    assert summary["summary"]["skipped"] == 1
    assert sorted(set(table.column("source").to_pylist())) == [
        "me/me-2016.txt", "vt/vt-2016.txt", "vt/vt-2017.txt",
    ]  # fmt: skip
    assert "valid" in result.stdout
    assert "news.txt" in result.stdout  # the skipped file is listed with its reason


def test_parquet_has_the_spec_schema_and_descriptions(reports: Path, out_dir: Path) -> None:
    out = out_dir / "rows.parquet"
    assert convert(str(reports), str(out)).exit_code == 0
    schema = pq.read_schema(out)
    assert schema.names == list(COLUMN_NAMES)
    for col in COLUMNS:
        field = schema.field(col.name)
        assert field.type == getattr(pa, col.arrow_type)()
        assert field.nullable == col.nullable
        assert field.metadata[b"description"].decode() == col.description


def test_parquet_file_metadata_and_byte_identical_reruns(reports: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    assert convert(str(reports), str(first / "rows.parquet")).exit_code == 0
    assert convert(str(reports), str(second / "rows.parquet"), "-j", "2").exit_code == 0
    data = (first / "rows.parquet").read_bytes()
    assert data == (second / "rows.parquet").read_bytes()
    meta = pq.read_schema(first / "rows.parquet").metadata
    assert meta[b"nhth_version"] == __version__.encode()
    assert meta[b"nhth_input_files"] == b"4"
    assert meta[b"nhth_parsed_files"] == b"3"
    assert str(tmp_path).encode() not in data  # no absolute path anywhere in the file


def test_seed_folder_converts(seeds_dir: Path, out_dir: Path) -> None:
    out = out_dir / "seeds.parquet"
    result = convert(str(seeds_dir), str(out))
    assert result.exit_code in (0, 1), result.output
    summary = json.loads(out.with_suffix(".validation.json").read_text(encoding="utf-8"))
    statuses = {f["source"][:3]: f["status"] for f in summary["files"]}
    assert statuses == {
        "000": "parsed", "001": "parsed", "002": "skipped", "003": "skipped", "004": "parsed",
    }  # fmt: skip
    ct = [r for r in pq.read_table(out).to_pylist() if r["jurisdiction_code"] == "CT"]
    assert sum(1 for r in ct if r["table"] == "caller_type") == 18


# -- stdout and stdin ---------------------------------------------------------------------------


def test_csv_on_stdout_has_the_rows_of_the_parquet_file(
    reports: Path, out_dir: Path, tmp_path: Path
) -> None:
    out = out_dir / "rows.parquet"
    assert convert(str(reports), str(out)).exit_code == 0
    result = convert(str(reports), "-", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith('"jurisdiction","year","table"')
    assert "valid" in result.stderr  # the summary goes to stderr
    assert "valid" not in result.stdout
    csv_file = tmp_path / "stdout.csv"
    csv_file.write_bytes(result.stdout_bytes)
    assert read_rows(csv_file).to_pylist() == pq.read_table(out).to_pylist()
    assert not (Path("-").with_suffix(".validation.json")).exists()


def test_jsonl_on_stdout(reports: Path) -> None:
    result = convert(str(reports), "-", "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3 * ROWS_PER_REPORT
    assert all(list(row) == list(COLUMN_NAMES) for row in rows)
    totals = [r for r in rows if r["table"] == "caller_type" and r["is_total"]]
    assert [(r["jurisdiction"], r["year"], r["count"]) for r in totals] == [
        ("Maine", 2016, 30), ("Vermont", 2016, 30), ("Vermont", 2017, 30),
    ]  # fmt: skip
    assert rows[0]["period_start"] == "2016-01-01"


def test_parquet_on_stdout_when_it_is_not_a_terminal(reports: Path, out_dir: Path) -> None:
    out = out_dir / "rows.parquet"
    assert convert(str(reports), str(out)).exit_code == 0
    result = convert(str(reports), "-", "--format", "parquet")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes[:4] == b"PAR1"
    assert result.stdout_bytes == out.read_bytes()


def test_parquet_is_never_written_to_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from nhth_cli import write

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    with pytest.raises(OutputError, match="terminal"):
        write.check_stdout("parquet")
    write.check_stdout("csv")  # text is fine on a terminal


def test_input_list_from_stdin(reports: Path, out_dir: Path) -> None:
    names = [str(reports / "vt" / "vt-2017.txt"), str(reports / "me" / "me-2016.txt")]
    out = out_dir / "rows.parquet"
    result = convert("-", str(out), input="\n".join([names[0], "", "   ", names[1], ""]))
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == 2 * ROWS_PER_REPORT
    assert set(table.column("source").to_pylist()) == set(names)  # the paths as given


def test_input_list_from_stdin_may_name_folders(reports: Path) -> None:
    result = convert("-", "-", "-f", "jsonl", input=f"{reports / 'vt'}\n")
    assert result.exit_code == 0, result.stderr
    sources = {json.loads(line)["source"] for line in result.stdout.splitlines()}
    assert sources == {f"{reports / 'vt'}/vt-2016.txt", f"{reports / 'vt'}/vt-2017.txt"}


def test_empty_stdin_is_bad_usage(out_dir: Path) -> None:
    result = convert("-", str(out_dir / "rows.parquet"), input="\n\n")
    assert result.exit_code == 2
    assert error_line(result.stderr) == "nhth: error: -: no paths on stdin"


def test_missing_path_on_stdin_is_named(out_dir: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.pdf"
    result = convert("-", str(out_dir / "rows.parquet"), input=f"{missing}\n")
    assert result.exit_code == 2
    assert str(missing) in error_line(result.stderr)
    assert not (out_dir / "rows.parquet").exists()


# -- bad usage: exit 2 and one line -------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["{missing}", "{out}/rows.parquet"], "{missing}"),
        (["{reports}", "{out}/rows.xlsx"], "rows.xlsx"),
        (["{reports}", "{out}/rows"], "{out}/rows"),
        (["{reports}", "{missing}/rows.parquet"], "{missing}"),
        (["{reports}", "{out}/rows.csv", "--partition-by", "year", "-f", "csv"], "rows.csv"),
        (["{reports}", "-", "--partition-by", "year"], "-"),
        (["{reports}", "-", "--datapackage"], "-"),
        (["{reports}", "{out}/rows.parquet", "--partition-by", "month"], "--partition-by"),
        (["{reports}"], "OUTPUT"),
        (["{reports}", "{out}/rows.parquet", "-q", "-v"], "--quiet"),
    ],
)
def test_bad_usage_exits_2_with_one_line(
    reports: Path, out_dir: Path, tmp_path: Path, args: list[str], named: str
) -> None:
    paths = {"reports": str(reports), "out": str(out_dir), "missing": str(tmp_path / "missing")}
    result = convert(*(a.format(**paths) for a in args))
    assert result.exit_code == 2
    line = error_line(result.stderr)
    assert named.format(**paths) in line
    assert os.listdir(out_dir) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to any folder")
def test_unwritable_output_folder(reports: Path, out_dir: Path) -> None:
    out_dir.chmod(0o500)
    try:
        result = convert(str(reports), str(out_dir / "rows.parquet"))
    finally:
        out_dir.chmod(0o700)
    assert result.exit_code == 2
    assert "not writable" in error_line(result.stderr)


def test_no_room_for_the_findings_spool_is_one_line_and_exit_2(
    reports: Path, out_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from nhth_cli.checks import log

    monkeypatch.setattr(log, "SPOOL_BYTES", 16)  # the spool goes to a temporary file at once
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    result = convert(str(reports), str(out_dir / "rows.parquet"), "--jobs", "1")
    assert result.exit_code == 2
    line = error_line(result.stderr)
    assert "no-such-folder: cannot hold the findings in a temporary file" in line
    assert os.listdir(out_dir) == []


def test_nothing_usable_writes_nothing_and_keeps_the_old_output(
    tmp_path: Path, out_dir: Path
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(NEWS, encoding="utf-8")
    out = out_dir / "rows.parquet"
    out.write_bytes(b"an earlier output")
    result = convert(str(news), str(out))
    assert result.exit_code == 2
    assert "no rows" in error_line(result.stderr)
    assert out.read_bytes() == b"an earlier output"
    assert not out.with_suffix(".validation.json").exists()


def test_an_internal_error_is_one_line_unless_debug(
    reports: Path, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nhth_cli.pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(nhth_cli.pipeline, "convert_files", broken)
    result = convert(str(reports), str(out_dir / "rows.parquet"))
    assert result.exit_code == 2
    assert "internal error (RuntimeError: boom)" in error_line(result.stderr)
    result = convert(str(reports), str(out_dir / "rows.parquet"), "--debug")
    assert isinstance(result.exception, RuntimeError)


# -- quiet, verbose, progress -------------------------------------------------------------------


def test_quiet_prints_nothing(reports: Path, out_dir: Path) -> None:
    result = convert(str(reports), str(out_dir / "rows.parquet"), "--quiet")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == ""


def test_verbose_lists_every_file(reports: Path, out_dir: Path) -> None:
    quiet = convert(str(reports), str(out_dir / "rows.parquet"))
    loud = convert(str(reports), str(out_dir / "rows.parquet"), "--verbose")
    assert loud.exit_code == 0
    for source in ("vt/vt-2016.txt", "vt/vt-2017.txt", "me/me-2016.txt", "news.txt"):
        assert source in loud.stdout
    assert "vt/vt-2016.txt" not in quiet.stdout  # parsed files are listed only with --verbose


def stderr_on_a_terminal(*args: str) -> tuple[int, str]:
    """Run `nhth *args` with its stderr on a pseudo-terminal: its exit status and what it drew."""
    import pty

    master, terminal = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "nhth_cli", *args],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=terminal, env=env,
    )  # fmt: skip
    os.close(terminal)
    drawn = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the command has ended and closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    os.close(master)
    return proc.wait(), drawn.decode("utf-8", "replace")


def test_progress_bar_only_on_a_terminal(reports: Path, out_dir: Path) -> None:
    plain = convert(str(reports), str(out_dir / "rows.parquet"))
    assert "converting" not in plain.stderr
    status, shown = stderr_on_a_terminal("convert", str(reports), str(out_dir / "rows.parquet"))
    assert status == 0
    assert "converting" in shown
    assert "4/4" in shown
    status, hushed = stderr_on_a_terminal(
        "convert", str(reports), str(out_dir / "rows.parquet"), "-q"
    )
    assert (status, hushed) == (0, "")


def test_progress_bar_counts_files() -> None:
    from rich.console import Console

    from nhth_cli.records import FileResult
    from nhth_cli.render import progress_bar

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100)
    with progress_bar(console, 3) as advance:
        for i in range(3):
            advance(FileResult(f"file-{i}.txt", None, "skipped", "not a report"))
    text = buffer.getvalue()
    assert "3/3" in text
    assert "file-2.txt" in text


# -- partitioned datasets -----------------------------------------------------------------------


def _sorted_rows(table: pa.Table) -> list[tuple[object, ...]]:
    rows = table.select(list(COLUMN_NAMES)).to_pylist()
    return sorted((tuple(r.values()) for r in rows), key=repr)


@pytest.mark.parametrize(
    ("by", "folders"),
    [
        ("year", {"year=2016", "year=2017"}),
        ("jurisdiction", {"jurisdiction=Maine", "jurisdiction=Vermont"}),
    ],
)
def test_partitioned_dataset_equals_the_single_file(
    reports: Path, out_dir: Path, by: str, folders: set[str]
) -> None:
    single = out_dir / "rows.parquet"
    assert convert(str(reports), str(single)).exit_code == 0
    dataset_dir = out_dir / "dataset"
    result = convert(str(reports), str(dataset_dir), "--partition-by", by)
    assert result.exit_code == 0, result.output
    assert {p.name for p in dataset_dir.iterdir()} == folders
    assert (out_dir / "dataset.validation.json").exists()
    expected = pq.read_table(single)
    types = pa.schema([expected.schema.field(by)])
    dataset = ds.dataset(
        dataset_dir, format="parquet", partitioning=ds.partitioning(types, flavor="hive")
    )
    back = dataset.to_table()
    assert back.num_rows == expected.num_rows
    assert _sorted_rows(back) == _sorted_rows(expected)
    # each file keeps the column descriptions and the file metadata
    part = next(dataset_dir.glob("*/*.parquet"))
    schema = pq.read_schema(part)
    assert schema.metadata[b"nhth_version"] == __version__.encode()
    assert schema.field("category").metadata[b"description"]


def test_partitioned_dataset_replaces_an_earlier_dataset_only(reports: Path, out_dir: Path) -> None:
    dataset_dir = out_dir / "dataset"
    assert convert(str(reports), str(dataset_dir), "--partition-by", "year").exit_code == 0
    stale = dataset_dir / "year=1999"
    stale.mkdir()
    (stale / "part-0.parquet").write_bytes(b"old")
    assert convert(str(reports), str(dataset_dir), "--partition-by", "year").exit_code == 0
    assert not stale.exists()  # the earlier dataset was replaced whole
    assert {p.name for p in out_dir.iterdir()} == {"dataset", "dataset.validation.json"}

    other = out_dir / "documents"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    result = convert(str(reports), str(other), "--partition-by", "year")
    assert result.exit_code == 2
    assert "documents" in error_line(result.stderr)
    assert (other / "notes.txt").read_text(encoding="utf-8") == "mine"


# -- validate and tables ------------------------------------------------------------------------


def test_validate_a_converted_file(reports: Path, out_dir: Path) -> None:
    out = out_dir / "rows.parquet"
    assert convert(str(reports), str(out), "-q").exit_code == 0
    result = runner.invoke(app, ["validate", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["rows"] == 3 * ROWS_PER_REPORT


def test_validate_a_missing_path(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "gone.parquet")])
    assert result.exit_code == 2
    assert "gone.parquet" in error_line(result.stderr)


def test_tables_lists_the_vocabulary() -> None:
    from nhth_cli.tables import TABLES

    result = runner.invoke(app, ["tables"])
    assert result.exit_code == 0
    for spec in TABLES:
        assert spec.id in result.stdout
    as_json = runner.invoke(app, ["tables", "--json"])
    listed = json.loads(as_json.stdout)
    assert [t["id"] for t in listed] == [t.id for t in TABLES]
    assert [t["cumulative"] for t in listed] == [t.cumulative for t in TABLES]
    assert listed[2]["heading"] == TABLES[2].heading


def test_a_failed_dataset_write_keeps_the_earlier_dataset(
    reports: Path, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset_dir = out_dir / "dataset"
    assert convert(str(reports), str(dataset_dir), "--partition-by", "year").exit_code == 0
    before = sorted(p.relative_to(out_dir) for p in out_dir.rglob("*"))

    def failing(table: pa.Table, base_dir: str, **kwargs: object) -> None:
        Path(base_dir, "year=2016").mkdir()
        Path(base_dir, "year=2016", "part-0.parquet").write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ds, "write_dataset", failing)
    result = convert(str(reports), str(dataset_dir), "--partition-by", "year")
    assert result.exit_code == 2
    assert "No space left on device" in error_line(result.stderr)
    assert sorted(p.relative_to(out_dir) for p in out_dir.rglob("*")) == before
    assert pq.read_table(dataset_dir / "year=2016" / "part-0.parquet").num_rows > 0


def test_outputs_inside_the_input_folder_are_not_read_back(reports: Path) -> None:
    out = reports / "rows.csv"
    for _ in range(2):
        result = convert(str(reports), str(out), "--datapackage", "-q")
        assert result.exit_code == 0, result.output
    summary = json.loads((reports / "rows.validation.json").read_text(encoding="utf-8"))
    assert summary["summary"]["files"] == 4
    assert (reports / "datapackage.json").exists()
