"""The export dialog at 80x24: its hint is read whole (it was cut at the dialog's edge,
the export folder's path and the keys lost)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.name import NameDialog
from tests.helpers.pilot import search, wait_for, wait_ready


def _shown(label: Label) -> str:
    """The label's text as painted, its lines joined."""
    lines = ("".join(s.text for s in label.render_line(y)).strip()
             for y in range(label.size.height))
    return " ".join(line for line in lines if line)


async def test_the_export_hint_fits_80_columns(app_settings: Settings,
                                               tmp_path: Path) -> None:
    folder = tmp_path / "a folder with a rather long name" / "for the exports of newsdesk"
    app_settings.ui.export_dir = folder
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "iran")
        await pilot.press("down", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, NameDialog))
        await pilot.pause()
        hint = app.screen.query_one(".dialog-hint", Label)
        shown = _shown(hint)
        assert "".join(str(folder).split()) in "".join(shown.split())  # wrapped anywhere
        assert shown.endswith("Enter exports, Escape cancels")
        dialog = hint.parent
        assert dialog is not None
        assert hint.region.right <= dialog.content_region.right
        assert dialog.region.bottom <= 24 and dialog.region.right <= 80
