"""Large batches handed on to the extraction and writing processes (ingest/overlap.py) make
the index, the article store and the actor list that committing each batch in turn makes:
on a first build, and on an update that adds, changes and deletes (a batch that deletes
waits for the one in flight)."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.ingest import extract_process, indexer
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.ingest.overlap import TICK_SECONDS, Overlap, _InFlight, _ticking
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import bulk_segment, segment_process
from newsdesk.index.storage.article_store import Pending
from newsdesk.index.storage.schema import SEARCH_FIELDS
from tests.bench.generate_corpus import write as write_corpus
from tests.helpers.calls import count_calls
from tests.helpers.paths import write_config
from tests.helpers.segments import contents

BATCH = 30  # articles a batch: 120 make four, each handed on


def _settings(tmp_path: Path, name: str, corpus: Path,
              monkeypatch: pytest.MonkeyPatch) -> Settings:
    cfg = write_config(tmp_path / f"{name}.yaml", [corpus],
                       f"index:\n  dir: {tmp_path / name}\n  batch_size: {BATCH}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    return load_settings()


def _store(settings: Settings) -> dict[str, list[tuple]]:
    db = sqlite3.connect(index_paths(settings).store)
    try:
        return {table: sorted(db.execute(f"SELECT * FROM {table}").fetchall())
                for table in ("mentions", "acronyms", "words", "key_totals", "key_surfaces")
                } | {"articles": db.execute("SELECT id, title, pending FROM articles "
                                            "ORDER BY id").fetchall(),
                     "actors": db.execute("SELECT name, type, articles, mentions FROM actors "
                                          "ORDER BY name, type").fetchall()}
    finally:
        db.close()


def _words_of(settings: Settings) -> list[tuple[str]]:
    """Every word of the stored articles' titles and texts, as the words table holds them."""
    from newsdesk.index.analysis import words
    from newsdesk.index.storage.article_store import unpack_text

    db = sqlite3.connect(index_paths(settings).store)
    try:
        found = {word for title, blob in db.execute("SELECT title, text FROM articles")
                 for text in (title, unpack_text(blob)) for word, _, _ in words(text)}
    finally:
        db.close()
    return sorted((word,) for word in found)


def _index(settings: Settings) -> dict:
    """The index's contents, less the times of indexing (the builds ran apart)."""
    found = contents(index_paths(settings).whoosh)
    for part in ("postings", "stats"):
        found[part] = {k: v for k, v in found[part].items() if k[0] != "indexed"}
    found["stored"] = [{k: v for k, v in d.items() if k != "indexed"} for d in found["stored"]]
    return found


def _both_ways(tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
               ) -> tuple[Settings, Settings]:
    """The corpus in `folder` indexed (or updated) with batches handed on, and committed in
    turn: each way's settings."""
    real_wanted = Overlap.wanted
    monkeypatch.setattr(Overlap, "wanted", real_wanted)
    ours = _settings(tmp_path, "handed", folder, monkeypatch)
    Indexer(ours).run()
    monkeypatch.setattr(Overlap, "wanted", lambda self, documents: False)
    theirs = _settings(tmp_path, "in-turn", folder, monkeypatch)
    Indexer(theirs).run()
    monkeypatch.setattr(Overlap, "wanted", real_wanted)
    return ours, theirs


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Extraction processes started, one item each."""
    started: list[int] = []
    real_start = extract_process.ExtractionProcess.__init__

    def counted(self: extract_process.ExtractionProcess, *args: object) -> None:
        started.append(1)
        real_start(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(extract_process.ExtractionProcess, "__init__", counted)
    return started


def _small(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Batches of 30 handed on from 20, packed in many parts; 120 articles in `folder`."""
    monkeypatch.setattr(segment_process, "MIN_DOCUMENTS", 20)
    monkeypatch.setattr(bulk_segment, "PART_POSITIONS", 1000)
    folder.mkdir()
    write_corpus(120, folder / "a.jsonl", seed=5)


