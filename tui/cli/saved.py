"""`newsdesk saved list | run | add | rm | group | export | import`: the saved searches the
dashboard shows."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.models import NewsdeskError, QueryError
from newsdesk.index.query.batch import group_searches, read_batch
from newsdesk.index.query.language import parse
from newsdesk.index.userdata.atomic import write_atomic
from newsdesk.index.userdata.bookmarks import (
    BookmarkExists,
    BookmarkStore,
    bookmarks_yaml,
    corpus_data_dir,
    read_bookmarks,
)
from newsdesk.tui.cli import output
from newsdesk.tui.cli.common import (
    ensure_index,
    exit_code,
    print_results,
    require_positive,
    results_json,
    text_console,
)
from newsdesk.tui.exit_codes import EXIT_ERROR, EXIT_HITS
from newsdesk.tui.render import counted
from newsdesk.tui.safe_text import json_dumps, terminal_safe


def run(settings: Settings, args: argparse.Namespace) -> int:
    store = BookmarkStore(corpus_data_dir(settings))
    store.load()  # a broken file raises with its path and line, and is left alone
    for note in store.notes:  # a newer newsdesk's keys: loaded, kept, said
        output.err(f"newsdesk: {note}")
    action = args.saved_command or "list"  # (`newsdesk saved` alone lists them)
    if action == "add":
        return _add(store, settings, args.name, args.query, args.replace)
    if action == "group":
        return _group(store, settings, args)
    if action == "export":
        return _export(store, args.file, args.force)
    if action == "import":
        return _import(store, args.file, settings.search.default_operator)
    if action == "rm":
        store.remove(args.name)
        output.out(f"deleted saved search '{args.name}'")
        return EXIT_HITS
    if action == "run":
        require_positive(args, "limit")  # as `search -n 0` is refused
    ensure_index(settings)
    with Engine(settings) as engine:
        if action == "list":
            return _list(engine, store, getattr(args, "json", False))
        bookmark = store.get(args.name)
        if bookmark is None:
            raise NewsdeskError(f"no saved search named '{args.name}' (see `newsdesk saved list`)")
        results = engine.search(bookmark.query, args.limit)
    store.mark_opened(bookmark.name)
    if args.json:
        output.out(json_dumps(results_json(results)))
    else:
        print_results(results)
    return exit_code(results.total)


def _add(store: BookmarkStore, settings: Settings, name: str, query: str, replace: bool) -> int:
    if not name.strip():
        raise NewsdeskError("a saved search needs a name")
    if parse(query, settings.search.default_operator) is None:  # (malformed: raised now)
        raise NewsdeskError("a saved search needs a query: a blank one is every article "
                            "(save a word, a field such as source:bbc, or a date range)")
    try:  # decided under the file's lock: a parallel add of the same name cannot slip by
        store.put(name, query, replace)
    except BookmarkExists as exc:
        output.out(f"newsdesk: {exc}")
        return EXIT_ERROR
    output.out(f"saved '{name.strip()}': {query}")
    return EXIT_HITS


def _group(store: BookmarkStore, settings: Settings, args: argparse.Namespace) -> int:
    """A group of saved searches from a batch file (or --remove: the group deleted)."""
    group = args.group.strip()
    if not group or "/" in group:
        raise NewsdeskError("a group needs a name without '/'")
    if args.remove:
        output.out(f"deleted the group '{group}' "
                   f"({counted(store.remove_group(group), 'search', 'searches')})")
        return EXIT_HITS
    lines = read_batch(args.file, settings.search.default_operator)
    if not lines:
        raise NewsdeskError(f"{args.file}: no queries in it (one a line; # starts a comment)")
    made = store.put_group(group, group_searches(lines, group, str(args.file)))
    output.out(f"saved the group '{group}': {counted(len(made), 'search', 'searches')} "
               f"from {counted(len(lines), 'line')}")
    return EXIT_HITS


def _export(store: BookmarkStore, path: Path, force: bool) -> int:
    """Every saved search to `path` (written whole or not at all), in saved.yaml's form
    without the opened stamps (which are this corpus's)."""
    if path.exists() and not force:
        raise NewsdeskError(f"{path} exists; use --force to write over it")
    if path.is_dir():
        raise NewsdeskError(f"{path} is a folder; give a file name")
    header = "# newsdesk saved searches (`newsdesk saved import FILE` adds them)\n"
    write_atomic(path, header + bookmarks_yaml(store.bookmarks, opened=False), backup=False)
    output.out(f"wrote {counted(len(store.bookmarks), 'saved search', 'saved searches')} to "
               f"{path}")
    return EXIT_HITS


def _import(store: BookmarkStore, path: Path, default_operator: str) -> int:
    """The searches of `path` added: a name already used by another query is renamed
    'NAME (2)', one already here with the same query left as it is; each said by name.
    A malformed query is refused as `saved add` refuses it, named with its file, line
    and error; the rest are imported, and the status says one was not."""
    if not path.is_file():
        raise NewsdeskError(f"{path}: no such file")
    searches = read_bookmarks(path)  # a file that does not parse: its path and line
    good = []
    for search in searches:
        try:
            parse(search.query, default_operator)
        except QueryError as exc:
            where = f"{path}:{searches.lines.get(search.name, '?')}"
            output.err(terminal_safe(f"newsdesk: {where}: '{search.name}' not imported: "
                                     f"query {search.query!r}: {exc}", False))
        else:
            good.append(search)
    added, renamed, same = store.add_all(good)
    for name, new in renamed:
        output.out(f"'{name}' exists with another query: imported as '{new}'")
    if same:
        output.out(f"already saved, the same query: {', '.join(repr(n) for n in same)}")
    output.out(f"imported {counted(len(added), 'saved search', 'saved searches')} from {path}")
    return EXIT_HITS if len(good) == len(searches) else EXIT_ERROR


def _list(engine: Engine, store: BookmarkStore, as_json: bool) -> int:
    counts = engine.saved_counts(store.bookmarks)
    rows = [{"name": b.name, "query": b.query, "group": b.group, "count": counts[b.name].count,
             "new": counts[b.name].new, "error": counts[b.name].error}
            for b in store.bookmarks]
    if as_json:
        output.out(json_dumps(rows))
    else:
        _print_table(rows)
    return EXIT_HITS


def _print_table(rows: list[dict[str, Any]]) -> None:
    if not rows:
        output.out("No saved searches yet. Add one with: newsdesk saved add NAME QUERY")
        return
    table = Table(box=None, header_style="bold")
    for column in ("name", "count", "new", "query"):
        table.add_column(column, justify="right" if column in ("count", "new") else "left")
    for row in rows:
        new = Text(f"{row['new']:,} new", style="bold green") if row["new"] else Text("")
        query = Text(terminal_safe(row["query"], False))
        if row["error"]:
            query.append(f"  ⚠ {row['error']}", style="red")
        table.add_row(Text(terminal_safe(row["name"], False)), f"{row['count']:,}", new, query)
    text_console().print(table)
