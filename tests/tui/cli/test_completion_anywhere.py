"""Shell completion with global options anywhere on the line: `newsdesk saved run --corpus A
--corpus B <TAB>` completed nothing in bash (the word loop stopped at the action, so the
names asked for were the configured corpus's), and fish took a --corpus value for a command."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.command import run
from tests.helpers.paths import NEWSDESK


@pytest.fixture
def two_corpora(seeds_config: Path, tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    """A PATH whose newsdesk is this one; two corpora with a saved search of both."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "newsdesk").write_text(f"#!/bin/sh\nexec {' '.join(NEWSDESK)} \"$@\"\n")
    (bin_dir / "newsdesk").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}",
           "XDG_CONFIG_HOME": str(tmp_path / "shell-config")}
    first, second = tmp_path / "ca", tmp_path / "cb"
    for folder in (first, second):
        folder.mkdir()
        (folder / "a.txt").write_text(f"Walrus in {folder.name}\n\nThe walrus spoke.")
    assert run("saved", "add", "mine", "iran").returncode == 0  # the configured corpus's
    added = run("saved", "add", "both", "walrus", "--corpus", str(first), "--corpus", str(second))
    assert added.returncode == 0, added.stderr
    return env, first, second


def lines(a: Path, b: Path) -> dict[str, list[str]]:
    """Lines ending where completion is asked for, and what each must offer."""
    return {
        f"newsdesk saved run --corpus {a} --corpus {b} ": ["both"],
        f"newsdesk --corpus {a} saved run --corpus {b} ": ["both"],
        f"newsdesk saved --corpus {a} rm --corpus {b} ": ["both"],
        f"newsdesk --corpus {a} sa": ["saved"],
    }


def test_bash(two_corpora: tuple[dict[str, str], Path, Path]) -> None:
    env, a, b = two_corpora
    script = run("completion", "bash").stdout
    # bash splits `--corpus=A` at the = (COMP_WORDBREAKS): three words.
    for line, offered in {**lines(a, b), f"newsdesk saved rm --corpus = {a} --corpus={b} "
                          .replace("--corpus=", "--corpus = "): ["both"]}.items():
        words = line.split(" ")
        program = (f"{script}\nCOMP_WORDS=({' '.join(repr(w) for w in words)})\n"
                   f"COMP_CWORD={len(words) - 1}\n_newsdesk\n"
                   "printf '%s\\n' \"${COMPREPLY[@]}\"")
        proc = subprocess.run(["bash", "-c", program], capture_output=True, text=True,
                              env=env, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert sorted(proc.stdout.split()) == offered, line


def test_zsh(two_corpora: tuple[dict[str, str], Path, Path], tmp_path: Path) -> None:
    zsh = shutil.which("zsh")
    if zsh is None:
        pytest.skip("zsh is not installed here: its completion is not exercised")
    env, a, b = two_corpora
    script = tmp_path / "newsdesk.zsh"
    script.write_text(run("completion", "zsh").stdout)
    # compadd and _describe stand in for zsh's completion system: they print the words.
    stubs = ("compdef() { :; }; compadd() { [[ $1 == -- ]] && shift; print -l -- \"$@\"; }; "
             "_describe() { local w; for w in ${(P)2}; do print -r -- ${w%%:*}; done; }; "
             "_files() { :; }")
    for line, offered in lines(a, b).items():
        words = line.split(" ")
        program = (f"{stubs}; source {script}; "
                   f"words=({' '.join(repr(w) for w in words)}); CURRENT={len(words)}; "
                   "_newsdesk")
        proc = subprocess.run([zsh, "-f", "-c", program], capture_output=True, text=True,
                              env=env, timeout=60)
        assert proc.returncode == 0, proc.stderr
        got = sorted(w for w in proc.stdout.split() if w.startswith(words[-1]))
        assert got == offered, line


def test_fish(two_corpora: tuple[dict[str, str], Path, Path], tmp_path: Path) -> None:
    fish = shutil.which("fish")
    if fish is None:
        pytest.skip("fish is not installed here: its completion is not exercised")
    env, a, b = two_corpora
    script = tmp_path / "newsdesk.fish"
    script.write_text(run("completion", "fish").stdout)
    for line, offered in lines(a, b).items():
        proc = subprocess.run([fish, "--no-config", "-c", f"source {script}; complete -C '{line}'"],
                              capture_output=True, text=True, env=env, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert sorted(row.split("\t")[0] for row in proc.stdout.splitlines()) == offered, line
