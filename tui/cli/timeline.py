"""`newsdesk timeline Q1 Q2 ...`: hits per period of up to five queries or saved searches
on one time axis, as counts or as shares of every article dated in the period; as text,
JSON or CSV. The dashboard's chart pane draws the same series (Engine.compare); one query
prints as the one-line timeline strip's figures always did."""

from __future__ import annotations

import argparse
import csv
import io
from typing import Any

from rich.table import Table
from rich.text import Text

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.models import NewsdeskError, QueryError
from newsdesk.index.userdata.bookmarks import BookmarkStore, corpus_data_dir
from newsdesk.index.views import facets
from newsdesk.index.views.compare import MAX_SERIES, Comparison, Series
from newsdesk.tui.cli import output
from newsdesk.tui.cli.common import ensure_index, exit_code, text_console
from newsdesk.tui.exit_codes import EXIT_ERROR
from newsdesk.tui.render import bar, coarser_note, counted, left_out_note
from newsdesk.tui.safe_text import json_dumps, terminal_safe

NO_SHARE = "—"  # the share of a period with no article dated in it


READABLE = 1_000  # periods printed as lines at most: past them, a coarser period


def queries_of(words: list[str]) -> list[str]:
    """A query an argument; a `-word` argument leaves the word out of the query before it
    (`timeline iran -trump oil`: "iran -trump" and "oil")."""
    found: list[str] = []
    for word in words:
        if word.startswith("-") and len(word) > 1 and found:
            found[-1] += f" {word}"
        else:
            found.append(word)
    return found


def series_wanted(settings: Settings, args: argparse.Namespace) -> list[tuple[str, str]]:
    """(label, query) of each query given, then of each saved search named."""
    wanted = [(q, q) for q in queries_of(args.query)]
    if args.saved:
        store = BookmarkStore(corpus_data_dir(settings))
        store.load()
        for name in args.saved:
            bookmark = store.get(name)
            if bookmark is None:
                raise NewsdeskError(f"no saved search named '{name}' (see `newsdesk saved "
                                    "list`)")
            wanted.append((bookmark.name, bookmark.query))
    if not wanted:
        raise NewsdeskError("give a query or a saved search (--saved NAME) to count")
    if len(wanted) > MAX_SERIES:
        raise NewsdeskError(f"at most {MAX_SERIES} queries on one timeline "
                            f"({len(wanted):,} given)")
    return wanted


def run(settings: Settings, args: argparse.Namespace) -> int:
    wanted = series_wanted(settings, args)
    ensure_index(settings)
    with Engine(settings) as engine:
        bad = bad_queries(engine, wanted)
        if bad:  # nothing counted: a table with a column of zeros for it would mislead
            for message in bad:
                output.err(message)
            return EXIT_ERROR
        # Printed as lines, at most READABLE of them (by day over centuries printed some
        # 10,000 lines by week); a CSV or JSON for a program takes up to MAX_PERIODS.
        found = engine.compare(wanted, args.by, most=None if args.json or args.csv
                               else min(READABLE, facets.MAX_PERIODS))
    failed = [s for s in found.series if s.error]
    if failed:  # parsed, but did not compile (is:foo): the same, said before any table
        for series in failed:
            output.err(_error_line(series.label, series.query, series.error))
        return EXIT_ERROR
    if args.json:
        output.out(json_dumps(comparison_json(found, args.share)))
    elif args.csv:
        write_csv(found, args.share)
        for note in notes(found):  # (beside the CSV, as its undated hits are)
            output.err(f"newsdesk: {note}")
        for series in found.series:  # the CSV has no row for them: said beside it
            if series.undated:
                output.err(f"newsdesk: {terminal_safe(series.label, False)}: "
                           f"{counted(series.undated, 'hit')} without a date, not counted "
                           "in any period")
    elif len(found.series) == 1:
        _print_one(found, found.series[0], args.share)
    else:
        _print_table(found, args.share)
    return exit_code(sum(s.total for s in found.series))


def notes(found: Comparison) -> list[str]:
    """What the periods are not as asked, or leave off: a coarser period than --by asked
    for, lone dates far from the others."""
    if found.most is not None and found.most < facets.MAX_PERIODS:
        coarser = coarser_note(found.by, found.coarsened, found.most, "lines")
        coarser += f" (--csv and --json go up to {facets.MAX_PERIODS:,} periods)" \
            if coarser else ""
    else:
        coarser = coarser_note(found.by, found.coarsened)
    return [n for n in (coarser, left_out_note(found.left_out)) if n]


def bad_queries(engine: Engine, wanted: list[tuple[str, str]]) -> list[str]:
    """An error line for each (label, query) that does not parse, naming the query (and the
    saved search it came from) and the column where it fails; none: all can be counted."""
    bad = []
    for label, query in wanted:
        try:
            engine.parse(query)
        except QueryError as exc:
            bad.append(_error_line(label, query, str(exc)))
    return bad


