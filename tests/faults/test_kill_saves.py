"""SIGKILL a process that saves bookmarks, history and the actor dictionary (the user's
curation) in a loop, at random moments. After every kill all three files parse and hold
everything that had been confirmed saved."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdesk.index.actors.dictionaries import load_dictionary
from newsdesk.index.models import NewsdeskError
from newsdesk.index.userdata.bookmarks import BookmarkStore, History
from tests.helpers.figures import Record
from tests.helpers.paths import ROOT

_WRITER = """
import sys
from pathlib import Path
from newsdesk.index.actors.dictionaries import Entry, load_dictionary, save_dictionary
from newsdesk.index.userdata.bookmarks import BookmarkStore, History
folder = Path(sys.argv[1])
curation = folder / "actors.yaml"
store, history = BookmarkStore(folder), History(folder)
store.load(); history.load()
entries = load_dictionary(curation) if curation.exists() else []
n = max(len(store.bookmarks), len(entries))  # a kill between two saves skips a number
print("saving", flush=True)
while True:
    n += 1
    store.put(f"bookmark {n}", f"query {n} " + "x" * (n % 300))
    history.add(f"query {n}")
    entries.append(Entry(f"Actor Number {n}", "person", None, [f"Alias {n}"], False))
    save_dictionary(curation, entries, "# curation\\n")
    print(n, flush=True)
"""


def kill_during_saves(folder: Path, kills: int) -> tuple[int, list[str]]:
    rng = random.Random(7)
    failures: list[str] = []
    confirmed: set[int] = set()  # every save the writer reported done, over all runs
    for _ in range(kills):
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(folder)], cwd=ROOT,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        # The clock starts once the writer is saving: on a loaded machine start-up alone can
        # outlast the delay, and the kill would land before any save.
        assert proc.stdout.readline().strip() == "saving"
        deadline = time.monotonic() + rng.uniform(0.05, 0.4)
        os.set_blocking(proc.stdout.fileno(), False)
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if line.strip():
                confirmed.add(int(line))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        confirmed.update(int(word) for word in proc.stdout.read().split())
        try:
            names = {b.name for b in BookmarkStore(folder).load()}
            History(folder).load()
            actors = {e.name for e in load_dictionary(folder / "actors.yaml")} \
                if (folder / "actors.yaml").exists() else set()
            lost = [i for i in sorted(confirmed)
                    if f"bookmark {i}" not in names or f"Actor Number {i}" not in actors]
            if lost:
                failures.append(f"{len(confirmed)} confirmed, lost {lost[:5]}")
        except NewsdeskError as exc:  # a file that does not parse
            failures.append(str(exc))
    return kills, failures


def test_kills_during_saves_short(tmp_path: Path, figures: Record) -> None:
    tried, failed = kill_during_saves(tmp_path, kills=8)
    figures("SIGKILL during saves (bookmarks, history, actor dictionary)", tried, len(failed))
    assert (tried, failed) == (8, [])
    assert len(BookmarkStore(tmp_path).load()) >= 8  # the kills did land among real saves


@pytest.mark.slow
def test_kills_during_saves_long(tmp_path: Path, figures: Record) -> None:
    tried, failed = kill_during_saves(tmp_path, kills=100)
    figures("SIGKILL during saves (bookmarks, history, actor dictionary)", tried, len(failed))
    assert failed == []
