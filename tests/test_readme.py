"""The README documents every command and option, the schema, the vocabulary and the checks."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from typer import Context
from typer.main import get_command

from nhth_cli.cli import app
from nhth_cli.schema import COLUMNS
from nhth_cli.tables import TABLES

from .conftest import ROOT, SHARED

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    """The text of a `## title` section, up to the next `## ` heading."""
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert m, f"README has no section '## {title}'"
    return m.group(1)


def _params() -> Iterator[tuple[str, object]]:
    """(where, parameter) for the group's options and every command's arguments and options."""
    group = get_command(app)
    ctx = Context(group, info_name="nhth")
    for param in group.get_params(ctx):
        yield "nhth", param
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        sub = Context(command, info_name=name, parent=ctx)
        for param in command.get_params(sub):
            yield f"nhth {name}", param


def _commands() -> list[str]:
    return list(get_command(app).commands)  # type: ignore[attr-defined]


def test_quick_start_keeps_the_two_commands() -> None:
    quick = _section("Quick start")
    assert re.search(r"^\s+make run\b", quick, re.M)
    assert re.search(r"^\s+make test\b", quick, re.M)


def test_every_command_is_documented_with_an_example() -> None:
    assert set(_commands()) == {"convert", "validate", "inspect", "tables"}
    for name in _commands():
        assert f"### `nhth {name}" in README, name
        assert re.search(rf"^\s+nhth {name}\b", README, re.M), f"no example of nhth {name}"


def test_every_command_has_help() -> None:
    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert (command.help or "").strip(), name


@pytest.mark.parametrize("where_param", list(_params()), ids=lambda wp: f"{wp[0]} {wp[1].name}")
def test_every_option_is_documented_and_has_help(where_param: tuple[str, object]) -> None:
    where, param = where_param
    help_text = getattr(param, "help", None)
    assert help_text and help_text.strip(), f"{where} {param.name} has no help"  # type: ignore[attr-defined]
    if getattr(param, "param_type_name", "") == "argument":
        metavar = param.metavar or param.name.upper()  # type: ignore[attr-defined]
        assert f"`{metavar}`" in README, f"{where}: argument {metavar} not in README"
        return
    for opt in [*param.opts, *param.secondary_opts]:  # type: ignore[attr-defined]
        assert re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", README), (
            f"{where}: option {opt} not in README"
        )


def test_schema_table_lists_the_columns_in_order() -> None:
    rows = re.findall(r"^\| `(\w+)` \| (\w+) \| (yes|no) \|", _section("Output"), re.M)
    assert [name for name, _, _ in rows] == [c.name for c in COLUMNS]
    for (_, typ, nullable), col in zip(rows, COLUMNS, strict=True):
        assert typ == col.arrow_type.rstrip("_")
        assert (nullable == "yes") == col.nullable


def test_vocabulary_lists_every_table() -> None:
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \|", _section("Table vocabulary"), re.M)
    assert [name for name, _ in rows] == [t.id for t in TABLES]
    for (_, heading), spec in zip(rows, TABLES, strict=True):
        assert heading.strip() == spec.heading


def test_validation_lists_the_checks_of_the_spec() -> None:
    spec = SHARED / "SPEC.md"
    if not spec.exists():
        pytest.skip("../shared/SPEC.md is not present")
    text = spec.read_text(encoding="utf-8")
    checks_table = text[text.index("| check | what it compares |") :]
    checks = re.findall(r"^\| `(\w+)` \|", checks_table, re.M)
    assert len(checks) >= 8
    documented = re.findall(r"^\| `(\w+)` \|", _section("Validation"), re.M)
    assert set(checks) <= set(documented)
    # Checks beyond SPEC.md's are documented only if nhth really runs them.
    from pathlib import Path

    import nhth_cli.checks as package

    source = "".join(p.read_text() for p in Path(package.__file__).parent.glob("*.py"))
    for extra in set(documented) - set(checks):
        assert f'"{extra}"' in source, extra


def test_placeholder_and_recipes() -> None:
    assert "## Performance" in README
    recipes = _section("Recipes")
    for needle in ("from 'out.parquet'", "pd.read_parquet", "library(arrow)", "| nhth convert -"):
        assert needle in recipes, needle


def test_exit_codes_are_documented() -> None:
    codes = _section("Exit codes")
    for code in ("| 0 |", "| 1 |", "| 2 |"):
        assert code in codes
