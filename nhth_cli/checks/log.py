"""Findings of many reports, held until the summary is written: as the JSON the summary prints
them as, in a spool file, and the findings that are no pass in memory.

A conversion of 10,000 reports has about 330,000 findings, nearly all passes; as Python
objects they took about 140 MB. Each report's findings are encoded once, where the report was
checked (a worker process), and go to a spool file (memory up to `SPOOL_BYTES`, then a
temporary file); what stays in memory is their number and the findings that are no pass.
Reports arrive in any order; the summary lists them in output order, which is known once every
report is in (`FindingSpool.ordered`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..errors import OutputError
from .report import Finding, ReportKey, decode_findings, encode_findings

SPOOL_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class ReportFindings:
    """One report's findings but duplicate_report, encoded: those before its duplicate_report
    finding (its pages and rows), and those after it (its text: unread_numbers)."""

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


class FindingSpool:
    """Reports' findings as they arrive: encoded in a spool file, the findings that are no pass
    and the count in memory. Findings added twice under one key (two reports of one file that
    name the same jurisdiction, year and kind) stay together, in the order added."""

    def __init__(self) -> None:
        self._file = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        self._size = 0
        # key -> (offset of its rows' findings, their length, its text findings' length)
        self._where: dict[ReportKey, list[tuple[int, int, int]]] = {}
        self._notable: dict[ReportKey, tuple[Finding, ...]] = {}
        self.checks = 0  # findings added

    def add(self, found: ReportFindings) -> None:
        try:
            self._file.seek(self._size)
            self._file.write(found.rows_json)
            self._file.write(found.text_json)
        except OSError as exc:  # the spool moved to a temporary file, and that failed
            where = tempfile.gettempdir()
            raise OutputError(
                f"{where}: cannot hold the findings in a temporary file: {exc.strerror or exc}"
            ) from None
        span = (self._size, len(found.rows_json), len(found.text_json))
        self._where.setdefault(found.key, []).append(span)
        self._size += len(found.rows_json) + len(found.text_json)
        self.checks += found.checks
        if found.notable:
            self._notable[found.key] = self._notable.get(found.key, ()) + found.notable

    def keys(self) -> list[ReportKey]:
        """Every report's key, in the order they were first added."""
        return list(self._where)

    def notable(self, key: ReportKey) -> tuple[Finding, ...]:
        """A report's findings that are no pass, in order."""
        return self._notable.get(key, ())

    def read(self, key: ReportKey) -> list[tuple[bytes, bytes]]:
        """A report's encoded findings, (rows, text) per time it was added."""
        out = []
        for offset, rows, text in self._where.get(key, []):
            self._file.seek(offset)
            data = self._file.read(rows + text)
            out.append((data[:rows], data[rows:]))
        return out

    def ordered(
        self, order: Sequence[ReportKey], duplicates: Mapping[ReportKey, Finding]
    ) -> Findings:
        """Every finding in output order: the reports with rows in `order`, then the reports
        without rows by key; each report's duplicate_report finding (`duplicates`) after its
        rows' findings and before its text's."""
        ranked = set(order)
        rest = sorted(k for k in self._where if k not in ranked)
        return Findings(self, (*order, *rest), dict(duplicates))


@dataclass(frozen=True, eq=False)
class Findings:
    """Every finding of a run, in output order (`FindingSpool.ordered`): counted, iterated
    (decoded from the spool a report at a time), and copied into the summary JSON piece by
    piece, as encoded."""

    spool: FindingSpool
    order: tuple[ReportKey, ...]
    duplicates: dict[ReportKey, Finding]

    def __len__(self) -> int:
        return self.spool.checks + len(self.duplicates)

    @property
    def notable(self) -> list[Finding]:
        """The findings that are no pass, in order."""
        out: list[Finding] = []
        for key in self.order:
            found = self.spool.notable(key)
            out += [f for f in found if f.check != "unread_numbers"]
            dup = self.duplicates.get(key)
            if dup is not None and dup.status != "pass":
                out.append(dup)
            out += [f for f in found if f.check == "unread_numbers"]
        return out

    def pieces(self) -> Iterator[bytes]:
        """Each report's encoded findings, in order: one piece for its rows' findings, one for
        its duplicate_report finding, one for its text's (the summary JSON puts each on a
        line of its own)."""
        for key in self.order:
            held = self.spool.read(key)
            yield from (rows for rows, _ in held if rows)
            dup = self.duplicates.get(key)
            if dup is not None:
                yield encode_findings([dup])
            yield from (text for _, text in held if text)

    def __iter__(self) -> Iterator[Finding]:
        for piece in self.pieces():
            yield from decode_findings(piece)
