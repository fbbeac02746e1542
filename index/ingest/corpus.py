"""Reading a corpus: folders of .txt/.md, .jsonl and .csv files -> Articles and Problems.

Nothing here raises for bad input: every unreadable file or record becomes a Problem that
names the file (and line), and the rest is read.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from newsdesk.index.config import CorpusSettings
from newsdesk.index.ingest.cleaning import clean_plain_text
from newsdesk.index.models import Article, Problem

TEXT_SUFFIXES = {".txt", ".md"}
RECORD_SUFFIXES = {".jsonl", ".csv"}
SUFFIXES = TEXT_SUFFIXES | RECORD_SUFFIXES
_SNIFF = 8192
_CSV_MAX_CONTINUATION = 1000  # lines one quoted CSV field may span


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    root: Path
    size: int
    mtime_ns: int

    @property
    def key(self) -> str:
        return str(self.path)

    @property
    def stamp(self) -> str:
        return f"{self.size}:{self.mtime_ns}"

    @property
    def relative(self) -> str:
        try:
            return self.path.relative_to(self.root).as_posix()
        except ValueError:
            return self.path.name


def list_files(sources: list[Path]) -> tuple[list[SourceFile], list[Problem]]:
    """Every corpus file under the sources, with a stat stamp; nothing is read yet."""
    files: list[SourceFile] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def add(path: Path, root: Path) -> None:
        try:
            real = path.resolve()
            st = path.stat()
        except OSError as exc:
            problems.append(Problem(str(path), f"cannot read: {exc.strerror or exc}"))
            return
        if real in seen:
            return
        seen.add(real)
        files.append(SourceFile(path, root, st.st_size, st.st_mtime_ns))

    for source in sources:
        if source.is_file():
            add(source, source.parent)
        elif source.is_dir():
            def onerror(exc: OSError) -> None:
                problems.append(Problem(str(exc.filename), f"cannot read folder: {exc.strerror}"))

            # followlinks=False: a symlink loop cannot trap the walk.
            for dirpath, dirnames, filenames in os.walk(source, onerror=onerror):
                dirnames.sort()
                for name in sorted(filenames):
                    if name.startswith("."):
                        continue
                    path = Path(dirpath) / name
                    if path.suffix.lower() in SUFFIXES:
                        add(path, source)
        else:
            problems.append(Problem(str(source), "corpus source does not exist"))
    return files, problems


def content_hash(article: Article) -> str:
    h = hashlib.blake2b(digest_size=12)
    for part in (article.title, article.text, article.source or "", article.url or "",
                 article.date.isoformat() if article.date else ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def _decode(data: bytes) -> tuple[str | None, str | None]:
    """Text, or None and the reason it is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, "invalid UTF-16"
    if b"\x00" in data[:_SNIFF]:
        return None, "binary file (contains NUL bytes)"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"


