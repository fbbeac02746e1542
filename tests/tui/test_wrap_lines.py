"""The reader's display lines (tui/wrap.py) kept as two arrays of offsets: the same lines as
the list of (start, end) tuples, in 16 bytes a line, for an article of any length (20 MB
of one word repeated wrapped to 2 million lines: 260 MB in the tuples alone)."""

from __future__ import annotations

import tracemalloc

import pytest

from newsdesk.tui.wrap import Lines, line_of, line_starts, wrap_compact, wrap_lines
from tests.helpers import newswire

_TEXTS = ["", "\n", "one", "a\n\nb\n", "x" * 95 + " tail", "日本語のテキスト " * 30,
          "\n\n".join(r["text"] for r in newswire.records(20))]


@pytest.mark.parametrize("width", [1, 7, 40, 118])
def test_compact_lines_are_the_lines(width: int) -> None:
    for text in _TEXTS:
        lines = wrap_lines(text, width)
        compact = wrap_compact(text, width)
        assert isinstance(compact, Lines)
        assert len(compact) == len(lines)
        assert list(compact) == lines
        assert [compact[i] for i in range(len(lines))] == lines
        assert list(line_starts(compact)) == line_starts(lines)
        for offset in range(0, len(text), max(1, len(text) // 50)):
            assert line_of(compact, offset, compact.starts) == line_of(lines, offset)


def test_an_articles_lines_take_16_bytes_each() -> None:
    text = "iran " * 60_000  # 300 KB, one paragraph
    tracemalloc.start()
    try:
        compact = wrap_compact(text, 10)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(compact) == 30_000  # ("iran iran" a line)
    assert held < 24 * len(compact)  # (arrays grow by an eighth: 16 bytes and slack)
    tracemalloc.start()
    try:
        listed = wrap_lines(text, 10)
        assert tracemalloc.get_traced_memory()[0] > 80 * len(listed)  # the tuples'
    finally:
        tracemalloc.stop()
