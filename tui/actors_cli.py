"""`newsdesk actors`: the corpus's actors, or those that appear with one actor."""

from __future__ import annotations

import argparse

from newsdesk.index.actors.dictionaries import TYPES
from newsdesk.index.config import Settings
from newsdesk.index.models import Actor, NewsdeskError
from newsdesk.tui.cli import ensure_index
from newsdesk.tui.exit_codes import EXIT_HITS, EXIT_NO_HITS
from newsdesk.tui.safe_text import json_dumps


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("actors", help="the people, organisations and countries the articles "
                                      "mention, with their aliases and counts")
    p.add_argument("--type", choices=TYPES, help="only actors of this type")
    p.add_argument("--limit", "-n", type=int, default=30, help="most actors to list (30)")
    p.add_argument("--sort", choices=("articles", "mentions", "name"), default="articles")
    p.add_argument("--with", dest="with_", metavar="NAME",
                   help="the actors that appear in the most articles together with NAME")
    p.add_argument("--json", action="store_true", help="a JSON array on stdout")


def _row(actor: Actor, together: int | None = None) -> dict:
    row = {"name": actor.name, "type": actor.type, "code": actor.code,
           "articles": actor.articles, "mentions": actor.mentions,
           "aliases": [{"name": s, "count": n} for s, n in actor.aliases]}
    if together is not None:
        row["together"] = together
    return row


def cmd_actors(settings: Settings, args: argparse.Namespace) -> int:
    from newsdesk.index.engine import Engine

    if args.limit < 1:
        raise NewsdeskError("--limit must be at least 1")
    ensure_index(settings)
    with Engine(settings) as engine:
        if args.with_:
            actor = engine.actors.resolve(args.with_)
            if actor is None:
                engine.actors.filter_keys(args.with_)  # raises with a "did you mean"
                raise NewsdeskError(f"no actor named '{args.with_}'")
            pairs = engine.actors.cooccurring(actor.id, args.limit)
            if args.type:
                pairs = [(a, n) for a, n in pairs if a.type == args.type]
            rows = [_row(a, n) for a, n in pairs]
        else:
            rows = [_row(a) for a in engine.actors.list(args.type, args.sort, args.limit)]
    if args.json:
        print(json_dumps(rows))
    else:
        _print(rows, with_name=args.with_)
    return EXIT_HITS if rows else EXIT_NO_HITS


def _print(rows: list[dict], with_name: str | None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from newsdesk.tui.safe_text import terminal_safe

    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("actor")
    table.add_column("type", style="cyan")
    if with_name:
        table.add_column("together", justify="right")
    table.add_column("articles", justify="right")
    table.add_column("mentions", justify="right")
    table.add_column("also written", style="dim", overflow="fold")
    for row in rows:
        others = [a["name"] for a in row["aliases"] if a["name"] != row["name"]][:4]
        cells = [Text(terminal_safe(row["name"], False)), row["type"]]
        if with_name:
            cells.append(str(row["together"]))
        cells += [str(row["articles"]), str(row["mentions"]),
                  Text(terminal_safe(", ".join(others), False))]
        table.add_row(*cells)
    Console(highlight=False).print(table)
