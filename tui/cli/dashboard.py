"""`newsdesk` with no subcommand: the Textual dashboard on the configured corpus."""

from __future__ import annotations

import argparse

from newsdesk.index.config import Settings
from newsdesk.tui.app import run_app
from newsdesk.tui.quitting import leave_now


def run(settings: Settings, args: argparse.Namespace) -> int:
    leave_now(run_app(settings))  # the terminal is restored: nothing is left to do
    return 0  # (not reached)
