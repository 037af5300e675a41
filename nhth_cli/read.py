"""Reading converted rows back (Parquet or CSV) for `nhth validate`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    import pyarrow as pa


def _read_csv(path: Path, schema: pa.Schema) -> pa.Table:
    """CSV as `nhth convert` writes it: a null is an unquoted empty field; a quoted "" (or "NA",
    "null", ...) is a string, so labels never turn into nulls."""
    import pyarrow.csv as pcsv

    return pcsv.read_csv(
        path,
        convert_options=pcsv.ConvertOptions(
            column_types={f.name: f.type for f in schema},
            null_values=[""],
            strings_can_be_null=True,
            quoted_strings_can_be_null=False,
            true_values=["true", "True"],
            false_values=["false", "False"],
        ),
    )


def read_rows(path: Path) -> pa.Table:
    """Given a converted file, its rows with the SPEC.md schema."""
    import pyarrow as pa

    from .assemble import arrow_schema

    schema = arrow_schema()
    try:
        if path.suffix.lower() == ".csv":
            table = _read_csv(path, schema)
        else:
            import pyarrow.parquet as pq

            table = pq.read_table(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"{path}: not a readable converted file ({exc})") from None
    missing = [name for name in schema.names if name not in table.column_names]
    if missing:
        raise InputError(f"{path}: not an nhth output; missing columns {', '.join(missing)}")
    try:
        return table.select(schema.names).cast(schema)
    except (pa.ArrowException, ValueError, TypeError) as exc:
        # A wrong type, or a null where SPEC.md allows none.
        raise InputError(f"{path}: not an nhth output; {exc}") from None
