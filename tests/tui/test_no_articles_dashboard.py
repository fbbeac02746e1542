"""The dashboard on a corpus with no readable article says so, naming the file and why (it
showed "0 articles indexed" and an empty list, as the CLI said "0 hits")."""

from __future__ import annotations

from pathlib import Path

from newsdesk.index.config import load_settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.status import StatusLine
from tests.helpers.pilot import wait_for


async def test_a_corpus_of_one_empty_file_is_said_to_have_no_article(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    settings = load_settings()
    settings.corpus.sources = [empty]
    settings.index.dir = tmp_path / "index"
    app = NewsdeskApp(settings)
    async with app.run_test(size=(200, 50)) as pilot:
        status = app.query_one(StatusLine)
        await wait_for(pilot, lambda: "no readable article" in str(status.render()), timeout=20)
        shown = str(status.render())
        assert f"{empty}: empty file" in shown
