"""Actor extraction and clustering find what they found when tests/index/actors/expected/
was written (expected_output.py): rewrites for speed must leave these as they are; a change
of the rules regenerates them on purpose (`python -m tests.index.actors.expected_output`)
and the diff of the seeds' rows shows what it changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.paths import CORPORA
from tests.index.actors.expected_output import (
    CORPUS_FILES,
    EXPECTED,
    SAMPLE,
    corpus_digests,
    seeds_output,
)

HINT = ("actor output changed: if the rules changed on purpose, regenerate with "
        "`python -m tests.index.actors.expected_output` and read the diff")


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_seeds_rows_acronyms_and_actors_are_as_expected(expected: dict) -> None:
    found = json.loads(json.dumps(seeds_output()))  # tuples as the file has them: lists
    want = expected["seeds"]
    assert found["articles"].keys() == want["articles"].keys()
    for article, rows in want["articles"].items():
        assert found["articles"][article] == rows, f"{article}: {HINT}"
    assert found["actors"] == want["actors"], HINT


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_first_articles_of_each_corpus_as_expected(expected: dict, name: str) -> None:
    path: Path = CORPORA / name
    if not path.exists():
        pytest.skip(f"{path} is not beside the checkout")
    found = corpus_digests(path, SAMPLE)
    want = {k: v for k, v in expected["corpora"][name].items()
            if k not in ("all articles", "actors")}
    assert len(found) == SAMPLE
    differ = [article for article in want if found.get(article) != want[article]]
    assert not differ, f"{len(differ)} articles differ, first {differ[:5]}: {HINT}"


@pytest.mark.slow
@pytest.mark.parametrize("name", CORPUS_FILES)
def test_whole_corpus_and_its_actors_as_expected(expected: dict, name: str) -> None:
    path: Path = CORPORA / name
    if not path.exists():
        pytest.skip(f"{path} is not beside the checkout")
    found = corpus_digests(path, None)
    want = expected["corpora"][name]
    assert found["all articles"] == want["all articles"], HINT
    assert found["actors"] == want["actors"], HINT
