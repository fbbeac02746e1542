"""`newsdesk search --batch FILE`: one query a line, each line's count (or with --hits its
best hits) as text, CSV, JSON or JSON Lines. Every query line gets a row: a bad one its
error (also on stderr, with its line number), and the others still run."""

from __future__ import annotations

import csv
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.models import NewsdeskError
from newsdesk.index.query.batch import BatchLine, count_batch, read_batch
from newsdesk.index.views.export import COLUMNS, csv_cell, export_row
from newsdesk.tui.cli import output
from newsdesk.tui.cli.common import ensure_index, text_console
from newsdesk.tui.exit_codes import EXIT_ERROR, EXIT_HITS, EXIT_NO_HITS
from newsdesk.tui.safe_text import json_dumps, terminal_safe

COUNT_COLUMNS = ("line", "query", "count", "error")
HIT_COLUMNS = ("line", "query", "total", "rank", *COLUMNS)


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
        output.err(f"newsdesk: {len(bad)} of {len(rows)} queries could not be run")
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
