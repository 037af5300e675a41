"""Findings and the validation summary (SPEC.md, Validation): records, not exceptions."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from itertools import groupby
from typing import Any, Literal, Protocol

from ..records import FileResult, UnreadNumber
from ..version import __version__

Status = Literal["pass", "fail", "warn"]
# Which report findings are about: (source, jurisdiction, year, report), "" and 0 where not
# known (a file skipped or not read). A file of several reports has one key per report.
ReportKey = tuple[str, str, int, str]


@dataclass(frozen=True, slots=True)
class Finding:
    check: str
    status: Status
    source: str | None
    jurisdiction: str | None
    year: int | None
    table: str | None
    expected: float | int | str | None
    actual: float | int | str | None
    message: str
    line: int | None = None  # the line of the row the finding is about, when it is one row


@dataclass(frozen=True)
class FileSummary:
    """One entry of the summary's `files` list."""

    source: str
    sha256: str | None
    status: str
    report: str | None = None
    jurisdiction: str | None = None
    year: int | None = None
    rows: int = 0
    reason: str | None = None
    warnings: tuple[str, ...] = ()
    nationwide_signals: int | None = None
    call_volume_rank: int | None = None
    unread: tuple[UnreadNumber, ...] = field(default=(), repr=False)
    # False when the entry was rebuilt from converted rows: the text, so its unread numbers,
    # unknown.
    text_read: bool = field(default=True, repr=False)

    @classmethod
    def of(cls, result: FileResult) -> FileSummary:
        rep = result.report
        if rep is None:
            return cls(result.source, result.sha256, result.status, reason=result.reason)
        return cls(
            result.source, result.sha256, result.status, rep.report, rep.jurisdiction.name,
            rep.period.year, result.rows, result.reason, rep.warnings,
            rep.nationwide_signals, rep.call_volume_rank, rep.unread,
        )  # fmt: skip

    @property
    def key(self) -> ReportKey:
        return (self.source, self.jurisdiction or "", self.year or 0, self.report or "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "sha256": self.sha256, "status": self.status,
            "report": self.report, "jurisdiction": self.jurisdiction, "year": self.year,
            "rows": self.rows, "reason": self.reason, "warnings": list(self.warnings),
            "nationwide_signals": self.nationwide_signals,
            "call_volume_rank": self.call_volume_rank,
        }  # fmt: skip


SEPARATOR = ",\n    "  # between pieces of the summary JSON's lists: a report's findings a line
# encode_findings writes these keys in this order.
assert tuple(f.name for f in fields(Finding)) == (
    "check", "status", "source", "jurisdiction", "year", "table", "expected", "actual",
    "message", "line",
)  # fmt: skip
_encode = json.JSONEncoder(ensure_ascii=False).encode


def encode_findings(findings: Sequence[Finding]) -> bytes:
    """Findings as the summary JSON lists them: one C encoder call for all of them, so the
    findings of one report (or one piece) share a line, separated by ", "."""
    if not findings:
        return b""
    listed = _encode(
        [
            {
                "check": f.check, "status": f.status, "source": f.source,
                "jurisdiction": f.jurisdiction, "year": f.year, "table": f.table,
                "expected": f.expected, "actual": f.actual, "message": f.message, "line": f.line,
            }
            for f in findings
        ]
    )  # fmt: skip
    # A name with surrogate escapes (not UTF-8) comes out escaped, never as an error.
    return listed[1:-1].encode("utf-8", "backslashreplace")  # without the list's brackets


def decode_findings(data: bytes) -> list[Finding]:
    if not data:
        return []
    return [Finding(**d) for d in json.loads(b"[" + data + b"]")]


class FindingLogLike(Protocol):
    """Findings held encoded (checks.log.FindingLog): counted, iterated, and copied into the
    summary JSON piece by piece."""

    @property
    def notable(self) -> list[Finding]: ...

    def pieces(self) -> Iterator[bytes]: ...

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Finding]: ...


@dataclass(frozen=True)
class ValidationReport:
    files: tuple[FileSummary, ...]
    # Every finding in order: a tuple, or a FindingLog (checks/log.py), which holds them encoded.
    findings: tuple[Finding, ...] | FindingLogLike
    rows: int

    @property
    def notable(self) -> tuple[Finding, ...]:
        """The findings that are no pass, in order."""
        if isinstance(self.findings, tuple):
            return tuple(f for f in self.findings if f.status != "pass")
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "nhth_version": __version__,
            "valid": self.valid,
            "files": [f.to_dict() for f in self.files],
            "findings": [asdict(f) for f in self.findings],
            "summary": self.summary(),
        }

    def to_json(self) -> bytes:
        return b"".join(self.json_chunks())

    def json_chunks(self) -> Iterator[bytes]:
        """The summary JSON in pieces, one file a line and each report's findings on a line or
        so, so that it is never held whole. json.dumps(indent=...) runs the pure-Python encoder;
        files and findings are encoded by the C encoder instead (the same JSON value)."""
        head = {
            "nhth_version": __version__,
            "valid": self.valid,
            "files": [],
            "findings": [],
            "summary": self.summary(),
        }
        text = json.dumps(head, indent=2, ensure_ascii=False)
        start, rest = text.split('"files": []', 1)
        between, after = rest.split('"findings": []', 1)
        encode = json.JSONEncoder(ensure_ascii=False).encode
        files = SEPARATOR.join(encode(f.to_dict()) for f in self.files)
        before = start + '"files": ' + (f"[\n    {files}\n  ]" if files else "[]") + between
        if isinstance(self.findings, tuple):
            by_source = groupby(self.findings, key=lambda f: f.source)
            pieces: Iterator[bytes] = (encode_findings(list(found)) for _, found in by_source)
        else:
            pieces = self.findings.pieces()
        yield (before + '"findings": [').encode("utf-8", "backslashreplace")  # names: see log.py
        sep = b"\n    "
        for piece in pieces:
            yield sep + piece
            sep = SEPARATOR.encode()
        yield ("\n  ]" if self.findings else "]").encode() + (after + "\n").encode()
