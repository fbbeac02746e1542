"""Engine.warm_keyness: the corpus totals the first keywords of a session would look up,
looked up before (counted, not timed), and the keywords the same as without."""

from __future__ import annotations

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.views import keyness as keys


def lookups(engine: Engine) -> tuple[int, int]:
    """The word and phrase totals the engine has looked up in the index so far."""
    side = engine._side
    with side.lock:
        stats = side.kept(keys.CorpusTerms)
        return len(stats._terms), len(stats._pairs)


def shown(found: keys.Keyness) -> list[list[tuple[str, int, int, float]]]:
    return [[(k.text, k.freq, k.other, k.score) for k in terms]
            for terms in (found.words, found.phrases, found.collocates)]


def test_warmed_the_first_keywords_look_up_little_and_are_the_same(
        views_engine: Engine, corpus_settings: Settings) -> None:
    cold = views_engine.keyness("oil")
    cold_words, cold_pairs = lookups(views_engine)
    assert cold_words > 10 and cold_pairs > 0 and cold.phrases

    with Engine(corpus_settings) as warmed:
        looked = warmed.warm_keyness(pause=0)
        before = lookups(warmed)
        assert looked == sum(before) > 0
        found = warmed.keyness("oil")
        after = lookups(warmed)
        assert shown(found) == shown(cold)
        # The first keywords looked up a fraction of what they did unwarmed.
        assert after[0] - before[0] < cold_words / 4
        assert after[1] - before[1] < cold_pairs


def test_warming_stops_when_asked(views_engine: Engine) -> None:
    assert views_engine.warm_keyness(pause=0, stop=lambda: True) == 0
    assert lookups(views_engine) == (0, 0)


def test_warming_waits_while_a_search_runs(views_engine: Engine) -> None:
    """Typing goes first: no slice begins while a search runs (one in flight is said by
    the engine's count of them; the warm-up is stopped after it has looked a few times)."""
    asked = 0

    def stop() -> bool:
        nonlocal asked
        asked += 1
        return asked > 5

    views_engine._searches = 1  # a search in flight
    assert views_engine.warm_keyness(pause=0, stop=stop) == 0
    assert lookups(views_engine) == (0, 0) and asked > 5
    views_engine._searches = 0
    views_engine.search("oil")  # ended now: a quiet spell is waited for, then it goes on
    assert views_engine._searches == 0 and views_engine._searched_at > 0
    assert views_engine.warm_keyness(pause=0) > 0
