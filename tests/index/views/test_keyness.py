"""Keyness, two-word phrases and collocates (index/views/keyness.py): the statistics checked
against figures worked out by hand, and the engine's corpus totals against a count of every
article."""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from pathlib import Path

import pytest

from newsdesk.index.analysis import WORD, term_of, terms
from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import Stopped
from newsdesk.index.views.keyness import (
    MIN_FREQ,
    TEXT_PIECE,
    collocates,
    count_sample,
    g2_table,
    hit_words,
    is_number,
    keywords,
    log_likelihood,
    phrase_candidates,
)
from tests.helpers.articles import views_article


def test_log_likelihood_as_antconc_computes_it() -> None:
    # By hand: a=10 of c=1,000 words, b=20 of d=10,000. E1 = 1000*30/11000 = 2.727273,
    # E2 = 27.272727; 10 ln(10/2.727273) = 12.992830, 20 ln(20/27.272727) = -6.203099;
    # G2 = 2 * 6.789731 = 13.579462.
    assert log_likelihood(10, 20, 1000, 10000) == pytest.approx(13.579462, abs=1e-5)
    # Equal rates: nothing sets the word apart.
    assert log_likelihood(10, 100, 1000, 10000) == pytest.approx(0.0, abs=1e-9)
    # Absent from the reference: only the target's term counts. E1 = 1000*5/11000.
    assert log_likelihood(5, 0, 1000, 10000) == pytest.approx(2 * 5 * math.log(11), abs=1e-9)


def test_two_by_two_log_likelihood_by_hand() -> None:
    # O = [[5, 5], [3, 87]], rows 10 / 90, columns 8 / 92, N = 100.
    # E = [[0.8, 9.2], [7.2, 82.8]]; 5 ln(6.25) + 5 ln(5/9.2) + 3 ln(3/7.2) + 87 ln(87/82.8)
    # = 9.162907 - 3.048830 - 2.626406 + 4.304746 = 7.792417; G2 = 15.584834.
    assert g2_table(5, 10, 8, 100) == pytest.approx(15.584834, abs=1e-4)


def test_a_long_text_is_read_only_until_the_sample_has_its_words() -> None:
    """One article of millions of words (the dashboard's keyness of an article of 20 MB
    was 500 MB of its words, terms and pairs): its first pieces only, till the sample has
    its words, and the text kept is the part counted (pair_forms reads it again)."""
    text = "Tanker crude " * 200_000 + "unheardof"
    sample = count_sample([text, "Crude markets fell."], max_words=1_000)
    assert 1_000 <= sample.words <= 1_000 + TEXT_PIECE // 6
    assert len(sample.texts) == 1 and len(sample.texts[0]) < len(text) // 10
    assert text.startswith(sample.texts[0]) and sample.texts[0].endswith(("Tanker", "crude"))
    assert sample.words == len(terms(sample.texts[0])) == len(sample.tokens[0])
    assert sample.terms["tanker"] - sample.terms["crude"] in (0, 1)  # no word cut in two
    assert "unheardof" not in sample.terms
    # A text within the budget is read whole, as it is.
    short = "Tanker crude " * 100
    assert count_sample([short, short], max_words=1_000).texts == [short, short]


@pytest.mark.parametrize("seed", range(12))
def test_each_text_gives_at_most_its_share(seed: int) -> None:
    """Long texts give the sample their first `per_text` words each, so many hits are read,
    not the first few: the text kept is the part counted, word for word."""
    rng = random.Random(seed)
    vocab = ["tanker", "crude", "markets", "fell", "the", "of", "a", "Minister", "Oslo",
             "grain", "2020", "rose", "ports", "x"]
    texts = [" ".join(rng.choice(vocab) for _ in range(rng.randrange(0, 3_000)))
             for _ in range(rng.randrange(5, 40))]
    per_text, budget = rng.randrange(1, 400), rng.randrange(100, 6_000)
    sample = count_sample(texts, max_words=budget, per_text=per_text)
    assert sample.words == sum(len(t) for t in sample.tokens) <= budget
    before = 0
    for kept, full, tokens in zip(sample.texts, texts, sample.tokens, strict=False):
        assert full.startswith(kept) and terms(kept) == tokens
        assert len(tokens) == min(per_text, budget - before, len(terms(full)))
        before += len(tokens)
    assert len(sample.texts) == len(texts) or sample.words == budget


