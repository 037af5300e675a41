"""Every input beside a golden CSV of the rows it must give (csvkit style, one test per file).

Regenerate after a deliberate change with `NHTH_UPDATE_GOLDEN=1 pytest tests/test_golden.py`
and read the diff before committing it.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pyarrow.csv as pcsv
import pytest

from nhth_cli import convert

from .conftest import GOLDEN, SAMPLES, SEEDS


def _inputs() -> list[tuple[str, Path]]:
    found = [("samples", p) for p in sorted(SAMPLES.iterdir()) if p.is_file()]
    if SEEDS.is_dir():
        found += [("seeds", p) for p in sorted(SEEDS.iterdir()) if p.is_file()]
    return found


def _csv(path: Path) -> str:
    buffer = io.BytesIO()
    pcsv.write_csv(convert(path).to_arrow(), buffer)
    return buffer.getvalue().decode("utf-8")


@pytest.mark.parametrize(("group", "path"), _inputs(), ids=lambda v: getattr(v, "name", v))
def test_rows_match_golden(group: str, path: Path) -> None:
    golden = GOLDEN / group / f"{path.name}.csv"
    actual = _csv(path)
    if os.environ.get("NHTH_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file for {path.name}; see this module's docstring"
    assert actual == golden.read_text(encoding="utf-8")


def test_every_golden_file_has_its_input() -> None:
    names = {(g, p.name) for g, p in _inputs()}
    for golden in GOLDEN.glob("*/*.csv"):
        if golden.parent.name == "seeds" and not SEEDS.is_dir():
            continue
        assert (golden.parent.name, golden.name.removesuffix(".csv")) in names, golden
