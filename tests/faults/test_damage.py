"""Issue 22, class 6: damaged files are found and repaired, never believed. Each file of an
index (the SQLite store, each Whoosh segment file type, the table of contents, the sums) is
truncated and has bytes flipped at many offsets; the real `newsdesk search` then answers as
it did before the damage (after its automatic repair), with no traceback or internal error,
and the user's saved searches, history and curation are untouched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import command
from tests.helpers.figures import Record
from tests.helpers.paths import SEEDS, write_config

QUERY = "iran OR soleimani"
# The user's curation and history, written as the dashboard writes them.
CURATE = """
from newsdesk.index.actors.table import Curation, curation_path
from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.userdata.bookmarks import History, corpus_data_dir
settings = load_settings()
with Engine(settings) as engine:
    Curation(curation_path(settings)).hide(engine.actors.resolve("Iran"))
history = History(corpus_data_dir(settings))
history.load()
history.add("soleimani")
"""


class Pristine:
    """The seeds indexed once, with a saved search, history and curation, and what the
    query finds in it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.corpus = root / "corpus"
        shutil.copytree(SEEDS, self.corpus)
        self.index = root / "index"
        self.env = self.environment(root)
        assert self.run("index", "-q").returncode == 0
        assert self.run("saved", "add", "persia", "iran").returncode == 0
        curate = subprocess.run([sys.executable, "-c", CURATE], env={**os.environ, **self.env},
                                capture_output=True, text=True)
        assert curate.returncode == 0, curate.stderr
        assert (root / "data").is_dir() and len(user_files(root / "data")) >= 2
        found = self.run("search", "--json", "-n", "50", QUERY)
        assert found.returncode == 0, found.stderr
        self.expected = ranked(found.stdout)
        assert len(self.expected) >= 3

    def environment(self, root: Path, index: Path | None = None) -> dict[str, str]:
        cfg = write_config(root / "cfg.yaml", [self.corpus],
                           f"index:\n  dir: {index or self.index}\n")
        return {"NEWSDESK_CONFIG": str(cfg), "XDG_DATA_HOME": str(root / "data"),
                "XDG_CACHE_HOME": str(root / "cache"), "XDG_CONFIG_HOME": str(root / "config"),
                "NO_COLOR": "1"}

    def run(self, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        return command.run(*args, env_extra=env or self.env)

    def copy(self, target: Path) -> dict[str, str]:
        """A copy of the index and user data of its own; its environment."""
        shutil.copytree(self.index, target / "index")
        shutil.copytree(self.root / "data", target / "data")
        return self.environment(target, target / "index") | {
            "XDG_DATA_HOME": str(target / "data"), "XDG_CACHE_HOME": str(target / "cache")}


def ranked(stdout: str) -> list[tuple[str, float]]:
    return [(h["id"], round(h["score"], 3)) for h in json.loads(stdout)["hits"]]


def user_files(data: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data)): p.read_bytes() for p in sorted(data.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock")}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Pristine:
    return Pristine(tmp_path_factory.mktemp("pristine"))


def damage(path: Path, how: str, offset: int) -> None:
    if how == "truncate":
        os.truncate(path, offset)
    else:
        data = bytearray(path.read_bytes())
        data[offset] ^= 0x5A
        path.write_bytes(bytes(data))


def offsets(size: int, dense: bool) -> list[tuple[str, int]]:
    """Where to damage a file of `size` bytes: its start, its header, through its body, its
    end (more places with `dense`)."""
    cuts = {1, size // 2} | ({0, size - 1} | {size // 8 * k for k in range(1, 8)}
                             if dense else set())
    flips = {0, size // 2, size - 5} | (
        {20, 100, 1000} | {size // 16 * k for k in range(1, 16)} if dense else set())
    return [("truncate", c) for c in sorted(cuts) if 0 <= c < size] + \
        [("flip", f) for f in sorted(flips) if 0 <= f < size]


def targets(index: Path) -> list[Path]:
    """One file of each kind: the store, every Whoosh file type, the sums."""
    found = [index / "store.sqlite", index / "whoosh.sums"]
    kinds: dict[str, Path] = {}
    for path in sorted((index / "whoosh").iterdir()):
        if path.is_file() and path.stat().st_size:
            kinds.setdefault(path.suffix, path)
    return found + sorted(kinds.values())


def sampled(cases: list[tuple[str, int]], turn: int) -> list[tuple[str, int]]:
    """A cut or a flip of a file's places (a cut for the even files, a flip for the odd),
    the place taken in turn (round): over the files, both kinds of damage and the sparse
    set's places are met; every file at every place is the -m slow test."""
    kind = [c for c in cases if c[0] == ("truncate" if turn % 2 == 0 else "flip")]
    return [kind[turn // 2 % len(kind)]]


def check_damaged(pristine: Pristine, tmp_path: Path, dense: bool,
                  figures: Record, sample: bool = False) -> None:
    failures: list[str] = []
    tried = 0
    for turn, target in enumerate(targets(pristine.index)):
        name = target.relative_to(pristine.index)
        places = offsets(target.stat().st_size, dense)
        for how, offset in sampled(places, turn) if sample else places:
            tried += 1
            case = tmp_path / f"case{tried}"
            env = pristine.copy(case)
            before = user_files(case / "data")
            damage(case / "index" / name, how, offset)
            out = pristine.run("search", "--json", "-n", "50", QUERY, env=env)
            what = f"{how} {name} at {offset}"
            text = out.stdout + out.stderr
            if "Traceback" in text or "internal error" in text or out.returncode != 0:
                failures.append(f"{what}: exit {out.returncode}: {out.stderr[-300:]}")
            elif ranked(out.stdout) != pristine.expected:
                failures.append(f"{what}: ranked {ranked(out.stdout)}")
            elif user_files(case / "data") != before:
                failures.append(f"{what}: user files changed")
            again = pristine.run("search", "--json", "-n", "50", QUERY, env=env)
            if again.returncode != 0 or ranked(again.stdout) != pristine.expected \
                    or again.stderr.strip():
                failures.append(f"{what}: not repaired for the next run: {again.stderr[-200:]}")
            if not failures or not failures[-1].startswith(what):
                shutil.rmtree(case)  # (a failed case stays, for its crash report)
    figures("damaged index files (truncated, flipped)", tried, len(failures))
    assert not failures, "\n".join(failures)


def test_damaged_files_are_repaired_and_answer_as_before(
        pristine: Pristine, tmp_path: Path, figures: Record) -> None:
    """Each file cut or flipped once (at its start, middle or end, in turn); every place
    in every file: the -m slow test below."""
    check_damaged(pristine, tmp_path, dense=False, figures=figures, sample=True)


@pytest.mark.slow
def test_damage_at_many_more_offsets(pristine: Pristine, tmp_path: Path,
                                     figures: Record) -> None:
    check_damaged(pristine, tmp_path, dense=True, figures=figures)


def test_check_finds_damage_no_search_reads(pristine: Pristine, tmp_path: Path) -> None:
    """`newsdesk index --check` reads everything: a flipped byte in a segment is found and
    repaired; on a sound index it says so."""
    env = pristine.copy(tmp_path)
    sound = pristine.run("index", "--check", env=env)
    assert sound.returncode == 0 and "sound" in sound.stderr
    segment = next((tmp_path / "index" / "whoosh").glob("*.seg"))
    damage(segment, "flip", segment.stat().st_size // 2)
    fixed = pristine.run("index", "--check", env=env)
    assert fixed.returncode == 0, fixed.stderr
    assert "damaged" in fixed.stderr and "kept" in fixed.stderr
    out = pristine.run("search", "--json", "-n", "50", QUERY, env=env)
    assert ranked(out.stdout) == pristine.expected


def test_a_store_read_as_empty_is_rebuilt_from_the_files(pristine: Pristine,
                                                         tmp_path: Path) -> None:
    """A store SQLite reads as a new, empty database (cut to nothing) no longer matches
    the index: both are rebuilt, not the files' articles added a second time."""
    env = pristine.copy(tmp_path)
    os.truncate(tmp_path / "index" / "store.sqlite", 0)
    out = pristine.run("search", "--json", "-n", "50", QUERY, env=env)
    assert out.returncode == 0, out.stderr
    assert ranked(out.stdout) == pristine.expected


async def test_the_dashboard_repairs_a_damaged_index_and_says_so(
        app_settings: object) -> None:
    """A segment flipped under the dashboard's index: found when it opens it, rebuilt from
    the store with a notice, and the search answers as before."""
    from newsdesk.index.engine import Engine
    from newsdesk.index.ingest.indexer import Indexer
    from newsdesk.index.paths import index_paths
    from newsdesk.tui.app import NewsdeskApp
    from newsdesk.tui.panes.results import ResultsList
    from tests.helpers.pilot import dashboard, search, wait_for

    Indexer(app_settings).run()  # type: ignore[arg-type]
    with Engine(app_settings) as engine:  # type: ignore[arg-type]
        expected = [h.id for h in engine.search("iran").hits]
    segment = next(index_paths(app_settings).whoosh.glob("*.seg"))  # type: ignore[arg-type]
    damage(segment, "flip", segment.stat().st_size // 2)
    app = NewsdeskApp(app_settings)  # type: ignore[arg-type]
    async with app.run_test(size=(140, 40)) as pilot:
        main = dashboard(app)
        await wait_for(pilot, lambda: any("damaged" in str(n.message)
                                          for n in app._notifications), timeout=30)
        await wait_for(pilot, lambda: main.index_bar.engine is not None
                       and not main.index_bar.indexing.is_set()
                       and main.search.doc_count > 0, timeout=30)
        await search(pilot, "iran ")  # the space ends the word: searched whole, not as a prefix
        assert [h.id for h in app.query_one(ResultsList).hits] == expected
        await pilot.press("ctrl+q")
    assert not app.return_code
