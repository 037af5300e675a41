"""suppressed_bounds: a withheld count has no value and bounds 0..2; a printed one equals both."""

from __future__ import annotations

from .frame import CheckedRow, Frame, Group, finding
from .report import Finding

SUPPRESSED_MIN, SUPPRESSED_MAX = 0, 2  # "Fewer than Three", "<3"


def consistent(r: CheckedRow) -> bool:
    """A row's count and bounds agree with its suppressed flag (unknown values never do)."""
    if r.suppressed is True:
        return r.count is None and r.count_min == SUPPRESSED_MIN and r.count_max == SUPPRESSED_MAX
    if r.suppressed is False:
        return r.count is not None and r.count_min == r.count == r.count_max
    return False


def problem(r: CheckedRow) -> str:
    """What is wrong with one inconsistent row, in words."""
    count, lo, hi = r.count, r.count_min, r.count_max
    if r.suppressed is None:
        return "no suppressed flag"
    if r.suppressed:
        if count is not None:
            return f"suppressed but has a count ({count})"
        return f"suppressed with bounds {lo}..{hi}, expected {SUPPRESSED_MIN}..{SUPPRESSED_MAX}"
    if count is None:
        return "no count and not marked suppressed"
    return f"count {count} with bounds {lo}..{hi}"


def bounds_failure(g: Group, r: CheckedRow) -> Finding:
    expected = f"{SUPPRESSED_MIN}..{SUPPRESSED_MAX}" if r.suppressed else r.count
    return finding(
        g, "suppressed_bounds", "fail", expected, f"{r.count_min}..{r.count_max}",
        f"{r.category!r}: {problem(r)}", line=r.line,
    )  # fmt: skip


def suppressed_bounds(frame: Frame) -> list[Finding]:
    """Every row of every table: one pass per table, or one failure per inconsistent row."""
    out: list[Finding] = []
    for table, g in frame.groups.items():
        rows = frame.rows[table]
        failures = [bounds_failure(g, r) for r in rows if not consistent(r)]
        if failures:
            out.extend(failures)
            continue
        withheld = sum(1 for r in rows if r.suppressed)
        message = f"{withheld} suppressed rows; every count agrees with its bounds"
        out.append(finding(g, "suppressed_bounds", "pass", None, withheld, message))
    return out
