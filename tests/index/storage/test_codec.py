"""newsdesk's codec stores the postings Whoosh's own codec stores, and the two mix."""

from __future__ import annotations

import random
from array import array
from pathlib import Path

import numpy as np
import pytest
from whoosh import fields
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Positions
from whoosh.query import Phrase

from newsdesk.index import analysis
from newsdesk.index.query import phrases
from newsdesk.index.query.matching import TermDocs
from newsdesk.index.query.phrases import phrase_docnums, phrase_occurrences
from newsdesk.index.storage import codec, page_ahead, segment_merging
from newsdesk.index.storage.codec import (
    ArrayLeafMatcher,
    NewsdeskCodec,
    decode_values,
    decode_weights,
    encode_block,
)
from newsdesk.index.storage.positions import ArrayPositions
from newsdesk.index.storage.posting_arrays import TermBlocks
from newsdesk.index.storage.schema import SEARCH_FIELDS, build_schema, facet_value
from tests.helpers.generated import WORDS
from tests.helpers.segments import build, contents, small_blocks


def test_the_codec_stores_what_whoosh_stores(tmp_path: Path) -> None:
    build(tmp_path / "whoosh", [None, None])
    build(tmp_path / "newsdesk", [small_blocks(), small_blocks()])
    ix = FileStorage(str(tmp_path / "newsdesk")).open_index()
    with ix.searcher() as searcher:
        reader, _ = searcher.reader().leaf_readers()[0]
        matcher = reader._terms.matcher("title", b"said", reader.schema["title"].format)
        assert isinstance(matcher, ArrayLeafMatcher)
        blocks = 0
        while matcher.is_active():
            blocks += 1
            matcher._next_block()
        assert blocks > 1
    ix.close()
    assert contents(tmp_path / "newsdesk") == contents(tmp_path / "whoosh")


def test_segments_of_both_codecs_read_and_merge(tmp_path: Path) -> None:
    build(tmp_path / "whoosh", [None] * 6, per_segment=30)
    build(tmp_path / "mixed", [None, small_blocks()] * 3, per_segment=30)
    assert contents(tmp_path / "mixed") == contents(tmp_path / "whoosh")
    for name in ("whoosh", "mixed"):
        ix = FileStorage(str(tmp_path / name)).open_index()
        ix.writer(codec=small_blocks()).commit(
            mergetype=lambda writer, segments: [segment_merging.merge(writer, segments)])
        ix.close()
    merged = contents(tmp_path / "mixed")
    assert merged["segments"] == 1
    assert merged == contents(tmp_path / "whoosh")


def _positions_kept(folder: Path) -> set[bytes]:
    """How the blocks of "said" in the body of the index's newsdesk segments keep their
    positions."""
    ix = FileStorage(str(folder)).open_index()
    kept = set()
    with ix.searcher() as searcher:
        for reader, _ in searcher.reader().leaf_readers():
            blocks = TermBlocks(reader, "body", "said")
            if blocks._blocks is not None:
                for count, start in zip(blocks._blocks.counts, blocks._blocks.starts,
                                        strict=True):
                    kept.add(codec.layout(blocks._postings, start, count)[-1])
    ix.close()
    return kept


