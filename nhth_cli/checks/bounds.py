"""suppressed_bounds: a withheld count has no value and bounds 0..2; a printed one equals both."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .frame import GROUP, Frame, Group, Key, finding
from .groups import grouped, lit
from .report import Finding

if TYPE_CHECKING:
    import pyarrow as pa

SUPPRESSED_MIN, SUPPRESSED_MAX = 0, 2  # "Fewer than Three", "<3"
COLUMNS = ["source", "table", "category", "count", "suppressed", "count_min", "count_max", "line"]


def consistent(rows: pa.Table) -> pa.ChunkedArray:
    """Per row: its count and bounds agree with its suppressed flag (a null anywhere: False)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    def all_of(*conditions: Any) -> Any:
        out = conditions[0]
        for c in conditions[1:]:
            out = pc.and_kleene(out, c)
        return out

    withheld = all_of(
        rows["suppressed"],
        pc.is_null(rows["count"]),
        pc.equal(rows["count_min"], lit(SUPPRESSED_MIN, pa.int64())),
        pc.equal(rows["count_max"], lit(SUPPRESSED_MAX, pa.int64())),
    )
    printed = all_of(
        pc.invert(rows["suppressed"]),
        pc.is_valid(rows["count"]),
        pc.equal(rows["count_min"], rows["count"]),
        pc.equal(rows["count_max"], rows["count"]),
    )
    return pc.fill_null(pc.or_kleene(withheld, printed), lit(False, pa.bool_()))


def problem(row: dict[str, Any]) -> str:
    """What is wrong with one inconsistent row, in words."""
    count, lo, hi = row["count"], row["count_min"], row["count_max"]
    if row["suppressed"] is None:
        return "no suppressed flag"
    if row["suppressed"]:
        if count is not None:
            return f"suppressed but has a count ({count})"
        return f"suppressed with bounds {lo}..{hi}, expected {SUPPRESSED_MIN}..{SUPPRESSED_MAX}"
    if count is None:
        return "no count and not marked suppressed"
    return f"count {count} with bounds {lo}..{hi}"


def bounds_failure(g: Group, row: dict[str, Any]) -> Finding:
    expected = f"{SUPPRESSED_MIN}..{SUPPRESSED_MAX}" if row["suppressed"] else row["count"]
    return finding(
        g, "suppressed_bounds", "fail", expected, f"{row['count_min']}..{row['count_max']}",
        f"{row['category']!r}: {problem(row)}", line=row["line"],
    )  # fmt: skip


def suppressed_bounds(frame: Frame) -> list[Finding]:
    """Every row of every table: one pass per group, or one failure per inconsistent row."""
    import pyarrow.compute as pc

    rows = frame.table
    bad = rows.filter(pc.invert(consistent(rows))).select(COLUMNS).to_pylist()
    failures: dict[Key, list[Finding]] = {}
    for row in bad:
        g = frame.groups[(row["source"], row["table"])]
        failures.setdefault((g.source, g.table), []).append(bounds_failure(g, row))
    counts = grouped(rows, GROUP, [("suppressed", "sum")])
    out: list[Finding] = []
    for key, g in frame.groups.items():
        withheld = int(counts[key]["suppressed_sum"] or 0)
        out.extend(
            failures.get(key)
            or [
                finding(
                    g,
                    "suppressed_bounds",
                    "pass",
                    None,
                    withheld,
                    f"{withheld} suppressed rows; every count agrees with its bounds",
                )
            ]
        )
    return out
