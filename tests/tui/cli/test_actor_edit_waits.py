"""An actor edit from the command line while another newsdesk holds the curation's lock (a
dashboard re-clustering after its own edit, seconds on a large corpus) says that it waits,
then makes its edit once the lock is let go: it sat silent for as long before."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import pytest

from newsdesk.index.actors.curation import curation_path
from newsdesk.index.actors.opened import actor_table
from newsdesk.index.config import load_settings
from newsdesk.index.userdata.lock import SAY_AFTER, locked
from newsdesk.tui.cli import actors as cli_actors
from newsdesk.tui.cli import output
from newsdesk.tui.cli.main import main
from tests.helpers.paths import NEWSDESK
from tests.helpers.patience import Patience

# (More edits: `-m slow`.)
EDITS = [pytest.param(("hide", "Popular Mobilization Forces"), id="hide"),
         pytest.param(("rename", "Popular Mobilization Forces", "Popular Mobilisation Units"),
                      id="rename", marks=pytest.mark.slow),
         pytest.param(("merge", "Kata'ib Hezbollah", "Popular Mobilization Forces"),
                      id="merge"),
         pytest.param(("type", "Islamic State", "organisation"), id="type",
                      marks=pytest.mark.slow)]


def _wait_for(condition, what: str, timeout: float = 20) -> None:  # type: ignore[no-untyped-def]
    patience = Patience(timeout)
    while not condition():
        assert not patience.expired(), what
        time.sleep(0.02)


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_waiting_for_the_lock_says_so_then_is_made(
        seeds_config: Path, monkeypatch: pytest.MonkeyPatch, edit: tuple[str, ...]) -> None:
    settings = load_settings()
    said: list[str] = []
    monkeypatch.setattr(output, "err", said.append)
    codes: list[int] = []
    with locked(curation_path(settings)):  # (as a dashboard's re-clustering holds it)
        worker = threading.Thread(target=lambda: codes.append(main(["actors", *edit])))
        started = time.monotonic()
        worker.start()
        _wait_for(lambda: cli_actors.WAITING in said, f"no waiting line: {said}")
        assert time.monotonic() - started >= SAY_AFTER  # (not said for a short wait)
        assert worker.is_alive() and not codes  # (it waits: the edit is not made yet)
    worker.join(60)
    assert codes == [0], said
    assert said.count(cli_actors.WAITING) == 1  # (once, however long the waits)
    with actor_table(settings) as table:
        actor = table.resolve(edit[-1] if edit[0] in ("rename", "merge") else edit[1],
                              hidden_first=True)
        assert actor is not None
        assert actor.hidden if edit[0] == "hide" else True
        assert actor.type == edit[2] if edit[0] == "type" else True


def test_an_edit_not_kept_waiting_says_nothing(seeds_config: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(output, "err", said.append)
    assert main(["actors", "hide", "Islamic State"]) == 0
    assert cli_actors.WAITING not in said


@pytest.mark.slow  # (a process of its own: the in-process tests above are its smoke version)
def test_the_command_says_it_on_stderr(seeds_config: Path) -> None:
    """The real command, a process of its own, waiting for this one's lock."""
    settings = load_settings()
    with locked(curation_path(settings)):
        child = subprocess.Popen([*NEWSDESK, "actors", "hide", "Quds Force"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stderr is not None
        line = child.stderr.readline()
        assert line.rstrip("\n") == cli_actors.WAITING
        assert child.poll() is None
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert out.startswith("Hid 'Quds Force'")
