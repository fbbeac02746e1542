"""A copy of the seeds indexed under a test's folder, with two saved searches, for the CLI's
`saved` tests (tests/tui/cli/test_saved*.py)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.paths import SEEDS, write_config


def seeds_with_two_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         run: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    """The seeds copied to tmp_path / "c" and indexed (NEWSDESK_CONFIG set for the test),
    "Strikes" and "Okapi" saved."""
    corpus = tmp_path / "c"
    shutil.copytree(SEEDS, corpus)
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    assert run("index").returncode == 0
    assert run("saved", "add", "Strikes", '"drone strike"').returncode == 0
    assert run("saved", "add", "Okapi", "okapi OR pompeo").returncode == 0
