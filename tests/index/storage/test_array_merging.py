"""A merge into a segment of newsdesk's codec moves its postings as arrays
(storage/array_merging.py): the same segment as one posting at a time through Whoosh's
field writer, from segments of either codec, deletions, blocks of many postings and
weights above 255 included; stock Whoosh reads it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.index.storage import array_merging
from newsdesk.index.storage.codec import NewsdeskCodec
from tests.helpers.segments import build, contents, merged_whole, small_blocks
from tests.index.storage.test_bulk_segment import STOCK


@pytest.mark.parametrize("codec", [NewsdeskCodec, small_blocks])
def test_postings_merged_as_arrays_are_those_merged_one_at_a_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, codec: object) -> None:
    build(tmp_path / "base", [None, small_blocks(), NewsdeskCodec(), small_blocks()])
    for name in ("arrays", "one-by-one"):
        shutil.copytree(tmp_path / "base", tmp_path / name)
    before = contents(tmp_path / "base")
    merged_whole(tmp_path / "arrays", codec())  # type: ignore[operator]
    monkeypatch.setattr(array_merging, "usable", lambda codec: False)
    merged_whole(tmp_path / "one-by-one", codec())  # type: ignore[operator]
    ours, theirs = contents(tmp_path / "arrays"), contents(tmp_path / "one-by-one")
    assert ours["segments"] == 1 < before["segments"]
    assert ours == theirs
    assert len(ours["stored"]) == len(before["stored"]) == 4 * 150 - 3
    assert [k for k, v in ours["postings"].items() if len(v) > 32]  # (several blocks)
    # Stock Whoosh opens the merged index and finds the same, with the same scores.
    queries = ["said", "title:said", "actors:k1", "source:wire"]
    answers = [json.loads(subprocess.run([sys.executable, "-c", STOCK, str(tmp_path / name),
                                          *queries], capture_output=True, text=True,
                                         check=True).stdout)
               for name in ("arrays", "one-by-one")]
    assert answers[0]["found"] == answers[1]["found"]
    assert all(answers[0]["found"][q] for q in queries)