def test_a_hits_share_of_the_sample() -> None:
    assert hit_words([100] * 150) is None  # all fit: each read whole
    assert hit_words([700] * 300) == 250  # the floor
    assert hit_words([2_000] * 10) == 1_500
    assert hit_words([100] * 50 + [6_000] * 2) == 5_000  # the short ones whole


@pytest.mark.parametrize("seed", range(20))
def test_a_share_fills_the_sample_and_no_more(seed: int) -> None:
    rng = random.Random(seed)
    lengths = [rng.choice([rng.randrange(0, 200), rng.randrange(200, 9_000)])
               for _ in range(rng.randrange(1, 300))]
    budget = rng.randrange(500, 20_000)
    share = hit_words(lengths, budget)
    if share is None:
        assert sum(lengths) <= budget
    elif share > 250:  # above the floor: the cut hits and the whole ones fill it exactly
        read = sum(min(n, share) for n in lengths)
        assert budget - len(lengths) < read <= budget < sum(min(n, share + 1) for n in lengths)


def test_keywords_from_a_sample_against_the_corpus() -> None:
    sample = count_sample(["Tanker tanker crude crude crude; markets fell.",
                           "Crude tanker prices rose in markets.",
                           "Crude prices held as tankers sailed."])
    assert sample.words == sum(len(terms(t)) for t in sample.texts) == 17
    corpus = Counter({"crude": 7, "tanker": 5, "market": 500, "price": 300, "fell": 50,
                      "rose": 50, "held": 40, "sail": 9})
    found = keywords(sample, corpus.__getitem__, 10_000, leave_out=set(), sampled=3)
    by_word = {k.text: k for k in found}
    # crude: a = 5 of 18 words, b = 7 - 5 = 2 of 10,000 - 17.
    assert by_word["crude"].freq == 5 and by_word["crude"].other == 2
    assert by_word["crude"].score == pytest.approx(log_likelihood(5, 2, 17, 9983))
    assert by_word["tanker"].freq == 4 and by_word["tanker"].other == 1  # tanker(s): one stem
    assert by_word["tanker"].docs == 3
    # markets: 2 < MIN_FREQ; prices: 2 occurrences; every line needs MIN_FREQ.
    assert all(k.freq >= MIN_FREQ for k in found)
    assert [k.text for k in found] == ["crude", "tanker"]
    assert keywords(sample, corpus.__getitem__, 10_000, leave_out={"crude"},
                    sampled=3)[0].text == "tanker"
    # The clause that refines the query: searched as written, not as a prefix.
    assert by_word["crude"].clause == "(crude)"


def test_pruned_lookups_give_the_full_list() -> None:
    """Words are looked up in decreasing sample frequency and the look-ups stop once no
    lower count could enter the list: the list is the one every word's look-up gives."""
    texts = [" ".join(f"w{j}" for j in range(i % 40) for _ in range(1 + j % 4)) + " alpha beta"
             for i in range(60)]
    sample = count_sample(texts)
    corpus = Counter({t: n * (1 + (hash(t) % 7)) for t, n in sample.terms.items()})
    looked: list[str] = []

    def freq(term: str) -> int:
        looked.append(term)
        return corpus[term]

    pruned = keywords(sample, freq, 500_000, set(), top=5, sampled=60)
    c, d = sample.words, 500_000 - sample.words
    every = sorted(((log_likelihood(a, corpus[t] - a, c, d), t) for t, a in sample.terms.items()
                    if a >= MIN_FREQ and a / c > (corpus[t] - a) / d), reverse=True)[:5]
    assert [k.score for k in pruned] == pytest.approx([s for s, _ in every])
    assert len(looked) < len([t for t, a in sample.terms.items() if a >= MIN_FREQ])


