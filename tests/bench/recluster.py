"""How long a curation edit takes to show: the edit written, then the actor table
re-clustered from the stored mentions, for each kind of edit (merge, unmerge, rename, hide,
a name split out, undo): patched (only the actors the edit touched, what the dashboard and
the CLI do) and rebuilt whole (what they did before), and whether the two tables agree.

Re-clustering reads only the article store, so no Whoosh index is built: the mentions of a
real corpus (--corpus FILE) or of a generated one (--articles N, tests/bench/generate_corpus)
are extracted as the indexer does and kept in a store of their own under --workdir, which
later runs reuse.

With --fresh every edit is the first of its process (a new ActorTable: the key index read
from the store, the titles' facts worked out), as a `newsdesk actors EDIT` is, or a
dashboard edit made before its warm-up (ActorTable.prepare) ends; with --fresh --warm, the
first edit of a dashboard after its warm-up; without either, each edit after the first
reuses what the ones before left (what a dashboard session does).

Run:  .venv/bin/python -m tests.bench.recluster --articles 100000 --workdir DIR
      .venv/bin/python -m tests.bench.recluster --corpus ../shared/corpora/bbc-news-2225.jsonl \
          --workdir DIR
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from newsdesk.index.actors.curation import Curation
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.reach import KeyIndex
from newsdesk.index.actors.table import (
    ActorTable,
    dictionaries_before,
    dictionaries_stamp,
    make_extractor,
    mention_rows,
)
from newsdesk.index.models import Actor
from newsdesk.index.storage.article_store import Store
from tests.bench import generate_corpus

BATCH = 2_000


def records(corpus: Path | None, count: int) -> Iterator[dict]:
    if corpus is not None:
        with corpus.open(encoding="utf-8") as handle:
            yield from map(json.loads, handle)
        return
    yield from generate_corpus.articles(count, generate_corpus.Pools(
        generate_corpus.default_records()))


def fill(store: Store, source: Iterator[dict]) -> int:
    """Extract every article's mentions into the store, as the indexer does; how many."""
    extractor = make_extractor(load_dictionaries([]))
    done = 0
    mentions: list = []
    acronyms: list[tuple[str, str, str]] = []
    for number, record in enumerate(source):
        article_id = str(record.get("id") or number)
        found = extractor.extract(record.get("title") or "", record.get("text") or "")
        mentions.extend(mention_rows(article_id, found))
        acronyms.extend((article_id, a, e) for a, e in found.acronyms)
        done += 1
        if done % BATCH == 0:
            store.mark_done(mentions, acronyms)
            mentions, acronyms = [], []
            print(f"  {done:,} articles extracted", file=sys.stderr)
    store.mark_done(mentions, acronyms)
    return done


def timed(action: Callable[[], object],
          rebuild: Callable[[], object]) -> tuple[float, float, float]:
    """(seconds to write the edit, seconds to re-cluster, processor seconds of both: what
    a shared machine's waits leave out)."""
    started, cpu = time.perf_counter(), time.process_time()
    action()
    written = time.perf_counter()
    rebuild()
    return written - started, time.perf_counter() - written, time.process_time() - cpu


