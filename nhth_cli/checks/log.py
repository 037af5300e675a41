"""Findings of many reports, kept as the JSON the summary prints, in a spool file.

A conversion of 10,000 reports has about 330,000 findings; as Python objects they took about
140 MB. Each report's findings are encoded once, where the report was checked (a worker
process), and go to a spool file (memory up to `SPOOL_BYTES`, then a temporary file); what
stays in memory is their number and the findings that are no pass. The summary JSON copies
the encoded findings in output order; iterating a log decodes them again.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from ..errors import OutputError
from .report import Finding, ReportKey, decode_findings, encode_findings

SPOOL_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class ReportFindings:
    """One report's findings but duplicate_report, encoded: those about its rows, and those
    about its text (unread_numbers), which come after its duplicate_report finding."""

    key: ReportKey
    rows_json: bytes
    text_json: bytes
    checks: int
    notable: tuple[Finding, ...]  # the findings that are no pass, in order

    @classmethod
    def of(cls, key: ReportKey, rows: Sequence[Finding], text: Sequence[Finding]) -> ReportFindings:
        notable = tuple(f for f in (*rows, *text) if f.status != "pass")
        return cls(
            key, encode_findings(rows), encode_findings(text), len(rows) + len(text), notable
        )


class FindingLog(Sequence[Finding]):
    """Every finding of a run, in output order once `finish` has run: reports in the order
    given there, then the files without rows by source. Findings added twice under one key
    (two reports of one file that name the same jurisdiction, year and kind) stay together."""

    def __init__(self) -> None:
        self._spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        self._size = 0
        # key -> (offset of its rows' findings, their length, its text findings' length)
        self._where: dict[ReportKey, list[tuple[int, int, int]]] = {}
        self._notable: dict[ReportKey, tuple[Finding, ...]] = {}
        self._checks = 0
        self._order: list[ReportKey] = []
        self._duplicates: dict[ReportKey, Finding] = {}

    def add(self, found: ReportFindings) -> None:
        try:
            self._spool.seek(self._size)
            self._spool.write(found.rows_json)
            self._spool.write(found.text_json)
        except OSError as exc:  # the spool moved to a temporary file, and that failed
            where = tempfile.gettempdir()
            raise OutputError(
                f"{where}: cannot hold the findings in a temporary file: {exc.strerror or exc}"
            ) from None
        span = (self._size, len(found.rows_json), len(found.text_json))
        self._where.setdefault(found.key, []).append(span)
        self._size += len(found.rows_json) + len(found.text_json)
        self._checks += found.checks
        if found.notable:
            self._notable[found.key] = self._notable.get(found.key, ()) + found.notable

    def finish(self, order: Sequence[ReportKey], duplicates: dict[ReportKey, Finding]) -> None:
        """Reports with rows in output order, and duplicate_report's finding per report."""
        ranked = set(order)
        self._order = [*order, *sorted(s for s in self._where if s not in ranked)]
        self._duplicates = duplicates

    def __len__(self) -> int:
        return self._checks + len(self._duplicates)

    @property
    def notable(self) -> list[Finding]:
        """The findings that are no pass, in order."""
        out: list[Finding] = []
        for key in self._order:
            found = self._notable.get(key, ())
            rows = [f for f in found if f.check != "unread_numbers"]
            out += rows
            dup = self._duplicates.get(key)
            if dup is not None and dup.status != "pass":
                out.append(dup)
            out += [f for f in found if f.check == "unread_numbers"]
        return out

    def pieces(self) -> Iterator[bytes]:
        """Each report's encoded findings, in order (join them with SEPARATOR)."""
        for key in self._order:
            spans = self._where.get(key, [])
            held = []
            for offset, rows, text in spans:
                self._spool.seek(offset)
                held.append((rows, self._spool.read(rows + text)))
            for rows, data in held:
                if rows:
                    yield data[:rows]
            dup = self._duplicates.get(key)
            if dup is not None:
                yield encode_findings([dup])
            for rows, data in held:
                if len(data) > rows:
                    yield data[rows:]

    def __iter__(self) -> Iterator[Finding]:
        for piece in self.pieces():
            yield from decode_findings(piece)

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Finding]: ...
    def __getitem__(self, index: int | slice) -> Finding | Sequence[Finding]:
        return list(self)[index]  # decodes them all: for the odd look, not for a loop

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]
