"""A merge reading term tables and postings in bulk (storage/segment_terms.py,
storage/segment_postings.py) writes what Whoosh's field writer writes one posting at a
time: segments tiny and big, of either codec, deletions, updates, terms in one segment
only, terms all of whose documents are deleted, blocks the bulk reader declines."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import numpy as np
import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader
from whoosh.system import pack_ushort

from newsdesk.index.storage import array_merging, piece_packing, segment_postings
from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.posting_arrays import term_arrays
from newsdesk.index.storage.schema import build_schema, facet_value
from newsdesk.index.storage.segment_postings import POSITIONS, decode_terms, read_span
from newsdesk.index.storage.segment_terms import FieldCursor
from tests.helpers.generated import WORDS
from tests.helpers.segments import contents, merged_whole, small_blocks


def _index(folder: Path, sizes: list[int], codecs: list[object], seed: int) -> None:
    """Segments of `sizes` documents; words of each segment's own (`only<s>`) besides
    shared ones; the second segment's documents come again (updated) in the last one; one
    word's every document deleted."""
    rng = random.Random(seed)
    ix = FileStorage(str(folder)).create().create_index(build_schema())
    number = 0
    for s, (size, codec) in enumerate(zip(sizes, codecs, strict=True)):
        writer = ix.writer() if codec is None else ix.writer(codec=codec)
        if s == len(sizes) - 1 and len(sizes) > 2:
            for n in range(sizes[0], sizes[0] + sizes[1]):
                writer.delete_by_term("id", f"a{n}")
        for _ in range(size):
            words = [rng.choice([*WORDS, f"only{s}", "said"]) for _ in range(rng.randint(1, 60))]
            if number % 29 == 0:
                words += ["said"] * rng.randint(200, 400) + ["doomed"]
            ident = number
            if s == len(sizes) - 1 and len(sizes) > 2 and number - sizes[-1] < sizes[1]:
                ident = sizes[0] + (number % sizes[1])  # an update of an earlier document
            writer.add_document(id=f"a{ident}", title=f"{rng.choice(WORDS)} story {s}",
                                body=" ".join(words), path="corpus.jsonl", indexed=number,
                                actors=f"k{s},k{number % 3}",
                                facet=facet_value(None, "wire"), source=f"Wire {s % 2}")
            number += 1
        writer.commit(merge=False)
    writer = ix.writer()
    writer.delete_by_term("body", "doomed")  # (a word left in no live document)
    writer.delete_by_term("id", "a1")
    writer.commit(merge=False)
    ix.close()


VARIANTS = {
    "tiny and big": ([1, 2, 300, 1, 40], [NewsdeskCodec()] * 5),
    "small blocks, both codecs": ([120, 7, 200, 60], [small_blocks(), None, small_blocks(),
                                                      NewsdeskCodec()]),
    "two": ([90, 150], [small_blocks(), small_blocks()]),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_bulk_merge_writes_what_one_posting_at_a_time_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variant: str) -> None:
    sizes, codecs = VARIANTS[variant]
    _index(tmp_path / "base", sizes, codecs, seed=len(variant))
    for name in ("bulk", "pieces", "declined", "one-by-one"):
        shutil.copytree(tmp_path / "base", tmp_path / name)
    before = contents(tmp_path / "base")
    merged_whole(tmp_path / "bulk", small_blocks())
    trims: list[int] = []
    release = array_merging.release_memory
    with monkeypatch.context() as patched:  # blocks decoded and packed a few at a time,
        patched.setattr(segment_postings, "GROUP_BYTES", 300)  # the heap trimmed often
        patched.setattr(piece_packing, "PIECE_LOAD", 100)
        patched.setattr(array_merging, "TRIM_EVERY", 50)
        patched.setattr(array_merging, "release_memory", lambda: trims.append(1) or release())
        merged_whole(tmp_path / "pieces", small_blocks())
    assert len(trims) > 2  # (within fields, not only once the postings are written)
    with monkeypatch.context() as patched:  # every block read a term at a time instead,
        patched.setattr(array_merging, "decode_terms", lambda *args: None)
        patched.setattr(array_merging, "MERGE_TERMS", 5)  # term tables a few terms a time
        merged_whole(tmp_path / "declined", small_blocks())
    monkeypatch.setattr(array_merging, "usable", lambda codec: False)
    merged_whole(tmp_path / "one-by-one", small_blocks())
    ours, theirs = contents(tmp_path / "bulk"), contents(tmp_path / "one-by-one")
    assert ours["segments"] == 1 < before["segments"]
    assert ours == theirs == contents(tmp_path / "declined") == contents(tmp_path / "pieces")
    assert ours["stored"] == before["stored"]
    assert ("body", "doomed") not in ours["postings"]
    only = [key for key in ours["postings"] if key[1].startswith(b"only")]
    assert len(only) >= 2 and max(len(ours["postings"][k]) for k in only) > 32


def test_term_table_read_whole_is_whoosh_walk(tmp_path: Path) -> None:
    _index(tmp_path / "ix", [150, 3], [small_blocks(), None], seed=2)
    ix = FileStorage(str(tmp_path / "ix")).open_index()
    total = 0
    for segment in ix._segments():
        reader = SegmentReader(ix.storage, ix.schema, segment)
        walked = list(reader._terms._tindex.items())
        numbers = reader._terms._fieldmap
        ours = []
        for field in sorted(numbers, key=numbers.__getitem__):
            cursor = FieldCursor(reader, field)
            while not cursor.done:
                terms = cursor.read(7)
                ours += [(pack_ushort(numbers[field]) + text, terms.info_bytes(k))
                         for k, text in enumerate(terms.texts)]
        assert ours == walked
        total += len(ours)
        reader.close()
    assert total > 100
    ix.close()


@pytest.mark.parametrize("group_bytes", [1 << 20, 200])
def test_postings_decoded_at_once_are_those_of_each_term(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group_bytes: int) -> None:
    monkeypatch.setattr(segment_postings, "GROUP_BYTES", group_bytes)
    _index(tmp_path / "ix", [300], [small_blocks()], seed=4)
    ix = FileStorage(str(tmp_path / "ix")).open_index()
    reader = SegmentReader(ix.storage, ix.schema, ix._segments()[0])
    terms = FieldCursor(reader, "body").read(1 << 20)
    read = np.flatnonzero(~terms.inlined)
    data, starts = read_span(reader._terms._postfile, terms.offset[read], terms.length[read])
    found = decode_terms(data, starts, POSITIONS)
    assert found is not None and found.counts is not None and found.positions is not None
    position_starts = np.concatenate(([0], np.cumsum(found.counts)))
    several = 0
    for n, k in enumerate(read.tolist()):
        one = term_arrays(reader, "body", terms.texts[k].decode(), positions=True)
        mine = np.flatnonzero(found.term == n)
        several += len(mine) > 32
        assert found.docs[mine].tolist() == one.docnums.tolist()
        assert found.weights[mine].tolist() == one.weights.tolist()
        assert found.counts[mine].tolist() == one.counts.tolist()
        assert found.positions[position_starts[mine[0]]:position_starts[mine[-1] + 1]
                               ].tolist() == one.positions.tolist()
    assert several  # (terms of several blocks)
    reader.close()
    ix.close()
