"""No pager to hand an article to: the notice names the pager looked for and says what to
do (set $PAGER), for an unset $PAGER without less, a $PAGER that is not installed and one
that cannot be read as a command; never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.article_actions import pager_command
from tests.helpers.pilot import notices, search, wait_for, wait_ready


@pytest.fixture
def empty_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PATH with one folder holding only what a test puts there."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return folder


def _installed(folder: Path, name: str) -> None:
    program = folder / name
    program.write_text("#!/bin/sh\ncat\n")
    program.chmod(0o755)


def test_an_installed_pager_is_the_command(empty_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _installed(empty_path, "mypager")
    monkeypatch.setenv("PAGER", "mypager -R")
    assert pager_command() == ["mypager", "-R"]
    monkeypatch.delenv("PAGER")
    _installed(empty_path, "less")
    assert pager_command() == ["less"]


def test_no_less_and_no_pager_set_says_to_set_pager(empty_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PAGER", raising=False)
    problem = pager_command()
    assert isinstance(problem, str)
    assert "less is not installed" in problem and "set $PAGER" in problem
    assert "export PAGER=" in problem


def test_a_pager_set_but_not_installed_is_named(empty_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGER", "nosuchpager -X")
    problem = pager_command()
    assert isinstance(problem, str)
    assert "nosuchpager is not installed" in problem
    assert "set $PAGER" in problem


def test_an_unreadable_pager_setting_is_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGER", 'less "-R')
    problem = pager_command()
    assert isinstance(problem, str) and "cannot be read" in problem and "$PAGER" in problem


@pytest.mark.slow  # the dashboard end to end; the tests above are its smoke version
async def test_o_without_a_pager_notifies_what_to_do(
        indexed_app_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGER", "nosuchpager")
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_ready(pilot)
        await search(pilot, "soleimani")
        await pilot.press("down", "o")
        await wait_for(pilot, lambda: any("nosuchpager" in n for n in notices(app)))
        notice = next(n for n in notices(app) if "nosuchpager" in n)
        assert "set $PAGER" in notice
