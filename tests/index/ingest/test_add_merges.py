"""Runs that add a little to an index merge little (storage/segment_merging.py's
merge_within), and never merge a damaged segment into a new one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import segment_merging
from tests.index.ingest.test_indexer import article, search_ids


@pytest.fixture
def merges(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The documents of every merge, small tiers for small indexes: a run merges at most
    three times what it added, three segments at a time."""
    monkeypatch.setattr(segment_merging, "ADD_FACTOR", 3)
    monkeypatch.setattr(segment_merging, "TIER", 3)
    sizes: list[int] = []
    merge = segment_merging.merge

    def counted(writer, segments):  # type: ignore[no-untyped-def]
        sizes.append(sum(s.doc_count_all() for s in segments))
        return merge(writer, segments)

    monkeypatch.setattr(segment_merging, "merge", counted)
    return sizes


def _segments(settings: Settings) -> list[int]:
    from whoosh.filedb.filestore import FileStorage

    ix = FileStorage(str(index_paths(settings).whoosh)).open_index()
    try:
        return sorted(s.doc_count_all() for s in ix._segments())
    finally:
        ix.close()


def test_adds_of_one_article_merge_three_at_a_time(corpus_settings: Settings,
                                                   corpus_dir: Path, merges: list[int]) -> None:
    for i in range(9):
        article(corpus_dir, f"{i}.txt", f"Title {i}", f"Zebra number {i}.")
        Indexer(corpus_settings).run()
    # Whoosh's MERGE_SMALL would have merged five or more at once, and none before five.
    assert merges == [3, 3]  # at the 5th and 7th runs (before, the bound held all)
    assert _segments(corpus_settings) == [1, 1, 1, 3, 3]
    assert search_ids(corpus_settings, "zebra") == sorted(str(i) for i in range(9))


def test_a_damaged_segment_is_not_merged_but_rebuilt(corpus_settings: Settings,
                                                     corpus_dir: Path,
                                                     merges: list[int]) -> None:
    """Bit rot under an unchanged mtime is not read as the index opens (only `index
    --check` reads every file); a merge reads its segments' sums first."""
    for i in range(4):
        article(corpus_dir, f"{i}.txt", f"Title {i}", f"Zebra number {i}.")
        Indexer(corpus_settings).run()
    assert merges == [] and len(_segments(corpus_settings)) == 4
    for segment in index_paths(corpus_settings).whoosh.glob("*.seg"):
        stat = segment.stat()
        data = bytearray(segment.read_bytes())
        data[len(data) // 2] ^= 0x5A
        segment.write_bytes(bytes(data))
        os.utime(segment, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    article(corpus_dir, "4.txt", "Title 4", "Zebra number 4.")
    report = Indexer(corpus_settings).run()  # it would merge three (its bound: 3 of 4)
    assert "damaged" in report.notice
    assert search_ids(corpus_settings, "zebra") == [str(i) for i in range(5)]
    assert merges == []  # the damaged ones were not merged; the rebuild needed no merge
