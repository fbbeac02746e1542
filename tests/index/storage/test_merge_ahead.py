"""A bulk run's large merges built apart while it goes on (storage/merge_ahead.py): the
build is the one merging in its commits makes, segments and documents' order included,
however long the merge takes; a merge that fails leaves the merging to the commits (the
same documents); a run stopped kills the merge and leaves no folder apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import bulk_segment, merge_ahead, merge_swap, segment_process
from newsdesk.index.storage.merge_ahead import MergeAhead
from tests.bench.generate_corpus import write as write_corpus
from tests.helpers.paths import write_config
from tests.index.ingest.test_overlap import _index, _store

BATCH = 20  # articles a batch: 300 make 15; MERGE_SMALL merges the first at the 6th


def _settings(tmp_path: Path, name: str, corpus: Path,
              monkeypatch: pytest.MonkeyPatch) -> Settings:
    # (batch_mb small: the run is of several batches' text, which builds merges apart.)
    cfg = write_config(tmp_path / f"{name}.yaml", [corpus],
                       f"index:\n  dir: {tmp_path / name}\n  batch_size: {BATCH}\n"
                       f"  batch_mb: 0.01\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    return load_settings()


def _corpus(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(segment_process, "MIN_DOCUMENTS", 10)
    monkeypatch.setattr(bulk_segment, "PART_POSITIONS", 1000)
    folder.mkdir()
    write_corpus(300, folder / "a.jsonl", seed=28)


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each merge built apart that ended: whether it was swapped in."""
    ended: list[bool] = []
    real_wait = MergeAhead.wait

    def wait(self: MergeAhead) -> None:
        before = self.swapped, self._process is not None
        real_wait(self)
        if before[1]:
            ended.append(self.swapped > before[0])

    monkeypatch.setattr(MergeAhead, "wait", wait)
    return ended


def _in_commits(tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    with monkeypatch.context() as patched:
        patched.setattr(merge_ahead, "AHEAD_DOCUMENTS", 10**9)
        theirs = _settings(tmp_path, "in-commits", folder, monkeypatch)
        Indexer(theirs).run()
    return theirs


def test_merges_built_apart_make_the_index_merges_in_commits_make(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "corpus"
    _corpus(monkeypatch, folder)
    monkeypatch.setattr(merge_ahead, "AHEAD_DOCUMENTS", 2)
    ended = _counted(monkeypatch)
    ours = _settings(tmp_path, "apart", folder, monkeypatch)
    Indexer(ours).run()
    assert ended and all(ended)  # built apart and swapped in, every one
    theirs = _in_commits(tmp_path, folder, monkeypatch)
    assert _index(ours) == _index(theirs)  # segments, stored fields in order, postings
    assert _store(ours) == _store(theirs)
    assert not merge_swap.has_leftovers(index_paths(ours))


# (Under -m slow: each merge slowed 3 s, ~25 s; the test above builds with its merges
# apart in the suite, and `make test` must stay under ten minutes on 2 cores.)
@pytest.mark.slow
def test_a_slow_merge_makes_the_same_build(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Each merge apart slowed past the next commits: they wait for it where their choice
    is due, so the segments come out as a commit's merges make them."""
    folder = tmp_path / "corpus"
    _corpus(monkeypatch, folder)
    monkeypatch.setattr(merge_ahead, "AHEAD_DOCUMENTS", 2)
    monkeypatch.setattr(merge_ahead, "_serve", _slow_serve)
    ended = _counted(monkeypatch)
    ours = _settings(tmp_path, "slow", folder, monkeypatch)
    Indexer(ours).run()
    assert ended and all(ended)
    theirs = _in_commits(tmp_path, folder, monkeypatch)
    assert _index(ours) == _index(theirs)


def _slow_serve(conn: object, *args: object) -> None:
    import time

    time.sleep(3)
    _real_serve(conn, *args)  # type: ignore[arg-type]


_real_serve = merge_ahead._serve


def _by_id(settings: Settings) -> dict:
    """The index's contents by article id, not document number (which follow the merges'
    choices: storage/merge_ahead.py), less its segments' number."""
    found = _index(settings)
    ids = [stored["id"] for stored in found["stored"]]
    return {"stored": sorted(found["stored"], key=lambda d: d["id"]),
            "postings": {term: sorted((ids[doc], *rest) for doc, *rest in found_)
                         for term, found_ in found["postings"].items()},
            "stats": found["stats"],
            "lengths": {field: sorted(zip(ids, lengths, strict=True))
                        for field, lengths in found["lengths"].items()}}


def _failing(conn: object, *args: object) -> None:
    conn.send(("failed", "OSError: no space"))  # type: ignore[attr-defined]


def test_a_merge_that_fails_leaves_the_merging_to_the_commits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "corpus"
    _corpus(monkeypatch, folder)
    monkeypatch.setattr(merge_ahead, "AHEAD_DOCUMENTS", 2)
    monkeypatch.setattr(merge_ahead, "_serve", _failing)
    ended = _counted(monkeypatch)
    ours = _settings(tmp_path, "failed", folder, monkeypatch)
    Indexer(ours).run()
    assert ended == [False]  # one tried, then none
    theirs = _in_commits(tmp_path, folder, monkeypatch)
    assert _by_id(ours) == _by_id(theirs)


def test_a_run_stopped_kills_its_merge_and_leaves_no_folder_apart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "corpus"
    _corpus(monkeypatch, folder)
    monkeypatch.setattr(merge_ahead, "AHEAD_DOCUMENTS", 2)
    settings = _settings(tmp_path, "stopped", folder, monkeypatch)
    paths = index_paths(settings)
    ahead = MergeAhead(paths)
    Indexer(settings).run()  # (an index to merge)
    assert not merge_swap.has_leftovers(paths)  # (its merges' folder gone with them)
    (merge_swap.merging_folder(paths) / "killed").mkdir(parents=True)  # as a kill leaves
    monkeypatch.setattr(merge_ahead, "_serve", _sleeping)
    assert ahead._start(None, [], [])
    ahead.stop()
    assert ahead._process is None
    assert not merge_swap.has_leftovers(paths)


def _sleeping(conn: object, *args: object) -> None:
    import time

    time.sleep(60)
