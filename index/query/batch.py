"""Batch search: a file of queries, one a line (a list of names, say), as `notmuch count
--batch` and Datashare's batch search take them. Blank lines and lines starting with # are
skipped; every other line is a query and gets an answer, a line that cannot be read or
parsed an error naming its line, so nothing in the file is lost without a word."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsdesk.index.models import NewsdeskError, QueryError
from newsdesk.index.query.language import parse

MAX_LINES = 100_000  # queries a file may hold
MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class BatchLine:
    """One query of a batch file: its line number, its text, and why it cannot be run
    (None: it can)."""

    line: int
    query: str
    error: str | None = None


def read_batch(path: Path, default_operator: str = "AND") -> list[BatchLine]:
    """The queries of a batch file ("-" is stdin), each parsed once to find the bad ones.
    NewsdeskError if the file cannot be read at all."""
    try:
        if str(path) == "-":
            import sys

            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise NewsdeskError(f"{path}: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise NewsdeskError(f"{path}: more than {MAX_BYTES // 1024 // 1024} MB of queries")
    return list(batch_lines(data, default_operator, str(path)))


def batch_lines(data: bytes, default_operator: str = "AND", name: str = "") -> Iterator[BatchLine]:
    if data.startswith(b"\xef\xbb\xbf"):  # a byte-order mark, as spreadsheets write
        data = data[3:]
    count = 0
    for number, raw in enumerate(data.splitlines(), start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield BatchLine(number, raw.decode("utf-8", "replace").strip(),
                            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})")
            continue
        query = text.strip()
        if not query or query.startswith("#"):
            continue
        count += 1
        if count > MAX_LINES:
            raise NewsdeskError(f"{name}: more than {MAX_LINES:,} queries")
        try:
            node = parse(query, default_operator)
        except QueryError as exc:
            yield BatchLine(number, query, str(exc))
            continue
        yield BatchLine(number, query, None if node is not None else "empty query")


@dataclass(slots=True)
class BatchCount:
    line: int
    query: str
    count: int | None
    error: str | None = None


def count_batch(lines: list[BatchLine], count: Callable[[str], int]) -> list[BatchCount]:
    """Each line's hit count (`count` is Engine.count), or its error."""
    found = []
    for item in lines:
        if item.error is not None:
            found.append(BatchCount(item.line, item.query, None, item.error))
            continue
        try:
            found.append(BatchCount(item.line, item.query, count(item.query)))
        except NewsdeskError as exc:  # compiles badly (is:foo, a broken tags file)
            found.append(BatchCount(item.line, item.query, None, str(exc)))
    return found


class BadBatchLines(NewsdeskError):
    """A batch file with lines that cannot be run, made into a saved-search group: refused
    whole (as `search --batch` exits 2 on it) rather than saved with searches that count
    nothing. The message names the file and each bad line."""

    def __init__(self, name: str, bad: list[BatchLine]) -> None:
        self.bad = bad
        said = "; ".join(f"{name}:{b.line}: {b.error}" for b in bad[:3])
        more = f" (and {len(bad) - 3:,} more)" if len(bad) > 3 else ""
        super().__init__(f"{said}{more}; no group saved: fix or remove the "
                         f"{'line' if len(bad) == 1 else f'{len(bad):,} lines'}")


def group_searches(lines: list[BatchLine], group: str, name: str = "") -> list[tuple[str, str]]:
    """(name, query) of each distinct query of a batch file, for a saved-search group:
    named `group/query` (a query repeated in the file is saved once). BadBatchLines if a
    line cannot be run (`name`: the file, for its message): nothing of it is saved."""
    bad = [item for item in lines if item.error is not None]
    if bad:
        raise BadBatchLines(name, bad)
    seen: dict[str, str] = {}
    for item in lines:
        name = f"{group}/{' '.join(item.query.split())[:60]}"
        seen.setdefault(name, item.query)
    return list(seen.items())
