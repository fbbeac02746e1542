"""One article with very many matches: highlighting works out its first MAX_MATCHES only,
says so, and costs what a normal article's highlighting costs whatever its length.

A 12 MB article of one word 2,000,000 times took 37 s and 800 MB to search and 440 s and
1.3 GB for its concordance, every match turned into a span, a token, a line."""

from __future__ import annotations

import random
import time
import tracemalloc

from newsdesk.index.query.compile import HighlightPlan
from newsdesk.index.query.highlight import (
    MAX_MATCHES,
    first_groups,
    first_matches,
    match_groups,
    match_spans,
)

WORD_PLAN = HighlightPlan(terms={"word0"})


def test_a_text_with_more_matches_gives_its_first_and_says_so() -> None:
    text = "word0 " * (MAX_MATCHES + 5)
    found = first_matches(text, WORD_PLAN)
    assert not found.complete
    assert found.spans == [(6 * i, 6 * i + 5) for i in range(MAX_MATCHES)]
    groups, complete = first_groups(text, WORD_PLAN)
    assert not complete and len(groups) == MAX_MATCHES
    assert groups[-1] == (MAX_MATCHES - 1, found.spans[-1])


def test_a_text_with_fewer_is_whole() -> None:
    text = "word0 " * MAX_MATCHES
    found = first_matches(text, WORD_PLAN)
    assert found.complete and found.spans == match_spans(text, WORD_PLAN)
    assert first_groups(text, WORD_PLAN) == (match_groups(text, WORD_PLAN), True)


def _random_text(rng: random.Random, words: int) -> str:
    # (Words beyond ASCII: their lines are tokenized whole, the others searched.)
    vocabulary = ["oil", "prices", "rose", "new", "york", "the", "said", "in", "opec",
                  "Oil", "price", "news", "a", "pétrole", "Œil", "ﬁnance", "bbc.co.uk",
                  "Oil.The"]
    return "".join(rng.choice(vocabulary) + rng.choice([" ", " ", ", ", ". ", "\n"])
                   for _ in range(words))


def test_the_first_matches_are_the_whole_list_s_first() -> None:
    """Wherever the limit falls, phrases and proximity included, the first matches are the
    start of all of them, at most the limit, and all of them where said to be complete."""
    rng = random.Random(3)
    plans = [HighlightPlan(terms={"oil"}),
             HighlightPlan(terms={"oil", "price"}, phrases=[(("new", "york"), 0)]),
             HighlightPlan(phrases=[(("oil", "price"), 0)]),
             HighlightPlan(terms={"rose"}, phrases=[(("oil", "rose"), 3)]),
             HighlightPlan(phrases=[(("new", "york", "news"), 1)]),
             HighlightPlan(terms={"financ", "petrol"}, phrases=[(("oil", "financ"), 0)])]
    for _ in range(40):
        text = _random_text(rng, rng.randint(1, 400))
        for plan in plans:
            whole, groups = match_spans(text, plan), match_groups(text, plan)
            for limit in (1, 2, 5, 17, 1000):
                found = first_matches(text, plan, limit)
                assert found.spans == whole[:len(found.spans)]
                # (Incomplete may also be: it stopped reading before the text's end.)
                assert not found.complete or found.spans == whole
                assert len(found.spans) <= limit
                if not found.complete and not plan.phrases:
                    assert len(found.spans) == limit
                first, complete = first_groups(text, plan, limit)
                assert first == groups[:len(first)] and len(first) <= limit
                assert not complete or first == groups


def _cpu(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        first_matches(text, WORD_PLAN)
        first_groups(text, WORD_PLAN)
        best = min(best, time.process_time() - started)
    return best


def test_many_matches_cost_what_few_do() -> None:
    """2,000,000 matches in 12 MB: the memory of MAX_MATCHES, not of the text's matches
    (before: 800 MB, 37 s); the time of a pass over the text in C (a check for letters
    beyond ASCII, the regex finding where words begin), not of its matches in Python:
    200 times the matches of the small text, well under 200 times its time."""
    huge = "word0 " * 2_000_000
    small = "word0 " * (MAX_MATCHES + 1)
    tracemalloc.start()
    try:
        found = first_matches(huge, WORD_PLAN)
        groups, _ = first_groups(huge, WORD_PLAN)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(found.spans) == len(groups) == MAX_MATCHES and not found.complete
    assert peak < 30 * 1024 * 1024, peak
    huge_cpu, small_cpu = _cpu(huge), _cpu(small)
    assert huge_cpu < 25 * max(small_cpu, 0.01), (huge_cpu, small_cpu)
