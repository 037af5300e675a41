"""Row-level checks against a table's base: each pct against its count, counts within the total.

The base is the table's printed Total; demographic tables (non-cumulative) use the report's case
total, since each of their rows counts the cases that reference a demographic (frame.Group.base).
"""

from __future__ import annotations

from collections.abc import Callable

from .frame import SLACK, CheckedRow, Frame, Group, finding, span
from .report import Finding


def per_group(
    frame: Frame,
    roles: tuple[str, ...],
    checked: Callable[[CheckedRow], bool],
    bad: Callable[[Group, CheckedRow], bool],
    check: str,
    fail: Callable[[Group, CheckedRow], Finding],
    passed: Callable[[Group], Finding],
) -> list[Finding]:
    """For each table with one of `roles` and a checked row: a warning when it has no base to
    check against, else one failure per bad row, or one pass."""
    out: list[Finding] = []
    for table, g in frame.groups.items():
        if g.role not in roles:
            continue
        rows = [r for r in frame.rows[table] if checked(r)]
        if not rows:
            continue
        if g.base is None:
            out.append(finding(g, check, "warn", None, None, "no total to compare with"))
            continue
        failures = [fail(g, r) for r in rows if bad(g, r)]
        out.extend(failures or [passed(g)])
    return out


# -- pct_matches_count ----------------------------------------------------------------------


def pct_mismatch(g: Group, r: CheckedRow) -> bool:
    """The printed pct is further than rounding from 100 * count / base (or a bound is unknown)."""
    assert g.base is not None and r.pct is not None
    tol = (g.half_unit or 0.0) + SLACK
    if r.count_min is None or r.count_max is None:
        return True
    lo, hi = r.count_min * 100.0 / g.base, r.count_max * 100.0 / g.base
    return not (lo - tol <= r.pct <= hi + tol)


def pct_matches_count(frame: Frame) -> list[Finding]:
    """Each printed pct against 100 * count / the table's base, within half a printed decimal;
    and, in a table that prints percents, a count printed without one (only a withheld count
    goes without: `Fewer than Three  N/A`) fails."""
    return [
        *per_group(
            frame, ("cumulative", "share"), lambda r: r.pct is not None, pct_mismatch,
            "pct_matches_count", pct_mismatch_finding, pct_match_pass,
        ),
        *counts_without_pct(frame),
    ]  # fmt: skip


def counts_without_pct(frame: Frame) -> list[Finding]:
    out: list[Finding] = []
    for table, g in frame.groups.items():
        rows = frame.rows[table]
        if not any(r.pct is not None for r in rows):
            continue
        out += [
            finding(
                g,
                "pct_matches_count",
                "fail",
                "a percent",
                None,
                f"{r.category!r}: a count, {r.count}, printed without its percent (only a "
                "withheld count goes without one)",
                line=r.line,
            )
            for r in rows
            if r.count is not None and r.pct is None and not r.suppressed
        ]
    return out


def pct_mismatch_finding(g: Group, r: CheckedRow) -> Finding:
    assert g.base is not None
    base = g.base
    lo, hi = (None if c is None else round(100.0 * c / base, 2) for c in (r.count_min, r.count_max))
    expected = None if lo is None or hi is None else span(lo, hi)
    counted = (
        span(r.count_min, r.count_max)
        if r.count_min is not None and r.count_max is not None
        else None
    )
    return finding(
        g, "pct_matches_count", "fail", expected, r.pct,
        f"{r.category!r}: {r.pct}% printed, 100 × {counted} / {g.base} = {expected}% "
        f"(tolerance ±{g.half_unit})",
        line=r.line,
    )  # fmt: skip


def pct_match_pass(g: Group) -> Finding:
    return finding(
        g, "pct_matches_count", "pass", g.base, g.base,
        f"every pct matches its count as a share of {g.base} within {g.half_unit}",
    )  # fmt: skip


# -- count_within_total ---------------------------------------------------------------------


def over_total(g: Group, r: CheckedRow) -> bool:
    # A suppressed row (0..2) fails only when even its lower bound exceeds the total.
    return g.base is not None and r.count_min is not None and r.count_min > g.base


def count_within_total(frame: Frame) -> list[Finding]:
    """Rows of a demographic table count cases: none can exceed the report's case total."""
    return per_group(
        frame, ("share",), lambda r: True, over_total,
        "count_within_total", over_total_finding, within_total_pass,
    )  # fmt: skip


def over_total_finding(g: Group, r: CheckedRow) -> Finding:
    assert r.count_min is not None and r.count_max is not None
    actual = span(r.count_min, r.count_max)
    return finding(
        g, "count_within_total", "fail", g.base, actual,
        f"{r.category!r}: {actual} cases, more than the report's {g.base} cases",
        line=r.line,
    )  # fmt: skip


def within_total_pass(g: Group) -> Finding:
    return finding(
        g, "count_within_total", "pass", g.base, None,
        f"every count is at most the report's {g.base} cases",
    )  # fmt: skip
