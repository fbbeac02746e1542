"""Issue 22, class 7: a full disk, a read-only index folder and one that vanishes get one
plain message naming the folder and what to do; a complete index is still searched.

A full disk is simulated with RLIMIT_FSIZE in the command's process (no write may grow a
file: EFBIG, as ENOSPC would be; SIGXFSZ ignored as a full disk sends none), in-process
with os.write raising ENOSPC."""

from __future__ import annotations

import errno
import os
import resource
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import IndexFolderError
from newsdesk.tui import crash
from tests.helpers.figures import Record
from tests.helpers.paths import NEWSDESK, SEEDS, write_config


def _full_disk() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def run(*args: str, env: dict[str, str], full: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWSDESK, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env}, preexec_fn=_full_disk if full else None)


@pytest.fixture
def built(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(SEEDS, corpus)
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {index}\n")
    env = {"NEWSDESK_CONFIG": str(cfg)}
    assert run("index", "-q", env=env).returncode == 0
    return env, corpus, index


def clean(out: subprocess.CompletedProcess) -> bool:
    text = out.stdout + out.stderr
    return "Traceback" not in text and "internal error" not in text


def crash_reports(home: Path) -> list[Path]:
    return list(home.rglob("crash-*.txt"))


def test_searching_a_complete_index_works_on_a_full_disk(
        built: tuple[dict[str, str], Path, Path], isolated_home: Path,
        figures: Record) -> None:
    env, corpus, index = built
    tried = failed = 0
    for args in (["search", "iran"], ["search", "--json", "soleimani"], ["kwic", "iran"],
                 ["timeline", "iran"], ["facets", "iran"], ["actors", "-n", "1000"],
                 ["saved", "list"]):
        tried += 1
        out = run(*args, env=env, full=True)
        if out.returncode not in (0, 1) or not clean(out) or out.stderr.strip():
            failed += 1
    figures("commands on a full disk, index complete", tried, failed)
    assert failed == 0
    assert not crash_reports(isolated_home)


def test_a_full_disk_while_indexing_says_so_and_searches_what_is_there(
        built: tuple[dict[str, str], Path, Path], isolated_home: Path) -> None:
    env, corpus, index = built
    (corpus / "new.txt").write_text("Zanzibar\n\nA story about Zanzibar and Iran.\n")
    out = run("index", "-q", env=env, full=True)
    assert out.returncode == 2 and clean(out)
    assert f"the disk holding the index folder {index} is full" in out.stderr
    assert out.stderr.count("\n") == 1  # one line
    searched = run("search", "iran", env=env, full=True)
    assert searched.returncode == 0 and clean(searched)
    assert "is full" in searched.stderr and "searching the index as it is" in searched.stderr
    assert "5 hits" in searched.stdout
    done = run("search", "zanzibar", env=env)  # space again: the update goes through
    assert done.returncode == 0 and "1 hit" in done.stdout, done.stderr
    assert not crash_reports(isolated_home)


def test_a_crash_report_is_never_left_empty(monkeypatch: pytest.MonkeyPatch,
                                            isolated_home: Path) -> None:
    real_fdopen = os.fdopen

    class FullFile:
        def __init__(self, fd: int, *args: object, **kwargs: object) -> None:
            self.file = real_fdopen(fd, *args, **kwargs)  # type: ignore[call-overload]

        def __enter__(self) -> FullFile:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", FullFile)
    assert crash.write_report(RuntimeError("boom")) is None
    assert not [p for p in isolated_home.rglob("*") if p.is_file()]
    assert "could not be written" in crash.message(RuntimeError("boom"), None)


def test_enospc_in_the_indexer_is_one_plain_message(corpus_settings: Settings,
                                                    corpus_dir: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (corpus_dir / "a.txt").write_text("Alpha\n\nOil prices rose.\n")
    Indexer(corpus_settings).run()
    (corpus_dir / "b.txt").write_text("Beta\n\nOil prices fell.\n")
    from newsdesk.index.storage import integrity

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched, \
            pytest.raises(IndexFolderError, match="is full; free some space"):
        patched.setattr(integrity, "write_file", full)
        Indexer(corpus_settings).run()
    with Engine(corpus_settings) as engine:  # what was committed is kept and searched
        assert engine.search("oil").total >= 1


def _as_user(args: list[str]) -> list[str]:
    """As root, without the capabilities that let root write where permissions say no."""
    if os.geteuid() != 0:
        return args
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("as root a read-only folder is written anyway, and setpriv (util-linux), "
                    "which drops that capability, is missing")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", *args]


def test_a_read_only_index_folder(built: tuple[dict[str, str], Path, Path],
                                  isolated_home: Path) -> None:
    """Searching a complete read-only index works; an update that cannot be written says
    so, naming the folder, and searches what is there; no index at all: a clear message."""
    env, corpus, index = built

    def user_run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(_as_user([*NEWSDESK, *args]), capture_output=True, text=True,
                              timeout=120, env={**os.environ, **env})

    paths = [index, *index.rglob("*")]
    for path in paths:
        path.chmod(path.stat().st_mode & ~0o222)
    try:
        out = user_run("search", "iran")
        assert out.returncode == 0 and clean(out) and "5 hits" in out.stdout, out.stderr
        assert not out.stderr.strip()
        (corpus / "new.txt").write_text("Zanzibar\n\nA story about Zanzibar and Iran.\n")
        out = user_run("search", "iran")
        assert out.returncode == 0 and clean(out) and "5 hits" in out.stdout, out.stderr
        assert "read-only" in out.stderr and str(index) in out.stderr
        assert out.stderr.count("\n") == 1
    finally:
        for path in paths:
            path.chmod(path.stat().st_mode | 0o200)
    (corpus / "new.txt").unlink()
    parent = index.parent / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    cfg = write_config(index.parent / "cfg-ro.yaml", [corpus], f"index:\n  dir: {parent}/x\n")
    env["NEWSDESK_CONFIG"] = str(cfg)
    out = user_run("search", "iran")
    assert out.returncode == 2 and clean(out), out.stderr
    assert f"{parent}/x" in out.stderr or str(parent) in out.stderr
    assert out.stderr.count("\n") == 1


def test_a_vanished_index_folder_is_said_plainly(corpus_settings: Settings,
                                                 corpus_dir: Path) -> None:
    (corpus_dir / "a.txt").write_text("Alpha\n\nOil prices rose.\n")
    Indexer(corpus_settings).run()
    engine = Engine(corpus_settings)
    assert engine.search("oil").total == 1
    shutil.rmtree(engine.paths.root)
    assert engine.replaced() and engine.vanished()
    try:  # the files it holds open may still answer; if not, it says why
        assert engine.search("prices").total == 1
    except IndexFolderError as exc:
        assert "was removed" in str(exc)
    with pytest.raises(IndexFolderError, match="was removed"):
        engine.refresh()  # (the dashboard's every 5 s)
    engine.close()  # never fails
    Indexer(corpus_settings).run()
    with Engine(corpus_settings) as again:
        assert again.search("oil").total == 1


async def test_the_dashboard_says_a_vanished_index_and_reopens_it_rebuilt(
        app_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The index folder deleted under the dashboard: said once, plainly; the rebuild
    (F5) is reopened, searches find again, and quitting is clean."""
    from newsdesk.index.paths import index_paths
    from newsdesk.tui.app import NewsdeskApp
    from newsdesk.tui.panes.results import ResultsList
    from tests.helpers.pilot import dashboard, search, wait_for, wait_ready

    Indexer(app_settings).run()
    monkeypatch.setattr("newsdesk.tui.panes.indexing.REFRESH_SECONDS", 0.1)
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        first = main.index_bar.engine
        shutil.rmtree(index_paths(app_settings).root)
        await wait_for(pilot, lambda: any("was removed" in str(n.message)
                                          for n in app._notifications))
        gone = [n for n in app._notifications if "was removed" in str(n.message)]
        assert str(index_paths(app_settings).root) in str(gone[0].message)
        main.action_reindex()
        await wait_for(pilot, lambda: main.index_bar.engine is not first
                       and not main.index_bar.indexing.is_set(), timeout=30)
        await search(pilot, "soleimani")
        assert app.query_one(ResultsList).hits
        assert len([n for n in app._notifications if "was removed" in str(n.message)]) == 1
        await pilot.press("ctrl+q")
    assert not app.return_code
