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
- Peak memory: the larger of (a) the most the processes under the launcher held together,
  sampled from /proc every 0.1 s, and (b) the largest single process's own peak from
  getrusage (which a sample can miss).

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
from dataclasses import asdict, dataclass
from pathlib import Path

from tests.helpers.processes import descendants, resident_mb

SAMPLE_SECONDS = 0.1
REAP_SECONDS = 30.0  # longest wait for processes left behind by the command
_PR_SET_CHILD_SUBREAPER = 36


@dataclass(slots=True)
class Measured:
    seconds: float  # wall time of the command, from its start to its end
    cpu_s: float  # user + system time of it and every process under it
    peak_mb: float  # its processes' peak resident memory (see the module's docstring)
    returncode: int


def _become_subreaper() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # then orphans go to init, and their CPU time is not counted


def _sample(root: int, peak: list[float], done: threading.Event) -> None:
    while not done.wait(SAMPLE_SECONDS):
        peak[0] = max(peak[0], resident_mb(descendants(root)))


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
    peak = [0.0]
    done = threading.Event()
    started = time.perf_counter()
    proc = subprocess.Popen(command)
    sampler = threading.Thread(target=_sample, args=(os.getpid(), peak, done), daemon=True)
    sampler.start()
    returncode = proc.wait()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    _reap_all()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Measured(seconds=seconds, cpu_s=usage.ru_utime + usage.ru_stime,
                    peak_mb=max(peak[0], usage.ru_maxrss * 1024 / 1e6),
                    returncode=returncode)


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    measured = measure(argv[2:])
    Path(argv[0]).write_text(json.dumps(asdict(measured)))
    return measured.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
