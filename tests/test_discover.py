"""discover: given the inputs a user named, the files to convert, each with its `source` name."""

from __future__ import annotations

import dataclasses
import os
import random
from pathlib import Path

import pytest

from nhth_cli.discover import LINK_OUTSIDE, InputFile, discover, not_regular, shown_name
from nhth_cli.errors import NhthError, UsageError


def make(folder: Path, *names: str) -> Path:
    """`folder` holding a small file at each of `names` (sub-folders made as needed)."""
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(name.encode())
    return folder


def sources(files: list[InputFile]) -> list[str]:
    return [f.source for f in files]


def test_a_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    names = ["b.txt", "a/z.txt", "a/b/c.pdf", "a.txt", "c/d/e/f.html", "B.txt"]
    make(tmp_path / "in", *names)
    assert sources(discover([tmp_path / "in"])) == sorted(names)


def test_the_order_does_not_depend_on_the_order_files_were_made(tmp_path: Path) -> None:
    names = [f"{d}/{n}.txt" for d in ("x", "y", "x/z") for n in range(5)]
    walks = []
    for attempt in range(3):
        random.Random(attempt).shuffle(names)
        walks.append(sources(discover([make(tmp_path / str(attempt), *names)])))
    assert walks[0] == walks[1] == walks[2] == sorted(names)


def test_sources_are_relative_to_the_folder_and_paths_lead_to_the_files(tmp_path: Path) -> None:
    folder = make(tmp_path / "in", "sub/r.txt")
    [found] = discover([folder])
    assert found.source == "sub/r.txt"
    assert found.path.read_bytes() == b"sub/r.txt"
    assert found.skipped is None


def test_a_file_named_alone_is_its_name_several_are_as_given(tmp_path: Path) -> None:
    make(tmp_path, "one/a.txt", "two/b.txt")
    assert sources(discover([tmp_path / "one" / "a.txt"])) == ["a.txt"]
    both = [str(tmp_path / "two" / "b.txt"), str(tmp_path / "one" / "a.txt")]
    assert sources(discover(both)) == both  # in the order named


def test_inputs_keep_their_order_each_folder_sorted_within(tmp_path: Path) -> None:
    make(tmp_path, "f2/b.txt", "f2/a.txt", "f1/c.txt", "lone.txt")
    found = discover([tmp_path / "f2", tmp_path / "lone.txt", tmp_path / "f1"])
    assert sources(found) == ["a.txt", "b.txt", str(tmp_path / "lone.txt"), "c.txt"]


def test_hidden_files_and_folders_are_not_walked(tmp_path: Path) -> None:
    folder = make(tmp_path / "in", "r.txt", ".DS_Store", ".git/HEAD", ".out.parquet.x1.tmp")
    assert sources(discover([folder])) == ["r.txt"]


def test_a_hidden_file_named_is_read(tmp_path: Path) -> None:
    make(tmp_path, ".hidden.txt")
    assert sources(discover([tmp_path / ".hidden.txt"])) == [".hidden.txt"]


def test_excluded_files_are_left_out_by_identity_not_name(tmp_path: Path) -> None:
    folder = make(tmp_path / "in", "r.txt", "out.csv", "sub/out.csv")
    os.link(folder / "out.csv", folder / "hard-link.csv")
    (folder / "soft-link.csv").symlink_to(folder / "out.csv")
    found = discover([folder], exclude=[folder / "out.csv", tmp_path / "not-written-yet.json"])
    assert sources(found) == ["r.txt", "sub/out.csv"]


def test_an_excluded_file_named_is_left_out(tmp_path: Path) -> None:
    make(tmp_path, "r.txt")
    assert discover([tmp_path / "r.txt"], exclude=[str(tmp_path / "r.txt")]) == []


def test_a_link_out_of_the_folder_is_listed_as_skipped_unless_links_are_followed(
    tmp_path: Path,
) -> None:
    outside = make(tmp_path / "outside", "secret.txt", "deep/report.txt")
    folder = make(tmp_path / "in", "r.txt")
    (folder / "file-link.txt").symlink_to(outside / "secret.txt")
    (folder / "folder-link").symlink_to(outside, target_is_directory=True)
    found = {f.source: f.skipped for f in discover([folder])}
    assert found == {"r.txt": None, "file-link.txt": LINK_OUTSIDE, "folder-link": LINK_OUTSIDE}
    followed = discover([folder], follow_links=True)
    assert sources(followed) == [
        "file-link.txt", "folder-link/deep/report.txt", "folder-link/secret.txt", "r.txt",
    ]  # fmt: skip
    assert all(f.skipped is None for f in followed)
    assert {f.path.read_bytes() for f in followed} >= {b"secret.txt", b"deep/report.txt"}


