"""End to end: near-duplicates folded in the real `newsdesk`, in a pseudo-terminal at 80x24
(the first run indexes, and groups, the corpus as a person's would), and the CLI's --fold."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers.copies import write_copies_corpus
from tests.helpers.paths import NEWSDESK, write_config
from tests.helpers.terminal import Terminal


@pytest.fixture
def copies_env(tmp_path: Path) -> dict[str, str]:
    corpus = write_copies_corpus(tmp_path / "corpus")
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    return {"NEWSDESK_CONFIG": str(cfg)}


def test_copies_folded_and_shown_in_a_terminal(copies_env: dict[str, str]) -> None:
    term = Terminal([], copies_env, cols=80, rows=24)
    try:
        term.wait_for("articles indexed")
        term.send("ravanchi")  # in seeds/003 and in the report it spins
        term.wait_for("2 hits")
        term.wait_for("+1 copy", timeout=10)
        assert "↳" not in term.text
        term.send("\x1b[B")  # Down: into the results
        term.pump(0.3)
        term.send("d")
        term.wait_for("+1 copy ▾")
        term.wait_for("↳ copy")
        term.send("d")
        term.wait_for("+1 copy", timeout=10)
        term.pump(0.3)
        assert "↳" not in term.text and "▾" not in term.text
    finally:
        code = term.quit()
    assert code == 0
    assert b"Traceback" not in term.raw


@pytest.mark.slow  # (three commands; tests/tui/cli/test_search_fold.py runs them in-process)
def test_search_fold_on_the_command_line(copies_env: dict[str, str]) -> None:
    env = {**os.environ, **copies_env}
    subprocess.run([*NEWSDESK, "index", "-q"], env=env, check=True, timeout=300)
    out = subprocess.run([*NEWSDESK, "search", "--fold", "soleimani", "-n", "20"], env=env,
                         capture_output=True, text=True, timeout=120).stdout
    assert "5 stories (8 hits with their copies)" in out
    assert out.count("+1 copy: ") == 3  # 000, 002 and 003, each with its copy under it
