"""`newsdesk tag +lead -todo QUERY`: star, tag and note every article a query finds, as
`notmuch tag` does; `newsdesk tag --list` lists the tags. The marks live beside the saved
searches (index/userdata/tags.py) and are written under their lock."""

from __future__ import annotations

import argparse
import re

from rich.table import Table
from rich.text import Text

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.models import NewsdeskError
from newsdesk.index.userdata.bookmarks import corpus_data_dir
from newsdesk.index.userdata.tags import Change, TagStore
from newsdesk.tui.cli import output
from newsdesk.tui.cli.common import ensure_index, exit_code, query_errors, text_console
from newsdesk.tui.exit_codes import EXIT_HITS
from newsdesk.tui.render import counted
from newsdesk.tui.safe_text import json_dumps, terminal_safe

_OPERATION = re.compile(r"[+-]\S+")


def split_operations(words: str) -> tuple[list[str], list[str], str]:
    """(tags to add, tags to take off, the query): the +tag and -tag words before the
    query, as notmuch reads them."""
    add: list[str] = []
    remove: list[str] = []
    rest = words.split()
    while rest and _OPERATION.fullmatch(rest[0]):
        word = rest.pop(0)
        (add if word[0] == "+" else remove).append(word[1:])
    return add, remove, " ".join(rest)


def run(settings: Settings, args: argparse.Namespace) -> int:
    store = TagStore(corpus_data_dir(settings))
    store.load()  # a broken file: its path and line, and it is left alone
    for note in store.notes:  # a newer newsdesk's keys: loaded, kept, said
        output.err(f"newsdesk: {note}")
    if args.list:
        if args.query:
            raise NewsdeskError("--list takes no query")
        return _list(store, args.json)
    add, remove, query = split_operations(args.query or "")
    if args.star and args.unstar:
        raise NewsdeskError("--star and --unstar together")
    change = Change.of(add, remove, True if args.star else (False if args.unstar else None),
                       args.note)
    if not change:
        raise NewsdeskError("nothing to do: give +TAG, -TAG, --star, --unstar or --note "
                            "(or --list)")
    if not query.strip():
        raise NewsdeskError("give the query whose articles to change ('*' for every "
                            "article)")
    ensure_index(settings)
    with Engine(settings) as engine, query_errors(query, args.json):
        ids = engine.ids(query)
    changed = store.change(ids, change)
    summary = {"query": query, "found": len(ids), "changed": changed, "add": list(change.add),
               "remove": list(change.remove), "star": change.star, "note": change.note}
    if args.json:
        output.out(json_dumps(summary))
    else:
        what = " ".join([*(f"+{t}" for t in change.add), *(f"-{t}" for t in change.remove),
                         *(["starred"] if change.star else ["unstarred"]
                           if change.star is False else []),
                         *(["note set"] if change.note else ["note removed"]
                           if change.note == "" else [])])
        output.out(f"{what}: {changed:,} of the {counted(len(ids), 'article')} found changed")
    return exit_code(len(ids))


def _list(store: TagStore, as_json: bool) -> int:
    counts = store.tag_counts()
    starred = len(store.ids_that_are("starred"))
    noted = len(store.ids_that_are("noted"))
    rows = [{"tag": tag, "articles": n}
            for tag, n in sorted(counts.items(), key=lambda tn: (-tn[1], tn[0]))]
    if as_json:
        output.out(json_dumps({"starred": starred, "noted": noted, "tags": rows}))
        return EXIT_HITS
    out = text_console()
    out.print(Text(f"{starred:,} starred · {noted:,} with a note · {counted(len(rows), 'tag')}",
                   style="bold"))
    if rows:
        table = Table(box=None, header_style="bold")
        table.add_column("tag")
        table.add_column("articles", justify="right")
        for row in rows:
            table.add_row(Text(terminal_safe(row["tag"], False)), f"{row['articles']:,}")
        out.print(table)
    return EXIT_HITS
