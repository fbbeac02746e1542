"""An `actor:` filter's mentions are the query's matches: on a generated corpus, for random
actors and places filtered alone, with a word, and negated, every hit's spans, title spans,
snippet, concordance lines and reader document hold exactly the stored mentions (and the
words' matches beside them); a query that only filters lists the newest first."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from newsdesk.index.analysis import term_spans
from newsdesk.index.engine import Engine
from newsdesk.index.models import Actor, Span
from newsdesk.index.query.compile import HighlightPlan
from newsdesk.index.query.highlight import match_groups, match_spans, with_mentions
from tests.helpers.generated_engine import generated_engine

ARTICLES = 300
PICKED = 12


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    with generated_engine(tmp_path_factory.mktemp("actormatches"), ARTICLES, seed=31) as opened:
        yield opened


def _picked(engine: Engine) -> list[Actor]:
    every = [a for a in engine.actors.list(None, "articles", None, places=None)
             if a.articles > 1]
    return random.Random(31).sample(every, min(PICKED, len(every)))


def _stored(engine: Engine, actor: Actor) -> dict[str, tuple[list[Span], list[Span]]]:
    """The actor's mentions by article, (text, title), read straight from the store."""
    keys = engine.actors.keys_of(actor.id)
    found: dict[str, tuple[list[Span], list[Span]]] = {}
    with engine.actors._db() as db:
        rows = db.execute(f"SELECT article, spans, title_spans FROM mentions WHERE key IN "
                          f"({','.join('?' * len(keys))})", keys).fetchall()
    for article, spans, title_spans in rows:
        body, title = found.setdefault(article, ([], []))
        body += [tuple(map(int, s.split("-"))) for s in spans.split()]
        title += [tuple(map(int, s.split("-"))) for s in title_spans.split()]
    return {a: (sorted(b), sorted(t)) for a, (b, t) in found.items()}


def _union(spans: list[Span]) -> list[Span]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _query(actor: Actor) -> str:
    return f'actor:"{actor.name}"'


def test_actor_alone_its_mentions_are_the_matches(engine: Engine) -> None:
    picked = _picked(engine)
    assert len(picked) >= 8
    for actor in picked:
        stored = _stored(engine, actor)
        results = engine.search(_query(actor), limit=1000)
        assert results.total == len(results.hits) > 0
        for hit in results.hits:
            body, title = stored.get(hit.id, ([], []))
            assert hit.spans == _union(body), (actor.name, hit.id)
            assert hit.title_spans == _union(title), (actor.name, hit.id)
            if body:  # the snippet starts at (or just before) a mention and shows it
                assert hit.snippet.spans, (actor.name, hit.id)
            document = engine.document(hit.id, _query(actor))
            assert document is not None
            assert document.spans == hit.spans
            assert document.title_spans == hit.title_spans


def test_a_query_that_only_filters_lists_the_newest_first(engine: Engine) -> None:
    for actor in _picked(engine)[:5]:
        results = engine.search(_query(actor), limit=1000)
        assert results.sort == "newest"
        dates = [h.date for h in results.hits if h.date is not None]
        assert dates == sorted(dates, reverse=True), actor.name
        every = engine.search("", limit=1000)
        order = [h.id for h in every.hits]
        mine = {h.id for h in results.hits}
        assert [h.id for h in results.hits] == [i for i in order if i in mine]
        oldest = engine.search(_query(actor), limit=1000, sort="oldest")
        assert oldest.sort == "oldest"
        assert {h.id for h in oldest.hits} == mine
        dates = [h.date for h in oldest.hits if h.date is not None]
        assert dates == sorted(dates)


