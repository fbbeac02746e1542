"""`newsdesk search`: ranked results as text or JSON, or every hit as CSV or JSON Lines
(--format) for a spreadsheet or a script. With --batch FILE, one query a line: each line's
count (or with --hits its best hits) as text, CSV, JSON or JSON Lines. Every query line gets
a row: a bad one its error (also on stderr, with its line number), and the others still
run."""

from __future__ import annotations

import argparse
import csv
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from newsdesk.index.config import Settings
from newsdesk.index.dups.fold import Story, stories_of
from newsdesk.index.engine import Engine
from newsdesk.index.models import Hit, NewsdeskError, Results
from newsdesk.index.query.batch import BatchLine, count_batch, read_batch
from newsdesk.index.views.export import COLUMNS, csv_cell, export_row, write_export
from newsdesk.tui.cli import output
from newsdesk.tui.cli.common import (
    ensure_index,
    exit_code,
    hit_json,
    print_results,
    query_errors,
    require_positive,
    results_json,
    text_console,
)
from newsdesk.tui.exit_codes import EXIT_ERROR, EXIT_HITS, EXIT_NO_HITS
from newsdesk.tui.render import counted
from newsdesk.tui.safe_text import json_dumps, terminal_safe

COUNT_COLUMNS = ("line", "query", "count", "error")
HIT_COLUMNS = ("line", "query", "total", "rank", *COLUMNS)


def run(settings: Settings, args: argparse.Namespace) -> int:
    require_positive(args, "limit")
    fmt = args.format or ("json" if args.json else "text")
    sort = "newest" if args.sort == "date" else args.sort
    if args.batch is not None:
        if args.query is not None:
            raise NewsdeskError("--batch takes its queries from the file: give no QUERY")
        return run_batch(settings, args.batch, fmt, args.hits, args.limit, sort)
    if args.hits:
        raise NewsdeskError("--hits goes with --batch FILE")
    if args.query is None:
        raise NewsdeskError("search needs a QUERY (or --batch FILE); '' lists the newest "
                            "articles")
    if args.all and args.limit is not None:
        raise NewsdeskError("--all and --limit/-n ask for different numbers of hits: give one")
    if fmt in ("csv", "jsonl"):
        limit = None if args.all else args.limit or settings.search.limit
        return _export(settings, args.query, fmt, limit, args.full_text, sort, args.fold)
    if args.full_text:
        raise NewsdeskError("--full-text goes with --format csv or jsonl")
    return _search(settings, args.query, args.limit, fmt == "json", sort, args.fold,
                   args.all)


def _search(settings: Settings, query: str, limit: int | None, as_json: bool,
            sort: str = "relevance", fold: bool = False, every: bool = False) -> int:
    """With `fold`, -n counts stories: the engine ranks on till it has that many. With
    `every` (--all), every hit (or story): streamed, a batch at a time, after the head
    (total, notes) of the first page's search."""
    ensure_index(settings)
    wanted = limit or settings.search.limit
    with Engine(settings) as engine, query_errors(query, as_json):
        results = engine.search(query, wanted, sort, fold=fold, all_spans=as_json)
        stories = stories_of(results.hits, results.copies) if fold else None
        if every:
            if fold:
                found = engine.iter_stories(query, None, sort=sort)
            else:
                found = (Story(hit) for hit in engine.iter_hits(query, None, sort=sort))
            if as_json:
                _stream_json(results, found, fold)
            else:
                print_results(results, found, every=True, folded=fold)
            return exit_code(results.total)
    if stories is not None:
        stories = stories[:wanted]
    if as_json:
        output.out(json_dumps(results_json(results, stories)))
    else:
        print_results(results, stories)
    return exit_code(results.total)


def _stream_json(results: Results, stories: Iterable[Story], folded: bool) -> None:
    """`results_json` of every hit, written a hit at a time: the export of a common word
    at a million articles never holds all its hits (nor their JSON) at once."""
    head = results_json(results, [])
    del head["hits"]
    stream = output.data_stream()
    stream.write(json_dumps(head)[:-1] + ', "hits": [')
    for n, story in enumerate(stories):
        row = hit_json(story.hit)
        if folded:
            row["copies"] = list(story.copies)
        stream.write((", " if n else "") + json_dumps(row))
    stream.write("]}\n")


