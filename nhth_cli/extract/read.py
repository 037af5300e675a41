"""The only place input files are read from disk."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Given a path, its bytes; a file over max_bytes or an unreadable one is an InputError."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"file is {size:,} bytes, over the limit of {max_bytes:,} (--max-size)"
            )
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("file vanished before it could be read") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(f"file grew over the limit of {max_bytes:,} bytes while being read")
    return data
