"""Facets of sources and actors whose names hold control characters, at 80x24: the pane
and the status line show no raw control code, and choosing one narrows to its hits with a
filter that holds none either."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.facets import FacetsView
from newsdesk.tui.panes.status import StatusLine
from tests.helpers.pilot import dashboard, search, wait_for, wait_ready

ACTOR, SOURCE = "Esc\x1b[31mCorp", "Bell\x07News"


@pytest.fixture
def odd_settings(tmp_path: Path) -> Settings:
    corpus = tmp_path / "odd"
    corpus.mkdir()
    (corpus / "odd.jsonl").write_text(
        json.dumps({"id": "o1", "title": "A deal", "source": SOURCE,
                    "text": "A deal by Redcorp in London. Redcorp said so."}) + "\n"
        + json.dumps({"id": "o2", "title": "Another deal", "source": "Plain",
                      "text": "Another deal was signed in London today."}) + "\n",
        encoding="utf-8")
    (corpus / "actors.yaml").write_text(
        "version: 1\nactors:\n  - " + json.dumps({"name": ACTOR, "type": "organisation",
                                                 "aliases": ["Redcorp"]}) + "\n",
        encoding="utf-8")
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = tmp_path / "index"
    settings.ui.debounce_ms = 10
    return settings


def _painted(widget) -> str:  # type: ignore[no-untyped-def]
    return "\n".join("".join(s.text for s in widget.render_line(y))
                     for y in range(widget.size.height))


def _raw(text: str) -> list[str]:
    return [c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cf")]


async def test_odd_names_narrow_and_show_no_control_code(odd_settings: Settings) -> None:
    app = NewsdeskApp(odd_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "deal")
        await pilot.press("down", "v")
        facets = app.query_one(FacetsView)
        await wait_for(pilot, lambda: app.focused is facets and bool(facets.values))
        await pilot.pause()
        painted = _painted(facets)
        assert "Esc␛[31mCorp" in painted and "Bell␇News" in painted and not _raw(painted)
        main = dashboard(app)
        for label in (ACTOR, SOURCE):
            key = next(k for k, v in facets.values.items() if v.label == label)
            facets.highlighted = facets.get_option_index(key)
            await pilot.press("enter")
            await wait_for(pilot, lambda: bool(main.search.filters)
                           and main.results.total == 1)
            assert [h.id for h in main.results.hits] == ["o1"]
            assert not _raw(main.search.filters[0])
            status = _painted(app.query_one(StatusLine))
            assert not _raw(status) and "filters:" in status
            await pilot.press("x")
            await wait_for(pilot, lambda: not main.search.filters)
            await pilot.press("v")
            await wait_for(pilot, lambda: app.focused is facets and bool(facets.values))
