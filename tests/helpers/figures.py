"""How hard the fault suite tried: every fault test records (what, tried, failed), and the
run ends with one table of them (tests/faults/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

FIGURES: list[dict[str, object]] = []

Record = Callable[..., None]
