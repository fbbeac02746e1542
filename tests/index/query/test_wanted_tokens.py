"""Highlighting looks only where a wanted word can begin (index/query/wanted_tokens.py);
it must find exactly what tokenizing the whole text finds, positions of phrases included,
on real articles and on texts made to trip it: dotted words, emails, urls, sentences
whose space went missing, apostrophes, stop words between phrase words, accents."""

from __future__ import annotations

import json
import random
from itertools import islice

import pytest

from newsdesk.index.analysis import fold, term_spans
from newsdesk.index.query import highlight
from newsdesk.index.query.compile import HighlightPlan
from newsdesk.index.query.highlight import match_groups, match_spans
from newsdesk.index.query.wanted_tokens import Token
from tests.helpers.paths import CORPORA, SEEDS

TRICKS = [
    "Province.The minister said the U.S. and U.K. met at bbc.co.uk and amazon.com on 3.5 bn.",
    "Write to John.Smith@example.com or john.smith@bbc.co.uk; see www.Example.Com/Path.",
    "Blair’s and Blair's plans: prime minister Tony Blair, the Prime  Minister, PRIME-MINISTER.",
    "Muhandís and MUHANDIS met the U.S. envoy; 3.5 bn for Iran-backed groups. naïve Naive.",
    "oil.Oil..oil...Oil.OIL oil_price oil2 2oil .oil oil. a.b.c.d e.g. i.e. v2.7.5 No.10",
    "the prime of the minister to the prime and the minister of the the the prime minister",
    "Happy happiness happier happily, ponies pony, relational relate relation, hopping hoped.",
    "Le président Macron à l'Élysée; ÉLYSÉE élysée. Łódź, Wałęsa, Ørsted; İstanbul İSTANBUL.\n"
    "Президент России Владимир Путин в Москве; МОСКВА. ΟΔΟΣ οδος ΟΣ.ΑΒ Σοφία.\n"
    "Straße STRASSE ﬁnance ﬁnanz Zu\u0308rich Zürich re\u00adelection ½ ™ 東京Tokyo mixed\n"
    "plain line after them: président, Москве and Zürich again; ǅemal Ǆemal ǆemal.",
]


def _texts() -> list[str]:
    texts = TRICKS + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for name, every in (("bbc-news-2225.jsonl", 40), ("reuters-21578.jsonl", 300)):
        corpus = CORPORA / name
        if corpus.is_file():
            with corpus.open(encoding="utf-8") as lines:
                for line in islice(lines, 0, None, every):
                    article = json.loads(line)
                    texts.append(article.get("text") or article.get("body") or "")
    return texts


def _whole(text: str, wanted: frozenset[str]) -> list[Token]:
    return [Token(t, s, e, i, fold(text[s:e])) for i, (t, s, e) in enumerate(term_spans(text))
            if t in wanted]


def _plans(text: str, rng: random.Random) -> list[HighlightPlan]:
    terms = [t for t, _, _ in term_spans(text)]
    if not terms:
        return [HighlightPlan(terms={"nothing"})]
    plans = []
    for _ in range(6):
        words = set(rng.sample(terms, min(len(terms), rng.randint(1, 6))))
        phrases = []
        for _ in range(rng.randint(0, 3)):
            at = rng.randrange(len(terms))
            seq = tuple(terms[at:at + rng.randint(2, 4)])
            if len(seq) > 1:
                phrases.append((seq, rng.choice([0, 0, 1, 3])))
        plans.append(HighlightPlan(terms=words if rng.random() < 0.7 else set(),
                                   phrases=phrases))
    return plans


def test_only_where_a_word_can_begin_finds_what_the_whole_text_has() -> None:
    rng = random.Random(7)
    for text in _texts():
        for variant in (text, text.upper(), text.lower()):
            plans = _plans(variant, rng)
            expected = []
            for plan in plans:
                expected.append((match_spans(variant, plan), match_groups(variant, plan)))
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(highlight, "wanted_tokens",
                              lambda t, wanted, window=0: _whole(t, wanted))
                whole = [(match_spans(variant, p), match_groups(variant, p)) for p in plans]
            assert expected == whole, variant[:80]


def test_phrases_across_stop_words_and_far_apart_words() -> None:
    text = TRICKS[5]
    plan = HighlightPlan(phrases=[(("prime", "minist"), 0)])
    assert [text[s:e] for s, e in match_spans(text, plan)] == [
        "prime of the minister", "prime and the minister", "prime minister"]
    # Three indexed words between: inside a window of five positions, not of four; stop
    # words do not count.
    apart = "the prime of the alpha beta gamma to the minister said"
    whole = ["prime of the alpha beta gamma to the minister"]  # one match, first to last
    for slop, found in ((2, []), (3, whole), (40, whole)):
        plan = HighlightPlan(phrases=[(("prime", "minist"), slop)])
        assert [apart[s:e] for s, e in match_spans(apart, plan)] == found, slop


def test_a_long_accented_article_is_not_tokenized_whole(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """A long article in French or Russian: only the words that may be wanted are
    tokenized (a line holding a non-ASCII word was tokenized whole, ~10 ms a hit shown)."""
    from newsdesk.index.query import wanted_tokens as module

    lines = [f"Le président Élysée numéro {n} à Москве: Президент России говорит {n}."
             for n in range(300)]
    lines[150] = "Владимир Путин встретился с Эмманюэлем Макроном."
    text = "\n".join(lines)
    calls = []
    real = module.indexed
    monkeypatch.setattr(module, "indexed", lambda word: calls.append(word) or real(word))
    for wanted in ({"путин"}, {"путин", "владимир"}):
        found = module.wanted_tokens(text, frozenset(wanted), window=2)
        assert [(t.term, t.start, t.end) for t in found] == [
            (t, s, e) for t, s, e in term_spans(text) if t in wanted]
    assert len(calls) < 20  # (about 4,500 words in all)
