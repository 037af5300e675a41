"""complete_table: a table of a known layout has every row that layout always prints.

The sums find a row missing from a table that totals, but not the table's Total row itself,
nor a row of a non-cumulative table (the 2016 report's victim demographics, whose counts do
not add up). The layout says which tables always print a Total row and which always print each
of their labels, and which rows are the only ones at the top of a nested table
(TableSpec.printed_total, fixed_rows, parents); a table read without one of them is not
complete, whatever its arithmetic says (venues under a lost `Sex` row still add up).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..layouts import is_national, table_spec, tables_of
from ..normalize.labels import NO_HEADING, fold
from .frame import CheckedRow, Frame, Group, finding
from .report import FileSummary, Finding


def complete_table(frame: Frame) -> list[Finding]:
    """Per table whose layout says what it always prints: a pass, or a failure naming what
    is missing."""
    out: list[Finding] = []
    for table, g in frame.groups.items():
        spec = table_spec(frame.source.report, table)
        if spec is None or not (
            spec.printed_total
            or spec.fixed_rows
            or spec.parents
            or spec.printed_with
            or spec.parent_of
        ):
            continue
        rows = frame.rows[table]
        missing: list[str] = []
        if spec.printed_total and not any(r.is_total for r in rows):
            missing.append("Total")
        if spec.fixed_rows:
            printed = {fold(r.category) for r in rows}
            missing += [label for label in spec.labels if fold(label) not in printed]
        if spec.parents:
            parents = {fold(p) for p in spec.parents}
            missing += [
                f"the parent of {r.category!r}"
                for r in rows
                if r.parent is None and not r.is_total and fold(r.category) not in parents
            ]
        if spec.parent_of:
            parent_of = {fold(label): parent for label, parent in spec.parent_of}
            missing += [
                f"{r.category!r} under {parent_of[fold(r.category)]!r} (read under {r.parent!r})"
                for r in rows
                if fold(r.category) in parent_of and r.parent != parent_of[fold(r.category)]
            ]
        with_children = {r.parent for r in rows if r.parent is not None}
        missing += [
            f"the rows under {r.category!r}"
            for r in rows
            if r.parent is None
            and r.category in spec.broken_down
            and r.category not in with_children
        ]
        missing += [
            f"{category!r} (printed with {other})"
            for category, other in spec.printed_with
            if other in frame.groups and fold(category) not in {fold(r.category) for r in rows}
        ]
        if missing:
            out.append(
                finding(
                    g,
                    "complete_table",
                    "fail",
                    len(missing),
                    0,
                    f"rows this table always prints were not read: {', '.join(missing)}",
                )
            )
        else:
            out.append(
                finding(g, "complete_table", "pass", 0, 0, "every row it always prints is read")
            )
    out += absent_tables(frame)
    out += misplaced_rows(frame)
    return out


# Text no row label holds: a column heading, the report's banner, a link.
_FOREIGN_TEXT = re.compile(r"[#%]\s*OF\s|HOTLINE\s+DATA\s+REPORT|://", re.I)
# A label that is one phrase twice ("Student Student"): a line printed again, joined to itself.
_TWICE = re.compile(r"(?P<phrase>\S.*?)\s+(?P=phrase)", re.I)
_GLUED_MARK = re.compile(r"(?<=[A-Za-z])\d{1,2}(?=\s|$)")  # "Times1": a footnote mark


def misplaced_rows(frame: Frame) -> list[Finding]:
    """Rows in no right cell, each kind a failure: rows read under no heading, rows without
    their label, labels that hold other text of the page, and labels a table prints once read
    twice in it (two tables read as one when the heading between them was lost; not in the
    national table, whose rows repeat their labels state by state)."""
    national = is_national(frame.source.report)
    out: list[Finding] = []
    for table, g in frame.groups.items():
        rows = frame.rows[table]
        if table == NO_HEADING:
            message = (
                f"{len(rows)} rows read under no table heading: which table they belong to is lost"
            )
            out.append(finding(g, "complete_table", "fail", 0, len(rows), message))
        out += _unlabelled(g, rows) + _foreign_labels(g, rows)
        if not national and table != NO_HEADING:
            out += _repeated_labels(g, rows)
    return out


def _unlabelled(g: Group, rows: Sequence[CheckedRow]) -> list[Finding]:
    n = sum(1 for r in rows if not r.category.strip())
    message = f"{n} rows read without their label: which row each is is lost"
    return [finding(g, "complete_table", "fail", 0, n, message)] if n else []


def _foreign_labels(g: Group, rows: Sequence[CheckedRow]) -> list[Finding]:
    return [
        finding(
            g, "complete_table", "fail", None, r.category,
            f"{r.category!r}: a label that holds other text of the page (a column heading, "
            "the banner, a link, or itself twice): a line break was lost around it",
            line=r.line,
        )
        for r in rows
        if _FOREIGN_TEXT.search(r.category)
        or _TWICE.fullmatch(_GLUED_MARK.sub("", r.category).strip())
    ]  # fmt: skip


def _repeated_labels(g: Group, rows: Sequence[CheckedRow]) -> list[Finding]:
    seen = Counter((r.parent, fold(r.category)) for r in rows)
    twice = list(dict.fromkeys(r.category for r in rows if seen[r.parent, fold(r.category)] > 1))
    message = f"labels read more than once: {', '.join(twice)} (two tables read as one?)"
    return [finding(g, "complete_table", "fail", 1, 2, message)] if twice else []


def absent_tables(frame: Frame) -> list[Finding]:
    """A table the layout prints in every report, or whenever another is in the report, when
    it was not read."""
    out: list[Finding] = []
    for spec in tables_of(frame.source.report):
        if spec.id in frame.groups or not frame.groups:
            continue
        present = [(c, t) for c, t in spec.printed_with if t in frame.groups]
        if spec.always_printed:
            why, expected = "the layout prints it in every report", 1
        elif present:
            needed = sorted({f"{c!r} (printed with {t})" for c, t in present})
            why, expected = f"it always prints {', '.join(needed)}", len(needed)
        else:
            continue
        where = frame.groups[present[0][1]] if present else next(iter(frame.groups.values()))
        out.append(
            Finding(
                "complete_table",
                "fail",
                where.source,
                where.jurisdiction,
                where.year,
                spec.id,
                expected,
                0,
                f"table {spec.id} was not read; {why}",
            )
        )
    return out


def missing_rows(entry: FileSummary) -> list[Finding]:
    """What the layout prints in every document and the parser found this one lacks (a state
    of the national table): a failure per table. Rows read back from a file carry no such
    knowledge: nothing then."""
    by_table: dict[str, list[str]] = {}
    for table, what in entry.missing:
        by_table.setdefault(table, []).append(what)
    return [
        Finding(
            "complete_table",
            "fail",
            entry.source,
            entry.jurisdiction,
            entry.year,
            table,
            len(missed),
            0,
            f"rows this table always prints were not read: {', '.join(missed)}",
        )
        for table, missed in by_table.items()
    ]
