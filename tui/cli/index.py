"""`newsdesk index [PATH...]`: build or update the index, with a progress bar.

An index belongs to its corpus (index/paths.py keys it by the sources), so `index PATH`
builds PATH's own index. It then says how to search it, since a plain `newsdesk search`
goes on searching the configured corpus: nobody should build an index they cannot find."""

from __future__ import annotations

import argparse
import shlex

from newsdesk.index.config import Settings, config_files, load_settings
from newsdesk.index.ingest.no_articles import check_some_article
from newsdesk.index.ingest.problem_log import last_found
from newsdesk.index.paths import index_paths
from newsdesk.tui.cli import output
from newsdesk.tui.cli.progress import run_indexer_with_progress
from newsdesk.tui.exit_codes import EXIT_HITS, EXIT_INTERRUPTED
from newsdesk.tui.summary_text import counted


def run(settings: Settings, args: argparse.Namespace) -> int:
    if getattr(args, "problems", False):
        return _list_problems(settings)
    if getattr(args, "cluster", None):
        settings.index.cluster = args.cluster
    report = run_indexer_with_progress(settings, quiet=args.quiet,
                                       full_check=getattr(args, "check", False))
    if report.cancelled:
        output.err(f"Stopped. The index holds {counted(report.total, 'article')}, "
                   f"searchable; `{_again(settings, args)}` goes on from there (the "
                   "actors and duplicates too).")
        return EXIT_INTERRUPTED
    if not report.total:
        check_some_article(settings)  # an index of nothing is no success: say why
    if getattr(args, "check", False) and not report.notice:
        output.err("Checked: the article store and every index file are sound.")
    hint = how_to_search(settings)
    if hint:
        output.err(hint)
    return EXIT_HITS


def _list_problems(settings: Settings) -> int:
    """`index --problems`: the problems of every file as the index last read it."""
    found = last_found(index_paths(settings).store)
    for problem in found:
        output.err(str(problem))
    skipped = sum(1 for p in found if p.skipped)
    output.err(f"{counted(len(found), 'problem')} in the corpus's files as last read "
               f"({skipped:,} skipped, {len(found) - skipped:,} kept)"
               if found else "No problems in the corpus's files as last read.")
    return EXIT_HITS


def how_to_search(settings: Settings) -> str | None:
    """What to type to search a corpus other than the configured one (None: it is that)."""
    configured = load_settings().corpus.sources
    if sorted(settings.corpus.sources) == sorted(configured):
        return None
    corpus = " ".join(f"--corpus {shlex.quote(str(p))}" for p in settings.corpus.sources)
    where = config_files()[-1]  # NEWSDESK_CONFIG when set, else the user's own file
    return (f"This is the index of {_names(settings)}, not of the configured corpus. Search it "
            f"with --corpus, before or after the command:\n"
            f"  newsdesk search QUERY {corpus}\n"
            f"  newsdesk {corpus}            (the dashboard)\n"
            f"To make it the corpus of every command, set corpus.sources in {where}.")


def _names(settings: Settings) -> str:
    return ", ".join(str(p) for p in settings.corpus.sources) or "an empty corpus"


def _again(settings: Settings, args: argparse.Namespace) -> str:
    paths = (args.corpus or []) + (args.paths or [])
    return " ".join(["newsdesk index", *(shlex.quote(str(p)) for p in paths)])
