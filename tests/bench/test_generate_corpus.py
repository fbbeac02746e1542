"""The benchmark corpus generator: realistic, deterministic, and readable by newsdesk, from
the stories of tests/helpers/newswire.py and, when they are beside the checkout, from
../shared/corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from tests.bench import generate_corpus
from tests.helpers import newswire
from tests.helpers.paths import CORPORA


@pytest.mark.parametrize("pools", ["newswire", "corpora"] if CORPORA.is_dir() else ["newswire"])
def test_deterministic_realistic_and_indexable(tmp_path: Path, pools: str) -> None:
    one, two = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    sources = [newswire.write(tmp_path / "wire.jsonl")] if pools == "newswire" else None
    assert generate_corpus.write(300, one, seed=7, sources=sources) == 300
    generate_corpus.write(300, two, seed=7, sources=sources)
    assert one.read_bytes() == two.read_bytes()  # a fixed seed gives the same corpus
    records = [json.loads(line) for line in one.read_text().splitlines()]
    assert len({r["id"] for r in records}) == 300
    sizes = sorted(len(r["text"]) for r in records)
    assert 200 < sizes[len(sizes) // 2] < 5000  # news-sized articles
    assert {r["source"] for r in records} >= {"Reuters", "BBC News"}
    assert sum(1 for r in records if r["date"]) > 250
    settings = load_settings()
    settings.corpus.sources = [one]
    settings.index.dir = tmp_path / "idx"
    report = Indexer(settings).run()
    assert report.total == 300 and not report.problems
    with Engine(settings) as engine:
        assert engine.search("oil OR market OR government").total > 0


def test_without_the_corpora_the_pools_are_our_stories(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generate_corpus, "DEFAULT_SOURCES", [tmp_path / "absent.jsonl"])
    assert list(generate_corpus.default_records()) == list(newswire.records())


def test_made_up_names_grow_the_distinct_names_with_the_articles(tmp_path: Path) -> None:
    sources = [newswire.write(tmp_path / "wire.jsonl")]
    plain, named = tmp_path / "plain.jsonl", tmp_path / "named.jsonl"
    generate_corpus.write(200, plain, seed=7, sources=sources)
    generate_corpus.write(200, named, seed=7, sources=sources, names=4)
    pairs = [(json.loads(a), json.loads(b)) for a, b in
             zip(plain.read_text().splitlines(), named.read_text().splitlines(), strict=True)]
    quoted: list[str] = []
    for a, b in pairs:
        assert b["text"].startswith(a["text"] + "\n")  # the same articles, with quotes after
        lines = b["text"][len(a["text"]) + 1:].split("\n")
        assert len(lines) == 4
        quoted += [line.split(",")[0] for line in lines]
    assert len(set(quoted)) > 0.99 * len(quoted)  # nearly every one new
    assert all(len(name.split()) == 2 and name.istitle() for name in quoted)
