"""Sums of cumulative tables: rows against the printed Total, percents to 100, children to parent.

Suppressed rows enter every sum through their bounds (count_min..count_max), so a sum is an
interval and a check passes when that interval meets the printed number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .frame import GROUP, SLACK, Frame, Group, finding, span
from .groups import grouped, lit
from .report import Finding

if TYPE_CHECKING:
    import pyarrow as pa


def top_level(rows: pa.Table) -> pa.Table:
    """The rows of cumulative tables that add up to the Total: no parent, not the Total."""
    import pyarrow as pa
    import pyarrow.compute as pc

    cumulative = lit("cumulative", pa.string())
    keep = pc.and_kleene(
        pc.and_kleene(pc.equal(rows["role"], cumulative), pc.is_null(rows["parent"])),
        pc.invert(rows["is_total"]),
    )
    return rows.filter(pc.fill_null(keep, lit(False, pa.bool_())))


# -- total_sum ------------------------------------------------------------------------------


def total_sum(frame: Frame) -> list[Finding]:
    """Top-level counts of each cumulative table against its printed Total."""
    top = top_level(frame.rows)
    sums = grouped(top, GROUP, [("count_min", "sum"), ("count_max", "sum")])
    return [
        total_sum_finding(g, sums.get(key))
        for key, g in frame.groups.items()
        if g.role == "cumulative"
    ]


def total_sum_finding(g: Group, sums: dict[str, Any] | None) -> Finding:
    lo = int(sums["count_min_sum"] or 0) if sums else 0
    hi = int(sums["count_max_sum"] or 0) if sums else 0
    actual = span(lo, hi)
    if g.totals == 0:
        return finding(g, "total_sum", "warn", None, actual, "no printed Total row: not checked")
    if g.totals > 1:
        return finding(g, "total_sum", "fail", 1, g.totals, f"{g.totals} Total rows, expected 1")
    if g.total is None:
        return finding(g, "total_sum", "fail", None, actual, "the Total row has no count")
    if lo <= g.total <= hi:
        return finding(g, "total_sum", "pass", g.total, actual, "rows add up to the Total")
    return finding(
        g, "total_sum", "fail", g.total, actual,
        f"top-level rows add up to {actual}, the printed Total is {g.total}",
    )  # fmt: skip


# -- pct_sum --------------------------------------------------------------------------------


def pct_bounds(rows: pa.Table) -> pa.Table:
    """Each row's share of 100 as an interval: the printed pct, else 100 * bounds / base."""
    import pyarrow as pa
    import pyarrow.compute as pc

    base = pc.cast(rows["base"], pa.float64())

    def share(column: str, fallback: float) -> pa.ChunkedArray:
        # A row without a printed pct (suppressed) enters with its count bounds.
        hundred = lit(100.0, pa.float64())
        computed = pc.divide(pc.multiply(pc.cast(rows[column], pa.float64()), hundred), base)
        return pc.coalesce(rows["pct"], computed, lit(fallback, pa.float64()))

    return pa.table(
        {
            "source": rows["source"],
            "table": rows["table"],
            "pct": rows["pct"],
            "lo": share("count_min", 0.0),
            "hi": share("count_max", 100.0),
        }
    )


def pct_sum(frame: Frame) -> list[Finding]:
    """Top-level percents of each cumulative table add up to 100 within rounding."""
    bounds = pct_bounds(top_level(frame.rows))
    sums = grouped(bounds, GROUP, [("lo", "sum"), ("hi", "sum"), ("pct", "count")])
    return [
        pct_sum_finding(frame.groups[key], row)
        for key, row in sums.items()
        if row["pct_count"] and frame.groups[key].role == "cumulative"
    ]


def pct_sum_finding(g: Group, row: dict[str, Any]) -> Finding:
    lo, hi, printed = float(row["lo_sum"]), float(row["hi_sum"]), int(row["pct_count"])
    tol = (g.half_unit or 0.0) * printed
    actual = span(round(lo, 3), round(hi, 3))
    if lo - tol - SLACK <= 100.0 <= hi + tol + SLACK:
        return finding(g, "pct_sum", "pass", 100.0, actual, f"within ±{tol:.3g} of 100")
    return finding(
        g, "pct_sum", "fail", 100.0, actual,
        f"top-level percents add up to {actual}, more than {tol:.3g} from 100 "
        f"({printed} printed percents)",
    )  # fmt: skip


# -- children_sum ---------------------------------------------------------------------------


def children_sum(frame: Frame) -> list[Finding]:
    """Nested rows of a cumulative table (venues under Sex) against their parent's count."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rows = frame.rows
    cumulative = lit("cumulative", pa.string())
    is_child = pc.and_kleene(
        pc.and_kleene(pc.equal(rows["role"], cumulative), pc.is_valid(rows["parent"])),
        pc.invert(rows["is_total"]),
    )
    children = rows.filter(pc.fill_null(is_child, lit(False, pa.bool_())))
    sums = grouped(children, [*GROUP, "parent"], [("count_min", "sum"), ("count_max", "sum")])
    parents = grouped(
        top_level(rows),
        [*GROUP, "category"],
        [("count_min", "min"), ("count_max", "max"), ("line", "min")],
    )
    failures: dict[tuple[str, str], list[Finding]] = {}
    for (source, table, parent), row in sums.items():
        g = frame.groups[(source, table)]
        bad = children_sum_failure(g, parent, row, parents.get((source, table, parent)))
        if bad is not None:
            failures.setdefault((source, table), []).append(bad)
    out: list[Finding] = []
    for key, g in frame.groups.items():
        if g.role == "cumulative" and g.nested:
            out.extend(failures.get(key) or [children_sum_pass(g)])
    return out


def children_sum_failure(
    g: Group, parent: str, sums: dict[str, Any], parent_row: dict[str, Any] | None
) -> Finding | None:
    """Given the summed children of `parent`, a failure when they cannot equal its count."""
    lo, hi = int(sums["count_min_sum"] or 0), int(sums["count_max_sum"] or 0)
    actual = span(lo, hi)
    if parent_row is None:
        return finding(
            g, "children_sum", "fail", None, actual,
            f"rows under {parent!r} have no {parent!r} row of their own",
        )  # fmt: skip
    p_lo, p_hi = int(parent_row["count_min_min"]), int(parent_row["count_max_max"])
    if lo <= p_hi and p_lo <= hi:
        return None
    expected = span(p_lo, p_hi)
    return finding(
        g, "children_sum", "fail", expected, actual,
        f"rows under {parent!r} add up to {actual}, {parent!r} is {expected}",
        line=int(parent_row["line_min"]),
    )  # fmt: skip


def children_sum_pass(g: Group) -> Finding:
    return finding(g, "children_sum", "pass", None, None, "nested rows add up to their parents")
