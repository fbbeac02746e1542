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


@pytest.mark.parametrize("blank", ["", "   ", "\t", " \n "])
def test_saved_alone_lists_and_a_blank_query_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        run_here: Callable[..., subprocess.CompletedProcess[str]], blank: str) -> None:
    """`newsdesk saved` alone lists (it was a usage error); a blank query is refused with
    why (saved, it was listed with count 0 and ran as every article); one in a file written
    by hand counts as what it runs: every article (an outside tester's F11)."""
    run = run_here
    seeds_with_two_saved(tmp_path, monkeypatch, run)
    alone = run("saved")
    assert alone.returncode == 0 and "Strikes" in alone.stdout and "Okapi" in alone.stdout
    refused = run("saved", "add", "Everything", blank)
    assert refused.returncode == 2 and "needs a query" in refused.stderr, refused
    saved = next((tmp_path / "idx").rglob("saved.yaml"), None) or next(
        tmp_path.rglob("saved.yaml"))
    text = saved.read_text(encoding="utf-8")
    saved.write_text(text.replace('"okapi OR pompeo"', '""').replace("okapi OR pompeo", "''"),
                     encoding="utf-8")
    rows = {r["name"]: r for r in json.loads(run("saved", "list", "--json").stdout)}
    total = json.loads(run("search", "", "--json").stdout)["total"]
    assert rows["Okapi"]["count"] == total > 0, (rows, text)
    assert json.loads(run("saved", "run", "Okapi", "--json").stdout)["total"] == total
