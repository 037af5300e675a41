"""Reading converted rows back (Parquet or CSV) for `nhth validate`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    import pyarrow as pa


def read_rows(path: Path) -> pa.Table:
    """Given a converted file, its rows with the SPEC.md schema."""
    import pyarrow as pa

    from .assemble import arrow_schema

    schema = arrow_schema()
    try:
        if path.suffix.lower() == ".csv":
            import pyarrow.csv as pcsv

            table = pcsv.read_csv(
                path,
                convert_options=pcsv.ConvertOptions(
                    column_types={f.name: f.type for f in schema},
                    strings_can_be_null=True,
                    true_values=["true", "True"],
                    false_values=["false", "False"],
                ),
            )
        else:
            import pyarrow.parquet as pq

            table = pq.read_table(path)
    except (OSError, pa.ArrowInvalid) as exc:
        raise InputError(f"{path}: not a readable converted file ({exc})") from None
    missing = [name for name in schema.names if name not in table.column_names]
    if missing:
        raise InputError(f"{path}: not an nhth output; missing columns {', '.join(missing)}")
    return table.select(schema.names).cast(schema)
