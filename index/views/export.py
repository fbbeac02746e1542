"""Results out to CSV or JSON Lines: id, title, date, source, url, path, score, matches,
snippet, the person's star, tags and note, and with full text the article's whole text.
Long exports report progress and can be stopped; an export stopped or failed leaves no file
under the name asked for."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from newsdesk.index.dups.fold import Story
from newsdesk.index.locations import private_fd
from newsdesk.index.models import Hit, NewsdeskError, Stopped

FORMATS = ("csv", "jsonl")
COLUMNS = ("id", "title", "date", "source", "url", "path", "score", "matches", "snippet",
           "starred", "tags", "note")
TEXT_COLUMN = "text"  # added when the hits carry their article's text
# added when the hits are stories (search --fold): the ids of each one's near-duplicates
COPIES_COLUMN = "copies"
PROGRESS_EVERY = 200  # rows between progress reports and checks for a stop
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_row(hit: Hit) -> dict[str, object]:
    row: dict[str, object] = {
        "id": hit.id, "title": hit.title, "date": export_date(hit),
        "source": hit.source, "url": hit.url, "path": hit.path, "score": round(hit.score, 4),
        "matches": _matches(hit), "snippet": hit.snippet.text,
        "starred": hit.starred, "tags": list(hit.tags), "note": hit.note}
    if hit.text is not None:
        row[TEXT_COLUMN] = hit.text
    return row


def _matches(hit: Hit) -> int | str:
    """How many matches the text has; "10000+" where its spans are its first ones only."""
    return len(hit.spans) if hit.spans_complete else f"{len(hit.spans)}+"


def export_date(hit: Hit) -> str | None:
    """The date as the article gave it, offset and all (a store made before it was kept
    has only the naive date: index/storage/date_text.py)."""
    if hit.date is None:
        return None
    return hit.date_text or hit.date.isoformat()


def _never() -> bool:
    return False


def _ignore(_written: int) -> None:
    return None


def csv_cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text  # shown as typed, never run
    return text


def write_export(hits: Iterable[Hit] | Iterable[Story], stream: TextIO, fmt: str,
                 full_text: bool = False, progress: Callable[[int], None] = _ignore,
                 stop: Callable[[], bool] = _never, folded: bool = False) -> int:
    """Write every hit as one row; the number written. With `full_text` the CSV has a text
    column (the hits must carry their text). `folded`: the hits are stories (search
    --fold), each row with its copies' ids (a CSV cell of them, space-separated). CSV cells
    that a spreadsheet would take for a formula get a leading apostrophe. `progress(rows
    written)` is called every PROGRESS_EVERY rows, and Stopped raised there as soon as
    `stop()` says so."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}' (use {', '.join(FORMATS)})")
    columns = (*COLUMNS, TEXT_COLUMN) if full_text else COLUMNS
    if folded:
        columns = (*columns, COPIES_COLUMN)
    written = 0
    writer = csv.writer(stream, lineterminator="\r\n") if fmt == "csv" else None
    if writer is not None:
        writer.writerow(columns)
    for item in hits:
        hit = item.hit if isinstance(item, Story) else item
        row = export_row(hit)
        if isinstance(item, Story):
            row[COPIES_COLUMN] = list(item.copies)
        if writer is not None:
            if isinstance(item, Story):
                row[COPIES_COLUMN] = " ".join(item.copies)
            row["tags"] = " ".join(hit.tags)  # one cell: the tags as `newsdesk tag` takes them
            row["starred"] = "yes" if hit.starred else ""
            writer.writerow([csv_cell(row.get(c)) for c in columns])
        else:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        written += 1
        if written % PROGRESS_EVERY == 0:
            if stop():
                raise Stopped
            progress(written)
    progress(written)
    return written


def format_of(path: str) -> str | None:
    """The format a file name asks for, by its extension."""
    lowered = path.lower()
    if lowered.endswith(".csv"):
        return "csv"
    if lowered.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    return None


def export_to_file(hits: Iterable[Hit], path: Path, fmt: str, full_text: bool = False,
                   progress: Callable[[int], None] = _ignore,
                   stop: Callable[[], bool] = _never) -> int:
    """Write an export next to its final name, then rename it into place: an interrupted,
    stopped (Stopped is raised on) or failed export never leaves half a file under the name
    asked for, and its temporary file is removed. The file is readable by its owner only.
    CSV gets a byte-order mark, which spreadsheets take as "this is UTF-8"."""
    path = path.expanduser()
    if not path.parent.is_dir():
        raise NewsdeskError(f"{path.parent}: no such folder")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        # The owner's only: an export holds whole articles, the person's notes and tags.
        with open(private_fd(tmp), "w", encoding="utf-8-sig" if fmt == "csv" else "utf-8",
                  newline="") as handle:
            written = write_export(hits, handle, fmt, full_text, progress, stop)
        os.replace(tmp, path)
    except OSError as exc:
        raise NewsdeskError(f"{path}: {exc.strerror or exc}") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return written
