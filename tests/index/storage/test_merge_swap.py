"""Merges built beside the index and swapped in under Whoosh's write lock (storage/
merge_swap.py, merge_process.py): what they write is what a merge in a commit writes;
deletions and adds made meanwhile survive; a swap whose segments went is abandoned; a
kill at any point leaves an index stock Whoosh opens, with every document, and the next
run cleans up and completes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from whoosh import scoring
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import QueryParser

from newsdesk.index.ingest import indexer
from newsdesk.index.paths import IndexPaths
from newsdesk.index.storage import (
    integrity,
    merge_process,
    merge_swap,
    segment_build,
    segment_merging,
)
from newsdesk.index.storage.bulk_segment import commit
from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.schema import write_version
from newsdesk.index.storage.whoosh_fixes import file_storage
from tests.helpers.segments import contents, segmented_index

QUERIES = ("said", "title:story", "title:said", "body:said OR title:story")


def _index(root: Path, gone: tuple[str, ...] = ("a3", "a20")) -> IndexPaths:
    """TIER segments of 7 documents (one crowded size class), some deleted."""
    root.mkdir()
    segmented_index(root / "whoosh", [NewsdeskCodec()] * segment_merging.TIER, 7, gone,
                    seed=3)
    return IndexPaths(root)


def _built_apart(paths: IndexPaths) -> merge_swap.Built:
    """The crowded class's merge, built apart from the index as it is now."""
    toc = merge_swap.snapshot(paths)
    return merge_swap.build(paths, toc.schema, segment_merging.crowded_segments(toc.segments))


def _hits(folder: Path) -> dict[str, dict[str, float]]:
    """Each query's hits, id -> BM25F score, as stock Whoosh searches them."""
    ix = FileStorage(str(folder)).open_index()
    found = {}
    with ix.searcher(weighting=scoring.BM25F()) as searcher:
        for text in QUERIES:
            query = QueryParser("body", ix.schema).parse(text)
            found[text] = {hit["id"]: round(hit.score, 9)
                           for hit in searcher.search(query, limit=None)}
    ix.close()
    return found


def _segment_count(folder: Path) -> int:
    ix = FileStorage(str(folder)).open_index()
    try:
        return len(ix._segments())
    finally:
        ix.close()


def _orphans(paths: IndexPaths) -> set[str]:
    """Segment files in whoosh/ that the latest table of contents does not name."""
    named = {s.segment_id() for s in merge_swap.snapshot(paths).segments}
    return {name for name in os.listdir(paths.whoosh)
            if name.endswith(".seg") and name.split(".", 1)[0] not in named}


def _clean(paths: IndexPaths) -> None:
    """No leftovers: no folder apart, no segment file the table does not name (a swap
    removes the merged-away ones, the next merge run what a killed swap left), and once
    the next commit has cleaned up (the old tables of contents), whoosh/ holds the latest
    table, its segments' files and the lock, nothing else."""
    assert not merge_swap.merging_folder(paths).exists()
    assert _orphans(paths) == set()
    ix = FileStorage(str(paths.whoosh)).open_index()
    ix.writer().commit(merge=False)
    ix.close()
    toc = merge_swap.snapshot(paths)
    names = {f"{s.segment_id()}.seg" for s in toc.segments}
    assert set(os.listdir(paths.whoosh)) == names | {f"_MAIN_{toc.generation}.toc",
                                                     "MAIN_WRITELOCK"}


def test_a_merge_apart_writes_what_a_merge_in_a_commit_writes(tmp_path: Path) -> None:
    paths = _index(tmp_path / "apart")
    shutil.copytree(paths.root, tmp_path / "commit")
    ix = FileStorage(str(tmp_path / "commit" / "whoosh")).open_index()
    writer = ix.writer(codec=NewsdeskCodec())
    commit(writer, None, segment_merging.tidy())
    ix.close()

    assert merge_process.run(paths) == 1
    ours, theirs = contents(paths.whoosh), contents(tmp_path / "commit" / "whoosh")
    assert ours["segments"] == 1
    assert ours == theirs
    _clean(paths)


def test_searches_find_the_same_hits_and_scores_after_the_merge(tmp_path: Path) -> None:
    """The same hits; the scores those of Whoosh's own merge of the same segments (a merge
    sums its documents' field lengths from their one-byte encodings, as Whoosh's does:
    the average a score divides by moves by a fraction of a percent, as at every merge)."""
    paths = _index(tmp_path / "ix", gone=())
    before = _hits(paths.whoosh)
    shutil.copytree(paths.root, tmp_path / "stock")
    ix = FileStorage(str(tmp_path / "stock" / "whoosh")).open_index()
    ix.optimize()
    ix.close()
    assert merge_process.run(paths) == 1
    assert _segment_count(paths.whoosh) == 1
    after = _hits(paths.whoosh)
    assert after == _hits(tmp_path / "stock" / "whoosh")
    assert {q: set(h) for q, h in after.items()} == {q: set(h) for q, h in before.items()}
    assert all(abs(after[q][i] - s) <= 0.01 * s
               for q, h in before.items() for i, s in h.items())
    assert all(before.values())


