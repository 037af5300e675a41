"""Given the inputs a user named, the files to convert, each with its `source` name."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError

# Why a link that leads out of the folder walked is listed but not read.
LINK_OUTSIDE = "symbolic link to a place outside the input folder; not followed (--follow-links)"


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    source: str  # relative to the folder given; the path as given for a named file
    # Why the file is listed but not read (a link out of the folder, a FIFO): it is skipped.
    skipped: str | None = None


def shown_name(name: str) -> str:
    """A file name as text that is always valid UTF-8.

    Python holds the bytes of a name that is not UTF-8 as lone surrogates (surrogateescape),
    which no UTF-8 writer accepts: each such byte is shown as `\\xNN` instead
    (`caf\\xe9.txt`). A UTF-8 name is returned as it is."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a surrogate that stands for no byte
            return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return name


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
    ):  # fmt: skip
        if test(mode):
            return name
    return "a special file"


def not_regular(st: os.stat_result) -> str | None:
    """Why a file is not read as a report when it is no regular file; None when it is one."""
    if stat.S_ISREG(st.st_mode):
        return None
    return f"not a regular file ({_kind(st.st_mode)})"


# A file as the file system knows it (device, inode): the same file under any name or link.
_FileId = tuple[int, int]


def _inside(target: str, root: str) -> bool:
    return target == root or os.path.commonpath([target, root]) == root


def _walk(root: Path, exclude: frozenset[_FileId], follow_links: bool) -> Iterable[InputFile]:
    seen: set[_FileId] = set()
    stack = [root]
    found: list[InputFile] = []
    real_root = os.path.realpath(root)
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
            # By name: a folder reached under two names is walked under the first (its files'
            # `source` must not depend on the order the file system lists them in).
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        # A link back to a folder already walked (a loop, or two links to one place) is skipped.
        if _file_id(st) in seen:
            continue
        seen.add(_file_id(st))
        folders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders: .git, .DS_Store, editors' temp files
            path = Path(entry.path)
            source = shown_name(path.relative_to(root).as_posix())
            try:
                if entry.is_symlink():
                    if not os.path.exists(path):
                        continue  # a dangling link names nothing to read
                    if not follow_links and not _inside(os.path.realpath(path), real_root):
                        found.append(InputFile(path, source, LINK_OUTSIDE))
                        continue
                if entry.is_dir():
                    folders.append(path)
                    continue
                target = entry.stat()
                if exclude and _file_id(target) in exclude:
                    continue
                found.append(InputFile(path, source, not_regular(target)))
            except OSError:
                continue
        stack += reversed(folders)  # the first by name is walked next
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
    follow_links: bool = False,
) -> list[InputFile]:
    """Folders are walked recursively in sorted order; files are taken as named.

    In a folder, a symbolic link that leads outside it is listed as skipped, unless
    `follow_links`; a link inside it is followed. A file named is read wherever it leads.
    Raises UsageError when an input does not exist.
    """
    skip = _existing_ids(exclude)
    files: list[InputFile] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            files.extend(_walk(path, skip, follow_links))
        elif path.exists():
            if not skip or _file_id(path.stat()) not in skip:
                name = path.name if len(inputs) == 1 else str(raw)
                files.append(InputFile(path, shown_name(name)))
        else:
            raise UsageError(f"{shown_name(str(raw))}: no such file or folder")
    return files
