"""index/storage/page_ahead.py asks the kernel for pages before Whoosh reads them. Advice cannot
change a result, so what is checked is that it is the right advice: every byte Whoosh
reads to open the segments and to look words up in them is in a range asked for first."""

from __future__ import annotations

import mmap
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh.codec.whoosh3 import STORED_COLUMN, W3Codec
from whoosh.filedb import compound
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.filetables import _lengths, _pointer
from whoosh.filedb.structfile import BufferFile, StructFile

from newsdesk.index.query import ranking
from newsdesk.index.storage import page_ahead
from newsdesk.index.storage.posting_arrays import TermBlocks
from newsdesk.index.storage.scoring_inputs import field_length_bytes
from tests.helpers.segments import build, small_blocks

PAGE = mmap.PAGESIZE
Range = tuple[str, int, int]  # (file, offset, length)


class _RecordingFile:
    """A segment file that notes where each read was."""

    def __init__(self, path: str, reads: list[Range]) -> None:
        self._file = open(path, "rb")  # noqa: SIM115 - closed by Whoosh, through close()
        self._name, self._reads = Path(path).name, reads

    def read(self, size: int = -1) -> bytes:
        at = self._file.tell()
        data = self._file.read(size)
        self._reads.append((self._name, at, len(data)))
        return data

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def _within(reads: list[Range], advised: list[Range]) -> list[Range]:
    """The reads with a page outside every advised range."""
    pages = {(name, page) for name, offset, length in advised
             for page in range(max(0, offset) // PAGE, (max(0, offset) + length - 1) // PAGE + 1)}
    return [(name, offset, length) for name, offset, length in reads if length and any(
        (name, page) not in pages for page in range(offset // PAGE,
                                                     (offset + length - 1) // PAGE + 1))]


def test_opening_reads_only_what_was_asked_for(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # 1,500 documents a segment: parts of several pages each, so that what a read needs
    # is not on a page asked for as a neighbour's
    build(tmp_path / "ix", [small_blocks(), small_blocks(), None], per_segment=1500)
    names: dict[int, str] = {}
    advised: list[Range] = []
    real_open = page_ahead.os.open

    def opened(path: Any, flags: int) -> int:
        fd = real_open(path, flags)
        names[fd] = Path(path).name
        return fd

    monkeypatch.setattr(page_ahead.os, "open", opened)
    # A small index's parts are a few pages each: the end of the segment file only, so
    # that what else is read is asked for by name.
    monkeypatch.setattr(page_ahead, "_TAIL", PAGE)
    monkeypatch.setattr(page_ahead, "_advise", lambda advice: advised.extend(
        (names[fd], offset, length) for fd, offset, length in advice))
    storage = FileStorage(str(tmp_path / "ix"))
    ix = storage.open_index()
    page_ahead.open_ahead(ix)
    assert {name for name, *_ in advised} == {name for name in storage.list()
                                              if name.endswith(".seg")}

    reads: list[Range] = []
    monkeypatch.setattr(compound, "mmap", None)  # read through files, so reads can be seen
    monkeypatch.setattr(storage, "open_file", lambda name, **_: StructFile(
        _RecordingFile(str(tmp_path / "ix" / name), reads), name=name))
    with ix.searcher() as searcher:  # opens every segment: directories, term tables
        for reader, _ in searcher.reader().leaf_readers():
            for field in ("title", "body"):  # the first ranking's lengths
                field_length_bytes(reader, field)
            reader._perdoc._cached_reader("_stored", STORED_COLUMN)  # (where each one is)
    ix.close()
    segment_reads = [r for r in reads if r[0].endswith(".seg")]
    assert len(segment_reads) > 20
    assert _within(segment_reads, advised) == []


def _address(buffer: Any) -> int:
    return np.frombuffer(buffer, np.uint8).ctypes.data


def _recording_reads(monkeypatch: pytest.MonkeyPatch, maps: list[mmap.mmap],
                     reads: list[Range]) -> None:
    """Note each read of Whoosh's from these memory-mapped segment files, as (the map's
    index, offset in it, length)."""
    real_get = BufferFile.get

    def get(self: BufferFile, position: int, length: int) -> bytes:
        for number, mapped in enumerate(maps):  # which mapped file this part is of, where
            start = _address(self._buf) - _address(mapped)
            if 0 <= start < len(mapped):
                reads.append((str(number), start + position, length))
        return real_get(self, position, length)

    monkeypatch.setattr(BufferFile, "get", get)


def _recording_advice(monkeypatch: pytest.MonkeyPatch, maps: list[mmap.mmap],
                      advised: list[Range]) -> None:
    monkeypatch.setattr(page_ahead, "_advise_mapped", lambda advice: advised.extend(
        (str(next(n for n, m in enumerate(maps) if m is mapped)), offset, length)
        for mapped, offset, length in advice))


def test_looking_words_up_reads_only_what_was_asked_for(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Slots, keys and postings of words in every segment, one word in none of them."""
    build(tmp_path / "ix", [small_blocks(), small_blocks()], per_segment=300)
    ix = FileStorage(str(tmp_path / "ix")).open_index()
    words = [("body", "said"), ("title", "said"), ("body", "nowhere")]
    with ix.searcher() as searcher:
        readers = [reader for reader, _ in searcher.reader().leaf_readers()]
        maps = [page_ahead.mapped_part(r, W3Codec.TERMS_EXT)[0] for r in readers]
        advised: list[Range] = []
        _recording_advice(monkeypatch, maps, advised)
        page_ahead.terms_ahead(readers, words)
        reads: list[Range] = []
        _recording_reads(monkeypatch, maps, reads)
        found = [TermBlocks(reader, field, text) for reader in readers
                 for field, text in words]
    ix.close()
    assert [b.present for b in found] == [True, True, False] * 2
    assert len(reads) >= 10
    assert _within(reads, advised) == []


def test_a_page_of_results_reads_only_what_was_asked_for(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stored fields of documents from every segment."""
    build(tmp_path / "ix", [small_blocks(), small_blocks(), small_blocks()], per_segment=100)
    ix = FileStorage(str(tmp_path / "ix")).open_index()
    with ix.searcher() as searcher:
        readers = [reader for reader, _ in searcher.reader().leaf_readers()]
        maps = [page_ahead.mapped_part(r, W3Codec.TERMS_EXT)[0] for r in readers]
        docnums = [5, 150, 99, 250, 201, 0]
        for reader in readers:  # (the columns' arrays, read at open: asked for then)
            reader._perdoc._cached_reader("_stored", STORED_COLUMN)
        advised: list[Range] = []
        _recording_advice(monkeypatch, maps, advised)
        page_ahead.stored_ahead(searcher, docnums)
        reads: list[Range] = []
        _recording_reads(monkeypatch, maps, reads)
        ids = [searcher.stored_fields(d)["id"] for d in docnums]
    ix.close()
    assert ids == ["a5", "a150", "a99", "a250", "a201", "a0"]
    assert len(reads) == 6
    assert _within(reads, advised) == []


def test_a_searcher_asks_ahead_for_its_first_query_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(tmp_path / "ix", [small_blocks(), small_blocks()], per_segment=100)
    asked: list[set[tuple[str, str]]] = []
    monkeypatch.setattr(page_ahead, "terms_ahead", lambda readers, terms: asked.append(terms))
    ix = FileStorage(str(tmp_path / "ix")).open_index()
    from whoosh import query as wq

    with ix.searcher() as searcher:
        for word in ("said", "story"):
            assert ranking.rank(searcher, wq.Term("body", word), 10) is not None
    with ix.searcher() as searcher:
        ranking.rank(searcher, wq.Or([wq.Term("body", "said"), wq.Term("title", "story")]), 10)
    ix.close()
    assert asked == [{("body", "said")}, {("body", "said"), ("title", "story")}]


def test_a_look_up_ahead_finds_the_entry_whoosh_reads(tmp_path: Path) -> None:
    """For every word of every segment, the entry the probe asks for is the one Whoosh's
    hash table reads, including words whose slot a neighbour took first."""
    build(tmp_path / "ix", [small_blocks(), small_blocks()], per_segment=300)
    ix = FileStorage(str(tmp_path / "ix")).open_index()
    past_first = 0
    with ix.searcher() as searcher:
        for reader, _ in searcher.reader().leaf_readers():
            table = page_ahead._term_table(reader)
            assert table is not None
            for field, text in reader.all_terms():
                key = table.terms._keycoder(field, text)
                probe = page_ahead._Probe.of(table, key)
                assert probe is not None
                data, _ = table.hashes.range_for_key(key)
                assert probe.entry() + _lengths.size + len(key) == data
                first = _pointer.unpack(table.hashes.dbfile.get(probe.first, _pointer.size))
                past_first += first[0] != probe.hashed
    ix.close()
    assert past_first > 10
