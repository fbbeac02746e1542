"""Consecutive adds of new articles to a built index, each the whole `newsdesk index` a
user runs (wall and CPU seconds of all its processes, as tests/bench/scale.py's add_more
measures one): a user waits for every add, not the median one, so the median AND the
slowest are what count. With --steps, each add also says where its time went in the
indexing process (wall and CPU seconds per step; CPU of that process only: the segment
writer and actor extraction run in processes of their own).

The first add is add_more's (1,000 generated articles, seed 43, numbered after the
corpus); add i uses seed 43 + i. With --more FILE.jsonl, add i takes FILE's records
i * count + 1 to (i + 1) * count instead: real articles (long ones, dense in names) as
a user adds them, where the generated ones are short. The index is added to: run it on
a copy. --after N goes on after the N adds made before.

With --watch, what the background merges do meanwhile (storage/merge_process.py): after
each add, the index folder's size on disk (its files' allocated blocks), the merge
process's new merge.log lines and whether one was running as the add began; and a thread
that searches the index as the dashboard does, all along (one Engine, refreshed before
each round of QUERIES: each query's latency, and any error). The end gives the adds'
wall median, p95 and max, the disk before, at its largest and after, the queries' figures.

Run:  .venv/bin/python -m tests.bench.add_series WORKDIR --corpus CORPUS.jsonl
      [--adds 10] [--count 1000] [--steps] [--watch] [--more FILE.jsonl]
      (WORKDIR holds index-newsdesk, as tests.bench.scale or tests.bench.ingest_only
      built it there)
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

# What the watching thread searches, round after round: a common word, a rarer one, two
# words, a phrase, a prefix (the generated and the real corpora have all of them).
QUERIES = ("said", "market", "oil prices", '"prime minister"', "govern*")


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
    parser.add_argument("--watch", action="store_true",
                        help="disk, merge.log and searches during the series (see above)")
    parser.add_argument("--more", type=Path,
                        help="add this file's records, count at a time (see above)")
    parser.add_argument("--after", type=int, default=0,
                        help="adds this series already made to WORKDIR: go on from there "
                             "(alternate two copies, one add at a time, to compare two "
                             "checkouts on a noisy machine)")
    args = parser.parse_args(argv)

    from tests.bench import compile_sources, generate_corpus
    from tests.bench.scale import _env, _index_command, _run_measured, count_records

    # (Bytecode written first, as an install writes it: with PYTHONDONTWRITEBYTECODE set
    # every add's processes compiled the modules changed since, 0.2 s of the indexer's
    # imports and as much again in its helper processes, every add.)
    compile_sources()
    workdir, corpus = args.workdir.resolve(), args.corpus.resolve()
    folder = workdir / "index-newsdesk"
    if not folder.is_dir():
        raise SystemExit(f"{folder}: no index to add to")
    articles = count_records(corpus)
    sources = [corpus]
    walls: list[float] = []
    watch = _Watch(folder) if args.watch else None
    for i in range(args.after + args.adds):
        more = workdir / f"series-{articles}-{i}-{args.count}.jsonl"
        if args.more is not None:
            more = workdir / f"series-{args.more.stem}-{i}-{args.count}.jsonl"
            if not more.exists() and not _slice(args.more, i * args.count, args.count, more):
                raise SystemExit(f"{args.more}: fewer than {(i + 1) * args.count} records")
        elif not more.exists():
            generate_corpus.write(args.count, more, seed=43 + i,
                                  first=articles + 1 + i * args.count)
        sources.append(more)
        if i < args.after:
            continue  # (added before: still one of the sources)
        command = _index_command("newsdesk", sources, folder, workdir, "")
        if args.steps:
            command = [sys.executable, "-m", "tests.bench.add_series", "--child-steps"]
        merging = watch is not None and watch.merging()
        run = _run_measured(command, _env(workdir))
        walls.append(run.seconds)
        line = f"add {i + 1}: wall {run.seconds:.2f} s, CPU {run.cpu_s:.2f} s"
        if watch is not None:
            line += watch.after_add(merging)
        if args.steps:
            steps = json.loads(run.out)
            line += "\n  " + ", ".join(f"{k} {w:.2f}/{c:.2f}" for k, (w, c) in steps.items())
        print(line, flush=True)
    print(f"{args.adds} adds of {args.count:,} to {articles:,}: wall median "
          f"{statistics.median(walls):.2f} s, p95 {_p95(walls):.2f} s, "
          f"max {max(walls):.2f} s")
    if watch is not None:
        print(watch.finish())
    return 0


def _slice(source: Path, skip: int, count: int, out: Path) -> bool:
    """Write source's non-blank lines skip + 1 to skip + count to out; False (and
    nothing written) if it has fewer."""
    lines: list[str] = []
    with source.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            if skip > 0:
                skip -= 1
                continue
            lines.append(line if line.endswith("\n") else line + "\n")
            if len(lines) == count:
                out.write_text("".join(lines), encoding="utf-8")
                return True
    return False


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _disk_mb(folder: Path) -> float:
    """The folder's files' allocated blocks, in MB (a file removed but still open in a
    process is not counted: its space comes back when that process closes it)."""
    total = 0
    for root, _, names in os.walk(folder):
        for name in names:
            try:
                total += os.lstat(os.path.join(root, name)).st_blocks * 512
            except FileNotFoundError:
                continue
    return total / 1e6


class _Watch:
    """--watch: the index folder's disk use, the merge process's log, and searches run all
    along by a thread of this process, as the dashboard runs them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.log = folder / "merge.log"
        self.log_seen = self.log.stat().st_size if self.log.exists() else 0
        self.disk_before = self.disk_max = _disk_mb(folder)
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.rounds = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._search, daemon=True)
        self._thread.start()
        print(f"disk before: {self.disk_before:,.0f} MB", flush=True)

    def merging(self) -> bool:
        """Whether a merge process holds the merge lock now."""
        try:
            fd = os.open(self.folder / "merge.lock", os.O_RDWR)
        except FileNotFoundError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(fd)
        return False

    def after_add(self, merging: bool) -> str:
        disk = _disk_mb(self.folder)
        self.disk_max = max(self.disk_max, disk)
        said = f", disk {disk:,.0f} MB" + (", a merge running as it began" if merging else "")
        if self.log.exists():
            size = self.log.stat().st_size
            if size < self.log_seen:  # (started again past its bound)
                self.log_seen = 0
            with self.log.open() as handle:
                handle.seek(self.log_seen)
                lines = handle.read().splitlines()
            self.log_seen = size
            said += "".join(f"\n  merge.log: {line}" for line in lines)
        return said

    def _search(self) -> None:
        from newsdesk.index.config import Settings
        from newsdesk.index.engine import Engine

        settings = Settings()
        settings.index.dir = self.folder
        engine = Engine(settings)
        try:
            while not self._stop.is_set():
                try:
                    engine.refresh()
                    for text in QUERIES:
                        began = time.perf_counter()
                        engine.search(text, limit=20)
                        self.latencies.append(time.perf_counter() - began)
                except Exception as exc:  # noqa: BLE001 - counted and said at the end
                    self.errors.append(f"{type(exc).__name__}: {exc}")
                self.rounds += 1
                self._stop.wait(0.5)
        finally:
            engine.close()

    def finish(self) -> str:
        self._stop.set()
        self._thread.join()
        disk = _disk_mb(self.folder)
        ms = sorted(1000 * t for t in self.latencies) or [0.0]
        return (f"disk: before {self.disk_before:,.0f} MB, largest after an add "
                f"{self.disk_max:,.0f} MB, after {disk:,.0f} MB\n"
                f"searches during the series: {len(self.latencies)} in {self.rounds} rounds "
                f"of {len(QUERIES)}, median {statistics.median(ms):.1f} ms, p95 "
                f"{_p95(ms):.1f} ms, max {max(ms):.1f} ms, errors {len(self.errors)}"
                + "".join(f"\n  {error}" for error in self.errors[:5]))


if __name__ == "__main__":
    sys.exit(main())
