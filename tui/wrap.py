"""Word wrap that remembers where each display line starts in the text, so a character span
(a match) maps to the exact line to scroll to. Every character stays on some line."""

from __future__ import annotations

from bisect import bisect_right

from rich.cells import cell_len, get_character_cell_size

Line = tuple[int, int]  # [start, end) into the text


def _wrap_paragraph(para: str, base: int, width: int, out: list[Line]) -> None:
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
    width = max(1, width)
    lines: list[Line] = []
    pos = 0
    for para in text.split("\n"):
        _wrap_paragraph(para, pos, width, lines)
        pos += len(para) + 1
    return lines


def line_starts(lines: list[Line]) -> list[int]:
    return [start for start, _ in lines]


def line_of(lines: list[Line], offset: int, starts: list[int] | None = None) -> int:
    """The index of the display line that holds character `offset`; pass `starts`
    (line_starts(lines), kept beside the lines) to make it a bisection only."""
    if starts is None:
        starts = line_starts(lines)
    return max(0, bisect_right(starts, offset) - 1)
