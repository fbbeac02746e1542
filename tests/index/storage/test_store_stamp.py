"""An index the dashboard holds open while the indexer runs (the check at every launch)
keeps the store's stamp true after both have closed: the next opening has nothing to
check before its first result. The run's commits sat in SQLite's write-ahead log, the
dashboard's close moved them into the file (a new mtime), and every next launch waited
for quick_check (0.75 s at 30,000 articles)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import integrity
from tests.helpers.paths import SEEDS, write_config


@pytest.mark.parametrize("corpus_changed", [False, True])
def test_store_stamp_holds_after_a_run_beside_an_open_engine(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus_changed: bool) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    settings = load_settings()
    Indexer(settings).run()
    paths = index_paths(settings)
    assert not integrity.store_changed(paths)
    engine = Engine(settings)  # the dashboard's, open through the run
    engine.search("oil", limit=5)
    if corpus_changed:  # a run that writes: one more article
        (corpus / "extra.txt").write_text("Extra oil report\n\nOil prices rose again today.\n")
    before = paths.store.stat().st_mtime_ns
    report = Indexer(settings).run()
    assert report.total == 6 if corpus_changed else 5
    if not corpus_changed:  # nothing changed: nothing written
        assert paths.store.stat().st_mtime_ns == before
        wal = Path(f"{paths.store}-wal")
        assert not wal.exists() or wal.stat().st_size == 0
    assert not integrity.store_changed(paths)
    engine.close()
    assert not integrity.store_changed(paths)  # the close wrote nothing the stamp lacks
    reopened = Engine(settings)
    try:
        assert reopened._verifier._thread is None  # nothing to check: no quick_check
        assert reopened.search("oil", limit=5).total >= 1
    finally:
        reopened.close()
