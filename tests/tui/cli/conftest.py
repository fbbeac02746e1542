"""Configs the `newsdesk` command runs under: the seeds, or generated wire articles with
sources, dates and actors (indexed)."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.tui.cli.main import main
from tests.helpers.articles import views_article
from tests.helpers.paths import SEEDS, write_config


@pytest.fixture(scope="session")
def _seeds_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds' index, built once a test process (in this process, under a home of its
    own): laid into each test's index folder by seeds_config."""
    base = tmp_path_factory.mktemp("cli-seeds")
    with pytest.MonkeyPatch.context() as env:
        for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
            env.setenv(var, str(base / "home" / var))
        cfg = write_config(base / "cfg.yaml", [SEEDS], f"index:\n  dir: {base / 'idx'}\n")
        env.setenv("NEWSDESK_CONFIG", str(cfg))
        assert main(["index", "-q"]) == 0
    return base / "idx"


@pytest.fixture
def fresh_seeds_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seeds, no index of them yet: the first command builds it."""
    cfg = write_config(tmp_path / "cfg.yaml", [SEEDS],
                       f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    return cfg


@pytest.fixture
def seeds_config(fresh_seeds_config: Path, tmp_path: Path, _seeds_index: Path) -> Path:
    """The seeds, their index already built: the first command of each test built it
    again (a second of a process's wall on a busy machine). The seeds are read where they
    lie, so a copy of the index is current in any folder. The build a command starts on
    its own is tested where that is the subject (fresh_seeds_config, test_waiting_line.py)."""
    shutil.copytree(_seeds_index, tmp_path / "idx")  # (copy2: the times the store checks)
    return fresh_seeds_config


@pytest.fixture
def wire_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(corpus / "wire.jsonl", "w", encoding="utf-8") as out:
        for i in range(120):
            out.write(json.dumps(views_article(i)) + "\n")
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    assert main(["index", "-q"]) == 0  # in this process: `index` runs as one in many tests
    return cfg


@pytest.fixture
def run_here(capsys: pytest.CaptureFixture[str]
             ) -> Callable[..., subprocess.CompletedProcess[str]]:
    """`newsdesk ARGS` through main() in this process: (returncode, stdout, stderr) as a
    process's. For tests of what a command does, many commands in a row: a process costs
    0.3 s of start-up, a second or two on a busy machine. Each file keeps one run as a
    process of its own (tests/helpers/command.run), which proves the real command."""

    def running(*args: str) -> subprocess.CompletedProcess[str]:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse's refusals: the status a process exits with
            code = exit_.code if isinstance(exit_.code, int) else (exit_.code is not None)
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, out, err)

    return running
