"""`newsdesk` with no subcommand: the Textual dashboard on the configured corpus."""

from __future__ import annotations

import argparse

from newsdesk.index.config import Settings
from newsdesk.tui.app import run_app


def run(settings: Settings, args: argparse.Namespace) -> int:
    return run_app(settings)
