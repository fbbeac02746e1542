"""Dashboard latency, measured through a real terminal (pseudo-terminal + pyte):

- first frame: launch of `newsdesk` (interpreter start included) until the search box is on
  the emulated screen, and until the output that drew it arrived ("frame out"); search
  ready: until the screen says the index is open and search works (index already built);
- keystroke to painted results, three ways: through the terminal, the last key of a query
  until its hit count is on the emulated screen (the pty, and pyte parsing every redraw in
  Python on the app's two cores), and until the output that showed it arrived from the pty
  ("frame out": what a native terminal would show at once); and inside the app
  (Input.Changed until the refresh that painted the results, logged by the app when
  NEWSDESK_LATENCY_LOG is set).

- quitting: Ctrl+Q until the process has ended, at each launch.
- `n` in the reader on the 61 KB seed (003, over a hundred matches of "iran"), 200x50 with
  the reader beside the results: the key until "match k of N" moves on the emulated screen
  (and until the output that moved it arrived), and in the app from the key's action to the
  refresh that painted the match reached (LOG.reader).

Run:  .venv/bin/python -m tests.bench.ui_latency [--corpus PATH ...] [--launches N]
                                [--workdir DIR] [--generated N] [--busy]
With --workdir the big corpus's index is kept there (DIR/big/index) and reused by the next
run: at 100,000 articles it takes minutes to build (`make bench-ui ARTICLES=100000`).
--generated N also measures N articles made from the BBC's paragraphs (long articles,
tests/bench/generate_corpus.py), --busy keeps one core busy meanwhile, as the issue's
measurements did. The real corpora of long articles and 30,000 generated:
`make bench-ui-real` (the indexes are kept in bench-work/ui-real).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import QueryError
from tests.bench import compile_sources
from tests.helpers.paths import CORPORA, SEEDS, write_config
from tests.helpers.terminal import Terminal

QUERY_WORDS = [
    "oil", "price", "bank", "minister", "election", "market", "government", "trade",
    "coffee", "cocoa", "dollar", "profit", "football", "music", "film", "shares", "strike",
    "labour", "china", "japan", "germany", "brazil", "wheat", "gold", "tax", "budget",
    "police", "court", "health", "mobile", "games", "rates", "growth", "crude", "opec",
    "merger", "airline", "steel", "sugar", "yen",
]
QUERIES = QUERY_WORDS + [f"{a} {b}" for a, b in zip(QUERY_WORDS, QUERY_WORDS[5:], strict=False)][
    :20] + ['"interest rates"', '"prime minister"', "oil OR gas", "bank NOT japan",
            "title:oil", "date:1987-03", "brazi*", "petrolium~", '"interest rates" opec',
            '"prime minister" blair']


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def summary(name: str, values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return (f"{name:<34} n={len(ms):<4} median {statistics.median(ms):7.1f} ms   "
            f"p95 {p95(ms):7.1f} ms   max {max(ms):7.1f} ms")


def prepare(corpus: list[Path], workdir: Path) -> dict[str, str]:
    workdir.mkdir(parents=True, exist_ok=True)
    cfg = write_config(workdir / "cfg.yaml", corpus, f"index:\n  dir: {workdir / 'index'}\n")
    env = {"NEWSDESK_CONFIG": str(cfg), "NEWSDESK_LATENCY_LOG": str(workdir / "latency.tsv"),
           "XDG_CONFIG_HOME": str(workdir / "config"),
           "XDG_DATA_HOME": str(workdir / "data"), "XDG_CACHE_HOME": str(workdir / "cache")}
    import os

    Path(env["NEWSDESK_LATENCY_LOG"]).unlink(missing_ok=True)  # a kept workdir: this run's only
    os.environ.update(env)
    settings = load_settings()
    Indexer(settings).run()
    return env


@dataclass
class Launches:
    """Seconds from launch: until the emulator shows the search box (`painted`, pyte having
    parsed the output in Python on the app's cores), until the output that showed it arrived
    (`arrived`: what a native terminal such as tmux shows at once), until the index is open
    and search works (`ready`); and Ctrl+Q until the process ended (`quits`)."""

    painted: list[float] = field(default_factory=list)
    arrived: list[float] = field(default_factory=list)
    ready: list[float] = field(default_factory=list)
    quits: list[float] = field(default_factory=list)

    def report(self, label: str) -> None:
        print(summary(f"{label}: launch -> first frame", self.painted))
        print(summary(f"{label}: launch -> frame out", self.arrived))
        print(summary(f"{label}: launch -> search ready", self.ready))
        print(summary(f"{label}: Ctrl+Q -> exited", self.quits))


def first_frames(env: dict[str, str], launches: int) -> Launches:
    timed = Launches()
    for _ in range(launches):
        started = time.monotonic()
        term = Terminal([], env, cols=120, rows=40)
        term.wait_for("Search: words", timeout=60)
        timed.painted.append(time.monotonic() - started)
        timed.arrived.append(term.shown_at - started)
        term.wait_for("articles indexed", timeout=60)
        timed.ready.append(time.monotonic() - started)
        term.pump(0.3)
        started = time.monotonic()
        term.quit()
        timed.quits.append(time.monotonic() - started)
    return timed


def expected_counts(queries: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    with Engine(load_settings()) as engine:
        for q in queries:
            try:  # as the dashboard searches what is typed: its last word as a prefix
                results = engine.search(q, limit=1, typing=True)
            except QueryError:
                counts[q] = -1  # a half-typed phrase: its screen shows a hint instead
                continue
            counts[q] = results.total
            if results.prefix:
                prefixes[q] = results.prefix
    return counts


prefixes: dict[str, str] = {}  # the word each query's status line names as its prefix


def _shown(query: str, count: int) -> str:
    """What the status line shows once `query`'s results are painted: its prefix notice
    (it differs at every key, where the count often does not), else its count."""
    prefix = prefixes.get(query)
    return f"{prefix}… as a prefix" if prefix else _status(count)


def keystrokes(env: dict[str, str], queries: list[str]) -> tuple[list[float], list[float]]:
    """For each query: type all but its last key, wait for those results, then time the
    last key until the screen shows the query's own hit count: (until the emulator showed
    it, until the output that showed it arrived)."""
    counts = expected_counts(queries + [q[:-1] for q in queries])
    term = Terminal([], env, cols=160, rows=45)
    term.wait_for("articles indexed", timeout=60)
    times: list[float] = []
    arrived: list[float] = []
    try:
        for query in queries:
            if (_shown(query, counts[query]) == _shown(query[:-1], counts[query[:-1]])
                    or -1 in (counts[query], counts[query[:-1]]) or counts[query] == 0):
                continue  # the screen could not tell the two results apart
            term.send("\x15")  # Ctrl+U: clear the search box
            term.wait_for("Type to search", timeout=10)
            term.send(query[:-1])
            before = counts[query[:-1]]
            try:  # let the screen settle on the prefix's results before timing the last key
                term.wait_for(_shown(query[:-1], before) if before
                              else ("No hits", "0 hits of"), timeout=5)
            except AssertionError:
                continue
            term.pump(0.1)
            started = time.monotonic()
            term.send(query[-1])
            term.wait_for(_shown(query, counts[query]), timeout=30)
            times.append(time.monotonic() - started)
            arrived.append(term.shown_at - started)
            slowest.append((times[-1], query))
    finally:
        term.quit()
    return times, arrived


slowest: list[tuple[float, str]] = []


def _status(count: int) -> str:
    # The status line starts with a space: " 4 hits of" never matches " 45 hits of".
    return f" {count:,} hit{'s' if count != 1 else ''} of"


def measure_big(corpus: list[Path], workdir: Path, name: str) -> None:
    big_env = prepare([p.resolve() for p in corpus], workdir)
    with Engine(load_settings()) as engine:
        size = engine.doc_count
    label = f"{name} {size:,} articles"
    first_frames(big_env, 3).report(label)
    slowest.clear()
    measured, arrived = keystrokes(big_env, QUERIES)
    print(summary(f"{label}: key -> painted (terminal)", measured))
    print(summary(f"{label}: key -> frame out (terminal)", arrived))
    logged = [line.split("\t", 1) for line in
              Path(big_env["NEWSDESK_LATENCY_LOG"]).read_text().splitlines()]
    in_app = [float(ms) / 1000 for ms, _ in logged]
    print("slowest in app:", sorted(logged, key=lambda r: -float(r[0]))[:8])
    print(summary(f"{label}: key -> painted (in app)", in_app))
    print("slowest:", ", ".join(f"{q} {t * 1000:.0f} ms" for t, q in sorted(slowest)[-6:]))


def reader_steps(env: dict[str, str], presses: int) -> tuple[list[float], list[float],
                                                           list[float], int]:
    """`n` pressed `presses` times in the seeds' longest hit for "iran" (the 61 KB 003):
    (screen, frame out, in app) seconds a press, and the article's length in characters."""
    log = Path(env["NEWSDESK_LATENCY_LOG"] + ".reader")
    log.unlink(missing_ok=True)
    term = Terminal([], env, cols=200, rows=50)
    screen: list[float] = []
    arrived: list[float] = []
    try:
        term.wait_for("articles indexed", timeout=60)
        term.send("iran")
        term.wait_for(" hits of", timeout=30)
        term.pump(0.3)
        term.send("\r")  # to the results
        term.pump(0.3)
        term.send("\r")  # the top hit in the reader, on its first match
        term.wait_for("match 1 of", timeout=30)
        term.pump(0.5)
        total = int(re.search(r"match 1 of ([\d,]+)", term.text).group(1)  # type: ignore[union-attr]
                    .replace(",", ""))
        for number in range(2, presses + 2):
            started = time.monotonic()
            term.send("n")
            term.wait_for(f"match {(number - 1) % total + 1:,} of {total:,}", timeout=10)
            screen.append(time.monotonic() - started)
            arrived.append(term.shown_at - started)
            term.pump(0.15)
    finally:
        term.quit()
    rows = [line.split("\t") for line in log.read_text().splitlines()]
    return screen, arrived, [float(ms) / 1000 for ms, _ in rows], int(rows[0][1])


