"""Findings and the validation summary (SPEC.md, Validation): records, not exceptions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

from .. import __version__
from ..records import FileResult, LooseLine

Status = Literal["pass", "fail", "warn"]


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


_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


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
    loose_lines: tuple[LooseLine, ...] = field(default=(), repr=False)
    # False when the entry was rebuilt from converted rows: the text, so its loose lines, unknown.
    text_read: bool = field(default=True, repr=False)

    @classmethod
    def of(cls, result: FileResult) -> FileSummary:
        rep = result.report
        if rep is None:
            return cls(result.source, result.sha256, result.status, reason=result.reason)
        return cls(
            result.source, result.sha256, result.status, rep.report, rep.jurisdiction.name,
            rep.period.year, result.rows, result.reason, rep.warnings,
            rep.nationwide_signals, rep.call_volume_rank, rep.loose_lines,
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["warnings"] = list(self.warnings)
        del d["loose_lines"], d["text_read"]
        return d


@dataclass(frozen=True)
class ValidationReport:
    files: tuple[FileSummary, ...]
    findings: tuple[Finding, ...]
    rows: int

    @property
    def failed(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == "fail")

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
        return {
            "files": len(self.files),
            "parsed": count["parsed"],
            "skipped": count["skipped"],
            "errors": count["error"],
            "rows": self.rows,
            "checks": len(self.findings),
            "failed": len(self.failed),
            "warnings": sum(1 for f in self.findings if f.status == "warn"),
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

    def json_chunks(self, step: int = 4096) -> Iterator[bytes]:
        """The summary JSON in pieces of `step` findings, one finding per line, so that it is
        never held whole. json.dumps(indent=...) runs the pure-Python encoder; each finding is
        encoded by the C encoder instead (the same JSON value)."""
        encode = json.JSONEncoder(ensure_ascii=False).encode
        head = {
            "nhth_version": __version__,
            "valid": self.valid,
            "files": [f.to_dict() for f in self.files],
            "findings": [],
            "summary": self.summary(),
        }
        before, after = json.dumps(head, indent=2, ensure_ascii=False).split('"findings": []', 1)
        findings = self.findings
        yield (before + '"findings": ' + ("[\n    " if findings else "[]")).encode()
        for start in range(0, len(findings), step):
            rows = ",\n    ".join(
                encode(dict(zip(_FINDING_FIELDS, [getattr(f, n) for n in _FINDING_FIELDS],
                                strict=True)))
                for f in findings[start : start + step]
            )  # fmt: skip
            yield ((",\n    " if start else "") + rows).encode()
        yield (("\n  ]" if findings else "") + after + "\n").encode()
