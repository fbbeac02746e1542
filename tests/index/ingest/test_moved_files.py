"""Files moved, renamed or regrouped: an article found unchanged in another file than the
one gone only changes path (no re-indexing, no re-extraction, no regrouping); one found
changed replaces the gone copy (one removed, one added); what is left of the files gone
is removed at the run's end."""

from __future__ import annotations

import json
import random
import sqlite3
import threading
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths

NAMES = ["Tony Blair", "Angela Merkel", "Kofi Annan", "Gordon Brown", "Jacques Chirac"]
TOPICS = ["zebra", "okapi", "giraffe", "tapir", "wombat", "lemur", "ibis"]


def _record(i: int, version: int = 0) -> dict[str, str]:
    rng = random.Random(i * 7 + version)
    name = NAMES[i % len(NAMES)]
    words = " ".join(rng.choice(TOPICS) for _ in range(12))
    return {"id": f"art-{i}", "title": f"Report {i} {version}",
            "text": f"On Monday {name} spoke about the {words} census number {i}. "
                    f"Later {name} said it went well" + (" (amended)." if version else ".")}


def _write(path: Path, records: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records))


def _paths(settings: Settings) -> dict[str, str]:
    db = sqlite3.connect(index_paths(settings).store)
    try:
        return dict(db.execute("SELECT id, file FROM articles"))
    finally:
        db.close()


def _whoosh_files(settings: Settings) -> set[str]:
    return {p.name for p in index_paths(settings).whoosh.iterdir()}


def test_a_file_moved_into_a_folder_only_changes_path(corpus_settings: Settings,
                                                       corpus_dir: Path) -> None:
    records = [_record(i) for i in range(40)]
    _write(corpus_dir / "a.jsonl", records)
    Indexer(corpus_settings).run()
    with Engine(corpus_settings) as engine:
        actors_before = [(a.name, a.articles, a.mentions) for a in engine.actors.list()]
        hits_before = [(h.id, h.score) for h in engine.search("zebra", limit=None).hits]
    files_before = _whoosh_files(corpus_settings)

    (corpus_dir / "2024").mkdir()
    (corpus_dir / "a.jsonl").rename(corpus_dir / "2024" / "b.jsonl")
    report = Indexer(corpus_settings).run()
    assert (report.moved, report.added, report.updated, report.removed, report.total) == (
        40, 0, 0, 0, 40)
    assert _whoosh_files(corpus_settings) == files_before  # nothing written to the index
    moved_to = str(corpus_dir / "2024" / "b.jsonl")
    assert set(_paths(corpus_settings).values()) == {moved_to}
    with Engine(corpus_settings) as engine:
        hits = engine.search("zebra", limit=None).hits
        assert [(h.id, h.score) for h in hits] == hits_before
        assert {h.path for h in hits} == {moved_to}
        assert [(a.name, a.articles, a.mentions) for a in engine.actors.list()] == actors_before
    assert Indexer(corpus_settings).run().moved == 0  # and the next run has nothing to do


@pytest.mark.parametrize("seed", range(8))
def test_a_corpus_regrouped_moves_updates_and_removes(corpus_settings: Settings,
                                                     corpus_dir: Path, seed: int) -> None:
    rng = random.Random(seed)
    count = 60
    old_files = [corpus_dir / f"old-{k}.jsonl" for k in range(3)]
    owner = {i: rng.randrange(3) for i in range(count)}
    for k, path in enumerate(old_files):
        _write(path, [_record(i) for i in range(count) if owner[i] == k])
    corpus_settings.index.batch_size = rng.choice([7, 50, 1000])
    Indexer(corpus_settings).run()

    kept_file = rng.randrange(3)  # one old file stays where it is, unchanged
    fate = {i: ("stay" if owner[i] == kept_file else rng.choice(["move", "change", "drop"]))
            for i in range(count)}
    new_files = [corpus_dir / "new" / f"part-{k}.jsonl" for k in range(2)]
    placed: dict[int, Path] = {}
    for k, path in enumerate(new_files):
        chosen = [i for i in range(count) if fate[i] in ("move", "change") and i % 2 == k]
        _write(path, [_record(i, 1 if fate[i] == "change" else 0) for i in chosen])
        placed.update({i: path for i in chosen})
    fresh = [{"id": f"new-{j}", "title": f"Fresh {j}", "text": f"A zebra story {j}."}
             for j in range(rng.randrange(0, 5))]
    _write(new_files[0], [_record(i, 1 if fate[i] == "change" else 0)
                          for i in range(count) if placed.get(i) == new_files[0]] + fresh)
    for k, path in enumerate(old_files):
        if k != kept_file:
            path.unlink()

    report = Indexer(corpus_settings).run()
    expect = {f: sum(1 for v in fate.values() if v == f) for f in ("move", "change", "drop")}
    # (a copy changed in its new file: the gone file's copy removed, this one added)
    assert (report.moved, report.updated, report.removed, report.added) == (
        expect["move"], 0, expect["drop"] + expect["change"], len(fresh) + expect["change"])
    paths = _paths(corpus_settings)
    wanted = {f"art-{i}": str(placed[i]) for i in range(count) if fate[i] in ("move", "change")}
    wanted |= {f"art-{i}": str(old_files[kept_file]) for i in range(count)
               if fate[i] == "stay"}
    wanted |= {r["id"]: str(new_files[0]) for r in fresh}
    assert paths == wanted
    with Engine(corpus_settings) as engine:
        assert engine.doc_count == len(wanted)
        assert sorted(engine.ids("census OR zebra")) == sorted(wanted)
        changed = sorted(f"art-{i}" for i in range(count) if fate[i] == "change")
        assert sorted(engine.ids("amended")) == changed
        dropped = [f"art-{i}" for i in range(count) if fate[i] == "drop"]
        assert not set(engine.ids("census")) & set(dropped)


def test_a_move_stopped_half_way_is_finished_by_the_next_run(
        corpus_settings: Settings, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for k in range(4):
        _write(corpus_dir / f"f{k}.jsonl", [_record(i) for i in range(k * 30, k * 30 + 30)])
    Indexer(corpus_settings).run()
    for k in range(4):
        (corpus_dir / f"f{k}.jsonl").rename(corpus_dir / f"g{k}.jsonl")
    cancel = threading.Event()
    read_file = Indexer._read_file
    files_read = 0

    def stopped_after_two(self: Indexer, *args: object) -> bool:
        nonlocal files_read
        files_read += 1
        if files_read == 2:
            cancel.set()  # (Ctrl+C while the second file is read)
        return read_file(self, *args)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(Indexer, "_read_file", stopped_after_two)
        first = Indexer(corpus_settings).run(None, cancel)
    assert first.cancelled and 0 < first.moved < 120
    with Engine(corpus_settings) as engine:  # nothing lost meanwhile
        assert engine.doc_count == 120 and len(engine.ids("census")) == 120
    second = Indexer(corpus_settings).run()
    # (the stopped run's moves not yet written are found again)
    assert 0 < second.moved <= 120 and second.added == second.removed == second.updated == 0
    assert set(_paths(corpus_settings).values()) == {
        str(corpus_dir / f"g{k}.jsonl") for k in range(4)}