def test_a_link_inside_the_folder_is_followed(tmp_path: Path) -> None:
    folder = make(tmp_path / "in", "a/r.txt")
    (folder / "alias.txt").symlink_to(folder / "a" / "r.txt")
    (folder / "b").symlink_to(folder / "a", target_is_directory=True)
    found = discover([folder])
    assert all(f.skipped is None for f in found)
    assert [f.path.read_bytes() for f in found if f.source == "alias.txt"] == [b"a/r.txt"]
    # The folder reached by two names is walked once, under one of them.
    assert len([f for f in found if f.source in ("a/r.txt", "b/r.txt")]) == 1


def test_a_folder_reached_by_two_names_is_walked_under_the_first_in_sorted_order(
    tmp_path: Path,
) -> None:
    found = []
    for i, (real, link) in enumerate([("a", "b"), ("b", "a"), ("x", "y"), ("y", "x")]):
        folder = make(tmp_path / str(i), f"{real}/r.txt")
        (folder / link).symlink_to(folder / real, target_is_directory=True)
        found.append(sources(discover([folder])))
    assert found == [["a/r.txt"], ["a/r.txt"], ["x/r.txt"], ["x/r.txt"]]


def test_a_file_named_is_read_wherever_its_link_leads(tmp_path: Path) -> None:
    make(tmp_path, "far/away.txt")
    (tmp_path / "near.txt").symlink_to(tmp_path / "far" / "away.txt")
    [found] = discover([tmp_path / "near.txt"])
    assert (found.source, found.skipped) == ("near.txt", None)


def test_a_folder_reached_twice_is_walked_once(tmp_path: Path) -> None:
    folder = make(tmp_path / "in", "sub/r.txt")
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "again").symlink_to(folder / "sub", target_is_directory=True)
    found = sources(discover([folder]))
    assert len(found) == 1 and found[0].endswith("r.txt")


def test_dangling_links_name_nothing(tmp_path: Path) -> None:
    folder = make(tmp_path / "in", "r.txt")
    (folder / "gone.pdf").symlink_to(tmp_path / "never-was.pdf")
    assert sources(discover([folder])) == ["r.txt"]


def test_a_fifo_in_a_folder_is_listed_as_skipped(tmp_path: Path) -> None:
    folder = make(tmp_path / "in", "r.txt")
    os.mkfifo(folder / "pipe.txt")
    found = {f.source: f.skipped for f in discover([folder])}
    assert found == {"pipe.txt": "not a regular file (a FIFO)", "r.txt": None}


def test_not_regular_names_the_kind_of_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    make(tmp_path, "plain.txt")
    assert not_regular(os.stat(tmp_path / "fifo")) == "not a regular file (a FIFO)"
    assert not_regular(os.stat(tmp_path / "plain.txt")) is None
    assert not_regular(os.stat("/dev/null")) == "not a regular file (a character device)"


def test_a_missing_input_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    make(tmp_path, "r.txt")
    with pytest.raises(UsageError, match=r"nope\.txt: no such file or folder") as caught:
        discover([tmp_path / "r.txt", tmp_path / "nope.txt"])
    assert isinstance(caught.value, NhthError)


def test_an_empty_folder_gives_no_files(tmp_path: Path) -> None:
    assert discover([tmp_path]) == []


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("café.txt", "café.txt"),
        (os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"),
        (os.fsdecode(b"\xff\xfe/r.txt"), "\\xff\\xfe/r.txt"),
        ("\udcff-lone", "\\xff-lone"),
        ("\ud800", "\\ud800"),  # a surrogate standing for no byte
    ],
)
def test_shown_name_is_always_valid_utf8(name: str, shown: str) -> None:
    assert shown_name(name) == shown
    shown_name(name).encode("utf-8")  # never raises


def test_names_that_are_not_utf8_are_found_and_shown_with_escapes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(b"bytes")
    [found] = discover([folder])
    assert found.source == "caf\\xe9.txt"
    assert found.source.encode("utf-8") == b"caf\\xe9.txt"
    assert found.path.read_bytes() == b"bytes"  # the path still leads to the file


def test_input_files_are_frozen_records(tmp_path: Path) -> None:
    [found] = discover([make(tmp_path, "r.txt")])
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.source = "other.txt"  # type: ignore[misc]
