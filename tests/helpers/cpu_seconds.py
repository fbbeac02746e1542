"""Each test's CPU seconds, for finding where `make test`'s time goes on a busy machine.

The shared machine's wall times swing tenfold with the load (a test of 5 s took 60 s at
load 25), and `--durations` or tests/file_seconds.json measure wall time. CPU seconds move
far less: each test's line says its wall seconds, the CPU of the test process and the CPU
of the children it waited for (a `newsdesk` it ran, a pseudo-terminal's app), appended as
the tests end (a run cut short keeps what it measured):

    NEWSDESK_TEST_CPU=/tmp/cpu.tsv make test
    python -m tests.helpers.cpu_seconds /tmp/cpu.tsv   # the files by CPU, then the tests

Not counted: processes a fork server started (the build's extraction and segment-writing
processes: their server reaps them), so a test of a build shows its own share only."""

from __future__ import annotations

import os
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path


def _now() -> tuple[float, float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (time.monotonic(), own.ru_utime + own.ru_stime,
            children.ru_utime + children.ru_stime)


class Meter:
    """Started before a test, `done` after it: one line appended to `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.start = _now()

    def done(self, nodeid: str) -> None:
        wall, own, children = (b - a for a, b in zip(self.start, _now(), strict=True))
        line = f"{nodeid}\t{wall:.3f}\t{own:.3f}\t{children:.3f}\n"
        with open(self.path, "a", encoding="utf-8") as out:  # (one write: O_APPEND)
            out.write(line)


def totals(path: Path) -> tuple[dict[str, list[float]], list[tuple[str, list[float]]]]:
    """Each file's [wall, own CPU, children's CPU, tests], and each test's line."""
    files: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    tests: list[tuple[str, list[float]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        nodeid, *figures = line.split("\t")
        values = [float(v) for v in figures]
        tests.append((nodeid, values))
        total = files[nodeid.split("::", 1)[0]]
        for i, value in enumerate(values):
            total[i] += value
        total[3] += 1
    return dict(files), tests


def main(argv: list[str]) -> None:
    files, tests = totals(Path(argv[0]))
    top = int(argv[1]) if len(argv) > 1 else 40
    print(f"{'cpu':>8} {'own':>8} {'child':>8} {'wall':>8} tests  file")
    for name, (wall, own, child, n) in sorted(files.items(),
                                              key=lambda kv: -(kv[1][1] + kv[1][2]))[:top]:
        print(f"{own + child:8.1f} {own:8.1f} {child:8.1f} {wall:8.1f} {int(n):5}  {name}")
    print(f"\n{sum(o + c for _, o, c, _ in files.values()):.1f} CPU s in {len(tests)} tests\n")
    for nodeid, (wall, own, child) in sorted(tests, key=lambda t: -(t[1][1] + t[1][2]))[:top]:
        print(f"{own + child:8.1f} {own:8.1f} {child:8.1f} {wall:8.1f}  {nodeid}")


if __name__ == "__main__":
    main(sys.argv[1:] or [os.environ.get("NEWSDESK_TEST_CPU", "cpu.tsv")])
