"""extract.read: the one place input files are read from disk; a file that cannot be read is
an InputError naming why."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from nhth_cli.errors import InputError, NhthError
from nhth_cli.extract.read import read_bytes


def test_a_file_is_its_bytes(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_bytes(b"\x00\xffreport\r\n")
    assert read_bytes(tmp_path / "r.txt", 100) == b"\x00\xffreport\r\n"


def test_a_file_at_the_limit_is_read_one_over_it_is_not(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_bytes(b"x" * 1000)
    assert len(read_bytes(tmp_path / "r.txt", 1000)) == 1000
    with pytest.raises(
        InputError, match=r"file is 1,000 bytes, over the limit of 999 \(--max-size\)"
    ):
        read_bytes(tmp_path / "r.txt", 999)


def test_a_file_that_grows_over_the_limit_while_read_is_an_error(tmp_path: Path) -> None:
    # A FIFO has no size until read: what comes through it is bounded all the same.
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    pid = os.fork()
    if pid == 0:  # the writer
        try:
            with open(fifo, "wb") as fh:
                fh.write(b"x" * 5000)
        finally:
            os._exit(0)
    try:
        with pytest.raises(InputError, match="grew over the limit of 1,000 bytes"):
            read_bytes(fifo, 1000)
    finally:
        os.waitpid(pid, 0)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: None, "file vanished before it could be read"),
        (lambda p: p.mkdir(), "is a folder, not a file"),
    ],
    ids=["vanished", "folder"],
)
def test_a_file_that_cannot_be_read_is_one_input_error(
    tmp_path: Path, make: Callable[[Path], object], reason: str
) -> None:
    path = tmp_path / "r.txt"
    make(path)
    with pytest.raises(InputError) as caught:
        read_bytes(path, 10**6)
    assert str(caught.value) == reason
    assert isinstance(caught.value, NhthError)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (OSError(5, "Input/output error"), "cannot be read: Input/output error"),
    ],
)
def test_the_systems_errors_are_one_line_reasons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, reason: str
) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"report")

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise error

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError) as caught:
        read_bytes(path, 10**6)
    assert str(caught.value) == reason
