"""Bad input and faults (issue 5): every case is a named test; none may cost other files' rows."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli.discover import discover
from nhth_cli.errors import UsageError
from nhth_cli.pipeline import ConversionResult, convert, convert_bytes, convert_files
from nhth_cli.records import Settings

from .conftest import SAMPLES

CT = SAMPLES / "connecticut-2016-hotline.txt"


def _folder_with(tmp_path: Path, name: str, data: bytes) -> Path:
    """A folder holding the Connecticut report and one bad file."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ct.txt").write_bytes(CT.read_bytes())
    bad = folder / name
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(data)
    return folder


def _status(result: ConversionResult, source: str) -> tuple[str, str | None]:
    entry = next(f for f in result.files if f.source == source)
    return entry.status, entry.reason


def _assert_ct_intact(result: ConversionResult) -> None:
    assert _status(result, "ct.txt") == ("parsed", None)
    assert sum(f.rows for f in result.files if f.source == "ct.txt") == 66


@pytest.mark.parametrize("name", ["junk.pdf", "junk.txt", "junk"])
def test_random_bytes(tmp_path: Path, name: str) -> None:
    data = random.Random(7).randbytes(20_000)
    result = convert(_folder_with(tmp_path, name, data))
    _assert_ct_intact(result)
    status, reason = _status(result, name)
    assert status == "skipped" and reason and "binary" in reason


def test_empty_file(tmp_path: Path) -> None:
    result = convert(_folder_with(tmp_path, "empty.txt", b""))
    _assert_ct_intact(result)
    assert _status(result, "empty.txt") == ("skipped", "empty file")


def test_nul_bytes_inside_text_are_dropped(tmp_path: Path) -> None:
    data = CT.read_bytes().replace(b"Student", b"Stu\x00dent").replace(b"\n\n", b"\n\x00\n")
    result = convert(_folder_with(tmp_path, "nul.txt", data))
    _assert_ct_intact(result)
    assert _status(result, "nul.txt") == ("parsed", None)
    assert result.to_arrow().num_rows == 2 * 66


def test_single_line_of_several_megabytes(tmp_path: Path) -> None:
    data = CT.read_bytes() + b"\n" + b"Sex 1 2.0% " * 500_000 + b"\n"
    result = convert(_folder_with(tmp_path, "long.txt", data))
    _assert_ct_intact(result)
    assert _status(result, "long.txt") == ("parsed", None)


def test_invalid_utf8_falls_back_to_windows_1252(tmp_path: Path) -> None:
    data = CT.read_bytes().replace(b"Connecticut ranked", b"Connecticut\x81\xff ranked")
    result = convert(_folder_with(tmp_path, "bad-utf8.txt", data))
    _assert_ct_intact(result)
    assert _status(result, "bad-utf8.txt") == ("parsed", None)


def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "sub/ct-copy.txt", CT.read_bytes())
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "self").symlink_to(folder / "sub", target_is_directory=True)
    sources = [f.source for f in discover([folder])]
    assert sources == sorted(set(sources))
    assert "ct.txt" in sources and "sub/ct-copy.txt" in sources
    assert len(sources) == 2


def test_link_outside_the_folder_is_skipped_unless_followed(tmp_path: Path) -> None:
    """Issue 15, point 9: a link out of the input folder is listed as skipped, not read."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "vi.txt").write_bytes((SAMPLES / "us-virgin-islands-2016-hotline.txt").read_bytes())
    (outside / "secret.txt").write_bytes(b"root:x:0:0")
    folder = _folder_with(tmp_path, "note.txt", b"nothing here")
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "inside.txt").symlink_to(folder / "ct.txt")  # a link inside is followed
    result = convert(folder)
    _assert_ct_intact(result)
    for name in ("linked", "secret.txt"):
        status, reason = _status(result, name)
        assert status == "skipped" and reason and "outside the input folder" in reason
        assert next(f for f in result.files if f.source == name).sha256 is None
    assert not any(f.source.startswith("linked/") for f in result.files)
    assert _status(result, "inside.txt") == ("parsed", None)
    followed = convert(folder, Settings(follow_links=True))
    assert _status(followed, "linked/vi.txt") == ("parsed", None)
    assert _status(followed, "secret.txt")[0] == "skipped"  # read: not a report


def test_dangling_link_is_ignored(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "note.txt", b"nothing here")
    (folder / "gone.pdf").symlink_to(tmp_path / "does-not-exist.pdf")
    result = convert(folder)
    _assert_ct_intact(result)
    assert "gone.pdf" not in {f.source for f in result.files}


def test_directory_named_like_a_pdf_is_walked(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "report.pdf/inner.txt", CT.read_bytes())
    result = convert(folder)
    _assert_ct_intact(result)
    assert _status(result, "report.pdf/inner.txt") == ("parsed", None)


def test_file_that_vanishes_mid_run(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "vanishing.txt", CT.read_bytes())
    files = discover([folder])
    (folder / "vanishing.txt").unlink()
    result = convert_files(files)
    _assert_ct_intact(result)
    status, reason = _status(result, "vanishing.txt")
    assert status == "error" and reason and "vanished" in reason


def test_file_that_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder_with(tmp_path, "locked.txt", CT.read_bytes())
    real_open = Path.open

    def guarded(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", guarded)
    result = convert(folder)
    _assert_ct_intact(result)
    assert _status(result, "locked.txt") == ("error", "permission denied")


def test_huge_file_over_the_size_limit(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "huge.txt", CT.read_bytes() * 40)
    result = convert(folder, Settings(max_bytes=100_000))
    _assert_ct_intact(result)
    status, reason = _status(result, "huge.txt")
    assert status == "error" and reason and "over the limit" in reason


def test_output_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "out.csv", b"jurisdiction,year\nConnecticut,2016\n")
    result = convert(folder, exclude=[folder / "out.csv"])
    assert [f.source for f in result.files] == ["ct.txt"]


def test_a_link_to_the_output_inside_the_input_is_not_read_back(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "out.csv", b"jurisdiction,year\nConnecticut,2016\n")
    (folder / "link.csv").symlink_to(folder / "out.csv")
    result = convert(folder, exclude=[folder / "out.csv", folder / "not-yet-written.json"])
    assert [f.source for f in result.files] == ["ct.txt"]


def test_hidden_temporary_files_are_not_read(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, ".out.parquet.abc.tmp", b"PAR1 half written")
    assert [f.source for f in discover([folder])] == ["ct.txt"]


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        convert(tmp_path / "nope")


def test_a_parser_crash_costs_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import nhth_cli.pipeline as pipeline

    real = pipeline.parse_document

    def crash_on_bad(text: str, stem: str = "") -> object:
        if stem == "crash":
            raise ValueError("boom")
        return real(text, stem)

    monkeypatch.setattr(pipeline, "parse_document", crash_on_bad)
    result = convert(_folder_with(tmp_path, "crash.txt", CT.read_bytes()))
    _assert_ct_intact(result)
    status, reason = _status(result, "crash.txt")
    assert status == "error" and reason and "ValueError: boom" in reason


def test_with_debug_a_parser_crash_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings.debug (`--debug`) is passed explicitly: a parser's bug is a traceback, not its
    file's error."""
    import nhth_cli.pipeline as pipeline

    def crash(text: str, stem: str = "") -> object:
        raise ValueError("boom")

    monkeypatch.setattr(pipeline, "parse_document", crash)
    folder = _folder_with(tmp_path, "crash.txt", CT.read_bytes())
    with pytest.raises(ValueError, match="boom"):
        convert(folder, Settings(debug=True))
    status, reason = _status(convert(folder), "crash.txt")
    assert status == "error" and reason and "ValueError: boom" in reason


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4096))
def test_any_bytes_give_a_result_never_an_exception(data: bytes) -> None:
    result = convert_bytes(data, "fuzz.txt")[0]
    assert result.status in ("parsed", "skipped", "error")
    assert (result.reason is None) == (result.status == "parsed")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2048))
