"""`newsdesk search`: ranked results as text or JSON, or every hit as CSV or JSON Lines
(--format) for a spreadsheet or a script."""

from __future__ import annotations

import argparse

from newsdesk.index.config import Settings
from newsdesk.index.dups.fold import fold as fold_hits
from newsdesk.index.engine import Engine
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
    if fmt in ("csv", "jsonl"):
        limit = None if args.all else args.limit or settings.search.limit
        return _export(settings, args.query, fmt, limit, args.full_text, sort)
    return _search(settings, args.query, args.limit, fmt == "json", sort, args.fold)


# Folded, a page of hits may hold fewer stories than asked for: the search is run again
# with twice the hits, at most this many times.
FOLD_WIDENINGS = 4


def _search(settings: Settings, query: str, limit: int | None, as_json: bool,
            sort: str = "relevance", fold: bool = False) -> int:
    ensure_index(settings)
    wanted = limit or settings.search.limit
    with Engine(settings) as engine, query_errors(query, as_json):
        results = engine.search(query, wanted, sort)
        stories = fold_hits(results.hits) if fold else None
        for _ in range(FOLD_WIDENINGS if fold else 0):
            assert stories is not None
            if len(stories) >= wanted or len(results.hits) >= results.total:
                break
            results = engine.search(query, len(results.hits) * 2, sort)
            stories = fold_hits(results.hits)
    if stories is not None:
        stories = stories[:wanted]
    if as_json:
        output.out(json_dumps(results_json(results, stories)))
    else:
        print_results(results, stories)
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