def _export(settings: Settings, query: str, fmt: str, limit: int | None,
            full_text: bool = False, sort: str = "relevance", fold: bool = False) -> int:
    """The best `limit` hits (None: all) as CSV or JSON Lines on stdout, with each article's
    whole text when asked; with `fold` one row a story (its copies' ids in a column), and
    `limit` counts stories. On a terminal, control characters in the data are shown inert;
    into a file or a pipe it goes as it is."""
    ensure_index(settings)
    with Engine(settings) as engine:
        with query_errors(query, as_json=False):
            engine.parse(query)
        if fold:
            found: Iterable[Hit] | Iterable[Story] = engine.iter_stories(
                query, limit, full_text=full_text, sort=sort)
        else:
            found = engine.iter_hits(query, limit, full_text=full_text, sort=sort)
        written = write_export(found, output.data_stream(), fmt, full_text, folded=fold)
    return exit_code(written)


# -- --batch FILE ------------------------------------------------------------------------------


def run_batch(settings: Settings, path: Path, fmt: str, hits: bool, limit: int | None,
              sort: str) -> int:
    lines = read_batch(path, settings.search.default_operator)
    if not lines:
        raise NewsdeskError(f"{path}: no queries in it (one a line; # starts a comment)")
    ensure_index(settings)
    with Engine(settings) as engine:
        rows = (_hit_rows(engine, lines, limit or settings.search.limit, sort) if hits
                else [asdict(c) for c in count_batch(lines, engine.count)])
    _write(rows, fmt, HIT_COLUMNS if hits else COUNT_COLUMNS, hits)
    bad = [r for r in rows if r["error"]]
    for row in bad:
        output.err(f"newsdesk: {path}:{row['line']}: {row['error']}")
    if bad:
        output.err(f"newsdesk: {len(bad):,} of {counted(len(rows), 'query', 'queries')} "
                   "could not be run")
        return EXIT_ERROR
    found = any(r["count" if not hits else "total"] for r in rows)
    return EXIT_HITS if found else EXIT_NO_HITS


def _hit_rows(engine: Engine, lines: list[BatchLine], limit: int, sort: str
              ) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for item in lines:
        row: dict[str, Any] = {"line": item.line, "query": item.query, "total": None,
                               "hits": [], "error": item.error}
        if item.error is None:
            try:
                results = engine.search(item.query, limit, sort)
            except NewsdeskError as exc:
                row["error"] = str(exc)
            else:
                row["total"] = results.total
                row["hits"] = [export_row(h) for h in results.hits]
        rows.append(row)
    return rows


def _write(rows: list[dict[str, Any]], fmt: str, columns: tuple[str, ...], hits: bool) -> None:
    if fmt == "json":
        output.out(json_dumps(rows))
    elif fmt == "jsonl":
        for row in rows:
            output.out(json_dumps(row))
    elif fmt == "csv":
        stream = output.data_stream()
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(columns + (("error",) if hits else ()))
        for row in rows:
            if not hits:
                writer.writerow([csv_cell(row[c]) for c in columns])
                continue
            head = [row["line"], csv_cell(row["query"]), csv_cell(row["total"])]
            if not row["hits"]:  # a row for a query with no hits (or an error) too
                writer.writerow([*head, "", *([""] * len(COLUMNS)),
                                 csv_cell(row["error"])])
            for rank, hit in enumerate(row["hits"], start=1):
                hit = {**hit, "tags": " ".join(hit["tags"]),
                       "starred": "yes" if hit["starred"] else ""}
                writer.writerow([*head, rank, *(csv_cell(hit.get(c)) for c in COLUMNS),
                                 ""])
    else:
        _table(rows, hits)


def _table(rows: list[dict[str, Any]], hits: bool) -> None:
    out = text_console()
    table = Table(box=None, header_style="bold")
    table.add_column("line", justify="right")
    table.add_column("hits" if hits else "count", justify="right")
    table.add_column("query")
    for row in rows:
        count = row["total"] if hits else row["count"]
        query = Text(terminal_safe(row["query"], False))
        if row["error"]:
            query.append(f"  ⚠ {terminal_safe(row['error'], False)}", style="red")
        table.add_row(str(row["line"]), "" if count is None else f"{count:,}", query)
    out.print(table)
    if hits:
        for row in rows:
            for rank, hit in enumerate(row["hits"], start=1):
                line = Text(f"{row['line']:>5} {rank:>3}  ", style="dim")
                line.append(terminal_safe(hit["title"], False), style="bold")
                line.append(f"  {terminal_safe(hit['id'], False)}", style="dim")
                out.print(line)
