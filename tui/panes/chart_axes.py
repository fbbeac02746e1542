"""The chart's colours and axes: which periods and values are marked, and the runs of
periods a line is drawn through (pure functions, shared by the pane and its plot)."""

from __future__ import annotations

import math

# One colour a line, told apart on dark and light themes (and by colour-blind readers:
# blue, orange, green, magenta, yellow); the legend's swatch is the line's colour.
COLORS: tuple[tuple[int, int, int], ...] = (
    (0, 150, 255), (255, 140, 0), (60, 200, 90), (220, 80, 220), (230, 200, 0))
# Without colour (NO_COLOR) the lines are told apart by their marks instead: one a line,
# one cell wide each, the legend's swatch the line's mark.
MARKERS: tuple[str, ...] = ("•", "x", "+", "o", "#")


def swatch(number: int, colour: bool) -> str:
    """The legend's mark of line `number`: a square in its colour, or its own mark."""
    return "■" if colour else MARKERS[number % len(MARKERS)]


def x_ticks(labels: list[str], width: int) -> tuple[list[int], list[str]]:
    """Positions and labels of the periods marked on the x axis: as many as fit with a
    space between them, always the first and the last."""
    if not labels:
        return [], []
    cell = max(len(label) for label in labels) + 2
    room = max(2, width // cell)
    step = max(1, -(-len(labels) // room))
    where = list(range(0, len(labels), step))
    if where[-1] != len(labels) - 1:
        if len(labels) - 1 - where[-1] < step / 2 and len(where) > 1:
            where[-1] = len(labels) - 1
        else:
            where.append(len(labels) - 1)
    return where, [labels[i] for i in where]


def y_ticks(peak: float, share: bool) -> list[float]:
    """Round steps from 0 to at least `peak`: whole numbers for counts, a percentage with
    up to two decimals for shares; about five."""
    if peak <= 0:
        return [0.0, 1.0]
    raw = peak / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if not share:
        step = max(1.0, float(math.ceil(step)))
    top = math.ceil(peak / step - 1e-9) * step
    return [round(i * step, 4) for i in range(int(round(top / step)) + 1)]


def tick_label(value: float, share: bool) -> str:
    if share:
        return f"{value:g}%"
    return f"{int(value):,}"


def runs(xs: list[int], keep: list[bool] | None) -> list[list[int]]:
    """`xs` cut into runs of consecutive kept positions (all of it when `keep` is None)."""
    if keep is None:
        return [xs] if xs else []
    found: list[list[int]] = []
    for x in xs:
        if not keep[x]:
            continue
        if found and found[-1][-1] == x - 1:
            found[-1].append(x)
        else:
            found.append([x])
    return found
