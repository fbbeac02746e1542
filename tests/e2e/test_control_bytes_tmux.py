"""Control bytes and sequences typed into the real dashboard in tmux (`send-keys -H`): none is
ever text in the search box (tui/key_parser.py). An outside tester saw "^/" there; in tmux
ESC / then a sequence put it there, and an unknown sequence "[1;5X". (The parser's cases are
in tests/tui/test_key_parser.py, with the dashboard fed through Pilot: this is the terminal.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.paths import SEEDS, write_config
from tests.helpers.patience import Patience

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("tmux") is None, reason="no tmux here")]

# The bytes that quit, open a dialog or leave the box (Ctrl+C, Tab, Ctrl+J, Enter, Ctrl+P,
# Ctrl+Q, Ctrl+R, Ctrl+S, Escape) are left out: every other acts in the box, or nothing.
LEAVING = {0x03, 0x09, 0x0A, 0x0D, 0x10, 0x11, 0x12, 0x13, 0x1B}
BYTES = [b for b in [*range(0x20), 0x7F] if b not in LEAVING]
SEQUENCES = ["1b 2f 1b 5b 43",  # ESC /, then Right: "^/" before
             "1b 5b 31 3b 35 58",  # a CSI no key is named by
             "1b 5b 3f 31 3b 32 63",  # a terminal's device attributes answer
             "1b 5b 32 37 3b 35 3b 34 37 7e",  # Ctrl+/ in modifyOtherKeys form: "/"
             "1b 5d 30 3b 74 07"]  # a window title


class Tmux:
    def __init__(self, tmp: Path, command: list[str], env: dict[str, str]) -> None:
        self.base = ["tmux", "-L", f"newsdesk-test-{os.getpid()}", "-f", "/dev/null"]
        line = " ".join(f"{k}={v}" for k, v in env.items()) + " " + " ".join(command)
        self.run("new-session", "-d", "-s", "t", "-x", "80", "-y", "24", "-c", str(tmp), line)

    def run(self, *args: str) -> str:
        return subprocess.run([*self.base, *args], check=True, capture_output=True,
                              text=True, timeout=30).stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "t")

    def wait_for(self, needle: str, timeout: float = 60) -> str:
        patience = Patience(timeout)
        while needle not in (text := self.screen()):
            if patience.expired():
                raise AssertionError(f"{needle!r} not shown:\n{text}")
            time.sleep(0.2)
        return text

    def box(self) -> str:
        """The search box's text (its line, the box's edges off)."""
        return self.screen().splitlines()[1].strip("│ ")

    def close(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True, timeout=30)


def test_control_bytes_and_sequences_are_no_text(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    env = {"NEWSDESK_CONFIG": str(cfg), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "TERM": "xterm-256color"}
    tmux = Tmux(tmp_path, [sys.executable, "-m", "newsdesk.tui.cli"], env)
    try:
        tmux.wait_for("articles indexed")
        tmux.run("send-keys", "-t", "t", "-l", "oil")
        tmux.wait_for("│  oil ")
        for sequence in SEQUENCES:
            tmux.run("send-keys", "-t", "t", "-H", *sequence.split())
            time.sleep(0.3)
        tmux.run("send-keys", "-t", "t", "-l", "x")  # (a mark: all above has arrived)
        patience = Patience(20)
        while not tmux.box().endswith("x") and not patience.expired():
            time.sleep(0.2)
        # ESC / is Escape, then "/": typed (meta_keys.py); the rest nothing at all.
        assert tmux.box() == "oil/x"
        for byte in BYTES:
            tmux.run("send-keys", "-t", "t", "-H", f"{byte:02x}")
        tmux.run("send-keys", "-t", "t", "-H", "1b", "5b", "46")  # End
        tmux.run("send-keys", "-t", "t", "-l", "z")
        patience = Patience(20)
        while not tmux.box().endswith("z") and not patience.expired():
            time.sleep(0.2)
        # Bound bytes moved the cursor or took text out (Ctrl+W, Ctrl+U, Ctrl+K): what is
        # left is typed text only, no caret form, control picture or sequence's remains.
        left = tmux.box()
        assert left.endswith("z") and set(left) <= set("oil/xz"), left
    finally:
        tmux.close()
