"""The cluster build's scaling: `newsdesk index --cluster` with 1, then 2 local Dask workers
(one thread each: Whoosh is pure Python), against the local build, on one generated corpus;
then an estimate for N machines from the measured rates.

Each run's wall time, and CPU seconds apart: the coordinator's (`newsdesk index` and every
process under it) and the workers' (from /proc, before and after). CPU seconds do not
depend on what else the machine runs, wall time does; on this project's machine (2 cores,
shared) the coordinator and two workers already want three cores. So the estimate for N
machines is from CPU: batches are built and committed one after another, so a build takes
about C + W / N seconds on N workers of a core each, C the coordinator's CPU seconds
(listing and staging, committing and merging segments, re-clustering actors) and W the
workers' (parsing, actor extraction, segment writing); W / articles is one worker's rate.
Network and shared-file-system time are not in it: on real machines it is a floor.

Run:  .venv/bin/python -m tests.bench.cluster_scale --articles 8000 [--workdir DIR]
      [--corpus FILE.jsonl]  (needs `pip install -e '.[cluster]'`; `make bench-cluster`)
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
STOP_SECONDS = 5


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds these processes have used so far (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
    return total / tick


@contextmanager
def local_cluster(workers: int, folder: Path) -> Iterator[tuple[str, list[int]]]:
    """A scheduler and `workers` single-thread workers on 127.0.0.1; its address and the
    workers' process ids."""
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
                                    "1", "--no-nanny", "--memory-limit", "0",
                                    "--death-timeout", "60"],
                                   cwd=HERE, stdout=subprocess.DEVNULL,
                                   stderr=(logs / f"worker{n}.log").open("w"))
                  for n in range(workers)]
        address = json.loads(info.read_text())["address"]
        with distributed.Client(address, timeout=START_SECONDS) as client:
            client.wait_for_workers(workers, timeout=START_SECONDS)
        yield address, [proc.pid for proc in procs[1:]]
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def build(corpus: Path, workdir: Path, name: str, cluster: str | None, fresh: bool = True
          ) -> tuple[float, float]:
    """Wall and CPU seconds of `newsdesk index` of `corpus` into a fresh index (CPU: the
    command and every process under it); with `fresh` False, into the index already there
    (with nothing to do, the fixed cost of a run: start, connect, list the files)."""
    folder = workdir / f"index-{name}"
    if fresh and folder.exists():
        shutil.rmtree(folder)
    config = workdir / f"{name}.yaml"
    config.write_text(f"corpus:\n  sources:\n    - {corpus}\nindex:\n  dir: {folder}\n")
    env = {**os.environ, "NEWSDESK_CONFIG": str(config),
           "XDG_CACHE_HOME": str(workdir / "xdg-cache"),
           "XDG_DATA_HOME": str(workdir / "xdg-data"),
           "XDG_CONFIG_HOME": str(workdir / "xdg-config"), "NO_COLOR": "1"}
    command = [*NEWSDESK, "index", "-q", *(["--cluster", cluster] if cluster else [])]
    run = _run_measured(command, env)
    return run.seconds, run.cpu_s


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
    wall, cpu = build(corpus, workdir, "local", None)
    rows = [("local (no cluster)", wall, cpu, 0.0)]
    for workers in (1, 2):
        with local_cluster(workers, workdir / f"dask-{workers}") as (address, pids):
            before = cpu_seconds(pids)
            wall, cpu = build(corpus, workdir, f"cluster{workers}", address)
            rows.append((f"cluster, {workers} worker{'s' if workers > 1 else ''}", wall, cpu,
                         cpu_seconds(pids) - before))
            if workers == 2:
                before = cpu_seconds(pids)
                wall, cpu = build(corpus, workdir, "cluster2", address, fresh=False)
                rows.append(("cluster, 2 workers, nothing to do", wall, cpu,
                             cpu_seconds(pids) - before))
    print("| build | wall s | articles/s (wall) | coordinator CPU s | workers' CPU s |\n"
          "|---|---|---|---|---|")
    for name, wall, cpu, workers_cpu in rows:
        print(f"| {name} | {wall:.1f} | {articles / wall:,.0f} | {cpu:.1f} | "
              f"{workers_cpu:.1f} |")
    fixed = rows[3][2] + rows[3][3]  # start, connect, list: the same for any corpus size
    serial = (rows[1][2] + rows[2][2]) / 2 - rows[3][2]  # the coordinator's share, per run
    shared = (rows[1][3] + rows[2][3]) / 2  # the workers' share
    coordinator, worker = serial / articles, shared / articles
    print(f"\n{articles:,} articles ({corpus.name}); load average at the end "
          f"{os.getloadavg()[0]:.1f}. CPU per article: coordinator {coordinator * 1000:.2f} "
          f"ms, workers {worker * 1000:.2f} ms (one worker: {1 / worker if worker else 0:,.0f}"
          f" articles per CPU second); the local build {rows[0][2] * 1000 / articles:.2f} ms"
          f" (start included). A run's fixed cost: {fixed:.1f} CPU s.")
    print("Estimate on N workers of a core each (batches one after another, so "
          "T = fixed + articles x (coordinator + workers / N)):")
    for machines in (1, 2, 4, 8, 16, 32):
        rate = 1 / (coordinator + worker / machines)
        million = fixed + 1_000_000 / rate
        print(f"  {machines:>2} workers: {rate:,.0f} articles/s; a million articles in "
              f"{million / 60:,.0f} min")
    print(f"  ceiling (the coordinator's own work): {1 / coordinator:,.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
