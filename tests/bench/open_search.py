"""Open + first search, A against B: the cost of what is done when an index is opened (the
damage checks of storage/integrity.py) on a machine too noisy for absolute figures.

Each launch is a fresh interpreter that opens the index (Engine), runs one search and
returns its first result, timed inside the process (imports excluded), and, separately,
`newsdesk search` as a user runs it, timed from outside (interpreter start included).
Launches of A and B alternate, so both see the same noise; compare the ratio B/A.

Run:  .venv/bin/python -m tests.bench.open_search --config CFG [--base DIR] [--launches N]
                                                   [--query Q]
CFG names an index already built; --base is a folder holding another checkout as
`newsdesk/` (e.g. a `git worktree` of main, linked as DIR/newsdesk): A runs it, B this one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

ONE = """
import sys, time
from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
settings = load_settings()
started = time.perf_counter()
with Engine(settings) as engine:
    opened = time.perf_counter()
    results = engine.search(sys.argv[1], 20)
    assert results.total > 0
    done = time.perf_counter()
print((opened - started) * 1000, (done - started) * 1000)
"""


def launch(env: dict[str, str], query: str) -> tuple[float, float, float]:
    """(open ms, open + first search ms, `newsdesk search` wall ms)."""
    out = subprocess.run([sys.executable, "-c", ONE, query], env=env, capture_output=True,
                         text=True, check=True)
    opened, searched = map(float, out.stdout.split())
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsdesk.tui.cli", "search", query], env=env,
                   capture_output=True, check=True)
    return opened, searched, (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--base", help="a folder holding the A checkout as newsdesk/")
    parser.add_argument("--launches", type=int, default=15)
    parser.add_argument("--query", default="oil")
    args = parser.parse_args(argv)
    env_b = {**os.environ, "NEWSDESK_CONFIG": args.config}
    env_a = {**env_b, "PYTHONPATH": args.base} if args.base else env_b
    figures: dict[str, list[tuple[float, float, float]]] = {"A": [], "B": []}
    launch(env_a, args.query)  # warm the page cache
    for _ in range(args.launches):
        figures["A"].append(launch(env_a, args.query))
        figures["B"].append(launch(env_b, args.query))
    names = ("open", "open + first search", "`newsdesk search` wall")
    for i, name in enumerate(names):
        a = statistics.median(f[i] for f in figures["A"])
        b = statistics.median(f[i] for f in figures["B"])
        ratios = sorted(fb[i] / fa[i] for fa, fb in zip(figures["A"], figures["B"],
                                                         strict=True))
        print(f"{name:<24} median A {a:7.1f} ms  B {b:7.1f} ms  B/A {b / a:5.3f}  "
              f"(per-pair ratio median {statistics.median(ratios):5.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
