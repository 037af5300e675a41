"""normalize.numbers: counts and percents as printed."""

from __future__ import annotations

import pytest

from nhth_cli.normalize.numbers import parse_count, parse_pct


def test_numbers() -> None:
    assert parse_count("34,068") == 34068
    assert parse_count("Fewer than Three") is None
    assert parse_count("<3") is None
    assert parse_pct("24.6%") == 24.6
    assert parse_pct("N/A") is None


@pytest.mark.parametrize(
    ("token", "count"),
    [("1,234", 1234), (" 7 ", 7), ("Fewer than Three", None), ("<3", None), ("", None)],
)
def test_counts_as_printed(token: str, count: int | None) -> None:
    assert parse_count(token) == count


@pytest.mark.parametrize(
    ("token", "pct"),
    [("24.6%", 24.6), ("24.6 %", 24.6), ("100%", 100.0), ("N/A", None), ("na", None), ("", None)],
)
def test_percents_as_printed(token: str, pct: float | None) -> None:
    assert parse_pct(token) == pct
