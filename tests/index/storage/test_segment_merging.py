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