@pytest.mark.parametrize("written", ["packed", "compressed"])
def test_posting_arrays_read_what_whooshs_matchers_read(
        tmp_path: Path, written: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every term of segments of both codecs, read as arrays (all blocks, or only those
    that may hold some documents), against the matcher's postings one at a time. Positions
    as this codec packs them, or compressed as it wrote them before (indexes of then)."""
    if written == "compressed":
        encode = codec.encode_block
        monkeypatch.setattr(codec, "encode_block",
                            lambda *args, positions=False: encode(*args[:5]))
    build(tmp_path / "mixed", [None, small_blocks()] * 2, per_segment=200)
    assert _positions_kept(tmp_path / "mixed") == (
        {b"B", b"H"} if written == "packed" else {codec._COMPRESSED})
    ix = FileStorage(str(tmp_path / "mixed")).open_index()
    rng = random.Random(3)
    with ix.searcher() as searcher:
        for reader, _ in searcher.reader().leaf_readers():
            for field in ("title", "body", "actors"):
                fmt = reader.schema[field].format
                for text in reader.lexicon(field):
                    text = text.decode() if isinstance(text, bytes) else text
                    matcher = reader._terms.matcher(  # deleted documents too, as read
                        field, reader._text_to_bytes(field, text), fmt)
                    expected = []
                    while matcher.is_active():
                        positions = fmt.decode_positions(matcher.value()) \
                            if fmt.supports("positions") else None
                        expected.append((matcher.id(), matcher.weight(), positions))
                        matcher.next()
                    blocks = TermBlocks(reader, field, text)
                    read = blocks.read(positions=fmt.supports("positions"))
                    assert read.docnums.tolist() == [d for d, _, _ in expected]
                    assert read.weights.tolist() == [w for _, w, _ in expected]
                    if read.positions is not None:
                        assert read.positions.tolist() == [p for *_, ps in expected for p in ps]
                        assert read.counts.tolist() == [len(ps) for *_, ps in expected]
                    wanted = sorted(rng.sample([d for d, _, _ in expected],
                                               min(3, len(expected))))
                    some = blocks.read(wanted).docnums.tolist()
                    assert set(wanted) <= set(some) <= {d for d, _, _ in expected}
    ix.close()


def test_blocks_of_every_width_round_trip() -> None:
    positions = Positions()
    values = [positions.encode(list(range(i % 7 + 1))) for i in range(5)]
    for ids, weights in (([0, 1, 2, 3, 4], [1.0] * 5),
                         ([10, 300, 70_000, 70_001, 5_000_000], [2.0, 4.0, 300.0, 1.0, 70_000.0]),
                         ([1, 2, 3, 4, 5], [0.5, 1.25, 3.0, 1.0, 2.0])):
        data, compressed = encode_block(array("I", ids), array("f", weights), values, None, 3)
        assert compressed
        assert list(decode_weights(data, 5)) == weights
        assert decode_values(data, 5, None) == tuple(values)
    data, compressed = encode_block(array("I", [3, 4]), array("f", [1.0, 1.0]), [], 0, 3)
    assert not compressed
    assert decode_values(data, 2, 0) == (None, None)


@pytest.mark.parametrize(("top", "kept"), [(200, b"B"), (60_000, b"H"), (70_000, b"I")])
def test_positions_are_packed_at_the_narrowest_width(top: int, kept: bytes) -> None:
    fmt = ArrayPositions()
    positions = [[0, 5, top], [7], [1, 2, 3, 4]]
    values = [fmt.encode(p) for p in positions]
    data, compressed = encode_block(array("I", [1, 2, 3]), array("f", [3.0, 1.0, 4.0]),
                                    values, None, 3, positions=True)
    assert not compressed
    assert codec.layout(data, 0, 3)[-1] == kept
    assert decode_values(data, 3, None) == tuple(values)
    assert [fmt.decode_positions(v) for v in decode_values(data, 3, None)] == positions


def test_a_fixed_size_format_round_trips(tmp_path: Path) -> None:
    schema = fields.Schema(n=fields.NUMERIC(stored=True), tag=fields.KEYWORD)
    ix = FileStorage(str(tmp_path)).create().create_index(schema)
    writer = ix.writer(codec=NewsdeskCodec())
    for i in range(400):
        writer.add_document(n=i, tag=f"t{i % 3}")
    writer.commit()
    with ix.searcher() as searcher:
        assert [searcher.doc_count()] == [400]
        assert sorted(searcher.document_numbers(tag="t1")) == list(range(1, 400, 3))
        reader, _ = searcher.reader().leaf_readers()[0]
        assert isinstance(reader.postings("tag", "t1"), ArrayLeafMatcher)
    ix.close()


def test_positions_round_trip() -> None:
    fmt = ArrayPositions(field_boost=2.0)
    for positions in ([0], [3, 10, 200, 5000], list(range(0, 3000, 3)), [7, 70_000, 2**31]):
        value = fmt.encode(positions)
        assert fmt.decode_positions(value) == positions
        assert fmt.decode_frequency(value) == len(positions)
        assert fmt.decode_weight(value) == 2.0 * len(positions)


def test_phrases_find_the_same_in_array_and_pickled_positions(tmp_path: Path) -> None:
    """The phrase reader's two ways (positions as arrays, and Whoosh's pickles in an index
    built before them) find what Whoosh's own phrase query finds."""
    old_schema = build_schema()
    for name in SEARCH_FIELDS:
        old_schema[name].format = Positions(field_boost=old_schema[name].format.field_boost)
    found = {}
    for name, schema, writing in (("arrays", build_schema(), small_blocks()),
                                  ("pickles", old_schema, None)):
        rng = random.Random(8)
        ix = FileStorage(str(tmp_path / name)).create().create_index(schema)
        writer = ix.writer() if writing is None else ix.writer(codec=writing)
        for number in range(400):
            body = " ".join(rng.choice(WORDS[:12]) for _ in range(rng.randint(3, 40)))
            writer.add_document(id=f"a{number}", title="t", body=body, path="p",
                                indexed=number, facet=facet_value(None, "wire"))
        writer.commit()
        with ix.searcher() as searcher:
            for slop in (1, 3):
                for words in (WORDS[:2], WORDS[2:5], [WORDS[6], WORDS[6]], WORDS[1:2]):
                    phrase = Phrase("body", analysis.terms(" ".join(words)), slop=slop)
                    ours = by_document(phrase_occurrences(searcher, phrase))
                    theirs = {hit.docnum for hit in searcher.search(phrase, limit=None)}
                    assert set(ours) == theirs, (name, words, slop)
                    found[(name, tuple(words), slop)] = ours
        ix.close()
    assert {k[1:]: v for k, v in found.items() if k[0] == "arrays"} == \
        {k[1:]: v for k, v in found.items() if k[0] == "pickles"}
    assert any(found.values())


