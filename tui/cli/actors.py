"""`newsdesk actors`: the corpus's actors, or those that appear with one actor."""

from __future__ import annotations

import argparse
from typing import Any

from rich.table import Table
from rich.text import Text

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.models import Actor, NewsdeskError
from newsdesk.tui.cli import output
from newsdesk.tui.cli.common import ensure_index, exit_code, require_positive, text_console
from newsdesk.tui.safe_text import json_dumps, terminal_safe


def run(settings: Settings, args: argparse.Namespace) -> int:
    require_positive(args, "limit")
    ensure_index(settings)
    from newsdesk.index.actors.table import recluster_if_changed  # as the dashboard's pane

    with Engine(settings) as engine:
        # A dictionary edited by hand, or the metonyms setting changed: no re-index needed.
        recluster_if_changed(settings, engine.actors)
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
        output.out(json_dumps(rows))
    else:
        _print(rows, with_name=args.with_)
    return exit_code(len(rows))


def _row(actor: Actor, together: int | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "name": actor.name, "type": actor.type, "code": actor.code,
        "articles": actor.articles, "mentions": actor.mentions,
        "aliases": [{"name": s, "count": n} for s, n in actor.aliases]}
    if together is not None:
        row["together"] = together
    return row


def _print(rows: list[dict[str, Any]], with_name: str | None) -> None:
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
        cells: list[Text | str] = [Text(terminal_safe(row["name"], False)), row["type"]]
        if with_name:
            cells.append(str(row["together"]))
        cells += [str(row["articles"]), str(row["mentions"]),
                  Text(terminal_safe(", ".join(others), False))]
        table.add_row(*cells)
    text_console().print(table)
