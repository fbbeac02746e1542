"""Asking the kernel for the pages a cold index is about to read, every segment at once.

Opening a segment, and looking a word up in it, is a chain of small reads, each needing
the one before: the compound file's header and directory, the term table's header, tail
and hash directory; then a slot of a hash table, the key it points to, the postings; then
where each hit's stored fields are, and the fields. When the index is not in the page
cache (the first search of the day on a big archive), each read waits on the disk, one
segment after another: a million articles are 19 segments. Here each step of the chain
is asked of every segment at once (posix_fadvise or madvise(WILLNEED): the reads go out
together), so Whoosh then finds its pages cached. Opening that million and showing the
first results from the disk (BENCHMARKS.md, "A cold start"): 329 to 359 ms before, 202
to 207 ms with this.

Advice only: nothing here changes what is read, and a failure to advise is ignored."""

from __future__ import annotations

import bisect
import contextlib
import mmap
import os
import struct
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from whoosh.codec.whoosh3 import STORED_COLUMN, W3Codec, _lenfield
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filetables import _dir_entry, _pointer
from whoosh.filedb.structfile import StructFile
from whoosh.reading import TermNotFound

PAGE = mmap.PAGESIZE
_TAIL = 4 * PAGE  # a compound file's directory and its options, at its end
# Below this, a term's postings are a page fault or two: not worth a system call when
# they are the only ones asked for.
_POSTINGS_AHEAD_FROM = 1 << 16
_LAST = 4  # the last bytes of a part: its extras' length, its arrays' type codes
_INT = struct.Struct("!i")  # how Whoosh's hash files store their extras' length
_HASH_DIRECTORY = 256 * _dir_entry.size  # the hash tables' positions, before the extras
_STORED = f"._stored{W3Codec.COLUMN_EXT}"  # the stored fields' column

Advice = tuple[int, int, int]  # (file descriptor, offset, length)


def open_ahead(ix: Any) -> None:
    """Before Whoosh opens the segments of index `ix` (a FileIndex): the pages it reads to
    open each one's term table, then the length columns the first ranking reads, asked of
    the disk a round at a time."""
    folder = Path(ix.storage.folder)
    segments = [s for s in ix._segments() if s.is_compound()]
    lengths = {_lenfield(name) + W3Codec.COLUMN_EXT for name in ix.schema.scorable_names()}
    with contextlib.ExitStack() as stack:
        files: list[tuple[int, int, int]] = []  # (fd, size, documents)
        for segment in segments:
            with contextlib.suppress(OSError):
                fd = os.open(folder / segment.make_filename(segment.COMPOUND_EXT), os.O_RDONLY)
                stack.callback(os.close, fd)
                files.append((fd, os.fstat(fd).st_size, segment.doc_count_all()))
        _advise([(fd, 0, PAGE) for fd, *_ in files]
                + [(fd, size - _TAIL, _TAIL) for fd, size, _ in files])
        terms: list[tuple[int, int, int]] = []  # (fd, start, end) of each term table
        stored: list[tuple[int, int, int]] = []  # (fd, end, documents) of stored fields
        columns: list[Advice] = []
        for fd, _, documents in files:
            for name, (offset, length) in _parts(fd).items():
                if name.endswith(W3Codec.TERMS_EXT):
                    terms.append((fd, offset, offset + length))
                elif name.endswith(_STORED):
                    stored.append((fd, offset + length, documents))
                elif name.endswith(tuple(lengths)):
                    columns.append((fd, offset, length))
        _advise([(fd, start, PAGE) for fd, start, _ in terms]  # header, extras' length
                + [(fd, end - _LAST, _LAST) for fd, _, end in terms]
                + [(fd, end - _LAST, _LAST) for fd, end, _ in stored])
        tails: list[Advice] = []
        for fd, _, end in terms:
            with contextlib.suppress(OSError, struct.error):
                (extras,) = _INT.unpack(os.pread(fd, _INT.size, end - _INT.size))
                tails.append((fd, end - _INT.size - extras - _HASH_DIRECTORY,
                              _HASH_DIRECTORY + PAGE))
        for fd, end, documents in stored:
            with contextlib.suppress(OSError, struct.error, UnicodeDecodeError):
                start = _stored_arrays(os.pread(fd, 3, end - 3), end, documents)
                tails.append((fd, start, end - start))
        _advise(tails + columns)


