"""The table vocabulary: every layout's tables (nhth_cli/layouts/), in registry order."""

from __future__ import annotations

from .layouts.base import TableSpec
from .layouts.hotline_tables import TABLES as HOTLINE_TABLES
from .layouts.hotline_tables import TRAFFICKING_TYPES
from .layouts.state_profile import TABLES as PROFILE_TABLES
from .layouts.web_state_table import TABLES as STATE_TABLE_TABLES
from .layouts.web_statistics import TABLES as WEB_STATISTICS_TABLES

HOTLINE = ("hotline_report",)
PROFILE = ("state_profile",)

# In the registry's order (layouts.LAYOUTS; a test holds the two equal). Taken from the layout
# modules, not the registry: the hotline parser reads this, and the registry imports it.
TABLES: tuple[TableSpec, ...] = (
    *HOTLINE_TABLES,
    *PROFILE_TABLES,
    *WEB_STATISTICS_TABLES,
    *STATE_TABLE_TABLES,
)

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
    "HOTLINE",
    "PROFILE",
    "TABLES",
    "TRAFFICKING_TYPES",
    "TableSpec",
    "is_cumulative",
]
