"""tests/lowest_versions.py: the constraints `make test-lowest` installs."""

from __future__ import annotations

import tomllib

import pytest

from tests.lowest_versions import PYPROJECT, lowest_constraints


def _pyproject(*dependencies: str) -> str:
    listed = ", ".join(f'"{d}"' for d in dependencies)
    return f"[project]\nname = 'x'\ndependencies = [{listed}]\n"


def test_each_dependency_is_held_at_its_lower_bound() -> None:
    text = _pyproject(
        "typer>=0.27.3,<0.29", "pyarrow >= 21", "rich[jupyter]>=13.8; python_version>'3'"
    )
    assert lowest_constraints(text) == ["typer==0.27.3", "pyarrow==21", "rich==13.8"]


def test_a_dependency_without_a_lower_bound_is_an_error() -> None:
    with pytest.raises(ValueError, match="no lower bound"):
        lowest_constraints(_pyproject("typer<0.29"))


def test_every_runtime_dependency_of_the_project_has_a_tested_bound() -> None:
    dependencies = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    pins = lowest_constraints(PYPROJECT.read_text())
    assert len(pins) == len(dependencies)
    assert {p.split("==")[0] for p in pins} >= {"typer", "pyarrow", "pypdfium2"}
