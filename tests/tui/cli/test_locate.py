"""`newsdesk locate`: where each file lives."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.command import run


def test_locate(seeds_config: Path) -> None:
    proc = run("locate")
    assert proc.returncode == 0
    assert str(seeds_config) in proc.stdout and "index" in proc.stdout
