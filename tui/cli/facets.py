"""`newsdesk facets`: a query's hits by source, period and actor, each with the clause that
narrows to it, as the dashboard's facets pane shows them."""

from __future__ import annotations

import argparse
from typing import Any

from rich.table import Table
from rich.text import Text

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.models import Facets
from newsdesk.tui.cli import output
from newsdesk.tui.cli.common import (
    ensure_index,
    exit_code,
    query_errors,
    require_positive,
    text_console,
    timeline_json,
)
from newsdesk.tui.render import counted
from newsdesk.tui.safe_text import json_dumps, terminal_safe

BUSIEST_PERIODS = 10  # the periods listed in text at most (--top fewer); --json gives every one


def run(settings: Settings, args: argparse.Namespace) -> int:
    require_positive(args, "top")
    ensure_index(settings)
    with Engine(settings) as engine, query_errors(args.query, args.json):
        found = engine.facets(args.query, args.top)
    if args.json:
        output.out(json_dumps(_json(found)))
    else:
        _print(found, min(args.top, BUSIEST_PERIODS))
    return exit_code(found.total)


def _json(found: Facets) -> dict[str, Any]:
    def values(items: list) -> list[dict[str, Any]]:
        return [{"label": v.label, "count": v.count, "query": v.clause or None,
                 **({"type": v.kind} if v.kind else {})} for v in items]

    return {"query": found.query, "total": found.total, "sources": values(found.sources),
            "actors": values(found.actors), "actors_candidates_from": found.actors_from,
            "timeline": timeline_json(found.timeline)}


def _print(found: Facets, periods: int = BUSIEST_PERIODS) -> None:
    """`periods`: the busiest periods listed (--top asks for fewer values of every facet:
    `--top 5` listed 8 years)."""
    console = text_console()
    head = Text(f"{counted(found.total, 'hit')} for ", style="bold")
    head.append(terminal_safe(found.query, False))
    console.print(head)
    busiest = sorted((p for p in found.timeline.periods if p.count), key=lambda p: -p.count)
    # Actors and places in blocks of their own, as the pane shows them (one "actor" block
    # listed cities among the people, its counts out of order where the kinds met).
    actors, places = found.actors_and_places()
    for title, items in (("source", found.sources), ("actor", actors), ("place", places),
                         (f"{found.timeline.by} (busiest)", busiest[:periods])):
        if not items:
            continue
        table = Table(box=None, header_style="bold", pad_edge=False)
        table.add_column(title)
        table.add_column("hits", justify="right")
        table.add_column("narrow with", style="dim")
        for item in items:
            table.add_row(Text(terminal_safe(item.label, False)), f"{item.count:,}",
                          Text(terminal_safe(item.clause, False)))
        console.print()
        console.print(table)
    if found.timeline.undated:
        undated = found.timeline.undated
        console.print(Text(f"\n{counted(undated, 'hit')} {'has' if undated == 1 else 'have'} "
                           "no date", style="italic"))
    if found.actors and found.actors_from < found.total:
        console.print(Text(f"(actor candidates drawn from {found.actors_from:,} of the hits, "
                           "then counted over all of them)", style="dim"))
