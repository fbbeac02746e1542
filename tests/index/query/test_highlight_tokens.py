"""Highlighting finds words with a cached look-up per word as written; the spans must be
exactly those of the tokenizer the index uses (fold, stop words, length, stem)."""

from __future__ import annotations

from whoosh.formats import Positions

from newsdesk.index.analysis import stem, term_spans, words
from newsdesk.index.engine import Engine
from newsdesk.index.query.compile import HighlightPlan
from newsdesk.index.query.highlight import match_spans
from newsdesk.index.query.wanted_tokens import wanted_tokens
from newsdesk.index.storage.positions import ArrayPositions
from newsdesk.index.storage.schema import build_schema
from tests.helpers.paths import SEEDS

TRICKY = ("Muhandís and MUHANDIS met the U.S. envoy; 3.5 bn for Iran-backed groups. "
          "A b OK, it's Soleimani’s (Soleimani's) day: May 3rd, US-led, e-mail, naïve Naive.")


def indexed(text: str) -> list[tuple[str, int, int]]:
    return [(stem(w), s, e) for w, s, e in words(text)]


def test_term_spans_are_the_indexing_tokens() -> None:
    texts = [TRICKY] + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for text in texts:
        assert term_spans(text) == indexed(text)
        assert term_spans(text.upper()) == indexed(text.upper())


def test_wanted_tokens_are_the_matching_tokens() -> None:
    tokens = indexed(TRICKY)
    for wanted in ({stem("muhandis")}, {"u.s", "us", "may"}, {"soleimani", stem("naive")},
                   {"the", "s"},
                   {t for t, _, _ in tokens}, set()):
        found = wanted_tokens(TRICKY, frozenset(wanted))
        assert [(t.start, t.end) for t in found] == [(s, e) for t, s, e in tokens if t in wanted]


def test_match_spans_with_and_without_phrases_agree_on_words() -> None:
    terms = {stem("muhandis"), stem("envoy")}
    words_only = match_spans(TRICKY, HighlightPlan(terms=terms))
    with_phrase = match_spans(TRICKY, HighlightPlan(terms=set(terms),
                                                    phrases=[(("iran", stem("backed")), 0)]))
    assert [TRICKY[s:e] for s, e in words_only] == ["Muhandís", "MUHANDIS", "envoy"]
    assert [TRICKY[s:e] for s, e in with_phrase] == ["Muhandís", "MUHANDIS", "envoy",
                                                     "Iran-backed"]


def test_indexing_by_positions_of_is_indexing_by_tokens() -> None:
    """ArrayPositions.word_values takes the analyzer's `positions_of` instead of its
    tokens: the same terms, frequencies, weights and positions as Whoosh's Positions
    format makes of the tokens, and the same words collected for the vocabulary."""
    schema = build_schema()
    texts = [TRICKY, "", "the of and", TRICKY.upper()] + [
        p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for name in ("title", "body"):
        field = schema[name]
        assert isinstance(field.format, ArrayPositions)
        for text in texts:
            fast_words: set[str] = set()
            slow_words: set[str] = set()
            field.analyzer.collect = fast_words
            fast = list(field.format.word_values(text, field.analyzer, mode="index"))
            field.analyzer.collect = slow_words
            slow = list(Positions.word_values(field.format, text, field.analyzer,
                                              mode="index"))
            field.analyzer.collect = None
            assert fast == slow
            assert fast_words == slow_words
    assert fast and fast_words


def test_a_field_restricted_term_is_marked_in_that_field_only(seed_engine: Engine) -> None:
    """`title:x` marked (and stepped through by n / N) the body's x too."""
    hits = seed_engine.search("title:militias").hits
    assert hits and all(h.title_spans and not h.spans and not h.snippet.spans for h in hits)
    with_body = []
    for hit in hits:
        document = seed_engine.document(hit.id, "title:militias")
        assert document is not None and document.title_spans and not document.spans
        both = seed_engine.document(hit.id, "militias")
        assert both is not None and both.title_spans
        if both.spans:
            with_body.append(hit)
    assert with_body  # the body has the word too, and only title: leaves it unmarked
    hit = with_body[0]
    mixed = seed_engine.document(hit.id, 'title:militias OR body:"drone strike"')
    assert mixed is not None and mixed.title_spans
    assert {mixed.article.text[s:e].lower() for s, e in mixed.spans} <= {"drone", "strike"}
    body = seed_engine.search("body:militias").hits
    assert all(not h.title_spans for h in body)
    assert any(h.spans for h in body)
