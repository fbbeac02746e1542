"""A list that shows snippets asks the engine for no more matches than a snippet is chosen
from (Engine.search(all_spans=False): a long article's every match was ~15 ms a hit, paid on
each keystroke). Its hits' snippets are those of a search with every span, and their spans
the first of those, on texts of every length and density of matches."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from newsdesk.index.engine import Engine
from newsdesk.index.query.highlight import SNIPPET_MATCHES, snippet
from tests.helpers.indexed import indexed_texts

WORDS = ["market", "report", "board", "talks", "week", "growth", "court", "record", "oil",
         "price", "Zürich", "Łódź", "minister", "prime"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    rng = random.Random(7)
    texts = {}
    for n in range(60):
        length = rng.choice([20, 200, 2_000, 20_000])
        density = rng.choice([0.01, 0.1, 0.4])
        words = [rng.choice(WORDS[-4:]) if rng.random() < density else rng.choice(WORDS)
                 for _ in range(length)]
        texts[f"a{n}"] = " ".join(words) + "."
    with Engine(indexed_texts(tmp_path_factory.mktemp("snip"), texts)) as built:
        yield built


@pytest.mark.parametrize("query", ["oil", '"prime minister"', "price minister", "lodz",
                                   "zurich OR oil", '"oil price"~3'])
def test_snippets_as_with_every_span(engine: Engine, query: str) -> None:
    texts = {i: a.text for i, a in engine.store.articles(
        [row[0] for row in engine.store.db.execute("SELECT id FROM articles")]).items()}
    width = engine.settings.search.snippet_chars
    full = engine.search(query, limit=60)
    short = engine.search(query, limit=60, all_spans=False)
    assert [h.id for h in short.hits] == [h.id for h in full.hits]
    assert full.hits
    for every, few in zip(full.hits, short.hits, strict=True):
        assert few.spans and few.spans == every.spans[:len(few.spans)]
        assert few.title_spans == every.title_spans
        if len(few.spans) >= min(SNIPPET_MATCHES, len(every.spans)):
            assert few.snippet == every.snippet, every.id
        else:  # (a phrase whose words are far more frequent than it: fewer read)
            assert few.snippet == snippet(texts[every.id], few.spans, width), every.id
