"""column_adds.add_all leaves each of Whoosh's column writers as its own `add`, value by
value, does: the same bytes written, the same lengths and offsets (their array types
widened alike), the same count; documents without a value and values equal to a numeric
column's default included."""

from __future__ import annotations

import random
from io import BytesIO
from typing import Any

import pytest
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, STORED_COLUMN
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.filedb.structfile import StructFile

from newsdesk.index.storage.column_adds import add_all


def _state(writer: Any, buffer: BytesIO) -> tuple:
    inner = getattr(writer, "_child", writer)
    arrays = tuple((getattr(inner, name).typecode, list(getattr(inner, name).array))
                   for name in ("_lengths", "_offsets") if hasattr(inner, name))
    return buffer.getvalue(), inner._count, getattr(inner, "_offset_base", None), arrays


def _both(column: Any, values: list[tuple[int, Any]]) -> tuple[tuple, tuple]:
    found = []
    for bulk in (False, True):
        buffer = BytesIO()
        writer = column.writer(StructFile(buffer))
        writer.add(0, values[0][1])  # (a value before: the bulk call goes on from it)
        rest = [(docnum + 1, value) for docnum, value in values]
        if bulk:
            add_all(writer, rest)
        else:
            for docnum, value in rest:
                writer.add(docnum, value)
        found.append(_state(writer, buffer))
    return found[0], found[1]


def _docnums(rng: random.Random, count: int) -> list[int]:
    return sorted(rng.sample(range(count * 2), count))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_var_bytes_values_with_gaps_and_wide_offsets(seed: int) -> None:
    rng = random.Random(seed)
    # (values long enough that the offsets outgrow two bytes: the arrays widen)
    values = [(d, bytes(rng.randrange(256) for _ in range(rng.randrange(0, 400))))
              for d in _docnums(rng, 400)]
    one, bulk = _both(VarBytesColumn(), values)
    assert bulk == one
    assert bulk[3][1][0] != "B"  # (the offsets' array was widened)


@pytest.mark.parametrize("seed", [1, 2])
def test_stored_fields_pickled_and_compressed(seed: int) -> None:
    rng = random.Random(seed)
    values = [(d, {"id": f"doc-{d}"} if rng.random() > 0.1 else None)
              for d in _docnums(rng, 200)]
    one, bulk = _both(STORED_COLUMN, values)
    assert bulk == one


@pytest.mark.parametrize("column", [LENGTHS_COLUMN, NumericColumn("Q")])
def test_numbers_with_gaps_and_defaults(column: Any) -> None:
    rng = random.Random(4)
    values = [(d, rng.choice([0, 0, 1, 7, 200])) for d in _docnums(rng, 300)]
    values.append((values[-1][0] + 5, 0))  # (a default last: not written, not counted)
    one, bulk = _both(column, values)
    assert bulk == one
