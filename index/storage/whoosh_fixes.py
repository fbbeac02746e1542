"""Fixes for whoosh-reloaded 2.7.5, which is frozen upstream. Applied once, on import.

- W3PerDocReader._cached_reader caches a column reader only when the column exists. Fields
  without a lengths column (the spelling fields) then stat() the disk once per posting while
  segments merge: 452,000 stat calls and 6.8 s of a 29 s profiled ingest of 2,225 articles.
  The patch remembers the absence too.
- W3PerDocReader.doc_field_length reads a document's length byte through the column reader
  at every call: once per posting while a segment is written (3.75 million calls, 26 s of a
  219 s profiled ingest of 30,000 articles) and once per scored document while searching.
  The patch decodes a field's lengths once per segment into a list, from one read of the
  column.
- BufferFile, the file Whoosh hands out for each part of a memory-mapped segment, copied the
  whole part into a BytesIO when created: opening a 100,000-article index and running one
  query copied 318 MB of it into the process (tracemalloc), defeating the mmap. Its
  sequential reads now go through a file over the mapped memory that copies only what each
  read returns.
- SubFile, a part of a compound segment file read without mmap (as the indexer reads them),
  has no `peek`, so pickle.load reads it a few bytes at a time, about 25 seek-and-read
  pairs for each posting block's header: 13.9 million reads in a merge of 30,000
  articles' segments. It now has one, and pickle takes what it needs from one read (3.9
  million reads).
- StructFile.tell asks the file, and a buffered file asks the system (lseek) every time:
  Whoosh's writers ask for their position a few times per term and block, 8.4% of an
  ingest's samples (py-spy, all processes). Files created for writing now keep their
  position themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from typing import Any

from whoosh.codec import whoosh3
from whoosh.filedb.compound import SubFile
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile, StructFile

_MISSING = object()


def _cached_reader(self: whoosh3.W3PerDocReader, fieldname: str, column: object) -> object:
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
    return reader


def _doc_field_length(self: whoosh3.W3PerDocReader, docnum: int, fieldname: str,
                      default: int = 0) -> int:
    if docnum > self._doccount:
        raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
    raw = length_bytes(self, fieldname)
    value = _LENGTH_OF_BYTE[raw[docnum]] if docnum < len(raw) else None
    return default if value is None else value


_LENGTH_OF_BYTE: list[int | None] = [None] + [whoosh3.byte_to_length(b) for b in range(1, 256)]


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


def _buffer_file_init(self: BufferFile, buf: object, name: str | None = None,
                      onclose: object = None) -> None:
    self._buf = buf
    self._name = name
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


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


def _buffer_file_getattr(self: BufferFile, name: str) -> object:
    """`file`, made at the first sequential read. Its read, seek and tell then stand in for
    the file's own, which only call them: one Python call a read instead of two."""
    if name != "file":
        raise AttributeError(name)
    buf = self._buf
    stream = _ViewFile(buf) if isinstance(buf, memoryview) else BytesIO(buf)
    self.__dict__.update(file=stream, read=stream.read, seek=stream.seek, tell=stream.tell)
    return stream


def _buffer_file_close(self: BufferFile) -> None:
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


def _sub_file_peek(self: SubFile, size: int = 0) -> bytes:
    """The bytes ahead (at most _PEEK_BYTES), without moving."""
    size = min(max(size, 1), _PEEK_BYTES, self._length - self._pos)
    if size <= 0:
        return b""
    self._file.seek(self._offset + self._pos)
    return self._file.read(size)


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


_create_file = FileStorage.create_file


def _create_file_counting(self: FileStorage, name: str, excl: bool = False,
                          mode: str = "wb", **kwargs: Any) -> StructFile:
    created = _create_file(self, name, excl, mode, **kwargs)
    if mode == "wb":
        created.file = _WrittenFile(created.file)
    return created


def apply() -> None:
    if getattr(whoosh3.W3PerDocReader, "_newsdesk_patched", False):
        return
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    whoosh3.W3PerDocReader.doc_field_length = _doc_field_length
    BufferFile.__init__ = _buffer_file_init
    BufferFile.__getattr__ = _buffer_file_getattr
    BufferFile.close = _buffer_file_close
    SubFile.peek = _sub_file_peek
    FileStorage.create_file = _create_file_counting
    whoosh3.W3PerDocReader._newsdesk_patched = True


apply()
