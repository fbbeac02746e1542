"""What an incremental update of the near-duplicate groups (index/dups) costs: BASE articles
of a JSON Lines corpus grouped once (kept in --workdir), then ADD more of its articles added
to a copy of that store and grouped, timed, a few rounds. On an article store alone (no
Whoosh: the grouping reads only the store), so the figure is the grouping's own.

Dev-time: `.venv/bin/python -m tests.bench.dup_update CORPUS --workdir DIR --base 30000
--add 1000`. The grouped base is kept per version of index/dups (a hash of its source), so
the code before and after a change each group their own base once."""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import threading
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from newsdesk.index.dups import groups
from newsdesk.index.models import Article
from newsdesk.index.storage.article_store import Store


def _articles(corpus: Path, skip: int, count: int) -> Iterator[Article]:
    with corpus.open(encoding="utf-8") as lines:
        for line in islice(lines, skip, skip + count):
            record = json.loads(line)
            yield Article(record["id"], "bench", record.get("title", ""), record["text"])


def _add(store: Store, articles: list[Article]) -> None:
    for start in range(0, len(articles), 5000):
        part = articles[start:start + 5000]
        store.stage([(a, hashlib.blake2b(a.text.encode()).hexdigest(), "bench") for a in part],
                    [], [], {}, time.time())
    store.mark_done()


def _code_version() -> str:
    folder = Path(groups.__file__).parent
    digest = hashlib.blake2b(digest_size=6)
    for path in sorted(folder.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--base", type=int, default=30_000)
    parser.add_argument("--add", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    base = args.workdir / f"base-{args.base}-{_code_version()}.sqlite"
    if not base.exists():
        building = base.with_suffix(".building")
        building.unlink(missing_ok=True)
        store = Store(building)
        try:
            _add(store, list(_articles(args.corpus, 0, args.base)))
            report = groups.update(store.db, store.lock)
            grouped = groups.group_count(store.db)
        finally:
            store.close()
        building.rename(base)
        print(f"base: {args.base:,} articles grouped at once in {report.seconds:.2f} s "
              f"({report.edges:,} pairs, {grouped:,} groups)")
    new = list(_articles(args.corpus, args.base, args.add))
    times = []
    for _ in range(args.rounds):
        run = args.workdir / "run.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{run}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(base, run)
        store = Store(run)
        try:
            _add(store, new)
            wall, cpu = time.perf_counter(), time.process_time()
            report = groups.update(store.db, threading.Lock())
            times.append((time.perf_counter() - wall, time.process_time() - cpu))
            grouped = groups.group_count(store.db)
        finally:
            store.close()
        print(f"  {report.signed:,} signed, {report.edges:,} pairs, {grouped:,} groups: "
              f"{times[-1][0]:.3f} s wall, {times[-1][1]:.3f} s processor")
    print(f"update of {len(new):,} articles into {args.base:,}: median "
          f"{statistics.median(t for t, _ in times):.3f} s wall, "
          f"{statistics.median(c for _, c in times):.3f} s processor ({args.rounds} rounds)")


if __name__ == "__main__":
    main()
