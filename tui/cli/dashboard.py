"""`newsdesk` with no subcommand: the Textual dashboard on the configured corpus."""

from __future__ import annotations

import argparse
import sys

from newsdesk.index.config import Settings
from newsdesk.index.models import NewsdeskError


def run(settings: Settings, args: argparse.Namespace) -> int:
    # Without a terminal on both sides Textual would write escape codes into the pipe and
    # wait for keys that never come: refuse at once (exit 2), before Textual is imported.
    missing = [name for name, stream in (("input", sys.stdin), ("output", sys.stdout))
               if stream is None or not stream.isatty()]
    if missing:
        raise NewsdeskError(
            f"the dashboard needs a terminal, but standard {' and '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not one. To search from a script or "
            "into a pipe, use a command such as `newsdesk search QUERY` (`newsdesk --help` "
            "lists them)")
    from newsdesk.tui.app import run_app

    return run_app(settings)
