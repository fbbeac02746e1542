"""Sums judge only the files of the committed index: a segment being written beside a
commit (the next batch's) is neither recorded nor judged. A kill left such a file at
another size than it had when a commit recorded it, and the next open called the index
damaged though nothing of it used that file."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import integrity
from tests.helpers.paths import SEEDS, write_config


def test_a_segment_not_in_the_index_is_neither_recorded_nor_judged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = write_config(tmp_path / "cfg.yaml", [SEEDS], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    settings = load_settings()
    Indexer(settings).run()
    paths = index_paths(settings)
    stray = paths.whoosh / "MAIN_beingwritten00000.pst"  # a batch's segment, half written
    stray.write_bytes(b"")
    integrity.record(paths)
    assert stray.name not in integrity.load(paths)["whoosh"]  # type: ignore[index]
    stray.write_bytes(b"x" * 1000)  # the kill came later: it kept growing meanwhile
    assert integrity.damaged_files(paths, integrity.ALL) == []
    # A file of the index itself is still judged.
    live = next(p for p in sorted(paths.whoosh.iterdir()) if p.suffix == ".seg")
    live.write_bytes(live.read_bytes() + b"x")
    assert [name.split(" ")[0] for name in integrity.damaged_files(paths, integrity.SIZES)] \
        == [live.name]
