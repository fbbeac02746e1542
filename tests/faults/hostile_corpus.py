"""Generated hostile corpora: every format (.txt, .md, .jsonl, .csv) crossed with every way a
file or record can be bad — symlink loops, devices, named pipes, sockets, broken links,
names that are not UTF-8, over-size files and lines, chmod 000, deep folders, JSON nested
thousands deep, integers of thousands of digits, lone surrogates in every field, ids of the
wrong type, out-of-range dates — mixed with good articles. The builder records what must
come of each: a good article's title token must be found, a bad item must be reported
with its file (and line), a kept-with-a-warning item both."""

from __future__ import annotations

import json
import os
import socket
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

FORMATS = ("txt", "md", "jsonl", "csv")
FIELDS = ("id", "title", "source", "url", "text", "date")
MARKER = "kiwimarker"  # in every good article: one search finds them all
LIMIT_MB = 1  # corpus.max_file_mb of the config these corpora are indexed under
SURROGATES = ("\ud800", "\udfff", "a\udc80b", "\ud800\ud800", "x\udbff")
DEEP_JSON = 2000
HUGE_DIGITS = 5000


@dataclass
class Expected:
    fragment: str  # a piece of the reported path that names the file (or folder)
    line: int | None
    reason: str  # a piece of the reason
    kept: bool = False


@dataclass
class HostileCorpus:
    root: Path
    good: set[str] = field(default_factory=set)  # title tokens that must be found
    expected: list[Expected] = field(default_factory=list)
    unreadable: list[Path] = field(default_factory=list)  # chmod 000: restore afterwards
    deep: list[Path] = field(default_factory=list)  # too deep for shutil.rmtree: rm -rf

    def tidy(self) -> None:
        """Undo what would stop pytest removing the corpus: modes, and 1,000-deep chains
        (shutil.rmtree recurses, and runs out of stack)."""
        for path in self.unreadable:
            path.chmod(0o700)
        for path in self.deep:
            subprocess.run(["rm", "-rf", str(path)], check=True)
    count: int = 0

    def token(self) -> str:
        self.count += 1
        return f"tok{self.count}z"

    def folder(self, name: str) -> Path:
        path = self.root / f"k{self.count}{name}"
        path.mkdir(parents=True)
        return path

    def bad(self, fragment: str, reason: str, line: int | None = None) -> None:
        self.expected.append(Expected(fragment, line, reason))

    def warned(self, fragment: str, reason: str, line: int | None = None) -> None:
        self.expected.append(Expected(fragment, line, reason, kept=True))

    # -- writing good articles in each format ----------------------------------------------

    def good_record(self, good: bool = True, pad: str = "", **fields: object) -> dict:
        """A record whose title and text hold a fresh token; `good`: it must be found."""
        token = self.token()
        if good:
            self.good.add(token)
        record: dict = {"id": f"id-{token}", "title": token,
                        "text": f"{MARKER} {token} text{pad}"}
        record.update(fields)
        return record

    def write(self, path: Path | bytes, fmt: str, records: list[dict | str]) -> None:
        """Records as the format holds them: a dict is a record (for .txt/.md only the first,
        as a text article), a str is a raw line written as it is."""
        if fmt in ("txt", "md"):
            first = records[0]
            data = first if isinstance(first, str) else (
                f"{first['title']}\n\n{first['text']}\n")
            _write_bytes(path, data.encode("utf-8", "surrogatepass"))
            return
        if fmt == "jsonl":
            lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
        else:
            header = ["id", "title", "source", "url", "date", "text"]
            lines = [",".join(header)] + [
                r if isinstance(r, str) else ",".join(_csv(r.get(k, "")) for k in header)
                for r in records]
        _write_bytes(path, ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))

    def good_file(self, folder: Path, fmt: str, name: str = "good") -> None:
        self.write(folder / f"{name}.{fmt}", fmt, [self.good_record()])


def _csv(value: object) -> str:
    text = str(value)
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


def _write_bytes(path: Path | bytes, data: bytes) -> None:
    with open(path, "wb") as out:
        out.write(data)


# -- the cases -------------------------------------------------------------------------------