def _stored_arrays(last: bytes, end: int, documents: int) -> int:
    """Where the arrays of stored fields' lengths and offsets start that end at `end`,
    from the column's last three bytes (their type codes), as Whoosh's
    VarBytesColumn.Reader finds them."""
    if last[-1:] != b"X":  # lengths only
        return end - 1 - documents * struct.calcsize(last[-1:].decode())
    return end - 3 - documents * (struct.calcsize(last[:1].decode())
                                  + struct.calcsize(last[1:2].decode()))


def _parts(fd: int) -> dict[str, tuple[int, int]]:
    """{sub-file name: (offset, length)} of one compound segment file, as Whoosh reads
    its directory (through a file of its own, not a memory map)."""
    try:
        compound = CompoundStorage(StructFile(os.fdopen(os.dup(fd), "rb")), use_mmap=False)
    except Exception:  # noqa: BLE001 - not one Whoosh can read either: it will say so
        return {}
    try:
        return {name: compound.range(name) for name in compound._dir}
    finally:
        compound.close()


def first_query_ahead(searcher: Any, terms: Iterable[tuple[str, str]], up_to: int) -> None:
    """terms_ahead for a searcher's segments, once a searcher (the first query, the one a
    cold start waits on), and only when segments times terms are at most `up_to`."""
    if searcher.__dict__.get("_newsdesk_ahead"):
        return
    readers = [reader for reader, _ in searcher.reader().leaf_readers()]
    wanted = set(terms)
    if len(readers) * len(wanted) <= up_to:
        terms_ahead(readers, wanted)
        searcher.__dict__["_newsdesk_ahead"] = True


def terms_ahead(readers: Iterable[Any], terms: Iterable[tuple[str, str]]) -> None:
    """Before these words are looked up in these segments' readers: the hash table slots,
    the entries they point to, and the postings, a round each for all of them together."""
    tables = [t for t in map(_term_table, readers) if t is not None]
    wanted = list(terms)
    probes: list[_Probe] = []
    round_: list[tuple[mmap.mmap, int, int]] = []
    for table in tables:
        for field, text in wanted:
            probe = _Probe.of(table, table.terms._keycoder(
                field, table.segment._text_to_bytes(field, text)))
            if probe is not None:
                probes.append(probe)
                round_.append((table.mapped, table.offset + probe.first, _pointer.size))
    _advise_mapped(round_)
    round_ = []
    for probe in probes:
        item = probe.entry()
        if item:
            round_.append((probe.table.mapped, probe.table.offset + item, PAGE))
    _advise_mapped(round_)
    round_ = []
    for table in tables:
        postings = mapped_part(table.segment, W3Codec.POSTS_EXT)
        if postings is None:
            continue
        for field, text in wanted:
            extent = _extent(table, field, text)
            if extent is not None:
                round_.append((postings[0], postings[1] + extent[0], extent[1]))
    _advise_mapped(round_)


def stored_ahead(searcher: Any, docnums: Iterable[int]) -> None:
    """Before these documents' stored fields are read (a page of results): where each
    one is in its segment's stored-fields column, asked for together."""
    leaves = searcher.reader().leaf_readers()
    starts = [start for _, start in leaves]
    advice: list[tuple[mmap.mmap, int, int]] = []
    for docnum in docnums:
        reader, start = leaves[bisect.bisect_right(starts, docnum) - 1]
        found = mapped_part(reader, _STORED)
        column = getattr(reader._perdoc._cached_reader("_stored", STORED_COLUMN), "_child",
                         None)  # (Whoosh's PickleColumn around the compressed bytes)
        if found is None or not hasattr(column, "_offsets"):
            continue
        local = docnum - start
        advice.append((found[0], found[1] + column._basepos + column._offsets[local],
                       column._lengths[local]))
    _advise_mapped(advice)


