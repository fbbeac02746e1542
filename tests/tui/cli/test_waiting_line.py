"""A query command that must wait for the indexer says so on stderr at once, in one line
(why, and that Ctrl-C searches what is in), before the run; after a Ctrl-C it says the index
is incomplete and searches it. A small change of the corpus, read in a moment, says nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.ingest.staleness import Staleness, staleness
from newsdesk.index.models import IndexReport
from newsdesk.index.paths import index_paths
from newsdesk.tui.cli import common
from newsdesk.tui.cli import progress as cli_progress
from tests.helpers.command import run


def _articles(folder: Path, first: int, count: int, words: int = 40) -> None:
    for n in range(first, first + count):
        (folder / f"a{n:04}.txt").write_text(
            f"Story {n}\n\n" + " ".join(f"oil{n % 7} price market" for _ in range(words)))


@pytest.mark.parametrize("why", ["built", "rebuilt", "stopped", "changed"])
@pytest.mark.parametrize("held", [0, 1, 12_345])
def test_the_line_says_why_and_how_not_to_wait(why: str, held: int) -> None:
    line = common.waiting_line(Staleness(why, 50 * 2**20, 300), held)
    assert line is not None and "\n" not in line and line.startswith("newsdesk: ")
    assert ("Ctrl-C" in line) == (held > 0 and why in ("stopped", "changed"))
    if held and why in ("stopped", "changed"):
        assert f"{held:,} article" in line
    if why == "changed":
        assert "300 corpus files (50.0 MB)" in line


def test_a_small_change_says_nothing() -> None:
    assert common.waiting_line(Staleness("changed", common.SAY_WAIT_FROM - 1, 3), 100) is None


def test_the_line_comes_before_the_run(corpus_settings: Settings, corpus_dir: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    _articles(corpus_dir, 0, 30)
    Indexer(corpus_settings).run()
    _articles(corpus_dir, 30, 30)
    monkeypatch.setattr(common, "SAY_WAIT_FROM", 1)
    said_before: list[str] = []
    real = cli_progress.run_indexer_with_progress

    def watched(*args: object, **kwargs: object) -> IndexReport:
        said_before.append(capsys.readouterr().err)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cli_progress, "run_indexer_with_progress", watched)
    common.ensure_index(corpus_settings)
    assert len(said_before) == 1
    lines = said_before[0].splitlines()
    assert len(lines) == 1 and "30 corpus files" in lines[0]
    assert "searches the 30 articles indexed so far" in lines[0]
    assert staleness(corpus_settings) is None


def test_ctrl_c_searches_what_is_in_and_says_it_is_incomplete(
        corpus_settings: Settings, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _articles(corpus_dir, 0, 20)
    Indexer(corpus_settings).run()
    _articles(corpus_dir, 20, 5)
    monkeypatch.setattr(cli_progress, "run_indexer_with_progress",
                        lambda *a, **k: IndexReport(cancelled=True))
    common.ensure_index(corpus_settings)
    err = capsys.readouterr().err
    assert "the index is incomplete: searching the 20 articles indexed so far" in err
    assert "`newsdesk index` finishes it" in err


def test_a_stopped_run_is_named(corpus_settings: Settings, corpus_dir: Path) -> None:
    _articles(corpus_dir, 0, 10)
    Indexer(corpus_settings).run()
    assert staleness(corpus_settings) is None
    db = sqlite3.connect(index_paths(corpus_settings).store)
    with db:  # as a kill between the store's write and Whoosh's commit leaves it
        db.execute("UPDATE articles SET pending = 1 WHERE rowid IN "
                   "(SELECT rowid FROM articles LIMIT 3)")
    db.close()
    stale = staleness(corpus_settings)
    assert stale is not None and stale.why == "stopped"
    line = common.waiting_line(stale, 7)
    assert line is not None and "was stopped before it finished" in line


def test_search_in_a_pipe_says_it_at_once(corpus_dir: Path) -> None:
    _articles(corpus_dir, 0, 5)
    done = run("--corpus", str(corpus_dir), "search", "oil1")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == \
        "newsdesk: no index of this corpus yet: building it before searching"
    again = run("--corpus", str(corpus_dir), "search", "oil1")
    assert again.stderr == ""
