"""A query from the history runs as it was run: Up recalls it as written (not its last word
as a prefix), and Ctrl+R opens on the whole history unless the box's query narrows it to
something (issue 23)."""

from __future__ import annotations

from newsdesk.index.config import Settings
from newsdesk.index.userdata.bookmarks import History, corpus_data_dir
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.history import HistoryDialog
from newsdesk.tui.panes.status import StatusLine
from tests.helpers.pilot import dashboard, wait_for, wait_ready


def test_ctrl_r_opens_on_the_whole_history_unless_the_query_narrows_it() -> None:
    queries = ["iran oil", "soleimani", "oil prices"]
    assert HistoryDialog(queries, "walrus").text == ""  # no "no past query matches" first
    assert HistoryDialog(queries, "oil").text == "oil"
    assert HistoryDialog(queries, "").text == ""


async def test_a_query_recalled_with_up_runs_as_written(indexed_app_settings: Settings) -> None:
    folder = corpus_data_dir(indexed_app_settings)
    History(folder).add("kassem")
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        status = app.query_one(StatusLine)
        main.box.focus()
        await pilot.press("up")
        await wait_for(pilot, lambda: main.box.value == "kassem")
        await wait_for(pilot, lambda: main.results.shown_query == "kassem"
                       and "hit" in str(status.render()))
        await pilot.pause(0.2)
        assert not main.search._typed_prefix
        assert "as a prefix" not in str(status.render())
        # Edited, it is being typed again: its last word a prefix.
        await pilot.press("backspace")
        await wait_for(pilot, lambda: main.results.shown_query == "kasse"
                       and main.search._typed_prefix)
        # Ctrl+R with "kasse" in the box: a past query holds it, so it narrows the list.
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryDialog))
        dialog = app.screen
        assert isinstance(dialog, HistoryDialog) and dialog.shown == ["kassem"]