class _Probe(NamedTuple):
    """A word's look-up in one hash table of a segment's term table, as Whoosh's
    HashReader.ranges_for_key makes it: from the slot its hash names, slot after slot."""
    table: _TermTable
    hashed: int
    start: int  # where the hash table starts
    count: int  # its slots

    @staticmethod
    def of(table: _TermTable, key: bytes) -> _Probe | None:
        """The look-up of `key` (field number and term, as the term table keeps them);
        None if its hash table is empty."""
        hashed = table.hashes.hashfn(key)
        start, count = table.hashes.tables[hashed & 255]
        return _Probe(table, hashed, start, count) if count else None

    @property
    def first(self) -> int:
        return self.start + ((self.hashed >> 8) % self.count) * _pointer.size

    def entry(self) -> int:
        """Where the entry with the word's hash is (its key and value); 0 if none. With
        the table half empty, one look-up in two goes past the first slot; a neighbour's
        entry asked for instead would leave the word's own to be read from the disk."""
        get, slot = self.table.hashes.dbfile.get, self.first
        end = self.start + self.count * _pointer.size
        for _ in range(self.count):
            hashed, item = _pointer.unpack(get(slot, _pointer.size))
            if not item or hashed == self.hashed:
                return item
            slot = slot + _pointer.size if slot + _pointer.size < end else self.start
        return 0


def postings_ahead(reader: Any, offset: int, length: int) -> None:
    """Ask the kernel for a term's postings (`length` bytes at `offset` of the segment's
    postings) in one request before they are copied out of the mapped segment file.
    Copied cold, page by page, the faults read them a readahead window at a time: the 5 MB
    of "dlrs" at 1,000,000 articles took 84 to 98 ms from disk, and 3.2 to 4.9 ms after
    madvise(MADV_WILLNEED). Segments not in a memory-mapped compound file are read as
    Whoosh reads them."""
    if length < _POSTINGS_AHEAD_FROM:
        return
    found = mapped_part(reader, W3Codec.POSTS_EXT)
    if found is not None:
        _advise_mapped([(found[0], found[1] + offset, length)])


def mapped_part(reader: Any, ext: str) -> tuple[mmap.mmap, int] | None:
    """The memory map of a segment's compound file and where its part `ext` (Whoosh's
    name for it: W3Codec.POSTS_EXT, TERMS_EXT) starts in it; None if the segment is not
    read through one."""
    compound = getattr(getattr(reader, "_storage", None), "a", None)  # OverlayStorage
    mapped = getattr(compound, "_source", None)
    if not isinstance(mapped, mmap.mmap) or not hasattr(mapped, "madvise"):
        return None
    try:
        return mapped, compound.range(reader.segment().make_filename(ext))[0]
    except NameError:  # no such part
        return None


class _TermTable(NamedTuple):
    """A segment's term table, and where it is in its memory-mapped compound file."""
    segment: Any  # SegmentReader
    terms: Any  # W3TermsReader
    hashes: Any  # its OrderedHashReader
    mapped: mmap.mmap
    offset: int


def _term_table(reader: Any) -> _TermTable | None:
    terms = getattr(reader, "_terms", None)
    hashes = getattr(terms, "_tindex", None)
    found = mapped_part(reader, W3Codec.TERMS_EXT)
    if hashes is None or found is None:
        return None
    return _TermTable(reader, terms, hashes, *found)


def _extent(table: _TermTable, field: str, text: str) -> tuple[int, int] | None:
    """(offset, length) of a word's postings in the segment's postings; None if it has
    none there, or they are held in the term table."""
    try:
        info = table.terms.term_info(field, table.segment._text_to_bytes(field, text))
    except TermNotFound:
        return None
    return None if info.is_inlined() else postings_extent(info)


def postings_extent(info: Any) -> tuple[int, int]:
    """(offset, length) of a term's postings in its segment's postings, from its term
    info (W3TermInfo) as Whoosh reads it back from the term table."""
    offset, length = info.extent()
    if isinstance(length, tuple):  # (as the term table gives it back)
        (length,) = length
    return offset, length


def _advise(advice: Iterable[Advice]) -> None:
    for fd, offset, length in advice:
        with contextlib.suppress(OSError, ValueError):
            os.posix_fadvise(fd, max(0, offset), length, os.POSIX_FADV_WILLNEED)


def _advise_mapped(advice: Iterable[tuple[mmap.mmap, int, int]]) -> None:
    for mapped, offset, length in advice:
        aligned = offset - offset % PAGE  # (madvise takes whole pages)
        with contextlib.suppress(OSError, ValueError, AttributeError):
            mapped.madvise(mmap.MADV_WILLNEED, aligned, offset - aligned + length)
