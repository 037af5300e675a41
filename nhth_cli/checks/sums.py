"""Sums of cumulative tables: rows against the printed Total, percents to 100, children to parent.

Suppressed rows enter every sum through their bounds (count_min..count_max), so a sum is an
interval and a check passes when that interval meets the printed number.
"""

from __future__ import annotations

from .frame import SLACK, CheckedRow, Frame, Group, add_up, finding, span, top_level
from .report import Finding


def bound_sums(rows: list[CheckedRow]) -> tuple[int, int]:
    """The sums of the rows' lower and upper bounds (unknown bounds left out)."""
    lo = sum(r.count_min for r in rows if r.count_min is not None)
    hi = sum(r.count_max for r in rows if r.count_max is not None)
    return lo, hi


# -- total_sum ------------------------------------------------------------------------------


def total_sum(frame: Frame) -> list[Finding]:
    """Top-level counts of each cumulative table against its printed Total."""
    return [
        total_sum_finding(g, *bound_sums(top_level(frame, table)))
        for table, g in frame.groups.items()
        if g.role == "cumulative"
    ]


def total_sum_finding(g: Group, lo: int, hi: int) -> Finding:
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


def share_bounds(r: CheckedRow, base: int | None) -> tuple[float, float]:
    """A row's share of 100 as an interval: the printed pct, else 100 * bounds / base (a row
    without a printed pct, suppressed, enters with its count bounds), else 0..100."""
    if r.pct is not None:
        return r.pct, r.pct
    lo = r.count_min * 100.0 / base if r.count_min is not None and base else 0.0
    hi = r.count_max * 100.0 / base if r.count_max is not None and base else 100.0
    return lo, hi


def pct_sum(frame: Frame) -> list[Finding]:
    """Top-level percents of each cumulative table add up to 100 within rounding."""
    out: list[Finding] = []
    for table, g in frame.groups.items():
        top = top_level(frame, table)
        printed = sum(1 for r in top if r.pct is not None)
        if printed:
            bounds = [share_bounds(r, g.base) for r in top]
            lo, hi = add_up([b[0] for b in bounds]), add_up([b[1] for b in bounds])
            out.append(pct_sum_finding(g, lo, hi, printed))
    return out


def pct_sum_finding(g: Group, lo: float, hi: float, printed: int) -> Finding:
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
    out: list[Finding] = []
    for table, g in frame.groups.items():
        if g.role != "cumulative" or not g.nested:
            continue
        children: dict[str, list[CheckedRow]] = {}
        for r in frame.rows[table]:
            if r.parent is not None and r.is_total is False:
                children.setdefault(r.parent, []).append(r)
        parents: dict[str, list[CheckedRow]] = {}
        for r in top_level(frame, table):
            parents.setdefault(r.category, []).append(r)
        failures = [
            bad
            for parent, rows in children.items()
            if (bad := children_sum_failure(g, parent, rows, parents.get(parent))) is not None
        ]
        out.extend(failures or [children_sum_pass(g)])
    return out


def children_sum_failure(
    g: Group, parent: str, children: list[CheckedRow], parent_rows: list[CheckedRow] | None
) -> Finding | None:
    """Given the children of `parent`, a failure when they cannot add up to its count."""
    lo, hi = bound_sums(children)
    actual = span(lo, hi)
    if parent_rows is None:
        return finding(
            g, "children_sum", "fail", None, actual,
            f"rows under {parent!r} have no {parent!r} row of their own",
        )  # fmt: skip
    lows = [r.count_min for r in parent_rows if r.count_min is not None]
    highs = [r.count_max for r in parent_rows if r.count_max is not None]
    line = min(r.line for r in parent_rows)
    if not lows or not highs:
        return finding(
            g, "children_sum", "fail", None, actual, f"{parent!r} has no count", line=line
        )
    p_lo, p_hi = min(lows), max(highs)
    if lo <= p_hi and p_lo <= hi:
        return None
    expected = span(p_lo, p_hi)
    return finding(
        g, "children_sum", "fail", expected, actual,
        f"rows under {parent!r} add up to {actual}, {parent!r} is {expected}",
        line=line,
    )  # fmt: skip


def children_sum_pass(g: Group) -> Finding:
    return finding(g, "children_sum", "pass", None, None, "nested rows add up to their parents")