def _error_line(label: str, query: str, error: str) -> str:
    named = "" if label == query else f" (saved search {label!r})"
    return f"newsdesk: query {query!r}{named}: {error}; nothing counted"


def comparison_json(found: Comparison, share: bool = False) -> dict[str, Any]:
    """Every series with its counts (and shares) per period. One query also keeps the
    shape `timeline --json` always had: query, total, undated, and a count a period."""
    data: dict[str, Any] = {
        "by": found.by, "measure": "share" if share else "count",
        **({"by_asked": found.coarsened} if found.coarsened else {}),
        "left_out": [{"date": d.isoformat(), "count": n} for d, n in found.left_out],
        "periods": [{"start": p.start.isoformat(), "label": p.label, "all": p.count,
                     "query": p.clause} for p in found.periods],
        "series": [{"label": s.label, "query": s.query, "total": s.total,
                    "undated": s.undated, "left_out": s.left_out, "counts": s.counts,
                    "shares": [None if x is None else round(x, 6)
                               for x in defined_shares(found, s)],
                    **({"error": s.error} if s.error else {})} for s in found.series],
    }
    if len(found.series) == 1:
        only = found.series[0]
        data.update(query=only.query, total=only.total, undated=only.undated)
        for period, count in zip(data["periods"], only.counts, strict=True):
            period["count"] = count
    return data


def write_csv(found: Comparison, share: bool = False) -> None:
    """A header of period, start, all articles and one column a series (its label); then
    a row a period."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["period", "start", "all_articles", *(s.label for s in found.series)])
    columns = [defined_shares(found, s) if share else s.counts for s in found.series]
    for i, period in enumerate(found.periods):
        writer.writerow([period.label, period.start.isoformat(), period.count,
                         *(c[i] if not share else "" if c[i] is None else f"{c[i]:.6f}"
                           for c in columns)])
    stream = output.data_stream()
    stream.write(buffer.getvalue())
    stream.flush()


def defined_shares(found: Comparison, series: Series) -> list[float | None]:
    """Each period's share, None for a period with no article dated in it at all: a share
    of nothing is no 0% (the chart leaves such periods out too; 0.00% read as coverage
    that had stopped, in the months Reuters-21578 has no article of)."""
    return [share if period.count else None
            for share, period in zip(found.shares(series), found.periods, strict=True)]


def _value(series: Series, found: Comparison, i: int, share: bool) -> str:
    if share:
        value = defined_shares(found, series)[i]
        return NO_SHARE if value is None else f"{value * 100:.2f}%"
    return f"{series.counts[i]:,}"


def _print_one(found: Comparison, series: Series, share: bool) -> None:
    console = text_console()
    head = Text(f"{counted(series.total, 'hit')} for ", style="bold")
    head.append(terminal_safe(series.query, False))
    head.append(f" by {found.by}", style="bold")
    if share:
        head.append(f" (share of all articles dated in each {found.by})", style="dim")
    console.print(head)
    for note in notes(found):
        console.print(Text(note, style="italic"))
    values = [v or 0.0 for v in defined_shares(found, series)] if share else series.counts
    peak = max(values, default=0)
    width = max(10, min(50, console.width - 24))
    for i, period in enumerate(found.periods):
        line = Text(f"{period.label:<12}{_value(series, found, i, share):>8}  ")
        line.append(bar(values[i], peak, width), style="cyan")  # type: ignore[arg-type]
        console.print(line)
    if series.undated:
        console.print(Text(f"{series.undated:,} of the hits have no date and are not "
                           "counted above", style="italic"))


def _print_table(found: Comparison, share: bool) -> None:
    console = text_console()
    heading = f"Share of all articles dated in each {found.by}" if share else \
        f"Hits by {found.by}"
    console.print(Text(heading, style="bold"))
    for note in notes(found):
        console.print(Text(note, style="italic"))
    table = Table(box=None, padding=(0, 1), show_edge=False)
    table.add_column(found.by)
    for series in found.series:
        table.add_column(Text(terminal_safe(series.label, False)), justify="right")
    table.add_column("all articles", justify="right", style="dim")
    for i, period in enumerate(found.periods):
        table.add_row(period.label, *(_value(s, found, i, share) for s in found.series),
                      f"{period.count:,}")
    table.add_row(Text("total", style="bold"), *(f"{s.total:,}" for s in found.series), "")
    console.print(table)
    for series in found.series:
        if series.undated:
            console.print(Text(f"{terminal_safe(series.label, False)}: "
                               f"{counted(series.undated, 'hit')} without a date",
                               style="italic"))
