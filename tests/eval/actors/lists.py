"""newsdesk's actor lists of a corpus, read the way a user reads them: `newsdesk actors
--json` in a subprocess, on an index built in a scratch folder of its own.

The index is kept and reused while neither the corpus (size and modification time of its
files) nor the engine (the contents of index/ and config.yaml) has changed: the actors are
extracted when articles are indexed, so a change to the rules under test must rebuild it."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from newsdesk.index import locations
from tests.eval.actors.score import Entry

NEWSDESK = [sys.executable, "-m", "newsdesk.tui.cli"]
MARKER = ".eval-actors"  # written in every folder this module makes; only those are removed
DONE = ".eval-actors-done"  # written once the lists were read: the index is whole
ENGINE_SOURCES = ("*.py", "*.yaml")


@dataclass(frozen=True, slots=True)
class Lists:
    default: list[Entry]
    places: list[Entry]
    folder: Path
    built: bool  # whether this run indexed the corpus (False: an index was reused)


def _stat_line(path: Path, root: Path) -> str:
    st = path.stat()
    return f"{path.relative_to(root) if path != root else path.name}:{st.st_size}:{st.st_mtime_ns}"


def corpus_stamp(corpus: Path) -> str:
    if corpus.is_dir():
        lines = [_stat_line(p, corpus) for p in sorted(corpus.rglob("*")) if p.is_file()]
    else:
        lines = [_stat_line(corpus, corpus)]
    return "\n".join([str(corpus.resolve()), *lines])


def engine_stamp() -> str:
    """A digest of the engine's code and data and of the default config."""
    index = locations.ROOT / "index"
    digest = hashlib.sha1()
    files = sorted(p for pattern in ENGINE_SOURCES for p in index.rglob(pattern))
    for path in [*files, locations.default_config_file()]:
        if path.is_file():
            digest.update(str(path.relative_to(locations.ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def scratch_folder(workdir: Path, name: str, corpus: Path) -> Path:
    key = hashlib.sha1(f"{corpus_stamp(corpus)}\n{engine_stamp()}".encode()).hexdigest()[:12]
    return workdir / f"{name}-{key}"


def _remove_stale(workdir: Path, name: str, keep: Path) -> None:
    for folder in workdir.glob(f"{name}-*"):
        if folder != keep and (folder / MARKER).is_file():
            shutil.rmtree(folder, ignore_errors=True)


def _environment(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSDESK_CONFIG"}
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                     ("XDG_DATA_HOME", "data")):
        env[var] = str(folder / sub)
    return env


def _actors(corpus: Path, env: dict[str, str], limit: int, *extra: str) -> list[Entry]:
    command = [*NEWSDESK, "--corpus", str(corpus), "actors", "--json", "-n", str(limit), *extra]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):  # 1: no actors listed
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): "
                           f"{done.stderr.strip()[-2000:]}")
    rows = json.loads(done.stdout or "[]")
    return [Entry.from_json(row) for row in rows]


def actor_lists(corpus: Path, name: str, workdir: Path, limit: int = 100) -> Lists:
    """The default list and the `--type location` list, each at most `limit` long."""
    workdir.mkdir(parents=True, exist_ok=True)
    folder = scratch_folder(workdir, name, corpus)
    built = not (folder / DONE).is_file()
    if built:
        if (folder / MARKER).is_file():  # a run stopped half way
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        (folder / MARKER).write_text(corpus_stamp(corpus) + "\n", encoding="utf-8")
    env = _environment(folder)
    default = _actors(corpus, env, limit)
    places = _actors(corpus, env, limit, "--type", "location")
    (folder / DONE).touch()
    _remove_stale(workdir, name, folder)
    return Lists(default=default, places=places, folder=folder, built=built)