def _everything(searcher: Any) -> tuple[dict[str, dict[str, float]], dict[str, Any]]:
    """What a searcher finds for QUERIES (id -> BM25F score) and each document's stored
    fields and facet column, by id."""
    parser = QueryParser("body", searcher.schema)
    hits = {text: {hit["id"]: round(hit.score, 9)
                   for hit in searcher.search(parser.parse(text), limit=None)}
            for text in QUERIES}
    reader = searcher.reader()
    facets = reader.column_reader("facet")
    documents = {reader.stored_fields(d)["id"]: (reader.stored_fields(d), facets[d])
                 for d in reader.all_doc_ids()}
    return hits, documents


@pytest.mark.parametrize("storage", ["stock mapped", "stock read", "newsdesk's"])
def test_a_reader_opened_before_the_swap_keeps_working(tmp_path: Path, storage: str) -> None:
    """A searcher of the old table of contents (the dashboard's, a search under way),
    opened before the swap removed every segment file it reads: it searches, and reads
    for the first time the stored fields and a column, as before; a new one finds the
    merge. (Its files' space comes back once it closes.)"""
    paths = _index(tmp_path / "ix")
    reference = _index(tmp_path / "reference")
    opened = {"stock mapped": FileStorage(str(paths.whoosh)),
              "stock read": FileStorage(str(paths.whoosh), supports_mmap=False),
              "newsdesk's": file_storage(paths.whoosh)}[storage]
    ix = opened.open_index()
    searcher = ix.searcher(weighting=scoring.BM25F())  # opened, nothing read yet
    files = {name for name in os.listdir(paths.whoosh) if name.endswith(".seg")}
    assert merge_process.run(paths) == 1
    assert not files & set(os.listdir(paths.whoosh))  # removed without a commit
    try:
        found = _everything(searcher)
        with FileStorage(str(reference.whoosh)).open_index().searcher(
                weighting=scoring.BM25F()) as unmerged:
            assert found == _everything(unmerged)
        assert len(found[1]) == 10 * 7 - 2 and all(found[0].values())
        assert not searcher.up_to_date()
    finally:
        searcher.close()
    with ix.searcher(weighting=scoring.BM25F()) as fresh:
        assert len(fresh.reader().leaf_readers()) == 1
        hits, documents = _everything(fresh)
    assert documents == found[1]
    assert {q: set(h) for q, h in hits.items()} == {q: set(h) for q, h in found[0].items()}
    ix.close()
    _clean(paths)


def test_a_deletion_made_during_the_merge_is_carried_over(tmp_path: Path) -> None:
    paths = _index(tmp_path / "ix")
    built = _built_apart(paths)
    ix = FileStorage(str(paths.whoosh)).open_index()
    with ix.writer() as writer:  # a stock Whoosh writer deletes meanwhile
        writer.delete_by_term("id", "a5")
        writer.delete_by_term("id", "a66")
        writer.mergetype = lambda w, segments: segments
    ix.close()
    before = _hits(paths.whoosh)
    assert merge_swap.swap(paths, built)
    merge_swap.remove_leftovers(paths)
    after = _hits(paths.whoosh)
    assert {q: set(h) for q, h in after.items()} == {q: set(h) for q, h in before.items()}
    assert not any("a5" in h or "a66" in h for h in after.values())
    ix = FileStorage(str(paths.whoosh)).open_index()
    assert ix.doc_count() == 10 * 7 - 4
    ix.close()
    _clean(paths)


def test_a_swap_beside_an_add_keeps_both(tmp_path: Path) -> None:
    paths = _index(tmp_path / "ix")
    built = _built_apart(paths)
    ix = FileStorage(str(paths.whoosh)).open_index()
    writer = ix.writer()  # an add, committed while the merge was built
    writer.add_document(id="new1", title="late story said", body="said late")
    writer.commit(merge=False)
    ix.close()
    assert merge_swap.swap(paths, built)
    merge_swap.remove_leftovers(paths)
    ix = FileStorage(str(paths.whoosh)).open_index()
    assert sorted(s.doc_count_all() for s in ix._segments()) == [1, 10 * 7 - 2]
    with ix.searcher() as searcher:
        assert searcher.document(id="new1") is not None
        assert searcher.doc_count() == 10 * 7 - 2 + 1
    ix.close()
    _clean(paths)