def busy_core() -> subprocess.Popen[bytes]:
    """Another process keeping one core busy, as on the machines the issue measured."""
    return subprocess.Popen([sys.executable, "-c", "while True: pass"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", action="append", type=Path)
    parser.add_argument("--launches", type=int, default=10)
    parser.add_argument("--workdir", type=Path, help="keep the big corpus's index here")
    parser.add_argument("--generated", type=int, default=0,
                        help="also N articles generated from the BBC's paragraphs")
    parser.add_argument("--busy", action="store_true", help="keep one core busy meanwhile")
    parser.add_argument("--presses", type=int, default=40, help="n pressed in the reader")
    args = parser.parse_args(argv)
    compile_sources()
    big = args.corpus or [CORPORA / "bbc-news-2225.jsonl", CORPORA / "reuters-21578.jsonl"]
    spinner = busy_core() if args.busy else None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = (args.workdir or Path(tmp)).resolve()  # the app runs in another folder
            seeds_env = prepare([SEEDS], Path(tmp) / "seeds")
            first_frames(seeds_env, args.launches).report("seeds")
            screen, arrived, in_app, length = reader_steps(seeds_env, args.presses)
            label = f"seeds: n in the reader, {length:,} characters"
            print(summary(f"{label} (terminal)", screen))
            print(summary(f"{label} (frame out)", arrived))
            print(summary(f"{label} (in app)", in_app))
            measure_big(big, work / "big", "corpus" if args.corpus else "real")
            if args.generated:
                generated = work / f"bbc-{args.generated}.jsonl"
                if not generated.is_file():
                    subprocess.run([sys.executable, "-m", "tests.bench.generate_corpus",
                                    str(args.generated), str(generated), "--sources",
                                    str(CORPORA / "bbc-news-2225.jsonl")], check=True)
                measure_big([generated], work / f"generated-{args.generated}", "generated")
    finally:
        if spinner is not None:
            spinner.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
