"""`newsdesk timeline`: a query's hits per period, the dashboard's timeline strip as text
or JSON."""

from __future__ import annotations

import argparse

from rich.text import Text

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.models import Timeline
from newsdesk.tui.cli import output
from newsdesk.tui.cli.common import (
    ensure_index,
    exit_code,
    query_errors,
    text_console,
    timeline_json,
)
from newsdesk.tui.render import bar, counted
from newsdesk.tui.safe_text import json_dumps, terminal_safe


def run(settings: Settings, args: argparse.Namespace) -> int:
    ensure_index(settings)
    with Engine(settings) as engine, query_errors(args.query, args.json):
        timeline = engine.timeline(args.query, args.by)
    if args.json:
        output.out(json_dumps(timeline_json(timeline)))
    else:
        _print(timeline)
    return exit_code(timeline.total)


def _print(timeline: Timeline) -> None:
    console = text_console()
    head = Text(f"{counted(timeline.total, 'hit')} for ", style="bold")
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
