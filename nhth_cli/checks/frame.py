"""What the checks read: one report's rows, grouped by table, with each table's role and base.

The checks run one report at a time, in plain Python: a report has a few dozen rows, so this
is cheap, and it runs where the report was parsed (a worker process), beside the parser. Rows
read back from a file go through the same code (checks.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from ..layouts import quantities as layout_quantities
from ..layouts import table_spec
from .report import Finding, Status

Role = Literal["cumulative", "share", "plain"]

TOTAL = "Total"
SLACK = 1e-9  # float error of 100 * count / base against a printed decimal (3/16 -> 18.75)
MAX_DECIMALS = 3
# The jurisdiction of a document whose rows name several (the national table by state).
NATIONAL = "United States"


class CheckedRow(Protocol):
    """What the checks read of a row: a parsed `Cell`, or a row read back from a file (`Row`).

    Flags and bounds may be None in rows read back from a file; a check treats None as unknown.
    """

    @property
    def table(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def count(self) -> int | None: ...
    @property
    def pct(self) -> float | None: ...
    @property
    def suppressed(self) -> bool | None: ...
    @property
    def parent(self) -> str | None: ...
    @property
    def is_total(self) -> bool | None: ...
    @property
    def count_min(self) -> int | None: ...
    @property
    def count_max(self) -> int | None: ...
    @property
    def line(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Row:
    """A converted row as read back from a file. Not a `Cell`: its bounds are the file's own
    (suppressed_bounds checks them against its flag, where a Cell derives them from it), its
    flags may be null, and its document facts are its `Source`'s."""

    table: str
    category: str
    count: int | None
    pct: float | None
    suppressed: bool | None
    parent: str | None
    is_total: bool | None
    count_min: int | None
    count_max: int | None
    line: int


@dataclass(frozen=True, slots=True)
class Source:
    """The document facts of one source, as its rows carry them."""

    source: str
    jurisdiction: str
    year: int
    report: str

    @property
    def key(self) -> tuple[str, str, int, str]:
        """The report's key (checks.report.ReportKey)."""
        return (self.source, self.jurisdiction, self.year, self.report)


@dataclass(frozen=True, slots=True)
class Group:
    """One table of a report: what the checks need to know about it as a whole."""

    source: str
    jurisdiction: str
    year: int
    report: str
    table: str
    first_line: int
    role: Role
    totals: int  # printed Total rows
    total: int | None  # the Total row's count, when there is exactly one
    base: int | None  # what the table's percents are shares of
    half_unit: float | None  # half the last printed decimal of the report's percents
    nested: int  # rows with a parent
    # (table, category) of the summary figure the table's rows break down (sum_to_summary).
    sums_to: tuple[str, str] | None = None
    implied_total: bool = False  # percents of a total not printed (share_consistent)


@dataclass(frozen=True)
class Frame:
    """One report's rows by table (tables in order of first appearance, rows in given order)."""

    source: Source
    groups: dict[str, Group]
    rows: dict[str, list[CheckedRow]]
    quantities: dict[str, list[tuple[str, int]]]  # quantity -> (table, printed value)


def finding(
    where: Group | Source,
    check: str,
    status: Status,
    expected: float | int | str | None,
    actual: float | int | str | None,
    message: str,
    line: int | None = None,
) -> Finding:
    table = where.table if isinstance(where, Group) else None
    return Finding(
        check, status, where.source, where.jurisdiction, where.year, table, expected, actual,
        message, line,
    )  # fmt: skip


def span(lo: float, hi: float) -> float | int | str:
    """A value, or `lo..hi` when it is only known within bounds."""
    return lo if lo == hi else f"{lo}..{hi}"


def add_up(values: Sequence[float]) -> float:
    """Values added left to right (not sum(): Python 3.12 compensates float sums)."""
    total = 0.0
    for v in values:
        total += v
    return total


