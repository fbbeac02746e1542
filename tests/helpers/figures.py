"""How hard the fault suite tried: every fault test records (what, tried, failed) on its
report (tests/faults/conftest.py), and the run ends with one table of them
(tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

FIGURES: list[dict[str, object]] = []  # gathered from the reports, in the order they came
FIGURES_PROPERTY = "newsdesk_fault_figures"  # the name of a report's user property

Record = Callable[..., None]
