"""A phrase's occurrence is one match everywhere: its span runs from its first word to its
last, the reader counts and steps it once, `search --json` gives one span, and a
concordance's match_index is the reader's number of it. (The reader and --json gave one
match per word: "match 1 of 6" for three "Tony Blair", `n` twice an occurrence, while the
concordance gave 3.) Checked against a regex over generated texts: phrases across line
breaks, punctuation and stop words, wildcards, a bare `*`, forms as written, three words,
phrases and words mixed, a word that is also a phrase's."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator

import pytest

from newsdesk.index.analysis import stem
from newsdesk.index.engine import Engine
from newsdesk.index.models import Span
from newsdesk.index.query.compile import HighlightPlan
from newsdesk.index.query.highlight import first_groups, first_matches, match_spans
from tests.helpers.indexed import indexed

WORDS = ["tony", "Tony", "TONY", "blair", "Blair", "BLAIR", "prime", "Prime", "minister",
         "Minister", "ministers", "gordon", "Gordon", "brown", "Brown", "week", "weeks",
         "market", "said", "talks"]
# What the index leaves between two words of a phrase: spaces, line breaks, punctuation,
# stop words.
JOINERS = [" ", " ", " ", "  ", "\n", "\n\n", ", ", " the ", " - ", ";\n", " of the ", " (",
           ") ", ": "]
_JOIN = r"(?:[\s,;:()\-]+(?:(?:the|of)(?![\w]))?)+"
_ANY = r"(?!(?:the|of)\b)\w+"


def _pattern(*places: str) -> re.Pattern[str]:
    """Overlapping occurrences of places (regexes of a word each) joined as the index joins."""
    body = _JOIN.join(f"(?:{place})" for place in places)
    return re.compile(rf"(?<![\w])(?=({body})(?![\w]))", re.IGNORECASE)


# query -> (phrase patterns, regex of words matched alone)
CASES: dict[str, tuple[list[re.Pattern[str]], str | None]] = {
    '"tony blair"': ([_pattern("tony", "blair")], None),
    '"prime minister"': ([_pattern("prime", "minister")], None),  # as written: not "ministers"
    '"prime minist*"': ([_pattern("prime", "minister|ministers")], None),
    '"gordon brown prime"': ([_pattern("gordon", "brown", "prime")], None),
    '"blair * minister"': ([_pattern("blair", _ANY, "minister")], None),
    '"tony blair" week': ([_pattern("tony", "blair")], r"weeks?"),
    '"tony blair" blair': ([_pattern("tony", "blair")], r"blair"),
    '"tony blair" OR "gordon brown"': ([_pattern("tony", "blair"), _pattern("gordon", "brown")],
                                       None),
}


def _text(rng: random.Random, n: int) -> str:
    out = [rng.choice(WORDS)]
    for _ in range(n - 1):
        out += [rng.choice(JOINERS), rng.choice(WORDS)]
    return "".join(out)


def _expected(text: str, patterns: list[re.Pattern[str]], alone: str | None) -> list[Span]:
    spans = [(m.start(1), m.end(1)) for p in patterns for m in p.finditer(text)]
    if alone:
        spans += [m.span() for m in re.finditer(rf"(?<!\w)(?:{alone})(?!\w)", text, re.I)]
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    folder = tmp_path_factory.mktemp("phrase_matches")
    rng = random.Random(20)
    lines = [json.dumps({"id": f"a{n}", "title": f"Story {n}", "text": _text(rng, 40)})
             for n in range(120)]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n")
    with Engine(indexed(folder, [folder / "a.jsonl"])) as built:
        yield built


@pytest.mark.parametrize("query", list(CASES))
def test_one_match_per_occurrence_in_hits_reader_and_concordance(
        engine: Engine, query: str) -> None:
    patterns, alone = CASES[query]
    texts = {a.id: a.text for a in engine.store.articles([f"a{n}" for n in range(120)]).values()}
    result = engine.search(query, limit=200)
    # The regex finds an occurrence in exactly the articles the index finds.
    assert {h.id for h in result.hits} == {  # (words AND: the phrase and the word)
        i for i, t in texts.items() if _expected(t, patterns, None)
        and (alone is None or _expected(t, [], alone))}
    assert result.hits
    lines, _ = engine.kwic(query, articles=200, max_lines=100_000)
    for hit in result.hits:
        expected = _expected(texts[hit.id], patterns, alone)
        assert hit.spans == expected, (query, hit.id)
        document = engine.document(hit.id, query)
        assert document is not None and document.spans == hit.spans
        numbered = [(line.match_index, line.span) for line in lines
                    if line.article_id == hit.id]
        assert numbered == list(enumerate(hit.spans)), (query, hit.id)


def test_a_phrase_is_one_span_across_lines_and_punctuation() -> None:
    plan = HighlightPlan(phrases=[((stem("tony"), stem("blair")), 0)])
    text = "Tony Blair, then Tony\nBlair, then Tony (Blair) and tony, the blair; blair tony"
    assert [text[s:e] for s, e in match_spans(text, plan)] == [
        "Tony Blair", "Tony\nBlair", "Tony (Blair", "tony, the blair"]
    both = HighlightPlan(terms={stem("blair")}, phrases=[((stem("tony"), stem("blair")), 0)])
    assert [text[s:e] for s, e in match_spans(text, both)] == [
        "Tony Blair", "Tony\nBlair", "Tony (Blair", "tony, the blair", "blair"]


def test_a_proximity_occurrence_is_one_match_from_its_first_word_to_its_last() -> None:
    plan = HighlightPlan(phrases=[((stem("tony"), stem("blair")), 3)])
    text = "Tony said Blair won. Later Blair met Tony. Tony went home and slept well, Blair"
    assert [text[s:e] for s, e in match_spans(text, plan)] == [
        "Tony said Blair", "Blair met Tony"]


def test_the_first_matches_of_a_long_text_are_whole_occurrences() -> None:
    plan = HighlightPlan(phrases=[((stem("tony"), stem("blair")), 0)])
    text = "Tony Blair said, " * 50
    found = first_matches(text, plan, limit=10)
    assert not found.complete and len(found.spans) == 10
    assert all(text[s:e] == "Tony Blair" for s, e in found.spans)
    groups, complete = first_groups(text, plan, limit=10)
    assert not complete and groups == list(enumerate(found.spans))


@pytest.mark.parametrize("query", ['"tony minister"~3', '"blair brown"~2 week'])
def test_a_proximity_is_one_match_an_occurrence_everywhere(engine: Engine, query: str) -> None:
    result = engine.search(query, limit=200)
    assert result.hits
    lines, _ = engine.kwic(query, articles=200, max_lines=100_000)
    ends = re.compile(r"^(tony|minister|blair|brown|weeks?)\b.*\b(tony|minister|blair|brown"
                      r"|weeks?)$|^weeks?$", re.IGNORECASE | re.DOTALL)
    for hit in result.hits:
        text = engine.document(hit.id, query)
        assert text is not None and text.spans == hit.spans and hit.spans
        assert all(ends.match(text.article.text[s:e]) for s, e in hit.spans), hit.spans
        assert all(a[1] <= b[0] for a, b in zip(hit.spans, hit.spans[1:], strict=False))
        numbered = [(line.match_index, line.span) for line in lines
                    if line.article_id == hit.id]
        assert numbered == list(enumerate(hit.spans))
