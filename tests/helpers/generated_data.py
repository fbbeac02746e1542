"""A committed data file is what its generator (tests/data_gen) writes: checked where the
package it is generated from is installed at the version the file names, skipped else."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import pytest


def assert_generated(package: str, install: str, generator: str, committed: Path) -> None:
    """`generator` (a module of tests/data_gen) renders `committed` byte for byte, from
    `package` (`install`: how to get it, said when it is not installed)."""
    if importlib.util.find_spec(package) is None:
        pytest.skip(f"{package} not installed ({install})")
    module = importlib.import_module(f"tests.data_gen.{generator}")
    text = committed.read_text(encoding="utf-8")
    if f"{module.PACKAGE} {module.version()} " not in text:
        pytest.skip(f"{committed.name} was generated from another version")
    assert module.render() == text, f"{committed.name} differs from a fresh run"
