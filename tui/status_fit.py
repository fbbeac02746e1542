"""A line of parts that gives way in an order of its own when the terminal is too narrow.

The status line says what the results are, which filters narrow them, and notes (the last
word as a prefix, the time, the default operator). Cut at its end by the terminal's width,
an 80-column terminal lost the filters behind the prefix note ("filters: act…"). Here each
part says when it gives way: first shortened (the prefix note to the word, the filters
without "(x removes)"), then left out, the least needed first; the parts nothing may
leave out (the hit count, the filters) are cut at the line's end last. A line that lost
a part ends with an ellipsis, so it never looks whole when it is not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text

SEPARATOR = " · "
MORE = " · …"  # the end of a line that lost a part
KEEP = 0  # a `drop` rank: never left out (cut at the line's end if nothing else is left)


@dataclass(frozen=True, slots=True)
class Part:
    """One part of the line. `drop` and `shorten` are ranks: at each step the part with the
    highest rank left gives way (the later part of two of the same rank); 0 never."""

    text: Text
    drop: int = KEEP
    short: Text | None = None
    shorten: int = 0


def fit(parts: Sequence[Part], width: int) -> Text:
    """The parts joined by SEPARATOR, given way until they fit in `width` cells (a width of
    0 or less: not laid out yet, everything)."""
    shown: list[Text | None] = [p.text for p in parts]
    if width <= 0:
        return _joined(shown)
    steps = sorted(
        [(p.drop, i, "drop") for i, p in enumerate(parts) if p.drop != KEEP]
        + [(p.shorten, i, "shorten") for i, p in enumerate(parts)
           if p.short is not None and p.shorten],
        key=lambda step: (step[0], step[1], step[2] == "shorten"), reverse=True)
    lost = False
    for _, index, how in steps:
        if _width(shown) + (len(MORE) if lost else 0) <= width:
            break
        if shown[index] is None:
            continue
        shown[index] = None if how == "drop" else parts[index].short
        lost = lost or how == "drop"
    line = _joined(shown)
    if lost:
        line.append(MORE)
    if line.cell_len > width:
        line.truncate(width, overflow="ellipsis")
    return line


def _joined(shown: Sequence[Text | None]) -> Text:
    return Text(SEPARATOR).join(t for t in shown if t is not None)


def _width(shown: Sequence[Text | None]) -> int:
    texts = [t for t in shown if t is not None]
    return sum(t.cell_len for t in texts) + len(SEPARATOR) * max(0, len(texts) - 1)