def test_a_swap_beside_a_segment_written_without_the_lock_keeps_it(tmp_path: Path) -> None:
    """The indexer's writing process writes a batch's segment into whoosh/ without the
    lock and commits it later: a swap meanwhile must not delete it."""
    paths = _index(tmp_path / "ix")
    built = _built_apart(paths)
    ix = FileStorage(str(paths.whoosh)).open_index()
    written = segment_build.write_segment(
        ix, [{"id": "w1", "title": "written apart said", "body": "said meanwhile"}],
        ["title", "body"])
    assert merge_swap.swap(paths, built)
    segment_build.commit_segments(ix, [written.segment], [], lambda w, segments: segments)
    ix.close()
    ix = FileStorage(str(paths.whoosh)).open_index()
    with ix.searcher() as searcher:
        assert searcher.document(id="w1") is not None
        assert searcher.doc_count() == 10 * 7 - 2 + 1
    ix.close()
    merge_swap.remove_leftovers(paths)
    _clean(paths)


def test_a_swap_waits_for_a_writer_and_a_writer_for_a_swap(tmp_path: Path) -> None:
    paths = _index(tmp_path / "ix")
    storage = FileStorage(str(paths.whoosh))
    lock = storage.lock("MAIN_WRITELOCK")
    assert lock.acquire()  # a writer writing its batch: the swap gives up, nothing changed
    built = _built_apart(paths)
    assert not merge_swap.swap(paths, built, wait=0.2)
    assert _segment_count(paths.whoosh) == 10
    lock.release()

    # Our writers wait (briefly) for a lock held as a swap holds it.
    assert lock.acquire()
    threading.Timer(0.3, lock.release).start()
    ix = FileStorage(str(paths.whoosh)).open_index()
    began = time.monotonic()
    writer = indexer._writer(ix)
    assert time.monotonic() - began >= 0.2
    writer.cancel()
    ix.close()
    assert merge_process.run(paths) == 1  # and the next run makes the merge
    _clean(paths)


def test_a_swap_whose_segments_were_merged_meanwhile_is_abandoned(tmp_path: Path) -> None:
    paths = _index(tmp_path / "ix")
    built = _built_apart(paths)
    ix = FileStorage(str(paths.whoosh)).open_index()
    ix.optimize()  # a commit merged them all first
    ix.close()
    before = _hits(paths.whoosh)
    assert not merge_swap.swap(paths, built)
    assert _hits(paths.whoosh) == before
    merge_swap.remove_leftovers(paths)
    _clean(paths)


_KILLED = """
import os, signal, sys
from pathlib import Path
from newsdesk.index.paths import IndexPaths
from newsdesk.index.storage import integrity, merge_process, merge_swap, segment_merging

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

where = sys.argv[2]
if where == "building":  # the segment half written
    segment_merging.array_merging.write_postings = die
elif where == "built":  # the segment written apart, before the swap
    merge_swap.swap = die
elif where == "after-toc":  # the new table written, not the sums
    integrity.record = die
elif where == "writing-sums":  # the new table written, the sums' new file not renamed
    replace = os.replace
    def replace_or_die(source, target):
        if str(source).endswith(".tmp"):
            die()
        replace(source, target)
    os.replace = replace_or_die
elif where == "after-sums":  # swapped, the merged-away files all there
    merge_swap._remove = die
elif where == "removing":  # swapped, one merged-away file removed
    def remove_one(folder, names):
        os.unlink(folder / names[0])
        die()
    merge_swap._remove = remove_one
merge_process.run(IndexPaths(Path(sys.argv[1])),
                  before_toc=die if where == "before-toc" else lambda: None)
"""


@pytest.mark.parametrize("where", ["building", "built", "before-toc", "after-toc",
                                   "writing-sums", "after-sums", "removing"])
def test_a_merge_killed_anywhere_leaves_the_index_whole(tmp_path: Path, where: str) -> None:
    paths = _index(tmp_path / "ix")
    before = _hits(paths.whoosh)
    reference = _index(tmp_path / "reference")  # the same, merged by a run not killed
    assert merge_process.run(reference) == 1
    merged = _hits(reference.whoosh)

    killed = subprocess.Popen([sys.executable, "-c", _KILLED, str(paths.root), where],
                              cwd=Path(__file__).parents[3])
    killed_pid = killed.pid
    assert killed.wait(timeout=120) == -9
    # Stock Whoosh opens it, every document there: as before, or as merged.
    swapped = where in ("after-toc", "writing-sums", "after-sums", "removing")
    assert _hits(paths.whoosh) == (merged if swapped else before)
    assert merge_swap.has_leftovers(paths)  # (the folder apart: the next run removes it)
    assert merge_process.needed(paths)
    # What the kill left in whoosh/: the merged segment before the table named it; the
    # merged-away segments (those not removed yet) after.
    left = _orphans(paths)
    assert len(left) == {"building": 0, "built": 0, "before-toc": 1, "after-toc": 10,
                         "writing-sums": 10, "after-sums": 10, "removing": 9}[where]
    temps = [n for n in os.listdir(paths.root) if n.endswith(".tmp")]
    assert temps == ([f".whoosh.sums.{killed_pid}.tmp"] if where == "writing-sums" else [])

    assert merge_process.run(paths) == (0 if swapped else 1)
    assert _segment_count(paths.whoosh) == 1
    assert _hits(paths.whoosh) == merged
    _clean(paths)  # (no orphan left by the run; the next commit removes the old tables)
    assert not [n for n in os.listdir(paths.root) if n.endswith(".tmp")]  # (nor the sums')


