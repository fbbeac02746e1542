"""When each process of a newsdesk build runs, and what the indexer is doing meanwhile: a
timeline of the cores a build uses, to find the stretches where one of two cores idles.

The build runs in a child process (`Indexer.run_alone`, as `newsdesk index` runs it) whose
steps are wrapped to log when they begin and end; the helper processes it starts (segment
writer, actor extraction; the end's clustering, counted as "other") are named by the pid
they were given. Every 0.1 s this process
reads, for every process under the child, /proc/PID/task/*/schedstat: the time each one
ran on a core and the time it waited for one (runnable, no core free). Their sum is what
it wanted: on a machine shared with other work a process kept waiting is not idle, so the
timeline counts "wanted" cores, not only those it got.

Prints a row per --bucket seconds (cores wanted by the indexer, writer, extraction, the
rest; the indexer's innermost step), then per indexer step: its wall seconds and the cores
each process wanted meanwhile, and the core-seconds left unwanted (2 cores minus what was
wanted) in it.

Run:  .venv/bin/python -m tests.bench.timeline CORPUS.jsonl [--workdir DIR] [--bucket 0.5] [--add]
      [--cores 2] [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from newsdesk.tui.run_time import scheduled_ns
from tests.helpers.processes import descendants

SAMPLE_SECONDS = 0.1

# (module, owner, attribute, step name) wrapped in the child: the indexer's steps.
STEPS = [
    ("newsdesk.index.ingest.indexer", "Indexer", "_run", "run"),
    ("newsdesk.index.ingest.indexer", None, "_open_store", "open store"),
    ("newsdesk.index.ingest.indexer", None, "open_or_create_whoosh", "open index"),
    ("newsdesk.index.ingest.indexer", "Indexer", "_read_file", "read file"),
    ("newsdesk.index.ingest.indexer", "Indexer", "_hand_on", "hand on"),
    ("newsdesk.index.ingest.indexer", "Indexer", "_tidy", "tidy merge"),
    ("newsdesk.index.ingest.indexer", "Indexer", "_update_actors", "actors"),
    ("newsdesk.index.ingest.indexer", "Indexer", "_update_duplicates", "duplicates"),
    ("newsdesk.index.ingest.indexer", "Indexer", "_commit", "commit"),
    ("newsdesk.index.ingest.indexer", "Indexer", "_mark_committed", "mark done"),
    ("newsdesk.index.ingest.indexer", "Indexer", "_keep_signed", "keep signatures"),
    ("newsdesk.index.storage.article_store", "Store", "stage", "stage"),
    ("newsdesk.index.storage.article_store", "Store", "pending_staged", "pending"),
    ("newsdesk.index.storage.article_store", "Store", "pending", "pending"),
    ("newsdesk.index.ingest.overlap", "Overlap", "_receive", "wait mentions"),
    ("newsdesk.index.storage.segment_process", "SegmentJob", "finish", "wait segment"),
    ("newsdesk.index.storage.segment_merging", None, "merge", "merge"),
    ("newsdesk.index.ingest.indexer", "Indexer", "_commit_pending", "batch (here)"),
    ("newsdesk.index.dups.groups", None, "update", "group dups"),
    ("newsdesk.index.storage.article_store", "Store", "build_key_index", "key index"),
    ("newsdesk.index.actors.cluster_process", "ClusterProcess", "take", "wait clusters"),
    ("newsdesk.index.dups.group_process", "GroupProcess", "wait", "wait groups"),
]


def _wrap(owner: object, name: str, step: str, log: list[tuple[float, str, str]]) -> None:
    inner = getattr(owner, name)

    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        log.append((time.time(), "+", step))
        try:
            return inner(*args, **kwargs)
        finally:
            log.append((time.time(), "-", step))

    if isinstance(owner, type) and isinstance(owner.__dict__.get(name), staticmethod):
        setattr(owner, name, staticmethod(wrapper))
    else:
        setattr(owner, name, wrapper)


def _child(events: Path) -> None:
    """(The child.) One build, its steps and helper processes logged to `events`."""
    import importlib

    log: list[tuple[float, str, str]] = [(time.time(), "+", "imports")]
    from newsdesk.index.config import load_settings
    from newsdesk.index.ingest import indexer
    from newsdesk.index.storage import fork_server

    log.append((time.time(), "-", "imports"))
    for module, owner_name, name, step in STEPS:
        owner = importlib.import_module(module)
        _wrap(getattr(owner, owner_name) if owner_name else owner, name, step, log)
    started = fork_server.ServedProcess.__init__

    def named(self, target, args, name, what, *more):  # type: ignore[no-untyped-def]
        # (`*more`: the context the end's clustering process passes; a wrapper without it
        # failed that process's start, and the build clustered in the indexer instead.)
        started(self, target, args, name, what, *more)
        log.append((time.time(), "pid", f"{self._proc.pid} {name}"))

    fork_server.ServedProcess.__init__ = named  # type: ignore[method-assign]
    try:
        indexer.Indexer(load_settings()).run_alone()
    finally:
        events.write_text(json.dumps(log))


def sample(command: list[str], env: dict[str, str]) -> tuple[float, int, list[dict]]:
    """Run the command; its start time, its pid and the samples: time, {pid: (wanted ns,
    ran ns)}."""
    began = time.time()
    proc = subprocess.Popen(command, env=env)
    samples: list[dict] = []
    while proc.poll() is None:
        now = time.time()
        pids = descendants(proc.pid) | {proc.pid}
        samples.append({"t": now, "p": {pid: (sum(ns := scheduled_ns(pid)), ns[0])
                                        for pid in pids}})
        time.sleep(max(0.0, SAMPLE_SECONDS - (time.time() - now)))
    if proc.returncode:
        raise SystemExit(f"the build failed ({proc.returncode})")
    return began, proc.pid, samples


def _roles(root: int, events: list) -> dict[int, str]:
    roles = {root: "indexer"}
    for _, kind, what in events:
        if kind == "pid":
            pid, name = what.split(" ", 1)
            roles[int(pid)] = "writer" if "segment" in name else \
                "extract" if "extraction" in name else "other"
    return roles


def _intervals(events: list) -> list[tuple[float, float, str, int]]:
    """(begin, end, step, depth) of each logged step."""
    open_: list[tuple[float, str]] = []
    found = []
    for t, kind, step in events:
        if kind == "+":
            open_.append((t, step))
        elif kind == "-":
            for i in range(len(open_) - 1, -1, -1):
                if open_[i][1] == step:
                    found.append((open_[i][0], t, step, i))
                    del open_[i]
                    break
    return found


def _innermost(intervals: list[tuple[float, float, str, int]], t0: float, t1: float) -> str:
    """The deepest step covering most of [t0, t1)."""
    best, best_key = "", (-1, 0.0)
    for begin, end, step, depth in intervals:
        overlap = min(end, t1) - max(begin, t0)
        if overlap > 0.5 * (t1 - t0) and (depth, overlap) > best_key:
            best, best_key = step, (depth, overlap)
    return best


def report(began: float, samples: list[dict], events: list, root: int, bucket: float,
           cores: int) -> dict:
    roles = _roles(root, events)
    intervals = _intervals(events)
    # Per sample interval: wanted and ran seconds per role.
    rows = []
    for before, after in zip(samples, samples[1:], strict=False):
        span = after["t"] - before["t"]
        wanted: dict[str, float] = defaultdict(float)
        ran: dict[str, float] = defaultdict(float)
        for pid, (w1, r1) in after["p"].items():
            w0, r0 = before["p"].get(pid, (0, 0))
            role = roles.get(pid, "other")
            wanted[role] += max(0, w1 - w0) / 1e9
            ran[role] += max(0, r1 - r0) / 1e9
        rows.append((before["t"], after["t"], span, wanted, ran))
    names = ["indexer", "writer", "extract", "other"]
    print(f"{'t':>6} " + " ".join(f"{n:>7}" for n in names) + f" {'wanted':>6} {'got':>5}"
          "  indexer step")
    t = began
    end = rows[-1][1] if rows else began
    while t < end:
        inside = [r for r in rows if t <= r[0] < t + bucket]
        span = sum(r[2] for r in inside) or bucket
        by = {n: sum(r[3][n] for r in inside) / span for n in names}
        got = sum(sum(r[4].values()) for r in inside) / span
        print(f"{t - began:6.1f} " + " ".join(f"{by[n]:7.2f}" for n in names)
              + f" {sum(by.values()):6.2f} {got:5.2f}  {_innermost(intervals, t, t + bucket)}")
        t += bucket
    # Per step (top-level steps of the run, and the idle core-seconds in each).
    steps: dict[str, dict[str, float]] = {}
    for begin, finish, step, _depth in intervals:
        entry = steps.setdefault(step, defaultdict(float))
        entry["wall"] += finish - begin
        entry["count"] += 1
        for r in rows:
            overlap = min(finish, r[1]) - max(begin, r[0])
            if overlap <= 0:
                continue
            share = overlap / r[2]
            for n in names:
                entry[n] += r[3][n] * share
                entry["ran " + n] += r[4][n] * share
            entry["idle"] += max(0.0, cores * r[2] - sum(r[3].values())) * share
    print(f"\n{'step':<16} {'n':>3} {'wall':>6} " + " ".join(f"{n:>13}" for n in names)
          + f" {'idle c-s':>8}   (core-s wanted/ran)")
    for step, e in sorted(steps.items(), key=lambda kv: -kv[1]["wall"]):
        print(f"{step:<16} {int(e['count']):3d} {e['wall']:6.2f} "
              + " ".join(f"{e[n]:6.2f}/{e['ran ' + n]:6.2f}" for n in names)
              + f" {e['idle']:8.2f}")
    wall = end - began
    idle = sum(max(0.0, cores * r[2] - sum(r[3].values())) for r in rows)
    wanted = sum(sum(r[3].values()) for r in rows)
    ran = sum(sum(r[4].values()) for r in rows)
    by_role = {n: sum(r[4][n] for r in rows) for n in names}
    print("\nCPU-s by process: " + ", ".join(f"{n} {v:.1f}" for n, v in by_role.items()))
    print(f"wall {wall:.1f} s, wanted {wanted:.1f} core-s, ran {ran:.1f} CPU-s, "
          f"unwanted {idle:.1f} core-s of {cores * wall:.1f}")
    return {"wall": wall, "wanted": wanted, "ran": ran, "idle": idle, "by_role": by_role,
            "steps": {k: dict(v) for k, v in steps.items()}}


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["--child"]:
        _child(Path(argv[1]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workdir", type=Path, default=Path("bench-work/timeline"))
    parser.add_argument("--bucket", type=float, default=0.5)
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--add", action="store_true",
                        help="an add, not a build: --workdir's index and newsdesk.yaml (as "
                             "tests.bench.add_series leaves them) kept, CORPUS appended "
                             "to its sources")
    args = parser.parse_args(argv)
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    folder = workdir / "index-newsdesk"
    config = workdir / "newsdesk.yaml"
    if args.add:
        _add_source(config, args.corpus.resolve())
    else:
        if folder.exists():
            import shutil

            shutil.rmtree(folder)
        config.write_text(f"corpus:\n  sources:\n    - {args.corpus.resolve()}\n"
                          f"index:\n  dir: {folder}\n")
    env = {**os.environ, "NEWSDESK_CONFIG": str(config),
           "XDG_CACHE_HOME": str(workdir / "xdg-cache"),
           "XDG_DATA_HOME": str(workdir / "xdg-data"),
           "XDG_CONFIG_HOME": str(workdir / "xdg-config"), "NO_COLOR": "1"}
    events_file = workdir / "events.json"
    began, root, samples = sample([sys.executable, "-m", "tests.bench.timeline", "--child",
                             str(events_file)], env)
    events = json.loads(events_file.read_text())
    found = report(began, samples, events, root, args.bucket, args.cores)
    if args.json:
        args.json.write_text(json.dumps({**found, "events": events}))
    return 0


def _add_source(config: Path, corpus: Path) -> None:
    """--add: `corpus` one more of the config's sources, the index the one beside it (a
    copied workdir's config still names the index it was copied from: never added to)."""
    sources = [line[6:] for line in config.read_text().splitlines()
               if line.startswith("    - ")]
    if str(corpus) not in sources:
        sources.append(str(corpus))
    listed = "".join(f"    - {source}\n" for source in sources)
    config.write_text(f"corpus:\n  sources:\n{listed}index:\n"
                      f"  dir: {config.parent / 'index-newsdesk'}\n")


if __name__ == "__main__":
    sys.exit(main())
