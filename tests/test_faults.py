"""Issue 15: what a tester does to break "a bad file is reported and skipped, the others' rows
are written". One named test per point of the issue (point 4 is `unread_numbers`')."""

from __future__ import annotations

import errno
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from nhth_cli.cli import app
from nhth_cli.discover import shown_name
from nhth_cli.pipeline import convert, convert_bytes
from nhth_cli.records import Settings

from .bombs import bomb, pdf_with_streams, text_page
from .conftest import ROOT, SAMPLES

CT = SAMPLES / "connecticut-2016-hotline.txt"
CT_ROWS = 66
NHTH = [sys.executable, "-m", "nhth_cli"]


def _folder(tmp_path: Path, files: dict[str | bytes, bytes]) -> Path:
    """A folder holding the Connecticut report (`ct.txt`) and `files`."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ct.txt").write_bytes(CT.read_bytes())
    for name, data in files.items():
        path = os.path.join(os.fsencode(folder), os.fsencode(name))
        with open(path, "wb") as fh:
            fh.write(data)
    return folder


def _summary(out: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(out.with_suffix(".validation.json").read_bytes())
    return data


def _entry(summary: dict[str, object], source: str) -> dict[str, object]:
    files = summary["files"]
    assert isinstance(files, list)
    entry: dict[str, object] = next(f for f in files if f["source"] == source)
    return entry


def _ct_with(old: bytes, new: bytes) -> bytes:
    data = CT.read_bytes()
    assert old in data
    return data.replace(old, new, 1)


def _run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*NHTH, *args], capture_output=True, cwd=ROOT, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]


# -- 1. a count of 2^63 or more --------------------------------------------------------------

HUGE = b"9223372036854775808"
DEVANAGARI = ("5" + "\u0966" * 50).encode()
VICTIM_ROW = b"Victim of Trafficking                                             49"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_point1_count_over_int64_costs_only_its_file(tmp_path: Path, jobs: str) -> None:
    folder = _folder(
        tmp_path,
        {
            "big.txt": _ct_with(VICTIM_ROW, b"Victim of Trafficking " + HUGE),
            "deva.txt": _ct_with(VICTIM_ROW, b"Victim of Trafficking " + DEVANAGARI),
        },
    )
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(app, ["convert", str(folder), str(out), "-j", jobs, "-q"])
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output
    assert pq.read_table(out).num_rows == CT_ROWS
    summary = _summary(out)
    for name in ("big.txt", "deva.txt"):
        entry = _entry(summary, name)
        assert entry["status"] == "error"
        reason = str(entry["reason"])
        assert re.fullmatch(
            r"line 17: the (count|number) .* (does not fit a 64-bit|is too large for a) count",
            reason,
        )
    # validate FOLDER and rows to stdout keep going the same way
    checked = CliRunner().invoke(app, ["validate", str(folder), "--json"])
    assert checked.exit_code == 1 and json.loads(checked.stdout)["summary"]["rows"] == CT_ROWS
    to_stdout = CliRunner().invoke(app, ["convert", str(folder), "-", "-f", "csv", "-q"])
    assert to_stdout.exit_code == 1
    assert to_stdout.stdout.count("\n") == CT_ROWS + 1


# -- 2. a file name that is not UTF-8 --------------------------------------------------------


def test_point2_file_name_not_utf8_is_shown_with_escapes(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {b"caf\xe9-\xff.txt": CT.read_bytes()})
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(app, ["convert", str(folder), str(out), "-v"])
    assert result.exit_code == 0, result.output
    assert "caf\\xe9-\\xff.txt" in result.output
    sources = set(pq.read_table(out).column("source").to_pylist())
    assert sources == {"ct.txt", "caf\\xe9-\\xff.txt"}
    raw = out.with_suffix(".validation.json").read_bytes()
    raw.decode("utf-8")  # valid UTF-8 throughout
    assert _entry(_summary(out), "caf\\xe9-\\xff.txt")["status"] == "parsed"


_NAME_BYTES = st.binary(min_size=1, max_size=40).filter(
    lambda b: b"/" not in b and b"\x00" not in b and not b.startswith(b".")
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=_NAME_BYTES)
def test_point2_any_file_name_bytes(tmp_path_factory: pytest.TempPathFactory, name: bytes) -> None:
    folder = tmp_path_factory.mktemp("names")
    (folder / "ct.txt").write_bytes(CT.read_bytes())
    bad = os.path.join(os.fsencode(folder), name)
    if os.path.exists(bad):
        return  # the name is ct.txt itself
    with open(bad, "wb") as fh:
        fh.write(CT.read_bytes())
    from nhth_cli.pipeline import validate

    result = convert(folder)
    shown = shown_name(os.fsdecode(name))
    assert sorted(f.source for f in result.files) == sorted(["ct.txt", shown])
    shown.encode("utf-8")
    assert all(f.status == "parsed" for f in result.files)
    table = result.to_arrow()
    assert table.num_rows == 2 * CT_ROWS
    summary = json.loads(validate(result).to_json().decode("utf-8"))
    assert {f["source"] for f in summary["files"]} == {"ct.txt", shown}


# -- 3. a number of more than 4,300 digits ---------------------------------------------------

LONG = b"5" * 5000


@pytest.mark.parametrize(
    "old",
    [
        VICTIM_ROW,  # a table row
        b"Number of Substantive Calls Received from Connecticut: 199",  # a sentence figure
        b"Community Member                                                  29",
    ],
)
def test_point3_number_of_thousands_of_digits_is_a_data_error(tmp_path: Path, old: bytes) -> None:
    new = old.rsplit(b" ", 1)[0] + b" " + LONG
    folder = _folder(tmp_path, {"long.txt": _ct_with(old, new)})
    result = convert(folder)
    entry = next(f for f in result.files if f.source == "long.txt")
    assert entry.status == "error"
    assert entry.reason and "internal error" not in entry.reason
    assert "too large for a count" in entry.reason or "4,300 digits" in entry.reason
    assert next(f for f in result.files if f.source == "ct.txt").rows == CT_ROWS


# -- 5. an OUTPUT that is a device or a FIFO --------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "device", "summary-fifo"])
def test_point5_device_or_fifo_output_is_refused(tmp_path: Path, kind: str) -> None:
    out = tmp_path / "out.csv"
    if kind == "fifo":
        os.mkfifo(out)
    elif kind == "device":
        out.symlink_to(os.devnull)  # a link: a failure here replaces the link, not /dev/null
    else:
        os.mkfifo(tmp_path / "out.validation.json")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = CliRunner().invoke(app, ["convert", str(SAMPLES), str(out)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "not a regular file" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert out.is_symlink() if kind == "device" else True
    assert Path(os.devnull).is_char_device()


def test_point5_device_as_dataset_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    os.mkfifo(out)
    result = CliRunner().invoke(app, ["convert", str(SAMPLES), str(out), "--partition-by", "year"])
    assert result.exit_code == 2 and "a FIFO" in result.output
    assert not (tmp_path / "dataset.validation.json").exists()


# -- 6. rows and summary replaced together or not at all ------------------------------------


def _old_outputs(tmp_path: Path) -> tuple[Path, Path]:
    out = tmp_path / "out.parquet"
    out.write_bytes(b"old rows")
    out.with_suffix(".validation.json").write_bytes(b"old summary")
    return out, out.with_suffix(".validation.json")


def test_point6_full_disk_while_writing_the_summary_keeps_both_old_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nhth_cli.checks.report import ValidationReport

    out, summary = _old_outputs(tmp_path)

    def full_disk(self: ValidationReport) -> object:
        yield b'{"nhth_version": '
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(ValidationReport, "json_chunks", full_disk)
    result = CliRunner().invoke(app, ["convert", str(SAMPLES), str(out)])
    assert result.exit_code == 2
    assert "No space left on device" in result.output and "Traceback" not in result.output
    assert out.read_bytes() == b"old rows" and summary.read_bytes() == b"old summary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.parquet", "out.validation.json"]


def test_point6_small_file_size_limit_keeps_old_outputs(tmp_path: Path) -> None:
    out, summary = _old_outputs(tmp_path)
    script = (
        "import resource, sys; from nhth_cli.cli import main\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (6000, 6000))\n"
        f"sys.argv = ['nhth', 'convert', {str(SAMPLES)!r}, {str(out)!r}, '-q']\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=False, cwd=ROOT
    )
    assert done.returncode == 2, done.stderr
    assert b"cannot be written" in done.stderr and len(done.stderr.splitlines()) == 1
    assert out.read_bytes() == b"old rows" and summary.read_bytes() == b"old summary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.parquet", "out.validation.json"]


def test_point6_sigint_during_the_renames_waits_for_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nhth_cli import write

    out, summary = _old_outputs(tmp_path)
    real = os.replace
    calls: list[str] = []

    def replace_then_interrupt(src: object, dst: object) -> None:
        real(src, dst)  # type: ignore[arg-type]
        calls.append(str(dst))
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C between the two renames

    monkeypatch.setattr(write.os, "replace", replace_then_interrupt)
    result = CliRunner().invoke(app, ["convert", str(SAMPLES), str(out)])
    assert result.exit_code != 0  # the interrupt acts once both are in place
    assert calls == [str(out), str(summary)]
    assert pq.read_table(out).num_rows == _summary(out)["summary"]["rows"]  # type: ignore[index]


def test_point6_sigkill_while_writing_leaves_old_outputs_and_no_temp_file(tmp_path: Path) -> None:
    out, summary = _old_outputs(tmp_path)
    script = (
        "import sys, time\n"
        "import pyarrow.parquet as pq\n"
        "real = pq.ParquetWriter.write_table\n"
        "def slow(self, *args, **kwargs):\n"  # the rows streamed, the file not yet closed
        "    real(self, *args, **kwargs)\n"
        "    print('written', flush=True)\n"
        "    time.sleep(60)\n"
        "pq.ParquetWriter.write_table = slow\n"
        "from nhth_cli.cli import main\n"
        f"sys.argv = ['nhth', 'convert', {str(SAMPLES)!r}, {str(out)!r}, '-q']\n"
        "main()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, cwd=ROOT, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"written\n"
    proc.kill()
    proc.wait()
    assert out.read_bytes() == b"old rows" and summary.read_bytes() == b"old summary"
    # Rows are written to a file without a name (O_TMPFILE) where the file system has them:
    # nothing is left. Else the next run into the same output removes what the killed one left.
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp"))
    assert left == [] or len(left) == 1
    (tmp_path / ".out.parquet.a1b2c3d4.tmp").write_bytes(b"PAR1 half written")
    (tmp_path / ".out.validation.json.x9y8z7w6.tmp").write_bytes(b"{")
    result = CliRunner().invoke(app, ["convert", str(SAMPLES), str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.parquet", "out.validation.json"]


def test_point6_concurrent_runs_into_one_output_leave_a_matching_pair(tmp_path: Path) -> None:
    one = tmp_path / "one"
    one.mkdir()
    (one / "ct.txt").write_bytes(CT.read_bytes())
    out = tmp_path / "out.csv"
    for _ in range(3):
        runs = [
            subprocess.Popen([*NHTH, "convert", str(folder), str(out), "-q"], cwd=ROOT)
            for folder in (SAMPLES, one)
        ]
        assert all(r.wait() == 0 for r in runs)
        rows = out.read_bytes().count(b"\n") - 1
        assert rows == _summary(out)["summary"]["rows"]  # type: ignore[index]
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "one",
            "out.csv",
            "out.validation.json",
        ]


# -- 7. decompression bombs and time limits --------------------------------------------------


def test_point7_bombs_cost_only_their_files(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"small-bomb.pdf": bomb(8), "big-bomb.pdf": bomb(48)})
    out = tmp_path / "out.parquet"
    result = _run("convert", str(folder), str(out), "--memory-limit", "256", "-j", "2", "-q")
    assert result.returncode == 1, result.stderr
    assert pq.read_table(out).num_rows == CT_ROWS
    summary = _summary(out)
    for name in ("small-bomb.pdf", "big-bomb.pdf"):
        entry = _entry(summary, name)
        assert entry["status"] == "error"
        assert "memory" in str(entry["reason"]), entry


def test_point7_a_file_over_the_time_limit_is_an_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"slow.pdf": bomb(6)})
    out = tmp_path / "out.parquet"
    args = ("--file-timeout", "0.5", "--memory-limit", "0", "-j", "1", "-q")
    result = _run("convert", str(folder), str(out), *args)
    assert result.returncode == 1, result.stderr
    entry = _entry(_summary(out), "slow.pdf")
    assert entry["reason"] == "took longer than the time limit of 0.5 s (--file-timeout)"
    assert pq.read_table(out).num_rows == CT_ROWS


def test_point7_time_limit_in_one_process_stops_python_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nhth_cli.pipeline as pipeline

    real = pipeline.parse_document

    def endless(text: str, stem: str = "") -> object:
        while stem == "stuck":
            time.sleep(0.01)
        return real(text, stem)

    monkeypatch.setattr(pipeline, "parse_document", endless)
    folder = _folder(tmp_path, {"stuck.txt": CT.read_bytes()})
    result = convert(folder, Settings(file_timeout=0.3))
    stuck = next(f for f in result.files if f.source == "stuck.txt")
    assert stuck.status == "error" and stuck.reason and "time limit" in stuck.reason
    assert result.rows == CT_ROWS


def test_point7_text_per_page_is_bounded() -> None:
    pdf = pdf_with_streams([text_page(["x" * 80] * 40)])
    result = convert_bytes(pdf, "wordy.pdf", Settings(max_page_chars=1000))[0]
    assert result.status == "error"
    assert result.reason and "over the limit of 1,000 per page" in result.reason
    whole = convert_bytes(pdf, "wordy.pdf", Settings(max_text_chars=1000))[0]
    assert whole.reason and "characters of text (the limit)" in whole.reason


# -- 8. workers die with the main process ----------------------------------------------------


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_point8_workers_die_with_the_main_process(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"stuck.txt": CT.read_bytes(), "stuck2.txt": CT.read_bytes()})
    script = (
        "import sys, time\n"
        "import nhth_cli.pipeline as p\n"
        "real = p.convert_bytes\n"
        "def stuck(data, source, *a):\n"
        "    if 'stuck' in source:\n"
        "        print('stuck', flush=True); time.sleep(120)\n"
        "    return real(data, source, *a)\n"
        "p.convert_bytes = stuck\n"
        f"p.convert({str(folder)!r}, p.Settings(jobs=2, file_timeout=0))\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"stuck\n"
    workers = _children(proc.pid)
    assert workers
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 30
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)


# -- 9. links out of the input folder --------------------------------------------------------


def test_point9_links_out_of_the_folder_are_listed_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "etc"
    outside.mkdir()
    (outside / "shadow").write_bytes(b"root:$6$secret:19000:0:99999:7:::\n")
    folder = _folder(tmp_path, {})
    (folder / "etc").symlink_to(outside, target_is_directory=True)
    (folder / "shadow").symlink_to(outside / "shadow")
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(app, ["convert", str(folder), str(out), "-q"])
    assert result.exit_code == 0, result.output
    summary = _summary(out)
    assert {f["source"] for f in summary["files"]} == {"ct.txt", "etc", "shadow"}  # type: ignore[union-attr, index]
    for name in ("etc", "shadow"):
        entry = _entry(summary, name)
        assert entry["status"] == "skipped" and entry["sha256"] is None
        assert "outside the input folder" in str(entry["reason"])
    followed = CliRunner().invoke(app, ["convert", str(folder), str(out), "--follow-links", "-q"])
    assert followed.exit_code == 0
    assert _entry(_summary(out), "etc/shadow")["sha256"] is not None


# -- 10. PDF pages that do not decode; stdout errors -----------------------------------------


def _ct_pdf(pages: int = 3) -> tuple[bytes, list[int]]:
    """The Connecticut report as a PDF of `pages` pages, and where each content stream starts."""
    text = CT.read_text(encoding="utf-8").replace("–", "-")
    lines = text.translate({ord(c): None for c in "⁰¹²³⁴⁵⁶⁷⁸⁹"}).splitlines()
    k = -(-len(lines) // pages)
    data = pdf_with_streams([text_page(lines[i * k : (i + 1) * k], 8) for i in range(pages)])
    starts = [m.end() for m in re.finditer(rb"(?<!end)stream\n", data)]
    return data, starts


@pytest.mark.parametrize("page", [2, 3])
def test_point10_pdf_page_that_does_not_decode_fails_the_file(tmp_path: Path, page: int) -> None:
    data, starts = _ct_pdf()
    good = convert_bytes(data, "ct.pdf")[0]
    assert good.status == "parsed" and good.rows == CT_ROWS and good.empty_pages == ()
    damaged = bytearray(data)
    start = starts[page - 1]
    damaged[start + 2 : start + 40] = b"\xff" * 38  # the zlib data after its header
    folder = _folder(tmp_path, {"damaged.pdf": bytes(damaged)})
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(app, ["convert", str(folder), str(out), "-q"])
    assert result.exit_code == 1, result.output
    summary = _summary(out)
    assert summary["valid"] is False
    findings = summary["findings"]
    assert isinstance(findings, list)
    failed = [f for f in findings if f["check"] == "unreadable_pages"]
    assert [(f["status"], f["source"], f["actual"]) for f in failed] == [("fail", "damaged.pdf", 1)]
    assert _entry(summary, "damaged.pdf")["rows"] < CT_ROWS  # the rows lost with the page
    assert f"page {page} gave no text" in failed[0]["message"]


def test_point10_stdout_errors_are_one_line_and_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*NHTH, "convert", str(SAMPLES), "-", "-f", "csv", "-q"],
            stdout=full, stderr=subprocess.PIPE, cwd=ROOT, check=False,
        )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == b"nhth: error: -: cannot be written: No space left on device\n"
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i}.txt").write_bytes(CT.read_bytes())
    proc = subprocess.Popen(
        [*NHTH, "convert", str(folder), "-", "-f", "jsonl", "-q"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()  # what `head -c 100` does
    assert proc.wait() == 141
    assert proc.stderr.read() == b""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789" * 8 + " ,a\u0966\n", max_size=200))
def test_point3_digit_runs_are_found_as_a_plain_search_finds_them(text: str) -> None:
    from nhth_cli.pipeline import _ABSURD_DIGITS, absurd_digits

    found, plain = absurd_digits(text), _ABSURD_DIGITS.search(text)
    assert (found is None) == (plain is None)
    if found is not None and plain is not None:
        assert found.span() == plain.span()


def test_point7_memory_error_in_a_worker_is_the_files_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    import nhth_cli.pipeline as pipeline

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the allocation is injected through a forked worker")
    real = pipeline.convert_bytes

    def greedy(data: bytes, source: str, *args: object) -> object:
        if source == "greedy.txt":
            return bytearray(1024**3)  # over the worker's limit: MemoryError
        return real(data, source, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "convert_bytes", greedy)
    folder = _folder(tmp_path, {"greedy.txt": CT.read_bytes()})
    result = convert(folder, Settings(jobs=2, memory_limit=256 * 1024 * 1024))
    greedy_entry = next(f for f in result.files if f.source == "greedy.txt")
    assert greedy_entry.status == "error"
    assert (
        greedy_entry.reason == "ran out of memory reading it (the limit is 256 MB, --memory-limit)"
    )
    assert result.rows == CT_ROWS


def test_point6_dataset_moved_aside_by_a_killed_run_is_put_back(tmp_path: Path) -> None:
    dataset = tmp_path / "dataset"
    result = CliRunner().invoke(
        app, ["convert", str(SAMPLES), str(dataset), "--partition-by", "year"]
    )
    assert result.exit_code == 0, result.output
    aside = tmp_path / ".dataset.k1ll3d00.old"
    aside.mkdir()
    dataset.rename(aside / "dataset")  # killed between the two renames of the dataset
    again = CliRunner().invoke(
        app, ["convert", str(SAMPLES), str(dataset), "--partition-by", "year"]
    )
    assert again.exit_code == 0, again.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dataset", "dataset.validation.json"]
