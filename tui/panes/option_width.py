"""The width the lists lay their rows out to."""

from __future__ import annotations

from textual.widget import Widget


def option_width(widget: Widget, minimum: int, fallback: int) -> int:
    """Cells an option's prompt may fill: the content width less the option's padding (one
    cell each side). The lists keep a stable scrollbar gutter (newsdesk.tcss), so rows laid
    out before a scrollbar appears still fit after it does."""
    return max(minimum, (widget.scrollable_content_region.width or fallback) - 2)


ROOMY = 160  # a terminal at least this wide has columns to spare for whole actor names


def sidebar_width(longest_row: int, chrome: int, screen_width: int, base: int = 30) -> int:
    """The sidebar's width: `base` (newsdesk.tcss) until the terminal is ROOMY, then wide
    enough for the longest row (plus the `chrome` of borders, padding and gutter around it),
    up to 28% of the terminal so the results keep most of it."""
    if screen_width < ROOMY:
        return base
    return max(base, min(longest_row + chrome, screen_width * 28 // 100))
