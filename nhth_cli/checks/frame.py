"""What the checks read: the rows, grouped by (source, table), with each group's role and base.

Everything here is computed once per slice of rows with grouped steps (checks/groups.py); the
checks then read per-group facts from `Frame.groups` and row-level columns from `Frame.rows`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..tables import BY_ID, HOTLINE, TABLES
from .groups import group_ids, grouped, lit
from .report import Finding, Status

if TYPE_CHECKING:
    import pyarrow as pa

Role = Literal["cumulative", "share", "plain"]
Key = tuple[str, str]  # (source, table)

GROUP = ("source", "table")
SOURCE_KEYS = ("source", "jurisdiction", "year", "report")
TOTAL = "Total"
SLACK = 1e-9  # float error of 100 * count / base against a printed decimal (3/16 -> 18.75)
MAX_DECIMALS = 3

# Non-cumulative hotline tables whose rows are shares of the report's case total (SPEC.md).
SHARE_TABLES = frozenset(
    t.id
    for t in TABLES
    if not t.cumulative and t.reports == HOTLINE and t.id not in ("signals", "summary")
)

# Where a report prints each of its totals, most trusted first (a table total is itself summed).
QUANTITIES: dict[str, tuple[tuple[str, str], ...]] = {
    "cases": (("venue_industry", TOTAL), ("primary_reason", TOTAL), ("summary", "Cases")),
    "substantive calls": (
        ("caller_type", TOTAL),
        ("how_caller_found_hotline", TOTAL),
        ("summary", "Substantive Calls"),
    ),
}

# The total a table's percents are shares of, when the table has no printed Total of its own.
TABLE_QUANTITY: dict[str, str] = {
    "primary_reason": "cases",
    "venue_industry": "cases",
    "caller_type": "substantive calls",
    "how_caller_found_hotline": "substantive calls",
    **dict.fromkeys(SHARE_TABLES, "cases"),
}


@dataclass(frozen=True, slots=True)
class Source:
    """The document facts of one source, as its rows carry them."""

    source: str
    jurisdiction: str
    year: int
    report: str


@dataclass(frozen=True, slots=True)
class Group:
    """One (source, table): what the checks need to know about it as a whole."""

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


@dataclass(frozen=True)
class Frame:
    table: pa.Table  # the rows as given, in their order
    rows: pa.Table  # the rows plus their group's role, base and half_unit (any order)
    sources: dict[str, Source]
    groups: dict[Key, Group]
    quantities: dict[tuple[str, str], list[tuple[str, int]]]  # (source, quantity) -> (table, n)


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


def decimals(pct: pa.ChunkedArray) -> pa.Array:
    """How many decimals each printed percent has (24.6 -> 1, 100.0 -> 0); null for no percent."""
    import pyarrow as pa
    import pyarrow.compute as pc

    places = pc.if_else(pc.is_null(pct), lit(None, pa.int64()), lit(MAX_DECIMALS, pa.int64()))
    for n in range(MAX_DECIMALS - 1, -1, -1):  # the fewest decimals that print it exactly
        exact = pc.less(pc.abs(pc.subtract(pc.round(pct, n), pct)), lit(1e-6, pa.float64()))
        places = pc.if_else(exact, lit(n, pa.int64()), places)
    return places


def role_of(table_id: str, has_total: bool) -> Role:
    """Unknown tables with a printed Total are cumulative (tables.is_cumulative)."""
    spec = BY_ID.get(table_id)
    if spec is None:
        return "cumulative" if has_total else "plain"
    if spec.cumulative:
        return "cumulative"
    return "share" if table_id in SHARE_TABLES else "plain"


def quantities(
    table: pa.Table, totals: dict[Key, int | None]
) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """Each report's printed totals per quantity (cases, substantive calls), most trusted first."""
    import pyarrow.compute as pc

    printed: dict[tuple[str, str, str], int] = {
        (source, table_id, TOTAL): total
        for (source, table_id), total in totals.items()
        if total is not None
    }
    import pyarrow as pa

    summary = lit("summary", pa.string())
    in_summary = pc.and_(pc.equal(table["table"], summary), pc.is_valid(table["count"]))
    for row in table.filter(in_summary).select(["source", "category", "count"]).to_pylist():
        printed.setdefault((row["source"], "summary", row["category"]), row["count"])
    out: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for source in sorted({source for source, _, _ in printed}):
        for name, places in QUANTITIES.items():
            found = [(t, printed[(source, t, c)]) for t, c in places if (source, t, c) in printed]
            if found:
                out[(source, name)] = found
    return out


