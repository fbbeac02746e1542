"""A first build's end (Indexer._finish: the mentions' key index, the actors' rebuild, the
near-duplicates' grouping of every article) replayed on a COPY of a built store, with the
peak memory of the process and of the processes it starts (the clustering's), their
proportional set sizes sampled every 0.1 s from /proc (Linux).

The store is set back to how a first build leaves it before its end: the key index
deferred, no actor table of these dictionaries nor key index stored, every signature
unlinked (the signatures are kept: none is made again). The indexer's memory from the run
before its end (its vocabulary, caches) is not there: the figures are what the end adds to
a process of about 60 MB.

Dev-time, on a COPY of a store (it is rewritten), with the environment the build had
(NEWSDESK_CONFIG naming its corpus): `.venv/bin/python -m tests.bench.end_replay
STORE.sqlite ARTICLES` (ARTICLES: the articles the build committed, which decide whether
the grouping runs beside the clustering)."""

from __future__ import annotations

import argparse
import json
import os
import resource
import select
import subprocess
import sys
import threading
import time
from pathlib import Path

from newsdesk.index.config import load_settings
from newsdesk.index.dups import groups
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.storage import key_article_index
from newsdesk.index.storage.article_store import Store
from newsdesk.index.storage.gc_batches import collect_less
from tests.helpers.processes import descendants, memory_kb


class _Peaks:
    """This process's Pss, its descendants' together, and both together: their peaks,
    sampled by a process of its own (`--sample`, not counted), not by a thread: the
    clustering process is a plain fork only where the indexer is the process's one
    thread, as under `newsdesk index`."""

    def __init__(self) -> None:
        self.own = self.others = self.together = 0

    def __enter__(self) -> _Peaks:
        self._sampler = subprocess.Popen(
            [sys.executable, "-m", "tests.bench.end_replay", "--sample", str(os.getpid())],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        return self

    def __exit__(self, *exc: object) -> None:
        found, _ = self._sampler.communicate(b"")
        self.own, self.others, self.together = json.loads(found or b"[0, 0, 0]")


def _sample(parent: int) -> None:
    """(The sampler.) The peaks of `parent`'s Pss, its other descendants' and both, in kB,
    written as JSON once standard input ends."""
    peaks = [0, 0, 0]
    me = os.getpid()
    while not select.select([sys.stdin], [], [], 0.1)[0]:
        found = memory_kb(parent)
        own = found.pss if found is not None else 0
        others = sum(m.pss for m in map(memory_kb, descendants(parent) - {me})
                     if m is not None)
        peaks = [max(peaks[0], own), max(peaks[1], others), max(peaks[2], own + others)]
    print(json.dumps(peaks))


def _as_before_the_end(store: Store) -> None:
    with store.lock:
        key_article_index.defer(store.db)
        groups.ensure(store.db)
        with store.db:
            store.db.execute("DELETE FROM meta WHERE key = 'actor_dictionaries'")
            store.db.execute("CREATE TABLE IF NOT EXISTS actor_key_index "
                             "(part TEXT PRIMARY KEY, data BLOB NOT NULL)")
            store.db.execute("DELETE FROM actor_key_index")
            for table in ("dup_edges", "dup_groups", "dup_bands", "dup_unlinked"):
                store.db.execute(f"DELETE FROM {table}")
            store.db.execute("INSERT INTO dup_unlinked SELECT n FROM dup_sigs")
            store.db.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')",
                             (groups.BEHIND_KEY,))


def _cpu_s() -> float:
    """This process's CPU seconds and those of its children waited for (the clustering's
    and the key index's processes, and the sampler's)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), \
        resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path, nargs="?")
    parser.add_argument("articles", type=int, nargs="?")
    parser.add_argument("--sample", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.sample is not None:
        _sample(args.sample)
        return
    if args.store is None or args.articles is None:
        parser.error("STORE and ARTICLES are needed")
    store = Store(args.store).for_indexing()
    try:
        _as_before_the_end(store)
        indexer = Indexer(load_settings())
        indexer._committed = True  # noqa: SLF001 - as the run's last commit leaves it
        indexer._run_documents = args.articles  # noqa: SLF001
        before = memory_kb(os.getpid())
        cpu = _cpu_s()
        wall = time.perf_counter()
        with collect_less(), _Peaks() as peaks:
            indexer._alone = True  # noqa: SLF001 - as run_alone sets it
            indexer._finish(store, lambda progress: None, threading.Event())  # noqa: SLF001
        wall = time.perf_counter() - wall
        cpu = _cpu_s() - cpu
        actors = store.db.execute("SELECT count(*) FROM actors").fetchone()[0]
        edges = store.db.execute("SELECT count(*) FROM dup_edges").fetchone()[0]
        print(f"end replayed in {wall:.1f} s ({cpu:.2f} s of CPU, its processes' with it): "
              f"{actors} actors, {edges} edges, "
              f"{groups.group_count(store.db)} groups; Pss before "
              f"{(before.pss if before else 0) / 1000:.0f} MB, peak {peaks.own / 1000:.0f} MB "
              f"here, {peaks.others / 1000:.0f} MB in its processes, "
              f"{peaks.together / 1000:.0f} MB together")
    finally:
        store.close()


if __name__ == "__main__":
    main()
