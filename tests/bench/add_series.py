"""Consecutive adds of new articles to a built index, each the whole `newsdesk index` a
user runs (wall and CPU seconds of all its processes, as tests/bench/scale.py's add_more
measures one): a user waits for every add, not the median one, so the median AND the
slowest are what count. With --steps, each add also says where its time went in the
indexing process (wall and CPU seconds per step; CPU of that process only: the segment
writer and actor extraction run in processes of their own).

The first add is add_more's (1,000 generated articles, seed 43, numbered after the
corpus); add i uses seed 43 + i. The index is added to: run it on a copy. --after N goes
on after the N adds made before.

Run:  .venv/bin/python -m tests.bench.add_series WORKDIR --corpus CORPUS.jsonl
      [--adds 10] [--count 1000] [--steps]
      (WORKDIR holds index-newsdesk, as tests.bench.scale or tests.bench.ingest_only
      built it there)
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path


def _timed(owner: object, name: str, step: str, spent: dict[str, list[float]]) -> None:
    """Wrap owner.name so its wall and CPU seconds add to spent[step]."""
    inner = getattr(owner, name)

    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            found = spent.setdefault(step, [0.0, 0.0])
            found[0] += time.perf_counter() - wall
            found[1] += time.process_time() - cpu

    setattr(owner, name, wrapper)


def _child_steps() -> None:
    """(A child process.) One `newsdesk index` run, its steps timed (wall/CPU seconds),
    as JSON on stdout."""
    began_wall, began_cpu = time.perf_counter(), time.process_time()
    from newsdesk.index.config import load_settings
    from newsdesk.index.ingest import indexer
    from newsdesk.index.storage import integrity, segment_merging

    spent: dict[str, list[float]] = {"imports": [time.perf_counter() - began_wall,
                                                 time.process_time() - began_cpu]}
    _timed(indexer, "_open_store", "open store", spent)
    _timed(indexer, "open_or_create_whoosh", "open index", spent)
    _timed(indexer.Indexer, "_recover", "recover", spent)
    _timed(indexer.Indexer, "_update", "read, extract, write, commit", spent)
    _timed(segment_merging, "merge", "merges", spent)
    _timed(integrity, "record", "sums", spent)
    _timed(indexer.Indexer, "_update_actors", "actors", spent)
    _timed(indexer.Indexer, "_update_duplicates", "duplicates", spent)
    wall, cpu = time.perf_counter(), time.process_time()
    indexer.Indexer(load_settings()).run_alone()
    spent["run"] = [time.perf_counter() - wall, time.process_time() - cpu]
    print(json.dumps({k: [round(v, 3) for v in vs] for k, vs in spent.items()}))


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["--child-steps"]:
        _child_steps()
        return 0
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--adds", type=int, default=10)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--steps", action="store_true")
    parser.add_argument("--after", type=int, default=0,
                        help="adds this series already made to WORKDIR: go on from there "
                             "(alternate two copies, one add at a time, to compare two "
                             "checkouts on a noisy machine)")
    args = parser.parse_args(argv)

    from tests.bench import generate_corpus
    from tests.bench.scale import _env, _index_command, _run_measured, count_records

    workdir, corpus = args.workdir.resolve(), args.corpus.resolve()
    folder = workdir / "index-newsdesk"
    if not folder.is_dir():
        raise SystemExit(f"{folder}: no index to add to")
    articles = count_records(corpus)
    sources = [corpus]
    walls: list[float] = []
    for i in range(args.after + args.adds):
        more = workdir / f"series-{articles}-{i}-{args.count}.jsonl"
        if not more.exists():
            generate_corpus.write(args.count, more, seed=43 + i,
                                  first=articles + 1 + i * args.count)
        sources.append(more)
        if i < args.after:
            continue  # (added before: still one of the sources)
        command = _index_command("newsdesk", sources, folder, workdir, "")
        if args.steps:
            command = [sys.executable, "-m", "tests.bench.add_series", "--child-steps"]
        run = _run_measured(command, _env(workdir))
        walls.append(run.seconds)
        line = f"add {i + 1}: wall {run.seconds:.2f} s, CPU {run.cpu_s:.2f} s"
        if args.steps:
            steps = json.loads(run.out)
            line += "\n  " + ", ".join(f"{k} {w:.2f}/{c:.2f}" for k, (w, c) in steps.items())
        print(line, flush=True)
    print(f"{args.adds} adds of {args.count:,} to {articles:,}: wall median "
          f"{statistics.median(walls):.2f} s, max {max(walls):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
