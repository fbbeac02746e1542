"""newsdesk's fixes to the frozen whoosh-reloaded 2.7.5 reach its own indexes, do their
job there, and leave Whoosh itself as shipped."""

from __future__ import annotations

import pickle
from array import array
from pathlib import Path

from whoosh import fields
from whoosh import index as stock_index
from whoosh.codec import whoosh3
from whoosh.filedb import structfile
from whoosh.filedb.compound import SubFile
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import whoosh_fixes


def test_missing_length_column_is_looked_up_once(corpus_settings: Settings, corpus_dir: Path,
                                                 monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (corpus_dir / "a.txt").write_text("Alpha\n\nwords words words")
    Indexer(corpus_settings).run()
    calls: list[str] = []
    real = whoosh3.W3PerDocReader.has_column

    def counting(self, fieldname):  # type: ignore[no-untyped-def]
        calls.append(fieldname)
        return real(self, fieldname)

    monkeypatch.setattr(whoosh3.W3PerDocReader, "has_column", counting)
    with Engine(corpus_settings) as engine:
        per_doc = engine._main.searcher.reader()._perdoc
        assert isinstance(per_doc, whoosh_fixes.FixedPerDocReader)
        for _ in range(50):
            per_doc.doc_field_length(0, "actors")  # not scorable: no lengths column
    assert len(calls) == 1  # the absence is remembered, not asked of the disk each time


def test_cached_lengths_equal_whoosh_own(corpus_settings: Settings, corpus_dir: Path) -> None:
    for n in range(40):
        (corpus_dir / f"a{n}.txt").write_text(f"Title {n}\n\n" + "word " * (n * 37 % 300))
    Indexer(corpus_settings).run()
    with Engine(corpus_settings) as engine:
        per_doc = engine._main.searcher.reader()._perdoc
        assert isinstance(per_doc, whoosh_fixes.FixedPerDocReader)
        for field in ("title", "body", "actors"):
            for docnum in range(per_doc.doc_count_all()):
                assert per_doc.doc_field_length(docnum, field, -1) == _unpatched(
                    per_doc, docnum, field, -1)


def _unpatched(reader: whoosh3.W3PerDocReader, docnum: int, fieldname: str,
               default: int) -> int:
    """Whoosh's own doc_field_length, as it reads one length byte per call."""
    column = reader._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
    if column is None:
        return default
    byte = column[docnum]
    return whoosh3.byte_to_length(byte) if byte else default


def test_view_file_reads_as_bytesio_does() -> None:
    """The file over mapped memory answers every read as a BytesIO of the same bytes."""
    import random
    from io import BytesIO

    data = b"".join(random.Random(3).choice([b"ab", b"\n", b"xyz\n", b"\x00\xff", b""])
                    for _ in range(3000))
    mine, theirs = whoosh_fixes._ViewFile(memoryview(data)), BytesIO(data)
    rng = random.Random(5)
    for _ in range(2000):
        op = rng.choice(["read", "readline", "seek", "tell"])
        if op == "read":
            size = rng.choice([-1, 0, 1, 7, 500])
            assert mine.read(size) == theirs.read(size)
        elif op == "readline":
            size = rng.choice([-1, 3, 100])
            assert mine.readline(size) == theirs.readline(size)
        elif op == "seek":
            offset, whence = rng.randrange(-50, len(data) + 50), rng.choice([0, 1, 2])
            if whence == 0:
                offset = abs(offset)
            target = {0: 0, 1: theirs.tell(), 2: len(data)}[whence] + offset
            if target >= 0:
                assert mine.seek(offset, whence) == theirs.seek(offset, whence)
        assert mine.tell() == theirs.tell()
    mine.seek(0)
    assert list(mine) == list(BytesIO(data))


def test_searching_copies_no_segment_into_memory(corpus_settings: Settings,
                                                 corpus_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Whoosh's BufferFile copies each mapped part of a segment into a BytesIO; newsdesk's
    parts read the mapped memory in place."""
    for n in range(60):
        (corpus_dir / f"a{n}.txt").write_text(f"Oil report {n}\n\n" + "oil price word " * n)
    Indexer(corpus_settings).run()
    copies: list[int] = []

    def counting(real):  # type: ignore[no-untyped-def]
        def copy(data=b""):  # type: ignore[no-untyped-def]
            copies.append(len(data))
            return real(data)
        return copy

    mapped: list[str] = []
    real_init = whoosh_fixes.MappedPartFile.__init__

    def noting(self, buf, name=None, onclose=None):  # type: ignore[no-untyped-def]
        mapped.append(name)
        real_init(self, buf, name, onclose)

    monkeypatch.setattr(whoosh_fixes, "BytesIO", counting(whoosh_fixes.BytesIO))
    monkeypatch.setattr(structfile, "BytesIO", counting(structfile.BytesIO))
    monkeypatch.setattr(whoosh_fixes.MappedPartFile, "__init__", noting)
    with Engine(corpus_settings) as engine:
        assert engine.search('oil "price word"', 20).total == 59
    assert mapped and copies == []  # the segment was mapped, and none of it copied


def test_parts_read_without_mmap_can_be_peeked(corpus_settings: Settings,
                                               corpus_dir: Path) -> None:
    """As the indexer reads segments: pickle.load takes a block header from one read."""
    (corpus_dir / "a.txt").write_text("Alpha\n\nwords words words")
    Indexer(corpus_settings).run()
    ix = whoosh_fixes.file_storage(index_paths(corpus_settings).whoosh, mmap=False).open_index()
    try:
        segment = ix._segments()[0]
        assert isinstance(segment, whoosh_fixes.FixedSegment)
        compound = segment.open_compound_file(ix.storage)
        part = compound.open_file(max(compound.list(), key=lambda n: compound.range(n)[1]))
        assert isinstance(part.file, whoosh_fixes.PeekableSubFile)
        start = part.file.tell()
        assert part.file.peek(4) == part.read(4) and part.file.tell() == start + 4
        compound.close()
    finally:
        ix.close()


def test_whoosh_itself_is_left_as_shipped(corpus_settings: Settings, corpus_dir: Path,
                                          tmp_path: Path) -> None:
    """With newsdesk's index built and searched in the process, an index of Whoosh's own
    still gets Whoosh's classes, unchanged."""
    (corpus_dir / "a.txt").write_text("Alpha\n\nwords words words")
    Indexer(corpus_settings).run()
    with Engine(corpus_settings) as engine:
        assert engine.search("words").total == 1
    for cls in (whoosh3.W3PerDocReader, whoosh3.W3Segment, BufferFile, SubFile, FileStorage):
        assert all(getattr(value, "__module__", "whoosh").startswith("whoosh")
                   for value in vars(cls).values()), cls
    assert not hasattr(SubFile, "peek")
    folder = tmp_path / "stock"
    folder.mkdir()
    ix = stock_index.create_in(str(folder), fields.Schema(body=fields.TEXT))
    with ix.writer() as writer:
        writer.add_document(body="words")
    with ix.searcher() as searcher:
        assert type(searcher.reader()._perdoc) is whoosh3.W3PerDocReader
    assert type(ix.storage.create_file("part").file).__module__ == "_io"
    ix.close()


class _TellSpy:
    """A file that counts the times it is asked its position."""

    def __init__(self, file: object) -> None:
        self.file, self.tells = file, 0

    def tell(self) -> int:
        self.tells += 1
        return self.file.tell()  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self.file, name)


def test_a_written_file_knows_its_position_without_asking(tmp_path: Path) -> None:
    """Whoosh's writers' mix of writes, arrays, pickles, seeks back and forth: the position
    counted is the file's own at every step, and tell() never asks the file."""
    storage = whoosh_fixes.file_storage(tmp_path)
    written = storage.create_file("part")
    assert isinstance(written.file, whoosh_fixes._WrittenFile)
    spy = written.file._file = _TellSpy(written.file._file)
    steps = [lambda: written.write(b"header"), lambda: written.write_int(7),
             lambda: written.write_varint(300), lambda: written.write_array(array("I", [1, 2])),
             lambda: written.write_pickle({"a": [1, 2, 3]}), lambda: written.seek(2),
             lambda: written.write(b"X"), lambda: written.seek(0, 2),
             lambda: written.write(memoryview(b"tail")), lambda: written.flush()]
    for step in steps:
        step()
        assert written.tell() == spy.file.tell()
    assert spy.tells == 0
    written.close()
    data = (tmp_path / "part").read_bytes()
    assert data.startswith(b"heXder") and data.endswith(b"tail")
    assert len(data) == 6 + 4 + 2 + 8 + len(pickle.dumps({"a": [1, 2, 3]}, -1)) + 4
