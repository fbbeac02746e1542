"""Each process's CPU of a command's process tree, user and system apart, with its minor page
faults: where a build's CPU seconds go by process (the indexer, the segment writer, the
extraction processes, the end's clustering), which `ingest_only` gives only summed.

Every 0.1 s it reads /proc/PID/stat of the command and every process under it, and keeps
each one's last figures (a process that lives less than 0.1 s may be missed: the fork
server's helpers all live for a batch or more). Linux only.

Run:  .venv/bin/python -m tests.bench.process_cpu -- .venv/bin/python -m newsdesk.tui.cli index -q
(with NEWSDESK_CONFIG naming a config whose corpus and index are the build's).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass

SAMPLE_SECONDS = 0.1
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(slots=True)
class Seen:
    pid: int
    parent: int
    first: float  # when first seen, seconds after the command started
    user: float  # CPU seconds in user mode, last seen
    system: float  # and in the kernel
    faults: int  # minor page faults

    @property
    def cpu(self) -> float:
        return self.user + self.system


def _stat(pid: int) -> tuple[int, float, float, int] | None:
    """(parent, user s, system s, minor faults) of a process, None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # (after the name: state, ppid, pgrp, session, tty, tpgid, flags, minflt, cminflt,
    # majflt, cmajflt, utime, stime)
    return int(fields[1]), int(fields[11]) / _TICKS, int(fields[12]) / _TICKS, int(fields[7])


def _tree(root: int) -> dict[int, tuple[int, float, float, int]]:
    """The stats of `root` and every process under it."""
    stats = {}
    for name in os.listdir("/proc"):
        if name.isdigit() and (found := _stat(int(name))) is not None:
            stats[int(name)] = found
    children: dict[int, list[int]] = {}
    for pid, (parent, *_) in stats.items():
        children.setdefault(parent, []).append(pid)
    tree, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            tree[pid] = stats[pid]
        todo.extend(children.get(pid, []))
    return tree


def watch(command: list[str]) -> tuple[int, list[Seen]]:
    """Run `command`; its exit code and every process of its tree as last seen, in the order
    they were first seen."""
    started = time.monotonic()
    proc = subprocess.Popen(command)
    seen: dict[int, Seen] = {}
    while True:
        done = proc.poll() is not None
        for pid, (parent, user, system, faults) in _tree(proc.pid).items():
            if pid in seen:
                last = seen[pid]
                last.user, last.system, last.faults = user, system, faults
            else:
                seen[pid] = Seen(pid, parent, time.monotonic() - started, user, system, faults)
        if done:
            break
        time.sleep(SAMPLE_SECONDS)
    return proc.returncode, list(seen.values())


def table(processes: list[Seen]) -> str:
    lines = [f"{'pid':>7} {'parent':>7} {'from s':>7} {'user s':>7} {'sys s':>6} "
             f"{'CPU s':>7} {'faults':>8}"]
    for p in processes:
        lines.append(f"{p.pid:>7} {p.parent:>7} {p.first:7.1f} {p.user:7.2f} {p.system:6.2f} "
                     f"{p.cpu:7.2f} {p.faults:>8}")
    lines.append(f"{'all':>7} {'':>7} {'':>7} {sum(p.user for p in processes):7.2f} "
                 f"{sum(p.system for p in processes):6.2f} "
                 f"{sum(p.cpu for p in processes):7.2f} {sum(p.faults for p in processes):>8}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs=argparse.REMAINDER,
                        help="the command, after --")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("name a command to run, after --")
    code, processes = watch(command)
    print(table(processes), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
