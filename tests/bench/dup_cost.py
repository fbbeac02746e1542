"""What grouping near-duplicates (index/dups) adds to an ingest (issue 26: under 10% of
ingest time). Dev-time: `.venv/bin/python -m tests.bench.dup_cost CORPUS --workdir DIR`.

The first run builds DIR's index from CORPUS, timing the whole ingest and, inside it, the
grouping (wall clock and processor time: the grouping runs in this process, the ingest's is this
process's and its children's), and keeps the figures in
DIR/ingest.json. A later run (or `--regroup`) does not index again: it drops the stored
signatures and groups and makes them anew from the store, timed the same way, and sets
them against the ingest time kept. A busy machine slows both: the share is what counts."""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import threading
import time
from pathlib import Path

from newsdesk.index.config import load_settings
from newsdesk.index.dups import groups
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import parallel_writer


class _Timed:
    """groups.update, timed, in place of itself (the indexer calls it once a run)."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0
        self.report: groups.DupReport | None = None
        self.groups = 0
        self._update = groups.update

    def __call__(self, *args: object, **kwargs: object) -> groups.DupReport:
        wall, cpu = time.perf_counter(), time.process_time()
        self.report = self._update(*args, **kwargs)  # type: ignore[arg-type]
        self.wall += time.perf_counter() - wall
        self.cpu += time.process_time() - cpu
        self.groups = groups.group_count(args[0])  # type: ignore[arg-type]
        return self.report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--one-process", action="store_true",
                        help="index in this process alone (no writer sub-processes, whose "
                             "processor time getrusage does not see): the processor share "
                             "is then of the whole ingest")
    args = parser.parse_args()
    if args.one_process:
        parallel_writer.MIN_PARALLEL_DOCUMENTS = 1 << 62
    settings = load_settings()
    settings.corpus.sources = [args.corpus.resolve()]
    settings.index.dir = args.workdir / "index"
    kept = args.workdir / "ingest.json"
    timed = _Timed()
    if not kept.exists():
        args.workdir.mkdir(parents=True, exist_ok=True)
        groups.update = timed  # type: ignore[assignment]
        began, cpu = time.perf_counter(), _processor()
        report = Indexer(settings).run()
        ingest, ingest_cpu = time.perf_counter() - began, _processor() - cpu
        groups.update = timed._update  # type: ignore[assignment]
        kept.write_text(json.dumps({"ingest_s": ingest, "ingest_cpu_s": ingest_cpu,
                                    "articles": report.total, "dups_s": timed.wall,
                                    "dups_cpu_s": timed.cpu}))
        print(f"built: {report.total} articles, ingest {ingest:.1f} s wall, {ingest_cpu:.1f} "
              "s processor")
    else:
        figures = json.loads(kept.read_text())
        ingest, ingest_cpu = figures["ingest_s"], figures.get("ingest_cpu_s")
        db = sqlite3.connect(index_paths(settings).store)
        with db:
            db.execute("DELETE FROM meta WHERE key = ?", (groups.VERSION_KEY,))
        timed(db, threading.Lock())
        db.close()
        print(f"regrouped the kept index ({figures['articles']} articles; its ingest took "
              f"{ingest:.1f} s, its grouping then {figures['dups_s']:.2f} s)")
    report_ = timed.report
    assert report_ is not None
    print(f"grouping: {timed.wall:.2f} s wall, {timed.cpu:.2f} s processor; "
          f"{report_.signed} signed, {report_.edges} pairs, {timed.groups} groups")
    print(f"share of ingest time: {timed.wall / ingest:.1%} (wall)"
          + (f", {timed.cpu / ingest_cpu:.1%} (processor)" if ingest_cpu else ""))


def _processor() -> float:
    """Processor seconds of this process and of the children it waited for (not the
    indexer's writer processes: the fork server starts them; see --one-process)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
