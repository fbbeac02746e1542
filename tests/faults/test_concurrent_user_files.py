"""Many processes change the user's files at once (issue 22, class 5): 10 real `newsdesk saved
add` runs, and 10 processes each adding queries to the history and hiding actors, all let go
at the same moment (three rounds of 40 each under -m slow). Every entry reaches the disk, and
every file still parses."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdesk.index.actors.dictionaries import load_dictionary
from newsdesk.index.actors.table import Curation, curation_path
from newsdesk.index.config import load_settings
from newsdesk.index.userdata.bookmarks import BookmarkStore, History, corpus_data_dir
from tests.helpers.figures import Record
from tests.helpers.paths import NEWSDESK, ROOT, SEEDS, write_config

PROCESSES = 6  # (20 cost the suite 18 CPU s of process starts, 10 nine; -m slow runs 40)
QUERIES = 3  # history entries a process adds
HIDES = 4  # actors a process hides

# One writer: waits for the start file, then adds its queries and hides its actors, each
# through the library (a fresh object each time, as separate commands would).
WRITER = f"""
import os, sys, time
from pathlib import Path
from newsdesk.index.actors.table import Curation
from newsdesk.index.models import Actor
from newsdesk.index.userdata.bookmarks import History
folder, curation, start, n = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
while not start.exists():
    time.sleep(0.002)
for i in range({QUERIES}):
    History(folder).add(f"query {{n}}-{{i}}")
for i in range({HIDES}):
    Curation(curation).hide(Actor(0, f"Actor {{n}} {{i}}", "person", None, 1, 1,
                                  [(f"Actor {{n}} {{i}}", 1), (f"A{{n}}x{{i}}", 1)]))
"""


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    cfg = write_config(tmp_path / "cfg.yaml", [SEEDS])
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    return {**os.environ}


def writers_at_once(env: dict[str, str], tmp_path: Path, processes: int) -> list[str]:
    """`processes` CLI saved adds and as many writers of history and curation, let go at
    once; the entries that did not reach the disk."""
    settings = load_settings()
    folder = corpus_data_dir(settings)
    curation = curation_path(settings)
    start = tmp_path / "go"
    saves = [subprocess.Popen([*NEWSDESK, "saved", "add", f"search {n}", f"word{n} AND oil"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
             for n in range(processes)]
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(folder), str(curation),
                                 str(start), str(n)], cwd=ROOT, env=env,
                                stderr=subprocess.PIPE, text=True)
               for n in range(processes)]
    time.sleep(0.5)  # most writers are waiting at the start line by now
    start.touch()
    problems = []
    for proc in [*saves, *writers]:
        _, err = proc.communicate(timeout=600)
        if proc.returncode != 0:
            problems.append(err[-500:])
    assert problems == []
    names = {b.name for b in BookmarkStore(folder).load()}
    queries = set(History(folder).load())
    hidden = {e.name for e in load_dictionary(curation) if e.hidden}
    return [*({f"search {n}" for n in range(processes)} - names),
            *({f"query {n}-{i}" for n in range(processes) for i in range(QUERIES)} - queries),
            *({f"Actor {n} {i}" for n in range(processes) for i in range(HIDES)} - hidden)]


def _figures(figures: Record, processes: int, lost: list[str]) -> None:
    figures("concurrent writers of saved, history, curation",
            processes * (1 + QUERIES + HIDES), len(lost),
            f"{processes} saved add, {processes * QUERIES} history adds, "
            f"{processes * HIDES} hides at once; lost {len(lost)}")


def test_processes_at_once_lose_no_entry(env: dict[str, str], tmp_path: Path,
                                        figures: Record) -> None:
    lost = writers_at_once(env, tmp_path, PROCESSES)
    _figures(figures, PROCESSES, lost)
    assert lost == []
    # Every edit is journalled, so each can be undone, and the backup parses: it is the
    # state before the last add, so nothing is only there.
    settings = load_settings()
    folder = corpus_data_dir(settings)
    assert len(Curation(curation_path(settings))._journal()) == PROCESSES * HIDES
    backup = folder / "saved.yaml.bak"
    (tmp_path / "bak").mkdir()
    (tmp_path / "bak" / "saved.yaml").write_bytes(backup.read_bytes())
    assert len(BookmarkStore(tmp_path / "bak").load()) == PROCESSES - 1


@pytest.mark.slow
def test_many_rounds_of_writers_lose_no_entry(env: dict[str, str], tmp_path: Path,
                                              figures: Record,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    lost: list[str] = []
    for round_ in range(3):  # 3 rounds of 40, each on fresh files
        home = tmp_path / f"round{round_}"
        home.mkdir()
        monkeypatch.setenv("XDG_DATA_HOME", str(home))
        lost += writers_at_once({**env, "XDG_DATA_HOME": str(home)}, home, 40)
    _figures(figures, 120, lost)
    assert lost == []


def test_same_name_added_at_once_is_refused_for_all_but_one(env: dict[str, str]) -> None:
    """Without --replace, only one of several adds of one name wins; the others say so."""
    runs = [subprocess.Popen([*NEWSDESK, "saved", "add", "same", f"q{n}"], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for n in range(6)]
    outs = [(p.communicate(timeout=120)[0], p.returncode) for p in runs]
    assert sum(code == 0 for _, code in outs) == 1
    assert sum("exists" in out for out, _ in outs) == 5
    assert [b.name for b in BookmarkStore(corpus_data_dir(load_settings())).load()] == ["same"]
