"""Exports from the dashboard: the whole text and metadata, a documented folder named in full
in the notice, a progress dialog while it runs, and Escape to stop it without leaving a
file."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.locations import exports_dir
from newsdesk.index.models import Hit
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.export_progress import ExportProgress
from newsdesk.tui.dialogs.name import NameDialog
from tests.helpers.pilot import dashboard, notices, search, wait_for, wait_ready


def _notices(app: NewsdeskApp) -> list[str]:
    return notices(app)


async def test_export_lands_in_the_export_folder_with_full_text(
        indexed_wire_settings: Settings) -> None:
    app = NewsdeskApp(indexed_wire_settings)
    async with app.run_test(size=(150, 40)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "oil")
        total = dashboard(app).results.total
        await pilot.press("down", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, NameDialog))
        await pilot.press("enter")  # the suggested name, in the export folder
        folder = exports_dir()
        await wait_for(pilot, lambda: any(folder.glob("newsdesk-oil-*.csv")))
        target = next(folder.glob("newsdesk-oil-*.csv"))
        said = f"{target.name} in {target.resolve().parent}"  # the name first (80 columns)
        await wait_for(pilot, lambda: any(said in n for n in _notices(app)))
        assert not isinstance(app.screen, ExportProgress)  # closed when it ended
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == total
    engine = Engine(indexed_wire_settings)
    try:
        first = engine.store.articles([rows[0]["id"]])[rows[0]["id"]]
    finally:
        engine.close()
    assert rows[0]["text"] == first.text  # whole, not a snippet
    assert rows[0]["path"] and int(rows[0]["matches"]) >= 1


async def test_export_shows_progress_and_escape_stops_it(
        indexed_wire_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsdesk.index.views.export.PROGRESS_EVERY", 1)
    monkeypatch.setattr("newsdesk.tui.screens.handoff.PROGRESS_SECONDS", 0)
    slow_iter = Engine.iter_hits

    def slow(self, *args, **kwargs) -> Iterator[Hit]:  # type: ignore[no-untyped-def]
        for hit in slow_iter(self, *args, **kwargs):
            time.sleep(0.05)  # a long export: 120 hits take 6 s
            yield hit

    monkeypatch.setattr(Engine, "iter_hits", slow)
    indexed_wire_settings.ui.export_dir = tmp_path / "exports"
    app = NewsdeskApp(indexed_wire_settings)
    async with app.run_test(size=(150, 40)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "oil")
        await pilot.press("down", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, NameDialog))
        await pilot.press(*"stopped.csv", "enter")  # replaces the suggestion; bare: the folder
        await wait_for(pilot, lambda: isinstance(app.screen, ExportProgress))
        dialog = app.screen
        assert isinstance(dialog, ExportProgress)
        await wait_for(pilot, lambda: dialog.written >= 3)  # it moves
        await pilot.press("escape")
        await wait_for(pilot, lambda: any("Export stopped" in n for n in _notices(app)))
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportProgress))
    folder = tmp_path / "exports"
    assert dialog.path == str(folder / "stopped.csv")
    assert list(folder.iterdir()) == []  # neither the file nor its temporary


@pytest.mark.parametrize("name", ["a" * 300 + ".csv", "{file}/inside.csv"])
async def test_an_export_name_the_system_refuses_is_a_message(
        indexed_wire_settings: Settings, tmp_path: Path, name: str) -> None:
    """A name too long for the file system, or a folder that is a file: a notice, and the
    dashboard goes on (it stopped on an internal error, checking whether the file existed)."""
    plain_file = tmp_path / "plain.txt"
    plain_file.write_text("x")
    name = name.format(file=plain_file)
    exports_dir().mkdir(parents=True, exist_ok=True)  # exported before (or else ENOENT)
    app = NewsdeskApp(indexed_wire_settings)
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await wait_ready(pilot)
        await search(pilot, "oil")
        await pilot.press("down", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, NameDialog))
        dialog_input = app.screen.query_one("#dialog-name")
        dialog_input.value = name  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_for(pilot, lambda: any("Export" in n for n in _notices(app)))
        assert app.is_running and app.return_code is None
        await search(pilot, "gold")  # still searching
        assert dashboard(app).results.shown_query == "gold"
