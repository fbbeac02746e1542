"""The processes under a process, and their memory, from /proc (Linux): newsdesk indexes
in more than one process, so its memory is theirs together and a kill must end them all."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

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
    """Resident memory of these processes added up (a page they share counts once per
    process that maps it: an upper bound; `memory_kb` gives the proportional figure);
    0 for those that have ended."""
    page = os.sysconf("SC_PAGE_SIZE")
    total = 0
    for pid in pids:
        try:
            total += int((PROC / str(pid) / "statm").read_text().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
    return total / 1e6


class Memory(NamedTuple):
    """One process's memory in kB (see `memory_kb`)."""

    rss: int  # resident: every page it maps, shared or not
    pss: int  # proportional: a page shared by n processes counts 1/n
    uss: int  # unique: the pages no other process maps (Private_Clean + Private_Dirty)


def memory_kb(pid: int) -> Memory | None:
    """One process's memory, from /proc/PID/smaps_rollup; None if it has ended or the
    kernel lacks the file (before Linux 4.14).

    Rss counts every page the process maps, those it shares included: pages a forked
    process still shares with its parent (copy-on-write), shared libraries, a file that
    two processes map. Pss counts a page shared by n processes as 1/n of a page in each,
    so the Pss of a group of processes added up is the memory the group holds, each page
    once (less the part of pages it shares with processes outside it, such as the
    interpreter's own code: they are spread over those too); their Rss added up counts a
    shared page once per process. Their Uss added up is a lower bound."""
    found: dict[bytes, int] = {}
    try:
        with open(PROC / str(pid) / "smaps_rollup", "rb") as handle:
            for line in handle:
                key, _, rest = line.partition(b":")
                if key in _FIELDS:
                    found[key] = int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        return None
    if len(found) < len(_FIELDS):
        return None
    return Memory(found[b"Rss"], found[b"Pss"],
                  found[b"Private_Clean"] + found[b"Private_Dirty"])


_FIELDS = frozenset((b"Rss", b"Pss", b"Private_Clean", b"Private_Dirty"))


def command_line(pid: int, width: int = 120) -> str:
    """A process's command line, shortened ("" if it has ended)."""
    try:
        words = (PROC / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return ""
    return b" ".join(w for w in words if w).decode(errors="replace")[:width]


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
