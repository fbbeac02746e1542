""""Did you mean" only offers what helps: on a generated corpus, generated misspellings and
words with digits get either no suggestion or one that finds hits and keeps each word's
kind (letters stay letters, numbers numbers); an unknown actor: name suggests only a name
alike as a whole or word for word, never a short name that is part of the one typed."""

from __future__ import annotations

import random
import string
from collections.abc import Iterator

import pytest

from newsdesk.index.actors.close_names import SUGGEST_NAME_FROM
from newsdesk.index.actors.close_names import likeness as _name_likeness
from newsdesk.index.engine import Engine
from newsdesk.index.models import QueryError
from newsdesk.index.query.language import quoted
from newsdesk.index.query.suggestions import same_kind
from tests.helpers.generated_engine import generated_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    with generated_engine(tmp_path_factory.mktemp("suggest"), 200, seed=5) as opened:
        yield opened


def _misspelt(rng: random.Random, word: str) -> str:
    i = rng.randrange(len(word))
    how = rng.choice(["drop", "swap", "change", "digit", "lead"])
    if how == "drop":
        return word[:i] + word[i + 1:]
    if how == "swap" and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if how == "digit":
        return word[:i] + rng.choice(string.digits) + word[i:]
    if how == "lead":  # w23, x1987
        return rng.choice("wxqz") + str(rng.randrange(1, 100))
    return word[:i] + rng.choice("xqzj") + word[i + 1:]


def test_generated_queries_get_only_suggestions_that_find_hits(engine: Engine) -> None:
    rng = random.Random(5)
    vocabulary = [w for w in engine._words() if w.isalpha() and len(w) > 4]
    numbers = [w for w in engine._words() if w.isdigit()]
    offered = 0
    for _ in range(150):
        words = [_misspelt(rng, rng.choice(vocabulary + numbers))
                 for _ in range(rng.randint(1, 4))]
        query = " ".join(words)
        results = engine.search(query, limit=5)
        if results.total or results.suggestion is None:
            continue
        offered += 1
        assert engine.search(results.suggestion, limit=1).total > 0, (query, results.suggestion)
        for typed, given in zip(words, results.suggestion.split(), strict=True):
            assert same_kind(typed.lower(), given), (query, results.suggestion)
    assert offered >= 20  # misspellings of indexed words are still corrected


@pytest.mark.parametrize("query", ["w23 w24 w25", "w1 w2 w3", "x1987", "q12 z3"])
def test_words_with_digits_are_not_numbers(engine: Engine, query: str) -> None:
    suggestion = engine.search(query, limit=1).suggestion
    assert suggestion is None or all(any(c.isalpha() for c in w) for w in suggestion.split())


def test_kinds() -> None:
    assert same_kind("goverment", "government")
    assert not same_kind("w23", "23") and not same_kind("1988", "1988s")
    assert same_kind("1988", "1989") and same_kind("b52", "b52s")


def _actor_error(engine: Engine, name: str) -> str | None:
    try:
        engine.search(f'actor:"{name}"', limit=1)
    except QueryError as exc:
        return str(exc)
    return None


def test_unknown_actor_names_suggest_only_close_names(engine: Engine) -> None:
    rng = random.Random(9)
    actors = engine.actors.list(None, "articles", None, places=None)
    short = [a.name for a in actors if len(a.name) <= 4]
    told = 0
    for _ in range(60):  # a made-up name with a short actor's name as one of its words
        inside = rng.choice(short) if short else "Re"
        made = " ".join([*(rng.choice(["Nobody", "Here", "Someone", "Zzyzx"])
                           for _ in range(rng.randint(1, 2))), inside.lower() + "x"])
        message = _actor_error(engine, made)
        if message is None:
            continue
        if "did you mean" in message:
            meant = message.split("did you mean '")[1].rstrip("'?")
            from rapidfuzz import utils
            assert _name_likeness(utils.default_process(made),
                                  utils.default_process(meant)) >= SUGGEST_NAME_FROM, made
            told += 1
    assert told < 10
    long = [a for a in actors if len(a.name) >= 8 and " " not in a.name][:20]
    for actor in long:  # one letter changed: the actor itself is offered
        i = len(actor.name) // 2
        typo = actor.name[:i] + ("x" if actor.name[i] != "x" else "q") + actor.name[i + 1:]
        message = _actor_error(engine, typo)
        if message is not None:
            assert "did you mean" in message, typo


def test_likeness() -> None:
    assert _name_likeness("nobody here", "re") < SUGGEST_NAME_FROM
    assert _name_likeness("soleimany", "qassem soleimani") >= SUGGEST_NAME_FROM
    assert _name_likeness("tony blare", "tony blair") >= SUGGEST_NAME_FROM
    assert _name_likeness("mike pompeu", "mike pompeo") >= SUGGEST_NAME_FROM


def _typo(name: str, rng: random.Random) -> str:
    """One letter of the middle of `name` changed, or two swapped."""
    i = len(name) // 2 + rng.randint(-1, 1)
    if rng.random() < 0.5 and name[i + 1:i + 2].isalpha():
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    return name[:i] + ("x" if name[i].lower() != "x" else "q") + name[i + 1:]


def test_a_misspelt_alias_offers_its_actor(engine: Engine) -> None:
    """ "Teheran Times" for the "Tehran Times" an actor goes by: its actor is offered (only
    the actors' own names were compared: another actor, or nothing, was offered)."""
    rng = random.Random(11)
    actors = engine.actors.list(None, "articles", None, places=None)
    tried = 0
    for actor in actors:
        names = {actor.name.casefold()}
        for alias, _ in actor.aliases:
            # An alias of its own: not the name, nor a word of it, nor a short one.
            if len(alias) < 7 or alias.casefold() in names \
                    or alias.casefold() in actor.name.casefold():
                continue
            typo = _typo(alias, rng)
            if engine.actors.resolve(typo) is not None:
                continue
            # (The filter's own word, and the search's note, as the CLI and the
            # dashboard say it.)
            offered = engine.actors.filter(typo).close
            notes = engine.search(f'actor:"{typo}"', limit=1).notes
            assert offered is not None, typo
            assert any(f"did you mean actor:{quoted(offered)}" in n for n in notes), notes
            meant = engine.actors.resolve(offered)
            assert meant is not None and meant.id == actor.id, (typo, offered, actor.name)
            tried += 1
            break
        if tried >= 12:
            break
    assert tried >= 5
