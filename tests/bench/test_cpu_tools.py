"""The CPU tools of issue 25, small: the per-process CPU of a command's tree
(tests/bench/process_cpu.py) and the store's writes replayed (tests/bench/store_writes.py).
No timing assertions: what they count, not how fast it is."""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from newsdesk.index.models import Article
from newsdesk.index.storage.article_store import Store
from tests.bench import process_cpu, store_writes


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_every_process_of_the_tree_is_counted() -> None:
    child = ("import subprocess, sys, time\n"
             "p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(0.3)'])\n"
             "end = time.process_time() + 0.2\n"
             "while time.process_time() < end: pass\n"
             "p.wait()\n")
    code, processes = process_cpu.watch([sys.executable, "-c", child])
    assert code == 0
    assert len(processes) == 2
    parent, grandchild = processes
    assert grandchild.parent == parent.pid
    assert parent.cpu >= 0.15  # (the busy loop's 0.2 s, in ticks)
    assert "all" in process_cpu.table(processes)


def _rows(article: str) -> list[tuple]:
    return [(article, "jones", "Jones", 2, "0-5 9-14", "", 1, 0, "", 0),
            (article, "jones", "JONES", 1, "20-25", "", 0, 0, "", 1),
            (article, "acme", "Acme", 1, "30-34", "", 0, 0, "company", 0)]


def test_the_replay_writes_what_the_build_wrote(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    records = [{"id": f"a{i}", "title": f"Title {i}", "text": f"Text {i} by Jones."}
               for i in range(5)]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records))
    (tmp_path / "built").mkdir()
    built = Store(tmp_path / "built" / "store.sqlite")
    articles = [Article(r["id"], str(corpus), r["title"], r["text"]) for r in records]
    built.stage([(a, "-", str(corpus)) for a in articles], [], [], {}, time.time())
    built.mark_done([row for a in articles for row in _rows(a.id)], [], set(),
                    upto=built.pending_staged({a.id: a for a in articles}).last)
    built.close()
    work = tmp_path / "work"
    assert store_writes.main([str(corpus), str(tmp_path / "built" / "store.sqlite"),
                              "--batch", "2", "--workdir", str(work)]) == 0
    spent = json.loads(capsys.readouterr().out)
    assert set(spent) == {*store_writes.PARTS, "all"}
    tables = ("SELECT key, articles, mentions, person, location, lower FROM key_totals "
              "ORDER BY key", "SELECT * FROM key_surfaces ORDER BY key, surface",
              "SELECT * FROM key_orgs ORDER BY key, org",
              "SELECT count(*) FROM articles WHERE pending = 0",
              "SELECT count(*) FROM mentions")
    found = []
    for path in (tmp_path / "built" / "store.sqlite", work / "store.sqlite"):
        db = sqlite3.connect(path)
        found.append([db.execute(query).fetchall() for query in tables])
        db.close()
    assert found[0] == found[1]
    assert found[1][0] == [("acme", 5, 5, 0, 0, 0), ("jones", 5, 15, 5, 0, 5)]
