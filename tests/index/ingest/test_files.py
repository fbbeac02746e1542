"""Listing and opening corpus files: only regular files are read, never more than the limit,
whatever is swapped in or appended after listing; one stat a file."""

from __future__ import annotations

import itertools
import os
import threading
from pathlib import Path

import pytest

from newsdesk.index.config import CorpusSettings
from newsdesk.index.ingest import files
from newsdesk.index.ingest.cleaning import storable
from newsdesk.index.ingest.corpus import CorpusReader, parse_date
from newsdesk.index.ingest.files import SourceFile, bounded_lines, list_files
from newsdesk.index.models import Article, Problem

MB = 1024 * 1024


def read(sf: SourceFile, max_mb: float = 1) -> tuple[list[Article], list[Problem]]:
    out = list(CorpusReader(CorpusSettings(max_file_mb=max_mb)).read(sf))
    return ([i for i in out if isinstance(i, Article)], [i for i in out if isinstance(i, Problem)])


def listed(path: Path) -> SourceFile:
    (sf,), problems = list_files([path])
    assert problems == []
    return sf


def swap(path: Path, kind: str) -> None:
    """Replace the file by something that is not one, after it was listed."""
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()


@pytest.mark.parametrize(("suffix", "kind"), itertools.product(
    [".txt", ".md", ".jsonl", ".csv"], ["fifo", "device", "folder"]))
def test_a_file_swapped_for_a_pipe_or_device_after_listing_is_refused(
        tmp_path: Path, suffix: str, kind: str) -> None:
    path = tmp_path / f"a{suffix}"
    path.write_text('id,text\n1,x\n' if suffix == ".csv" else '{"text": "x"}\n')
    sf = listed(path)
    swap(path, kind)
    result: list = []
    reader = threading.Thread(target=lambda: result.append(read(sf)), daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "reading hung"
    articles, problems = result[0]
    assert articles == [] and len(problems) >= 1
    assert problems[0].path == str(path)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".jsonl", ".csv"])
@pytest.mark.parametrize("grown_mb", [0.5, 3])
def test_a_file_that_grows_after_listing_is_read_only_so_far(
        tmp_path: Path, suffix: str, grown_mb: float) -> None:
    path = tmp_path / f"a{suffix}"
    head = "id,title,text\n" if suffix == ".csv" else ""
    line = "1,T,first words\n" if suffix == ".csv" else (
        '{"id": "1", "text": "first words"}\n' if suffix == ".jsonl" else "T\n\nfirst words\n")
    path.write_text(head + line)
    sf = listed(path)
    with open(path, "a") as out:
        out.write(("2,U,more words\n" if suffix == ".csv" else "more words\n")
                  * int(grown_mb * MB / 12))
    articles, problems = read(sf, max_mb=1)
    if suffix in (".jsonl", ".csv"):  # up to the listed size: the next run reads the rest
        assert [a.id for a in articles] == ["1"] and problems == []
    elif grown_mb > 1:
        assert articles == [] and "grew after listing" in problems[0].reason
    else:
        assert len(articles) == 1


@pytest.mark.parametrize("limit", [1, 10, 4096])
@pytest.mark.parametrize("sizes", [[0], [3, 20000, 2], [5000, 5000], [1, 1, 1, 1]])
def test_bounded_lines_never_hold_more_than_the_limit(tmp_path: Path, limit: int,
                                                      sizes: list[int]) -> None:
    path = tmp_path / "lines"
    path.write_bytes(b"".join(b"x" * n + b"\n" for n in sizes))
    with open(path, "rb") as handle:
        got = list(bounded_lines(handle, limit, path.stat().st_size))
    assert [n for n, _, _ in got] == list(range(1, len(sizes) + 1))
    for (_, raw, size), n in zip(got, sizes, strict=True):
        assert size == n + 1
        assert (raw is None) == (n > limit)


def test_listing_takes_one_stat_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """100,000 files made every command list for 7-8 s: resolve() walked each path."""
    for folder in range(5):
        (tmp_path / f"f{folder}").mkdir()
        for n in range(40):
            (tmp_path / f"f{folder}" / f"{n}.txt").write_text("T\n\nx\n")
    calls = []
    real = os.stat
    monkeypatch.setattr(files.os, "stat", lambda *a, **k: calls.append(a) or real(*a, **k))
    monkeypatch.setattr(Path, "resolve", lambda self, strict=False: pytest.fail("resolve"))
    found, problems = list_files([tmp_path])
    assert len(found) == 200 and problems == []
    assert len(calls) <= 201


@pytest.mark.parametrize("hostile", ["\ud800", "\udfff", "a\udc80b", "\ud83d\ude00x",
                                     "ok", "é\ud800é", "\ud800" * 1000])
def test_storable_leaves_nothing_utf8_cannot_hold(hostile: str) -> None:
    out = storable(hostile)
    out.encode("utf-8")
    assert len(out) == len(hostile)
    assert (out is hostile) == (hostile == "ok")  # clean text is passed through untouched


@pytest.mark.parametrize("value", ["9999-12-31", "9999-01-01T00:00:00", "9999-06-01Z",
                                   "9999-12-31T23:59:59-14:00"])
def test_dates_a_timeline_cannot_step_past_are_refused_at_the_border(value: str) -> None:
    with pytest.raises(ValueError, match="out of range"):
        parse_date(value)


@pytest.mark.parametrize("value", ["0001-01-01", "9998-12-31T23:59:59", "2020-02-29"])
def test_dates_in_range_are_kept(value: str) -> None:
    assert parse_date(value) is not None
