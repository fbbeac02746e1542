"""How much of an add's clustering process (actors/cluster_process.py) is left when the
indexer tells it to go: what the add waits for after its last commit, the duplicates'
update beside it. Measured in processor seconds, so that a machine shared with other work
still says it (its wall-clock seconds stretch with the load).

One `newsdesk index` run (an add: WORKDIR as tests.bench.add_series leaves it, CORPUS
appended to its sources) in a child process whose clustering process logs, with wall and
process times, when it starts, when its stats are read and when its clusters are packed;
the indexer logs when it sends `go`. Prints: the stats' read (CPU s), whether it ended
before `go` and its CPU seconds after `go` (prorated by wall time), the process's CPU
seconds from `go` to the clusters sent ("left at go": that part of the read, plus what
follows it), and the indexer's CPU seconds from `go` to its end.

Run:  .venv/bin/python -m tests.bench.cluster_go CORPUS.jsonl --workdir WORKDIR
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

LOG_ENV = "NEWSDESK_CLUSTER_GO_LOG"


def _say(what: str) -> None:
    with open(os.environ[LOG_ENV], "a", encoding="utf-8") as log:
        log.write(json.dumps([what, os.getpid(), time.time(), time.process_time()]) + "\n")


def _child() -> None:
    """(The child.) One add, its clustering process's and indexer's moments logged."""
    from newsdesk.index.actors import cluster_process
    from newsdesk.index.config import load_settings
    from newsdesk.index.ingest import indexer

    real_clustered, real_read = cluster_process._clustered, cluster_process.read_key_stats
    real_packed, real_go = cluster_process._packed, cluster_process.ClusterProcess.go

    def clustered(*args, **kwargs):  # type: ignore[no-untyped-def]
        _say("start")
        return real_clustered(*args, **kwargs)

    def read(*args, **kwargs):  # type: ignore[no-untyped-def]
        found = real_read(*args, **kwargs)
        if kwargs.get("acronyms", True) and len(args) < 2:  # (the whole read, not a patch's)
            _say("read")
        return found

    def packed(*args, **kwargs):  # type: ignore[no-untyped-def]
        found = real_packed(*args, **kwargs)
        _say("packed")
        return found

    def go(self):  # type: ignore[no-untyped-def]
        if not self._gone and self._process is not None:
            _say("go")
        real_go(self)

    cluster_process._clustered = clustered
    cluster_process.read_key_stats = read
    cluster_process._packed = packed
    cluster_process.ClusterProcess.go = go  # type: ignore[method-assign]
    indexer.Indexer(load_settings()).run_alone()
    _say("end")


def left_at_go(events: list[list]) -> dict[str, float | bool]:
    """The figures above, from the log's events ([what, pid, wall, cpu])."""
    at = {e[0]: e for e in events}
    start, read, packed, go, end = (at.get(k) for k in ("start", "read", "packed", "go",
                                                         "end"))
    if not (start and read and packed and go and end):
        return {}
    read_cpu = read[3] - start[3]
    after = max(0.0, read[2] - go[2]) / max(read[2] - start[2], 1e-9)
    return {"stats read CPU": round(read_cpu, 3), "read before go": read[2] <= go[2],
            "read after go CPU": round(min(1.0, after) * read_cpu, 3),
            "left at go CPU": round(packed[3] - read[3] + min(1.0, after) * read_cpu, 3),
            "indexer after go CPU": round(end[3] - go[3], 3)}


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["--child"]:
        _child()
        return 0
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workdir", type=Path, required=True)
    args = parser.parse_args(argv)
    from tests.bench.scale import _env
    from tests.bench.timeline import _add_source

    workdir = args.workdir.resolve()
    _add_source(workdir / "newsdesk.yaml", args.corpus.resolve())
    log = workdir / "cluster-go.log"
    log.unlink(missing_ok=True)
    env = {**_env(workdir), LOG_ENV: str(log)}
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tests.bench.cluster_go", "--child"], env=env,
                   check=True)
    events = [json.loads(line) for line in log.read_text().splitlines()]
    print(json.dumps({"wall": round(time.perf_counter() - began, 2), **left_at_go(events)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
