"""End to end: the real `newsdesk` in a pseudo-terminal, typed into and read back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pexpect
import pytest

from tests.e2e.test_key_bursts import _wait_box
from tests.helpers.inject import crash_reports, injecting
from tests.helpers.paths import NEWSDESK, SEEDS, write_config
from tests.helpers.terminal import Terminal

HOSTILE = (
    "Hostile [bold red]markup[/] title \x1b]0;pwned\x07\n\n"
    "Plain walrus text with [link=http://evil]a link[/link] and [blink]markup[/blink].\n"
    "Colour \x1b[31mRED\x1b[0m, an OSC 52 clipboard write \x1b]52;c;cHduZWQ=\x07 here,\n"
    "a bell \x07, back\x08\x08\x08space and carriage\rreturn overprint.\n"
)


@pytest.fixture
def corpus_env(tmp_path: Path) -> dict[str, str]:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "hostile.txt").write_bytes(HOSTILE.encode())
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    return {"NEWSDESK_CONFIG": str(cfg)}


def test_type_a_query_and_see_results(corpus_env: dict[str, str]) -> None:
    term = Terminal([], corpus_env, cols=80, rows=24)
    try:
        term.wait_for("articles indexed")
        term.send("soleimani")
        term.wait_for("5 hits")
        # The status line and the list are painted apart: under load a frame can show the
        # count before the hits (a fresh clone's make test saw it once, 2026-11-30).
        term.wait_for("Iraqi militias scream", timeout=5)
        term.send("\x1b[B")  # Down: into the results
        term.pump(0.3)
        term.send("\r")
        term.wait_for("match 1 of")
        term.send("n")
        term.wait_for("match 2 of")
        term.send("\x1b")  # Escape: back to the results
        term.wait_for("5 hits")
    finally:
        code = term.quit()
    assert code == 0
    assert b"Traceback" not in term.raw


def test_keys_arriving_in_one_read_apply_in_order(corpus_env: dict[str, str]) -> None:
    """A slow SSH link hands the app several keystrokes in one read: Ctrl+U, letters, a
    Backspace. Textual ran the bound keys after the letters (its issue #6605), so the box
    was left empty or garbled."""
    term = Terminal([], corpus_env, cols=80, rows=24)
    try:
        term.wait_for("articles indexed")
        term.send("walrus")
        term.wait_for("1 hit")
        term.send("\x15soleimanx\x7fi")  # Ctrl+U, a typo, Backspace, the last letter
        # The box's own line, waited for: "5 hits" came with "soleiman" too (a prefix of
        # the same five), drawn before the last letter on a busy machine. Keys out of
        # order leave another text there ("soleimanx", "").
        _wait_box(term, "soleimani")
        term.wait_for("5 hits")
        term.send("\x01x\x05y")  # Home, "x", End, "y": in order, around the query
        term.wait_for("xsoleimaniy")
    finally:
        code = term.quit()
    assert code == 0


def test_hostile_article_is_shown_inert(corpus_env: dict[str, str]) -> None:
    term = Terminal([], corpus_env, cols=100, rows=30)
    try:
        term.wait_for("articles indexed")
        term.send("walrus")
        term.wait_for("1 hit")
        term.send("\x1b[B")
        term.pump(0.3)
        term.send("\r")
        term.wait_for("match 1 of")
        screen = term.read_frame(lambda text: text, "the reader, drawn whole")
    finally:
        term.quit()
    assert "[bold red]markup[/]" in screen          # markup shown as text
    # One 81-character line in a 96-column reader: wrapped to the width it is shown at.
    assert "Plain walrus text with [link=http://evil]a link[/link] and [blink]markup" in screen
    # A control sequence is one ␛ of the stored text (index/control_sequences.py): shown,
    # never obeyed, and a word break ("red" is found).
    assert "Colour ␛RED␛," in screen                 # CSI
    assert "clipboard write ␛ here" in screen        # OSC 52, its payload no text
    assert "back␈␈␈space" in screen
    # A bare carriage return is a line break (old Mac files), never an overprint.
    assert "space and carriage" in screen and "│ return overprint." in screen
    # pyte reads Textual's own OSC 22 (pointer shape) as a title; "pwned" must never be one.
    assert "pwned" not in term.screen.title
    assert b"\x1b]52;c;cHduZWQ" not in term.raw       # the clipboard write never left newsdesk
    assert b"\x1b]0;pwned" not in term.raw


def test_cli_output_is_inert(corpus_env: dict[str, str]) -> None:
    import os
    import subprocess

    env = {**os.environ, **corpus_env, "NO_COLOR": "1"}
    out = subprocess.run([*NEWSDESK, "search", "walrus"],
                         capture_output=True, text=True, env=env, check=True).stdout
    assert "\x1b" not in out and "\x07" not in out and "\x08" not in out
    assert "[bold red]markup[/]" in out and "Colour ␛RED␛" in out


def test_a_fault_in_the_dashboard_leaves_a_message_not_a_traceback(
        corpus_env: dict[str, str], tmp_path: Path, isolated_home: Path) -> None:
    injected = injecting(tmp_path / "inject", "newsdesk.tui.screens.main", "MainScreen.on_mount")
    env = {**corpus_env, **injected}
    term = Terminal([], env, cols=80, rows=24)
    term.child.expect(pexpect.EOF, timeout=30)
    term.child.close()
    term.stream.feed(term.child.before or b"")
    term.raw += term.child.before or b""
    assert term.child.exitstatus == 2
    assert b"Traceback" not in term.raw
    [report] = crash_reports(isolated_home)
    assert "newsdesk stopped on an internal error (RuntimeError: injected" in term.text
    assert "Nothing committed is lost. The details are in" in term.text
    assert "RuntimeError: injected" in report.read_text()