def p95(values: list[float]) -> float:
    """The 95th percentile, nearest rank (of few values, the largest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--fresh", action="store_true",
                        help="each edit the first of its process (a new actor table)")
    parser.add_argument("--warm", action="store_true",
                        help="with --fresh: the new table readied first, untimed "
                             "(ActorTable.prepare: a dashboard's first edit after its warm-up)")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    name = args.corpus.stem if args.corpus else f"generated-{args.articles}"
    store_path = args.workdir / f"{name}.sqlite"
    fresh = not store_path.exists()
    store = Store(store_path)
    if fresh:
        started = time.perf_counter()
        count = fill(store, records(args.corpus, args.articles))
        store.db.execute("INSERT OR REPLACE INTO meta VALUES ('bench_articles', ?)",
                         (str(count),))
        store.db.commit()
        print(f"{count:,} articles extracted in {time.perf_counter() - started:.1f} s",
              file=sys.stderr)
    count = int(store.meta("bench_articles") or 0)
    table = ActorTable(store)
    curation_file = args.workdir / f"{name}.curation.yaml"
    for stale in (curation_file, curation_file.with_name(curation_file.stem + ".undo.json")):
        stale.unlink(missing_ok=True)
    curation = Curation(curation_file)

    def rebuild() -> None:
        table.rebuild(load_dictionaries([curation_file]), dictionaries_stamp([curation_file]))

    fresh: list[ActorTable] = []  # with --fresh, the table of the next edit

    def patch() -> None:
        assert curation.applied is not None
        mine = fresh.pop() if fresh else table
        mine.patch(load_dictionaries([curation_file]), curation.applied.touched,
                   dictionaries_stamp([curation_file]),
                   dictionaries_before([curation_file], False, curation_file,
                                       curation.applied.previous))

    def listing() -> list[tuple]:
        return sorted((a.name, a.type, a.hidden, a.articles, a.mentions, tuple(a.aliases))
                      for a in table.list(hidden=True))

    started = time.perf_counter()
    rebuild()
    keys = store.db.execute("SELECT count(*) FROM key_totals").fetchone()[0]
    rows = store.db.execute("SELECT count(*) FROM mentions").fetchone()[0]
    print(f"{name}: {count:,} articles, {rows:,} mention rows, {keys:,} name keys, "
          f"{len(table.list(hidden=True)):,} actors; first build "
          f"{time.perf_counter() - started:.2f} s")
    for label, prepare in (("the key index built", lambda: KeyIndex(store.db)),
                           ("the key index read from the store and the titles' facts "
                            "(ActorTable.prepare, the dashboard's warm-up)",
                            ActorTable(store).prepare)):
        started, cpu = time.perf_counter(), time.process_time()
        prepare()
        print(f"  {label}: {time.perf_counter() - started:.2f} s "
              f"(cpu {time.process_time() - cpu:.2f} s)")
    if not args.fresh:  # a dashboard's edits, after its warm-up
        table.prepare(build=True)

    def top(n: int) -> Actor:
        return table.list(limit=n + 1)[n]

    def split(actor: Actor) -> None:
        choice = next((c for c in curation.unmerge_choices(actor) if not c.merge), None)
        curation.unmerge(actor, choice.name if choice else actor.name)

    def merge() -> None:
        source, target = top(3), top(2)
        merged.append(target.name)
        curation.merge(source, target)

    merged: list[str] = []
    times: dict[str, dict[str, list[float]]] = {}
    same = 0
    differ: list[str] = []
    for _ in range(args.rounds):
        edits: list[tuple[str, Callable[[], object]]] = [
            ("merge", merge),
            ("unmerge", lambda: curation.unmerge(table.resolve(merged[-1]))),
            ("rename", lambda: curation.rename(top(1), "Renamed Actor")),
            ("hide", lambda: curation.hide(top(0))),
            ("split a name out", lambda: split(max(table.list(limit=50),
                                                   key=lambda a: len(a.aliases)))),
            *[("undo", curation.undo)] * 5,
        ]
        for label, action in edits:
            if args.fresh:
                fresh.append(ActorTable(store))
                if args.warm:
                    fresh[-1].prepare()
            wrote, patched, patch_cpu = timed(action, patch)
            mine = listing()
            started, cpu = time.perf_counter(), time.process_time()
            rebuild()
            whole, whole_cpu = time.perf_counter() - started, time.process_time() - cpu
            whole_listing = listing()
            if whole_listing == mine:
                same += 1
            else:  # which edit, and how many actors differ (what to look into)
                apart = set(whole_listing) ^ set(mine)
                differ.append(f"{label} ({len(apart)} rows: "
                              f"{', '.join(sorted({r[0] for r in apart})[:4])})")
            for how, seconds in (("patch", wrote + patched), ("patch cpu", patch_cpu),
                                 ("rebuild", wrote + whole), ("rebuild cpu", whole_cpu)):
                times.setdefault(label, {}).setdefault(how, []).append(seconds)
    total = sum(len(t["patch"]) for t in times.values())
    first = ", each edit the first of its process" if args.fresh else ""
    first += " after the warm-up" if args.fresh and args.warm else ""
    print(f"  (the edit written, then the table re-clustered{first}; median and 95th "
          "percentile of each, wall and "
          f"processor (cpu) time; the patched table equal to a whole rebuild after "
          f"{same} of {total} edits)")
    if differ:
        print("  the patched table differs after: " + "; ".join(differ))
    for label, by in times.items():
        print(f"  {label:<17}" + "  ".join(
            f"{how} {statistics.median(v) * 1000:5.0f} ms (p95 {p95(v) * 1000:5.0f})"
            for how, v in by.items()))
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
