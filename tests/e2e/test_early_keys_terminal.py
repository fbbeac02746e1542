"""Keys typed while the dashboard starts, in a real pseudo-terminal (an outside tester, U1).

Until a program sets the terminal to raw mode the terminal acts on some keys itself:
Ctrl+Q and Ctrl+S are flow control (dropped), Ctrl+C and Ctrl+Z signals. newsdesk takes the
terminal as its process starts (tui/early_terminal.py), so that keys typed from then on
reach it as keys: the process is paused just before it imports Textual (as a busy machine
pauses it) and the keys sent then act as they do once the dashboard is up. Keys written
before the process even runs are still the terminal's (the shell's time): a Ctrl+Q among
them is lost, and the keys after it move, search and open articles but open no dialog or
program and change nothing kept (tui/early_keys.py); a notice says which were not run."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from tests.e2e.test_key_bursts import BASE, DIALOGS, _words, burst_env
from tests.helpers import paused_start
from tests.helpers.terminal import Terminal

__all__ = ["burst_env"]  # the fixture, shared with the other burst tests

NOT_RUN = "Not run:"
DOWN = "\x1b[B"


def _leftover(seed: int) -> str:
    """Words typed for the shell after a quit, from the seeds' vocabulary (full of the
    letters the panes bind), with one that opens a dialog (e: export) among them."""
    words = [w for w in _words(12, seed) if "q" not in w][:6]  # (q quits: no question then)
    rng = random.Random(seed)
    return " ".join(words[:3] + [rng.choice(["export", "yes", "tag", "over"])] + words[3:])


# The keys, and what those before Ctrl+Q show.
STREAMS = {
    "as reported": (f"{BASE}{DOWN}\rjjnn\x11leftover typed keys", "Reader"),
    "generated, in the reader": (f"{BASE}{DOWN}\rn\x11{_leftover(1307)}\r", "Reader"),
    "generated, in the results": (f"{BASE}{DOWN}j\x11{_leftover(2024)}\ry", "Results"),
}


# (The third stream under -m slow: the suite's ten minutes.)
@pytest.mark.parametrize("stream", [pytest.param(s, marks=pytest.mark.slow)
                                    if s == "generated, in the results" else s
                                    for s in STREAMS])
def test_keys_typed_before_newsdesk_runs_open_nothing(
        burst_env: tuple[dict[str, str], Path, Path], stream: str) -> None:
    env, marker, cwd = burst_env
    data = Path(env["XDG_DATA_HOME"])
    term = Terminal([], env, cols=80, rows=24, cwd=cwd)
    keys, before_quit = STREAMS[stream]
    term.send(keys)  # at once: the terminal has them before newsdesk runs
    try:
        term.wait_for((NOT_RUN, *DIALOGS))
        term.settle(quiet=0.5)
        shown = [d for d in DIALOGS if d in term.text]
        assert shown == [], f"a command ran ({shown}); screen:\n{term.text}"
        assert before_quit in term.text, term.text
        assert not marker.exists(), "the pager ran"
        assert term.stray_files() == []
        kept = {p.name for p in data.rglob("*") if p.is_file()}
        assert kept <= {"history.yaml", ".history.yaml.lock"}, kept
    finally:
        code = term.quit()  # typed now, Ctrl+Q reaches it
    assert code == 0
    assert b"Traceback" not in term.raw


# Sent while newsdesk is paused before Textual: what each does once the dashboard is up.
CONTROL = {
    "Ctrl+Q quits": ("\x11", None),
    "Ctrl+S asks for a name": (f"{BASE}\x13", "Save this search"),
}
SLOW_CONTROL = {
    "Ctrl+C says how to quit": ("\x03", "Ctrl+Q quits"),
    "Ctrl+Z does nothing": (f"{BASE}\x1a", "5 hits"),
}


@pytest.mark.parametrize("case", [
    *CONTROL, *(pytest.param(case, marks=pytest.mark.slow) for case in SLOW_CONTROL)])
def test_control_keys_typed_while_newsdesk_starts(
        burst_env: tuple[dict[str, str], Path, Path], case: str, tmp_path: Path) -> None:
    env, _marker, cwd = burst_env
    pause = tmp_path / "pause"
    env = {**env, **paused_start.environment(pause)}
    keys, shows = {**CONTROL, **SLOW_CONTROL}[case]
    term = Terminal([], env, cols=80, rows=24, cwd=cwd)
    try:
        term.wait_until(lambda: (pause / "paused").exists(), "newsdesk never paused")
        term.send(keys)
        term.pump(0.1)  # (the terminal has taken them in)
        paused_start.go(pause)
        if shows is None:
            code = term.finish(timeout=30)
            assert code == 0, term.text
            return
        term.wait_for(shows)
    finally:
        if term.child.isalive():
            term.send("\x1b")
            code = term.quit()
            assert code == 0
    assert b"Traceback" not in term.raw


@pytest.mark.parametrize("how", ["quit", "a config error before the dashboard"])
def test_the_terminal_is_given_back_as_it_was(
        burst_env: tuple[dict[str, str], Path, Path], how: str) -> None:
    """The mode newsdesk set as it started is undone however it ends: the shell after it
    has flow control, signals, line editing and echo again."""
    env, _marker, cwd = burst_env
    args = "" if how == "quit" else "--corpus /nonexistent/corpus"
    shell = f"{sys.executable} -m newsdesk.tui.cli {args}; echo MODE; stty -a"
    term = Terminal([], env, cols=100, rows=30, cwd=cwd, command=["sh", "-c", shell])
    if how == "quit":
        term.wait_for("Search")
        term.send("\x11")
    else:
        term.wait_for("no such file")
    term.finish()
    mode = term.raw.decode(errors="replace").rsplit("MODE", 1)[-1]
    flags = set(re.findall(r"(?<![\w-])-?[a-z]+", mode))
    assert {"ixon", "isig", "icanon", "echo", "icrnl"} <= flags, mode