@pytest.mark.parametrize("failing", ["table", "sums"])
def test_a_swap_that_fails_midway_leaves_no_file_behind(tmp_path: Path, failing: str,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    """A full disk as the table of contents is written (the index as it was: the merged
    segment moved in is removed) or after it, as the sums are (the index as merged: the
    merged-away files are removed); either way no file is left for a commit to find."""
    paths = _index(tmp_path / "ix")
    before = _hits(paths.whoosh)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if failing == "sums":
        monkeypatch.setattr(merge_swap.integrity, "record", full)
    # (As the table would be written, the segment moved in: the build's own table is not.)
    assert merge_process.run(paths, before_toc=full if failing == "table" else lambda: None
                             ) == 0
    assert "abandoned (OSError" in merge_process.log_path(paths).read_text()
    assert not merge_swap.has_leftovers(paths)
    assert _orphans(paths) == set()
    assert _segment_count(paths.whoosh) == (10 if failing == "table" else 1)
    monkeypatch.undo()
    after = _hits(paths.whoosh)
    assert {q: set(h) for q, h in after.items()} == {q: set(h) for q, h in before.items()}
    assert after == before or failing == "sums"  # (merged: the scores move a little)
    assert merge_process.run(paths) == (1 if failing == "table" else 0)
    _clean(paths)


def test_a_note_that_is_no_swaps_removes_nothing(tmp_path: Path) -> None:
    """A note half written, or naming files elsewhere, or a segment the table names:
    nothing in whoosh/ (or beside it) is removed by it; the folder apart is."""
    paths = _index(tmp_path / "ix")
    live = sorted(name for name in os.listdir(paths.whoosh) if name.endswith(".seg"))
    (paths.root / "keep.txt").write_text("user data")
    notes = {"half": '{"merged": "MAIN_abc", "moved": ["MAIN_abc.seg"',
             "elsewhere": '{"merged": "MAIN_abc", "moved": ["../keep.txt"], "away": []}',
             "named": f'{{"merged": "MAIN_abc", "moved": ["{live[0]}"], "away": []}}',
             "not-a-dict": "[]"}
    for name, text in notes.items():
        (merge_swap.merging_folder(paths) / name).mkdir(parents=True)
        (merge_swap.merging_folder(paths) / name / merge_swap.NOTE).write_text(text)
    before = sorted(os.listdir(paths.whoosh))
    merge_swap.remove_leftovers(paths)
    assert sorted(os.listdir(paths.whoosh)) == before
    assert (paths.root / "keep.txt").read_text() == "user data"
    assert not merge_swap.has_leftovers(paths)


def test_the_detached_process_merges_and_is_reaped(tmp_path: Path) -> None:
    paths = _index(tmp_path / "ix")
    paths.store.touch()  # (it merges only in a newsdesk index of this version)
    write_version(paths)
    assert merge_process.needed(paths)
    proc = merge_process.start(paths)
    assert os.getsid(proc.pid) != os.getsid(0) or proc.poll() is not None
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.returncode == 0
    assert _segment_count(paths.whoosh) == 1
    assert not merge_process.needed(paths)
    assert "70 documents in 10 segments" in merge_process.log_path(paths).read_text()
    assert "swapped in" in merge_process.log_path(paths).read_text()
    _clean(paths)


def test_the_merge_apart_benchmark_smoke(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    from tests.bench import merge_apart

    paths = _index(tmp_path / "ix")
    assert merge_apart.main([str(paths.root), "--smallest", "3"]) == 0
    assert "in 3 segments" in capsys.readouterr().out
    assert _segment_count(paths.whoosh) == 10 - 3 + 1


def test_a_damaged_segment_is_not_merged_apart(tmp_path: Path) -> None:
    """Damage is not copied into a segment recorded as sound: left to the indexer."""
    paths = _index(tmp_path / "ix")
    integrity.record(paths)
    segment = sorted(paths.whoosh.glob("*.seg"))[0]
    data = bytearray(segment.read_bytes())
    data[len(data) // 2] ^= 0x5A
    segment.write_bytes(bytes(data))
    assert merge_process.run(paths) == 0
    assert _segment_count(paths.whoosh) == 10
    assert "not merged, damaged" in merge_process.log_path(paths).read_text()
