"""The gold lists in the repository: each loads (no form listed for two actors, types and
splits as the hash says), and each actor's evidence is a quote of the article it names."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from tests.eval.actors.__main__ import corpus_path
from tests.eval.actors.corpus_text import read_corpus
from tests.eval.actors.gold import Gold, gold_files, load_gold
from tests.eval.actors.keys import SPLITS, split_of

FILES = gold_files()
# BBC and Reuters are read in full to check their quotes: a second or two, so under -m slow.
LARGE = {"bbc", "reuters"}


def test_every_judged_corpus_has_a_gold_list() -> None:
    assert {"seeds", "bbc", "reuters"} <= set(FILES)


@pytest.mark.parametrize("name", sorted(FILES))
def test_gold_loads_with_both_halves_and_reasons(name: str) -> None:
    gold = load_gold(FILES[name])
    assert len(gold.actors) >= 100
    for actor in gold.actors:
        assert actor.split == split_of(actor.name), actor.name
        assert actor.evidence, actor.name
    counts = gold.split_counts()
    assert all(counts[s] >= 0.35 * len(gold.actors) for s in SPLITS), counts
    assert all(item.reason for item in gold.not_actors)
    assert all(len(item.readings) >= 2 for item in gold.ambiguous)


@cache
def _texts(path: Path) -> dict[str, str]:
    return {t.id: f"{t.title}\n{t.body}" for t in read_corpus(path)}


def _squash(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _check_evidence(gold: Gold) -> None:
    texts = _texts(corpus_path(gold))
    bad = []
    for actor in gold.actors:
        article_id, _, quote = actor.evidence.partition(": ")
        text = texts.get(article_id)
        if text is None or _squash(quote) not in _squash(text):
            bad.append(f"{actor.name}: {actor.evidence}")
            continue
        forms = [re.escape(_squash(f)) for f in actor.forms]
        if not re.search("|".join(forms), _squash(quote), re.IGNORECASE):
            bad.append(f"{actor.name}: the quote names none of its forms")
    assert not bad, bad


def test_seed_evidence_quotes_the_articles() -> None:
    _check_evidence(load_gold(FILES["seeds"]))


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(LARGE))
def test_corpus_evidence_quotes_the_articles(name: str) -> None:
    gold = load_gold(FILES[name])
    if not corpus_path(gold).exists():
        pytest.skip(f"{corpus_path(gold)} is not there")
    _check_evidence(gold)
