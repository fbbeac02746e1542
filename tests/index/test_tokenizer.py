"""Words joined by a full stop ("Province.The") are two words, and what carries its dots
(abbreviations, decimals, versions, domains, urls, emails) stays one: generated cases, and
every sentence of the real BBC corpus joined to the next without its space."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from newsdesk.index.analysis import WORD, term_spans, terms
from newsdesk.index.engine import Engine
from tests.helpers.indexed import indexed
from tests.helpers.paths import CORPORA

KEPT_WHOLE = ["U.S", "U.K", "e.g", "i.e", "M.A.S.K", "3.5", "1.2871", "2.7.5", "10.0.1",
              "bbc.co.uk", "www.arsenal.com", "amazon.co.uk", "Plus.net", "node.js",
              "Bagle.AT", "Zafi.D", "ASP.NET"]
ENDINGS = ["", ".", ",", ";", ")", "%", " "]
CAPITALISED = ["The", "He", "It", "Those", "Steve", "Él", "Ölkonzern"]


@pytest.mark.parametrize(("word", "ending"), itertools.product(KEPT_WHOLE, ENDINGS))
def test_dotted_words_stay_one_word(word: str, ending: str) -> None:
    assert WORD.findall(f"in {word}{ending} then") == ["in", word, "then"]


@pytest.mark.parametrize(("before", "after"), itertools.product(
    ["Province", "tsunami", "website", "2004", "U.S", "e.g", "3.5", "bbc.co.uk", "Muhandís"],
    CAPITALISED))
def test_a_full_stop_before_a_capitalised_word_splits(before: str, after: str) -> None:
    joined = f"said {before}.{after} went"
    assert WORD.findall(joined) == ["said", before, after, "went"]
    assert terms(joined) == terms(f"said {before}. {after} went")


@pytest.mark.parametrize("text", [
    "write to John.Smith@bbc.co.uk today", "see http://www.example.com/news/story.html now",
    "mail Anna.Berg@example.org or visit https://news.bbc.co.uk/sport/4183139.stm.",
    "Zafi.D and Bagle.AT spread via fan.club@Mail.Ru links at www.arsenal.com/News.",
])
def test_emails_and_urls_keep_their_dotted_parts(text: str) -> None:
    found = WORD.findall(text)
    for whole in re.findall(r"[\w.]+(?=@)|(?<=[/@])[a-z0-9][\w.]*", text):
        if not re.search(r"\.[A-Z][a-z]", whole):
            assert whole.rstrip(".") in found


def _bbc_texts() -> list[str]:
    path = CORPORA / "bbc-news-2225.jsonl"
    if not path.is_file():
        pytest.skip("the shared BBC corpus is not on this machine")
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line).get("text") or "" for line in itertools.islice(lines, 400)]


# A sentence end: a word that is not after "/" or "@", a full stop, a space, a capital word.
_SENTENCE_GAP = re.compile(r"(?<![/@\w.])([\w.]*\w)\. ([A-Z][a-z])")


def test_real_sentences_joined_without_their_space_index_the_same() -> None:
    """Every sentence boundary of 400 real articles with its space taken out: the same terms
    at the same positions, and spans that are still exactly the words."""
    joins = 0
    for text in _bbc_texts():
        joined, count = _SENTENCE_GAP.subn(r"\1.\2", text)
        joins += count
        assert terms(joined) == terms(text)
        for term, start, end in term_spans(joined):
            assert WORD.fullmatch(joined, start, end)
            assert terms(joined[start:end]) == [term]
    assert joins > 1000


def test_joined_sentences_are_found_by_word_phrase_and_and(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Joined\n\nFighting in Helmand Province.The governor "
                                  "said 3.5 tonnes went to the U.S. by bbc.co.uk\n")
    (corpus / "b.txt").write_text("Apart\n\nThe governor of the province\n")
    with Engine(indexed(tmp_path, [corpus])) as engine:
        def ids(query: str) -> list[str]:
            return sorted(h.id for h in engine.search(query).hits)

        assert ids("province") == ["a", "b"]
        assert ids('"helmand province"') == ["a"]
        assert ids('"province governor"') == ["a"]
        assert ids("helmand AND governor AND 3.5 AND u.s AND bbc.co.uk") == ["a"]
        assert ids('"Province.The governor"') == ["a"]
        hit = engine.search('"helmand province" governor').hits[0]
        doc = engine.document(hit.id, '"helmand province" governor')
        assert doc is not None
        marked = [doc.article.text[s:e] for s, e in doc.spans]
        assert marked == ["Helmand Province", "governor"]  # a phrase's occurrence: one


INVISIBLE = ["\u00ad", "\u200d", "\u2060", "\ufeff", "\u00ad\u00ad"]


@pytest.mark.parametrize("mark", INVISIBLE)
@pytest.mark.parametrize("word", ["Soleimani", "reelection", "Khamenei", "Muhandís", "Washington",
                                  "2004", "Ölkonzern"])
def test_an_invisible_joiner_inside_a_word_keeps_it_one_word(word: str, mark: str) -> None:
    """A soft hyphen (&shy;), zero-width joiner, word joiner or zero-width no-break space at
    any place inside a word: the word's term, its span the whole word as written."""
    for cut in range(1, len(word)):
        marked = word[:cut] + mark + word[cut:]
        text = f"said {marked}, then"
        assert terms(text) == terms(f"said {word}, then")
        assert [text[s:e] for _, s, e in term_spans(text)] == ["said", marked, "then"]
    # At the edges it belongs to neither word.
    assert terms(f"{mark}{word}{mark} then") == terms(f"{word} then")


def test_words_with_invisible_joiners_are_found_as_they_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Shy\n\nThe Sole\u00adimani case and Khame\u2060nei and "
                                  "Ira\u200dn and re\u00adelection.\n", encoding="utf-8")
    with Engine(indexed(tmp_path, [corpus])) as engine:
        for query in ["soleimani", "khamenei", "iran", "reelection", '"soleimani case"',
                      "Sole\u00adimani"]:
            assert [h.id for h in engine.search(query).hits] == ["a"], query
        assert engine.search("imani").total == 0
        doc = engine.document("a", "soleimani reelection")
        assert doc is not None
        marked = [doc.article.text[s:e] for s, e in doc.spans]
        assert marked == ["Sole\u00adimani", "re\u00adelection"]
