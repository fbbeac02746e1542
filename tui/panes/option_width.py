"""The width the lists lay their rows out to."""

from __future__ import annotations

from textual.widget import Widget


def option_width(widget: Widget, minimum: int, fallback: int) -> int:
    """Cells an option's prompt may fill: the content width less the option's padding (one
    cell each side). The lists keep a stable scrollbar gutter (newsdesk.tcss), so rows laid
    out before a scrollbar appears still fit after it does."""
    return max(minimum, (widget.scrollable_content_region.width or fallback) - 2)
