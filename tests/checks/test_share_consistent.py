"""share_consistent: each state's share of the national table matches its count; it passes on
the real table and catches a changed row."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.checks.test_sum_to_summary import findings
from tests.web_forms import NATIONAL

TABLE_TEXT = NATIONAL["text"].read_text(encoding="utf-8")


def test_share_consistent_passes_on_the_real_table() -> None:
    found = findings(TABLE_TEXT, "share_consistent")
    # The shares SOURCES.md checked: 32,308-32,310 signals and 12,000-12,004 cases nationally.
    assert sorted((f.status, f.expected) for f in found) == [
        ("pass", "12000..12004"), ("pass", "32308..32309"),
    ]  # fmt: skip


def state_line(state: str) -> tuple[int, str]:
    for number, line in enumerate(TABLE_TEXT.splitlines(), 1):
        if line.startswith(state + "\t"):
            return number, line
    raise AssertionError(state)


@pytest.mark.parametrize(
    ("state", "column", "value"),
    [
        ("California", 1, "3,478"),  # signals off by 100
        ("Texas", 3, "1,306"),  # cases: digits swapped
        ("Ohio", 2, "2.80%"),  # a percent mistyped
        ("Vermont", 4, "0.21%"),
        ("Guam", 2, "0.01%"),  # a share without signals
    ],
)
def test_share_consistent_fails_on_the_changed_row(state: str, column: int, value: str) -> None:
    number, line = state_line(state)
    cells = line.split("\t")
    cells[column] = value
    found = findings(TABLE_TEXT.replace(line, "\t".join(cells)), "share_consistent")
    failed = [f for f in found if f.status == "fail"]
    assert [f.line for f in failed] == [number]
    category = "Signals" if column in (1, 2) else "Cases"
    assert failed[0].message.startswith(category)
    assert {f.status for f in found if not f.message.startswith(category)} == {"pass"}


@settings(max_examples=40, deadline=None)
@given(
    row=st.integers(min_value=0, max_value=54),
    factor=st.sampled_from([0.5, 0.8, 1.25, 2.0]),
)
def test_share_consistent_catches_any_count_scaled(row: int, factor: float) -> None:
    lines = TABLE_TEXT.splitlines()
    number = 4 + row  # heading, blank line, header, then the states
    cells = lines[number - 1].split("\t")
    count = int(cells[1].replace(",", ""))
    scaled = round(count * factor)
    if count < 100:  # a small count's percent is too coarse to tell (8 at 0.02%: 24,000-53,333)
        return
    cells[1] = f"{scaled:,}"
    lines[number - 1] = "\t".join(cells)
    failed = [f for f in findings("\n".join(lines), "share_consistent") if f.status == "fail"]
    assert [f.line for f in failed] == [number]
