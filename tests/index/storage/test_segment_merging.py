"""newsdesk's merge of segments writes what Whoosh's own merge writes, deletions included."""

from __future__ import annotations

import shutil
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.writing import MERGE_SMALL

from newsdesk.index.storage import segment_merging
from tests.helpers.segments import contents, small_segments


def test_merge_small_writes_what_whoosh_merge_writes(tmp_path: Path) -> None:
    small_segments(tmp_path / "base")
    for name in ("whoosh", "newsdesk"):
        shutil.copytree(tmp_path / "base", tmp_path / name)
    before = contents(tmp_path / "base")

    for name, policy in (("whoosh", MERGE_SMALL), ("newsdesk", segment_merging.merge_small)):
        ix = FileStorage(str(tmp_path / name)).open_index()
        ix.writer().commit(mergetype=policy)
        ix.close()
    theirs, ours = contents(tmp_path / "whoosh"), contents(tmp_path / "newsdesk")

    assert ours["segments"] < before["segments"]  # a merge happened
    assert ours["stored"] == theirs["stored"]
    assert len(ours["stored"]) == 9 * 7 - 3  # the deleted documents are gone
    assert ours["postings"] == theirs["postings"]
    assert ours["stats"] == theirs["stats"]
    assert ours["lengths"] == theirs["lengths"]


def test_too_few_segments_are_left_alone(tmp_path: Path) -> None:
    small_segments(tmp_path / "ix", segments=3)
    ix = FileStorage(str(tmp_path / "ix")).open_index()
    segments = ix._segments()
    writer = ix.writer()
    assert segment_merging.merge_small(writer, segments) == segments
    writer.cancel()
    ix.close()


class _Sized:
    """A segment as a merge policy sees it: its number of documents."""

    def __init__(self, docs: int, name: str) -> None:
        self.docs, self.name = docs, name

    def doc_count_all(self) -> int:
        return self.docs

    def __repr__(self) -> str:
        return self.name


def _chosen_by(policy, segments: list[_Sized], monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """The segments `policy` merges (none merged for real)."""
    merged: list[list[str]] = []

    def merge(writer: object, chosen: list[_Sized]) -> _Sized:
        merged.append(sorted(s.name for s in chosen))
        return _Sized(sum(s.docs for s in chosen), "merged")

    monkeypatch.setattr(segment_merging, "merge", merge)
    kept = policy(None, segments)
    assert len(merged) <= 1
    names = merged[0] if merged else []
    assert sorted(s.name for s in kept if s.name != "merged") == sorted(
        s.name for s in segments if s.name not in names)
    return names


def _million_tail() -> list[_Sized]:
    """A million-article build's last segments: five large ones, 21 batches of 4,000 left
    to merge (MERGE_SMALL's next merge takes 20 of them and the next small one)."""
    return [_Sized(188_000, f"big{i}") for i in range(5)] + \
        [_Sized(4000, f"b{i:02}") for i in range(21)]


def test_a_small_add_merges_no_more_than_a_few_times_itself(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    segments = [*_million_tail(), _Sized(1000, "add0")]
    whoosh = segment_merging._chosen(segments)
    assert sum(s.docs for s in whoosh) == 81_000  # Whoosh's own choice
    assert _chosen_by(segment_merging.merge_within(1000), segments, monkeypatch) == []
    # Ten adds of 1,000 wait: merged ten at a time, 10,000 documents.
    adds = [_Sized(1000, f"add{i}") for i in range(10)]
    assert _chosen_by(segment_merging.merge_within(1000), [*_million_tail(), *adds],
                      monkeypatch) == sorted(s.name for s in adds)
    # Nine are left alone.
    assert _chosen_by(segment_merging.merge_within(1000), [*_million_tail(), *adds[:9]],
                      monkeypatch) == []


def test_a_bulk_run_merges_as_whoosh_chooses(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    segments = [*_million_tail(), _Sized(4000, "last")]
    whoosh = sorted(s.name for s in segment_merging._chosen(segments))
    # A run that committed the whole tail itself may merge all of it.
    assert _chosen_by(segment_merging.merge_within(88_000), segments, monkeypatch) == whoosh
    # One that committed 1,000: two batches of 4,000 fit its bound, too few to merge.
    assert _chosen_by(segment_merging.merge_within(1000), segments, monkeypatch) == []
    # 4,000: ten of them fit in 40,000.
    assert len(_chosen_by(segment_merging.merge_within(4000), segments, monkeypatch)) == 10


def test_merged_segments_are_checked_first(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    checked: list[list[str]] = []
    policy = segment_merging.merge_within(
        1000, lambda chosen: checked.append(sorted(s.name for s in chosen)))
    adds = [_Sized(1000, f"add{i}") for i in range(10)]
    assert _chosen_by(policy, [*_million_tail(), *adds], monkeypatch) == checked[0]
    _chosen_by(policy, _million_tail(), monkeypatch)
    assert len(checked) == 1  # nothing merged, nothing read


def test_an_adds_small_segments_are_merged_before_whoosh_would(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Beside a large index MERGE_SMALL waits for about 20 small segments; an add merges
    ten."""
    adds = [_Sized(1000, f"add{i}") for i in range(10)]
    segments = [_Sized(84_000, "big"), *(_Sized(4000, f"b{i}") for i in range(4)), *adds]
    assert segment_merging._chosen(segments) == []
    assert _chosen_by(segment_merging.merge_within(1000), segments, monkeypatch) == sorted(
        s.name for s in adds)
    # A bulk build's run keeps Whoosh's choice: nothing yet.
    assert _chosen_by(segment_merging.merge_within(104_000), segments, monkeypatch) == []
