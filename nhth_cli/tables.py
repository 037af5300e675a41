"""The table vocabulary: every layout's tables (nhth_cli/layouts/), in registry order."""

from __future__ import annotations

from .layouts import LAYOUTS
from .layouts.base import TableSpec
from .layouts.hotline_tables import TRAFFICKING_TYPES

# Every layout's tables, in the registry's order (a new layout's tables join by themselves).
TABLES: tuple[TableSpec, ...] = tuple(t for layout in LAYOUTS for t in layout.tables)

# A table id's first spec (ids such as `summary` occur in several layouts: see layouts.table_spec).
BY_ID: dict[str, TableSpec] = {}
for _spec in TABLES:
    BY_ID.setdefault(_spec.id, _spec)


def is_cumulative(table_id: str) -> bool:
    """Unknown tables (read from an unknown heading) are assumed cumulative when they total."""
    spec = BY_ID.get(table_id)
    return spec.cumulative if spec else True


__all__ = [
    "BY_ID",
    "TABLES",
    "TRAFFICKING_TYPES",
    "TableSpec",
    "is_cumulative",
]
