"""`newsdesk index [PATH...]`: build or update the index, with a progress bar."""

from __future__ import annotations

import argparse
import sys

from newsdesk.index.config import Settings
from newsdesk.tui.cli.progress import run_indexer_with_progress
from newsdesk.tui.exit_codes import EXIT_HITS, EXIT_INTERRUPTED


def run(settings: Settings, args: argparse.Namespace) -> int:
    report = run_indexer_with_progress(settings, quiet=args.quiet,
                                       full_check=getattr(args, "check", False))
    if report.cancelled:
        print(f"Stopped. The index holds {report.total} articles and stays searchable; run "
              "`newsdesk index` again to finish.", file=sys.stderr)
        return EXIT_INTERRUPTED
    if getattr(args, "check", False) and not report.notice:
        print("Checked: the article store and every index file are sound.", file=sys.stderr)
    return EXIT_HITS
