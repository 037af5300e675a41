"""What nhth saw in one document: kind, jurisdiction, period, tables, warnings, loose lines.

`nhth inspect FILE` renders this; it is how a new layout is debugged. The file goes through the
same code as `nhth convert` (pipeline.convert_file), so what is shown is what would be written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .discover import InputFile
from .errors import UsageError
from .layouts import table_spec
from .records import (
    Cell,
    FileResult,
    FileStatus,
    Jurisdiction,
    LooseLine,
    Period,
    Settings,
    UnreadNumber,
)
from .tables import BY_ID, TableSpec


@dataclass(frozen=True)
class InspectedTable:
    """One table of the document, its cells in printed order."""

    id: str
    cells: tuple[Cell, ...]
    kind: str | None = None  # the report kind: its layout's table of this id

    @property
    def spec(self) -> TableSpec | None:
        return table_spec(self.kind, self.id) if self.kind else BY_ID.get(self.id)

    @property
    def known(self) -> bool:
        """Whether the id is in the table vocabulary (else it came from an unknown heading)."""
        return self.spec is not None

    @property
    def heading(self) -> str | None:
        spec = self.spec
        return spec.heading if spec else None

    @property
    def cumulative(self) -> bool | None:
        spec = self.spec
        return spec.cumulative if spec else None


@dataclass(frozen=True)
class Inspection:
    """Everything nhth read from one file, or why it read nothing."""

    source: str
    status: FileStatus
    reason: str | None
    sha256: str | None
    kind: str | None
    jurisdiction: Jurisdiction | None
    period: Period | None
    tables: tuple[InspectedTable, ...]
    warnings: tuple[str, ...]
    loose_lines: tuple[LooseLine, ...]
    nationwide_signals: int | None = None
    call_volume_rank: int | None = None
    unread: tuple[UnreadNumber, ...] = ()
    # (table, what): rows the layout prints in every document that this one lacks.
    missing: tuple[tuple[str, str], ...] = ()

    @property
    def year(self) -> int | None:
        return self.period.year if self.period else None

    @property
    def rows(self) -> int:
        return sum(len(t.cells) for t in self.tables)

    def table(self, table_id: str) -> InspectedTable | None:
        return next((t for t in self.tables if t.id == table_id), None)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values: dates as ISO strings."""
        return {
            "source": self.source,
            "status": self.status,
            "reason": self.reason,
            "sha256": self.sha256,
            "report": self.kind,
            "jurisdiction": self.jurisdiction.name if self.jurisdiction else None,
            "jurisdiction_code": self.jurisdiction.code if self.jurisdiction else None,
            "year": self.year,
            "period_start": self.period.start.isoformat() if self.period else None,
            "period_end": self.period.end.isoformat() if self.period else None,
            "nationwide_signals": self.nationwide_signals,
            "call_volume_rank": self.call_volume_rank,
            "rows": self.rows,
            "tables": [
                {
                    "table": t.id,
                    "known": t.known,
                    "heading": t.heading,
                    "cumulative": t.cumulative,
                    "rows": [
                        {
                            "category": c.category,
                            "parent": c.parent,
                            "count": c.count,
                            "pct": c.pct,
                            "suppressed": c.suppressed,
                            "is_total": c.is_total,
                            "count_min": c.count_min,
                            "count_max": c.count_max,
                            "line": c.line,
                            "page": c.page,
                        }
                        for c in t.cells
                    ],
                }
                for t in self.tables
            ],
            "warnings": list(self.warnings),
            "loose_lines": [
                {"line": ll.line, "page": ll.page, "text": ll.text} for ll in self.loose_lines
            ],
            "unread_numbers": [
                {
                    "line": n.line,
                    "page": n.page,
                    "text": n.text,
                    "kind": n.kind,
                    "context": n.context,
                }
                for n in self.unread
            ],
            "missing": [{"table": table, "row": what} for table, what in self.missing],
        }


def group_tables(cells: tuple[Cell, ...], kind: str | None = None) -> tuple[InspectedTable, ...]:
    """Cells grouped by table, tables in the order they first appear."""
    grouped: dict[str, list[Cell]] = {}
    for cell in cells:
        grouped.setdefault(cell.table, []).append(cell)
    return tuple(InspectedTable(table_id, tuple(rows), kind) for table_id, rows in grouped.items())


def from_result(result: FileResult) -> Inspection:
    """Given one file's conversion result, its inspection."""
    rep = result.report
    if rep is None:
        return Inspection(
            result.source, result.status, result.reason, result.sha256, result.kind,
            None, None, (), (), (),
        )  # fmt: skip
    return Inspection(
        result.source, result.status, result.reason, result.sha256, rep.report,
        rep.jurisdiction, rep.period, group_tables(rep.cells, rep.report), rep.warnings,
        rep.loose_lines, rep.nationwide_signals, rep.call_volume_rank, rep.unread, rep.missing,
    )  # fmt: skip


def inspect_reports(
    path: str | os.PathLike[str], settings: Settings | None = None
) -> tuple[Inspection, ...]:
    """Given one file (a PDF, HTML page or text), what nhth reads from each report it holds, in
    the order it prints them (a merged file holds several; a file that holds none, one entry
    saying why).

    Raises UsageError when the path does not exist or is a folder.
    """
    from .pipeline import DEFAULT_SETTINGS, convert_file

    settings = settings or DEFAULT_SETTINGS
    target = Path(path)
    if not target.exists():
        raise UsageError(f"{path}: no such file")
    if target.is_dir():
        raise UsageError(f"{path}: is a folder; inspect reads one file")
    return tuple(map(from_result, convert_file(InputFile(target, os.fspath(path)), settings)))


def inspect_file(path: str | os.PathLike[str], settings: Settings | None = None) -> Inspection:
    """Given one file, what nhth reads from its first report read (inspect_reports gives
    every report of a merged file).

    Raises UsageError when the path does not exist or is a folder.
    """
    found = inspect_reports(path, settings)
    return next((r for r in found if r.status == "parsed"), found[0])
