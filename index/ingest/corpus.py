"""Reading a corpus: folders of .txt/.md, .jsonl and .csv files -> Articles and Problems.

Nothing here raises for bad input: every unreadable file or record becomes a Problem that
names the file (and line), and the rest is read.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import hashlib
import io
import json
import re
import sys
from collections import deque
from collections.abc import Iterator
from typing import BinaryIO

from newsdesk.index.config import CorpusSettings
from newsdesk.index.control_sequences import reduced
from newsdesk.index.ingest import front_matter
from newsdesk.index.ingest.cleaning import (
    DOUBLE_ENCODED,
    LONE_SURROGATE,
    clean_plain_text,
    storable_fixes,
)
from newsdesk.index.ingest.dates import (
    NOT_TEXT,
    DateError,
    day_first_formats,
    number_text,
    parse_date,
)
from newsdesk.index.ingest.day_order import DayOrder
from newsdesk.index.ingest.encodings import (
    BINARY_HEAD,
    BINARY_SHARE,
    binary_share,
    bom_encoding,
    bom_name,
    not_utf8,
    not_utf8_again,
    utf16_without_bom,
    wide_lines,
)
from newsdesk.index.ingest.files import (
    TEXT_SUFFIXES,
    SourceFile,
    bounded_lines,
    list_files,
    open_problem,
    open_regular,
    read_at_most,
)
from newsdesk.index.models import LATEST_DATE, Article, Problem

_SNIFF = 8192
_CSV_MAX_CONTINUATION = 1000  # lines one quoted CSV field may span
_ID_TYPES = (str, int, float)  # an id is a string or a number, never a list or an object

__all__ = ["CorpusReader", "SourceFile", "content_hash", "list_files", "parse_date"]


def content_hash(article: Article) -> str:
    # The date as read, and after it the date as written where that says more (an offset,
    # or a form such as 04/01/2021 that a source's date_format reads): a changed
    # date_format re-dates what it reads differently, and a file read again stores the
    # written form (index/storage/date_text.py). A date written as read hashes as before.
    written = article.date_text if article.date and article.date_text else ""
    date = article.date.isoformat() if article.date else ""
    parts = [article.title, article.text, article.source or "", article.url or "", date]
    if written and written != date:
        parts.append(written)
    parts.append("")
    # Each part followed by \x1f, hashed as one string encoded once (the hash of the parts
    # and separators fed one by one, in a fifth of the calls).
    joined = "\x1f".join(parts)
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def _decode(data: bytes, file_name: str, codec: str | None = None
            ) -> tuple[str | None, str | None, int | None]:
    """Text, or None, the reason it is not text and the line where that was found. `codec`
    (corpus.encoding): what a file without a byte-order mark is read as (else UTF-8)."""
    encoding = bom_encoding(data)
    if encoding:
        try:
            return data.decode(encoding), None, None
        except UnicodeDecodeError as exc:
            return None, f"invalid {bom_name(encoding)} ({exc.reason})", None
    if b"\x00" in data[:_SNIFF]:
        why = utf16_without_bom(data, file_name)
        return None, why or "binary file (contains NUL bytes)", None
    if codec is not None and not data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode(codec), None, None
        except UnicodeDecodeError as exc:
            return None, not_in_codec(data, exc.start, codec), data.count(b"\n", 0,
                                                                          exc.start) + 1
    try:
        return data.decode("utf-8-sig"), None, None
    except UnicodeDecodeError as exc:
        line, why = not_utf8(exc.object, exc.start, file_name)
        return None, why, line


def not_in_codec(data: bytes, start: int, codec: str) -> str:
    """The reason for bytes the configured corpus.encoding cannot read."""
    line_start = data.rfind(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode(codec, "replace")) + 1
    return (f"not valid {codec} (byte 0x{data[start]:02x} at column {column}): check "
            "corpus.encoding (or the encoding of its corpus source)")


SEARCHED = ("title", "text")  # the fields searched word by word


def _storable_article(article: Article) -> tuple[Article, list[str], set[str]]:
    """The one door into the store: every string of the article made storable; the fields
    that had to change, and what was fixed in them (cleaning.storable_fixes)."""
    fields = {name: getattr(article, name) for name in ("id", "title", "text", "source", "url")}
    changed: list[str] = []
    fixes: set[str] = set()
    fixed: dict[str, str | None] = {}
    quietly = False  # a field changed by a fix not said (control sequences)
    for name, value in fields.items():
        if value and name in SEARCHED:
            # Each terminal control sequence one ␛, a word break for every tokenizer and
            # a trace on screen (index/control_sequences.py): formatting for a terminal, no
            # part of the text. (Not of the id, source and url: data kept exact.)
            value = reduced(value)
        fixed[name], done = storable_fixes(value) if value else (value, ())
        if done:
            changed.append(name)
            fixes.update(done)
        quietly = quietly or fixed[name] is not fields[name]
    if not changed and not quietly:
        return article, [], fixes
    return Article(path=article.path, date=article.date, date_text=article.date_text,
                   **fixed), changed, fixes


class CorpusReader:
    def __init__(self, settings: CorpusSettings) -> None:
        self.settings = settings
        self.max_bytes = max(1, int(settings.max_file_mb * 1024 * 1024))
        # csv refuses fields over 128 KB unless told: the limit is the record limit.
        csv.field_size_limit(min(sys.maxsize, max(self.max_bytes, csv.field_size_limit())))
        self.position = 0  # bytes read of the current record file, for progress
        self.line = 0  # the line being read of the current record file, for problems
        self._reading = settings.default_reading()
        # Dates not understood in the current record file: (kind, shape) -> (count, first
        # line, first value as written).
        self._bad_dates: dict[tuple[str, str], tuple[int, int, object]] = {}
        self._day_order = DayOrder()  # (a file's: _read_records)

    def read(self, sf: SourceFile) -> Iterator[Article | Problem]:
        """Articles and problems of one file. Every article passes through
        _storable_article, so nothing UTF-8 cannot hold reaches the store."""
        suffix = sf.suffix
        self.position = self.line = 0
        if suffix in TEXT_SUFFIXES:
            items = self._read_text(sf)
        elif suffix == ".jsonl":
            items = self._read_records(sf, self._jsonl_rows(sf))
        elif suffix == ".csv":
            items = self._read_records(sf, self._csv_rows(sf))
        elif suffix == ".json":
            items = self._read_records(sf, self._json_rows(sf))
        else:
            return
        # Records decoded once more, said once for the file (a whole export is mangled
        # so: 128 lines said "lone surrogate" of an outside tester's Times of India file).
        mangled, first_mangled = 0, 0
        for item in items:
            if isinstance(item, Article):
                item, changed, fixes = _storable_article(item)
                if LONE_SURROGATE in fixes:
                    yield Problem(sf.key, f"{LONE_SURROGATE} in the {', '.join(changed)}: "
                                          "replaced with U+FFFD",
                                  line=self.line or None, skipped=False)
                if DOUBLE_ENCODED in fixes:
                    mangled, first_mangled = mangled + 1, first_mangled or self.line
            yield item
        if mangled:
            whose = "a record's text" if mangled == 1 else f"{mangled:,} records' texts"
            yield Problem(sf.key, f"{whose} in {DOUBLE_ENCODED}: decoded once more",
                          line=first_mangled or None, skipped=False, count=mangled)

    def _over_limit(self, size: int, what: str) -> str:
        return (f"{what} is {size / 1e6:.1f} MB, over the {self.settings.max_file_mb:g} MB "
                "limit (corpus.max_file_mb)")

    def _read_text(self, sf: SourceFile) -> Iterator[Article | Problem]:
        path = sf.key
        if sf.size > self.max_bytes:
            yield Problem(path, self._over_limit(sf.size, "file"))
            return
        try:
            with open_regular(sf.path) as handle:
                data = read_at_most(handle, self.max_bytes)
        except OSError as exc:
            yield open_problem(sf.path, exc)
            return
        if len(data) > self.max_bytes:
            yield Problem(path, self._over_limit(len(data), "file") + " (it grew after listing)")
            return
        text, why, line = _decode(data, sf.path, self.settings.reading(sf.path).encoding)
        if text is None:
            yield Problem(path, why or "unreadable", line=line)
            return
        if not text.strip():
            yield Problem(path, "empty file")
            return
        matter = None
        if sf.suffix == ".md":  # Hugo/Jekyll front matter: its title, date, source, url
            matter = front_matter.split(text.replace("\r\n", "\n").replace("\r", "\n"))
        if matter is not None:
            for reason, line in matter.problems:
                yield Problem(path, reason, line=line, skipped=False)
            text = matter.body
        clean = clean_plain_text(text, matter.title if matter else "", sf.suffix == ".md")
        if clean.bad_date:
            yield Problem(path, f"date {clean.bad_date} is out of range (years 1 to "
                                f"{LATEST_DATE.year}); kept without a date", line=1,
                          skipped=False)
        if not clean.text.strip() and not clean.title:
            yield Problem(path, "no article text after removing boilerplate")
            return
        article_id = sf.relative.rsplit(".", 1)[0]
        if matter is not None:
            clean.date = matter.date or clean.date
            clean.source = matter.source or clean.source
        yield Article(id=article_id, path=path, title=clean.title or article_id,
                      text=clean.text, date=clean.date, source=clean.source,
                      url=matter.url if matter is not None else None)

    def _open_lines(self, sf: SourceFile) -> Iterator[tuple[int, str | None, str | None]]:
        """(line number, text or None, reason) for each line, decoding line by line; never
        more than the record limit held at once, never more than the listed size read."""
        try:
            handle = open_regular(sf.path)
        except OSError as exc:
            problem = open_problem(sf.path, exc)
            yield 0, None, problem.reason
            return
        with handle:
            encoding = bom_encoding(handle.read(4))
            handle.seek(0)
            if encoding:
                yield from self._wide_lines(handle, sf, encoding)
                return
            first_bad: int | None = None
            first_nul: int | None = None
            codec = self._reading.encoding or "utf-8"  # (set by _read_records for the file)
            # A binary file is one problem, not one a line (a random file's lines were
            # each told "binary data" or, of some, to convert the file to UTF-8).
            head = handle.read(BINARY_HEAD)
            handle.seek(0)
            if wide := utf16_without_bom(head, sf.path):
                # A file-wide fault, said once for the file: read by lines, every line
                # of it was a problem (a one-record file's trailing NUL made a "line 2").
                yield 0, None, wide
                return
            share = binary_share(head, codec)
            if share >= BINARY_SHARE:
                yield 0, None, (f"binary data, not text ({share:.0%} of its first "
                                f"{len(head):,} bytes are no text)")
                return
            nul_kind = "binary data"
            for number, raw, size in bounded_lines(handle, self.max_bytes, sf.size):
                self.position += size
                self.line = number
                if raw is None:
                    yield number, None, self._over_limit(size, "record")
                    continue
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if b"\x00" in raw:
                    if first_nul is None:
                        first_nul = number
                        wide = utf16_without_bom(raw, sf.path)
                        nul_kind = "UTF-16 without a byte-order mark" if wide else "binary data"
                        yield number, None, wide or "binary data (NUL bytes)"
                    else:
                        yield number, None, f"{nul_kind} (NUL bytes; see line {first_nul})"
                    continue
                try:
                    yield number, raw.decode(codec), None
                except UnicodeDecodeError as exc:
                    if codec != "utf-8":
                        yield number, None, not_in_codec(raw, exc.start, codec)
                    elif first_bad is None:
                        first_bad = number
                        yield number, None, not_utf8(raw, exc.start, sf.path)[1]
                    else:
                        yield number, None, not_utf8_again(raw, exc.start, first_bad)

    def _wide_lines(self, handle: BinaryIO, sf: SourceFile, encoding: str
                    ) -> Iterator[tuple[int, str | None, str | None]]:
        """_open_lines for a file whose byte-order mark says UTF-16 or UTF-32."""
        for number, text, size, why in wide_lines(handle, encoding, self.max_bytes, sf.size):
            self.position += size
            self.line = number
            if text is None:
                yield number, None, why or self._over_limit(size, "record")
            elif "\x00" in text:
                yield number, None, "binary data (NUL characters)"
            else:
                yield number, text, None

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
                yield number, None, f"malformed JSON: {json_reason(exc)}"
                continue
            except RecursionError:
                yield number, None, "malformed JSON: nested too deeply"
                continue
            except ValueError as exc:  # a number of more than 4,300 digits, among others
                yield number, None, f"malformed JSON: {str(exc).split(';')[0]}"
                continue
            if not isinstance(record, dict):
                yield number, None, "record is not a JSON object"
                continue
            yield number, record, None

    def _json_rows(self, sf: SourceFile) -> Iterator[tuple[int, dict | None, str | None]]:
        """A .json file (stranger4 B2: it was passed over without a word): an array of
        article objects, an object holding one such array ({"articles": [...]}), one
        article object, or JSON Lines under a .json name. Read whole, so within the file
        limit; each record's line is where it begins."""
        if sf.size > self.max_bytes:
            yield 0, None, self._over_limit(sf.size, "file")
            return
        try:
            with open_regular(sf.path) as handle:
                data = read_at_most(handle, self.max_bytes)
        except OSError as exc:
            yield 0, None, open_problem(sf.path, exc).reason
            return
        if len(data) > self.max_bytes:
            yield 0, None, self._over_limit(len(data), "file") + " (it grew after listing)"
            return
        text, why, line = _decode(data, sf.path, self._reading.encoding)
        if text is None:
            yield line or 0, None, why or "unreadable"
            return
        decoder = json.JSONDecoder()
        start = len(text) - len(text.lstrip())
        if start == len(text):
            return  # (an empty file: said as such)
        try:
            whole, end = decoder.raw_decode(text, start)
        except json.JSONDecodeError as exc:
            yield exc.lineno, None, f"malformed JSON: {json_reason(exc)}"
            return
        except (RecursionError, ValueError) as exc:
            yield 1, None, f"malformed JSON: {str(exc).split(';')[0] or 'nested too deeply'}"
            return
        if text[end:].strip():  # more after the first value: JSON Lines
            yield from self._jsonl_rows(sf)
            return
        at = start  # where the array of records begins
        if isinstance(whole, dict):
            held = next((k for k, v in whole.items()
                         if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)),
                        None)
            if held is None:
                yield text.count("\n", 0, start) + 1, whole, None
                return
            at = _member_at(decoder, text, start, held)
            whole = whole[held]
        if not isinstance(whole, list):
            yield 1, None, "not an article: a JSON array or object of articles is read"
            return
        # Each record's line: where it begins, found by decoding the array again an
        # element at a time (raw_decode gives where each ends).
        at += 1
        number, counted = 1, 0
        for record in whole:
            at = _past(text, at, " \t\r\n,")
            number += text.count("\n", counted, at)
            counted = at
            _, at = decoder.raw_decode(text, at)
            if isinstance(record, dict):
                yield number, record, None
            else:
                yield number, None, "record is not a JSON object"

    def _csv_rows(self, sf: SourceFile) -> Iterator[tuple[int, dict | None, str | None]]:
        lines = self._open_lines(sf)
        pushed_back: deque[tuple[int, str | None, str | None]] = deque()

        def next_line() -> tuple[int, str | None, str | None] | None:
            return pushed_back.popleft() if pushed_back else next(lines, None)

        header: list[str] | None = None
        delimiter = ","  # (or the header's: `_csv_delimiter`)
        rows = 0  # lines after the header
        while (item := next_line()) is not None:
            number, line, why = item
            if line is None:
                yield number, None, why
                if number == 0:
                    return  # the whole file (not opened, binary): no "empty CSV" besides
                rows += header is not None
                continue
            if not line.strip():
                continue
            rows += header is not None
            # A quoted field may span lines: gather until the quotes balance, but not forever,
            # or one stray opening quote would swallow the rest of the file.
            buffer, taken = line, []
            quotes = line.count('"')
            while (quotes % 2 == 1 and len(taken) < _CSV_MAX_CONTINUATION
                   and len(buffer) <= self.max_bytes):
                nxt = next_line()
                if nxt is None:
                    break
                taken.append(nxt)
                buffer += nxt[1] or ""
                quotes += (nxt[1] or "").count('"')
            if quotes % 2 == 1:
                yield number, None, "malformed CSV row: a quoted field is never closed"
                pushed_back.extendleft(reversed(taken))  # the lines after it are read again
                continue
            if header is None:
                delimiter = _csv_delimiter(buffer)
            try:
                row = next(csv.reader(io.StringIO(buffer), strict=True, delimiter=delimiter))
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
            yield 0, None, EMPTY_CSV
        elif not rows:  # as empty as a 0-byte file: readable, no article (EMPTY_REASONS)
            yield 0, None, HEADER_ONLY_CSV

    def _read_records(self, sf: SourceFile,
                      rows: Iterator[tuple[int, dict | None, str | None]]
                      ) -> Iterator[Article | Problem]:
        path = sf.key
        any_row = False
        self._reading = reading = self.settings.reading(sf.path)
        self._bad_dates = {}
        self._day_order = DayOrder()
        text_key = reading.fields["text"]
        # Records without the text key at all, said once for the file with the keys it has
        # (a CSV whose text column has another name printed 5,000 identical lines).
        missing, first_missing, keys_seen = 0, 0, list[str]()
        # Records whose text is empty or no string, said once a reason with their count
        # and the first's line (a JSON array on one line said ":1" 21 times).
        textless: dict[str, tuple[int, int, object]] = {}  # kind -> count, first line, value
        for number, record, why in rows:
            any_row = True
            if record is None:
                yield Problem(path, why or "unreadable record", line=number or None)
                continue
            if text_key not in record:
                missing += 1
                if not first_missing:
                    first_missing, keys_seen = number, [str(k) for k in record]
                continue
            text = record[text_key]
            if not isinstance(text, str) or not text.strip():
                kind = "" if text is None or isinstance(text, str) else type(text).__name__
                count, first, value = textless.get(kind, (0, number, text))
                textless[kind] = (count + 1, first, value)
                continue
            try:
                yield from self._record(sf, number, record)
            except (ValueError, TypeError, RecursionError, OverflowError) as exc:
                yield Problem(path, f"unreadable record: {str(exc).split(';')[0]}", line=number)
        grouped = [Problem(path, _no_text(text_key, value, count), line=first, count=count)
                   for count, first, value in textless.values()]
        if missing:
            grouped.append(self._no_text_key(sf, missing, first_missing, keys_seen))
        yield from sorted(grouped, key=lambda p: p.line or 0)  # (in the file's order)
        yield from self._held_dates(sf)
        yield from self._date_problems(sf)
        if not any_row and sf.suffix in (".jsonl", ".json"):
            yield Problem(path, "empty file")

    def _no_text_key(self, sf: SourceFile, missing: int, first: int, keys: list[str]
                     ) -> Problem:
        """One problem for the records of a file that have no text key (the line of the
        first), naming the keys the file has and the setting that maps them."""
        kind = "column" if sf.suffix == ".csv" else "key"
        has = ", ".join(k or '""' for k in keys[:12]) + (", …" if len(keys) > 12 else "")
        records = f"{missing:,} records have" if missing > 1 else "1 record has"
        where = f"its {kind}s are {has}" if keys else f"it has no {kind}"
        setting = "corpus.fields.text (and title, date...)" if self._reading.source is None \
            else f"the fields of corpus source {self._reading.source}"
        return Problem(sf.key, f"{records} no '{self._reading.fields['text']}' {kind} "
                               f"({where}): set {setting} in the config to the {kind} "
                               "holding the article text",
                       line=first, count=missing)

    def _date_problems(self, sf: SourceFile) -> Iterator[Problem]:
        """One problem for each kind of date a file's records have that was not understood
        (by its shape: '03 Aug 2017,Thursday' and '04 Aug 2017,Friday' are one), with how
        many there are, the first's line, and the setting that reads them."""
        setting = "corpus.date_format" if self._reading.source is None \
            else f"the date_format of corpus source {self._reading.source}"
        for (kind, _), (count, first, example) in self._bad_dates.items():
            shown = ascii(example)[:80]
            dates = f"{count:,} dates like {shown}" if count > 1 else f"date {shown}"
            formats = self._reading.date_formats
            if kind == NOT_TEXT:  # (a boolean, a list: no date_format reads it)
                shown = json.dumps(example, ensure_ascii=True)[:80]
                dates = f"{count:,} dates like {shown}" if count > 1 else f"date {shown}"
                why = (f"is {_JSON_KINDS.get(type(example), 'an object')}, not text or a "
                       "number: no date; kept without a date")
            elif kind == "out of range":
                why = f"out of range (years 1 to {LATEST_DATE.year}); kept without a date"
            elif formats:  # (set already: no advice to set it to what it is)
                shown_formats = " or ".join(repr(f) for f in formats)
                verb = "do" if count > 1 else "does"
                why = (f"{verb} not match {setting} ({shown_formats}) or any form read "
                       "without it; kept without a date")
            elif kind == "ambiguous":
                day, month = day_first_formats(str(example))
                both = self._day_order.both(example)
                mixed = f" (the file has both orders: {ascii(both[0].example)}, line " \
                    f"{both[0].line:,}, and {ascii(both[1].example)}, line " \
                    f"{both[1].line:,})" if both else ""
                why = (f"ambiguous (day or month first?){mixed}; kept without a date: set "
                       f"{setting} to '{day}' or '{month}'")
            else:
                why = (f"not understood; kept without a date: set {setting} (strftime "
                       "formats such as '%d %b %Y')")
            yield Problem(sf.key, f"{dates} {why}", line=first, skipped=False, count=count)

    def _record(self, sf: SourceFile, number: int, record: dict
                ) -> Iterator[Article | Problem]:
        path, keys = sf.key, self._reading.fields
        text = record[keys["text"]]  # (a string with words: `_read_records` saw to it)
        raw_id = record.get(keys["id"])
        if raw_id not in (None, "") and (isinstance(raw_id, bool)
                                          or not isinstance(raw_id, _ID_TYPES)):
            yield Problem(path, f"id (key '{keys['id']}') must be a string or a number",
                          line=number)
            return
        title = record.get(keys["title"])
        title = _scalar(title) if title not in (None, "") else ""
        article_id = str(raw_id).strip() if raw_id not in (None, "") else \
            content_id(sf.relative, title, text)
        title = title or _first_words(text)
        raw_date = record.get(keys["date"])
        formats = self._reading.date_formats
        held = False
        try:
            date = parse_date(raw_date, formats)
            if not formats:
                self._day_order.learn(raw_date, number)
        except DateError as exc:
            # An ambiguous numeric date: held till the file's end, then read in the order
            # its other dates settle (ingest/day_order.py), if they settle one.
            date = None
            held = exc.kind == "ambiguous" and not formats \
                and self._day_order.both(raw_date) is None
            if not held:
                self._bad_date(raw_date, exc.kind, number)
        article = Article(id=article_id, path=path, title=title or _first_words(text),
                          text=text, date=date, source=_opt(record.get(keys["source"])),
                          url=_opt(record.get(keys["url"])),
                          date_text=_date_written(raw_date) if date else None)
        if held:
            if self._day_order.hold(article, str(raw_date), number):
                return
            # (Too much text held already: the order as far as the file has settled it.)
            date = self._day_order.read(raw_date, number)
            if date is None:
                self._bad_date(raw_date, "ambiguous", number)
            else:
                article = dataclasses.replace(article, date=date,
                                              date_text=_date_written(raw_date))
        yield article

    def _held_dates(self, sf: SourceFile) -> Iterator[Article | Problem]:
        """(At a file's end.) The articles whose ambiguous dates waited for the file's
        order, then a note for each kind of date read in that order."""
        for article, value, line, date in self._day_order.released():
            if date is None:
                self._bad_date(value, "ambiguous", line)
            yield article
        for message, line, count in self._day_order.notes():
            yield Problem(sf.key, f"{message}; set {self._date_setting()} to read them "
                                  "otherwise", line=line, skipped=False, count=count)

    def _date_setting(self) -> str:
        return "corpus.date_format" if self._reading.source is None \
            else f"the date_format of corpus source {self._reading.source}"


    def _bad_date(self, value: object, kind: str, number: int) -> None:
        shape = _SHAPE.sub(lambda m: "9" if m.group(0)[0].isdigit() else "a", str(value))
        key = (kind, shape[:60])
        seen = self._bad_dates.get(key)
        if seen is None:
            if len(self._bad_dates) >= _MOST_DATE_SHAPES:  # (said of the last shape)
                key = next(reversed(self._bad_dates))
                seen = self._bad_dates[key]
            else:
                self._bad_dates[key] = (1, number, value)
                return
        self._bad_dates[key] = (seen[0] + 1, seen[1], seen[2])


