"""The layout registry: one module per kind of document, each exporting one `Layout`.

A layout declares its kind, its tables (ids, headings, known labels, base quantity, what they
add up to), how much a text looks like it (a score from 0 to 1) and how to parse it. The parser
picks the best-scoring layout; the checks and `nhth tables` read the tables from here.
"""

from __future__ import annotations

from functools import cache

from . import hotline_report, state_profile, web_state_table, web_statistics
from .base import Layout, Quantity, TableSpec

# In the order ties are decided (the first best score wins) and `nhth tables` lists them.
LAYOUTS: tuple[Layout, ...] = (
    hotline_report.LAYOUT,
    state_profile.LAYOUT,
    web_statistics.LAYOUT,
    web_state_table.LAYOUT,
)
THRESHOLD = 0.5  # a document no layout scores this high is not a report

BY_KIND: dict[str, Layout] = {layout.kind: layout for layout in LAYOUTS}


def scores(text: str) -> list[tuple[float, Layout]]:
    """Every layout's score for a text, in registry order."""
    return [(layout.recognise(text), layout) for layout in LAYOUTS]


def best_layout(text: str) -> Layout | None:
    """The layout that scores highest (at least THRESHOLD); None when none does."""
    score, layout = max(scores(text), key=lambda pair: pair[0])
    return layout if score >= THRESHOLD else None


@cache
def _specs() -> dict[tuple[str, str], TableSpec]:
    return {(layout.kind, t.id): t for layout in LAYOUTS for t in layout.tables}


def table_spec(kind: str, table_id: str) -> TableSpec | None:
    """A layout's table by id; None for a table read from a heading the layout does not know."""
    return _specs().get((kind, table_id))


def tables_of(kind: str) -> tuple[TableSpec, ...]:
    """A layout's tables; none for an unknown kind."""
    layout = BY_KIND.get(kind)
    return layout.tables if layout is not None else ()


def is_national(kind: str) -> bool:
    """Whether a kind's report is of the whole country, its rows naming their jurisdictions."""
    layout = BY_KIND.get(kind)
    return layout is not None and layout.national


def quantities(kind: str) -> tuple[Quantity, ...]:
    layout = BY_KIND.get(kind)
    return layout.quantities if layout is not None else ()


__all__ = [
    "BY_KIND", "LAYOUTS", "THRESHOLD", "Layout", "Quantity", "TableSpec", "best_layout",
    "is_national", "quantities", "scores", "table_spec", "tables_of",
]  # fmt: skip
