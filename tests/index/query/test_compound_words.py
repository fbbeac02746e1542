"""Words with a one-letter part (T-Mobile, e-mail, O'Neill, X-ray, A-level, 9/11) find the
articles that write them, not every article with their longer part: the index leaves the
letter out, so `t-mobile` searched `mobile` (132 BBC articles for 11 T-Mobile ones) and
`9/11` searched `11` ("Chapter 11"). Checked against a scan of generated texts."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator

import pytest

from newsdesk.index import engine as engine_module
from newsdesk.index.engine import Engine
from newsdesk.index.query.compounds import compound_of
from tests.helpers.indexed import indexed

# Each query, the forms that write it (as the index matches them: by stem) and look-alikes
# that share its longer part only.
CASES = {
    "t-mobile": (["T-Mobile", "t-mobile", "T\u2011Mobile"], ["mobile", "Mobile phones"]),
    "e-mail": (["e-mail", "E-mails", "e-mailed"], ["Daily Mail", "mail"]),
    "o'neill": (["O'Neill", "O\u2019Neill", "o'neill's"], ["Neill", "Sir Patrick Neill"]),
    "x-ray": (["X-ray", "x-rays"], ["Ray Charles", "ray of light"]),
    "a-level": (["A-level", "A-Levels"], ["level", "high level"]),
    "9/11": (["9/11"], ["Chapter 11", "11 people", "9 / 11"]),
    "jay-z": (["Jay-Z"], ["Jay Leno", "jay"]),
}
FILLER = ["market", "report", "board", "talks", "week", "growth", "court", "record"]


def _text(rng: random.Random) -> str:
    words = []
    for _ in range(rng.randint(10, 30)):
        if rng.random() < 0.12:
            forms, others = rng.choice(list(CASES.values()))
            words.append(rng.choice(forms + others + others))
        else:
            words.append(rng.choice(FILLER))
    return " ".join(words) + "."


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    folder = tmp_path_factory.mktemp("compounds")
    rng = random.Random(3)
    lines = [json.dumps({"id": f"a{n}", "title": "T-Mobile story" if n % 50 == 0 else
                         f"Story {n}", "text": _text(rng)}) for n in range(400)]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n")
    with Engine(indexed(folder, [folder / "a.jsonl"])) as built:
        yield built


def _texts(engine: Engine, field: str = "") -> dict[str, str]:
    ids = [row[0] for row in engine.store.db.execute("SELECT id FROM articles")]
    articles = engine.store.articles(ids)
    return {i: a.title if field == "title" else a.title + "\n" + a.text
            for i, a in articles.items()}


def _grep(texts: dict[str, str], query: str) -> set[str]:
    forms = "|".join(re.escape(f) for f in CASES[query][0])
    pattern = re.compile(rf"(?<!\w)(?:{forms})(?!\w)", re.IGNORECASE)
    return {i for i, text in texts.items() if pattern.search(text)}


@pytest.mark.parametrize("query", list(CASES))
def test_hits_counts_and_exports_are_the_words_as_written(engine: Engine, query: str
                                                          ) -> None:
    expected = _grep(_texts(engine), query)
    results = engine.search(query, limit=1000)
    assert expected and {hit.id for hit in results.hits} == expected
    assert results.total == engine.count(query) == len(expected)
    assert {hit.id for hit in engine.iter_hits(query)} == expected
    assert not any("searched without" in note for note in results.notes), results.notes
    # NOT and OR keep the same articles apart
    assert engine.count(f"-{query}") == engine.doc_count - len(expected)
    assert engine.count(f"{query} OR zzzz") == len(expected)


def test_a_field_and_a_phrase(engine: Engine) -> None:
    titles = {i for i, t in _texts(engine, "title").items() if "T-Mobile" in t}
    assert {h.id for h in engine.search("title:t-mobile", limit=1000).hits} == titles
    expected = {i for i, t in _texts(engine).items()
                if re.search(r"(?i)(?<!\w)t[-\u2011]mobile story", t)}
    assert {h.id for h in engine.search('"t-mobile story"', limit=1000).hits} == expected


def test_typing_it_finds_it_as_written(engine: Engine) -> None:
    typed = engine.search("t-mobile", typing=True, limit=1000)
    assert typed.total == len(_grep(_texts(engine), "t-mobile"))


def test_past_the_bound_the_rest_are_counted_and_said(engine: Engine,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "CHECKED_TEXTS", 5)
    engine._main.refresh()  # (a fresh searcher: nothing kept from the tests before)
    engine._main._kept.clear()
    results = engine.search("e-mail", limit=1000)
    expected = _grep(_texts(engine), "e-mail")
    assert expected < {hit.id for hit in results.hits}
    assert any("the text of 5 of the" in note and "counted unchecked" in note
               for note in results.notes), results.notes
    engine._main._kept.clear()


@pytest.mark.parametrize("word", ["iran-backed", "u.s.-led", "mobile", "9 11", "t", "al-qaeda"])
def test_words_without_a_joined_letter_are_no_compounds(word: str) -> None:
    assert compound_of(word) is None


def test_a_compound_matches_look_alike_separators_and_word_forms() -> None:
    compound = compound_of("o'neill")
    assert compound is not None
    assert compound.found_in("Mr O\u2019Neill said") and compound.found_in("O'NEILL's")
    assert not compound.found_in("Neill and o neill") and not compound.found_in("bo'neill")
    assert compound_of("x-ray").found_in("two X-rays")  # type: ignore[union-attr]


@pytest.mark.parametrize("query", [*CASES, *(f'"{word}"' for word in CASES)])
def test_marks_the_word_as_written_only(engine: Engine, query: str) -> None:
    """Quoted alike (stranger5: `"X-Men"` marked "Men" of "Mad Men", never "X-Men")."""
    forms = {f.lower() for f in CASES[query.strip('"')][0]}
    ids = [row[0] for row in engine.store.db.execute("SELECT id FROM articles")]
    articles = engine.store.articles(ids)
    for hit in engine.search(query, limit=1000).hits:
        article = articles[hit.id]
        marked = [article.text[s:e].lower() for s, e in hit.spans]
        marked += [article.title[s:e].lower() for s, e in hit.title_spans]
        assert marked and set(marked) <= forms, (hit.id, marked)