def by_document(found: list[phrases.SegmentMatches]) -> dict[int, list[float]]:
    return {m.offset + d: [w[i] for w in m.weights] for m in found
            for i, d in enumerate(m.docnums)}


def test_a_cached_phrase_is_found_once_and_restricted_on_the_way_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(tmp_path / "ix", [small_blocks()], per_segment=300)
    ix = FileStorage(str(tmp_path / "ix")).open_index()
    with ix.searcher() as searcher:
        terms = TermDocs(searcher)
        phrase = Phrase("title", ["stori", "said"])
        assert phrase_docnums(searcher, phrase)  # every title ends "story said"
        looked = []
        real = phrases._occurrences
        monkeypatch.setattr(phrases, "_occurrences",
                            lambda *args: looked.append(args) or real(*args))
        first = phrase_occurrences(searcher, phrase, cache=terms.phrases)
        again = phrase_occurrences(searcher, phrase, cache=terms.phrases)
        within = set(range(0, 300, 7))
        ordered = np.array(sorted(within))
        some = phrase_occurrences(searcher, phrase, ordered, cache=terms.phrases)
        assert first is again and len(looked) == 1
        assert by_document(some) == by_document(real(searcher, phrase, ordered))
        assert {m.offset + d for m in some for d in m.docnums} == \
            within & phrase_docnums(searcher, phrase)
    ix.close()


@pytest.mark.parametrize(("small", "large"), [(0, 50), (40, 5_000), (3_000, 5_000),
                                              (5_000, 5_000)])
def test_common_numbers_by_search_or_by_merge(small: int, large: int) -> None:
    """phrases._common searches the smaller array in the larger, or merges two of about
    the same size: the same numbers either way."""
    rng = np.random.default_rng(small + large)
    a = np.unique(rng.integers(0, 20_000, small))
    b = np.unique(rng.integers(0, 20_000, large))
    for x, y in ((a, b), (b, a)):
        assert phrases._common(x, y).tolist() == np.intersect1d(x, y).tolist()


def test_postings_are_read_ahead_where_they_are_mapped(tmp_path: Path) -> None:
    """posting_arrays asks the kernel for a big term's postings before copying them: the
    range it asks for is where those postings are in the mapped segment file."""
    build(tmp_path / "ix", [small_blocks()], per_segment=300)
    ix = FileStorage(str(tmp_path / "ix")).open_index()
    with ix.searcher() as searcher:
        reader, _ = searcher.reader().leaf_readers()[0]
        found = page_ahead.mapped_part(reader, W3Codec.POSTS_EXT)
        assert found is not None
        mapped, start = found
        info = reader._terms.term_info("body", b"said")
        offset, (length,) = info.extent()
        blocks = TermBlocks(reader, "body", "said")
        assert len(blocks._postings) == length > 1000
        assert mapped[start + offset:start + offset + length] == blocks._postings
    ix.close()
