"""The dashboard's "did you mean" (the engine's, as the CLI's): typing words with digits
(w1 w2 ... as the stranger did) never offers numbers or a query that finds nothing, and an
unknown actor: name offers no short name that is a part of it; a misspelling is still
corrected."""

from __future__ import annotations

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.status import StatusLine
from tests.helpers.pilot import search, wait_for, wait_ready


async def test_no_useless_suggestions_while_typing(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        status = app.query_one(StatusLine)
        engine = status.app.screen_stack[0].index_bar.engine  # type: ignore[attr-defined]
        for query in ("w1 w2 w3", "w23 w24 w25", " ".join(f"w{n}" for n in range(1, 15))):
            await search(pilot, query)
            await wait_for(pilot, lambda: status.message_kind in ("suggest", "", "note")
                           or "0 hits" in str(status.render()) or "No hits" in
                           str(status.render()))
            suggestion = status.suggestion if status.message_kind == "suggest" else None
            if suggestion:
                assert all(any(c.isalpha() for c in w) for w in suggestion.split())
                assert engine.count(suggestion) > 0
        await search(pilot, 'actor:"Nobody Here"')
        await wait_for(pilot, lambda: "no actor has this name" in str(status.render()))
        assert "did you mean" not in str(status.render())
        await search(pilot, "soleimanu")
        await wait_for(pilot, lambda: status.message_kind == "suggest")
        assert status.suggestion == "soleimani"
