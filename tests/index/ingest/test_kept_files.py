"""A file that held articles and gives none now keeps them (stranger3 G: a search in a shell
without the corpus's field mapping removed all 381 articles of the index). Whatever the
cause (a mapping forgotten or wrong, a file unreadable, binary, half-written, emptied or
gone, a folder not mounted), a query command or the dashboard's own update removes
nothing and says which file and why; `newsdesk index` (remove_gone) removes the articles
of a file gone or emptied, and only those."""

from __future__ import annotations

import csv
import errno
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.index.config import Reading, Settings, default_fields
from newsdesk.index.engine import Engine
from newsdesk.index.ingest import corpus as corpus_module
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.ingest.staleness import staleness
from newsdesk.index.models import IndexReport
from newsdesk.tui.render import run_notes

MAPPING = {"title": "Title", "text": "Content", "date": "When", "id": "Key"}
ROWS = 6


def _rows(tag: str) -> list[dict[str, str]]:
    return [{"Key": f"{tag}{i}", "Title": f"Headline {tag} {i}",
             "Content": f"okapi{tag} story number {i} about rivers",
             "When": f"Sat, 0{i % 9 + 1} Feb 2020 10:00:00 +0000"} for i in range(ROWS)]


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".csv":
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    else:
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _hits(settings: Settings, word: str) -> int:
    with Engine(settings) as engine:
        return engine.search(word, limit=None).total


def _forget_mapping(s: Settings, f: Path) -> None:
    s.corpus.fields = default_fields()  # a shell without the corpus's NEWSDESK_CONFIG
    s.corpus.own = {}


def _other_columns(s: Settings, f: Path) -> None:
    fields = dict(MAPPING, text="Body")
    s.corpus.fields.update(fields)
    s.corpus.own = {p: Reading({**r.fields, "text": "Body"}, (), p)
                    for p, r in s.corpus.own.items()}


def _empty_column(s: Settings, f: Path) -> None:
    _write(f, [{**r, "Content": ""} for r in _rows("b")])


def _binary(s: Settings, f: Path) -> None:
    f.write_bytes(b"\x00\x01\x02" * 400)


def _utf16(s: Settings, f: Path) -> None:
    f.write_bytes(f.read_text(encoding="utf-8").encode("utf-16-le"))


def _half_written(s: Settings, f: Path) -> None:
    data = f.read_bytes()  # being written: the first record cut short, no record whole
    f.write_bytes(data[:data.index(b"\n") + 20] if f.suffix == ".csv" else data[:20])


def _latin1(s: Settings, f: Path) -> None:
    f.write_bytes(f.read_text(encoding="utf-8").replace("rivers", "rivi\xe8res")
                  .encode("latin-1"))


def _emptied(s: Settings, f: Path) -> None:
    f.write_bytes(b"")


def _header_only(s: Settings, f: Path) -> None:
    f.write_text("Key,Title,Content,When\n" if f.suffix == ".csv" else "\n\n")


def _gone(s: Settings, f: Path) -> None:
    f.unlink()


def _folder_gone(s: Settings, f: Path) -> None:
    shutil.rmtree(f.parent)  # a disk not mounted under the corpus folder


def _made_a_pipe(s: Settings, f: Path) -> None:
    f.unlink()
    os.mkfifo(f)  # listed as "not a file": as if gone


# (name, change, removed by an explicit `newsdesk index`)
CHANGES: list[tuple[str, Callable[[Settings, Path], None], bool]] = [
    ("mapping forgotten", _forget_mapping, False),
    ("mapping of other columns", _other_columns, False),
    ("text column emptied", _empty_column, False),
    ("binary", _binary, False),
    ("utf-16 without a mark", _utf16, False),
    ("half written", _half_written, False),
    ("emptied", _emptied, True),
    ("header only", _header_only, True),
    ("gone", _gone, True),
    ("folder gone", _folder_gone, True),
    ("a pipe now", _made_a_pipe, True),
]


