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
    """A million-article build's last segments as MERGE_SMALL leaves them: five large ones,
    21 batches of 4,000 left to merge (MERGE_SMALL's next merge takes 20 of them and the
    next small one)."""
    return [_Sized(188_000, f"big{i}") for i in range(5)] + \
        [_Sized(4000, f"b{i:02}") for i in range(21)]


def _tidied_tail() -> list[_Sized]:
    """The same after the bulk run's `tidy`: the 21 batches are three segments."""
    return [_Sized(188_000, f"big{i}") for i in range(5)] + \
        [_Sized(40_000, "tail0"), _Sized(40_000, "tail1"), _Sized(4000, "tail2")]


def _merges_of(policy, segments: list[_Sized], monkeypatch) -> tuple[list[int], list[int]]:  # type: ignore[no-untyped-def]
    """The documents of each merge `policy` makes, and the sizes it keeps."""
    merged: list[int] = []

    def merge(writer: object, chosen: list[_Sized]) -> _Sized:
        merged.append(sum(s.docs for s in chosen))
        return _Sized(merged[-1], f"merged{len(merged)}")

    monkeypatch.setattr(segment_merging, "merge", merge)
    return merged, sorted(s.docs for s in policy(None, segments))


def test_a_bulk_run_ends_with_no_size_class_crowded(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert segment_merging.crowded(_million_tail())
    # 21 of 4,000: ten, ten, and the one left beside the two merged.
    assert _merges_of(segment_merging.tidy(), _million_tail(), monkeypatch) == (
        [40_000, 40_000], [4000, 40_000, 40_000, *[188_000] * 5])
    assert not segment_merging.crowded(_tidied_tail())
    assert _merges_of(segment_merging.tidy(), _tidied_tail(), monkeypatch)[0] == []
    # A merge that crowds the next class: merged again, in the same commit.
    segments = [*(_Sized(10_000, f"t{i}") for i in range(9)),
                *(_Sized(1000, f"a{i}") for i in range(10))]
    assert _merges_of(segment_merging.tidy(), segments, monkeypatch) == (
        [10_000, 100_000], [100_000])


def test_size_classes_are_powers_of_the_tier() -> None:
    assert [segment_merging.size_class(n) for n in (0, 9, 10, 999, 1000, 9999, 10_000)] == \
        [0, 0, 1, 2, 3, 3, 4]


def test_a_small_add_merges_no_more_than_a_few_times_itself(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    segments = [*_tidied_tail(), _Sized(1000, "add0")]
    assert _chosen_by(segment_merging.merge_within(1000), segments, monkeypatch) == []
    # Whoosh's own choice beside the untidied tail: 81,000 documents.
    assert sum(s.docs for s in segment_merging._chosen([*_million_tail(), segments[-1]])) == \
        81_000
    # Ten adds of 1,000 wait: merged ten at a time, 10,000 documents.
    adds = [_Sized(1000, f"add{i}") for i in range(10)]
    assert _chosen_by(segment_merging.merge_within(1000), [*_tidied_tail(), *adds],
                      monkeypatch) == sorted(s.name for s in adds)
    # Eight are left alone; nine make ten of their size class with the tail's 4,000.
    assert _chosen_by(segment_merging.merge_within(1000), [*_tidied_tail(), *adds[:8]],
                      monkeypatch) == []
    assert _chosen_by(segment_merging.merge_within(1000), [*_tidied_tail(), *adds[:9]],
                      monkeypatch) == sorted([*(s.name for s in adds[:9]), "tail2"])


def test_segments_do_not_pile_up_over_many_adds(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Ten adds' segments of 10,000 are merged by the add that makes them ten: once in a
    hundred adds of 1,000, a merge of 100,000 (an index keeps fewer than ten a class; the
    build's tail of two 40,000 is in that class too, but larger)."""
    tens = [_Sized(10_000, f"t{i}") for i in range(10)]
    segments = [*_tidied_tail(), *tens, _Sized(1000, "add")]
    assert _chosen_by(segment_merging.merge_within(1000), segments, monkeypatch) == sorted(
        s.name for s in tens)
    # Seven and the tail's two 40,000: nine of the class, left alone.
    assert _chosen_by(segment_merging.merge_within(1000), [*_tidied_tail(), *tens[:7],
                                                           segments[-1]], monkeypatch) == []


def test_a_bulk_run_merges_as_whoosh_chooses(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    segments = [*_million_tail(), _Sized(4000, "last")]
    whoosh = sorted(s.name for s in segment_merging._chosen(segments))
    # A run that committed the whole tail itself may merge all of it.
    assert _chosen_by(segment_merging.merge_within(88_000), segments, monkeypatch) == whoosh
    # 4,000: ten of them fit in 40,000.
    assert len(_chosen_by(segment_merging.merge_within(4000), segments, monkeypatch)) == 10
    # One that committed 1,000: two batches of 4,000 fit its bound, too few to merge; but
    # 22 of one size class are crowded (an index built before `tidy`): ten merged.
    assert len(_chosen_by(segment_merging.merge_within(1000), segments, monkeypatch)) == 10


def test_merged_segments_are_checked_first(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    checked: list[list[str]] = []
    policy = segment_merging.merge_within(
        1000, lambda chosen: checked.append(sorted(s.name for s in chosen)))
    adds = [_Sized(1000, f"add{i}") for i in range(10)]
    assert _chosen_by(policy, [*_tidied_tail(), *adds], monkeypatch) == checked[0]
    _chosen_by(policy, _tidied_tail(), monkeypatch)
    assert len(checked) == 1  # nothing merged, nothing read
    tidy = segment_merging.tidy(lambda chosen: checked.append(sorted(s.name for s in chosen)))
    assert _merges_of(tidy, _million_tail(), monkeypatch)[0] == [40_000, 40_000]
    assert [len(names) for names in checked[1:]] == [10, 10]


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