_SHAPE = re.compile(r"\d+|[^\W\d_]+")  # a date's numbers and words, for its shape
_MOST_DATE_SHAPES = 20  # kinds of bad date said one by one in a file (the rest with the last)
CONTENT_DIGITS = 12  # hex digits of a record's content id


def content_digest(title: str, text: str) -> str:
    """The part of a record's content id that says what the record holds: its title (as
    written, "" when it has none) and text."""
    joined = f"{title.strip()}\x1f{text.strip()}"
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"),
                           digest_size=CONTENT_DIGITS // 2).hexdigest()


def content_id(relative: str, title: str, text: str) -> str:
    """The id of a record without one: `path#digest` of its title and text, so an article
    keeps its id (and its stars, tags, notes and "new" stamp) when rows are inserted,
    deleted or reordered around it. (Its file's path and line, before: a row inserted
    above moved every mark to another article.) The second and later exact copies of a
    record in a file take `-2`, `-3`... from the indexer, which meets them (its RunIds: a
    set of a file's ids here held 67 MB at a million rows)."""
    return f"{relative}#{content_digest(title, text)}"


def is_content_id(article_id: str, relative: str) -> bool:
    """Whether an id is the content id of a record of the file `relative` (content_id),
    or of a copy of one."""
    if not article_id.startswith(relative) or article_id[len(relative):len(relative) + 1] != "#":
        return False
    digest, _, copy = article_id[len(relative) + 1:].partition("-")
    return (len(digest) == CONTENT_DIGITS and all(c in "0123456789abcdef" for c in digest)
            and (not copy or copy.isdigit()))


