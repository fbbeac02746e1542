"""End to end in real pseudo-terminals at 80x24: a dashboard stars and tags an article with
its keys and the tags file has it; and (slow) two dashboards open on one corpus tag at once,
each sees the other's tag, and every tag is there for the command line afterwards."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.userdata.bookmarks import corpus_data_dir
from newsdesk.index.userdata.tags import TagStore
from tests.helpers.paths import NEWSDESK, SEEDS, write_config
from tests.helpers.terminal import Terminal


@pytest.fixture
def corpus_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))  # (XDG folders: the test's own)
    return {"NEWSDESK_CONFIG": str(cfg)}


def test_star_and_tag_in_a_terminal(corpus_env: dict[str, str]) -> None:
    term = Terminal([], corpus_env, cols=80, rows=24)
    try:
        term.wait_for("articles indexed")
        term.send("soleimani")
        term.wait_for("5 hits")
        _tag(term, 0, "alpha")
        assert "Traceback" not in term.text
    finally:
        code = term.quit()
    assert code == 0
    store = TagStore(corpus_data_dir(load_settings()))
    marks = list(store.load().values())
    assert [(m.tags, m.starred) for m in marks] == [(["alpha"], True)]


def _tag(term: Terminal, down: int, tag: str) -> None:
    """From the search box: to hit `down` + 1, star it, and give it `tag` in the dialog."""
    term.send("\x1b[B" * (down + 1))  # Down: into the results, then on
    term.settle()
    term.send("*")
    term.wait_for("★")
    term.send("t")
    term.wait_for("Tags and note")
    term.send(tag + "\r")
    term.wait_for(f"#{tag}")


@pytest.mark.slow
def test_two_dashboards_tag_and_each_sees_the_other(corpus_env: dict[str, str]) -> None:
    built = subprocess.run([*NEWSDESK, "index", "-q"], capture_output=True, text=True,
                           timeout=120)
    assert built.returncode == 0, built.stderr  # not two dashboards indexing at once
    first = Terminal([], corpus_env, cols=80, rows=24)
    second = Terminal([], corpus_env, cols=80, rows=24)
    try:
        for term in (first, second):
            term.wait_for("articles indexed")
            term.send("soleimani")
            term.wait_for("5 hits")
        _tag(first, 0, "alpha")
        _tag(second, 1, "beta")
        first.wait_for("#beta", timeout=30)  # polled from the file (2 s)
        second.wait_for("#alpha", timeout=30)
        assert "Traceback" not in first.text + second.text
    finally:
        codes = [term.quit() for term in (first, second)]
    assert codes == [0, 0]
    proc = subprocess.run([*NEWSDESK, "search", "tag:alpha OR tag:beta", "--json"],
                          env=dict(os.environ), capture_output=True, text=True,
                          timeout=60)
    hits = json.loads(proc.stdout)["hits"]
    assert sorted((h["tags"], h["starred"]) for h in hits) == [(["alpha"], True),
                                                                (["beta"], True)]