def test_collocates_within_the_window() -> None:
    sample = count_sample(["oil price rose and the oil price fell while grain rose slowly",
                           "oil price again near tankers, far away " + "filler " * 12 + "grain",
                           "the oil price steady"])
    near = collocates(sample, "oil", window=5)
    top = near[0]
    # Each of the four "oil" has a "price" beside it, and the first of the first text has
    # the second "price" in its window too (overlapping windows count for each node word,
    # as in AntConc): 2 + 2 + 1 + 1.
    assert top.text == "price" and top.freq == 6 and top.other == 4
    # O11 = 6, R1 = words in the four windows, C1 = price's count, N = sample words.
    windows = 0
    for tokens in sample.tokens:
        for i, t in enumerate(tokens):
            if t == "oil":
                windows += len(tokens[max(0, i - 5):i]) + len(tokens[i + 1:i + 6])
    assert top.score == pytest.approx(g2_table(6, windows, 4, sample.words))
    assert top.mi == pytest.approx(math.log2(6 / (windows * 4 / sample.words)))
    assert "grain" not in [k.text for k in near]  # never within five words of oil
    assert '"oil price"~5' in top.clause and '"price oil"~5' in top.clause


def test_engine_keyness_counts_against_every_article(views_engine: Engine) -> None:
    articles = [views_article(i) for i in range(120)]
    every = Counter(t for a in articles for t in terms(a["text"]))
    found = views_engine.keyness("oil")
    assert found.total == views_engine.count("oil") == found.sampled  # all, under the bound
    assert found.corpus_words == sum(every.values())
    words = {k.text: k for k in found.words}
    assert "oil" not in words  # the query's own word sets nothing apart
    assert "price" in words
    # In the sample and in the rest of the corpus: the whole corpus's count, term by term.
    for k in found.words:
        assert k.freq + k.other == every[terms(k.text)[0]], k
    phrases = {k.text: k for k in found.phrases}
    assert "oil price" in phrases
    pairs = Counter(p for a in articles for p in zip(terms(a["text"]), terms(a["text"])[1:],
                                                     strict=False))
    assert phrases["oil price"].freq + phrases["oil price"].other == pairs[("oil", "price")]
    assert phrases["oil price"].clause == '"oil price"'
    assert found.node == "oil" and "price" in [k.text for k in found.collocates]
    # The refinement is a query the engine takes, and it narrows the hits.
    narrowed = views_engine.count(f"oil {words['price'].clause}")
    assert 0 < narrowed < found.total


def test_engine_keyness_sample_is_bounded_and_stops(views_engine: Engine) -> None:
    small = views_engine.keyness("berg", sample=10)
    assert small.sampled == 10 < small.total
    with pytest.raises(Stopped):
        views_engine.keyness("berg", stop=lambda: True)
    assert views_engine.keyness("zzzzqq").words == []
    assert views_engine.keyness("").total == 0


def test_long_hits_each_give_a_share_of_the_sample(corpus_dir: Path,
                                                  corpus_settings: Settings) -> None:
    """80 hits of 1,800 words each: whole articles filled the sample's words after eight of
    them, and one story's words led the keywords; a share each reads 60 of them."""
    with open(corpus_dir / "long.jsonl", "w", encoding="utf-8") as out:
        for i in range(80):
            story = f"story{i:02d}"
            text = " ".join(f"Harbour {story} tanker crude cargo {story}." for _ in range(300))
            out.write(json.dumps({"id": f"l{i}", "title": f"Long {i}", "text": text}) + "\n")
    Indexer(corpus_settings).run()
    engine = Engine(corpus_settings)
    try:
        found = engine.keyness("harbour")
        assert found.total == 80 and found.sampled == 60
        assert found.sample_words == 60 * 250
    finally:
        engine.close()


def test_results_that_are_the_whole_corpus_have_no_keywords(views_engine: Engine) -> None:
    """Every article names Anna Berg: against an empty rest of the corpus every word scored
    0 and the list came out alphabetical ("000", "1979" first on the seeds)."""
    found = views_engine.keyness("berg")
    assert found.total == 120 and found.sample_words >= found.corpus_words
    assert found.words == [] and found.phrases == []
    assert found.collocates  # the words near "berg" are still counted in the results


