"""The cluster build's scaling: `newsdesk index --cluster` with 1, then 2 local Dask workers
(one thread each: Whoosh is pure Python), against the local build, on one generated corpus;
then an estimate for N machines from the measured rates.

The estimate is Amdahl's law fitted to the two cluster runs: a build takes C + W / k
seconds on k workers, C the coordinator's serial part (reading the list of files, staging
the store, committing and merging segments, re-clustering actors) and W the part the
workers share (parsing, actor extraction, segment writing). Two runs give both:
W = 2 (T1 - T2), C = T1 - W. On one machine of two cores the coordinator and the workers
share the cores, so C is an upper bound and the estimate a floor for real machines.

Run:  .venv/bin/python -m tests.bench.cluster_scale --articles 8000 [--workdir DIR]
      [--corpus FILE.jsonl] [--workers 1,2]  (needs `pip install -e '.[cluster]'`)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.bench.scale import HERE, _run_measured, count_records
from tests.helpers.paths import NEWSDESK

START_SECONDS = 120


@contextmanager
def local_cluster(workers: int, folder: Path) -> Iterator[str]:
    """A scheduler and `workers` single-thread workers on 127.0.0.1; its address."""
    import distributed

    info = folder / "scheduler.json"
    info.unlink(missing_ok=True)
    common = ["--no-dashboard", "--host", "127.0.0.1"]
    logs = folder / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler",
                               *common, "--port", "0", "--scheduler-file", str(info)],
                              cwd=HERE, stdout=subprocess.DEVNULL,
                              stderr=(logs / "scheduler.log").open("w"))]
    try:
        deadline = time.monotonic() + START_SECONDS
        while not info.is_file() or not info.read_text().strip():
            if time.monotonic() > deadline:
                raise SystemExit("the scheduler did not start: see " + str(logs))
            time.sleep(0.1)
        procs += [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker",
                                    *common, "--scheduler-file", str(info), "--nthreads",
                                    "1", "--no-nanny", "--memory-limit", "0"],
                                   cwd=HERE, stdout=subprocess.DEVNULL,
                                   stderr=(logs / f"worker{n}.log").open("w"))
                  for n in range(workers)]
        address = json.loads(info.read_text())["address"]
        with distributed.Client(address, timeout=START_SECONDS) as client:
            client.wait_for_workers(workers, timeout=START_SECONDS)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def build(corpus: Path, workdir: Path, name: str, cluster: str | None) -> float:
    """Wall seconds of `newsdesk index` of `corpus` into a fresh index."""
    folder = workdir / f"index-{name}"
    if folder.exists():
        shutil.rmtree(folder)
    config = workdir / f"{name}.yaml"
    config.write_text(f"corpus:\n  sources:\n    - {corpus}\nindex:\n  dir: {folder}\n")
    env = {**os.environ, "NEWSDESK_CONFIG": str(config),
           "XDG_CACHE_HOME": str(workdir / "xdg-cache"),
           "XDG_DATA_HOME": str(workdir / "xdg-data"),
           "XDG_CONFIG_HOME": str(workdir / "xdg-config"), "NO_COLOR": "1"}
    command = [*NEWSDESK, "index", "-q", *(["--cluster", cluster] if cluster else [])]
    return _run_measured(command, env).seconds


def estimate(t1: float, t2: float) -> tuple[float, float]:
    """(C, W) of T(k) = C + W / k, from the runs on 1 and 2 workers."""
    work = max(0.0, 2 * (t1 - t2))
    return max(0.0, t1 - work), work


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=8000)
    parser.add_argument("--corpus", type=Path, default=None, metavar="FILE")
    parser.add_argument("--workdir", type=Path, default=Path("bench-work/cluster"))
    args = parser.parse_args(argv)
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    if args.corpus is not None:
        corpus = args.corpus.resolve()
    else:
        corpus = workdir / f"corpus-{args.articles}.jsonl"
        if not corpus.exists():
            from tests.bench import generate_corpus

            generate_corpus.write(args.articles, corpus)
    articles = count_records(corpus)
    times = {"local (no cluster)": build(corpus, workdir, "local", None)}
    for workers in (1, 2):
        with local_cluster(workers, workdir / f"dask-{workers}") as address:
            times[f"cluster, {workers} worker{'s' if workers > 1 else ''}"] = build(
                corpus, workdir, f"cluster{workers}", address)
    print("| build | s | articles/s |\n|---|---|---|")
    for name, seconds in times.items():
        print(f"| {name} | {seconds:.1f} | {articles / seconds:,.0f} |")
    serial, shared = estimate(times["cluster, 1 worker"], times["cluster, 2 workers"])
    print(f"\n{articles:,} articles ({corpus.name}). Fitted T(k) = C + W/k: coordinator "
          f"C = {serial:.1f} s, workers' share W = {shared:.1f} s "
          f"(one worker's rate {articles / shared if shared else 0:,.0f} articles/s).")
    for machines in (4, 8, 16):
        seconds = serial + shared / machines
        print(f"  {machines} workers: {seconds:.1f} s, {articles / seconds:,.0f} articles/s")
    ceiling = articles / serial if serial else float("inf")
    print(f"  ceiling (coordinator alone): {ceiling:,.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
