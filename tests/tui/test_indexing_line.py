"""The dashboard's indexing line is true at every stage of a run (issue 23: it named a file
it was not reading, said "0 articles indexed · 0/s" through 30 s of finishing and 9 s of
reading 3,000 small files, and counted what was searchable from a stale number)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.ingest import indexer as indexer_module
from newsdesk.index.ingest.indexer import Indexer, Progress
from newsdesk.tui.panes.indexing_line import progress_line


def test_the_finishing_stages_say_what_they_do() -> None:
    for phase, doing in (("actors", "grouping the actors"),
                         ("duplicates", "grouping near-duplicate")):
        line = progress_line(Progress(phase, 100, 100, 4_000, commits=3), 30.0, 4_000)
        assert line.startswith("Finishing: ") and doing in line
        assert "0/s" not in line and "4,000 articles added" in line and "Reading" not in line


def test_reading_before_the_first_commit_moves_by_bytes() -> None:
    p = Progress("indexing", bytes_done=0, bytes_total=30 * 2**20, articles=0,
                 current="a/b.txt", bytes_read=3 * 2**20)
    line = progress_line(p, 3.0, None)
    assert "Reading a/b.txt" in line and "3.0 MB of 30.0 MB read" in line
    assert "1.0 MB/s" in line and "0/s" not in line
    assert "search opens when the first batch is in" in line


def test_the_count_searchable_is_the_open_index_s() -> None:
    p = Progress("indexing", bytes_done=10, bytes_total=100, articles=2_489,
                 current="reuters.jsonl", bytes_read=50)
    line = progress_line(p, 10.0, 8_000)
    assert "2,489 articles in, 249/s" in line and "8,000 articles searchable" in line
    done_reading = Progress("indexing", 90, 100, 3_000, current="", bytes_read=100)
    assert "Reading" not in progress_line(done_reading, 10.0, 8_000)


@pytest.fixture
def many_files(tmp_path: Path) -> Settings:
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(120):
        (corpus / f"f{i:03d}.txt").write_text(f"Title {i}\n\nStory {i} of grain and oil.\n")
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = tmp_path / "index"
    return settings


def test_the_indexer_reports_reading_and_keeps_its_counts_to_the_end(
        many_files: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(indexer_module, "READ_TICK_SECONDS", 0.0)
    seen: list[Progress] = []
    Indexer(many_files).run(lambda p: seen.append(Progress(**{
        f: getattr(p, f) for f in Progress.__slots__})))
    reading = [p for p in seen if p.phase == "indexing" and p.articles == 0 and p.current]
    assert reading and reading[-1].bytes_read > 0  # the reading moved before any commit
    assert all(p.current.endswith(".txt") for p in reading)
    finishing = [p for p in seen if p.phase in ("actors", "duplicates")]
    assert finishing and all(p.articles == 120 and not p.current for p in finishing)


def test_a_recovery_says_so_and_names_no_file() -> None:
    line = progress_line(Progress("recovering", articles=2_000, current="stored articles"),
                         4.0, 6_000)
    assert line.startswith("Recovering: ") and "2,000 articles in, 500/s" in line
    assert "6,000 articles searchable" in line and "Reading" not in line


@pytest.mark.parametrize("width", [60, 78, 118, 198])
def test_the_line_fits_its_width_at_every_stage(width: int) -> None:
    """One line at any width (at 80 columns the long form took two): every phase, long and
    short file names, counts small and large, nothing searchable yet or much."""
    names = ["a.txt", "bbc-news-2225.jsonl",
             "2026/12/05/a-very-long-folder-name/with/an-even-longer-file-name-0001.jsonl"]
    for phase in ("scanning", "indexing", "recovering", "actors", "duplicates"):
        for name in [*names, ""]:
            for articles, held in ((0, None), (1, 1), (2_489, 8_000), (1_234_567, 9_876_543)):
                p = Progress(phase, 10 * 2**20, 3 * 2**30, articles, current=name,
                             bytes_read=20 * 2**20)
                line = progress_line(p, 12.5, held, width)
                assert len(line) <= width, (phase, name, line)
                assert "\n" not in line
                if len(progress_line(p, 12.5, held)) <= width:
                    assert line == progress_line(p, 12.5, held)  # the long form when it fits
                if phase == "indexing" and name and width >= 78:
                    assert "Reading" in line and name[-8:] in line  # which file, always
                    assert ("searchable" in line) == (held is not None)


def test_before_the_first_file_is_opened_the_reading_is_said() -> None:
    """The progress posted once the files are listed, before the first is opened, said
    "Every file read: committing the last articles" on a first build."""
    p = Progress("indexing", bytes_total=69 * 2**20)
    for width in (0, 80):
        line = progress_line(p, 1.0, None, width)
        assert "Every file read" not in line and "0 KB of 69.0 MB" in line, line


def test_a_build_on_a_cluster_says_so_while_it_connects() -> None:
    line = progress_line(Progress("cluster", notice="Connecting…"), 2.0, None, 80)
    assert line.startswith("Connecting to the Dask cluster") and "0/s" not in line
