"""Findings and file entries (SPEC.md, Validation): records, not exceptions, and the JSON the
summary prints them as."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from ..records import FileResult, UnreadNumber

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
    # A PDF's pages that gave no text (unreadable_pages); None for a file that is no PDF, or
    # an entry rebuilt from converted rows.
    empty_pages: tuple[int, ...] | None = field(default=None, repr=False)
    # (table, what) the layout prints in every document and this one lacks (ParsedReport).
    missing: tuple[tuple[str, str], ...] = field(default=(), repr=False)

    @classmethod
    def of(cls, result: FileResult) -> FileSummary:
        rep = result.report
        if rep is None:
            return cls(result.source, result.sha256, result.status, reason=result.reason)
        return cls(
            result.source, result.sha256, result.status, rep.report, rep.jurisdiction.name,
            rep.period.year, result.rows, result.reason, rep.warnings,
            rep.nationwide_signals, rep.call_volume_rank, rep.unread,
            empty_pages=result.empty_pages, missing=rep.missing,
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
