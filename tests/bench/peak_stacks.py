"""Where a command's memory goes, process by process: runs COMMAND, samples the Pss of it
and of every process under it every 0.2 s, prints each new high of their sum (with each
process's share), and, where py-spy is installed, each process's Python stack whenever its
own Pss passes a new step of STEP MB over FROM MB; at the end each process's own peak.

Dev-time: `NEWSDESK_CONFIG=CFG .venv/bin/python -m tests.bench.peak_stacks -- .venv/bin/python
-m newsdesk.tui.cli index -q` (or any command: tests/bench/reader_memory.py)."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time

from tests.helpers.processes import descendants, memory_kb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from-mb", type=int, default=150)
    parser.add_argument("--step", type=int, default=40)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = [c for c in args.command if c != "--"] if args.command[:1] == ["--"] \
        else args.command
    spy = shutil.which("py-spy") or shutil.which("py-spy", path=sys.prefix + "/bin")
    started = time.monotonic()
    proc = subprocess.Popen(command)
    peaks: dict[int, int] = {}
    stacked: dict[int, int] = {}
    total = 0
    while proc.poll() is None:
        now = {}
        for pid in sorted(descendants(proc.pid) | {proc.pid}):
            found = memory_kb(pid)
            if found is not None and found.pss:
                now[pid] = found.pss // 1000
        if sum(now.values()) > total:
            total = sum(now.values())
            print(f"{time.monotonic() - started:7.1f} s  {total} MB  " +
                  " ".join(f"{pid}:{mb}" for pid, mb in now.items()), flush=True)
        for pid, mb in now.items():
            peaks[pid] = max(peaks.get(pid, 0), mb)
            if spy and mb > args.from_mb and mb >= stacked.get(pid, args.from_mb - args.step) \
                    + args.step:
                stacked[pid] = mb
                dump = subprocess.run([spy, "dump", "--pid", str(pid), "--nonblocking"],
                                      capture_output=True, text=True).stdout
                print(f"--- {time.monotonic() - started:.1f} s, {pid} at {mb} MB:\n"
                      + "\n".join(dump.splitlines()[3:16]), flush=True)
        time.sleep(0.2)
    print(f"peak {total} MB; each process's own:", peaks, flush=True)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
