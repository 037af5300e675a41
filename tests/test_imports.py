"""nhth_cli's modules import one another without cycles, counting imports inside functions and
under TYPE_CHECKING: each module can be read (and tested) without the ones that use it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "nhth_cli"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package's modules a file imports, anywhere in it."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            # `from . import x` and `from .pkg import mod` name modules too.
            found.update(f"{target}.{a.name}" for a in node.names)
    return {m for m in found if m in modules and m != name}


def import_graph() -> dict[str, set[str]]:
    files = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(f) for f in files}
    graph = {_module_name(f): _imports(f, modules) for f in files}
    # Importing a module runs its packages' __init__ first: those edges are not cycles of the
    # module's own making, so a package's __init__ is not counted as imported by its members.
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph (its modules, the first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_walker_sees_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_walker_sees_function_level_imports() -> None:
    graph = import_graph()
    assert "nhth_cli.workers" in graph["nhth_cli.pipeline"]  # imported inside convert_files


def test_no_import_cycles() -> None:
    assert find_cycle(import_graph()) is None


def test_the_vocabulary_lists_the_registry_s_tables_in_its_order() -> None:
    from nhth_cli.layouts import LAYOUTS
    from nhth_cli.tables import TABLES

    assert tuple(t for layout in LAYOUTS for t in layout.tables) == TABLES


def _outside_imports() -> set[str]:
    """Every module path nhth_cli imports from outside the package (relative imports aside)."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{a.name}" for a in node.names)
    return {m for m in found if not m.startswith(("nhth_cli", "__future__"))}


def test_no_private_api_of_a_dependency_is_imported() -> None:
    private = {m for m in _outside_imports() if any(p.startswith("_") for p in m.split("."))}
    assert private == set()
    assert "typer" in _outside_imports()  # the walk sees the package's imports
