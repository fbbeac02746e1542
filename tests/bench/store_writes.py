"""A first build's store writes replayed alone, in CPU seconds of this process: each batch's
articles staged (Store.stage), then marked done with the mention rows a built store holds
for them (Store.mark_done's statements, each part timed: the deletes of what the batch
replaces, the mention inserts, each of key_totals' three statements, the pending flags,
the commit). No Whoosh, no extraction: the indexer's SQLite work on its own, to weigh
changes to it without a whole build's noise.

Run:  .venv/bin/python -m tests.bench.store_writes CORPUS.jsonl BUILT/store.sqlite
      [--batch 3750] [--workdir DIR]
(BUILT: the index folder of a build of CORPUS, for its mention rows.)
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import time
from pathlib import Path

from newsdesk.index.models import Article
from newsdesk.index.storage import json_rows, key_totals
from newsdesk.index.storage.article_store import Store

PARTS = ("stage", "replaced", "inserts", "key_totals", "key_surfaces", "key_orgs",
         "pending", "commit")


def _records(corpus: Path) -> list[dict]:
    with corpus.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _mentions(built: Path) -> dict[str, list[tuple]]:
    source = sqlite3.connect(f"file:{built}?mode=ro", uri=True)
    try:
        found: dict[str, list[tuple]] = {}
        for row in source.execute("SELECT * FROM mentions ORDER BY rowid"):
            found.setdefault(row[0], []).append(row)
        return found
    finally:
        source.close()


def _mark_done(db: sqlite3.Connection, mentions: list[tuple], upto: int,
               spent: dict[str, float]) -> None:
    """Store.mark_done's statements for a batch of additions, each part timed into `spent`."""
    clock = time.process_time
    pending = f"INDEXED BY articles_pending WHERE pending!=0 AND rowid<={upto}"
    gone = f"SELECT id FROM articles {pending}"
    began = clock()
    with db:
        key_totals.apply(db, db.execute(
            f"SELECT {key_totals.COLUMNS} FROM mentions WHERE article IN ({gone})"), -1)
        db.execute(f"DELETE FROM mentions WHERE article IN ({gone})")
        db.execute("INSERT OR IGNORE INTO key_changes SELECT acronym FROM acronyms "
                   f"WHERE article IN ({gone})")
        db.execute(f"DELETE FROM acronyms WHERE article IN ({gone})")
        after = key_totals.last_row(db)
        at = clock()
        spent["replaced"] += at - began
        db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?)", mentions)
        spent["inserts"] += clock() - at
        totals, surfaces, orgs = key_totals._ADD_STORED.split(";")
        for part, statement in (("key_totals", totals), ("key_surfaces", surfaces),
                                ("key_orgs", orgs)):
            at = clock()
            keys = db.execute(statement, {"after": after}).fetchall()
            if part == "key_totals":
                json_rows.insert_or_ignore(db, "key_changes", [key for key, in keys])
            spent[part] += clock() - at
        at = clock()
        db.execute(f"DELETE FROM articles {pending} AND pending=2")
        db.execute("UPDATE articles INDEXED BY articles_pending SET pending=0 "
                   f"WHERE pending!=0 AND pending=1 AND rowid<={upto}")
        committed = clock()
        spent["pending"] += committed - at
    spent["commit"] += clock() - committed


def replay(corpus: Path, built: Path, workdir: Path, batch: int) -> dict[str, float]:
    records = _records(corpus)
    by_article = _mentions(built)
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    store = Store(workdir / "store.sqlite").for_indexing()
    store.defer_key_index()  # (as a first build does)
    spent = dict.fromkeys(PARTS, 0.0)
    try:
        for start in range(0, len(records), batch):
            articles = [Article(str(r.get("id") or start + i), str(corpus),
                                r.get("title") or "", r["text"])
                        for i, r in enumerate(records[start:start + batch])]
            began = time.process_time()
            store.stage([(a, "-", str(corpus)) for a in articles], [], [], {}, time.time())
            upto = store.pending_staged({a.id: a for a in articles}).last
            spent["stage"] += time.process_time() - began
            rows = [row for a in articles for row in by_article.get(a.id, [])]
            with store.lock:
                _mark_done(store.db, rows, upto, spent)
    finally:
        store.close()
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("built", type=Path, help="the store.sqlite of a build of CORPUS")
    parser.add_argument("--batch", type=int, default=3750)
    parser.add_argument("--workdir", type=Path, default=Path("bench-work/store-writes"))
    args = parser.parse_args(argv)
    if not args.built.is_file():
        parser.error(f"{args.built}: no such store")
    spent = replay(args.corpus, args.built, args.workdir, max(1, args.batch))
    print(json.dumps({part: round(seconds, 3) for part, seconds in spent.items()}
                     | {"all": round(sum(spent.values()), 3)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
