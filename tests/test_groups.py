"""Grouped aggregates without Arrow's query engine (checks/groups.py)."""

from __future__ import annotations

import subprocess
import sys

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli.checks.groups import grouped

from .conftest import SAMPLES

_KEYS = st.sampled_from(["a", "b", "c", None])
_VALUES = st.one_of(st.none(), st.integers(-1000, 1000))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_KEYS, _KEYS, _VALUES, st.booleans()), min_size=1, max_size=60))
def test_grouped_equals_a_plain_computation(
    rows: list[tuple[str | None, str | None, int | None, bool]],
) -> None:
    table = pa.table(
        {
            "k1": pa.array([r[0] for r in rows], pa.string()),
            "k2": pa.array([r[1] for r in rows], pa.string()),
            "v": pa.array([r[2] for r in rows], pa.int64()),
            "flag": pa.array([r[3] for r in rows], pa.bool_()),
        }
    )
    aggs = [("v", "sum"), ("v", "min"), ("v", "max"), ("v", "count"), ("flag", "sum")]
    got = grouped(table, ["k1", "k2"], aggs)
    expected: dict[tuple[str | None, str | None], list[tuple[int | None, bool]]] = {}
    for k1, k2, v, flag in rows:
        expected.setdefault((k1, k2), []).append((v, flag))
    assert list(got) == list(expected)  # groups in order of first appearance
    for key, members in expected.items():
        values = [v for v, _ in members if v is not None]
        assert got[key]["k1"] == key[0] and got[key]["k2"] == key[1]
        assert got[key]["v_sum"] == (sum(values) if values else None)
        assert got[key]["v_min"] == (min(values) if values else None)
        assert got[key]["v_max"] == (max(values) if values else None)
        assert got[key]["v_count"] == len(values)
        assert got[key]["flag_sum"] == sum(f for _, f in members)


def test_validation_imports_no_pandas() -> None:
    code = (
        "import sys, nhth_cli\n"
        f"report = nhth_cli.validate(nhth_cli.convert({str(SAMPLES)!r}))\n"
        "assert report.findings and report.valid\n"
        "print('pandas' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
