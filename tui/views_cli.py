"""`newsdesk timeline`, `newsdesk kwic`, `newsdesk facets`: the dashboard's views of a result
set, as text or JSON, from the same engine calls."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsdesk.index.config import Settings
from newsdesk.index.models import Facets, KwicLine, NewsdeskError, QueryError, Timeline
from newsdesk.index.views.facets import PERIODS
from newsdesk.index.views.kwic import ARTICLES as KWIC_ARTICLES
from newsdesk.index.views.kwic import ORDERS
from newsdesk.tui.cli import ensure_index
from newsdesk.tui.exit_codes import EXIT_HITS, EXIT_NO_HITS
from newsdesk.tui.render import MATCH, bar
from newsdesk.tui.safe_text import json_dumps, terminal_safe

KWIC_MAX_LINES = 1_000_000  # the CLI prints every line of the hits asked for, within reason


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("timeline", help="hits of a query per day, week, month or year")
    p.add_argument("query")
    p.add_argument("--by", choices=PERIODS, default=None,
                   help="period (default: chosen by the span of the hits' dates)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")

    p = sub.add_parser("kwic", help="keyword in context: every match of a query on a line")
    p.add_argument("query")
    p.add_argument("--width", "-w", type=int, default=40,
                   help="characters of context each side (default 40)")
    p.add_argument("--sort", choices=ORDERS, default="rank",
                   help="order: rank (default), left or right context word, match")
    p.add_argument("--limit", "-n", type=int, default=KWIC_ARTICLES,
                   help=f"best hits to take lines from (default {KWIC_ARTICLES}, as the "
                        "dashboard)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")

    p = sub.add_parser("facets", help="a query's hits by source, period and actor")
    p.add_argument("query")
    p.add_argument("--top", type=int, default=10, help="values per facet (default 10)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")


def cmd_views(settings: Settings, args: argparse.Namespace) -> int:
    from newsdesk.index.engine import Engine

    for name in ("width", "limit", "top"):
        if getattr(args, name, 1) < 1:
            raise NewsdeskError(f"--{name} must be at least 1")
    ensure_index(settings)
    with Engine(settings) as engine:
        try:
            if args.command == "timeline":
                return _timeline(engine.timeline(args.query, args.by), args.json)
            if args.command == "kwic":
                lines, total = engine.kwic(args.query, args.width, args.limit,
                                           max_lines=KWIC_MAX_LINES, order=args.sort)
                return _kwic(args.query, lines, total, min(args.limit, total), args.width,
                             args.json)
            return _facets(engine.facets(args.query, args.top), args.json)
        except QueryError as exc:
            if args.json:
                print(json_dumps({"query": args.query, "error": str(exc)}))
            raise NewsdeskError(f"query {args.query!r}: {exc}") from None


def _exit(found: int) -> int:
    return EXIT_HITS if found else EXIT_NO_HITS


# -- timeline --------------------------------------------------------------------------------

def timeline_json(timeline: Timeline) -> dict[str, Any]:
    return {"query": timeline.query, "by": timeline.by, "total": timeline.total,
            "undated": timeline.undated,
            "periods": [{"start": p.start.isoformat(), "label": p.label, "count": p.count,
                         "query": p.clause} for p in timeline.periods]}


def _timeline(timeline: Timeline, as_json: bool) -> int:
    if as_json:
        print(json_dumps(timeline_json(timeline)))
        return _exit(timeline.total)
    console = Console(highlight=False)
    head = Text(f"{timeline.total:,} hits for ", style="bold")
    head.append(terminal_safe(timeline.query, False))
    head.append(f" by {timeline.by}", style="bold")
    console.print(head)
    peak = max((p.count for p in timeline.periods), default=0)
    width = max(10, min(50, console.width - 24))
    for period in timeline.periods:
        line = Text(f"{period.label:<12}{period.count:>8,}  ")
        line.append(bar(period.count, peak, width), style="cyan")
        console.print(line)
    if timeline.undated:
        console.print(Text(f"{timeline.undated:,} of the hits have no date and are not "
                           "counted above", style="italic"))
    return _exit(timeline.total)


# -- keyword in context ----------------------------------------------------------------------

def kwic_json(query: str, lines: list[KwicLine], total: int,
              from_hits: int) -> dict[str, Any]:
    return {"query": query, "total_hits": total, "from_hits": from_hits,
            "lines": [{
        "id": line.article_id, "title": line.title, "rank": line.rank,
        "date": line.date.isoformat() if line.date else None, "source": line.source,
        "match_index": line.match_index, "span": list(line.span),
        "left": line.left, "match": line.match, "right": line.right} for line in lines]}


def _kwic(query: str, lines: list[KwicLine], total: int, from_hits: int, width: int,
          as_json: bool) -> int:
    if as_json:
        print(json_dumps(kwic_json(query, lines, total, from_hits)))
        return _exit(len(lines))
    console = Console(highlight=False, soft_wrap=True)
    scope = f"all {total:,} hits" if from_hits >= total else \
        f"the best {from_hits:,} of {total:,} hits (--limit for more)"
    stopped = f", the first {KWIC_MAX_LINES:,}" if len(lines) >= KWIC_MAX_LINES else ""
    head = Text(f"{len(lines):,} matches{stopped} in {scope} for ", style="bold")
    head.append(terminal_safe(query, False))
    console.print(head)
    for line in lines:
        out = Text(terminal_safe(line.left, False).rjust(width) + " ")
        out.append(terminal_safe(line.match, False), style=MATCH)
        out.append(" " + terminal_safe(line.right, False).ljust(width))
        out.append(f"  {line.article_id}", style="dim")
        console.print(out)
    return _exit(len(lines))


# -- facets ----------------------------------------------------------------------------------

def facets_json(found: Facets) -> dict[str, Any]:
    def values(items: list) -> list[dict[str, Any]]:
        return [{"label": v.label, "count": v.count, "query": v.clause or None,
                 **({"type": v.kind} if v.kind else {})} for v in items]

    return {"query": found.query, "total": found.total, "sources": values(found.sources),
            "actors": values(found.actors), "actors_candidates_from": found.actors_from,
            "timeline": timeline_json(found.timeline)}


def _facets(found: Facets, as_json: bool) -> int:
    if as_json:
        print(json_dumps(facets_json(found)))
        return _exit(found.total)
    console = Console(highlight=False)
    head = Text(f"{found.total:,} hits for ", style="bold")
    head.append(terminal_safe(found.query, False))
    console.print(head)
    for title, items in (("source", found.sources), ("actor", found.actors),
                         (f"{found.timeline.by} (busiest)", sorted(
                             (p for p in found.timeline.periods if p.count),
                             key=lambda p: -p.count)[:10])):
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
    undated = found.timeline.undated
    if undated:
        console.print(Text(f"\n{undated:,} hits have no date", style="italic"))
    if found.actors and found.actors_from < found.total:
        console.print(Text(f"(actor candidates drawn from {found.actors_from:,} of the hits, "
                           "then counted over all of them)", style="dim"))
    return _exit(found.total)
