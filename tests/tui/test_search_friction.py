"""The search loop as a new user meets it: a corpus with nothing to read is an error, not
"0 hits"; the newest articles before anything is typed; sorting by date; a half-typed last
word searched as a prefix; an incomplete query keeps the last results."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.status import StatusLine
from tests.helpers.pilot import wait_for


@pytest.mark.parametrize("make", ["empty", "json"])
async def test_a_corpus_with_nothing_to_read_says_so(make: str, app_settings: Settings,
                                                     tmp_path: Path) -> None:
    source = tmp_path / "nothing"
    source.mkdir()
    if make == "json":
        source = source / "articles.json"
        source.write_text("[]")
    app_settings.corpus.sources = [source]
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        status = app.query_one(StatusLine)
        await wait_for(pilot, lambda: status.message_kind == "error")
        shown = str(status.render())
        assert str(source) in shown.replace("\n", "") or source.name in shown
        assert "0 hits" not in shown
