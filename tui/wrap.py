"""Word wrap that remembers where each display line starts in the text, so a character span
(a match) maps to the exact line to scroll to. Every character stays on some line."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator
from typing import Protocol

from rich.cells import cell_len, get_character_cell_size

Line = tuple[int, int]  # [start, end) into the text


class _Out(Protocol):
    def append(self, line: Line, /) -> None: ...


class Lines:
    """Display lines as two arrays of offsets, 16 bytes a line: a list of (start, end)
    tuples held about 130 (the reader of one article of 20 MB wrapped to 2 million lines:
    260 MB in the tuples alone). Indexed, iterated and measured as that list was."""

    def __init__(self) -> None:
        self.starts = array("q")  # (bisected by line_of)
        self.ends = array("q")

    def append(self, line: Line) -> None:
        self.starts.append(line[0])
        self.ends.append(line[1])

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> Line:
        return self.starts[index], self.ends[index]

    def __iter__(self) -> Iterator[Line]:
        return zip(self.starts, self.ends, strict=True)


def _wrap_paragraph(para: str, base: int, width: int, out: _Out) -> None:
    n = len(para)
    if n == 0:
        out.append((base, base))
        return
    narrow = cell_len(para) == n  # one cell a character: widths are plain lengths
    i = 0
    while i < n:
        if narrow:
            j = min(n, i + width)
        else:
            j, used = i, 0
            while j < n:
                w = get_character_cell_size(para[j])
                if used + w > width:
                    break
                used += w
                j += 1
            j = max(j, i + 1)
        if j >= n:
            out.append((base + i, base + n))
            return
        space = para.rfind(" ", i, j + 1)
        if space > i:
            out.append((base + i, base + space))
            i = space + 1
        else:  # a word longer than the line: break it
            out.append((base + i, base + j))
            i = j


def wrap_lines(text: str, width: int) -> list[Line]:
    lines: list[Line] = []
    _wrap(text, width, lines)
    return lines


def wrap_compact(text: str, width: int, base: int = 0, into: Lines | None = None) -> Lines:
    """wrap_lines' lines as Lines (an article's, of any length), their offsets `base` more
    than the text's (a text shown after another), appended to `into` if given."""
    lines = Lines() if into is None else into
    _wrap(text, width, lines, base)
    return lines


def _wrap(text: str, width: int, out: _Out, base: int = 0) -> None:
    width = max(1, width)
    pos = 0
    while True:  # (paragraph by paragraph: no list of them, no copy of the text at once)
        end = text.find("\n", pos)
        para = text[pos:] if end < 0 else text[pos:end]
        _wrap_paragraph(para, base + pos, width, out)
        if end < 0:
            return
        pos = end + 1


def line_starts(lines: list[Line] | Lines) -> list[int] | array[int]:
    return lines.starts if isinstance(lines, Lines) else [start for start, _ in lines]


def line_of(lines: list[Line] | Lines, offset: int,
            starts: list[int] | array[int] | None = None) -> int:
    """The index of the display line that holds character `offset`; pass `starts`
    (line_starts(lines), kept beside the lines) to make it a bisection only."""
    if starts is None:
        starts = line_starts(lines)
    return max(0, bisect_right(starts, offset) - 1)
