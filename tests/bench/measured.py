"""Run one command and measure it alone: wall seconds, CPU seconds and peak memory of the
command's own processes (it and every process under it), written as JSON to a file.

Why a process of its own: Linux carries a process's peak resident memory (ru_maxrss)
across fork and exec, so a child of a benchmark that has grown to 400 MB reports at least
400 MB whatever it uses itself: the parent's memory set a floor for every engine measured.
This launcher is small (a bare interpreter, ~10 MB), and the command is its child, so the
floor is the launcher's few megabytes, not the benchmark's.

- CPU: user + system time of every process under the launcher, from
  getrusage(RUSAGE_CHILDREN) once all of them have ended. The launcher makes itself a
  child subreaper (Linux prctl), so processes that outlive their parent (a fork server,
  its sub-processes) are reparented to it and their time is counted too.
- Peak memory, sampled from /proc every 0.1 s over every process under the launcher:
  - `peak_mb`, the headline: the most they held together, each page once: their
    proportional set sizes (Pss, /proc/PID/smaps_rollup) added up, where a page that n
    of them share counts 1/n in each. The indexer's helper processes are forked from a
    server and share its copy-on-write pages and every shared library.
  - `peak_rss_sum_mb`: their resident sizes (Rss) added up, which counts a shared page
    once per process that maps it (an upper bound; the figure this benchmark gave until
    2026-12-05), or the largest single process's own peak from getrusage if that is more
    (a sample can miss it).
  - `peak_uss_sum_mb`: their unique set sizes (pages no other process maps) added up,
    a floor under the truth. (Pss spreads pages the group shares with processes outside
    it, the interpreter's code and libraries, over those too: a few MB under.)
  - `at_peak`: each process at the moment of the Pss peak (pid, command, Pss, Rss), and
    `process_peaks`: each process's own highest Pss and Rss over the run.
  A spike shorter than 0.1 s can fall between two samples.
  (Before Linux 4.14, no smaps_rollup: `peak_mb` is then the Rss sum; `peak_kind` says.)

Run:  python -m tests.bench.measured REPORT.json -- COMMAND [ARG...]
      (its exit code is the command's)
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tests.helpers.processes import command_line, descendants, memory_kb

SAMPLE_SECONDS = 0.1
REAP_SECONDS = 30.0  # longest wait for processes left behind by the command
_PR_SET_CHILD_SUBREAPER = 36


@dataclass(slots=True)
class Measured:
    seconds: float  # wall time of the command, from its start to its end
    cpu_s: float  # user + system time of it and every process under it
    peak_mb: float  # its processes' peak memory together, Pss added up (peak_kind says)
    peak_rss_sum_mb: float  # the same processes' Rss added up (shared pages once each)
    peak_uss_sum_mb: float  # their Uss added up (pages no other process maps): a floor
    peak_kind: str  # "pss", or "rss" where the kernel gives no Pss
    returncode: int
    at_peak: list[dict] = field(default_factory=list)  # each process at the peak
    process_peaks: list[dict] = field(default_factory=list)  # each process's own peak


class _Sampler:
    """The processes under a root, sampled: the peak of their Pss and Rss sums, and of
    each one's."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.pss_peak_kb = 0
        self.rss_peak_kb = 0
        self.uss_peak_kb = 0
        self.any_pss = False
        self.at_peak: list[dict] = []
        self.by_pid: dict[int, dict] = {}

    def sample(self) -> None:
        pss_sum = rss_sum = uss_sum = 0
        now: list[tuple[int, int, int]] = []
        # Oldest first (pids ascending: a parent before the children it forked): a child
        # that ends while it is sampled gives its shared pages back to its parent, so a
        # parent read after such a child counted them twice (217 MB for 150 shared by
        # two, on a busy machine); read before, it counts them at most once.
        for pid in sorted(descendants(self.root)):
            found = memory_kb(pid)
            if found is None:
                continue
            rss, pss, uss = found
            pss_sum += pss
            rss_sum += rss
            uss_sum += uss
            now.append((pid, rss, pss))
            mine = self.by_pid.get(pid)
            if mine is None:
                mine = self.by_pid[pid] = {"pid": pid, "command": command_line(pid),
                                           "pss_mb": 0.0, "rss_mb": 0.0}
            mine["pss_mb"] = max(mine["pss_mb"], pss / 1000)
            mine["rss_mb"] = max(mine["rss_mb"], rss / 1000)
        self.any_pss = self.any_pss or pss_sum > 0
        self.rss_peak_kb = max(self.rss_peak_kb, rss_sum)
        self.uss_peak_kb = max(self.uss_peak_kb, uss_sum)
        if pss_sum > self.pss_peak_kb:
            self.pss_peak_kb = pss_sum
            self.at_peak = [{"pid": pid, "command": self.by_pid[pid]["command"],
                             "pss_mb": pss / 1000, "rss_mb": rss / 1000}
                            for pid, rss, pss in sorted(now, key=lambda n: -n[2])]


def _become_subreaper() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # then orphans go to init, and their CPU time is not counted


def _sample(sampler: _Sampler, done: threading.Event) -> None:
    while not done.wait(SAMPLE_SECONDS):
        sampler.sample()


def _reap_all() -> None:
    """Wait for every process under this one (the command's left-behind ones included),
    so that their CPU time is in RUSAGE_CHILDREN."""
    deadline = time.monotonic() + REAP_SECONDS
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.02)


def measure(command: list[str]) -> Measured:
    _become_subreaper()
    sampler = _Sampler(os.getpid())
    done = threading.Event()
    started = time.perf_counter()
    proc = subprocess.Popen(command)
    thread = threading.Thread(target=_sample, args=(sampler, done), daemon=True)
    thread.start()
    returncode = proc.wait()
    seconds = time.perf_counter() - started
    done.set()
    thread.join()
    _reap_all()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    rss_sum_mb = max(sampler.rss_peak_kb / 1000, usage.ru_maxrss * 1024 / 1e6)
    kind = "pss" if sampler.any_pss else "rss"
    return Measured(seconds=seconds, cpu_s=usage.ru_utime + usage.ru_stime,
                    peak_mb=sampler.pss_peak_kb / 1000 if sampler.any_pss else rss_sum_mb,
                    peak_rss_sum_mb=rss_sum_mb, peak_uss_sum_mb=sampler.uss_peak_kb / 1000,
                    peak_kind=kind, returncode=returncode,
                    at_peak=sampler.at_peak,
                    process_peaks=sorted(sampler.by_pid.values(), key=lambda p: -p["pss_mb"]))


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    measured = measure(argv[2:])
    Path(argv[0]).write_text(json.dumps(asdict(measured)))
    return measured.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
