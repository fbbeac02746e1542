"""Exports carry a date as the article gave it (issue 23): the store keeps naive times for
searching, sorting and charts, and the export wrote "2020-01-04T10:00:00" for an article
dated "2020-01-04T10:00:00+05:30". Offsets, Z and dates without an offset, in CSV, JSON
Lines and `search --json`; and a store made before the dates were kept gets them at its
next ingest (every file read again) rather than breaking."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.corpus import content_hash
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.views.export import export_to_file
from newsdesk.tui.cli.common import hit_json

DATES = {"ist": "2020-01-04T10:00:00+05:30", "utc": "2020-01-05T08:30:00Z",
         "naive": "2020-01-06T12:00:00", "day": "2020-01-07"}


def _write_corpus(corpus_dir: Path) -> None:
    lines = [json.dumps({"id": key, "title": f"Oil report {key}",
                         "text": f"The oil price moved ({key}).", "date": date})
             for key, date in DATES.items()]
    (corpus_dir / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _exported(engine: Engine, tmp_path: Path) -> tuple[dict[str, str], dict[str, str]]:
    export_to_file(engine.iter_hits("oil"), tmp_path / "out.csv", "csv")
    export_to_file(engine.iter_hits("oil"), tmp_path / "out.jsonl", "jsonl")
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    from_csv = {r["id"]: r["date"] for r in csv.DictReader(io.StringIO(text))}
    rows = (json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines())
    return from_csv, {r["id"]: r["date"] for r in rows}


def test_exports_carry_the_date_as_written(corpus_settings: Settings, corpus_dir: Path,
                                           tmp_path: Path) -> None:
    _write_corpus(corpus_dir)
    Indexer(corpus_settings).run()
    with Engine(corpus_settings) as engine:
        from_csv, from_jsonl = _exported(engine, tmp_path)
        cli = {h.id: hit_json(h)["date"] for h in engine.search("oil").hits}
        # Searching still goes by the naive time: the offset is not applied.
        assert [h.id for h in engine.search("oil", sort="newest").hits] == [
            "day", "naive", "utc", "ist"]
        assert {h.id: h.date.isoformat() for h in engine.search("oil").hits}["ist"] == \
            "2020-01-04T10:00:00"
    assert from_csv == from_jsonl == cli == DATES


def test_a_store_from_before_gets_the_dates_at_its_next_ingest(
        corpus_settings: Settings, corpus_dir: Path, tmp_path: Path) -> None:
    _write_corpus(corpus_dir)
    Indexer(corpus_settings).run()
    store = index_paths(corpus_settings).store
    with Engine(corpus_settings) as engine:  # the content hashes newsdesk made before
        old = {a.id: content_hash(replace(a, date_text=None))
               for a in engine.store.articles(list(DATES)).values()}
    db = sqlite3.connect(store)  # as newsdesk made it before: no column for the dates
    db.execute("ALTER TABLE articles DROP COLUMN date_text")
    db.executemany("UPDATE articles SET hash=? WHERE id=?", [(h, i) for i, h in old.items()])
    db.commit()
    db.close()
    with Engine(corpus_settings) as engine:  # opens it (adding the column) and searches
        before, _ = _exported(engine, tmp_path)
    assert before == {key: date.replace("+05:30", "").replace("Z", "") if "T" in date
                      else date + "T00:00:00" for key, date in DATES.items()}
    report = Indexer(corpus_settings).run()  # the next ingest reads every file again
    assert (report.updated, report.unchanged) == (3, 1)  # the dates that say more: re-sent
    with Engine(corpus_settings) as engine:
        after, _ = _exported(engine, tmp_path)
        assert engine.search("oil").total == len(DATES)
    assert after == DATES
