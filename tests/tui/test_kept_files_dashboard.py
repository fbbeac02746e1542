"""A dashboard open on a corpus keeps every hit when a command in another shell updates
the index without the corpus's field mapping, or a file becomes unreadable or goes away
(stranger3 G: "381 removed" by a search, and an open dashboard lost every hit); a dashboard
started so keeps the articles too, and says which file and why."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.tui.app import NewsdeskApp
from tests.helpers.pilot import dashboard, notices, search, wait_for

MAPPING = {"title": "Title", "text": "Content"}


def _corpus(tmp_path: Path) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(corpus / "bio.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Title", "Content"])
        writer.writerows([f"Headline {i}", f"wombat trial number {i}"] for i in range(12))
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.corpus.fields.update(MAPPING)
    settings.index.dir = tmp_path / "index"
    Indexer(settings).run()
    return settings


def _without_mapping(settings: Settings) -> Settings:
    other = load_settings()  # a shell without the corpus's config
    other.corpus.sources = settings.corpus.sources
    other.index.dir = settings.index.dir
    return other


@pytest.mark.parametrize("change", ["mapping", pytest.param("binary", marks=pytest.mark.slow),
                                    pytest.param("gone", marks=pytest.mark.slow)])
async def test_an_open_dashboard_keeps_its_hits(tmp_path: Path, change: str) -> None:
    settings = _corpus(tmp_path)
    app = NewsdeskApp(settings)
    async with app.run_test(size=(150, 40)) as pilot:
        bar = dashboard(app).index_bar
        await wait_for(pilot, lambda: bar.engine is not None and not bar.indexing.is_set(),
                       timeout=30)
        await search(pilot, "wombat")
        await wait_for(pilot, lambda: dashboard(app).results.total == 12, timeout=20)
        csv_file = settings.corpus.sources[0] / "bio.csv"
        other = settings
        if change == "mapping":
            other = _without_mapping(settings)
        elif change == "binary":
            csv_file.write_bytes(b"\x00\xff" * 300)
        else:
            csv_file.rename(tmp_path / "bio.csv")
            (settings.corpus.sources[0] / "note.txt").write_text("Note\n\nkeeps the folder\n")
        # A query command in another shell updates the index (as `search` did).
        reports = []
        run = threading.Thread(target=lambda: reports.append(
            Indexer(other, remove_gone=False).run()))
        run.start()
        while run.is_alive():
            await pilot.pause(0.05)
        assert reports and reports[0].removed == 0 and reports[0].kept
        await pilot.pause(1.5)  # the dashboard's poll picks the commit up
        await search(pilot, "wombat trial")
        await wait_for(pilot, lambda: dashboard(app).results.total == 12, timeout=20)
        assert bar.doc_count >= 12


async def test_a_dashboard_opened_without_the_mapping_keeps_the_articles(
        tmp_path: Path) -> None:
    settings = _corpus(tmp_path)
    app = NewsdeskApp(_without_mapping(settings))
    async with app.run_test(size=(150, 40)) as pilot:
        bar = dashboard(app).index_bar
        await wait_for(pilot, lambda: bar.engine is not None and not bar.indexing.is_set(),
                       timeout=30)
        await wait_for(pilot, lambda: any("12 articles indexed before kept" in n
                                          for n in notices(app)), timeout=20)
        said = next(n for n in notices(app) if "kept" in n)
        assert "bio.csv" in said and "Title, Content" in said and "corpus.fields.text" in said
        await search(pilot, "wombat")
        await wait_for(pilot, lambda: dashboard(app).results.total == 12, timeout=20)
