"""Print pip constraints that hold every dependency of pyproject.toml at its lower bound.

    python tests/lowest_versions.py > lowest.txt
    pip install -e '.[test]' --constraint lowest.txt

`make test-lowest` runs the tests against them, so that a lower bound in pyproject.toml is one
the project works with, not a guess. Only the runtime dependencies are held down; the test tools
come as pip resolves them.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
_LOWER = re.compile(r"^(?P<name>[A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*(?P<spec>[^;]*)")


def lowest_constraints(pyproject: str) -> list[str]:
    """Given pyproject.toml's text, `name==version` for each runtime dependency with a lower
    bound (`>=version`); a dependency without one is an error, since it cannot be tested."""
    out = []
    for requirement in tomllib.loads(pyproject)["project"]["dependencies"]:
        m = _LOWER.match(requirement.strip())
        assert m is not None, requirement
        bound = next(
            (
                part.strip()[2:].strip()
                for part in m["spec"].split(",")
                if part.strip().startswith(">=")
            ),
            None,
        )
        if bound is None:
            raise ValueError(f"{requirement!r} has no lower bound (>=) to test")
        out.append(f"{m['name']}=={bound}")
    return out


if __name__ == "__main__":
    sys.stdout.write("".join(line + "\n" for line in lowest_constraints(PYPROJECT.read_text())))
