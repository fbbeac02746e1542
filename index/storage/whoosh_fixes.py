"""Fixes for whoosh-reloaded 2.7.5, which is frozen upstream, as subclasses of the Whoosh
classes newsdesk's own index objects use. Nothing of Whoosh itself is patched: another
Whoosh index in the same process (the stock-Whoosh benchmark) runs Whoosh as shipped. (The
one change newsdesk makes to Whoosh for everyone is how it is imported: lean_imports.py
gives it stand-ins for three modules it never uses, among them the cached_property
package, whose one use, a segment's deleted documents, then runs on functools'.)

They take effect through two doors, and only through them: `file_storage()`, the storage
every newsdesk index is created and opened with (its sub-process writers unpickle the
same class), and NewsdeskCodec (storage/codec.py), which every segment newsdesk writes
records and which hands out the per-document reader and the segment class below.

- W3PerDocReader._cached_reader caches a column reader only when the column exists. Fields
  without a lengths column (the spelling fields) then stat() the disk once per posting while
  segments merge: 452,000 stat calls and 6.8 s of a 29 s profiled ingest of 2,225 articles.
  FixedPerDocReader remembers the absence too.
- W3PerDocReader.doc_field_length reads a document's length byte through the column reader
  at every call: once per posting while a segment is written (3.75 million calls, 26 s of a
  219 s profiled ingest of 30,000 articles) and once per scored document while searching.
  FixedPerDocReader decodes a field's lengths once per segment into a list, from one read
  of the column.
- BufferFile, the file Whoosh hands out for each part of a memory-mapped segment, copies the
  whole part into a BytesIO when created: opening a 100,000-article index and running one
  query copied 318 MB of it into the process (tracemalloc), defeating the mmap.
  MappedPartFile's sequential reads go through a file over the mapped memory that copies
  only what each read returns.
- SubFile, a part of a compound segment file read without mmap (as the indexer reads them),
  has no `peek`, so pickle.load reads it a few bytes at a time, about 25 seek-and-read
  pairs for each posting block's header: 13.9 million reads in a merge of 30,000
  articles' segments. PeekableSubFile has one, and pickle takes what it needs from one
  read (3.9 million reads).
- StructFile.tell asks the file, and a buffered file asks the system (lseek) every time:
  Whoosh's writers ask for their position a few times per term and block, 8.4% of an
  ingest's samples (py-spy, all processes). NewsdeskFileStorage's files created for
  writing keep their position themselves.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

from whoosh.codec import whoosh3
from whoosh.filedb.compound import CompoundStorage, SubFile
from whoosh.filedb.filestore import FileStorage, StorageError
from whoosh.filedb.structfile import BufferFile, StructFile
from whoosh.util import random_name

_MISSING = object()


def file_storage(folder: Path, mmap: bool = True) -> NewsdeskFileStorage:
    """The storage of a newsdesk index in `folder`: create or open the index with it."""
    return NewsdeskFileStorage(str(folder), supports_mmap=mmap)


class FixedPerDocReader(whoosh3.W3PerDocReader):
    """Whoosh's per-document reader, remembering absent columns and reading lengths once."""

    def _cached_reader(self, fieldname: str, column: object) -> object:
        reader = self._readers.get(fieldname, _MISSING)
        if reader is _MISSING:
            reader = self.column_reader(fieldname, column) if self.has_column(fieldname) \
                else None
            self._readers[fieldname] = reader
        return reader

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        if docnum > self._doccount:
            raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
        raw = length_bytes(self, fieldname)
        value = LENGTH_OF_BYTE[raw[docnum]] if docnum < len(raw) else None
        return default if value is None else value


# A field length as Whoosh decodes its one-byte encoding; None for 0 (no length stored).
LENGTH_OF_BYTE: list[int | None] = [None] + [whoosh3.byte_to_length(b) for b in range(1, 256)]


def length_bytes(perdoc: whoosh3.W3PerDocReader, fieldname: str) -> bytes:
    """A segment's length byte of `fieldname` for every document (0: none stored), read
    once and kept on its per-document reader. The column's own iterator reads the file
    once per document: 0.15 s of the first query at 100,000 articles; one read of the
    whole column takes milliseconds. Padded with 0 to every document of the segment, so that
    a posting's document always has a byte."""
    cache = perdoc.__dict__.setdefault("_newsdesk_length_bytes", {})
    found = cache.get(fieldname)
    if found is None:
        column = perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        if column is None:
            found = b""
        elif getattr(column, "_fixedlen", None) == 1 and hasattr(column, "_dbfile"):
            count = column._count
            found = bytes(column._dbfile.get(column._basepos, count)) if count else b""
        else:
            found = bytes(column)
        found = found.ljust(perdoc._doccount, b"\0")
        cache[fieldname] = found
    return found


