"""Our patches to the frozen whoosh-reloaded 2.7.5 stay applied and do their job."""

from __future__ import annotations

import pickle
import subprocess
import sys
from array import array
from pathlib import Path

from whoosh.codec import whoosh3
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.storage import whoosh_fixes


def test_missing_length_column_is_looked_up_once(corpus_settings: Settings, corpus_dir: Path,
                                                 monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert whoosh3.W3PerDocReader._cached_reader is whoosh_fixes._cached_reader
    (corpus_dir / "a.txt").write_text("Alpha\n\nwords words words")
    Indexer(corpus_settings).run()
    calls: list[str] = []
    real = whoosh3.W3PerDocReader.has_column

    def counting(self, fieldname):  # type: ignore[no-untyped-def]
        calls.append(fieldname)
        return real(self, fieldname)

    monkeypatch.setattr(whoosh3.W3PerDocReader, "has_column", counting)
    with Engine(corpus_settings) as engine:
        per_doc = engine._searcher.reader()._perdoc
        for _ in range(50):
            per_doc.doc_field_length(0, "actors")  # not scorable: no lengths column
    assert len(calls) == 1  # the absence is remembered, not asked of the disk each time


def test_cached_lengths_equal_whoosh_own(corpus_settings: Settings, corpus_dir: Path) -> None:
    assert whoosh3.W3PerDocReader.doc_field_length is whoosh_fixes._doc_field_length
    for n in range(40):
        (corpus_dir / f"a{n}.txt").write_text(f"Title {n}\n\n" + "word " * (n * 37 % 300))
    Indexer(corpus_settings).run()
    with Engine(corpus_settings) as engine:
        per_doc = engine._searcher.reader()._perdoc
        original = whoosh3.W3PerDocReader.__dict__["doc_field_length"]
        for field in ("title", "body", "actors"):
            for docnum in range(per_doc.doc_count_all()):
                assert original(per_doc, docnum, field, -1) == _unpatched(per_doc, docnum,
                                                                          field, -1)


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
    """Whoosh's BufferFile copied each mapped part of a segment into a BytesIO; the
    mapped memory is read in place now."""
    for n in range(60):
        (corpus_dir / f"a{n}.txt").write_text(f"Oil report {n}\n\n" + "oil price word " * n)
    Indexer(corpus_settings).run()
    copies: list[int] = []
    real = whoosh_fixes.BytesIO

    def counting(data=b""):  # type: ignore[no-untyped-def]
        copies.append(len(data))
        return real(data)

    mapped: list[str] = []
    real_init = BufferFile.__init__

    def noting(self, buf, name=None, onclose=None):  # type: ignore[no-untyped-def]
        mapped.append(name)
        real_init(self, buf, name, onclose)

    monkeypatch.setattr(whoosh_fixes, "BytesIO", counting)
    monkeypatch.setattr(BufferFile, "__init__", noting)
    with Engine(corpus_settings) as engine:
        assert engine.search('oil "price word"', 20).total == 59
    assert mapped and copies == []  # the segment was mapped, and none of it copied


def test_the_writing_processes_get_the_fixes() -> None:
    """The sub-processes that write a batch are forked from a server that imports only
    index.parallel_writer: it must bring the fixes with it."""
    code = ("import newsdesk.index.storage.parallel_writer\nfrom whoosh.codec import whoosh3\n"
            "print(whoosh3.W3PerDocReader._cached_reader.__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "newsdesk.index.storage.whoosh_fixes"


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
    storage = FileStorage(str(tmp_path))
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
