"""Results out to CSV or JSON Lines: id, title, date, source, url, score, snippet."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from newsdesk.index.models import Hit, NewsdeskError

FORMATS = ("csv", "jsonl")
COLUMNS = ("id", "title", "date", "source", "url", "score", "snippet")
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_row(hit: Hit) -> dict[str, object]:
    return {"id": hit.id, "title": hit.title,
            "date": hit.date.isoformat() if hit.date else None,
            "source": hit.source, "url": hit.url, "score": round(hit.score, 4),
            "snippet": hit.snippet.text}


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text  # shown as typed, never run
    return text


def write_export(hits: Iterable[Hit], stream: TextIO, fmt: str) -> int:
    """Write every hit as one row; the number written. CSV cells that a spreadsheet would
    take for a formula get a leading apostrophe."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}' (use {', '.join(FORMATS)})")
    written = 0
    if fmt == "csv":
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for hit in hits:
            row = export_row(hit)
            writer.writerow([_cell(row[c]) for c in COLUMNS])
            written += 1
    else:
        for hit in hits:
            stream.write(json.dumps(export_row(hit), ensure_ascii=False) + "\n")
            written += 1
    return written


def format_of(path: str) -> str | None:
    """The format a file name asks for, by its extension."""
    lowered = path.lower()
    if lowered.endswith(".csv"):
        return "csv"
    if lowered.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    return None


def export_to_file(hits: Iterable[Hit], path: Path, fmt: str) -> int:
    """Write an export next to its final name, then rename it into place: an interrupted
    export never leaves half a file under the name asked for. CSV gets a byte-order mark,
    which spreadsheets take as "this is UTF-8"."""
    path = path.expanduser()
    if not path.parent.is_dir():
        raise NewsdeskError(f"{path.parent}: no such folder")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8-sig" if fmt == "csv" else "utf-8",
                  newline="") as handle:
            written = write_export(hits, handle, fmt)
        os.replace(tmp, path)
    except OSError as exc:
        raise NewsdeskError(f"{path}: {exc.strerror or exc}") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return written
