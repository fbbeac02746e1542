"""Small Whoosh indexes of many segments, written by Whoosh's codec or newsdesk's, and
everything a merge or a codec must keep of them."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage

from newsdesk.index.storage import segment_merging
from newsdesk.index.storage.bulk_segment import commit
from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.schema import build_schema, facet_value
from tests.helpers.generated import WORDS


def small_segments(folder: Path, segments: int = 9) -> None:
    """An index of many small segments, a few documents deleted from two of them."""
    segmented_index(folder, [None] * segments, 7, ("a3", "a4", "a20"), seed=3)


def segmented_index(folder: Path, codecs: list[Any], per_segment: int,
                    gone: tuple[str, ...], seed: int) -> None:
    """One segment per codec (None: Whoosh's), then the documents `gone` deleted. Every
    title holds "said"; every 37th body holds it 300 times more (weights above 255)."""
    rng = random.Random(seed)
    ix = FileStorage(str(folder)).create().create_index(build_schema())
    number = 0
    for codec in codecs:
        writer = ix.writer() if codec is None else ix.writer(codec=codec)
        for _ in range(per_segment):
            words = [rng.choice([*WORDS, "said"]) for _ in range(rng.randint(1, 80))]
            if number % 37 == 0:
                words += ["said"] * 300
            writer.add_document(id=f"a{number}", title=f"{rng.choice(WORDS)} story said",
                                body=" ".join(words), path="corpus.jsonl", indexed=number,
                                actors="k1,k2", facet=facet_value(None, "wire"), source="Wire")
            number += 1
        writer.commit(merge=False)
    writer = ix.writer()
    for document in gone:
        writer.delete_by_term("id", document)
    writer.commit(merge=False)
    ix.close()


def contents(folder: Path) -> dict[str, Any]:
    """Everything a merge must keep: stored fields in order, every posting, term
    statistics and each document's field lengths."""
    ix = FileStorage(str(folder)).open_index()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        postings, stats = {}, {}
        for field, text in reader.all_terms():
            matcher = reader.postings(field, text)
            found = []
            while matcher.is_active():
                found.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            postings[(field, text)] = found
            info = reader.term_info(field, text)
            stats[(field, text)] = (info.weight(), info.doc_frequency(), info.min_length(),
                                    info.max_length(), info.max_weight())
        lengths = {f: [reader.doc_field_length(d, f) for d in range(reader.doc_count_all())]
                   for f in ("title", "body")}
        return {"stored": list(reader.all_stored_fields()), "postings": postings,
                "stats": stats, "lengths": lengths, "segments": len(ix._segments())}


def small_blocks() -> NewsdeskCodec:
    """The codec with blocks of 32 postings: the few hundred documents here then make terms
    of several blocks, as a big corpus does with blocks of 512."""
    return NewsdeskCodec(blocklimit=32)


def build(folder: Path, codecs: list[object], per_segment: int = 150) -> None:
    """One segment per codec (None: Whoosh's), with terms of several blocks and weights
    above 255, then a few documents deleted."""
    segmented_index(folder, codecs, per_segment, ("a3", "a160", "a161"), seed=5)


def merged_whole(folder: Path, codec: NewsdeskCodec) -> None:
    """Merge every segment of the index in `folder` into one, by segment_merging.merge,
    and commit it."""
    ix = FileStorage(str(folder)).open_index()
    writer = ix.writer(codec=codec)
    merged = segment_merging.merge(writer, ix._segments())
    commit(writer, None, lambda w, segments: [merged])
    ix.close()
