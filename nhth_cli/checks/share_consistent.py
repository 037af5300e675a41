"""share_consistent: the national table's percents all imply the same national total.

Each state's percent is its count's share of a national total the table does not print (it
also counts signals of no known state), so the percents need not add up to 100. But every row
of a column states that total within the rounding of its percent: count ÷ ((pct ± half a printed
decimal) / 100). Those intervals must share a whole number. A row that leaves the others'
common interval is the one that fails. Which tables hold such shares is the layout's
(TableSpec.implied_total).
"""

from __future__ import annotations

import math

from .frame import SLACK, CheckedRow, Frame, Group, decimals, finding
from .report import Finding

CHECK = "share_consistent"


def implied_total(r: CheckedRow, half: float | None) -> tuple[float, float]:
    """The national totals a row's count and percent allow: (lo, hi), hi may be infinite. A
    row of 0 at 0% allows any total; a count of 0 with a percent above 0 allows none."""
    assert r.count is not None and r.pct is not None
    h = half if half is not None else 0.5 * 10.0 ** -decimals(r.pct)
    h += SLACK
    if r.count == 0:
        return (0.0, math.inf) if r.pct - h <= 0 else (math.inf, 0.0)
    lo = r.count * 100.0 / (r.pct + h)
    hi = r.count * 100.0 / (r.pct - h) if r.pct - h > 0 else math.inf
    return lo, hi


def _common(bounds: list[tuple[float, float]]) -> tuple[int, int | float]:
    """The whole numbers every interval allows: (first, last); first > last when none."""
    lo = max((b[0] for b in bounds), default=0.0)
    hi = min((b[1] for b in bounds), default=math.inf)
    if lo == math.inf or lo > hi:
        return 1, 0
    return math.ceil(lo - 1e-6), (math.floor(hi + 1e-6) if hi != math.inf else math.inf)


def share_consistent(frame: Frame) -> list[Finding]:
    """Per table with implied totals and per category (Signals, Cases): a pass naming the total
    every row implies, or a failure per row that disagrees with the others."""
    out: list[Finding] = []
    for table, g in frame.groups.items():
        if not g.implied_total:
            continue
        columns: dict[str, list[CheckedRow]] = {}
        for r in frame.rows[table]:
            if r.count is not None and r.pct is not None:
                columns.setdefault(r.category, []).append(r)
        for category, rows in columns.items():
            out.extend(column_findings(g, category, rows))
    return out


def column_findings(g: Group, category: str, rows: list[CheckedRow]) -> list[Finding]:
    bounds = [implied_total(r, g.half_unit) for r in rows]
    first, last = _common(bounds)
    if first <= last:
        shown = f"{first}" if first == last else f"{first}..{last}"
        return [
            finding(
                g,
                CHECK,
                "pass",
                shown,
                len(rows),
                f"{category}: all {len(rows)} rows imply a national total of {shown}",
            )
        ]
    failures = []
    for k, r in enumerate(rows):
        others = bounds[:k] + bounds[k + 1 :]
        o_first, o_last = _common(others)
        if o_first <= o_last:  # the others agree: this row is the odd one
            implied = span_text(bounds[k])
            failures.append(
                finding(
                    g,
                    CHECK,
                    "fail",
                    f"{o_first}..{o_last}",
                    implied,
                    f"{category} {r.count} at {r.pct}% implies a national total of {implied}; "
                    f"the other rows imply {o_first}..{o_last}",
                    line=r.line,
                )
            )
    if failures:
        return failures
    return [
        finding(
            g,
            CHECK,
            "fail",
            None,
            len(rows),
            f"{category}: the rows imply no common national total (several rows disagree)",
        )
    ]


def span_text(bound: tuple[float, float]) -> str:
    lo, hi = bound
    if lo > hi:
        return "none"
    return f"{math.ceil(lo - 1e-6)}..{'∞' if hi == math.inf else math.floor(hi + 1e-6)}"
