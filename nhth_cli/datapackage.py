"""A Frictionless Data Package (`datapackage.json`) describing an nhth output file.

Built from the column schema and the table vocabulary alone, so publishing the data or running
`frictionless validate datapackage.json` needs no frictionless at conversion time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from . import __version__
from .normalize.jurisdictions import CODES
from .schema import COLUMNS, PRIMARY_KEY, TABLE_SCHEMA_TYPES, Column
from .tables import TABLES, TableSpec

MEDIA_TYPES = {
    "parquet": "application/vnd.apache.parquet",
    "csv": "text/csv",
    "jsonl": "application/x-ndjson",
}

# Bounds every value of these columns respects (SPEC.md: counts and bounds are never negative).
_MINIMUM = {"count": 0, "count_min": 0, "count_max": 0, "pct": 0, "line": 1, "page": 1}


def report_kinds(tables: Sequence[TableSpec] = TABLES) -> list[str]:
    """Every report kind of the vocabulary, in first-seen order."""
    kinds: list[str] = []
    for t in tables:
        kinds.extend(k for k in t.reports if k not in kinds)
    return kinds


def jurisdiction_codes() -> list[str]:
    """Every USPS code nhth writes, `US` (national figures) included."""
    return list(CODES)


def _field(col: Column, enums: dict[str, list[str]]) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": col.name,
        "type": TABLE_SCHEMA_TYPES[col.arrow_type],
        "description": col.description,
    }
    constraints: dict[str, Any] = {}
    if not col.nullable:
        constraints["required"] = True
    if col.name in _MINIMUM:
        constraints["minimum"] = _MINIMUM[col.name]
    if col.name in enums:
        constraints["enum"] = enums[col.name]
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(
    columns: Sequence[Column] = COLUMNS,
    tables: Sequence[TableSpec] = TABLES,
    missing_values: Sequence[str] = ("",),
) -> dict[str, Any]:
    """The Frictionless Table Schema of the columns: types, descriptions, key, enumerations."""
    enums = {
        "table": list(dict.fromkeys(t.id for t in tables)),  # `summary` is in several layouts
        "report": report_kinds(tables),
        "jurisdiction_code": jurisdiction_codes(),
    }
    return {
        "fields": [_field(c, enums) for c in columns],
        "primaryKey": list(PRIMARY_KEY),
        "missingValues": list(missing_values),
    }


def _name(text: str) -> str:
    """A Data Package name: lower case letters, digits, `-`, `_` and `.`."""
    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-") or "nhth"


def datapackage(
    path: str,
    fmt: str,
    columns: Sequence[Column] = COLUMNS,
    tables: Sequence[TableSpec] = TABLES,
) -> dict[str, Any]:
    """Given an output file's path (relative to the datapackage.json) and format, the package."""
    stem = path.rsplit("/", 1)[-1].split(".", 1)[0]
    resource: dict[str, Any] = {
        "name": _name(stem),
        "path": path,
        "profile": "tabular-data-resource",
        "format": fmt,
        "mediatype": MEDIA_TYPES[fmt],
    }
    if fmt != "parquet":
        resource["encoding"] = "utf-8"
    # frictionless reads Parquet through pandas, where a null number arrives as NaN ("nan").
    missing = ("", "nan") if fmt == "parquet" else ("",)
    resource["schema"] = table_schema(columns, tables, missing)
    return {
        "profile": "tabular-data-package",
        "name": _name(f"nhth-{stem}"),
        "title": "National Human Trafficking Hotline state reports as rows",
        "description": (
            "One row per table cell (count, percent) printed in U.S. National Human Trafficking "
            "Hotline state and territory reports, converted by nhth; a withheld count is a "
            "suppressed row with bounds count_min..count_max."
        ),
        "sources": [
            {
                "title": "National Human Trafficking Hotline",
                "path": "https://humantraffickinghotline.org",
            }
        ],
        "nhth_version": __version__,
        "resources": [resource],
    }


def to_json(package: dict[str, Any]) -> bytes:
    """The package as UTF-8 JSON, the same bytes for the same package."""
    return (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