def test_actor_and_a_word_both_are_matches(engine: Engine) -> None:
    rng = random.Random(7)
    for actor in _picked(engine):
        stored = _stored(engine, actor)
        first = engine.search(_query(actor), limit=1).hits[0]
        text = engine.store.articles([first.id])[first.id].text
        # A word as the article writes it: its index term ("coffe" of "coffee") is stemmed
        # again when typed, and matched nothing (which words were picked depends on the
        # hash seed's order of the actors).
        words = [text[s:e] for t, s, e in term_spans(text) if t.isalpha() and len(t) > 4
                 and text[s:e].isalpha()]
        word = rng.choice(words)
        query = f"{_query(actor)} AND {word}"
        results = engine.search(query, limit=1000)
        plan = engine.plan(word).of("body")
        assert any(h.id == first.id for h in results.hits)
        for hit in results.hits:
            article = engine.store.articles([hit.id])[hit.id]
            body, _ = stored.get(hit.id, ([], []))
            assert hit.spans == _union([*match_spans(article.text, plan), *body]), query
            assert all(a[1] <= b[0] for a, b in zip(hit.spans, hit.spans[1:], strict=False))
        assert results.sort == "relevance"


def test_a_negated_actor_marks_nothing(engine: Engine) -> None:
    actor = _picked(engine)[0]
    stored = _stored(engine, actor)
    results = engine.search(f"-{_query(actor)}", limit=50)
    for hit in results.hits:
        assert hit.id not in stored
        assert hit.spans == []


def test_concordance_lines_are_the_mentions(engine: Engine) -> None:
    for actor in _picked(engine)[:6]:
        stored = _stored(engine, actor)
        lines, total = engine.kwic(_query(actor), articles=1000)
        assert total == engine.count(_query(actor))
        expected = sum(len(_union(body)) for body, _ in stored.values())
        assert len(lines) == expected, actor.name
        for line in lines:
            text = engine.store.articles([line.article_id])[line.article_id].text
            assert line.span in _union(stored[line.article_id][0])
            assert line.match == text[line.span[0]:line.span[1]].replace("\n", " ") or \
                line.match.strip()
            hit_spans = engine.document(line.article_id, _query(actor)).spans
            assert hit_spans[line.match_index] == line.span


# -- the merge, on made-up spans ---------------------------------------------------------------

def test_with_mentions_merges_what_overlaps_and_keeps_neighbours_apart() -> None:
    assert with_mentions([(0, 3), (10, 15)], []) == [(0, 3), (10, 15)]
    assert with_mentions([(6, 13)], [(0, 13)]) == [(0, 13)]  # "Johnson" in "Boris Johnson"
    assert with_mentions([(0, 3)], [(3, 8)]) == [(0, 3), (3, 8)]  # touching: two matches
    assert with_mentions([], [(5, 9), (1, 3)]) == [(1, 3), (5, 9)]
    assert with_mentions([(2, 4)], [(1, 6), (5, 9)]) == [(1, 9)]


@pytest.mark.parametrize("seed", range(40))
def test_groups_point_at_their_span_in_match_spans(seed: int) -> None:
    """Generated texts, words and mentions: every group's index is the span its start lies
    in, every span is covered by a group, and the groups are in order and apart."""
    rng = random.Random(seed)
    vocabulary = ["oil", "price", "opec", "said", "boris", "johnson", "talks", "crude"]
    words = [rng.choice(vocabulary) for _ in range(rng.randint(1, 60))]
    text = " ".join(words)
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    mentions = sorted((starts[i], starts[i] + len(words[i]) + (
        len(words[i + 1]) + 1 if i + 1 < len(words) and rng.random() < 0.5 else 0))
        for i in rng.sample(range(len(words)), rng.randint(0, min(5, len(words)))))
    from newsdesk.index import analysis
    plan = HighlightPlan({analysis.stem(w) for w in rng.sample(vocabulary, 2)},
                         [((analysis.stem("oil"), analysis.stem("price")), 0)])
    spans = match_spans(text, plan, mentions)
    groups = match_groups(text, plan, mentions)
    assert spans == _union(spans)
    for index, (start, end) in groups:
        assert spans[index][0] <= start < spans[index][1]
        assert end <= text.__len__()
    assert all(a[1][1] <= b[1][0] for a, b in zip(groups, groups[1:], strict=False))
    covered = {i for i, _ in groups}
    for n, (start, _) in enumerate(spans):
        assert any(gs <= start < ge for _, (gs, ge) in groups), (n, spans, groups)
    assert covered <= set(range(len(spans)))
