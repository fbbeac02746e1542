"""A long, name-dense article (a scraped table, a data dump, a transcript) takes no build
past issue 25's 500 MB: an outside tester's 19 MB line of names took one to 1.46 GB, a 5 MB
article of paragraphs of names to 1.77 GB. Its actors are read from its first
ACTOR_CHARS characters (ingest/actor_text.py), which the build says, naming the article;
a run of more capitalised words than any name has is no name (headline_runs.LONGEST)."""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.headline_runs import LONGEST
from newsdesk.index.actors.table import make_extractor
from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest import actor_text
from newsdesk.index.ingest.documents import Extracted
from newsdesk.index.ingest.indexer import Indexer
from tests.helpers.command import run
from tests.helpers.paths import NEWSDESK, ROOT

EXTRACTOR = make_extractor(load_dictionaries([]))
_SYLLABLES = ("ba", "ko", "ri", "ta", "mu", "sel", "dor", "vin", "qua", "ze", "lo", "pra")


def _word(n: int) -> str:
    """The n-th made-up name word (three syllables or more: no dictionary's)."""
    parts, n = [], n + len(_SYLLABLES) ** 2
    while n:
        n, r = divmod(n, len(_SYLLABLES))
        parts.append(_SYLLABLES[r])
    return "".join(parts).capitalize()


def names(chars: int, separator: str = ", ", per_paragraph: int = 40) -> str:
    """About `chars` characters of distinct two-word names, `per_paragraph` a paragraph."""
    pieces: list[str] = []
    size = n = 0
    while size < chars:
        n += 1
        piece = f"{_word(2 * n)} {_word(2 * n + 1)}" \
            + (".\n\n" if n % per_paragraph == 0 else separator)
        pieces.append(piece)
        size += len(piece)
    return "".join(pieces)


def test_a_paragraph_of_names_run_together_is_no_name() -> None:
    text = "Tony Blair met Gordon Brown in London.\n\n" + names(4000, separator=" ")
    found = EXTRACTOR.extract("", text)
    assert max(len(m.key.split()) for m in found.mentions) <= LONGEST
    assert {"tony blair", "gordon brown"} <= {m.key for m in found.mentions}


def test_actors_are_read_from_the_articles_first_part_and_it_is_said(
        monkeypatch: pytest.MonkeyPatch) -> None:
    head = "Tony Blair met Gordon Brown in London.\n"
    tail = "\nAngela Merkel met Jacques Chirac in Paris."
    monkeypatch.setattr(actor_text, "ACTOR_CHARS", len(head) + 200)
    assert actor_text.actor_text(head + "x" * 150 + tail) == head + "x" * 150 + tail
    filler = "the talks went on " * 20  # (cut at its last line break: after `head`)
    extracted = Extracted()
    keys = extracted.add_text(EXTRACTOR, "long", "", head + filler + tail)
    assert {"tony blair", "gordon brown"} <= keys and "angela merkel" not in keys
    ((article, read, total),) = extracted.capped  # (cut at a space: no name cut in two)
    assert article == "long" and read <= len(head) + 200 and total == len(head + filler + tail)
    assert (head + filler)[read] == " "
    short = Extracted()
    short.add_text(EXTRACTOR, "short", "", head + tail)
    assert short.capped == [] and "angela merkel" in {row[1] for row in short.mentions}


def _extraction_peak(text: str) -> int:
    extracted = Extracted()
    tracemalloc.start()
    try:
        extracted.add_text(EXTRACTOR, "a", "", text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_extractions_memory_stops_growing_with_a_name_dense_article(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(actor_text, "ACTOR_CHARS", 20_000)
    short, long = names(20_000), names(100_000)
    _extraction_peak(short)  # (the names' caches filled once)
    # (Without the bound, five times the text took five times the memory.)
    assert _extraction_peak(long) < 1.5 * _extraction_peak(short)


def test_a_build_names_the_article_read_in_part_and_keeps_it_searchable(
        corpus_dir: Path, corpus_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(actor_text, "ACTOR_CHARS", 20_000)
    records = [{"id": "dump", "title": "Members",
                "text": "Tony Blair met Gordon Brown.\n\n" + names(60_000) + "\nZorbulon ends."},
               {"id": "news", "title": "Talks", "text": "Tony Blair met Gordon Brown."}]
    (corpus_dir / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    report = Indexer(corpus_settings).run()
    said = [p for p in report.problems if "'dump'" in p.reason]
    assert len(said) == 1 and not said[0].skipped and "its actors are read from its first" \
        in said[0].reason, report.problems
    assert len(report.problems) == 1
    with Engine(corpus_settings) as engine:
        assert engine.count("zorbulon") == 1  # (searchable to its end)
        assert engine.count('actor:"Tony Blair"') == 2


@pytest.mark.slow
def test_a_5_mb_article_of_names_builds_under_500_mb(corpus_dir: Path, tmp_path: Path,
                                                      corpus_settings: Settings) -> None:
    """The whole `newsdesk index`, every process of it (tests/bench/measured.py)."""
    record = {"id": "dump", "title": "Members", "text": names(5_000_000)}
    (corpus_dir / "dump.jsonl").write_text(json.dumps(record) + "\n")
    report = tmp_path / "measured.json"
    done = subprocess.run([sys.executable, "-m", "tests.bench.measured", str(report), "--",
                           *NEWSDESK, "index"], capture_output=True, text=True, timeout=600,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "'dump' is" in done.stdout + done.stderr
    assert json.loads(report.read_text())["peak_mb"] < 500
    listed = run("index", "--problems")
    assert "'dump' is" in listed.stdout + listed.stderr
