"""Terminal control sequences in articles (an outside tester's U3: "Body \\x1b[31mred"
found nothing for "red", and found it for "31mred"). Each sequence is one ␛ in the
title and text stored (index/control_sequences.py, ingest/corpus.py): a word break for the index
and the highlights alike."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from newsdesk.index import analysis
from newsdesk.index.control_sequences import SEQUENCE, STAND_IN, reduced
from newsdesk.index.engine import Engine
from tests.helpers.indexed import indexed_texts

# Sequences as terminals write them: SGR colours, cursor and mode changes, a hyperlink
# (OSC 8, ended by ST or BEL), a window title, a charset, the C1 forms of CSI and OSC.
SEQUENCES = ["\x1b[31m", "\x1b[0m", "\x1b[1;38;5;196m", "\x1b[?25l", "\x1b[2J", "\x1b[10;20H",
             "\x1b]8;;https://example.com/x?y=1\x1b\\", "\x1b]8;;\x07", "\x1b]0;a title\x07",
             "\x1b(B", "\x1b)0", "\x9b1m", "\x9b0m", "\x9d8;;http://a.b/\x9c", "\x1bP1$r\x1b\\"]
WORDS = ["red", "market", "Zürich", "Soleimani", "opec", "東京", "मोदी", "U.S.", "3.5",
         "al-Naimi", "prime", "minister"]
WORD_TERMS = {term for word in WORDS for term in analysis.terms(word)}


def _glued(seed: int) -> tuple[str, str]:
    """A text of words, each with sequences glued to it or not, and the same text with a
    space for each sequence."""
    rng = random.Random(seed)
    raw, spaced = [], []
    for _ in range(rng.randint(1, 8)):
        sequences = rng.choices(SEQUENCES, k=rng.randint(0, 2))
        between = rng.choice(["", " ", "\n"]) if sequences else rng.choice([" ", "\n"])
        raw += [rng.choice(WORDS), *sequences, between]
        spaced += [raw[-len(sequences) - 2], *[" "] * len(sequences), between]
    return "".join(raw), "".join(spaced)


@pytest.mark.parametrize("seed", range(80))
def test_a_sequence_is_a_word_break_kept_as_its_introducer(seed: int) -> None:
    raw, spaced = _glued(seed)
    stored = reduced(raw)  # (what ingest/corpus.py stores of a title or a text)
    assert analysis.terms(stored) == analysis.terms(spaced)
    assert SEQUENCE.search(stored) is None and reduced(stored) == stored
    assert stored.count(STAND_IN) == len(SEQUENCE.findall(raw))
    for term, start, end in analysis.term_spans(stored):  # the highlights: on words
        assert analysis.terms(stored[start:end]) == [term] and term in WORD_TERMS


@pytest.mark.parametrize(("text", "kept"), [
    ("\x1b]0;no end, then the whole article", "\x1b]0;no end, then the whole article"),
    ("\x1b]8;;url \x1b[1mbold", "\x1b]8;;url \u241bbold"),  # (the OSC unended: the CSI)
    ("a lone \x1b escape", "a lone \x1b escape"), ("\x1bMandela", "\x1bMandela"),
    ("\x1b[", "\x1b["), ("plain text", "plain text")])
def test_what_is_no_whole_sequence_stays(text: str, kept: str) -> None:
    assert reduced(text) == kept


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    texts = {f"g{seed}": _glued(seed)[0] for seed in range(20)}
    texts["reported"] = "Body \x1b[31mred\x1b[0m and bell \x07 and zero\u200bwidth."
    texts["id \x1b[1mkept\x1b[0m"] = "An id is data: kept exact, \x1b[1mbold\x1b[0m text found."
    with Engine(indexed_texts(tmp_path_factory.mktemp("ctl"), texts)) as built:
        yield built


def test_an_id_is_kept_exact(engine: Engine) -> None:
    assert [h.id for h in engine.search("bold").hits] == ["id \x1b[1mkept\x1b[0m"]


def test_the_reported_article(engine: Engine) -> None:
    assert "reported" in {h.id for h in engine.search("red").hits}
    assert engine.search("31mred").total == 0
    hit = next(h for h in engine.search("red").hits if h.id == "reported")
    assert hit.snippet.text[slice(*hit.snippet.spans[0])] == "red"


@pytest.mark.parametrize("word", ["red", "market", "zurich", "soleimani", "opec", "prime"])
def test_every_match_is_found_and_highlighted_on_its_word(engine: Engine, word: str) -> None:
    texts = {i: a.text for i, a in engine.store.articles(
        [row[0] for row in engine.store.db.execute("SELECT id FROM articles")]).items()}
    expected = {i for i, t in texts.items() if analysis.term_of(word) in analysis.terms(t)}
    found = engine.search(word, limit=100)
    assert {h.id for h in found.hits} == expected and expected
    for hit in found.hits:
        document = engine.document(hit.id, word)
        assert document is not None and document.spans
        wanted = {analysis.term_of(word)}
        for start, end in document.spans:  # the reader: every match on its word
            assert analysis.term_of(texts[hit.id][start:end]) in wanted
        assert len(document.spans) == sum(
            1 for term, _, _ in analysis.term_spans(texts[hit.id]) if term in wanted)
        for start, end in hit.snippet.spans:
            assert analysis.term_of(hit.snippet.text[start:end]) in wanted