def decimals(pct: float) -> int:
    """How many decimals a printed percent has (24.6 -> 1, 100.0 -> 0): the fewest that print it
    exactly."""
    places = _DECIMALS.get(pct)
    if places is None:
        places = next(
            (n for n in range(MAX_DECIMALS) if abs(round(pct, n) - pct) < 1e-6), MAX_DECIMALS
        )
        if len(_DECIMALS) < 100_000:
            _DECIMALS[pct] = places
    return places


# Percents repeat across reports (one decimal between 0 and 100: 1,001 values).
_DECIMALS: dict[float, int] = {}


def role_of(report: str, table_id: str, has_total: bool) -> Role:
    """From the layout's table: cumulative; share (a non-cumulative table whose rows are
    shares of a report total, its base); else plain. Unknown tables with a printed Total are
    cumulative (tables.is_cumulative)."""
    spec = table_spec(report, table_id)
    if spec is None:
        return "cumulative" if has_total else "plain"
    if spec.cumulative:
        return "cumulative"
    return "share" if spec.base is not None else "plain"


def quantities(
    report: str, rows: dict[str, list[CheckedRow]], totals: dict[str, int | None]
) -> dict[str, list[tuple[str, int]]]:
    """The report's printed totals per quantity of its layout (cases, substantive calls), most
    trusted first."""
    printed: dict[tuple[str, str], int] = {
        (table_id, TOTAL): total for table_id, total in totals.items() if total is not None
    }
    for r in rows.get("summary", ()):
        if r.count is not None:
            printed.setdefault(("summary", r.category), r.count)
    out: dict[str, list[tuple[str, int]]] = {}
    for quantity in layout_quantities(report):
        found = [(t, printed[(t, c)]) for t, c in quantity.places if (t, c) in printed]
        if found:
            out[quantity.name] = found
    return out


def agreed(values: Sequence[tuple[str, int]]) -> int:
    """The value most places print; a tie goes to the most trusted place (listed first)."""
    counts = Counter(v for _, v in values)
    return max((v for _, v in values), key=lambda v: counts[v])


def prepare(source: Source, rows: Sequence[CheckedRow]) -> Frame:
    """Given one report's rows in printed order, the frame every check reads."""
    by_table: dict[str, list[CheckedRow]] = {}
    for r in rows:
        by_table.setdefault(r.table, []).append(r)
    places = [decimals(r.pct) for r in rows if r.pct is not None]
    half_unit = 0.5 * 10.0 ** -max(places) if places else None
    printed_totals = {t: [r for r in members if r.is_total] for t, members in by_table.items()}
    # A table's total is its Total row's count; several Total rows give no single total.
    totals = {t: found[0].count for t, found in printed_totals.items() if len(found) == 1}
    found = quantities(source.report, by_table, totals)
    groups: dict[str, Group] = {}
    for table_id, members in by_table.items():
        n_totals = len(printed_totals[table_id])
        role = role_of(source.report, table_id, n_totals > 0)
        spec = table_spec(source.report, table_id)
        base = totals.get(table_id)
        if base is None and role != "plain" and spec is not None and spec.base is not None:
            # No single Total of its own (or a demographic table): the report's total of that
            # kind, as most places print it, so that one misprinted total misleads no other table.
            candidates = found.get(spec.base, [])
            base = agreed(candidates) if candidates else None
        groups[table_id] = Group(
            source.source, source.jurisdiction, source.year, source.report, table_id,
            min(r.line for r in members), role, n_totals, totals.get(table_id), base or None,
            half_unit, sum(1 for r in members if r.parent is not None),
            spec.sums_to if spec is not None else None,
            spec.implied_total if spec is not None else False,
        )  # fmt: skip
    return Frame(source, groups, by_table, found)


def top_level(frame: Frame, table: str) -> list[CheckedRow]:
    """The rows of a cumulative table that add up to its Total: no parent, not the Total."""
    if frame.groups[table].role != "cumulative":
        return []
    return [r for r in frame.rows[table] if r.parent is None and r.is_total is False]
