"""The validation summary (SPEC.md, Validation): the file entries, every finding and the counts,
and its JSON, written a piece at a time."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from ..version import __version__
from .log import Findings
from .report import FileSummary, Finding

_encode = json.JSONEncoder(ensure_ascii=False).encode  # one value on one line (C encoder)
SEPARATOR = b",\n    "  # between the items of the summary JSON's lists, an item a line


@dataclass(frozen=True)
class ValidationReport:
    """A run's validation: its file entries, every finding (held as log.py says: only those
    that are no pass in memory) and its rows; the verdict, counts and exit status."""

    files: tuple[FileSummary, ...]
    findings: Findings  # every finding in order
    rows: int

    @property
    def notable(self) -> tuple[Finding, ...]:
        """The findings that are no pass, in order."""
        return tuple(self.findings.notable)

    @property
    def failed(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.notable if f.status == "fail")

    @property
    def errors(self) -> tuple[FileSummary, ...]:
        return tuple(f for f in self.files if f.status == "error")

    @property
    def valid(self) -> bool:
        return not self.failed and not self.errors

    @property
    def exit_code(self) -> int:
        """0 all good; 1 a check failed or a file could not be read; 2 nothing usable (no rows)."""
        if self.rows == 0:
            return 2
        return 0 if self.valid else 1

    def summary(self) -> dict[str, int]:
        count = {
            s: sum(1 for f in self.files if f.status == s) for s in ("parsed", "skipped", "error")
        }
        notable = self.notable
        return {
            "files": len(self.files),
            "parsed": count["parsed"],
            "skipped": count["skipped"],
            "errors": count["error"],
            "rows": self.rows,
            "checks": len(self.findings),
            "failed": sum(1 for f in notable if f.status == "fail"),
            "warnings": sum(1 for f in notable if f.status == "warn"),
        }

    def write_json(self, fh: IO[bytes]) -> None:
        """The summary JSON to `fh`: the version and verdict, the files an entry a line, the
        findings a report's findings a line or so (copied as encoded, see log.py), then the
        counts; indented by two spaces like `json.dumps(..., indent=2)`. Each piece is encoded
        on its own with the C encoder, and written as it is made: the JSON is never held
        whole."""
        head = f'{{\n  "nhth_version": {_encode(__version__)},\n  "valid": {_encode(self.valid)},'
        fh.write(_utf8(head + '\n  "files": '))
        _write_list(fh, (_utf8(_encode(f.to_dict())) for f in self.files))
        fh.write(b',\n  "findings": ')
        _write_list(fh, self.findings.pieces())
        counts = ",".join(f"\n    {_encode(k)}: {_encode(v)}" for k, v in self.summary().items())
        fh.write(_utf8(f',\n  "summary": {{{counts}\n  }}\n}}\n'))

    def to_json(self) -> bytes:
        """The summary JSON (`write_json`) as bytes."""
        buffer = io.BytesIO()
        self.write_json(buffer)
        return buffer.getvalue()


def _utf8(text: str) -> bytes:
    # A name with surrogate escapes (not UTF-8) comes out escaped, never as an error.
    return text.encode("utf-8", "backslashreplace")


def _write_list(fh: IO[bytes], items: Iterable[bytes]) -> None:
    """A JSON list of encoded items, an item a line (`[]` when there is none)."""
    start = b"[\n    "
    sep = start
    for item in items:
        fh.write(sep + item)
        sep = SEPARATOR
    fh.write(b"[]" if sep is start else b"\n  ]")
