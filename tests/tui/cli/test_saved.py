"""`newsdesk saved list | run | add | rm`, across an index update: through main() in this
process (conftest.run_here; each of them runs as a process of its own in
tests/faults/test_injection_places.py)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.saved_corpus import seeds_with_two_saved


def test_saved_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        run_here: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    run = run_here
    seeds_with_two_saved(tmp_path, monkeypatch, run)
    proc = run("saved", "add", "Strikes", "x")
    assert proc.returncode == 2 and "--replace" in proc.stdout
    assert run("saved", "add", "Bad", '"open').returncode == 2
    rows = json.loads(run("saved", "list", "--json").stdout)
    assert [(r["name"], r["count"], r["new"]) for r in rows] == [
        ("Strikes", 3, 0), ("Okapi", 2, 0)]
    (tmp_path / "c" / "okapi.txt").write_text("Okapi\n\nAn okapi in Baghdad.")
    assert run("index").returncode == 0
    rows = json.loads(run("saved", "list", "--json").stdout)
    assert [(r["name"], r["count"], r["new"]) for r in rows] == [
        ("Strikes", 3, 0), ("Okapi", 3, 1)]
    proc = run("saved", "run", "Okapi", "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["total"] == 3
    rows = json.loads(run("saved", "list", "--json").stdout)
    assert rows[1]["new"] == 0  # opening reset it
    assert run("saved", "rm", "Okapi").returncode == 0
    proc = run("saved", "run", "Okapi")
    assert proc.returncode == 2 and "no saved search named 'Okapi'" in proc.stderr
    assert "saved searches" in run("locate").stdout
