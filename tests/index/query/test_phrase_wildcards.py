"""A wildcard inside a phrase expands as it does outside quotes: `"chief exec*"` found
nothing (the wildcard was dropped and "exec" searched as a whole word) where grep finds
every "chief executive". A bare `*` in a phrase is any one word. Checked against a scan of
generated texts with many variants of each phrase, a regex standing for grep."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator

import pytest

from newsdesk.index.engine import Engine
from newsdesk.index.models import QueryError
from tests.helpers.indexed import indexed

FIRST = ["chief", "prime", "oil", "senior", "deputy"]
SECOND = ["executive", "executives", "exec", "examiner", "excise", "minister", "ministers",
          "minimum", "mining", "price", "prices", "pricing", "prince", "officer", "medical",
          "operating", "technology", "financial", "editor", "engineer"]
FILLER = ["market", "report", "board", "talks", "week", "growth", "court", "record",
          "figures", "budget", "plan", "group", "staff", "union", "vote"]


def _text(rng: random.Random) -> str:
    words = []
    for _ in range(rng.randint(20, 60)):
        roll = rng.random()
        if roll < 0.15:
            words += [rng.choice(FIRST), rng.choice(SECOND)]
        elif roll < 0.22:
            words += [rng.choice(FIRST), rng.choice(SECOND + FILLER), "officer"]
        else:
            words.append(rng.choice(FILLER))
    return " ".join(words).capitalize() + "."


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    folder = tmp_path_factory.mktemp("wildphrase")
    rng = random.Random(5)
    lines = [json.dumps({"id": f"a{n}", "title": f"Story {n}", "text": _text(rng)})
             for n in range(300)]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n")
    with Engine(indexed(folder, [folder / "a.jsonl"])) as built:
        yield built


def _texts(engine: Engine) -> dict[str, str]:
    ids = [row[0] for row in engine.store.db.execute("SELECT id FROM articles")]
    return {i: a.title + "\n" + a.text for i, a in engine.store.articles(ids).items()}


def _grep(texts: dict[str, str], phrase: str) -> set[str]:
    parts = [r"\w+" if w == "*" else re.escape(w).replace(r"\*", r"\w*")
             for w in phrase.split()]
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(parts) + r"(?!\w)", re.IGNORECASE)
    return {i for i, text in texts.items() if pattern.search(text)}


# Prefixes whose words stem to terms no other word shares ("pric*": price, prices and
# pricing stem to "price" and "pric", begun by no word that does not begin with "pric").
@pytest.mark.parametrize("phrase", ["chief exec*", "chief exe*", "prime min*", "oil pric*",
                                    "senior e*", "chief * officer", "deputy * officer",
                                    "prime mini*", "chief ex*"])
def test_hits_are_the_grep_hits(engine: Engine, phrase: str) -> None:
    expected = _grep(_texts(engine), phrase)
    results = engine.search(f'"{phrase}"', limit=1000)
    assert expected and {hit.id for hit in results.hits} == expected, results.notes
    assert results.total == len(expected)


def test_marks_the_matched_words(engine: Engine) -> None:
    for phrase in ("chief exec*", "chief * officer"):
        pattern = re.compile(r"\b" + r"\W+".join(
            r"\w+" if w == "*" else re.escape(w).replace(r"\*", r"\w*")
            for w in phrase.split()) + r"\b", re.IGNORECASE)
        for hit in engine.search(f'"{phrase}"', limit=5).hits:
            text = _texts(engine)[hit.id].split("\n", 1)[1]
            # One span an occurrence, from its first word to its last.
            marked = [text[s:e].lower() for s, e in hit.spans]
            assert marked == [m.group().lower() for m in pattern.finditer(text)]
    # Only the words of an occurrence: "chief" alone, or before "market", is no match.
    hit = engine.search('"chief * officer"', limit=1).hits[0]
    text = _texts(engine)[hit.id].split("\n", 1)[1]
    assert all(text[s:e].lower() != "market" for s, e in hit.spans)


def test_the_bound_and_its_note_are_those_outside_quotes(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine.settings.search, "max_expansions", 3)
    inside = engine.search('"chief e*"')
    outside = engine.search("e*")
    said = [n for n in outside.notes if "'e*' matches" in n]
    assert said and said == [n for n in inside.notes if "'e*' matches" in n]
    assert inside.total > 0


def test_a_star_at_either_end_is_said_and_left_out(engine: Engine) -> None:
    results = engine.search('"* officer"')
    assert results.total == engine.search("officer").total > 0
    assert any("a * at the start or end" in note for note in results.notes)
    assert engine.search('"*"').total == 0


def test_no_expansion_is_said_not_silent(engine: Engine) -> None:
    results = engine.search('"chief zzq*"')
    assert results.total == 0
    assert any("no indexed word matches 'zzq*'" in note for note in results.notes)


def test_a_wildcard_needs_a_letter_first(engine: Engine) -> None:
    with pytest.raises(QueryError, match=r"'\*ive' in .*needs a letter or digit"):
        engine.search('"chief *ive"')


def test_a_question_mark_ending_a_word_stays_punctuation(engine: Engine) -> None:
    assert engine.search('"chief executive?"').total == engine.search(
        '"chief executive"').total > 0


def test_proximity_with_a_wildcard(engine: Engine) -> None:
    near = {hit.id for hit in engine.search('"chief exec*"~3', limit=1000).hits}
    exact = {hit.id for hit in engine.search('"chief exec*"', limit=1000).hits}
    assert exact <= near


def test_whoosh_ranks_it_alike(engine: Engine) -> None:
    """Inside a query Whoosh ranks (an OR with a NOT), the phrase still matches."""
    ours = {hit.id for hit in engine.search('"chief exec*"', limit=1000).hits}
    mixed = {hit.id for hit in engine.search('"chief exec*" OR (-board)', limit=1000).hits}
    no_board = {i for i, t in _texts(engine).items() if "board" not in t.lower()}
    assert mixed == ours | no_board
