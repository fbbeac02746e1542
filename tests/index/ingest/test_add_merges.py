"""Runs that add a little to an index merge nothing in their own commits: their merges
are made after them, apart (storage/merge_process.py); unless those have fallen behind,
when an add merges little (storage/segment_merging.py's merge_within). No merge copies a
damaged segment into a new one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import IndexPaths, index_paths
from newsdesk.index.storage import merge_process, merge_swap, segment_merging
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


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The merge process, run here at once (the small tiers seen) rather than detached:
    the documents of each merge it made."""
    sizes: list[int] = []
    build = merge_swap.build

    def counted(paths, schema, chosen):  # type: ignore[no-untyped-def]
        sizes.append(sum(s.doc_count_all() for s in chosen))
        return build(paths, schema, chosen)

    monkeypatch.setattr(merge_swap, "build", counted)
    monkeypatch.setattr(merge_process, "start", merge_process.run)
    return sizes


def _segments(settings: Settings) -> list[int]:
    from whoosh.filedb.filestore import FileStorage

    ix = FileStorage(str(index_paths(settings).whoosh)).open_index()
    try:
        return sorted(s.doc_count_all() for s in ix._segments())
    finally:
        ix.close()


def test_adds_leave_their_merges_to_the_merge_process(corpus_settings: Settings,
                                                     corpus_dir: Path, merges: list[int],
                                                     later: list[int]) -> None:
    for i in range(9):
        article(corpus_dir, f"{i}.txt", f"Title {i}", f"Zebra number {i}.")
        Indexer(corpus_settings).run()
        assert max(_by_class(_segments(corpus_settings)).values()) < 3  # none crowded
    # No add merged in its own commit: the third run's merge is a bulk run's (a third
    # of the index: ADD_FACTOR), its tidy.
    assert merges == [3]
    assert later == [3, 3, 9]  # three of one (twice), then three of three
    assert _segments(corpus_settings) == [9]
    assert search_ids(corpus_settings, "zebra") == sorted(str(i) for i in range(9))


def test_the_dashboard_searches_on_while_merges_remove_what_it_opened(
        corpus_settings: Settings, corpus_dir: Path, merges: list[int],
        later: list[int]) -> None:
    """An engine opened before adds whose merges apart remove every segment file it
    opened: it still searches and reads its articles (its snapshot), and once refreshed
    finds the adds."""
    for i in range(6):  # (two segments of three then: the second a merge apart)
        article(corpus_dir, f"{i}.txt", f"Title {i}", f"Zebra number {i}.")
        Indexer(corpus_settings).run()
    whoosh = index_paths(corpus_settings).whoosh
    with Engine(corpus_settings) as engine:
        opened = {name for name in os.listdir(whoosh) if name.endswith(".seg")}
        assert sorted(h.id for h in engine.search("zebra").hits) == [str(i) for i in range(6)]
        for i in range(6, 9):
            article(corpus_dir, f"{i}.txt", f"Title {i}", f"Zebra number {i}.")
            Indexer(corpus_settings).run()
        assert later == [3, 3, 9]
        assert not opened & set(os.listdir(whoosh))  # gone at the swap, not at a commit
        # (Words not searched before: their postings read from the files now.)
        for query in ("zebra", "number", "title", "numb*"):
            assert sorted(h.id for h in engine.search(query).hits) == [str(i) for i in range(6)]
        assert engine.refresh()
        assert sorted(h.id for h in engine.search("zebra").hits) == [str(i) for i in range(9)]
    assert _segments(corpus_settings) == [9]


def test_adds_merge_themselves_once_the_merges_apart_fall_behind(
        corpus_settings: Settings, corpus_dir: Path, merges: list[int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Merges apart that never happen (abandoned, killed): segments pile up to
    OVERDUE_TIERS * TIER of a size class, no further."""
    started: list[IndexPaths] = []
    monkeypatch.setattr(merge_process, "start", started.append)
    for i in range(11):
        article(corpus_dir, f"{i}.txt", f"Title {i}", f"Zebra number {i}.")
        Indexer(corpus_settings).run()
        assert max(_by_class(_segments(corpus_settings)).values()) <= 2 * 3
    assert len(started) == 6  # runs 6 to 11, each leaving a class crowded, asked
    # The third run's tidy (a bulk run); then the tenth, which met six of one size.
    assert merges == [3, 3]
    assert _segments(corpus_settings) == [1, 1, 1, 1, 1, 3, 3]
    assert search_ids(corpus_settings, "zebra") == sorted(str(i) for i in range(11))


def _by_class(sizes: list[int]) -> dict[int, int]:
    found: dict[int, int] = {}
    for size in sizes:
        found[segment_merging.size_class(size)] = found.get(segment_merging.size_class(size),
                                                            0) + 1
    return found


def test_a_damaged_segment_is_not_merged_but_rebuilt(corpus_settings: Settings,
                                                     corpus_dir: Path,
                                                     merges: list[int]) -> None:
    """Bit rot under an unchanged mtime is not read as the index opens (only `index
    --check` reads every file); a merge reads its segments' sums first."""
    for i in range(2):
        article(corpus_dir, f"{i}.txt", f"Title {i}", f"Zebra number {i}.")
        Indexer(corpus_settings).run()
    assert merges == [] and len(_segments(corpus_settings)) == 2
    for segment in index_paths(corpus_settings).whoosh.glob("*.seg"):
        stat = segment.stat()
        data = bytearray(segment.read_bytes())
        data[len(data) // 2] ^= 0x5A
        segment.write_bytes(bytes(data))
        os.utime(segment, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    article(corpus_dir, "2.txt", "Title 2", "Zebra number 2.")
    report = Indexer(corpus_settings).run()  # its tidy would merge the three of size 1
    assert "damaged" in report.notice
    assert search_ids(corpus_settings, "zebra") == [str(i) for i in range(3)]
    assert merges == []  # the damaged ones were not merged; the rebuild needed no merge


def test_a_bulk_run_ends_with_no_size_class_crowded(corpus_settings: Settings,
                                                    corpus_dir: Path,
                                                    merges: list[int]) -> None:
    """A build of one article a batch: MERGE_SMALL (five or more at a time) leaves four of
    one size at the end; the run's tidy merges three of them, so the next add pays for
    nothing it did not add."""
    corpus_settings.index.batch_size = 1
    for i in range(9):
        article(corpus_dir, f"{i}.txt", f"Title {i}", f"Zebra number {i}.")
    Indexer(corpus_settings).run()
    sizes = _segments(corpus_settings)
    assert merges and max(_by_class(sizes).values()) < 3, sizes
    assert sum(sizes) == 9
    assert search_ids(corpus_settings, "zebra") == [str(i) for i in range(9)]
