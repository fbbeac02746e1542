"""The export dialog at 80x24: its hint is read whole (it was cut at the dialog's edge,
the export folder's path and the keys lost) and says that missing folders are made; an
export into folders that do not exist makes them, and one that cannot (a file in the way,
no permission) is a short notice in words, never an errno or a traceback."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.article_actions import make_export_folder
from newsdesk.tui.dialogs.name import NameDialog
from tests.helpers.pilot import dashboard, search, wait_for, wait_ready


def _shown(label: Label) -> str:
    """The label's text as painted, its lines joined."""
    lines = ("".join(s.text for s in label.render_line(y)).strip()
             for y in range(label.size.height))
    return " ".join(line for line in lines if line)


async def test_the_export_dialog_at_80_columns(indexed_app_settings: Settings,
                                              tmp_path: Path) -> None:
    """The hint read whole; then exports into new folders, and past a file in the way."""
    folder = tmp_path / "a folder with a rather long name" / "for the exports of newsdesk"
    indexed_app_settings.ui.export_dir = folder
    blocker = tmp_path / "taken"
    blocker.write_text("x")
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_ready(pilot)
        await search(pilot, "iran")
        await pilot.press("down", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, NameDialog))
        await pilot.pause()
        hint = app.screen.query_one(".dialog-hint", Label)
        shown = _shown(hint)
        assert "".join(str(folder).split()) in "".join(shown.split())  # wrapped anywhere
        assert shown.endswith("missing folders are made. Enter exports, Escape cancels")
        dialog = hint.parent
        assert dialog is not None
        assert hint.region.right <= dialog.content_region.right
        assert dialog.region.bottom <= 24 and dialog.region.right <= 80
        notices: list[str] = []  # as each is said: at 80 columns the newest replaces them
        for name in (tmp_path / "new" / "deeper" / "iran.csv", blocker / "iran.csv"):
            if not isinstance(app.screen, NameDialog):
                await pilot.press("e")
                await wait_for(pilot, lambda: isinstance(app.screen, NameDialog))
            app.screen.query_one("#dialog-name").value = str(name)  # type: ignore[attr-defined]
            await pilot.press("enter")
            await wait_for(pilot, lambda n=name: any(str(n.parent) in str(x.message)
                                                     for x in app._notifications))
            notices += [str(n.message) for n in app._notifications]
            await wait_for(pilot, lambda: app.screen is dashboard(app))
        assert app.is_running and app.return_code is None
    assert (tmp_path / "new" / "deeper" / "iran.csv").is_file()
    # The file's name first, then its folder: a toast cut at 80 columns keeps the name.
    assert f"Exported 5 results to iran.csv in {(tmp_path / 'new' / 'deeper').resolve()}" \
        in notices, notices
    assert f"Export: {blocker} is a file, not a folder" in notices
    assert not any("Errno" in n for n in notices)


def test_missing_folders_are_made(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "2026" / "oil.csv"
    assert make_export_folder(target) is None
    assert target.parent.is_dir() and not target.exists()
    assert make_export_folder(target) is None  # there already


def test_a_file_in_the_way_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "reports"
    blocker.write_text("not a folder")
    for target in (blocker / "oil.csv", blocker / "2026" / "deeper" / "oil.csv"):
        assert make_export_folder(target) == f"{blocker} is a file, not a folder"
    assert blocker.read_text() == "not a folder"
