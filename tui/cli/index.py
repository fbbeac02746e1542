"""`newsdesk index [PATH...]`: build or update the index, with a progress bar."""

from __future__ import annotations

import argparse

from newsdesk.index.config import Settings
from newsdesk.tui.cli import output
from newsdesk.tui.cli.progress import run_indexer_with_progress
from newsdesk.tui.exit_codes import EXIT_HITS, EXIT_INTERRUPTED


def run(settings: Settings, args: argparse.Namespace) -> int:
    report = run_indexer_with_progress(settings, quiet=args.quiet)
    if report.cancelled:
        output.err(f"Stopped. The index holds {report.total} articles and stays searchable; run "
                   "`newsdesk index` again to finish.")
        return EXIT_INTERRUPTED
    return EXIT_HITS
