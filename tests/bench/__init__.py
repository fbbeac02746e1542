"""Benchmarks (`make bench-scale`, `bench-views`, `bench-ui`; BENCHMARKS.md)."""

from __future__ import annotations

import compileall
from pathlib import Path

_PROJECT = Path(__file__).resolve().parents[2]


def compile_sources() -> None:
    """Write newsdesk's bytecode, as installing a package does, before anything measures a
    start. An editable install leaves it to the first import, and with
    PYTHONDONTWRITEBYTECODE set (as on some machines) every start compiles the changed
    modules again: 35 ms of opening a million-article index."""
    for package in ("index", "tui"):
        compileall.compile_dir(_PROJECT / package, quiet=1)
