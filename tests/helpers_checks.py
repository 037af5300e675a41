"""Helpers for the validation tests: the Connecticut text, mutations of it, synthetic rows."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from nhth_cli.assemble import arrow_schema
from nhth_cli.checks import ValidationReport
from nhth_cli.pipeline import ConversionResult, convert_bytes

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "samples"

# The Connecticut 2016 hotline report in the forms at hand: the seed's tab-separated text and
# the project's own `pdftotext -layout` style sample.
CT_FORMS = {
    "seed": lambda: next(iter(sorted(SEEDS.glob("004_*.txt"))), None),
    "sample": lambda: p if (p := SAMPLES / "connecticut-2016-hotline.txt").is_file() else None,
}


def connecticut_text(form: str | None = None) -> str:
    """The Connecticut report's text (the seed when present, else the sample); skip if neither."""
    for name in [form] if form else list(CT_FORMS):
        path = CT_FORMS[name]()
        if path is not None:
            return path.read_text(encoding="utf-8-sig")
    pytest.skip(f"no Connecticut report text ({form or 'any form'}) is present")


def set_cell(
    text: str, heading: str, label: str, *, count: str | None = None, pct: str | None = None
) -> str:
    """The text with one table row's count and/or percent replaced.

    The row is the first line starting with `label` after the line holding `heading`; the count
    is the first whole number after the label, the percent the first `N.N%`.
    """
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if heading in line)
    for i in range(start + 1, len(lines)):
        if lines[i].lstrip().startswith(label):
            at = lines[i].index(label) + len(label)
            head, rest = lines[i][:at], lines[i][at:]
            if count is not None:
                rest, n = re.subn(r"(?<![0-9.,])[0-9][0-9,]*(?![0-9.,%])", count, rest, count=1)
                assert n == 1, f"no count in {lines[i]!r}"
            if pct is not None:
                rest, n = re.subn(r"[0-9]+(?:\.[0-9]+)?%", pct, rest, count=1)
                assert n == 1, f"no percent in {lines[i]!r}"
            lines[i] = head + rest
            return "".join(lines)
    raise AssertionError(f"no row {label!r} after {heading!r}")


def replace_once(text: str, pattern: str, replacement: str) -> str:
    """The text with the one match of `pattern` replaced (fails unless there is exactly one)."""
    assert len(re.findall(pattern, text)) == 1, pattern
    return re.sub(pattern, replacement, text)


Mutation = Callable[[str], str]

# A mutation of the Connecticut text per check, and the (check, table) pairs it fails.
MUTATIONS: dict[str, tuple[Mutation, set[tuple[str, str]]]] = {
    # A count and its percent changed together (9 = 4.5% of 199): only the sum is off.
    "total_sum": (
        lambda t: set_cell(t, "CALLER TYPE", "Student", count="9", pct="4.5%"),
        {("total_sum", "caller_type")},
    ),
    # Percents that add up to 110: that row's percent cannot match its count either.
    "pct_sum": (
        lambda t: set_cell(t, "HOW CALLER FOUND", "Unknown", pct="87.9%"),
        {
            ("pct_sum", "how_caller_found_hotline"),
            ("pct_matches_count", "how_caller_found_hotline"),
        },
    ),
    "pct_matches_count": (
        lambda t: set_cell(t, "CALLER TYPE", "Student", pct="4.1%"),
        {("pct_matches_count", "caller_type")},
    ),
    "pct_matches_count_nested": (
        lambda t: set_cell(t, "VENUE/INDUSTRY", "Hotel/Motel-Based", pct="11.2%"),
        {("pct_matches_count", "venue_industry")},
    ),
    "pct_matches_count_demographics": (
        lambda t: set_cell(t, "(LABOR TRAFFICKING CASES)", "Adults", pct="15.8%"),
        {("pct_matches_count", "victim_demographics_labor")},
    ),
    # 7 = 13.0% of 54 is a consistent row, but Sex's venues now add up to 44, not 43.
    "children_sum": (
        lambda t: set_cell(t, "VENUE/INDUSTRY", "Hotel/Motel-Based", count="7", pct="13.0%"),
        {("children_sum", "venue_industry")},
    ),
    "count_within_total": (
        lambda t: set_cell(t, "(SEX TRAFFICKING CASES)", "Females", count="60", pct="111.1%"),
        {("count_within_total", "victim_demographics_sex")},
    ),
    "cross_table_total_cases": (
        lambda t: replace_once(t, r"a total of 54 unique", "a total of 55 unique"),
        {("cross_table_total", "summary")},
    ),
    "cross_table_total_calls": (
        lambda t: replace_once(t, r"(Received from Connecticut: \**)199", r"\g<1>198"),
        {("cross_table_total", "summary")},
    ),
    # The venue table's Total disagrees with the two other case totals and its own rows.
    "cross_table_total_table": (
        lambda t: set_cell(t, "VENUE/INDUSTRY", "TOTAL", count="55"),
        {("cross_table_total", "venue_industry"), ("total_sum", "venue_industry")}
        | {("pct_matches_count", "venue_industry")},
    ),
}


def convert_texts(texts: dict[str, str]) -> ConversionResult:
    """Convert documents given as {source: text}, in memory."""
    return ConversionResult(tuple(convert_bytes(t.encode(), s)[0] for s, t in texts.items()))


def failing(
    report: ValidationReport, ignore: tuple[str, ...] = ("complete_table",)
) -> set[tuple[str, str | None]]:
    """(check, table) of every failed finding. complete_table is left out by default: the
    arithmetic checks' tests build small tables that lack rows a real report always prints
    (tests/checks/test_complete_table.py tests that check)."""
    return {(f.check, f.table) for f in report.findings if f.status == "fail"} - {
        (f.check, f.table) for f in report.findings if f.check in ignore
    }


def status_of(report: ValidationReport, check: str, table: str | None) -> set[str]:
    """The statuses of one check's findings for one table."""
    return {f.status for f in report.findings if f.check == check and f.table == table}


DOC = {
    "jurisdiction": "Connecticut",
    "year": 2016,
    "jurisdiction_code": "CT",
    "report": "hotline_report",
    "period_start": date(2016, 1, 1),
    "period_end": date(2016, 12, 31),
    "source": "synthetic.txt",
    "page": None,
}


def row(
    table: str,
    category: str,
    count: int | None,
    pct: float | None = None,
    *,
    parent: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """One synthetic row; a null count means suppressed ("Fewer than Three", bounds 0..2)."""
    suppressed = count is None
    return {
        "table": table,
        "category": category,
        "count": count,
        "pct": pct,
        "suppressed": suppressed,
        "parent": parent,
        "is_total": category == "Total",
        "count_min": 0 if suppressed else count,
        "count_max": 2 if suppressed else count,
        **extra,
    }


def rows_table(rows: Iterable[dict[str, Any]], **doc: Any) -> pa.Table:
    """Synthetic converted rows with the output schema (document facts from DOC unless given)."""
    full = [{**DOC, **doc, "line": i + 1, **r} for i, r in enumerate(rows)]
    return pa.Table.from_pylist(full, schema=arrow_schema())


def with_value(table: pa.Table, table_id: str, category: str, column: str, value: Any) -> pa.Table:
    """The rows with one cell changed (the first row of `table_id` labelled `category`)."""
    rows = table.to_pylist()
    hit = next(r for r in rows if r["table"] == table_id and r["category"] == category)
    hit[column] = value
    return pa.Table.from_pylist(rows, schema=table.schema)
