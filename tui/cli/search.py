"""`newsdesk search`: ranked results as text or JSON, or every hit as CSV or JSON Lines
(--format) for a spreadsheet or a script."""

from __future__ import annotations

import argparse

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.models import NewsdeskError
from newsdesk.index.views.export import write_export
from newsdesk.tui.cli import output
from newsdesk.tui.cli.common import (
    ensure_index,
    exit_code,
    print_results,
    query_errors,
    require_positive,
    results_json,
)
from newsdesk.tui.safe_text import json_dumps


def run(settings: Settings, args: argparse.Namespace) -> int:
    require_positive(args, "limit")
    fmt = args.format or ("json" if args.json else "text")
    sort = "newest" if args.sort == "date" else args.sort
    if args.batch is not None:
        if args.query is not None:
            raise NewsdeskError("--batch takes its queries from the file: give no QUERY")
        from newsdesk.tui.cli.batch import run_batch

        return run_batch(settings, args.batch, fmt, args.hits, args.limit, sort)
    if args.hits:
        raise NewsdeskError("--hits goes with --batch FILE")
    if args.query is None:
        raise NewsdeskError("search needs a QUERY (or --batch FILE); '' lists the newest "
                            "articles")
    if fmt in ("csv", "jsonl"):
        limit = None if args.all else args.limit or settings.search.limit
        return _export(settings, args.query, fmt, limit, args.full_text, sort)
    return _search(settings, args.query, args.limit, fmt == "json", sort)


def _search(settings: Settings, query: str, limit: int | None, as_json: bool,
            sort: str = "relevance") -> int:
    ensure_index(settings)
    with Engine(settings) as engine, query_errors(query, as_json):
        results = engine.search(query, limit, sort)
    if as_json:
        output.out(json_dumps(results_json(results)))
    else:
        print_results(results)
    return exit_code(results.total)


def _export(settings: Settings, query: str, fmt: str, limit: int | None,
            full_text: bool = False, sort: str = "relevance") -> int:
    """The best `limit` hits (None: all) as CSV or JSON Lines on stdout, with each article's
    whole text when asked. On a terminal, control characters in the data are shown inert;
    into a file or a pipe it goes as it is."""
    ensure_index(settings)
    with Engine(settings) as engine:
        with query_errors(query, as_json=False):
            engine.parse(query)
        hits = engine.iter_hits(query, limit, full_text=full_text, sort=sort)
        written = write_export(hits, output.data_stream(), fmt, full_text)
    return exit_code(written)