def test_batches_handed_on_make_what_batches_committed_in_turn_make(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "corpus"
    _small(monkeypatch, folder)
    started = _counted(monkeypatch)

    def build_both() -> tuple[Settings, Settings]:
        return _both_ways(tmp_path, folder, monkeypatch)

    ours, theirs = build_both()
    # Two extraction processes for the run's four batches: the second from the second
    # batch on (ingest/extract_split.py).
    assert started == [1, 1]
    assert _index(ours)["segments"] == 4
    assert _index(ours) == _index(theirs)
    assert _store(ours) == _store(theirs)
    assert _store(ours)["words"] == _words_of(ours)  # (each batch gives only its new ones)

    # An update: a file of new articles, an article changed, 20 gone (a batch that deletes).
    write_corpus(40, folder / "b.jsonl", seed=6, first=1000)
    lines = (folder / "a.jsonl").read_text(encoding="utf-8").splitlines()
    changed = json.loads(lines[3])
    changed["text"] += " Nelson Mandela spoke in Pretoria."
    lines[3] = json.dumps(changed)
    (folder / "a.jsonl").write_text("\n".join(lines[:100]) + "\n", encoding="utf-8")
    write_corpus(20, folder / "c.jsonl", seed=7, first=2000)
    ours, theirs = build_both()
    assert started == [1, 1] * 2
    found = _index(ours)
    assert len(found["stored"]) == 160
    assert found == _index(theirs)
    assert _store(ours) == _store(theirs)
    assert any(field in SEARCH_FIELDS for field, _ in found["postings"])
    assert _store(ours) == _store(theirs)


def test_a_batch_in_flight_reports_progress_while_it_is_waited_for() -> None:
    ticks: list[float] = []
    ticked = threading.Event()

    def tick(fraction: float) -> None:
        ticks.append(fraction)
        ticked.set()

    flight = _InFlight(Pending([], 0), 10, None, [], lambda rows: None,  # type: ignore[arg-type]
                       tick=tick)
    with _ticking(flight, expected=0.001):
        assert ticked.wait(30)
    count = len(ticks)
    assert ticks and all(0 < share <= 0.95 for share in ticks)
    ticked.clear()
    assert not ticked.wait(2 * TICK_SECONDS) and len(ticks) == count  # none after the wait


@pytest.mark.slow
def test_a_rebuild_from_the_store_handed_on_is_the_one_in_turn(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An index of an older schema is rebuilt from the store a batch at a time
    (Indexer._recover): handed on, as in turn."""
    folder = tmp_path / "corpus"
    _small(monkeypatch, folder)
    started = _counted(monkeypatch)
    ours, theirs = _both_ways(tmp_path, folder, monkeypatch)
    built = _index(ours)
    for settings in (ours, theirs):
        index_paths(settings).version.write_text("1\n")
    ours, theirs = _both_ways(tmp_path, folder, monkeypatch)
    assert started == [1, 1] * 2  # (the rebuild's too: a second process once one is in
    assert _index(ours) == _index(theirs) == built  # flight)
    assert _store(ours) == _store(theirs)


def _groups(settings: Settings) -> dict[str, list[tuple]]:
    db = sqlite3.connect(index_paths(settings).store)
    try:
        return {"groups": db.execute("SELECT article, grp FROM dup_groups "
                                     "ORDER BY article").fetchall(),
                "edges": db.execute("SELECT a, b, score FROM dup_edges ORDER BY a, b"
                                    ).fetchall()}
    finally:
        db.close()


def test_duplicates_grouped_while_batches_are_in_flight_are_those_grouped_at_the_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While the indexer waits for a batch's mentions, it groups the near-duplicates of
    the batches committed before (Indexer._group_ahead): the groups are those of one
    grouping after the last batch, copies in later batches than their originals too."""
    from newsdesk.index.dups import groups as dup_groups

    folder = tmp_path / "corpus"
    _small(monkeypatch, folder)
    records = [json.loads(line) for line in
               (folder / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    copies = [{**record, "id": f"{record['id']}-copy",
               "text": record["text"].rsplit(". ", 1)[0] + "."}
              for record in records[:90:6]]  # (in the last batches, their originals earlier)
    with (folder / "a.jsonl").open("a", encoding="utf-8") as out:
        out.writelines(json.dumps(copy) + "\n" for copy in copies)
    updates = count_calls(monkeypatch, dup_groups, "update")
    # The mentions not come yet whenever the indexer asks, and long to come.
    monkeypatch.setattr(extract_process.ExtractionProcess, "ready", lambda self: False)
    monkeypatch.setattr(Overlap, "_extraction_left", lambda self, before: 1e9)
    # (No share of the extraction here: the waits would go to it, not to the grouping.)
    monkeypatch.setattr(indexer, "OWN_BYTES", 0)
    ours, theirs = _both_ways(tmp_path, folder, monkeypatch)
    assert len(updates) >= 1 + 4  # in turn: one; handed on: at the waits, then the rest
    found = _groups(ours)
    assert found == _groups(theirs)
    assert len({group for _, group in found["groups"]}) >= 10
    assert _index(ours) == _index(theirs)
