"""Snapshot of the tag dialog (t) over the results at 80x24 (pytest-textual-snapshot)."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from newsdesk.index.config import Settings
from newsdesk.index.userdata.bookmarks import corpus_data_dir
from newsdesk.index.userdata.tags import Change, TagStore
from newsdesk.tui.dialogs.tags import TagDialog
from tests.helpers.paths import SEEDS
from tests.helpers.pilot import footer_fitted, search, wait_for, wait_ready
from tests.tui.test_snapshots import _frozen


def test_tag_dialog_at_80x24(snap_compare, app_settings: Settings,  # type: ignore[no-untyped-def]
                             monkeypatch: pytest.MonkeyPatch) -> None:
    # Tagged before the dashboard opens: the hits are found with their marks.
    ids = sorted(p.stem for p in SEEDS.glob("*.txt"))
    store = TagStore(corpus_data_dir(app_settings))
    store.change(ids[:3], Change.of(add=["lead"]))
    store.change(ids[:1], Change.of(add=["legal", "todo"], star=True, note="call"))
    app = _frozen(app_settings, monkeypatch)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_ready(pilot)
        await search(pilot, "soleimani")
        await pilot.press("down")
        await footer_fitted(pilot, "Tags")  # the results' keys, fitted: the dialog hides it
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TagDialog))
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False
        await pilot.press("l", "e")
        await wait_for(pilot, lambda: pilot.app.screen.query_one("#tag-words")._suggestion)
        # The dialog's opening changed the dashboard's keys: its footer, under the dialog,
        # is composed and fitted again; the screenshot is of it fitted and drawn.
        await footer_fitted(pilot, "Tags")

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