class _ViewFile:
    """A read-only file over a memoryview (part of a memory-mapped segment), as BytesIO
    would be but without copying the whole part first: each read copies what it reads."""

    def __init__(self, view: memoryview) -> None:
        self._view = view
        self._pos = 0

    def read(self, size: int | None = -1) -> bytes:
        start = self._pos
        end = len(self._view) if size is None or size < 0 else min(len(self._view),
                                                                   start + size)
        self._pos = max(start, end)
        return bytes(self._view[start:end])

    def peek(self, size: int = 0) -> bytes:
        """The bytes ahead, without moving: pickle.load takes what it needs from them in
        one go rather than reading a few bytes at a time (20 reads a stored document)."""
        return bytes(self._view[self._pos:self._pos + min(max(size, 1), 1024)])

    def readline(self, size: int | None = -1) -> bytes:
        limit = len(self._view) if size is None or size < 0 else min(len(self._view),
                                                                     self._pos + size)
        end = self._pos
        while end < limit:  # look for the newline a block at a time
            block = bytes(self._view[end:min(limit, end + 4096)])
            found = block.find(b"\n")
            if found >= 0:
                end += found + 1
                break
            end += len(block)
        return self.read(end - self._pos)

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._pos, 2: len(self._view)}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def flush(self) -> None:
        return None

    def close(self) -> None:
        self._view = memoryview(b"")


class MappedPartFile(BufferFile):
    """A part of a memory-mapped segment, read in place rather than copied at creation."""

    def __init__(self, buf: Any, name: str | None = None, onclose: Any = None) -> None:
        self._buf = buf
        self._name = name
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False

    def __getattr__(self, name: str) -> Any:
        """`file`, made at the first sequential read. Its read, seek and tell then stand in
        for the file's own, which only call them: one Python call a read instead of two."""
        if name != "file":
            raise AttributeError(name)
        buf = self._buf
        stream = _ViewFile(buf) if isinstance(buf, memoryview) else BytesIO(buf)
        self.__dict__.update(file=stream, read=stream.read, seek=stream.seek, tell=stream.tell)
        return stream

    def subset(self, position: int, length: int, name: str | None = None) -> MappedPartFile:
        return MappedPartFile(self.get(position, length), name=name or self._name)

    def close(self) -> None:
        if self.is_closed:
            raise Exception("This file is already closed")  # as StructFile.close says it
        if self.onclose:
            self.onclose(self)
        stream = self.__dict__.pop("file", None)
        if stream is not None:
            stream.close()
        self.is_closed = True


# Enough for a block header or a stored document; pickle would otherwise ask for 128 KB.
_PEEK_BYTES = 1024


class PeekableSubFile(SubFile):
    """A part of a compound file read without mmap, with the `peek` pickle reads ahead by."""

    def peek(self, size: int = 0) -> bytes:
        """The bytes ahead (at most _PEEK_BYTES), without moving."""
        size = min(max(size, 1), _PEEK_BYTES, self._length - self._pos)
        if size <= 0:
            return b""
        self._file.seek(self._offset + self._pos)
        return self._file.read(size)


class FixedCompoundStorage(CompoundStorage):
    """A compound segment file whose parts are MappedPartFile or PeekableSubFile."""

    def open_file(self, name: str, *args: Any, **kwargs: Any) -> StructFile:
        if self.is_closed:
            raise StorageError("Storage was closed")
        offset, length = self.range(name)
        if self._source:
            return MappedPartFile(memoryview(self._source)[offset:offset + length], name=name)
        source = self._file.file if isinstance(self._file, StructFile) else self._file
        return StructFile(PeekableSubFile(source, offset, length), name=name)


class FixedSegment(whoosh3.W3Segment):
    """The segment NewsdeskCodec writes: its compound file opens as FixedCompoundStorage."""

    def open_compound_file(self, storage: FileStorage) -> FixedCompoundStorage:
        dbfile = storage.open_file(self.make_filename(self.COMPOUND_EXT))
        return FixedCompoundStorage(dbfile, use_mmap=storage.supports_mmap)


class _WrittenFile:
    """A file opened for writing ("wb") that counts its position instead of asking the
    system for it at each tell()."""

    def __init__(self, file: Any) -> None:
        self._file = file
        self._pos = file.tell()

    def write(self, data: Any) -> int:
        written = self._file.write(data)
        self._pos += written
        return written

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = 0) -> int:
        self._pos = self._file.seek(offset, whence)
        return self._pos

    def __enter__(self) -> _WrittenFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()

    def __getattr__(self, name: str) -> Any:  # flush, close, fileno, truncate...
        return getattr(self._file, name)


class NewsdeskFileStorage(FileStorage):
    """Whoosh's folder storage whose files created for writing count their position, and
    whose temporary storage (a writer's posting runs) is of this class too."""

    def create_file(self, name: str, excl: bool = False, mode: str = "wb",
                    **kwargs: Any) -> StructFile:
        created = super().create_file(name, excl, mode, **kwargs)
        if mode == "wb":
            created.file = _WrittenFile(created.file)
        return created

    def temp_storage(self, name: str | None = None) -> NewsdeskFileStorage:
        folder = os.path.join(self.folder, name or f"{random_name()}.tmp")
        return NewsdeskFileStorage(folder).create()
