"""Grouped aggregates of Arrow rows without Arrow's query engine.

`Table.group_by` and `Table.join` run Acero, whose import pulls in pandas (~0.25 s, ~50 MB)
although nothing here needs it. Group ids come from dictionary-encoded key columns, and the
aggregates from NumPy reductions over those ids: one pass per column, no Python per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa


def group_ids(table: pa.Table, keys: Sequence[str]) -> tuple[np.ndarray, list[tuple[Any, ...]]]:
    """Given rows, each row's group number (groups numbered in order of first appearance) and
    each group's key values."""
    import numpy as np
    import pyarrow.compute as pc

    n = table.num_rows
    codes = np.zeros(n, dtype=np.int64)
    columns: list[tuple[np.ndarray, list[Any]]] = []
    for key in keys:
        encoded = pc.dictionary_encode(table[key].combine_chunks(), null_encoding="encode")
        indices = _numbers(encoded.indices).astype(np.int64)
        dictionary = encoded.dictionary.to_pylist()
        codes = codes * max(1, len(dictionary)) + indices
        columns.append((indices, dictionary))
    _, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    starts = first[order]
    keys_of = [tuple(dictionary[indices[row]] for indices, dictionary in columns) for row in starts]
    return rank[inverse.reshape(-1)], keys_of


def _numbers(array: pa.Array) -> np.ndarray:
    """An array's values as NumPy, read from its data buffer (nulls hold anything): pyarrow's
    to_numpy() and pa.scalar() import pandas."""
    import numpy as np
    import pyarrow as pa

    whole = pa.types.is_boolean(array.type) or pa.types.is_integer(array.type)
    array = array.cast(pa.int64() if whole else pa.float64())
    dtype = np.int64 if whole else np.float64
    data = array.buffers()[1]
    return np.frombuffer(data, dtype=dtype, count=len(array), offset=array.offset * 8)


def _valid(column: pa.ChunkedArray) -> np.ndarray:
    import pyarrow.compute as pc

    return _numbers(pc.is_valid(column.combine_chunks())).astype(bool)


def _values(column: pa.ChunkedArray) -> tuple[np.ndarray, bool]:
    """A numeric or boolean column as float64 values (whatever stands at a null: callers mask
    them with the validity), and whether it holds integers."""
    import numpy as np
    import pyarrow as pa

    array = column.combine_chunks()
    return _numbers(array).astype(np.float64), not pa.types.is_floating(array.type)


def grouped(table: pa.Table, keys: Sequence[str], aggs: list[tuple[str, str]]) -> dict[Any, Any]:
    """Given rows, their aggregates per key (a tuple of key values) as dicts: each key column,
    and `<column>_<agg>` for agg in sum, min, max, count (count of non-null values). Groups
    come in order of first appearance; an aggregate over only nulls is None."""
    import numpy as np

    if table.num_rows == 0:
        return {}
    ids, keys_of = group_ids(table, keys)
    size = len(keys_of)
    out: dict[Any, Any] = {key: dict(zip(keys, key, strict=True)) for key in keys_of}
    for column, agg in aggs:
        valid = _valid(table[column])
        present = np.bincount(ids, weights=valid.astype(np.float64), minlength=size)
        if agg == "count":
            result: list[Any] = [int(c) for c in present]
        else:
            values, whole = _values(table[column])
            if agg == "sum":
                reduced = np.bincount(ids, weights=np.where(valid, values, 0.0), minlength=size)
            elif agg in ("min", "max"):
                ufunc = np.minimum if agg == "min" else np.maximum
                reduced = np.full(size, np.inf if agg == "min" else -np.inf)
                ufunc.at(reduced, ids[valid], values[valid])
            else:
                raise ValueError(f"unknown aggregate {agg!r}")
            result = [
                None if not p else (int(v) if whole else float(v))
                for v, p in zip(reduced.tolist(), present.tolist(), strict=True)
            ]
        for key, value in zip(keys_of, result, strict=True):
            out[key][f"{column}_{agg}"] = value
    return out


def lit(value: str | float | bool | None, type_: pa.DataType) -> pa.Scalar:
    """An Arrow scalar for a compute call. A Python value there goes through pa.scalar(),
    which imports pandas; one taken from a one-element array built from buffers does not."""
    import pyarrow as pa

    from ..assemble import _bools, _floats, _ints, _strings

    if pa.types.is_string(type_):
        array = _strings([value if value is None else str(value)])
    elif pa.types.is_boolean(type_):
        array = _bools([bool(value)])
    elif pa.types.is_floating(type_):
        array = _floats([None if value is None else float(value)])
    else:
        array = _ints("q", [None if value is None else int(value)], pa.int64())
    return array[0]