def test_bytes_after_a_pdf_header_never_raise(data: bytes) -> None:
    result = convert_bytes(b"%PDF-1.7\n" + data, "fuzz.pdf")[0]
    assert result.status in ("skipped", "error")
    assert result.reason


def test_jobs_give_the_same_rows_as_one_process(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i, sample in enumerate(sorted(SAMPLES.iterdir()) * 3):
        (folder / f"{i:02d}-{sample.name}").write_bytes(sample.read_bytes())
    one = convert(folder, Settings(jobs=1))
    two = convert(folder, Settings(jobs=2))
    assert one.files == two.files
    assert one.to_arrow().equals(two.to_arrow())
    assert os.cpu_count()  # the default --jobs uses it


@pytest.mark.parametrize("fault", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_interrupted_write_keeps_the_old_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: BaseException
) -> None:
    import pyarrow.parquet as pq

    from nhth_cli import write

    out = tmp_path / "out.parquet"
    out.write_bytes(b"yesterday's output")
    table = convert(CT).to_arrow()

    def broken(self: object, table: object, **kwargs: object) -> None:
        raise fault  # the writer has begun the file (its magic bytes), not finished it

    monkeypatch.setattr(pq.ParquetWriter, "write_table", broken)
    with pytest.raises(type(fault)):
        write.write_table(table, str(out), "parquet")
    assert out.read_bytes() == b"yesterday's output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.parquet"]  # no temp file left


def test_interrupted_cli_run_keeps_old_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow.parquet as pq
    from typer.testing import CliRunner

    from nhth_cli.cli import app

    out = tmp_path / "out.parquet"
    summary = tmp_path / "out.validation.json"
    out.write_bytes(b"old rows")
    summary.write_bytes(b"old summary")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pq.ParquetWriter, "write_table", interrupted)  # rows are streamed
    result = CliRunner().invoke(app, ["convert", str(SAMPLES), str(out)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert out.read_bytes() == b"old rows" and summary.read_bytes() == b"old summary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.parquet", "out.validation.json"]


def test_summary_json_is_byte_identical_twice(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from nhth_cli.cli import app

    outputs = []
    for name in ("a", "b"):
        target = tmp_path / name
        target.mkdir()
        result = CliRunner().invoke(app, ["convert", str(SAMPLES), str(target / "out.parquet")])
        assert result.exit_code == 0, result.output
        outputs.append(
            ((target / "out.parquet").read_bytes(), (target / "out.validation.json").read_bytes())
        )
    assert outputs[0] == outputs[1]
    assert str(tmp_path).encode() not in outputs[0][1]  # no absolute paths inside


def test_a_worker_crash_costs_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    import nhth_cli.pipeline as pipeline

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the crash is injected through a forked worker")
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_bytes(CT.read_bytes())
    (folder / "3-crash.txt").write_bytes(CT.read_bytes())
    real = pipeline.convert_bytes

    def native_crash(data: bytes, source: str, *args: object) -> object:
        if source == "3-crash.txt":
            os._exit(1)  # what a segfault in PDFium looks like to the pool
        return real(data, source)

    monkeypatch.setattr(pipeline, "convert_bytes", native_crash)
    result = convert(folder, Settings(jobs=2))
    assert [f.source for f in result.files] == sorted(f.name for f in folder.iterdir())
    assert _status(result, "3-crash.txt") == ("error", "reading it crashed the worker process")
    assert sum(f.status == "parsed" for f in result.files) == 6
    assert result.rows == 6 * 66
