"""`newsdesk kwic`: keyword in context, every match of a query on a line, as the dashboard's
concordance shows them."""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.models import KwicLine
from newsdesk.index.query.highlight import MAX_MATCHES
from newsdesk.tui.cli import output
from newsdesk.tui.cli.common import (
    ensure_index,
    exit_code,
    query_errors,
    require_positive,
    text_console,
)
from newsdesk.tui.render import MATCH
from newsdesk.tui.safe_text import json_dumps, terminal_safe

# Every line of the hits asked for, within reason: a line is kept until all are sorted,
# about 0.5 KB (1,000,000 lines of one long article's matches took 1.3 GB).
MAX_LINES = 100_000


def run(settings: Settings, args: argparse.Namespace) -> int:
    require_positive(args, "width", "limit")
    ensure_index(settings)
    with Engine(settings) as engine, query_errors(args.query, args.json):
        lines, total = engine.kwic(args.query, args.width, args.limit, max_lines=MAX_LINES,
                                   order=args.sort)
    from_hits = min(args.limit, total)
    if args.json:
        output.out(json_dumps(_json(args.query, lines, total, from_hits)))
    else:
        _print(args.query, lines, total, from_hits, args.width)
    return exit_code(len(lines))


def _json(query: str, lines: list[KwicLine], total: int, from_hits: int) -> dict[str, Any]:
    return {"query": query, "total_hits": total, "from_hits": from_hits,
            "lines": [{
                "id": line.article_id, "title": line.title, "rank": line.rank,
                "date": line.date.isoformat() if line.date else None, "source": line.source,
                "match_index": line.match_index, "span": list(line.span),
                "left": line.left, "match": line.match, "right": line.right,
                **({"more_in_article": True} if line.more else {})}
                for line in lines]}


def _print(query: str, lines: list[KwicLine], total: int, from_hits: int, width: int) -> None:
    console = text_console()
    console.soft_wrap = True  # a concordance line is never wrapped
    scope = f"all {total:,} hits" if from_hits >= total else \
        f"the best {from_hits:,} of {total:,} hits (--limit for more)"
    stopped = f", the first {MAX_LINES:,}" if len(lines) >= MAX_LINES else \
        f" (the first {MAX_MATCHES:,} of an article)" if any(line.more for line in lines) \
        else ""
    head = Text(f"{len(lines):,} matches{stopped} in {scope} for ", style="bold")
    head.append(terminal_safe(query, False))
    console.print(head)
    for line in lines:
        article = terminal_safe(line.article_id, False)  # (a file's name may hold a newline)
        out = Text(terminal_safe(line.left, False).rjust(width) + " ")
        out.append(terminal_safe(line.match, False), style=MATCH)
        out.append(" " + terminal_safe(line.right, False).ljust(width))
        out.append(f"  {article}", style="dim")
        console.print(out)
        if line.more:
            console.print(Text(f"{'':>{width}} … more matches in {article} after "
                               f"these (the first {MAX_MATCHES:,} of an article listed)",
                               style="dim"))