def is_line_id(article_id: str, relative: str) -> bool:
    """Whether an id is the path#line id newsdesk gave a record without an id before
    content ids (content_id): the first run after the upgrade carries marks over."""
    return (article_id.startswith(relative) and article_id[len(relative):len(relative) + 1]
            == "#" and article_id[len(relative) + 1:].isdigit())


def _scalar(value: object) -> str:
    """A field's value as text: strings and numbers as written, anything else as JSON."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)[:1000]


def _csv_delimiter(header: str) -> str:
    """A CSV file's field separator, told by its header line: a comma, or where the header
    has none outside quotes a semicolon or a tab (spreadsheets set to a locale whose decimal
    mark is the comma write ";": it was "malformed CSV row: ',' expected after '\"'", an
    outside tester's F12)."""
    unquoted = "".join(header.split('"')[::2])
    if "," in unquoted:
        return ","
    return max((";", "\t"), key=unquoted.count) if (";" in unquoted or "\t" in unquoted) \
        else ","


def _opt(value: object) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, dict) and isinstance(named := value.get("name"), str) and named.strip():
        # (NewsAPI's `"source": {"id": null, "name": "CBC News"}`, the commonest shape of
        # public scrapes: its name, not the object as JSON text, an outside tester's F10.)
        return named.strip()
    return _scalar(value) or None


