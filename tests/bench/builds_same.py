"""Whether two builds of one corpus came out the same: the near-duplicate groups and edges,
the actor table (actors, their keys and aliases) and the stored mentions, compared row for
row from their stores; and the index, by the hits and scores of the same queries (words
of the body drawn from the first build's vocabulary, frequent and rare, and phrases of two).
For a change that moves work in time (tests/bench/timeline.py), not what it makes.

Run:  .venv/bin/python -m tests.bench.builds_same INDEX_DIR_A INDEX_DIR_B [--queries 200]
      (the folders that hold store.sqlite and whoosh/, e.g. WORKDIR/newsdesk/index-newsdesk
      of tests.bench.ingest_only)
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
from pathlib import Path

TABLES = {
    "dup_groups": "SELECT article, grp FROM dup_groups ORDER BY article",
    "dup_edges": "SELECT a, b, score FROM dup_edges ORDER BY a, b",
    "actors": "SELECT * FROM actors ORDER BY 1",
    "actor_keys": "SELECT * FROM actor_keys ORDER BY 1, 2",
    "actor_aliases": "SELECT * FROM actor_aliases ORDER BY 1, 2",
    "mentions": "SELECT * FROM mentions ORDER BY 1, 2, 3, 4",
    "acronyms": "SELECT * FROM acronyms ORDER BY 1, 2, 3",
    "key_totals": "SELECT * FROM key_totals ORDER BY 1",
    # (What the actor table's rebuild stores after the table: written beside another
    # writer at a build's end, it could be left out silently; see actors/table.py _writing.
    # The key index compared parsed, `_parsed`: its dump's bytes vary from run to run.)
    "actor_key_index": "SELECT part, data FROM actor_key_index ORDER BY 1",
    "actor_meta": "SELECT key, value FROM meta WHERE key IN ('actor_keys', 'actor_titles', "
                  "'actor_dictionaries') ORDER BY 1",
}


def _rows(store: Path, sql: str) -> list[tuple] | str:
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        return db.execute(sql).fetchall()
    except sqlite3.Error as exc:
        return f"({exc})"
    finally:
        db.close()


def _parsed(rows: list[tuple] | str) -> object:
    """The key index's rows (part, data) with its parts read back (key_index_store)."""
    from newsdesk.index.actors import key_index_store

    if isinstance(rows, str):
        return rows
    found = dict(rows)
    if "parts" in found:
        found["parts"] = key_index_store.read_parts(found["parts"])
    return found


def compare_stores(a: Path, b: Path) -> list[str]:
    differ = []
    for table, sql in TABLES.items():
        rows_a, rows_b = _rows(a / "store.sqlite", sql), _rows(b / "store.sqlite", sql)
        count = len(rows_a) if isinstance(rows_a, list) else rows_a
        if table == "actor_key_index":
            rows_a, rows_b = _parsed(rows_a), _parsed(rows_b)
        same = rows_a == rows_b
        print(f"{table:<14} {count} rows: {'same' if same else 'DIFFER'}")
        if not same:
            differ.append(table)
    return differ


def _queries(searcher: object, count: int) -> list[str]:
    reader = searcher.reader()  # type: ignore[attr-defined]
    terms = [(reader.doc_frequency("body", t), t.decode() if isinstance(t, bytes) else t)
             for t in reader.lexicon("body")]
    terms.sort()
    rng = random.Random(25)
    frequent = [t for _, t in terms[-count // 4:]]
    rare = rng.sample([t for _, t in terms], min(len(terms), count // 4))
    words = rng.sample(frequent, min(len(frequent), count // 4))
    pairs = [f'"{x} {y}"' for x, y in zip(words, rng.sample(frequent, len(words)),
                                          strict=True)]
    return frequent[: count // 4] + rare + words + pairs


def compare_hits(a: Path, b: Path, count: int) -> int:
    from whoosh.index import open_dir
    from whoosh.qparser import QueryParser

    ix_a, ix_b = open_dir(str(a / "whoosh")), open_dir(str(b / "whoosh"))
    differ = 0
    with ix_a.searcher() as s_a, ix_b.searcher() as s_b:
        print(f"documents {s_a.doc_count()} / {s_b.doc_count()}")
        parser = QueryParser("body", ix_a.schema)
        queries = _queries(s_a, count)
        for text in queries:
            query = parser.parse(text)
            hits_a = [(h["id"], round(h.score, 9)) for h in s_a.search(query, limit=50)]
            hits_b = [(h["id"], round(h.score, 9)) for h in s_b.search(query, limit=50)]
            total_a = len(s_a.search(query, limit=None))
            total_b = len(s_b.search(query, limit=None))
            if hits_a != hits_b or total_a != total_b:
                differ += 1
                print(f"  differ: {text!r} ({total_a} / {total_b} hits)")
    print(f"queries {len(queries)}: {differ} differ")
    return differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args(argv)
    differ = compare_stores(args.a, args.b)
    hits = compare_hits(args.a, args.b, args.queries)
    return 1 if differ or hits else 0


if __name__ == "__main__":
    sys.exit(main())
