"""The `newsdesk` command: the dashboard by default, and index / search / locate."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.models import Hit, NewsdeskError, Results
from newsdesk.tui.exit_codes import EXIT_ERROR, EXIT_HITS, EXIT_NO_HITS
from newsdesk.tui.safe_text import json_dumps


def _version() -> str:
    try:
        return metadata.version("newsdesk")
    except metadata.PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Search a corpus of news articles from the keyboard. With no command, "
                    "opens the dashboard on the configured corpus.",
        epilog="Query syntax: see README.md. Config: `newsdesk locate` shows where files live.")
    parser.add_argument("--version", action="version", version=f"newsdesk {_version()}")
    parser.add_argument("--corpus", metavar="PATH", action="append", type=Path,
                        help="a folder or file to use as the corpus instead of the configured "
                             "sources (repeatable)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_index = sub.add_parser("index", help="build or update the index of the corpus")
    p_index.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                         help="folders or files to index (default: the configured sources)")
    p_index.add_argument("--quiet", "-q", action="store_true", help="no progress bar")

    p_search = sub.add_parser("search", help="search the corpus and print ranked results")
    p_search.add_argument("query", help='the query, e.g. \'"drone strike" AND date:2020\'')
    p_search.add_argument("--limit", "-n", type=int, default=None, help="most hits to show")
    p_search.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p_search.add_argument("--format", choices=("text", "json", "csv", "jsonl"), default=None,
                          help="csv or jsonl: one row a hit (id, title, date, source, url, "
                               "score, snippet), for a spreadsheet or a script")
    p_search.add_argument("--all", action="store_true",
                          help="every hit, not only the best --limit (for exports)")

    sub.add_parser("locate", help="print where the config, index and user data live")

    from newsdesk.tui.actors_cli import add_parser as add_actors_parser
    from newsdesk.tui.views_cli import add_parsers as add_views_parsers

    add_actors_parser(sub)
    add_views_parsers(sub)

    p_saved = sub.add_parser("saved", help="saved searches: list, run, add, rm")
    saved = p_saved.add_subparsers(dest="saved_command", metavar="ACTION", required=True)
    p_list = saved.add_parser("list", help="each saved search with its hit count and how "
                                           "many hits are new since it was last opened")
    p_list.add_argument("--json", action="store_true")
    p_run = saved.add_parser("run", help="run a saved search (resets its new count)")
    p_run.add_argument("name")
    p_run.add_argument("--limit", "-n", type=int, default=None)
    p_run.add_argument("--json", action="store_true")
    p_add = saved.add_parser("add", help="save a query under a name")
    p_add.add_argument("name")
    p_add.add_argument("query")
    p_add.add_argument("--replace", action="store_true", help="replace a search of that name")
    p_rm = saved.add_parser("rm", help="delete a saved search")
    p_rm.add_argument("name")
    return parser


def _settings(corpus: list[Path] | None) -> Settings:
    settings = load_settings()
    if corpus:
        missing = [p for p in corpus if not p.exists()]
        if missing:
            raise NewsdeskError(f"{missing[0]}: no such file or folder")
        settings.corpus.sources = [p.resolve() for p in corpus]
    return settings


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        corpus = (args.corpus or []) + (getattr(args, "paths", None) or [])
        settings = _settings(corpus or None)
        if args.command == "index":
            return cmd_index(settings, quiet=args.quiet)
        if args.command == "search":
            fmt = args.format or ("json" if args.json else "text")
            if fmt in ("csv", "jsonl"):
                return cmd_export(settings, args.query, fmt, args.limit, args.all)
            return cmd_search(settings, args.query, args.limit, fmt == "json")
        if args.command in ("timeline", "kwic", "facets"):
            from newsdesk.tui.views_cli import cmd_views

            return cmd_views(settings, args)
        if args.command == "locate":
            return cmd_locate(settings)
        if args.command == "actors":
            from newsdesk.tui.actors_cli import cmd_actors

            return cmd_actors(settings, args)
        if args.command == "saved":
            from newsdesk.tui.saved_cli import cmd_saved

            return cmd_saved(settings, args)
        from newsdesk.tui.app import run_app  # Textual is imported only for the dashboard

        return run_app(settings)
    except NewsdeskError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newsdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_HITS
    except Exception as exc:  # noqa: BLE001 - a fault of newsdesk's: no traceback on screen
        from newsdesk.tui import crash

        print(crash.message(exc, crash.write_report(exc)), file=sys.stderr)
        return EXIT_ERROR


# -- index -------------------------------------------------------------------------------------

def cmd_index(settings: Settings, quiet: bool = False) -> int:
    from newsdesk.tui.progress import run_indexer_with_progress

    report = run_indexer_with_progress(settings, quiet=quiet)
    if report.cancelled:
        print(f"Stopped. The index holds {report.total} articles and stays searchable; run "
              "`newsdesk index` again to finish.", file=sys.stderr)
        return 130
    return EXIT_HITS


def ensure_index(settings: Settings) -> None:
    """Build the index if missing, update it if the corpus changed (stat only when not)."""
    from newsdesk.index.ingest.indexer import corpus_is_stale

    if corpus_is_stale(settings):
        from newsdesk.index.ingest.indexer import index_exists
        from newsdesk.index.models import IndexBusyError
        from newsdesk.tui.progress import run_indexer_with_progress

        try:
            run_indexer_with_progress(settings, quiet=not sys.stderr.isatty(), summary=False)
        except IndexBusyError:
            if not index_exists(settings):
                raise
            print("newsdesk: another newsdesk is updating the index; searching what it has "
                  "committed so far", file=sys.stderr)


# -- search ------------------------------------------------------------------------------------

def cmd_search(settings: Settings, query: str, limit: int | None, as_json: bool) -> int:
    from newsdesk.index.engine import Engine

    if limit is not None and limit < 1:
        raise NewsdeskError("--limit must be at least 1")
    ensure_index(settings)
    with Engine(settings) as engine:
        try:
            results = engine.search(query, limit)
        except NewsdeskError as exc:
            if as_json:
                print(json_dumps({"query": query, "error": str(exc)}))
            print(f"newsdesk: query {query!r}: {exc}", file=sys.stderr)
            return EXIT_ERROR
    if as_json:
        print(json_dumps(results_json(results)))
    else:
        print_results(results)
    return EXIT_HITS if results.total else EXIT_NO_HITS


def cmd_export(settings: Settings, query: str, fmt: str, limit: int | None,
               every: bool = False) -> int:
    """Hits as CSV or JSON Lines on stdout. On a terminal, control characters in the data
    are shown inert; into a file or a pipe it goes as it is."""
    from newsdesk.index.engine import Engine
    from newsdesk.index.views.export import write_export

    if limit is not None and limit < 1:
        raise NewsdeskError("--limit must be at least 1")
    ensure_index(settings)
    with Engine(settings) as engine:
        try:
            engine.parse(query)
        except NewsdeskError as exc:
            print(f"newsdesk: query {query!r}: {exc}", file=sys.stderr)
            return EXIT_ERROR
        hits = engine.iter_hits(query, None if every else limit or settings.search.limit)
        if sys.stdout.isatty():
            hits = (safe_hit(h) for h in hits)
        written = write_export(hits, sys.stdout, fmt)
    return EXIT_HITS if written else EXIT_NO_HITS


def safe_hit(hit: Hit) -> Hit:
    from dataclasses import replace

    from newsdesk.index.models import Snippet
    from newsdesk.tui.safe_text import terminal_safe

    def safe(value: str | None) -> str | None:
        return terminal_safe(value, False) if value is not None else None

    return replace(hit, id=safe(hit.id) or "", title=safe(hit.title) or "",
                   source=safe(hit.source), url=safe(hit.url),
                   snippet=Snippet(safe(hit.snippet.text) or "", hit.snippet.spans))


def results_json(results: Results) -> dict[str, Any]:
    return {
        "query": results.query,
        "total": results.total,
        "elapsed_ms": round(results.elapsed * 1000, 2),
        "suggestion": results.suggestion,
        "notes": results.notes,
        "hits": [{
            "id": h.id, "title": h.title, "date": h.date.isoformat() if h.date else None,
            "source": h.source, "url": h.url, "path": h.path, "score": round(h.score, 4),
            "snippet": h.snippet.text, "snippet_spans": [list(s) for s in h.snippet.spans],
            "spans": [list(s) for s in h.spans],
            "title_spans": [list(s) for s in h.title_spans],
        } for h in results.hits],
    }


def print_results(results: Results) -> None:
    from rich.console import Console
    from rich.text import Text

    from newsdesk.tui.render import highlighted, meta_line

    console = Console(highlight=False)
    noun = "hit" if results.total == 1 else "hits"
    head = Text(f"{results.total} {noun} for ", style="bold")
    head.append(results.query)
    head.append(f" · {results.elapsed * 1000:.0f} ms", style="dim")
    shown = len(results.hits)
    if shown < results.total:
        head.append(f" · showing {shown}", style="dim")
    console.print(head)
    for note in results.notes:
        console.print(Text(f"note: {note}", style="italic"))
    if results.suggestion:
        console.print(Text("Did you mean: ", style="bold").append(results.suggestion))
    for rank, hit in enumerate(results.hits, start=1):
        console.print()
        line = Text(f"{rank:>3}  ", style="dim")
        line.append_text(highlighted(hit.title, hit.title_spans, keep_newlines=False))
        line.stylize("bold", 5)
        console.print(line)
        console.print(Text("     " + meta_line(hit.source, hit.date, hit.id), style="dim"))
        console.print(Text("     ").append_text(
            highlighted(hit.snippet.text, hit.snippet.spans, keep_newlines=False)))


# -- locate ------------------------------------------------------------------------------------

def cmd_locate(settings: Settings) -> int:
    from newsdesk.index import locations
    from newsdesk.index.actors.dictionaries import GENERAL_DICTIONARY
    from newsdesk.index.config import config_files
    from newsdesk.index.paths import index_paths

    rows = [("config (defaults)", locations.default_config_file())]
    rows.append(("config (yours)", locations.user_config_file()))
    if os.environ.get("NEWSDESK_CONFIG"):
        rows.append(("config (NEWSDESK_CONFIG)", config_files()[-1]))
    rows.append(("index", index_paths(settings).root))
    from newsdesk.index.userdata.bookmarks import corpus_data_dir

    rows.append(("user data", locations.data_dir()))
    rows.append(("saved searches", corpus_data_dir(settings) / "saved.yaml"))
    rows.append(("query history", corpus_data_dir(settings) / "history.yaml"))
    from newsdesk.index.actors.table import dictionary_paths

    rows.append(("actor dictionary (general)", GENERAL_DICTIONARY))
    for path in dictionary_paths(settings)[:-1]:
        rows.append(("actor dictionary", path))
    rows.append(("actor curation (yours)", dictionary_paths(settings)[-1]))
    rows.append(("cache", locations.cache_dir()))
    for source in settings.corpus.sources:
        rows.append(("corpus", source))
    width = max(len(name) for name, _ in rows)
    for name, path in rows:
        mark = "" if Path(path).exists() else "  (not created yet)"
        print(f"{name:<{width}}  {path}{mark}")
    return EXIT_HITS


if __name__ == "__main__":
    sys.exit(main())
