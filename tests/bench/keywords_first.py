"""The keywords pane's first query of a session against the ones after it, through a real
terminal. Each launch, two ways (--mode):

- open: types a first query, and once its hits show (and --think seconds more: reading
  them) opens the keywords pane (K) on them: the first query's time is from K sent to its
  keywords on the emulated screen (when the output that showed them arrived);
- typed: opens the keywords pane before any search, then types the first query: its time
  is the app's (below).

Then a few more queries are typed with the pane open, and the app logs
(NEWSDESK_LATENCY_LOG) the time from the refresh that painted a query's results to the
refresh that painted its keywords. Each launch starts with another of the benchmark
queries, so that the first query is not always the same. The app's keystroke -> results
painted times of the launch are given too (the typing path, while anything started at
launch still runs).

With --python, launches alternate between the interpreters given (one a checkout's venv
each: main and a branch, say), on the same index, and the figures are given per
interpreter.

Run:  .venv/bin/python -m tests.bench.keywords_first --corpus PATH --workdir DIR
          [--launches N] [--later N] [--mode open|typed] [--think S]
          [--python A --python B]
(builds the index in DIR once; an index already there is updated, not rebuilt)
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from tests.bench.ui_latency import QUERIES, prepare, summary
from tests.helpers.terminal import Terminal

SETTLE = 0.5  # seconds after a query's keywords are logged before the next is typed
WAIT = 30.0  # seconds a query's keywords may take before it counts as never painted


def wait_logged(term: Terminal, log: Path, query: str, timeout: float = WAIT) -> None:
    """Read the app's output until `query`'s keywords are logged as painted (a fixed
    wait left the slowest, a loaded machine's first queries, out of the figures)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and any(line.split("\t")[1:] == ["keyness", query]
                                for line in log.read_text().splitlines()):
            break
        term.pump(0.1)
    term.pump(SETTLE)


def one_launch(env: dict[str, str], python: str, queries: list[str], mode: str,
               think: float = 0.0) -> tuple[list[float | None], list[float]]:
    """Seconds to each query's keywords, in typing order (None for a query whose keywords
    never painted, and said), and from each key typed to its results painted (the typing
    path, meanwhile)."""
    typing_log = Path(env["NEWSDESK_LATENCY_LOG"])
    log = Path(env["NEWSDESK_LATENCY_LOG"] + ".views")
    log.unlink(missing_ok=True)
    typing_log.unlink(missing_ok=True)
    term = Terminal([], env, cols=180, rows=50, python=python)
    opened: float | None = None
    try:
        term.wait_for("articles indexed", timeout=120)
        if mode == "open":
            term.send(queries[0])
            term.wait_for(" hits of ", timeout=60)
            term.send("\x1b[B")  # to the results
            term.pump(0.3 + think)  # (reading the hits)
            sent = time.monotonic()
            term.send("K")  # the keywords pane, on the first query's hits
            term.wait_for("log-likelihood against", timeout=60)
            opened = term.shown_at - sent
            term.pump(0.3)
            term.send("/")  # back to the search box; the pane stays open beside
        else:
            term.send("\x1b[B")  # to the results (the newest articles)
            term.pump(0.3)
            term.send("K")  # the keywords pane, before any search
            term.wait_for("Keywords", timeout=30)
            term.pump(0.3)
            term.send("/")
        for query in queries[1:] if mode == "open" else queries:
            term.pump(0.3)
            term.send("\x15")  # Ctrl+U: clear the box
            term.pump(0.3)
            term.send(query)
            wait_logged(term, log, query)
    finally:
        term.quit()
    painted = {}
    for line in log.read_text().splitlines() if log.exists() else []:
        ms, view, query = line.split("\t", 2)
        if view == "keyness":
            painted.setdefault(query, float(ms) / 1000)
    if opened is not None:
        painted[queries[0]] = opened
    missing = [q for q in queries if q not in painted]
    if missing:
        print(f"  no keywords painted for {missing}", file=sys.stderr)
    keys = [float(line.split("\t", 1)[0]) / 1000
            for line in (typing_log.read_text().splitlines() if typing_log.exists() else [])]
    return [painted.get(q) for q in queries], keys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", required=True,
                        type=lambda path: Path(path).resolve())
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--launches", type=int, default=6, help="launches per interpreter")
    parser.add_argument("--later", type=int, default=3, help="queries after the first")
    parser.add_argument("--mode", choices=("open", "typed"), default="open")
    parser.add_argument("--think", type=float, default=0.0,
                        help="open: seconds between the first hits showing and K")
    parser.add_argument("--python", action="append", default=None,
                        help="the interpreter the app runs in (repeat to alternate)")
    args = parser.parse_args(argv)
    env = prepare(args.corpus, args.workdir.resolve())
    # Absolute, not resolved: a venv's python is a link to the system's.
    pythons = [os.path.abspath(p) for p in args.python or [sys.executable]]
    words = [q for q in QUERIES if not q.startswith("date:")]
    first: dict[str, list[float]] = {p: [] for p in pythons}
    later: dict[str, list[float]] = {p: [] for p in pythons}
    typing: dict[str, list[float]] = {p: [] for p in pythons}
    for launch in range(args.launches):
        # The same queries for each interpreter in a round; another first query each round.
        queries = [words[(launch * (args.later + 1) + k) % len(words)]
                   for k in range(args.later + 1)]
        for python in pythons:
            times, keys = one_launch(env, python, queries, args.mode, args.think)
            typing[python].extend(keys)
            print(f"launch {launch + 1} {python}: " + ", ".join(
                f"{q} {'-' if t is None else f'{t * 1000:.0f}'}"
                for q, t in zip(queries, times, strict=True)), flush=True)
            if times[0] is not None:
                first[python].append(times[0])
            later[python].extend(t for t in times[1:] if t is not None)
    for python in pythons:
        if first[python]:
            print(summary(f"{python}: first query", first[python]))
        if later[python]:
            print(summary(f"{python}: later queries", later[python]))
        if typing[python]:
            print(summary(f"{python}: key -> results painted", typing[python]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