def parse_date(value: object) -> datetime | None:
    """ISO 8601 dates and date-times; raises ValueError for anything else."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"date {value!r} is not a string")
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    return parsed.replace(tzinfo=None) if parsed.tzinfo else parsed


class CorpusReader:
    def __init__(self, settings: CorpusSettings) -> None:
        self.settings = settings
        self.max_bytes = int(settings.max_file_mb * 1024 * 1024)
        self.position = 0  # bytes read of the current record file, for progress

    def read(self, sf: SourceFile) -> Iterator[Article | Problem]:
        suffix = sf.path.suffix.lower()
        if suffix in TEXT_SUFFIXES:
            yield from self._read_text(sf)
        elif suffix == ".jsonl":
            yield from self._read_records(sf, self._jsonl_rows(sf))
        elif suffix == ".csv":
            yield from self._read_records(sf, self._csv_rows(sf))

    def _read_text(self, sf: SourceFile) -> Iterator[Article | Problem]:
        path = str(sf.path)
        if sf.size > self.max_bytes:
            yield Problem(path, f"file is {sf.size / 1e6:.1f} MB, over the "
                                f"{self.settings.max_file_mb:g} MB limit (corpus.max_file_mb)")
            return
        try:
            data = sf.path.read_bytes()
        except OSError as exc:
            yield Problem(path, f"cannot read: {exc.strerror or exc}")
            return
        text, why = _decode(data)
        if text is None:
            yield Problem(path, why or "unreadable")
            return
        if not text.strip():
            yield Problem(path, "empty file")
            return
        clean = clean_plain_text(text)
        if not clean.text.strip() and not clean.title:
            yield Problem(path, "no article text after removing boilerplate")
            return
        article_id = sf.relative.rsplit(".", 1)[0]
        yield Article(id=article_id, path=path, title=clean.title or article_id,
                      text=clean.text, date=clean.date, source=clean.source)

    def _open_lines(self, sf: SourceFile) -> Iterator[tuple[int, str | None, str | None]]:
        """(line number, text or None, reason) for each line, decoding line by line."""
        try:
            handle = sf.path.open("rb")
        except OSError as exc:
            yield 0, None, f"cannot read: {exc.strerror or exc}"
            return
        self.position = 0
        with handle:
            for number, raw in enumerate(handle, start=1):
                self.position += len(raw)
                if len(raw) > self.max_bytes:
                    yield number, None, (f"record is {len(raw) / 1e6:.1f} MB, over the "
                                         f"{self.settings.max_file_mb:g} MB limit")
                    continue
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if b"\x00" in raw:
                    yield number, None, "binary data (NUL bytes)"
                    continue
                try:
                    yield number, raw.decode("utf-8"), None
                except UnicodeDecodeError as exc:
                    yield number, None, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})"

    def _jsonl_rows(self, sf: SourceFile) -> Iterator[tuple[int, dict | None, str | None]]:
        for number, line, why in self._open_lines(sf):
            if line is None:
                yield number, None, why
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, None, f"malformed JSON: {exc.msg} at column {exc.colno}"
                continue
            if not isinstance(record, dict):
                yield number, None, "record is not a JSON object"
                continue
            yield number, record, None

    def _csv_rows(self, sf: SourceFile) -> Iterator[tuple[int, dict | None, str | None]]:
        lines = self._open_lines(sf)
        pushed_back: deque[tuple[int, str | None, str | None]] = deque()

        def next_line() -> tuple[int, str | None, str | None] | None:
            return pushed_back.popleft() if pushed_back else next(lines, None)

        header: list[str] | None = None
        while (item := next_line()) is not None:
            number, line, why = item
            if line is None:
                yield number, None, why
                continue
            if not line.strip():
                continue
            # A quoted field may span lines: gather until the quotes balance, but not forever,
            # or one stray opening quote would swallow the rest of the file.
            buffer, taken = line, []
            while buffer.count('"') % 2 == 1 and len(taken) < _CSV_MAX_CONTINUATION:
                nxt = next_line()
                if nxt is None:
                    break
                taken.append(nxt)
                buffer += nxt[1] or ""
            if buffer.count('"') % 2 == 1:
                yield number, None, "malformed CSV row: a quoted field is never closed"
                pushed_back.extendleft(reversed(taken))  # the lines after it are read again
                continue
            try:
                row = next(csv.reader(io.StringIO(buffer), strict=True))
            except (csv.Error, StopIteration) as exc:
                yield number, None, f"malformed CSV row: {exc}"
                continue
            if header is None:
                header = [h.strip() for h in row]
                continue
            if len(row) != len(header):
                yield number, None, f"CSV row has {len(row)} fields, the header has {len(header)}"
                continue
            yield number, dict(zip(header, row, strict=True)), None
        if header is None:
            yield 0, None, "empty CSV file (no header)"

    def _read_records(self, sf: SourceFile,
                      rows: Iterator[tuple[int, dict | None, str | None]]
                      ) -> Iterator[Article | Problem]:
        path = str(sf.path)
        keys = self.settings.fields
        any_row = False
        for number, record, why in rows:
            any_row = True
            if record is None:
                yield Problem(path, why or "unreadable record", line=number or None)
                continue
            text = record.get(keys["text"])
            if not isinstance(text, str) or not text.strip():
                yield Problem(path, f"record has no text (key '{keys['text']}')", line=number)
                continue
            raw_id = record.get(keys["id"])
            article_id = str(raw_id).strip() if raw_id not in (None, "") else \
                f"{sf.relative}#{number}"
            title = record.get(keys["title"])
            title = str(title).strip() if title not in (None, "") else _first_words(text)
            try:
                date = parse_date(record.get(keys["date"]))
            except ValueError:
                yield Problem(path, f"bad date {record.get(keys['date'])!r}; kept without a date",
                              line=number, skipped=False)
                date = None
            yield Article(id=article_id, path=path, title=title, text=text, date=date,
                          source=_opt(record.get(keys["source"])),
                          url=_opt(record.get(keys["url"])))
        if not any_row and sf.path.suffix.lower() == ".jsonl":
            yield Problem(path, "empty file")


def _opt(value: object) -> str | None:
    if value in (None, ""):
        return None
    return str(value).strip() or None


def _first_words(text: str, limit: int = 80) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0] + "…"