def files_of_every_kind(c: HostileCorpus, fmt: str) -> None:
    """Things that are not files, or not readable ones, named like corpus files."""
    k = c.folder(f"kinds-{fmt}")
    c.good_file(k, fmt)
    (k / f"loopa.{fmt}").symlink_to(k / f"loopb.{fmt}")
    (k / f"loopb.{fmt}").symlink_to(k / f"loopa.{fmt}")
    (k / f"self.{fmt}").symlink_to(k / f"self.{fmt}")
    (k / f"zero.{fmt}").symlink_to("/dev/zero")
    (k / f"urandom.{fmt}").symlink_to("/dev/urandom")
    (k / f"nothing.{fmt}").symlink_to(k / "missing")
    os.mkfifo(k / f"pipe.{fmt}")
    for name, reason in ((f"loopa.{fmt}", "symlink loop"), (f"loopb.{fmt}", "symlink loop"),
                         (f"self.{fmt}", "symlink loop"), (f"zero.{fmt}", "device"),
                         (f"urandom.{fmt}", "device"), (f"nothing.{fmt}", "cannot read"),
                         (f"pipe.{fmt}", "named pipe")):
        c.bad(f"{k.name}/{name}", reason)
    with _here(k):  # a socket's path must be short: bind it by a relative name
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(f"sock.{fmt}")
        sock.close()
    c.bad(f"{k.name}/sock.{fmt}", "socket")
    (k / f"folder.{fmt}").mkdir()  # a folder named like a file is walked, not read
    c.good_file(k / f"folder.{fmt}", fmt, "inside")
    (k / "up").symlink_to(k, target_is_directory=True)  # not followed: no problem
    locked = k / f"locked.{fmt}"
    c.write(locked, fmt, [c.good_record(good=False)])
    locked.chmod(0)
    c.unreadable.append(locked)
    c.bad(f"{k.name}/locked.{fmt}", "Permission denied")
    shut = k / "shut"
    shut.mkdir()
    c.write(shut / f"never.{fmt}", fmt, [c.good_record(good=False)])
    shut.chmod(0)
    c.unreadable.append(shut)
    c.bad(f"{k.name}/shut", "Permission denied")


def names_that_are_not_utf8(c: HostileCorpus, fmt: str) -> None:
    k = c.folder(f"names-{fmt}")
    for raw in (b"n\xff\xfe", b"\xc3(", b"\xed\xa0\x80", b"ok\x80", b"e\x1b[31m"):
        c.write(os.fsencode(k) + b"/" + raw + f"x.{fmt}".encode(), fmt, [c.good_record()])