def _first_words(text: str, limit: int = 80) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0] + "…"


EMPTY_CSV = "empty CSV file (no header)"
HEADER_ONLY_CSV = "empty CSV file (a header, no rows)"


def _past(text: str, at: int, skipped: str) -> int:
    while at < len(text) and text[at] in skipped:
        at += 1
    return at


def _member_at(decoder: json.JSONDecoder, text: str, start: int, wanted: str) -> int:
    """Where the value of the member `wanted` of the JSON object at `start` begins (the
    text decoded already: it is valid)."""
    at = start + 1
    while True:
        at = _past(text, at, " \t\r\n,")
        key, at = decoder.raw_decode(text, at)
        at = _past(text, at, " \t\r\n:")
        if key == wanted:
            return at
        _, at = decoder.raw_decode(text, at)


def json_reason(exc: json.JSONDecodeError) -> str:
    """What is wrong with a JSON line, and the column: some of Python's messages end in
    "at" already ("Invalid control character at", "Unterminated string starting at"),
    which read "at at column 27" with the column added."""
    msg = exc.msg.removesuffix(" at").rstrip()
    return f"{msg} at column {exc.colno}"


def _date_written(raw: object) -> str | None:
    """A record's date as written: its text, or a JSON number's digits. An epoch given as
    a number was shown and exported as the date it reads as, the same epoch in quotes as
    written: one rule for both (exports and `search --json` give the date as written)."""
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return number_text(raw)
    return None


_JSON_KINDS = {bool: "true or false", int: "a number", float: "a number", list: "a list",
               dict: "an object"}


def _no_text(key: str, text: object, count: int = 1) -> str:
    """Why `count` records give no text: none under their key, or a value that is no string
    (a number or a list was "has no text", which it has; stranger9)."""
    records = "record" if count == 1 else f"{count:,} records"
    if text is None or isinstance(text, str):
        return f"{records} {'has' if count == 1 else 'have'} no text (key '{key}')"
    whose = "record's" if count == 1 else f"{count:,} records'"
    return f"{whose} text (key '{key}') is {_JSON_KINDS.get(type(text), 'not a string')}, " \
        "not a string"
