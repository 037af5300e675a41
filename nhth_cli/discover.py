"""Given the inputs a user named, the files to convert, each with its `source` name."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    source: str  # relative to the folder given; the path as given for a named file


# A file as the file system knows it (device, inode): the same file under any name or link.
_FileId = tuple[int, int]


def _walk(root: Path, exclude: frozenset[_FileId], follow_symlinks: bool) -> Iterable[InputFile]:
    seen: set[_FileId] = set()
    stack = [root]
    found: list[InputFile] = []
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
            entries = list(os.scandir(folder))
        except OSError:
            continue
        # A link back to a folder already walked (a loop, or two links to one place) is skipped.
        if _file_id(st) in seen:
            continue
        seen.add(_file_id(st))
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders: .git, .DS_Store, editors' temp files
            path = Path(entry.path)
            try:
                is_link = entry.is_symlink()
                if is_link and not follow_symlinks:
                    continue
                if entry.is_dir():
                    stack.append(path)
                elif entry.is_file():
                    if exclude and _file_id(entry.stat()) in exclude:
                        continue
                    found.append(InputFile(path, path.relative_to(root).as_posix()))
            except OSError:
                continue
    return sorted(found, key=lambda f: f.source)


def _file_id(st: os.stat_result) -> _FileId:
    return st.st_dev, st.st_ino


def _existing_ids(paths: Iterable[str | os.PathLike[str]]) -> frozenset[_FileId]:
    """The files among `paths` that exist (one that does not yet exist matches no input)."""
    ids = set()
    for p in paths:
        try:
            ids.add(_file_id(os.stat(p)))
        except OSError:
            continue
    return frozenset(ids)


def discover(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    exclude: Iterable[str | os.PathLike[str]] = (),
    follow_symlinks: bool = True,
) -> list[InputFile]:
    """Folders are walked recursively in sorted order; files are taken as named.

    Raises UsageError when an input does not exist.
    """
    skip = _existing_ids(exclude)
    files: list[InputFile] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            files.extend(_walk(path, skip, follow_symlinks))
        elif path.exists():
            if not skip or _file_id(path.stat()) not in skip:
                files.append(InputFile(path, path.name if len(inputs) == 1 else str(raw)))
        else:
            raise UsageError(f"{raw}: no such file or folder")
    return files
