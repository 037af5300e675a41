"""sum_to_summary: on the hotline's web pages, a breakdown adds up to the figure it breaks down.

A state's statistics page prints no Total rows: the year's signals by how the hotline was found
and by channel each add up to the year's Signals, and the all-time channels to the all-time
Signals. Which table breaks down which figure is the layout's (TableSpec.sums_to). Withheld rows
enter with their bounds.
"""

from __future__ import annotations

from .frame import CheckedRow, Frame, Group, finding, span
from .report import Finding
from .sums import bound_sums


def sum_to_summary(frame: Frame) -> list[Finding]:
    """Each breakdown's rows against its summary figure: a pass, a failure, or a warning when
    the figure is not printed."""
    out: list[Finding] = []
    for table, g in frame.groups.items():
        if g.sums_to is None:
            continue
        parts = [r for r in frame.rows[table] if r.parent is None and r.is_total is not True]
        out.append(breakdown_finding(g, parts, frame.rows.get(g.sums_to[0], [])))
    return out


def breakdown_finding(g: Group, parts: list[CheckedRow], summary: list[CheckedRow]) -> Finding:
    assert g.sums_to is not None
    where, category = g.sums_to
    lo, hi = bound_sums(parts)
    actual = span(lo, hi)
    figures = [r for r in summary if r.category == category and r.count is not None]
    if not figures:
        return finding(
            g, "sum_to_summary", "warn", None, actual,
            f"no {where} {category!r} figure to compare with: not checked",
        )  # fmt: skip
    expected = figures[0].count
    assert expected is not None
    if lo <= expected <= hi:
        return finding(
            g, "sum_to_summary", "pass", expected, actual,
            f"rows add up to {where} {category!r}",
        )  # fmt: skip
    return finding(
        g, "sum_to_summary", "fail", expected, actual,
        f"rows add up to {actual}, {where} {category!r} is {expected} (line {figures[0].line})",
    )  # fmt: skip
