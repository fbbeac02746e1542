"""Speed never changes the results: the first page of every kind of query is the first page
of an exhaustive ranking (Whoosh scoring every match, no pruning), on 800 stories written
from templates (tests/helpers/newswire.py) and, where ../shared/corpora is beside the
checkout, on 800 articles recombined from them too."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.query.matching import ranks
from tests.bench import generate_corpus
from tests.helpers import newswire
from tests.helpers.indexed import SAMPLE_KINDS, indexed

WORDS = ["oil", "said", "market", "government", "prices", "bank", "trade", "company"]
MONTHS = ["1987-03", "1987-04", "1987-1", "1988", "1988-11"]


@pytest.fixture(scope="module", params=SAMPLE_KINDS)
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[Engine]:
    folder = tmp_path_factory.mktemp("ranking")
    corpus = folder / "wire.jsonl"
    if request.param == "newswire":
        newswire.write(corpus, 800, seed=7)
    else:
        generate_corpus.write(800, corpus, seed=7)
    with Engine(indexed(folder, [corpus])) as opened:
        yield opened


def exhaustive(engine: Engine, text: str, limit: int) -> list[str]:
    compiled = engine._compile(engine.parse(text))
    return [hit["id"] for hit in engine._main.searcher.search(compiled.query, limit=None)][:limit]


def first_page(engine: Engine, text: str, limit: int) -> list[str]:
    """What a search must list first: the exhaustive ranking's first page; for a query that
    only filters (nothing ranks: every hit scores alike), the newest hits (checked here as
    their dates, newest first, against every match's)."""
    found = engine.search(text, limit)
    compiled = engine._compile(engine.parse(text))
    if ranks(compiled.query):
        assert found.sort == "relevance"
        return exhaustive(engine, text, limit)
    assert found.sort == "newest", text
    every = engine.store.articles(exhaustive(engine, text, 10**9))
    dates = sorted((a.date for a in every.values() if a.date is not None), reverse=True)
    assert [h.date for h in found.hits] == dates[:limit], text
    return [h.id for h in found.hits]


@pytest.mark.parametrize("text", [f"{w} date:{m}" for w in WORDS for m in MONTHS]
                         + [f"{w} date:[1987-03-01 TO 1987-06-30]" for w in WORDS]
                         + ["date:1987-04", "date:[1988-01-01 TO *]", "oil prices date:1987"])
def test_date_ranges_rank_every_match(engine: Engine, text: str) -> None:
    """A date range filters and the words rank. Whoosh's own pruned ranking of the two
    together missed better hits (10 of 100 such first pages on this corpus), and an empty
    range must not read as no range at all."""
    found = engine.search(text, 10)
    assert [h.id for h in found.hits] == first_page(engine, text, 10)
    assert found.total == engine.count(text)


@pytest.mark.parametrize("text", ["said", "oil", "oil prices", "oil OR gold OR bank",
                                  "comm*", "tran*", "over*", "g?ve*", "f?ll*", "m?nin*",
                                  "there~1", "billion~1", "govrnment~2", '"last year"',
                                  '"oil prices"~3', "comm* NOT oil", "oil NOT date:1987-03",
                                  "trad* prices", "title:oil OR body:gold", "NOT oil",
                                  "oil NOT gold NOT bank", "said NOT (oil OR gold)",
                                  "(oil NOT gold) OR bank", '"the company said"',
                                  '"said it would"~3', '"oil prices" opec', "oil prices said",
                                  '"last year" OR "this year"', '"new york" stock',
                                  'title:"oil prices"', "trad* \"last year\" date:1987"])
def test_every_kind_of_query_ranks_every_match(engine: Engine, text: str) -> None:
    assert [h.id for h in engine.search(text, 10).hits] == first_page(engine, text, 10)


@pytest.mark.parametrize("text", ['actor:"Reuters"', 'oil actor:"Reuters"',
                                  'actor:"London" OR actor:"Reuters"',
                                  'actor:"United States" prices', 'said actor:"Japan"'])
def test_actor_queries_rank_every_match(engine: Engine, text: str) -> None:
    """An actor's name keys are a field without lengths: a posting scores its weight."""
    found = engine.search(text, 10).hits
    assert found and [h.id for h in found] == first_page(engine, text, 10)


@pytest.mark.parametrize("text", ["said", "comm*", "oil prices", "oil OR gold",
                                  '"last year"', '"oil prices"~3', 'oil actor:"Reuters"'])
def test_scores_are_whooshs_to_the_last_bit(engine: Engine, text: str) -> None:
    """The arithmetic is Whoosh's, in its order: the same floats, not nearly the same."""
    compiled = engine._compile(engine.parse(text))
    theirs = [(hit["id"], hit.score)
              for hit in engine._main.searcher.search(compiled.query, limit=None)][:10]
    assert [(h.id, h.score) for h in engine.search(text, 10).hits] == theirs


def test_an_empty_date_range_finds_nothing(engine: Engine) -> None:
    assert engine.search("oil date:1987-1", 10).hits == []
    assert engine.search("oil", 10).hits


@pytest.mark.parametrize("text", ['"last year"', '"the company said"', '"said it would"~3',
                                  '"oil prices" opec', '"new york" OR "hong kong"'])
def test_phrase_counts_are_whooshs(engine: Engine, text: str) -> None:
    """Phrases are found without Whoosh's span matchers; the documents are the same."""
    compiled = engine._compile(engine.parse(text))
    whoosh_docs = set(compiled.query.docs(engine._main.searcher))
    assert engine.search(text, 10).total == len(whoosh_docs) > 0


def test_rewritten_and_removed_articles_rank_once_or_not_at_all(
        corpus_dir: Path, corpus_settings: Settings) -> None:
    """Deleted documents stay in their segments till a merge: they must neither score nor
    match, whichever path ranks the query."""
    def write(texts: dict[str, str]) -> None:
        with open(corpus_dir / "wire.jsonl", "w", encoding="utf-8") as out:
            for key, text in texts.items():
                out.write(json.dumps({"id": key, "title": key, "text": text}) + "\n")

    texts = {f"a{i}": f"oil prices rose {i} times, said the oil minister" for i in range(30)}
    write(texts)
    Indexer(corpus_settings).run()
    texts["a1"] = "grain only"  # rewritten: its old version is deleted, not gone
    del texts["a2"]  # removed
    write(texts)
    Indexer(corpus_settings).run()
    with Engine(corpus_settings) as engine:
        for text in ("oil", '"oil prices"', "oil OR grain", "oil prices", "oil NOT grain",
                     '"oil minister"~2', "oi*"):
            found = engine.search(text, 50)
            ids = [h.id for h in found.hits]
            grain = text == "oil OR grain"  # the rewritten a1, once, for its new text
            assert len(ids) == len(set(ids)) == found.total == 28 + grain, text
            assert ("a1" in ids) == grain and "a2" not in ids
            assert ids == exhaustive(engine, text, 50)
