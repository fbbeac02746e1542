"""Each facet value's clause narrows a search to exactly its count, whatever the value
holds: control characters, quotes, doubled spaces, symbols alone (whose clause matched
every article: such a value cannot be narrowed to, and says so by having no clause), a tag
with ':' (tag:a:b read as the field 'a:'). No clause holds a control character."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.query.language import with_filters
from newsdesk.index.userdata.tags import Change

SOURCES = ["Evil\x1b[31mNews", "Tab\tNews", "Two  Spaces", 'Quote "Q" News', "Sep\x1fUnit",
           "C1\x9bY", "Zw\u200bNews", "***", '"', "\x07\x07", "Line\nBreak"]
ACTORS = {"Gaz\x07prom\tInc": "Gazprom", 'The "Firm" Ltd': "Firmco",
          "Esc\x1b[31mCorp": "Redcorp", "Uni\x1fSep": "Unisep", "Zero\u200bWidth": "Zerowidth"}


@pytest.fixture
def odd_engine(corpus_dir: Path, corpus_settings: Settings) -> Iterator[Engine]:
    with open(corpus_dir / "odd.jsonl", "w", encoding="utf-8") as out:
        for i, source in enumerate(SOURCES):
            for j in range(i % 3 + 1):
                out.write(json.dumps({"id": f"s{i}-{j}", "title": f"Story {i}",
                                      "source": source, "text": f"Oil prices {i} {j}."}) + "\n")
        for i, alias in enumerate(ACTORS.values()):
            out.write(json.dumps({"id": f"o{i}", "title": f"Deal {i}", "source": "Plain",
                                  "text": f"Oil deal by {alias} in London. {alias} said so."})
                      + "\n")
    with open(corpus_dir / "actors.yaml", "w", encoding="utf-8") as out:
        out.write("version: 1\nactors:\n")
        for name, alias in ACTORS.items():
            entry = {"name": name, "type": "organisation", "aliases": [alias]}
            out.write(f"  - {json.dumps(entry)}\n")
    Indexer(corpus_settings).run()
    engine = Engine(corpus_settings)
    engine.tags.change(["s0-0", "s1-0"], Change.of(add=["a:b", "plain"]))
    yield engine
    engine.close()


def _controls(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) in ("Cc", "Cf")]


def test_every_clause_narrows_to_its_count(odd_engine: Engine) -> None:
    facets = odd_engine.facets("oil", top=20)
    values = [*facets.sources, *facets.actors, *facets.tags]
    labels = {v.label for v in values}
    assert set(SOURCES) <= labels and set(ACTORS) <= labels and {"a:b", "plain"} <= labels
    for value in values:
        assert not _controls(value.clause), value
        if value.clause:
            assert odd_engine.count(with_filters("oil", [value.clause])) == value.count, value
    cut_off = {v.label for v in facets.sources if not v.clause}
    assert cut_off == {"***", '"', "\x07\x07"}  # nothing a field query can name


def test_a_source_query_with_no_word_says_it_is_not_searched(odd_engine: Engine) -> None:
    results = odd_engine.search('oil source:"***"')
    assert any("source:" in note and "not searched" in note for note in results.notes)