def agreed(values: Sequence[tuple[str, int]]) -> int:
    """The value most places print; a tie goes to the most trusted place (listed first)."""
    counts = Counter(v for _, v in values)
    return max((v for _, v in values), key=lambda v: counts[v])


def _half_units(table: pa.Table) -> dict[str, float | None]:
    """Half the last printed decimal per source: the rounding a printed percent may carry."""
    per_row = table.select(["source"]).append_column("places", decimals(table["pct"]))
    stats = grouped(per_row, ["source"], [("places", "max")])
    return {
        key[0]: None if row["places_max"] is None else 0.5 * 10.0 ** -row["places_max"]
        for key, row in stats.items()
    }


def _sources(table: pa.Table) -> dict[str, Source]:
    """The document facts per source (constant within a source)."""
    stats = grouped(table, SOURCE_KEYS, [("line", "count")])
    return {key[0]: Source(*key) for key in stats}


def _group_of(
    source: Source,
    row: dict[str, Any],
    total: int | None,
    half_unit: float | None,
    found: dict[tuple[str, str], list[tuple[str, int]]],
) -> Group:
    """Given one group's aggregates, its role and the base its percents are shares of."""
    table_id: str = row["table"]
    totals = int(row["is_total_sum"] or 0)
    role = role_of(table_id, totals > 0)
    base = total
    if base is None and role != "plain" and table_id in TABLE_QUANTITY:
        # No single Total of its own (or a demographic table): the report's total of that kind,
        # as most places print it, so that one misprinted total misleads no other table.
        candidates = found.get((source.source, TABLE_QUANTITY[table_id]), [])
        base = agreed(candidates) if candidates else None
    return Group(
        source.source, source.jurisdiction, source.year, source.report, table_id,
        row["line_min"], role, totals, total, base or None, half_unit, int(row["parent_count"]),
    )  # fmt: skip


def _with_group_columns(table: pa.Table, groups: dict[Key, Group]) -> pa.Table:
    """Each row with its group's role, base and half unit, in the rows' order."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from ..assemble import _floats, _ints, _strings

    ids, keys_of = group_ids(table, GROUP)
    gs = [groups[(key[0], key[1])] for key in keys_of]
    # Per row, its group's number as an Arrow index array (no pa.array(): it imports pandas).
    index = pa.Array.from_buffers(pa.int64(), len(ids), [None, pa.py_buffer(ids.astype(np.int64))])
    columns = {
        "role": _strings([g.role for g in gs]),
        "base": _ints("q", [g.base for g in gs], pa.int64()),
        "half_unit": _floats([g.half_unit for g in gs]),
    }
    for name, per_group in columns.items():
        table = table.append_column(name, pc.take(per_group, index))
    return table


def prepare(table: pa.Table) -> Frame:
    """Given converted rows, the frame every check reads."""
    sources = _sources(table)
    stats = grouped(table, GROUP, [("line", "min"), ("is_total", "sum"), ("parent", "count")])
    printed = grouped(table.filter(table["is_total"]), GROUP, [("count", "min")])
    # A group's total is its Total row's count; several Total rows give no single total.
    totals: dict[Key, int | None] = {
        key: printed[key]["count_min"]
        for key, row in stats.items()
        if row["is_total_sum"] == 1 and key in printed
    }
    found = quantities(table, totals)
    half_units = _half_units(table)
    groups = {
        key: _group_of(sources[key[0]], row, totals.get(key), half_units.get(key[0]), found)
        for key, row in stats.items()
    }
    return Frame(table, _with_group_columns(table, groups), sources, groups, found)
