"""How long a stop takes, in CPU seconds: start `newsdesk --corpus CORPUS index` in XDG
folders of its own (made anew), send SIGNAL once its process tree has used AT CPU seconds,
and print the tree's CPU from the signal to its end, the wall seconds and the exit code.

Every 20 ms it reads /proc/PID/stat (utime + stime, children not summed: each process is
counted once) of the command and every process under it, and keeps each one's last
figures. Linux only.

Run:  .venv/bin/python -m tests.bench.stop_cpu .venv/bin/newsdesk CORPUS AT SIGINT HOME
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def _tree(root: int) -> list[int]:
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True,
                         check=False).stdout
    children: dict[int, list[int]] = {}
    for line in out.splitlines():
        if line.strip():
            pid, parent = map(int, line.split())
            children.setdefault(parent, []).append(pid)
    todo, found = [root], []
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _cpu(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except (OSError, IndexError):
        return 0.0


def main(argv: list[str]) -> int:
    newsdesk, corpus, at, name, home = argv[:5]
    shutil.rmtree(home, ignore_errors=True)
    env = dict(os.environ, XDG_DATA_HOME=f"{home}/d", XDG_CONFIG_HOME=f"{home}/c",
               XDG_CACHE_HOME=f"{home}/k")
    proc = subprocess.Popen([newsdesk, "--corpus", corpus, "index"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    while proc.poll() is None and sum(map(_cpu, _tree(proc.pid))) < float(at):
        time.sleep(0.05)
    last = {pid: _cpu(pid) for pid in _tree(proc.pid)}
    before = sum(last.values())
    began = time.monotonic()
    os.kill(proc.pid, getattr(signal, name))
    while proc.poll() is None:
        for pid in _tree(proc.pid):
            if (cpu := _cpu(pid)) > 0:
                last[pid] = cpu
        time.sleep(0.02)
    after = sum(last.values())
    print(f"CPU before the signal {before:.2f} s, after it {after - before:.2f} s, "
          f"wall after it {time.monotonic() - began:.1f} s, exit code {proc.returncode}")
    print((proc.stdout.read() if proc.stdout else "")[-1500:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