def test_numbers_are_no_keywords_unless_asked_for() -> None:
    """Parts of figures ("000" of "100,000") and years fill any result set about money or
    dates: left out of keywords, phrases and collocates by default, there when asked."""
    texts = [f"Exports of {n},000 tonnes of copper in 1979; copper exports rose by 1.5 "
             f"million tonnes" for n in range(100, 106)]
    sample = count_sample(texts)
    corpus = Counter({"000": 20, "1979": 8, "copper": 9, "export": 40, "tonn": 30,
                      "1.5": 10, "million": 400, "rose": 300})
    for term in sample.terms:
        corpus.setdefault(term, sample.terms[term])
    words = [k.text for k in keywords(sample, corpus.__getitem__, 100_000, set(), sampled=6)]
    assert "copper" in words and not {"000", "1979", "1.5"} & set(words)
    with_numbers = [k.text for k in keywords(sample, corpus.__getitem__, 100_000, set(),
                                             sampled=6, numbers=True)]
    assert {"000", "1979", "1.5"} <= set(with_numbers)
    pairs = [text for _, text in phrase_candidates(sample, 6, set())]
    assert "copper exports" in pairs and not any(any(ch.isdigit() for ch in p) for p in pairs)
    assert any("1979" in p for _, p in phrase_candidates(sample, 6, set(), numbers=True))
    near = [k.text for k in collocates(sample, "copper")]
    assert near and not any(is_number(w) for w in near)
    assert "1979" in [k.text for k in collocates(sample, "copper", numbers=True)]
    assert is_number("000") and is_number("1.5") and not is_number("1980s")


@pytest.mark.parametrize("seed", range(6))
def test_keywords_are_those_of_a_straightforward_reference(seed: int) -> None:
    """Random small samples and corpus counts: the list is what counting every term from
    scratch and scoring each with AntConc's formula gives (the pruned look-ups, the early
    rejects, the range and number rules, ties by text)."""
    rng = random.Random(seed)
    vocabulary = [f"w{n}x" for n in range(50)] + ["1979", "000", "the", "of"]
    texts = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(4, 90)))
             for _ in range(rng.randint(2, 30))]
    tokens = [[t for t in map(term_of, WORD.findall(text)) if t] for text in texts]
    counts = Counter(t for terms_ in tokens for t in terms_)
    docs = Counter(t for terms_ in tokens for t in set(terms_))
    c = sum(counts.values())
    d = rng.randint(50, 20_000)
    corpus = Counter({t: n + rng.choice([0, 0, 1, 5, 40, 400]) for t, n in counts.items()})

    def antconc(a: int, b: int) -> float:
        e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
        return 2 * (a * math.log(a / e1) + (b * math.log(b / e2) if b else 0.0))

    fit = [(antconc(a, corpus[t] - a), t) for t, a in counts.items()
           if a >= MIN_FREQ and docs[t] >= min(2, len(texts)) and not t.isdigit()
           and a / c > (corpus[t] - a) / d]
    expected = sorted(fit, key=lambda item: (-item[0], item[1]))[:8]
    found = keywords(count_sample(texts), corpus.__getitem__, c + d, set(), top=8,
                     sampled=len(texts))
    assert [(k.text, k.freq, k.other, k.docs) for k in found] == \
        [(t, counts[t], corpus[t] - counts[t], docs[t]) for _, t in expected]
    assert [k.score for k in found] == pytest.approx([s for s, _ in expected])


@pytest.mark.parametrize("seed", range(4))
def test_keywords_reference_with_many_ties(seed: int) -> None:
    """Many words with the same counts (equal scores at the list's end: the earlier text
    stays) and some exactly as frequent in the rest as in the sample (never keywords)."""
    rng = random.Random(seed)
    counts = {f"t{n:02d}x": rng.choice([3, 3, 4, 6]) for n in range(40)}
    words = [w for w, n in counts.items() for _ in range(n)]
    rng.shuffle(words)
    texts = [" ".join(words[i::3]) for i in range(3)]
    c = len(words)
    d = 10 * c
    corpus = Counter({t: a + rng.choice([0, 1, 10 * a]) for t, a in counts.items()})

    def antconc(a: int, b: int) -> float:
        e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
        return 2 * (a * math.log(a / e1) + (b * math.log(b / e2) if b else 0.0))

    docs = Counter(t for text in texts for t in set(terms(text)))
    fit = [(antconc(a, corpus[t] - a), t) for t, a in counts.items()
           if docs[t] >= 2 and corpus[t] - a < 10 * a]
    expected = sorted(fit, key=lambda item: (-item[0], item[1]))[:7]
    found = keywords(count_sample(texts), corpus.__getitem__, c + d, set(), top=7, sampled=3)
    assert [k.text for k in found] == [t for _, t in expected]
    assert len({k.score for k in found}) < len(found)  # ties there are
    every = keywords(count_sample(texts), corpus.__getitem__, c + d, set(), top=40, sampled=3)
    assert sorted(k.text for k in every) == sorted(t for _, t in fit) != sorted(counts)
