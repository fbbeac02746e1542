"""Search as you type, engine side: the word being typed is a bounded prefix, a query that
more typing completes raises IncompleteQuery with a hint, and Enter (typing=False) runs the
query exactly as written. And the empty query and the date sorts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import IncompleteQuery, QueryError
from newsdesk.index.query import compile as compile_module


def ids(engine: Engine, query: str, **kwargs: object) -> list[str]:
    return sorted(h.id[:3] for h in engine.search(query, limit=50, **kwargs).hits)


@pytest.mark.parametrize("typed", ["solei", "soleim", "soleima", "soleiman"])
def test_the_word_being_typed_is_a_prefix(seed_engine: Engine, typed: str) -> None:
    everywhere = ids(seed_engine, "soleimani")
    assert ids(seed_engine, typed) == []  # as written: a whole word, no such word
    results = seed_engine.search(typed, typing=True)
    assert sorted(h.id[:3] for h in results.hits) == everywhere
    assert results.prefix == typed
    hit = results.hits[0]
    assert {hit.snippet.text[s:e].lower() for s, e in hit.snippet.spans} <= {
        "soleimani", "soleimani's"}
    document = seed_engine.document(hit.id, typed)  # the reader marks what was found
    assert document is not None and document.spans
    assert {document.article.text[s:e].lower() for s, e in document.spans} == {"soleimani"}


def test_only_the_last_word_and_only_while_it_is_being_typed(seed_engine: Engine) -> None:
    assert ids(seed_engine, "pompeo solei", typing=True) == ids(seed_engine, "pompeo soleimani")
    assert seed_engine.search("pompeo solei", typing=True).prefix == "solei"
    for query in ("solei ", '"solei"', "solei~", "so", "-solei", "source:arab"):
        assert seed_engine.search(query, typing=True).prefix is None, query
    assert ids(seed_engine, "title:milit", typing=True) == ids(seed_engine, "title:militias")


def test_the_prefix_is_bounded_to_the_most_frequent_words(
        seed_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compile_module, "TYPING_EXPANSIONS", 2)
    words = [w for w in seed_engine._words() if w.startswith("pro")]
    assert len(words) > 2
    results = seed_engine.search("pro", typing=True)
    marked = {h.snippet.text[s:e].lower() for h in results.hits for s, e in h.snippet.spans}
    assert 0 < len({w[:6] for w in marked}) <= 3  # two words and their inflections, at most


@pytest.mark.parametrize(("query", "hint"), [
    ('"drone str', "unclosed quote"), ("iran AND", "AND needs something after it"),
    ("(iran OR oil", "unclosed '('"), ("date:[2020 TO", "unclosed '['"),
    ("iran NOT", "NOT needs something after it"), ("date:202", "date being typed"),
])
def test_an_incomplete_query_says_what_is_open(seed_engine: Engine, query: str,
                                               hint: str) -> None:
    for typing in (True, False):  # Enter: the same error, as an error
        with pytest.raises(IncompleteQuery) as raised:
            seed_engine.search(query, typing=typing)
        assert raised.value.hint == hint
    with pytest.raises(QueryError) as wrong:
        seed_engine.search("iran )", typing=True)
    assert not isinstance(wrong.value, IncompleteQuery)


def test_the_empty_query_lists_the_newest_articles(seed_engine: Engine) -> None:
    every = seed_engine.search("", limit=50)
    assert every.total == seed_engine.doc_count == len(every.hits) and every.sort == "newest"
    keys = [(h.date is not None, h.date, h.id) for h in every.hits]
    dated = [k for k in keys if k[0]]
    assert dated == sorted(dated, reverse=True) and keys[:len(dated)] == dated
    oldest = seed_engine.search("", limit=50, sort="oldest")
    assert [h.id for h in oldest.hits if h.date] == [k[2] for k in reversed(dated)]
    assert seed_engine.search("", limit=2).hits == every.hits[:2]


@pytest.mark.parametrize("limit", [1, 2, 3, 50])
def test_sort_by_date_orders_the_same_hits(seed_engine: Engine, limit: int) -> None:
    relevance = seed_engine.search("soleimani", limit=50)
    newest = seed_engine.search("soleimani", limit=limit, sort="newest")
    assert newest.total == relevance.total
    every = seed_engine.search("soleimani", limit=50, sort="newest").hits
    assert {h.id for h in every} == {h.id for h in relevance.hits}
    dated = [h for h in every if h.date]
    assert [h.date for h in dated] == sorted((h.date for h in dated), reverse=True)
    assert [h.id for h in newest.hits] == [h.id for h in every[:limit]]
    with pytest.raises(QueryError):
        seed_engine.search("x", sort="alphabetical")


def test_date_order_breaks_ties_by_id_and_puts_undated_last(corpus_dir: Path,
                                                            corpus_settings: Settings) -> None:
    dates = ["2020-01-02", "2020-01-02", None, "2019-05-01", "2021-07-09T10:00:00",
             "2021-07-09T09:00:00", None, "2020-01-02"]
    with open(corpus_dir / "wire.jsonl", "w", encoding="utf-8") as out:
        for i, day in enumerate(dates):
            out.write(json.dumps({"id": f"n{(i * 5) % 8}", "title": f"Oil {i}",
                                  "date": day, "text": "oil price"}) + "\n")
    Indexer(corpus_settings).run()
    with Engine(corpus_settings) as engine:
        def order(query: str, sort: str, limit: int = 20) -> list[str]:
            return [h.id for h in engine.search(query, limit=limit, sort=sort).hits]

        hits = {h.id: h.date for h in engine.search("oil", limit=20).hits}
        dated = sorted((d, i) for i, d in hits.items() if d)
        undated = sorted(i for i, d in hits.items() if not d)
        assert order("oil", "oldest") == [i for _, i in dated] + undated
        assert order("oil", "newest") == [i for _, i in reversed(dated)] + undated[::-1]
        assert order("", "newest") == order("oil", "newest")
        for limit in range(1, 9):
            assert order("oil", "newest", limit) == order("oil", "newest")[:limit]
            assert order("oil", "oldest", limit) == order("oil", "oldest")[:limit]


def test_the_views_count_what_the_list_shows_while_typing(seed_engine: Engine) -> None:
    listed = seed_engine.search("solei", typing=True)
    assert listed.total == 5
    assert seed_engine.facets("solei", typing=True).total == listed.total
    timeline = seed_engine.timeline("solei", typing=True)
    assert sum(p.count for p in timeline.periods) + timeline.undated == listed.total
    lines, total = seed_engine.kwic("solei", typing=True)
    assert total == listed.total and lines
    assert seed_engine.kwic_of(listed.hits, query="solei", typing=True) == lines
    assert seed_engine.facets("solei").total == 0  # as written: no such word


def test_the_chart_counts_the_query_being_typed_as_the_results_do(seed_engine: Engine
                                                                   ) -> None:
    """The chart's line of the results' query, searched while typed, counts its last word
    as a prefix as the results (and the status line) do; a kept line of another query and
    the query once Enter runs it as written are counted as written."""
    typed = seed_engine.search("solei", typing=True).total
    assert typed > 0 and seed_engine.search("solei").total == 0
    found = seed_engine.compare([("pompeo", "pompeo"), ("solei", "solei")], typing="solei")
    assert [s.total for s in found.series] == [seed_engine.search("pompeo").total, typed]
    assert seed_engine.compare([("solei", "solei")]).series[0].total == 0
