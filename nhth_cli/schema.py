"""The output columns of SPEC.md: names, types and descriptions, in order.

Types are named as strings so that importing this module does not import pyarrow.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    arrow_type: str  # a pyarrow factory name: string, int16, int32, int64, float64, bool_, date32
    nullable: bool
    description: str


COLUMNS: tuple[Column, ...] = (
    Column("jurisdiction", "string", False, "Canonical state or territory name"),
    Column("year", "int16", False, "Last year of the period the document covers"),
    Column("table", "string", False, "Table id from the nhth table vocabulary"),
    Column("category", "string", False, "Row label as printed, footnote marks removed"),
    Column("count", "int64", True, "The count; null when suppressed or not printed"),
    Column("pct", "float64", True, "The percent as printed (24.6% -> 24.6); null when absent"),
    Column("suppressed", "bool_", False, "True where the source withholds the number"),
    Column("jurisdiction_code", "string", False, "USPS code of the jurisdiction"),
    Column("report", "string", False, "Document kind: the layout read (see nhth tables)"),
    Column("parent", "string", True, "Enclosing category of a nested row; null at top level"),
    Column("is_total", "bool_", False, "True for the printed total row"),
    Column("count_min", "int64", False, "Lower bound of the true count"),
    Column("count_max", "int64", False, "Upper bound of the true count"),
    Column("period_start", "date32", False, "First day of the period the document covers"),
    Column("period_end", "date32", False, "Last day of the period the document covers"),
    Column("source", "string", False, "Input file path, relative to the folder given"),
    Column("line", "int32", False, "1-based line of the row's numbers in the document text"),
    Column("page", "int16", True, "1-based PDF page or form-feed page; null when unknown"),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)

# A row is identified by where it was printed: its file, its table, the line of its numbers and
# its label (several rows can share a line, as the overview's signals do).
PRIMARY_KEY: tuple[str, ...] = ("source", "table", "line", "category")

# Frictionless Table Schema field types for the Arrow types above.
TABLE_SCHEMA_TYPES: dict[str, str] = {
    "string": "string",
    "int16": "integer",
    "int32": "integer",
    "int64": "integer",
    "float64": "number",
    "bool_": "boolean",
    "date32": "date",
}


def column(name: str) -> Column:
    """The column called `name`; KeyError for a name that is not in COLUMNS."""
    for c in COLUMNS:
        if c.name == name:
            return c
    raise KeyError(name)


def field_metadata(col: Column) -> dict[str, str]:
    """The Arrow field metadata of a column, as written to Parquet."""
    return {"description": col.description}
