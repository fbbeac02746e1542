"""tests/bench/instructions.py, small: its step runs, a revision unpacks importable, and
valgrind's counts are read (skipped where valgrind is not installed). No count is asserted
beyond more work counting more: the counts are the tool's to report."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench import instructions
from tests.helpers.paths import SEEDS

ROOT = Path(__file__).resolve().parents[2]


def _corpus(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n, seed in enumerate(sorted(SEEDS.glob("*.txt"))[:3]):
            out.write(json.dumps({"id": str(n), "title": seed.stem,
                                  "text": seed.read_text(encoding="utf-8")}) + "\n")
    return path


def test_the_step_runs_natively(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl")
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "tests.bench.instructions", "--worker",
                           "extract", str(corpus), "3", "2", "1", "1"], env=env, cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "newsdesk.index from" in done.stderr


def test_a_revision_is_unpacked_with_its_index_and_tui(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    folder = instructions.package_for("HEAD", tmp_path)
    assert folder is not None
    assert (folder / "newsdesk" / "index" / "actors" / "extract.py").is_file()
    assert (folder / "newsdesk" / "tui").is_dir()
    assert instructions.package_for(".", tmp_path) is None  # (the working tree's own)
    # (the same folder again, not unpacked twice)
    assert instructions.package_for("HEAD", tmp_path) == folder


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_more_work_counts_more_instructions() -> None:
    idle = instructions.count(None, ["timeit", "-n", "1", "-r", "1", "pass"])
    busy = instructions.count(None, ["timeit", "-n", "1", "-r", "1",
                                     "sum(range(1_000_000))"])
    assert idle > 1_000_000  # (the interpreter's start-up alone)
    assert busy - idle > 10_000_000  # (a million additions: tens of instructions each)
