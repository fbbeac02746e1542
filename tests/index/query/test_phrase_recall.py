"""Speed never costs a hit: every article that contains a phrase verbatim is among that
phrase query's hits. Phrases are cut from the articles themselves (two to four words,
stop words and all), and the articles that contain each are found by a plain
case-insensitive scan of every title and text. On the seeds, on the template-written
stories of tests/helpers/newswire.py and, where ../shared/corpora is beside the checkout,
on a sample of it; on all 21,268 articles of ../shared/corpora with -m slow."""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.index import analysis
from newsdesk.index.engine import Engine
from newsdesk.index.models import Article
from tests.helpers import newswire
from tests.helpers.indexed import SAMPLE_KINDS, indexed
from tests.helpers.paths import CORPORA, SEEDS

WORD = re.compile(r"[A-Za-z]{2,}")


def phrases(articles: list[Article], count: int, seed: int = 11) -> list[str]:
    """`count` phrases of 2 to 4 words that occur verbatim in the articles."""
    rng = random.Random(seed)
    found: list[str] = []
    while len(found) < count:
        article = rng.choice(articles)
        words = list(WORD.finditer(article.text))
        if len(words) < 5:
            continue
        start = rng.randrange(len(words) - 4)
        run = words[start:start + rng.randint(2, 4)]
        text = article.text[run[0].start():run[-1].end()]
        # Plain words one space apart, not all stop words (those are not indexed, and the
        # search says it left them out).
        if " ".join(w.group() for w in run) == text and analysis.terms(text):
            found.append(text)
    return found


def containing(articles: list[Article], phrase: str) -> set[str]:
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", re.IGNORECASE)
    return {a.id for a in articles if pattern.search(a.title) or pattern.search(a.text)}


def all_articles(engine: Engine) -> list[Article]:
    ids = [row[0] for row in engine.store.db.execute("SELECT id FROM articles")]
    return list(engine.store.articles(ids).values())


def check(engine: Engine, count: int) -> None:
    articles = all_articles(engine)
    missed = {}
    for phrase in phrases(articles, count):
        expected = containing(articles, phrase)
        hits = {hit.id for hit in engine.iter_hits(f'"{phrase}"')}
        if not expected <= hits:
            missed[phrase] = sorted(expected - hits)[:3]
    assert not missed


@pytest.fixture(scope="module", params=SAMPLE_KINDS)
def sample_engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[Engine]:
    folder = tmp_path_factory.mktemp("recall")
    sample = folder / "sample.jsonl"
    if request.param == "newswire":
        newswire.write(sample, 400)
    else:
        _sample_corpora(sample)
    with Engine(indexed(folder, [sample])) as engine:
        yield engine


def _sample_corpora(sample: Path) -> None:
    with open(sample, "w", encoding="utf-8") as out:
        for name, lines in (("reuters-21578.jsonl", 350), ("bbc-news-2225.jsonl", 150)):
            with open(CORPORA / name, encoding="utf-8") as source:
                for _, line in zip(range(lines), source, strict=False):
                    out.write(line)


def test_seeds_every_verbatim_phrase_is_a_hit(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    with Engine(indexed(tmp_path, [tmp_path / "seeds"])) as engine:
        check(engine, 150)


def test_sample_every_verbatim_phrase_is_a_hit(sample_engine: Engine) -> None:
    check(sample_engine, 150)


@pytest.mark.slow
def test_corpora_every_verbatim_phrase_is_a_hit(tmp_path: Path) -> None:
    assert CORPORA.is_dir(), "-m slow reads all of ../shared/corpora: put it beside the checkout"
    sources = [CORPORA / "reuters-21578.jsonl", CORPORA / "bbc-news-2225.jsonl"]
    with Engine(indexed(tmp_path, sources)) as engine:
        check(engine, 1000)


def test_the_scan_finds_what_it_should() -> None:
    article = Article(id="x", path="p", title="Oil",
                      text="The Bank of England said, oil-prices rose in March.")
    assert containing([article], "bank of england") == {"x"}
    assert containing([article], "of eng") == set()  # whole words only
    assert all(p in article.text for p in phrases([article], 5))