def sizes(c: HostileCorpus, fmt: str) -> None:
    """Over the limit (reported, never loaded); a 300 KB article (fine: under 1 MB)."""
    k = c.folder(f"sizes-{fmt}")
    big = "word " * (LIMIT_MB * 1024 * 1024 // 5 + 10)
    fine = "word " * (300 * 1024 // 5)
    if fmt in ("txt", "md"):
        c.write(k / f"huge.{fmt}", fmt, [f"Huge\n\n{big}\n"])
        c.bad(f"{k.name}/huge.{fmt}", "over the")
        c.write(k / f"large.{fmt}", fmt, [c.good_record(pad=fine)])
        return
    records: list[dict | str] = [c.good_record(), {"id": "huge", "title": "h", "text": big},
                                 c.good_record(pad=fine), c.good_record()]
    c.write(k / f"records.{fmt}", fmt, records)
    c.bad(f"{k.name}/records.{fmt}", "over the", line=3 if fmt == "csv" else 2)
    # One line of more than the limit with no newline at all, last in its file.
    _write_bytes(k / f"endless.{fmt}", b"x" * (LIMIT_MB * 1024 * 1024 + 100))
    c.bad(f"{k.name}/endless.{fmt}", "over the", line=1)


def encodings(c: HostileCorpus, fmt: str) -> None:
    """A surrogate written as UTF-8 bytes (CESU): not valid UTF-8, reported."""
    k = c.folder(f"enc-{fmt}")
    bad = b"\xed\xa0\x80"
    if fmt in ("txt", "md"):
        _write_bytes(k / f"cesu.{fmt}", b"Title\n\ntext " + bad + b"\n")
        c.bad(f"{k.name}/cesu.{fmt}", "not valid UTF-8", line=3)
        return
    c.write(k / f"cesu.{fmt}", fmt, [c.good_record(), "PLACEHOLDER", c.good_record()])
    path = k / f"cesu.{fmt}"
    path.write_bytes(path.read_bytes().replace(b"PLACEHOLDER", b"x," + bad + b",y"))
    c.bad(f"{k.name}/cesu.{fmt}", "not valid UTF-8", line=3 if fmt == "csv" else 2)


def surrogates(c: HostileCorpus, fmt: str) -> None:
    """A lone surrogate escape in each field of a JSON Lines record: the record is kept
    (the surrogate shown as U+FFFD) with a warning naming the line."""
    if fmt != "jsonl":
        return
    k = c.folder("surrogates")
    records: list[dict | str] = []
    for name in ("id", "title", "source", "url", "text"):
        for s in SURROGATES:
            record = c.good_record()
            record[name] = f"{record[name]} {s}" if name in ("title", "text") else s + name
            if name == "id":
                record[name] = f"{s}-{record['title']}"
            records.append(record)
            c.warned(f"{k.name}/surr.jsonl", "surrogate", line=len(records))
    c.write(k / "surr.jsonl", fmt, records)


def nesting_and_numbers(c: HostileCorpus, fmt: str) -> None:
    """JSON nested 2,000 deep and integers of 5,000 digits, in each field: the record is
    reported with its line, the next one read."""
    if fmt != "jsonl":
        return
    k = c.folder("json")
    lines: list[dict | str] = []
    for name in FIELDS:
        for value in ("[" * DEEP_JSON + "]" * DEEP_JSON, "1" * HUGE_DIGITS,
                      '{"a":' * DEEP_JSON + "1" + "}" * DEEP_JSON):
            record = json.dumps(c.good_record(good=False))
            lines.append(record[:-1] + f', "{name}": {value}}}')
            c.bad(f"{k.name}/deep.jsonl", "malformed JSON", line=len(lines))
            lines.append(c.good_record())
    # Values of the wrong type where a string belongs.
    for value in ([1], {"a": 1}, True, [[[[]]]]):
        lines.append(c.good_record(good=False, id=value))
        c.bad(f"{k.name}/deep.jsonl", "id", line=len(lines))
    for name in ("title", "source", "url"):
        lines.append(c.good_record(**{name: [1, {"b": None}]}))
    lines.append(c.good_record(id=10**19 + c.count))  # a number as id, unique per round
    c.write(k / "deep.jsonl", fmt, lines)


def dates(c: HostileCorpus, fmt: str) -> None:
    """Valid dates beyond what a timeline can step past, impossible ones, and the extremes
    that are fine: the article is kept, the date dropped with a warning naming the line."""
    k = c.folder(f"dates-{fmt}")
    if fmt in ("txt", "md"):
        for n, day in enumerate(("9999-12-31", "9999-01-01")):
            token = c.token()
            c.good.add(token)
            c.write(k / f"d{n}.{fmt}", fmt, [f"date {day} {token}\n\n{MARKER} text\n"])
            c.warned(f"{k.name}/d{n}.{fmt}", "out of range", line=1)
        token = c.token()
        c.good.add(token)
        c.write(k / f"fine.{fmt}", fmt, [f"date 0001-01-01 {token}\n\n{MARKER} text\n"])
        return
    records: list[dict | str] = []
    # A file's bad dates are said once for each kind and form, at the first one's line
    # (ingest/dates.py): out of range (the first four of 9999), not a date (10000, 0000:
    # one form; +275760; 1e400).
    said = {"9999-12-31", "10000-01-01", "+275760-09-13", "1e400",
            "9999-12-31T23:59:59+00:00", "9999-06-01T00:00:00-14:00", "9999-12-31Z"}
    for day in ("9999-12-31", "9999-12-31T23:59:59+00:00", "9999-06-01T00:00:00-14:00",
                "10000-01-01", "+275760-09-13", "0000-01-01", "1e400", "9999-12-31Z"):
        records.append(c.good_record(date=day))
        if day in said:
            c.warned(f"{k.name}/dates.{fmt}", "date", line=len(records) + (fmt == "csv"))
    for day in ("0001-01-01", "9998-12-31T23:59:59", "1970-01-01"):
        records.append(c.good_record(date=day))
    c.write(k / f"dates.{fmt}", fmt, records)


def deep_folders(c: HostileCorpus, depth: int = 1000) -> None:
    """A chain of folders far deeper than the walk goes: reported once; the good article
    partway down is read."""
    k = c.folder("deep")
    c.deep.append(k)
    fd = os.open(k, os.O_RDONLY)
    try:
        for level in range(depth):
            os.mkdir("d", dir_fd=fd)
            nxt = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nxt
            if level in (10, depth - 1):
                record = c.good_record(good=level != depth - 1)
                data = f"{record['title']}\n\n{record['text']}\n".encode()
                out = os.open("a.txt", os.O_WRONLY | os.O_CREAT, 0o600, dir_fd=fd)
                os.write(out, data)
                os.close(out)
    finally:
        os.close(fd)
    c.bad(f"{k.name}/d/d/d", "nested more than")


CASES = (files_of_every_kind, names_that_are_not_utf8, sizes, encodings, surrogates,
         nesting_and_numbers, dates)


def build(root: Path, rounds: int = 1) -> HostileCorpus:
    c = HostileCorpus(root)
    root.mkdir(parents=True)
    for _ in range(rounds):
        for case in CASES:
            for fmt in FORMATS:
                case(c, fmt)
        deep_folders(c)
    return c


class _here:  # noqa: N801 - a context manager read as a phrase
    def __init__(self, folder: Path) -> None:
        self.folder, self.before = folder, Path.cwd()

    def __enter__(self) -> None:
        os.chdir(self.folder)

    def __exit__(self, *exc: object) -> None:
        os.chdir(self.before)
