"""The `newsdesk` command's first step, before any import that takes time: the dashboard's
terminal is taken at once (tui/early_terminal.py), so that the keys typed while it starts
reach it as keys; then the command runs (tui/cli/main.py)."""

from __future__ import annotations

import sys

from newsdesk.tui import early_terminal


def main() -> int:
    early_terminal.take(sys.argv[1:])
    from newsdesk.tui.cli.main import main as run

    return run()
