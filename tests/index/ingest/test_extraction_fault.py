"""A fault of an actor rule on one article's text costs that article its actors, not the
build: an outside tester's one sentence ("Iran and People's Republic of China") stopped
every build of a 3,000-article corpus, and every command after it. The article is indexed
and searchable, the others' actors are there, and the run names the article as a problem
of its file (`newsdesk index --problems` too)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extraction, Extractor
from newsdesk.index.actors.table import make_extractor
from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.documents import Extracted
from newsdesk.index.ingest.indexer import Indexer
from tests.helpers.command import run

FAULT = "Zorbulon"  # a word that makes the patched rule fail


def _faulty(monkeypatch: pytest.MonkeyPatch) -> None:
    real = Extractor._extract

    def extract(self: Extractor, title: str, text: str) -> Extraction:
        if FAULT in text:
            self._headline = True  # (state a failing rule could leave behind)
            raise IndexError("list index out of range")
        return real(self, title, text)

    monkeypatch.setattr(Extractor, "_extract", extract)


def test_one_articles_fault_is_recorded_and_the_next_article_is_read_as_ever(
        monkeypatch: pytest.MonkeyPatch) -> None:
    extractor = make_extractor(load_dictionaries([]))
    text = "Prime Minister Tony Blair met Gordon Brown in London."
    alone = Extracted()
    alone.add_text(extractor, "a", "", text)
    _faulty(monkeypatch)
    extracted = Extracted()
    assert extracted.add_text(extractor, "bad", "", f"{FAULT} and Iran met.") == set()
    keys = extracted.add_text(extractor, "a", "", text)
    assert extracted.failed == [("bad", "IndexError: list index out of range")]
    assert extracted.mentions == alone.mentions and "tony blair" in keys


@pytest.mark.parametrize(("articles", "faulty"), [(6, [0]), (40, [3, 17, 39])])
def test_a_build_with_faulty_articles_indexes_all_and_names_them(
        corpus_dir: Path, corpus_settings: Settings, monkeypatch: pytest.MonkeyPatch,
        articles: int, faulty: list[int]) -> None:
    records = [{"id": f"n{i}", "title": f"Talks {i}",
                "text": (f"{FAULT} said so. " if i in faulty else "")
                + f"Tony Blair met Angela Merkel in Berlin on day {i} of oil talks."}
               for i in range(articles)]
    (corpus_dir / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    _faulty(monkeypatch)
    report = Indexer(corpus_settings).run()
    named = sorted(p.reason.split("'")[1] for p in report.problems)
    assert named == sorted(f"n{i}" for i in faulty), report.problems
    assert all(not p.skipped and p.path.endswith("news.jsonl") for p in report.problems)
    with Engine(corpus_settings) as engine:
        assert engine.count("oil") == articles
        assert engine.count(FAULT.lower()) == len(faulty)  # (searchable)
        assert engine.count('actor:"Tony Blair"') == articles - len(faulty)


# The rule's fault in every process of a real `newsdesk index`, its extraction processes
# too (they come from the fork server, a fresh interpreter: a test's patch is not in them).
SITE = f"""
from newsdesk.index.actors.extract import Extractor
_real = Extractor._extract
def _extract(self, title, text):
    if {FAULT!r} in text:
        raise IndexError("list index out of range")
    return _real(self, title, text)
Extractor._extract = _extract
"""


def test_the_command_builds_past_faulty_articles_in_its_extraction_processes(
        corpus_dir: Path, corpus_settings: Settings, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITE)
    faulty = {0, 700, 1999}
    paragraph = "Tony Blair met Angela Merkel in Berlin for oil talks on the budget. " * 12
    records = [{"id": f"n{i}", "title": f"Talks {i}",
                "text": (f"{FAULT} said so. " if i in faulty else "") + f"Day {i}. {paragraph}"}
               for i in range(2000)]
    (corpus_dir / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    done = run("index", env_extra={"PYTHONPATH": str(site)}, timeout=300)
    assert done.returncode == 0, done.stderr
    for i in faulty:
        assert f"article 'n{i}': its actors could not be read (IndexError" in done.stderr \
            + done.stdout
    listed = run("index", "--problems")
    assert "'n700'" in listed.stdout + listed.stderr
    with Engine(corpus_settings) as engine:
        assert engine.count("oil") == 2000
        assert engine.count('actor:"Tony Blair"') == 2000 - len(faulty)
