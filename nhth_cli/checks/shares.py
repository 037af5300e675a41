"""Row-level checks against a table's base: each pct against its count, counts within the total.

The base is the table's printed Total; demographic tables (non-cumulative) use the report's case
total, since each of their rows counts the cases that reference a demographic (frame.Group.base).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .frame import GROUP, SLACK, Frame, Group, Key, finding, span
from .groups import grouped, lit
from .report import Finding

if TYPE_CHECKING:
    import pyarrow as pa

ROW_COLUMNS = ["source", "table", "category", "count", "count_min", "count_max", "pct", "line"]


def _rows_of(rows: pa.Table, roles: tuple[str, ...], extra: pa.ChunkedArray | None) -> pa.Table:
    """The rows of groups with one of `roles`, and `extra` true."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from ..assemble import _strings

    keep = pc.is_in(rows["role"], value_set=_strings(list(roles)))
    if extra is not None:
        keep = pc.and_kleene(keep, extra)
    return rows.filter(pc.fill_null(keep, lit(False, pa.bool_())))


def _share(rows: pa.Table, column: str) -> pa.ChunkedArray:
    """100 * a count column / base (null without a base)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    counts = pc.cast(rows[column], pa.float64())
    hundred = lit(100.0, pa.float64())
    return pc.divide(pc.multiply(counts, hundred), pc.cast(rows["base"], pa.float64()))


def per_group(
    frame: Frame,
    checked: pa.Table,
    bad: pa.Table,
    check: str,
    fail: Callable[[Group, dict[str, Any]], Finding],
    passed: Callable[[Group], Finding],
) -> list[Finding]:
    """One pass per checked group without failures, one failure per bad row, a warning per
    checked group that has no base to check against."""
    failures: dict[Key, list[Finding]] = {}
    for row in bad.select(ROW_COLUMNS).to_pylist():
        g = frame.groups[(row["source"], row["table"])]
        failures.setdefault((g.source, g.table), []).append(fail(g, row))
    out: list[Finding] = []
    for key in grouped(checked, GROUP, [("line", "count")]):
        g = frame.groups[key]
        if g.base is None:
            out.append(finding(g, check, "warn", None, None, "no total to compare with"))
        else:
            out.extend(failures.get(key) or [passed(g)])
    return out


# -- pct_matches_count ----------------------------------------------------------------------


def pct_mismatches(rows: pa.Table) -> pa.Table:
    """Rows whose printed pct is further than rounding from 100 * count / base."""
    import pyarrow as pa
    import pyarrow.compute as pc

    tol = pc.add(rows["half_unit"], lit(SLACK, pa.float64()))
    above = pc.greater_equal(rows["pct"], pc.subtract(_share(rows, "count_min"), tol))
    below = pc.less_equal(rows["pct"], pc.add(_share(rows, "count_max"), tol))
    ok = pc.fill_null(pc.and_kleene(above, below), lit(False, pa.bool_()))
    return rows.filter(pc.and_(pc.is_valid(rows["base"]), pc.invert(ok)))


def pct_matches_count(frame: Frame) -> list[Finding]:
    """Each printed pct against 100 * count / the table's base, within half a printed decimal."""
    import pyarrow.compute as pc

    checked = _rows_of(frame.rows, ("cumulative", "share"), pc.is_valid(frame.rows["pct"]))
    return per_group(
        frame, checked, pct_mismatches(checked), "pct_matches_count",
        pct_mismatch_finding, pct_match_pass,
    )  # fmt: skip


def pct_mismatch_finding(g: Group, row: dict[str, Any]) -> Finding:
    assert g.base is not None
    lo, hi = (round(100.0 * row[c] / g.base, 2) for c in ("count_min", "count_max"))
    expected, counted = span(lo, hi), span(row["count_min"], row["count_max"])
    return finding(
        g, "pct_matches_count", "fail", expected, row["pct"],
        f"{row['category']!r}: {row['pct']}% printed, 100 × {counted} / {g.base} = {expected}% "
        f"(tolerance ±{g.half_unit})",
        line=row["line"],
    )  # fmt: skip


def pct_match_pass(g: Group) -> Finding:
    return finding(
        g, "pct_matches_count", "pass", g.base, g.base,
        f"every pct matches its count as a share of {g.base} within {g.half_unit}",
    )  # fmt: skip


# -- count_within_total ---------------------------------------------------------------------


def count_within_total(frame: Frame) -> list[Finding]:
    """Rows of a demographic table count cases: none can exceed the report's case total."""
    import pyarrow as pa
    import pyarrow.compute as pc

    checked = _rows_of(frame.rows, ("share",), None)
    # A suppressed row (0..2) fails only when even its lower bound exceeds the total.
    over = pc.greater(checked["count_min"], checked["base"])
    over = pc.fill_null(over, lit(False, pa.bool_()))
    return per_group(
        frame, checked, checked.filter(over), "count_within_total",
        over_total_finding, within_total_pass,
    )  # fmt: skip


def over_total_finding(g: Group, row: dict[str, Any]) -> Finding:
    actual = span(row["count_min"], row["count_max"])
    return finding(
        g, "count_within_total", "fail", g.base, actual,
        f"{row['category']!r}: {actual} cases, more than the report's {g.base} cases",
        line=row["line"],
    )  # fmt: skip


def within_total_pass(g: Group) -> Finding:
    return finding(
        g, "count_within_total", "pass", g.base, None,
        f"every count is at most the report's {g.base} cases",
    )  # fmt: skip
