"""The first keywords of a session against later ones, in the engine, in CPU time (the
keyness worker's thread): steady where the wall clock of a shared machine is not.

Each launch is a fresh process that opens the index as the dashboard does (Engine,
warm_up, and warm_keyness where the checkout has it: the dashboard runs both at start,
before a person has typed and read a first query), then computes the keywords of a first
query and of a few more. With --python, launches alternate between interpreters (one a
checkout's venv each), on the same index.

Run:  .venv/bin/python -m tests.bench.keyness_first_cpu --config CFG.yaml
          [--launches N] [--later N] [--python A --python B]
(CFG.yaml: the index's config, e.g. the workdir's of tests.bench.keywords_first)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from tests.bench.ui_latency import QUERIES, summary

CHILD = r"""
import json, sys, time
from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine

engine = Engine(load_settings())
engine.warm_up()
warmed = hasattr(engine, "warm_keyness")
if warmed:
    engine.warm_keyness()
out = []
for query in json.loads(sys.argv[1]):
    engine.search(query, 20, fold=True)
    cpu, wall, marks = time.thread_time(), time.perf_counter(), []
    engine.keyness(query, first=lambda _: marks.append(
        (time.thread_time() - cpu, time.perf_counter() - wall)))
    out.append([*marks[0], time.thread_time() - cpu, time.perf_counter() - wall])
print(json.dumps({"warmed": warmed, "times": out}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True)
    parser.add_argument("--launches", type=int, default=8, help="launches per interpreter")
    parser.add_argument("--later", type=int, default=3, help="queries after the first")
    parser.add_argument("--python", action="append", default=None)
    args = parser.parse_args(argv)
    # Absolute, not resolved: a venv's python is a link to the system's.
    pythons = [os.path.abspath(p) for p in args.python or [sys.executable]]
    env = {**os.environ, "NEWSDESK_CONFIG": os.path.abspath(args.config)}
    words = [q for q in QUERIES if not q.startswith("date:")]
    names = ("words CPU", "all CPU", "words wall", "all wall")
    found: dict[tuple[str, str, str], list[float]] = {}
    for launch in range(args.launches):
        queries = [words[(launch * (args.later + 1) + k) % len(words)]
                   for k in range(args.later + 1)]
        for python in pythons:
            started = time.perf_counter()
            done = subprocess.run([python, "-c", CHILD, json.dumps(queries)], env=env,
                                  capture_output=True, text=True, check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            for n, (words_cpu, words_wall, all_cpu, all_wall) in enumerate(result["times"]):
                which = "first" if n == 0 else "later"
                for name, value in zip(names, (words_cpu, all_cpu, words_wall, all_wall),
                                       strict=True):
                    found.setdefault((python, which, name), []).append(value)
            first = result["times"][0]
            print(f"launch {launch + 1} {python} (warmed: {result['warmed']}, "
                  f"{time.perf_counter() - started:.1f} s): {queries[0]} words "
                  f"{first[0] * 1000:.0f} ms CPU, all {first[2] * 1000:.0f} ms CPU", flush=True)
    for (python, which, name), values in found.items():
        print(summary(f"{python}: {which} {name}", values))
    return 0


if __name__ == "__main__":
    sys.exit(main())