# Each change on one of a CSV mapped by corpus.fields and a JSON Lines file mapped by its
# source, in turn; the other pairs with -m slow (about a second each).
PAIRS = ((".csv", False), (".jsonl", True), (".csv", True), (".jsonl", False))
CASES = [pytest.param(name, change, removed, suffix, own,
                      id=f"{name}-{suffix[1:]}-{'source' if own else 'corpus.fields'}",
                      marks=() if pair == number % 2 else (pytest.mark.slow,))
         for number, (name, change, removed) in enumerate(CHANGES)
         for pair, (suffix, own) in enumerate(PAIRS)]


@pytest.mark.parametrize(("name", "change", "removed", "suffix", "own"), CASES)
def test_a_file_giving_no_article_keeps_them_in_a_query_run(
        corpus_settings: Settings, corpus_dir: Path, name: str,
        change: Callable[[Settings, Path], None], removed: bool, suffix: str,
        own: bool) -> None:
    mapped = corpus_dir / "mount" / f"feed{suffix}"
    _write(mapped, _rows("a"))
    (corpus_dir / "plain.txt").write_text("Plain\n\nokapip and rivers\n")
    if own:
        corpus_settings.corpus.own = {corpus_dir: Reading({**default_fields(), **MAPPING},
                                                          (), corpus_dir)}
    else:
        corpus_settings.corpus.fields.update(MAPPING)
    first = Indexer(corpus_settings).run()
    assert (first.added, first.total) == (ROWS + 1, ROWS + 1)
    assert _hits(corpus_settings, "okapia date:2020-02") == ROWS

    change(corpus_settings, mapped)
    assert staleness(corpus_settings) is not None or name == "a pipe now"
    query = Indexer(corpus_settings, remove_gone=False).run()
    assert (query.removed, query.total) == (0, ROWS + 1), name
    assert [(Path(k.path).name, k.articles) for k in query.kept] == [(mapped.name, ROWS)]
    note = next(n for n in run_notes(query) if mapped.name in n)
    assert f"its {ROWS} articles indexed before" in note and "kept" in note
    if name.startswith("mapping"):  # the file, the columns it has, the setting to fix
        assert "Key, Title, Content, When" in note or "Key, Title" in note
        by_source = own and name != "mapping forgotten"  # (forgotten: no source of its own)
        assert ("the fields of corpus source" if by_source else "corpus.fields.text") in note
    assert _hits(corpus_settings, "okapia") == ROWS
    # Not read again at each command while nothing changes; read again by each run.
    assert staleness(corpus_settings) is None
    again = Indexer(corpus_settings, remove_gone=False).run()
    assert (again.removed, again.total) == (0, ROWS + 1)

    explicit = Indexer(corpus_settings, remove_gone=True).run()
    assert explicit.removed == (ROWS if removed else 0), name
    assert explicit.total == (1 if removed else ROWS + 1)
    assert _hits(corpus_settings, "okapia") == (0 if removed else ROWS)
    assert _hits(corpus_settings, "okapip") == 1


def test_a_kept_file_that_reads_again_is_taken_as_it_is(corpus_settings: Settings,
                                                        corpus_dir: Path) -> None:
    mapped = corpus_dir / "feed.csv"
    _write(mapped, _rows("a"))
    (corpus_dir / "plain.txt").write_text("Plain\n\nokapip and rivers\n")
    corpus_settings.corpus.fields.update(MAPPING)
    Indexer(corpus_settings).run()
    saved = corpus_settings.corpus.fields
    corpus_settings.corpus.fields = default_fields()
    assert len(Indexer(corpus_settings, remove_gone=False).run().kept) == 1
    corpus_settings.corpus.fields = saved  # the right config again
    back = Indexer(corpus_settings, remove_gone=False).run()
    assert (back.kept, back.removed, back.unchanged, back.total) == ([], 0, ROWS + 1, ROWS + 1)
    assert staleness(corpus_settings) is None
    # Gone, then back (a disk mounted again): nothing read anew, nothing lost.
    moved = corpus_dir.parent / "away.csv"
    mapped.rename(moved)
    assert Indexer(corpus_settings, remove_gone=False).run().kept
    moved.rename(mapped)
    back = Indexer(corpus_settings, remove_gone=False).run()
    assert (back.kept, back.removed, back.added, back.total) == ([], 0, 0, ROWS + 1)
    assert staleness(corpus_settings) is None


