"""The reader counts and steps a phrase's occurrence once: "match 1 of 3" for three
"Tony Blair" (it said "of 6", and n took two presses an occurrence), whatever lies between
the words (a line break, punctuation, a stop word), and a word matched alone beside them."""

from __future__ import annotations

from pathlib import Path

from newsdesk.index.config import Settings, load_settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.reader import ArticleView
from tests.helpers.pilot import dashboard, wait_for, wait_ready

TEXT = ("Tony Blair spoke first. Later Tony\nBlair met the press, and then Tony, the Blair "
        "of old, left. Blair alone; tony alone.\n")


async def test_the_reader_counts_and_steps_a_phrase_once_an_occurrence(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "pm.txt").write_text("Prime minister\n\n" + TEXT, encoding="utf-8")
    settings: Settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = tmp_path / "index"
    settings.ui.debounce_ms = 10
    app = NewsdeskApp(settings)
    async with app.run_test(size=(100, 30)) as pilot:
        app.animation_level = "none"
        await wait_ready(pilot)
        reader = app.query_one(ArticleView)
        for query, shown in (('"tony blair"', ["Tony Blair", "Tony\nBlair", "Tony, the Blair"]),
                             ('"tony blair" blair', ["Tony Blair", "Tony\nBlair",
                                                     "Tony, the Blair", "Blair"])):
            reader.document = None
            dashboard(app).views.reader.load("pm", query, focus=True)
            await wait_for(pilot, lambda: reader.document is not None, timeout=60)
            await pilot.pause()
            document = reader.document
            assert document is not None
            text = document.article.text
            assert [text[s:e] for s, e in document.spans] == shown
            assert reader.match_count == len(shown)
            assert str(reader.border_subtitle) == f"match 1 of {len(shown)}"
            for k in [*range(1, len(shown)), 0]:  # n: an occurrence a press, round to the first
                await pilot.press("n")
                await pilot.pause()
                assert reader.current == k
                assert str(reader.border_subtitle) == f"match {k + 1} of {len(shown)}"
            await pilot.press("N")
            await pilot.pause()
            assert reader.current == len(shown) - 1
