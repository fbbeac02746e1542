"""Issue 22, class 9: newsdesk trusts only an index folder it made. It deletes or overwrites
only inside a folder with its marker (or a new, empty, or pre-marker index folder), refuses
a folder others can write to, and never follows a symlink planted as its lock, VERSION or
sums file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import IndexFolderError
from newsdesk.index.paths import MARKER
from tests.helpers import command
from tests.helpers.figures import Record
from tests.helpers.paths import SEEDS, write_config


def setup(tmp_path: Path, index: Path) -> dict[str, str]:
    corpus = tmp_path / "corpus"
    if not corpus.exists():
        shutil.copytree(SEEDS, corpus)
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {index}\n")
    return {"NEWSDESK_CONFIG": str(cfg)}


def clean(out) -> bool:  # type: ignore[no-untyped-def]
    text = out.stdout + out.stderr
    return "Traceback" not in text and "internal error" not in text


USERS_FOLDERS = (["whoosh/notes.txt", "VERSION"], ["whoosh/x.seg", "VERSION", "a.txt"],
                 ["VERSION"], ["store.sqlite", "VERSION"], ["photos/cat.jpg"])
FOLDER_COMMANDS = (["index", "-q"], ["search", "iran"], ["index", "--check"])


@pytest.mark.parametrize("every", [False, pytest.param(True, marks=pytest.mark.slow)],
                         ids=["in turn", "every command"])
def test_a_folder_of_the_users_is_refused_and_left_as_it_was(tmp_path: Path,
                                                            figures: Record,
                                                            every: bool) -> None:
    """index.dir at a folder of the user's, holding what an index would (whoosh/, VERSION)
    and more, or only those: every command refuses it, naming it; nothing in it changes.
    Each folder meets one command, in turn (every command meets some folder); each meets
    every command: -m slow."""
    tried = failed = 0
    for n, layout in enumerate(USERS_FOLDERS):
        folder = tmp_path / f"mine{n}"
        for name in layout:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(f"the user's {name}\n")
        before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
        env = setup(tmp_path, folder)
        for args in FOLDER_COMMANDS if every else \
                [FOLDER_COMMANDS[n % len(FOLDER_COMMANDS)]]:
            tried += 1
            out = command.run(*args, env_extra=env)
            if not (out.returncode == 2 and clean(out) and str(folder) in out.stderr
                    and "did not make" in out.stderr):
                failed += 1
        after = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
        assert after == before, layout
    figures("index.dir at a folder newsdesk did not make", tried, failed)
    assert failed == 0


def test_a_folder_others_can_write_is_refused(tmp_path: Path, figures: Record) -> None:
    """World-writable (the planted symlinks of issue 22 among its files): refused, naming
    it, and the files the links point to are untouched."""
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n")
    tried = failed = 0
    built = tmp_path / "built"  # one build, a copy for each case: refused before any read
    assert command.run("index", "-q", env_extra=setup(tmp_path, built)).returncode == 0
    for planted in ([], ["VERSION"], ["index.lock"], ["VERSION", "index.lock", "whoosh.sums"]):
        folder = tmp_path / f"shared{tried}"
        shutil.copytree(built, folder)
        env = setup(tmp_path, folder)
        for name in planted:
            (folder / name).unlink(missing_ok=True)
            (folder / name).symlink_to(precious)
        folder.chmod(0o777)
        for args in (["index", "-q"], ["search", "iran"]):
            tried += 1
            out = command.run(*args, env_extra=env)
            if not (out.returncode == 2 and clean(out) and "other users" in out.stderr
                    and str(folder) in out.stderr):
                failed += 1
        assert precious.read_text() == "keep me\n"
    figures("index folder writable by others", tried, failed)
    assert failed == 0


def test_a_sticky_folder_of_ones_own_is_accepted(tmp_path: Path) -> None:
    folder = tmp_path / "sticky"
    env = setup(tmp_path, folder)
    assert command.run("index", "-q", env_extra=env).returncode == 0
    folder.chmod(0o1777)
    out = command.run("search", "iran", env_extra=env)
    assert out.returncode == 0, out.stderr


@pytest.mark.parametrize("name", ["VERSION", "whoosh.sums", "index.lock", MARKER])
def test_symlinks_in_its_own_folder_are_never_followed(tmp_path: Path, name: str) -> None:
    """A link planted in newsdesk's own folder: replaced (VERSION, sums: written by
    rename) or refused with a message (the lock), never written through."""
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n")
    folder = tmp_path / "index"
    env = setup(tmp_path, folder)
    assert command.run("index", "-q", env_extra=env).returncode == 0
    (folder / name).unlink()
    (folder / name).symlink_to(precious)
    (tmp_path / "corpus" / "new.txt").write_text("A new story about Iran.\n")  # a write
    out = command.run("search", "iran", env_extra=env)
    assert clean(out), out.stderr
    assert precious.read_text() == "keep me\n"
    if name == "index.lock":
        assert "symbolic link" in out.stderr and str(folder / name) in out.stderr
    elif name == MARKER:
        assert out.returncode == 2 and "did not make" in out.stderr
    else:
        assert out.returncode == 0, out.stderr
        assert not (folder / name).is_symlink()


def test_an_index_made_before_markers_is_adopted(corpus_settings: Settings,
                                                 corpus_dir: Path) -> None:
    (corpus_dir / "a.txt").write_text("Alpha\n\nOil prices rose.\n")
    Indexer(corpus_settings).run()
    with Engine(corpus_settings) as engine:
        marker = engine.paths.marker
    marker.unlink()
    with Engine(corpus_settings) as engine:
        assert engine.search("oil").total == 1
    Indexer(corpus_settings).run()
    assert marker.is_file()


def test_the_engine_refuses_a_folder_not_its_own(corpus_settings: Settings,
                                                 tmp_path: Path) -> None:
    """Whoosh unpickles a table of contents: an index folder newsdesk did not make is
    never opened."""
    folder = tmp_path / "theirs"
    (folder / "whoosh").mkdir(parents=True)
    (folder / "store.sqlite").write_bytes(b"not ours")
    (folder / "README").write_text("theirs\n")
    corpus_settings.index.dir = folder
    with pytest.raises(IndexFolderError, match="did not make"):
        Engine(corpus_settings)
    assert os.listdir(folder / "whoosh") == []