def test_a_file_that_lost_some_records_is_an_edit(corpus_settings: Settings,
                                                  corpus_dir: Path) -> None:
    """Only a file that gives no article at all is kept: one cut from 6 to 2 records is an
    edit, whatever run reads it."""
    mapped = corpus_dir / "feed.jsonl"
    _write(mapped, _rows("a"))
    corpus_settings.corpus.fields.update(MAPPING)
    Indexer(corpus_settings).run()
    _write(mapped, _rows("a")[:2])
    report: IndexReport = Indexer(corpus_settings, remove_gone=False).run()
    assert (report.removed, report.total, report.kept) == (ROWS - 2, 2, [])


def test_a_renamed_file_moves_its_articles_in_a_query_run(corpus_settings: Settings,
                                                          corpus_dir: Path) -> None:
    _write(corpus_dir / "a.jsonl", [{"id": f"x{i}", "text": f"moved {i}"} for i in range(4)])
    Indexer(corpus_settings).run()
    (corpus_dir / "a.jsonl").rename(corpus_dir / "b.jsonl")
    report = Indexer(corpus_settings, remove_gone=False).run()
    assert (report.moved, report.removed, report.total, report.kept) == (4, 0, 4, [])
    assert staleness(corpus_settings) is None


@pytest.mark.parametrize("error", [errno.EACCES, errno.EIO, errno.ESTALE])
def test_a_file_that_cannot_be_opened_keeps_its_articles_in_every_run(
        corpus_settings: Settings, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch,
        error: int) -> None:
    """Permission denied, an I/O error, an NFS handle gone stale: even `newsdesk index`
    keeps the articles (the file is there), and reads the file again at its next run."""
    mapped = corpus_dir / "feed.jsonl"
    _write(mapped, _rows("a"))
    corpus_settings.corpus.fields.update(MAPPING)
    Indexer(corpus_settings).run()
    real = corpus_module.open_regular

    def failing(path: str):  # type: ignore[no-untyped-def]
        if path == str(mapped):
            raise OSError(error, os.strerror(error), path)
        return real(path)

    monkeypatch.setattr(corpus_module, "open_regular", failing)
    os.utime(mapped, ns=(mapped.stat().st_atime_ns, mapped.stat().st_mtime_ns + 10**9))
    for remove_gone in (False, True):
        report = Indexer(corpus_settings, remove_gone=remove_gone).run()
        assert (report.removed, report.total) == (0, ROWS)
        assert report.kept and os.strerror(error) in report.kept[0].why
    monkeypatch.setattr(corpus_module, "open_regular", real)  # readable again
    back = Indexer(corpus_settings, remove_gone=False).run()
    assert (back.kept, back.unchanged, back.total) == ([], ROWS, ROWS)


@pytest.mark.parametrize("bad_at", [0, 3, ROWS])
@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_a_kept_files_reason_is_the_kind_that_lost_most(
        corpus_settings: Settings, corpus_dir: Path, bad_at: int, suffix: str) -> None:
    """A file read with a mapping that no longer fits, with one broken record among its
    rows: the note says the mapping (six records), not the one broken line (stranger10's
    F11), wherever the broken line stands."""
    mapped = corpus_dir / f"feed{suffix}"
    _write(mapped, _rows("a"))
    corpus_settings.corpus.fields.update(MAPPING)
    Indexer(corpus_settings).run()
    lines = mapped.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = '{"Key": "z", "Title": "cut\n' if suffix == ".jsonl" else '"z,"cut\n'
    at = bad_at + (suffix == ".csv")  # (after the header)
    mapped.write_text("".join(lines[:at] + [broken] + lines[at:]), encoding="utf-8")
    _other_columns(corpus_settings, mapped)
    query = Indexer(corpus_settings, remove_gone=False).run()
    assert [k.articles for k in query.kept] == [ROWS]
    note = next(n for n in run_notes(query) if mapped.name in n)
    assert "corpus.fields.text" in note and "malformed" not in note, note
