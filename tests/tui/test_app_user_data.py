"""The dashboard and the user's files changed elsewhere (issue 22, class 5): a search saved
by the real CLI or by hand appears in an open dashboard within seconds and survives the
dashboard's own saves and opens (in the file and in its .bak); history run elsewhere is
recalled with Up; an actor hidden by another process leaves the list, and a hand-broken file
is reported with its line and left as it is."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from newsdesk.index.actors.table import Curation, curation_path
from newsdesk.index.config import Settings
from newsdesk.index.models import Actor
from newsdesk.index.userdata.bookmarks import BookmarkStore, History, corpus_data_dir
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.name import NameDialog
from newsdesk.tui.panes.actors import ActorPane
from newsdesk.tui.panes.saved import SavedPane
from newsdesk.tui.panes.search_box import SearchBox
from tests.helpers.paths import NEWSDESK, ROOT, write_config
from tests.helpers.pilot import dashboard, search, wait_for, wait_ready

SOON = 10.0  # "within a few seconds": the panes look every two


def _cli(settings: Settings, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real `newsdesk` on the dashboard's corpus and index (so the same data folder)."""
    cfg = write_config(tmp_path / "cli.yaml", settings.corpus.sources,
                       f"index:\n  dir: {settings.index.dir}\n")
    return subprocess.run([*NEWSDESK, *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "NEWSDESK_CONFIG": str(cfg)}, timeout=120)


def _names(path: Path) -> list[str]:
    folder = path.parent / f"read-{path.name}"
    folder.mkdir(exist_ok=True)
    (folder / "saved.yaml").write_bytes(path.read_bytes())
    return [b.name for b in BookmarkStore(folder).load()]


async def test_a_search_saved_elsewhere_appears_and_survives(indexed_app_settings: Settings,
                                                             tmp_path: Path) -> None:
    folder = corpus_data_dir(indexed_app_settings)
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        pane = app.query_one(SavedPane)
        done = _cli(indexed_app_settings, tmp_path, "saved", "add", "from cli", "oil")
        assert done.returncode == 0, done.stderr
        await wait_for(pilot, lambda: "from cli" in [b.name for b in pane.bookmarks], SOON)

        await search(pilot, "pompeo")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, NameDialog))
        await pilot.press(*"mine", "enter")
        await wait_for(pilot, lambda: "mine" in [b.name for b in pane.bookmarks])
        assert _names(folder / "saved.yaml") == ["from cli", "mine"]

        with open(folder / "saved.yaml", "a") as out:  # by hand, in an editor
            out.write("- name: by hand\n  query: iraq\n")
        await wait_for(pilot, lambda: "by hand" in [b.name for b in pane.bookmarks], SOON)
        done = _cli(indexed_app_settings, tmp_path, "saved", "add", "second", "iran")
        assert done.returncode == 0, done.stderr
        dashboard(app).open_saved("from cli")  # before the pane has seen "second"
        await pilot.pause()
        everything = ["from cli", "mine", "by hand", "second"]
        assert _names(folder / "saved.yaml") == everything
        assert set(_names(folder / "saved.yaml.bak")) >= {"from cli", "mine", "by hand"}
        await wait_for(pilot, lambda: [b.name for b in pane.bookmarks] == everything, SOON)


async def test_history_run_elsewhere_is_recalled(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "pompeo")
        await pilot.press("enter")  # remembered
        box = app.query_one(SearchBox)
        # (Enter may wait in the key gate for the results of the text before it: on a busy
        # machine the other process's query came first.)
        await wait_for(pilot, lambda: box.history[-1:] == ["pompeo"])
        History(corpus_data_dir(indexed_app_settings)).add("soleimani elsewhere")
        box.focus()
        await pilot.press("up")
        assert box.value == "soleimani elsewhere"
        await pilot.press("up")
        assert box.value == "pompeo"
    assert History(corpus_data_dir(indexed_app_settings)).load() == \
        ["pompeo", "soleimani elsewhere"]


async def test_an_actor_hidden_elsewhere_leaves_the_list(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_ready(pilot)
        pane = app.query_one(ActorPane)
        await wait_for(pilot, lambda: len(pane.actors) > 30)
        baghdad: Actor = next(a for a in pane.actors if a.name == "Baghdad")
        Curation(curation_path(indexed_app_settings)).hide(baghdad)  # as another process would
        await wait_for(pilot, lambda: all(a.name != "Baghdad" for a in pane.actors), SOON)
        assert "Baghdad" in [a.name for a in pane.hidden_actors]


async def test_a_hand_broken_saved_file_is_named_and_kept(indexed_app_settings: Settings) -> None:
    folder = corpus_data_dir(indexed_app_settings)
    BookmarkStore(folder).put("kept", "oil")
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        pane = app.query_one(SavedPane)
        broken = (folder / "saved.yaml").read_text() + "  - name: [oops\n"
        (folder / "saved.yaml").write_text(broken)
        await wait_for(pilot, lambda: pane.notice is not None, SOON)
        assert f"{folder / 'saved.yaml'}:" in pane.notice
        await search(pilot, "pompeo")
        await pilot.press("ctrl+s")  # refused: the file is the person's to fix
        await pilot.pause()
        assert not isinstance(app.screen, NameDialog)
        assert (folder / "saved.yaml").read_text() == broken
        (folder / "saved.yaml").write_text(broken.replace("  - name: [oops\n", ""))
        await wait_for(pilot, lambda: pane.notice is None and
                       [b.name for b in pane.bookmarks] == ["kept"], SOON)  # fixed: shown
