"""A pattern's matches as `finditer` gives them, tried only at the places one can start.

The credit patterns (photo credits, wire staff credits) are tried at each offset where a
cheap `str.find` says one of their matches may begin, rather than at every character of
the text; the matches kept are those `finditer` would give: in order, none overlapping."""

from __future__ import annotations

import re
from collections.abc import Iterable


def matches_from(pattern: re.Pattern[str], text: str,
                 starts: Iterable[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    reach = 0  # finditer goes on from the end of its last match
    for start in sorted(starts):
        if start >= reach:
            m = pattern.match(text, start)
            if m:
                out.append(m.span())
                reach = m.end()
    return out
