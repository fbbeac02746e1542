"""The processes under a process, and their memory, from /proc (Linux): newsdesk indexes
in more than one process, so its memory is theirs together and a kill must end them all."""

from __future__ import annotations

import os
from pathlib import Path

PROC = Path("/proc")


def descendants(root: int) -> set[int]:
    """Every live process below `root` (its children, theirs, and so on)."""
    parents: dict[int, int] = {}
    for entry in PROC.iterdir() if PROC.is_dir() else ():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # ended meanwhile
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    grew = {root}
    while grew:
        grew = {pid for pid, parent in parents.items() if parent in grew} - found
        found |= grew
    return found


def resident_mb(pids: set[int]) -> float:
    """Resident memory of these processes together (pages they share count twice: an
    upper bound); 0 for those that have ended."""
    page = os.sysconf("SC_PAGE_SIZE")
    total = 0
    for pid in pids:
        try:
            total += int((PROC / str(pid) / "statm").read_text().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
    return total / 1e6


def cpu_seconds(pids: set[int]) -> dict[int, float]:
    """CPU seconds (user and system) each of these processes has used so far (those that
    have ended are left out)."""
    tick = os.sysconf("SC_CLK_TCK")
    found = {}
    for pid in pids:
        try:
            fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / tick
    return found


def alive(pids: set[int]) -> set[int]:
    """Those of `pids` still running (zombies count as ended)."""
    running = set()
    for pid in pids:
        try:
            state = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            running.add(pid)
    return running
